//! The app's root: loads the questionnaire definition once, provides the shared state, follows
//! the URL fragment, and renders the page for the current step inside the common layout.
use leptos::prelude::*;

use crate::browser;
use crate::components::safety::{HideScreenButton, HideScreenCover, QuickExit};
use crate::config::{self, Titles};
use crate::nav;
use crate::route::Route;
use crate::screens;
use crate::state::Ctx;
use crate::text::{t, tf};

#[component]
pub fn App() -> impl IntoView {
    match load_definition() {
        // Leaked once: the definition lives as long as the page, and `&'static` keeps closures simple.
        Ok(def) => view! { <Shell def=Box::leak(Box::new(def)) /> }.into_any(),
        // No context exists on this branch: nothing here may call `use_ctx` (the drafts' status
        // did, and a broken definition showed the panic screen instead of its problems).
        Err(problems) => view! {
            <main id="main" class="page">
                <h1 class="page__title" tabindex="-1">{t("app.load_error.title")}</h1>
                <p>{t("app.load_error.body")}</p>
                <ul>{problems.into_iter().map(|p| view! { <li>{p.to_string()}</li> }).collect_view()}</ul>
            </main>
        }
        .into_any(),
    }
}

/// The built-in questionnaire, or every problem found in it.
fn load_definition() -> Result<dva_core::Definition, Vec<dva_core::DefinitionError>> {
    // Test builds only: a broken definition, so the browser tests can see the problem list.
    #[cfg(feature = "test-hooks")]
    if browser::current_hash() == crate::rescue::BROKEN_DEFINITION_HASH {
        return dva_core::parse(BROKEN_DEFINITION);
    }
    let mut def = dva_core::definition::builtin()?;
    // The settings were checked against this definition's optional sections, so nothing is
    // refused here; were something refused, every question would simply still be asked.
    let _ = def.switch_off(&config::settings().sections_off);
    Ok(def)
}

/// Four empty headers: problems enough for a list.
#[cfg(feature = "test-hooks")]
const BROKEN_DEFINITION: &str =
    r#"{"id": "", "version": "", "date": "", "title": "", "sections": [], "items": []}"#;

/// The app once the definition is loaded: the shared state, the route, the layout.
#[component]
fn Shell(def: &'static dva_core::Definition) -> impl IntoView {
    let ctx = Ctx::new(def, nav::initial_route(def));
    provide_context(ctx);
    crate::components::drafts::provide(ctx);
    let refusals = crate::components::error_summary::Refusals::provide();

    // Back, Forward and a typed address change the fragment; the route follows it, through the
    // guard (a worker address while the client holds the device is his first page).
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        nav::follow_fragment(&ctx);
    });
    on_cleanup(move || listener.remove());

    let covered = RwSignal::new(crate::starts_covered());
    follow_title_and_focus(ctx, covered, refusals);

    let version = tf(
        "app.definition_version",
        &[
            ("title", def.title()),
            ("id", def.id()),
            ("version", def.version()),
            ("date", def.date()),
        ],
    );
    // Invariant: in client mode only the client shell renders (its header name, its pages, a
    // plain footer). The step nav, worker pages and anything added to the worker layout are not
    // in the document at all, so nothing of the result can be read, seen or inspected.
    let client = Memo::new(move |_| ctx.client_mode());
    let root = NodeRef::<leptos::html::Div>::new();
    apply_colours(root);
    view! {
        <div class="dva-screen" node_ref=root>
        <HideScreenCover covered=covered />
        <div class="app" class:app--client=move || client.get() inert=move || covered.get()>
            <a class="skip-link" href="#main" on:click=|ev| {
                ev.prevent_default();
                browser::focus_main_heading();
            }>{t("app.skip_link")}</a>
            <AppHeader client=client covered=covered />
            {move || if client.get() {
                view! {
                    <main id="main" class="page page--client">
                        {move || screens::page_for(ctx.route.get())}
                    </main>
                    <footer class="app-footer">
                        <p class="app-footer__privacy">{t("app.privacy_line")}</p>
                    </footer>
                }
                .into_any()
            } else {
                let version = version.clone();
                view! {
                    <StepNav />
                    <crate::components::drafts::DraftStatus />
                    <main id="main" class="page">
                        {move || screens::page_for(ctx.route.get())}
                    </main>
                    <footer class="app-footer">
                        <p class="app-footer__privacy">{t("app.privacy_line")}</p>
                        <p class="app-footer__privacy">{t("safety.exit_explained")}</p>
                        <p class="app-footer__version">{version}</p>
                    </footer>
                }
                .into_any()
            }}
        </div>
        </div>
    }
}

/// Sets the title on every page change and whenever the cover goes up or down or a form is
/// refused, and moves to the top of the new page with the focus on its main heading.
fn follow_title_and_focus(
    ctx: Ctx,
    covered: RwSignal<bool>,
    refusals: crate::components::error_summary::Refusals,
) {
    // The title, on every page change and whenever the cover goes up or down. Under the neutral
    // setting (the service's `neutral_titles`, config::CLIENT_TITLES) and while covered it is the neutral title,
    // so the tab, the window bar and the browser's history say nothing; the page is still
    // announced inside the page, by the focus moving to its main heading. While a form on the
    // page is refused, the title starts with "Error: " (neutral titles too, so that the refusal
    // is still announced). On a page change: top of page, focus on the main heading.
    Effect::new(move |prev: Option<Route>| {
        let route = ctx.route.get();
        let client = ctx.client_mode();
        let setting = if client {
            config::CLIENT_TITLES
        } else {
            config::settings().worker_titles
        };
        let page = if covered.get() || setting == Titles::Neutral {
            t("app.neutral_title")
        } else if client {
            tf(
                "client.page_title",
                &[("page", &nav::page_name(&ctx, &route))],
            )
        } else {
            match &config::settings().service_name {
                Some(service) => tf(
                    "app.page_title_service",
                    &[
                        ("page", &nav::page_name(&ctx, &route)),
                        ("service", service),
                    ],
                ),
                None => tf("app.page_title", &[("page", &nav::page_name(&ctx, &route))]),
            }
        };
        let title = if refusals.any() && !covered.get() {
            tf("app.error_title", &[("title", &page)])
        } else {
            page
        };
        browser::set_title(&title);
        if prev.is_some_and(|p| p != route) {
            browser::scroll_to_top();
            // After the new page has rendered.
            request_animation_frame(browser::focus_main_heading);
        }
        route
    });
}

/// Applies the service's colours to the app's root element.
fn apply_colours(root: NodeRef<leptos::html::Div>) {
    // The service's colours, as the custom properties style/main.css reads. Set through the
    // CSSOM: the Content-Security-Policy refuses inline style attributes, rightly.
    Effect::new(move |_| {
        let Some(el) = root.get() else { return };
        // In an iframe, the embedding page is told the app's height as it changes.
        crate::embed::report_height(&el);
        let c = &config::settings().colours;
        if *c == config::Colours::default() {
            return;
        }
        let style = web_sys::HtmlElement::style(&el);
        for (name, value) in [
            ("--colour-header", c.header.clone()),
            ("--colour-header-text", c.header_text.clone()),
            ("--colour-button", c.button.clone()),
            ("--colour-button-text", c.button_text.clone()),
            ("--colour-button-hover", config::darker(&c.button, 0.8)),
            ("--colour-button-shadow", config::darker(&c.button, 0.4)),
            ("--colour-link", c.link.clone()),
        ] {
            let _ = style.set_property(name, &value);
        }
    });
}

/// The header: the app's (or, in client mode, the client's plain) name, quick exit and hide
/// screen. The service's name and logo are the worker's; the client's header stays plain.
#[component]
fn AppHeader(client: Memo<bool>, covered: RwSignal<bool>) -> impl IntoView {
    let settings = config::settings();
    let service_name = settings.service_name.clone();
    let logo = settings.logo.clone();
    view! {
        <header class="app-header">
            <div class="app-header__inner">
                {move || if client.get() {
                    view! { <p class="app-header__name">{t("client.header")}</p> }.into_any()
                } else {
                    view! {
                        <p class="app-header__name">
                            {logo.clone().map(|l| view! { <img class="app-header__logo" src=l.file alt=l.alt /> })}
                            <span>{t("app.name")}</span>
                            {service_name.clone().map(|s| view! { <span class="app-header__service">{s}</span> })}
                        </p>
                    }
                    .into_any()
                }}
                // Quick exit first: the first stop after the skip link.
                <div class="app-header__safety">
                    <QuickExit />
                    <HideScreenButton covered=covered />
                </div>
            </div>
        </header>
    }
}

/// The six steps, with the current one marked: progress, not navigation (plain text, not links:
/// the flow's own buttons move between steps, and Back works through the browser). Each step
/// says in words whether it is done, current or not started, and done steps have a tick, so the
/// state is never told by colour alone.
#[component]
fn StepNav() -> impl IntoView {
    let ctx = crate::state::use_ctx();
    let steps = [
        ("steps.start", 0),
        ("steps.ask", 1),
        ("steps.check", 2),
        ("steps.result", 3),
        ("steps.respond", 4),
        ("steps.record", 5),
    ];
    let current = move || nav::step(&ctx.route.get());
    view! {
        <div class="steps">
            <ol class="steps__list" aria-label=t("steps.label")>
                {steps.into_iter().map(|(key, i)| view! {
                    <li class="steps__item"
                        class:steps__item--current=move || current() == Some(i)
                        class:steps__item--done=move || current().is_some_and(|c| c > i)
                        aria-current=move || (current() == Some(i)).then_some("step")>
                        {t(key)}
                        // The current step is told by aria-current ("current step").
                        <span class="visually-hidden">{move || match current() {
                            Some(c) if c > i => t("steps.state.done"),
                            Some(c) if c == i => String::new(),
                            _ => t("steps.state.not_started"),
                        }}</span>
                    </li>
                }).collect_view()}
            </ol>
        </div>
    }
}
