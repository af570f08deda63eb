//! DVA Screen's browser shell: Leptos components that render the pure core in `dva-core`.
//! The shell never makes a risk decision; it renders what the core computed.

pub mod app;
pub mod base64;
pub mod browser;
pub mod components;
pub mod config;
pub mod crypto;
pub mod dom_ids;
pub mod draft;
pub mod embed;
pub mod export;
pub mod flow;
pub mod form;
pub mod handover;
pub mod nav;
pub mod outcome;
pub mod rescue;
pub mod route;
pub mod saving;
pub mod scored;
pub mod screens;
pub mod state;
pub mod storage;
pub mod text;

use wasm_bindgen::JsCast;

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
    // The app mounts once the service's settings are read, so every screen starts with them.
    wasm_bindgen_futures::spawn_local(async {
        let (settings, problems) = load_config().await;
        config::install(settings, problems);
        let document = leptos::prelude::document();
        // The first paint's frame (index.html, boot.js) may have begun Quick exit already: the
        // page stays blank while the exit page loads.
        if browser::left_before_start() {
            return;
        }
        if let Some(boot) = document.get_element_by_id("boot") {
            // Its cover, if raised, stays raised: the app starts covered.
            STARTS_COVERED.with(|c| c.set(boot.has_attribute("data-covered")));
            boot.remove();
        }
        // Inside a host page's `<div id="dva-screen">` when there is one: the app renders in
        // that element only. Otherwise the app's own page.
        match document.get_element_by_id(MOUNT_ID) {
            Some(host) => {
                if let Ok(el) = host.dyn_into::<web_sys::HtmlElement>() {
                    leptos::mount::mount_to(el, app::App).forget();
                }
            }
            None => leptos::mount::mount_to_body(app::App),
        }
    });
}

thread_local! {
    /// Whether the first paint's frame had its cover up when the app replaced it.
    static STARTS_COVERED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the app starts with the screen hidden (the frame's "Hide screen" was used).
pub fn starts_covered() -> bool {
    STARTS_COVERED.with(std::cell::Cell::get)
}

/// The host page's element that the app mounts in, if there is one.
pub const MOUNT_ID: &str = "dva-screen";

/// The app's own folder: where its files are. On its own page that is the page's address; in a
/// host page, `embed.js` writes it on the host element (`data-app-base`).
pub fn app_base() -> String {
    let document = leptos::prelude::document();
    document
        .get_element_by_id(MOUNT_ID)
        .and_then(|e| e.get_attribute("data-app-base"))
        .or_else(|| document.url().ok())
        .unwrap_or_default()
}

/// `path` made absolute against the app's folder.
pub fn app_url(path: &str) -> String {
    web_sys::Url::new_with_base(path, &app_base())
        .map(|u| u.href())
        .unwrap_or_else(|_| path.to_string())
}

/// The service's settings: from the host page's config block if it has one, otherwise from
/// `config.json` beside the app (a missing file is no problem: the defaults).
async fn load_config() -> (config::Settings, Vec<config::Problem>) {
    let window = leptos::prelude::window();
    let origin = window.location().origin().unwrap_or_default();
    let block = window
        .document()
        .and_then(|d| d.get_element_by_id(config::CONFIG_BLOCK_ID))
        .and_then(|e| e.text_content());
    let (mut settings, problems) = match block {
        Some(text) => config::parse_config(&text, &origin),
        None => match fetch_text(&app_url("config.json")).await {
            Ok(Some(text)) => config::parse_config(&text, &origin),
            Ok(None) => (config::Settings::default(), Vec::new()),
            Err(status) => {
                let problem = config::Problem {
                    at: String::new(),
                    kind: config::ProblemKind::Unreadable { status },
                };
                (config::Settings::default(), vec![problem])
            }
        },
    };
    // Files beside the app, made absolute so they mean the same from a host page.
    settings.quick_exit = app_url(&settings.quick_exit);
    if let Some(logo) = settings.logo.as_mut() {
        logo.file = app_url(&logo.file);
    }
    (settings, problems)
}

/// The text at `url`: `Ok(None)` when there is none (404), `Err(status)` when it could not be
/// read (0 when the request itself failed).
async fn fetch_text(url: &str) -> Result<Option<String>, u16> {
    use wasm_bindgen_futures::JsFuture;
    let window = leptos::prelude::window();
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| 0u16)?
        .dyn_into::<web_sys::Response>()
        .map_err(|_| 0u16)?;
    match response.status() {
        404 => Ok(None),
        s if !response.ok() => Err(s),
        s => {
            let text = JsFuture::from(response.text().map_err(|_| s)?)
                .await
                .map_err(|_| s)?;
            Ok(Some(text.as_string().unwrap_or_default()))
        }
    }
}

/// A visible error screen: a Rust panic must never leave a blank page.
fn show_panic_screen() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    // In a host page, the app's own element; otherwise the whole page.
    let Some(place) = document
        .get_element_by_id(MOUNT_ID)
        .or_else(|| document.body().map(Into::into))
    else {
        return;
    };
    place.set_inner_html(
        "<div class=\"dva-screen\"><main class=\"panic\" role=\"alert\"><h1>Something went wrong</h1>\
         <p>DVA Screen hit an internal error and has stopped.</p>\
         <p>Nothing has been sent anywhere.</p></main></div>",
    );
    // The answers entered so far, from the snapshot kept outside the reactive state.
    if let Some(main) = place.query_selector("main.panic").ok().flatten() {
        rescue::offer_download(&main);
    }
}
