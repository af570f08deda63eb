//! DVA Screen's browser shell: Leptos components that render the pure core in `dva-core`.
//! The shell never makes a risk decision; it renders what the core computed.

pub mod app;
pub mod browser;
pub mod components;
pub mod config;
pub mod crypto;
pub mod draft;
pub mod export;
pub mod handover;
pub mod outcome;
pub mod rescue;
pub mod route;
pub mod screens;
pub mod state;
pub mod storage;
pub mod text;

/// Installs the panic screen, then mounts the app in place of the loading message.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        // Log for the developer console, then replace the page with a message a worker can act on.
        web_sys::console::error_1(&info.to_string().into());
        // During quick exit the page must stay blank, whatever goes wrong.
        if !browser::leaving() {
            show_panic_screen();
        }
    }));
    #[cfg(feature = "test-hooks")]
    rescue::install_test_hooks();
    if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(app::App);
}

/// A visible error screen: a Rust panic must never leave a blank page.
fn show_panic_screen() {
    let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    else {
        return;
    };
    body.set_inner_html(
        "<main class=\"panic\" role=\"alert\"><h1>Something went wrong</h1>\
         <p>DVA Screen hit an internal error and has stopped.</p>\
         <p>Nothing has been sent anywhere.</p></main>",
    );
    // The answers entered so far, from the snapshot kept outside the reactive state.
    if let Some(main) = body.query_selector("main.panic").ok().flatten() {
        rescue::offer_download(&main);
    }
}
