//! The app's root: loads the questionnaire definition once, provides the shared state, follows
//! the URL fragment, and renders the page for the current step inside the common layout.
use leptos::prelude::*;

use crate::browser;
use crate::components::safety::{HideScreenButton, HideScreenCover, QuickExit};
use crate::config::{self, Titles};
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
    dva_core::definition::builtin()
}

/// Four empty headers: problems enough for a list.
#[cfg(feature = "test-hooks")]
const BROKEN_DEFINITION: &str =
    r#"{"id": "", "version": "", "date": "", "title": "", "sections": [], "items": []}"#;

/// The app once the definition is loaded: the shared state, the route, the layout.
#[component]
fn Shell(def: &'static dva_core::Definition) -> impl IntoView {
    let ctx = Ctx::new(def, Route::from_hash(&browser::current_hash()));
    provide_context(ctx);
    crate::components::drafts::provide(ctx);
    let refusals = crate::components::error_summary::Refusals::provide();

    // Back and Forward change the fragment; the route follows it. Only a different route is
    // set: handing over and handing back set the route themselves before the fragment, and
    // setting it again would render the page a second time over the first (its local state
    // lost, and with erased views every attribute taken off and put back, so the focused
    // heading loses its tabindex and with it the focus).
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        let route = Route::from_hash(&browser::current_hash());
        ctx.route.maybe_update(|r| {
            let changed = *r != route;
            *r = route;
            changed
        });
    });
    on_cleanup(move || listener.remove());

    // Client mode guard: while the client holds the device only client pages exist, and out
    // of it none does. A typed address (#/result) or Back to a worker page lands on his first
    // page instead; the worker's code is the only way back (see screens::client).
    Effect::new(move |_| {
        let route = ctx.route.get();
        let client = ctx.client_mode();
        if route.is_client() != client {
            let to = if client {
                Route::ClientStart
            } else if ctx.screening.with_untracked(|s| s.started_at.is_some()) {
                Route::Check
            } else {
                Route::Start
            };
            browser::replace_hash(&to.to_hash());
            ctx.route.set(to);
        }
    });

    let covered = RwSignal::new(crate::starts_covered());
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
                &[("page", &screens::client::page_name(&ctx, &route))],
            )
        } else {
            match &config::settings().service_name {
                Some(service) => tf(
                    "app.page_title_service",
                    &[("page", &page_name(def, &route)), ("service", service)],
                ),
                None => tf("app.page_title", &[("page", &page_name(def, &route))]),
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
    let settings = config::settings();
    // The service's name and logo are the worker's; the client's header stays plain.
    let service_name = settings.service_name.clone();
    let logo = settings.logo.clone();
    let root = NodeRef::<leptos::html::Div>::new();
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
    view! {
        <div class="dva-screen" node_ref=root>
        <HideScreenCover covered=covered />
        <div class="app" class:app--client=move || client.get() inert=move || covered.get()>
            <a class="skip-link" href="#main" on:click=|ev| {
                ev.prevent_default();
                browser::focus_main_heading();
            }>{t("app.skip_link")}</a>
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
            {move || if client.get() {
                view! {
                    <main id="main" class="page page--client">
                        {move || screens::client::page_for(ctx.route.get())}
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
    let current = move || step_index(&ctx.route.get());
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

fn step_index(route: &Route) -> Option<usize> {
    match route {
        Route::Start => Some(0),
        Route::Ask(_) => Some(1),
        Route::Check => Some(2),
        Route::Result => Some(3),
        Route::Respond => Some(4),
        Route::Record => Some(5),
        Route::Postponed => None,
        Route::Handover => Some(1),
        // Never shown: the client shell has no step nav.
        Route::ClientStart
        | Route::ClientQuestion(_)
        | Route::ClientRecent(_)
        | Route::ClientDone => None,
    }
}

/// The page's name for the document title.
fn page_name(def: &dva_core::Definition, route: &Route) -> String {
    match route {
        Route::Ask(id) => def
            .section(id)
            .map(|s| s.title.clone())
            .unwrap_or_else(|| t("steps.ask")),
        Route::Start => t("steps.start"),
        Route::Check => t("steps.check"),
        Route::Result => t("steps.result"),
        Route::Respond => t("steps.respond"),
        Route::Record => t("record.summary_heading"),
        Route::Postponed => t("postponed.title"),
        Route::Handover => t("handover.title"),
        // Client pages are named by screens::client::page_name.
        Route::ClientStart
        | Route::ClientQuestion(_)
        | Route::ClientRecent(_)
        | Route::ClientDone => t("steps.ask"),
    }
}

/// Moves to another step, adding a history entry.
pub fn navigate(route: &Route) {
    browser::push_hash(&route.to_hash());
}
