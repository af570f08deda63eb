//! Navigation in one place: the guard that says which page may show, `navigate` and `replace`,
//! which set the route signal and the URL fragment together, the page names and steps of every
//! route, and the focus a page asks for on arrival. Screens call this module; none of them calls
//! the app's root or another screen.
//!
//! Why the route is set here, in the handler, rather than when `hashchange` arrives: the page
//! then changes in the same task as the click, so nothing (a test, or a user's next key press)
//! can meet the new address over the old page.
use dva_core::Definition;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::handover::Handover;
use crate::route::Route;
use crate::state::Ctx;
use crate::text::{t, tf};

/// What the guard needs to know of the screening at the moment of moving.
pub struct Situation<'a> {
    /// The client holds the device.
    pub client_mode: bool,
    /// The start page has been completed.
    pub started: bool,
    /// In client mode, his pages in order for the current answers (see `handover::pages`).
    pub client_pages: &'a [Route],
    /// The ids of the sections asked on question pages.
    pub asked_sections: &'a [&'a str],
}

/// The route that may show when `wanted` is asked for: `wanted` itself, or where it leads
/// instead. The one rule book for every page: while the client holds the device only his pages
/// exist (any other address is his first page, and a question that is not his now starts him
/// over); out of it none of them does; a question page, check your answers and the handover
/// need the start page completed first. Pure, tested natively.
pub fn guard(wanted: Route, s: &Situation) -> Route {
    if s.client_mode {
        return match wanted {
            Route::ClientStart | Route::ClientDone => wanted,
            Route::ClientQuestion(_) | Route::ClientRecent(_)
                if s.client_pages.contains(&wanted) =>
            {
                wanted
            }
            _ => Route::ClientStart,
        };
    }
    match &wanted {
        r if r.is_client() => {
            if s.started {
                Route::Check
            } else {
                Route::Start
            }
        }
        Route::Ask(id) if !s.started || !s.asked_sections.contains(&id.as_str()) => Route::Start,
        Route::Check | Route::Handover if !s.started => Route::Start,
        _ => wanted,
    }
}

/// The guard applied to the screening as it is now (read untracked: called from handlers).
fn allowed(ctx: &Ctx, wanted: Route) -> Route {
    let sections: Vec<&str> = crate::flow::asked_sections(ctx.def)
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    let client_mode = ctx.handover.with_untracked(Option::is_some);
    let client_pages = if client_mode {
        client_pages(ctx)
    } else {
        Vec::new()
    };
    let started = ctx.screening.with_untracked(|s| s.started_at.is_some());
    guard(
        wanted,
        &Situation {
            client_mode,
            started,
            client_pages: &client_pages,
            asked_sections: &sections,
        },
    )
}

/// Every client page in order, for the current answers (none out of client mode).
pub fn client_pages(ctx: &Ctx) -> Vec<Route> {
    let Some(sections) = ctx
        .handover
        .with_untracked(|h| h.as_ref().map(|h| h.sections.clone()))
    else {
        return Vec::new();
    };
    ctx.screening
        .with_untracked(|s| crate::handover::pages(ctx.def, &s.answers, &sections))
}

/// The route to open the app on, from the fragment it was loaded with. Before anything is
/// entered: worker mode, not started. A redirected address is replaced, and the page that shows
/// instead takes the focus, as after any redirect.
pub fn initial_route(def: &Definition) -> Route {
    let wanted = Route::from_hash(&browser::current_hash());
    let sections: Vec<&str> = crate::flow::asked_sections(def)
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    let to = guard(
        wanted.clone(),
        &Situation {
            client_mode: false,
            started: false,
            client_pages: &[],
            asked_sections: &sections,
        },
    );
    if to != wanted {
        browser::replace_hash(&to.to_hash());
        request_animation_frame(browser::focus_main_heading);
    }
    to
}

/// Moves to another page (or where the guard sends it), adding a history entry.
pub fn navigate(ctx: &Ctx, wanted: &Route) {
    let wanted = wanted.clone();
    let to = allowed(ctx, wanted.clone());
    browser::push_hash(&to.to_hash());
    show(ctx, to, wanted);
}

/// Moves to another page (or where the guard sends it) in place of the current history entry.
pub fn replace(ctx: &Ctx, wanted: &Route) {
    let wanted = wanted.clone();
    let to = allowed(ctx, wanted.clone());
    browser::replace_hash(&to.to_hash());
    show(ctx, to, wanted);
}

/// Follows the fragment after Back, Forward or a typed address (the `hashchange` listener).
/// The fragment that `navigate` itself wrote finds its page already showing: nothing happens.
pub fn follow_fragment(ctx: &Ctx) {
    let wanted = Route::from_hash(&browser::current_hash());
    let to = allowed(ctx, wanted.clone());
    if to != wanted {
        browser::replace_hash(&to.to_hash());
    }
    show(ctx, to, wanted);
}

/// Hands the device to the client: his first page. Route first, then mode, so that the client
/// shell renders straight onto that page.
pub fn hand_over(ctx: &Ctx, handover: Handover) {
    set_route(ctx, Route::ClientStart);
    ctx.handover.set(Some(handover));
    browser::push_hash(&Route::ClientStart.to_hash());
}

/// The worker's code ended client mode: check your answers. Route first, then mode, so that
/// the worker shell renders straight onto that page.
pub fn hand_back(ctx: &Ctx) {
    set_route(ctx, Route::Check);
    ctx.handover.set(None);
    browser::push_hash(&Route::Check.to_hash());
}

/// Shows `to`. A page reached by redirect is drawn afresh even when it is the page already
/// showing (a draft opened before the start page was completed shows its details), and takes
/// the focus as any new page does.
fn show(ctx: &Ctx, to: Route, wanted: Route) {
    if to == wanted {
        set_route(ctx, to);
        return;
    }
    let same = ctx.route.with_untracked(|r| *r == to);
    ctx.route.set(to);
    if same {
        // The app's own focus move follows a change of route only.
        browser::scroll_to_top();
        request_animation_frame(browser::focus_main_heading);
    }
}

/// Sets the route only when it changes: with erased views a page set again is patched in place,
/// every attribute taken off and put back, and a focused heading loses its tabindex and with it
/// the focus.
fn set_route(ctx: &Ctx, to: Route) {
    ctx.route.maybe_update(|r| {
        let changed = *r != to;
        *r = to;
        changed
    });
}

/// The step of the six a route belongs to, for the step list; `None` off the worker's flow.
pub fn step(route: &Route) -> Option<usize> {
    match route {
        Route::Start => Some(0),
        Route::Ask(_) | Route::Handover => Some(1),
        Route::Check => Some(2),
        Route::Result => Some(3),
        Route::Respond => Some(4),
        Route::Record => Some(5),
        // The client shell has no step list.
        Route::Postponed
        | Route::ClientStart
        | Route::ClientQuestion(_)
        | Route::ClientRecent(_)
        | Route::ClientDone => None,
    }
}

/// The page's name for the document title. A client page's name is plain and free of any
/// result wording: his progress, never the question.
pub fn page_name(ctx: &Ctx, route: &Route) -> String {
    let def = ctx.def;
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
        Route::ClientStart => t("client.start.title"),
        Route::ClientQuestion(id) => {
            client_progress(ctx, id).unwrap_or_else(|| t("client.question"))
        }
        // The follow-up is a page of its own, with a title of its own.
        Route::ClientRecent(id) => {
            let question = client_progress(ctx, id).unwrap_or_else(|| t("client.question"));
            tf("client.recent.page", &[("question", &question)])
        }
        Route::ClientDone => t("client.done.title"),
    }
}

/// (position, total) of one of the client's questions, for the current answers.
pub fn client_number(ctx: &Ctx, item_id: &str) -> Option<(usize, usize)> {
    let sections = ctx
        .handover
        .with(|h| h.as_ref().map(|h| h.sections.clone()))?;
    ctx.screening
        .with(|s| crate::handover::question_number(ctx.def, &s.answers, &sections, item_id))
}

/// "Question 4 of 31" for one of the client's questions, for the current answers.
pub fn client_progress(ctx: &Ctx, item_id: &str) -> Option<String> {
    let (n, total) = client_number(ctx, item_id)?;
    Some(tf(
        "client.progress",
        &[("n", &n.to_string()), ("total", &total.to_string())],
    ))
}

/// Asks the next page to focus (and scroll to) this element once it has rendered. Kept in the
/// context (`Ctx::pending_focus`), which the caller captured in its component's body.
pub fn focus_after_navigation(ctx: &Ctx, element_id: String) {
    ctx.pending_focus.set_value(Some(element_id));
}

/// Focuses the element a "Change" link asked for, if any. Two frames later, so it runs after
/// the app's own move of focus to the heading on every page change.
pub fn focus_pending(ctx: &Ctx) {
    let Some(id) = ctx.pending_focus.try_update_value(Option::take).flatten() else {
        return;
    };
    request_animation_frame(move || {
        request_animation_frame(move || {
            let Some(el) = document().get_element_by_id(&id) else {
                return;
            };
            // A radio group is entered on its chosen answer, as Tab enters it: arrow keys then
            // move on from the answer given, and Space cannot choose the first option by mistake.
            let el = el
                .get_attribute("name")
                .filter(|_| el.get_attribute("type").as_deref() == Some("radio"))
                .and_then(|name| {
                    document()
                        .query_selector(&format!("input[type=radio][name=\"{name}\"]:checked"))
                        .ok()
                        .flatten()
                })
                .unwrap_or(el);
            // Show the whole question, legend included, not just its first radio.
            let container = el.closest(".question").ok().flatten();
            container
                .as_ref()
                .unwrap_or(&el)
                .scroll_into_view_with_bool(true);
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        })
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECTIONS: [&str; 2] = ["relationship", "behaviours"];

    fn worker(started: bool) -> Situation<'static> {
        Situation {
            client_mode: false,
            started,
            client_pages: &[],
            asked_sections: &SECTIONS,
        }
    }

    #[test]
    fn in_client_mode_only_his_pages_exist() {
        let pages = [
            Route::ClientStart,
            Route::ClientQuestion("b.pushing".into()),
            Route::ClientDone,
        ];
        let s = Situation {
            client_mode: true,
            started: true,
            client_pages: &pages,
            asked_sections: &SECTIONS,
        };
        for route in Route::examples() {
            let to = guard(route.clone(), &s);
            assert!(to.is_client(), "{route:?} -> {to:?}");
        }
        for page in &pages {
            assert_eq!(&guard(page.clone(), &s), page);
        }
        // A follow-up or a question that is not his now starts him over.
        for out_of_turn in [
            Route::ClientRecent("b.pushing".into()),
            Route::ClientQuestion("b.shouting".into()),
        ] {
            assert_eq!(guard(out_of_turn, &s), Route::ClientStart);
        }
    }

    #[test]
    fn out_of_client_mode_no_client_page_exists() {
        for started in [false, true] {
            for route in Route::examples().into_iter().filter(Route::is_client) {
                let to = guard(route, &worker(started));
                assert_eq!(to, if started { Route::Check } else { Route::Start });
            }
        }
    }

    #[test]
    fn question_pages_check_and_handover_need_the_start_page_completed() {
        for route in [
            Route::Ask("behaviours".into()),
            Route::Check,
            Route::Handover,
        ] {
            assert_eq!(guard(route.clone(), &worker(false)), Route::Start);
            assert_eq!(guard(route.clone(), &worker(true)), route);
        }
        // The start page's own section, or one that does not exist, is never a question page.
        for id in ["setting", "nope"] {
            assert_eq!(guard(Route::Ask(id.into()), &worker(true)), Route::Start);
        }
        // The rest open as they are (each says what is missing itself).
        for route in [
            Route::Start,
            Route::Result,
            Route::Respond,
            Route::Record,
            Route::Postponed,
        ] {
            assert_eq!(guard(route.clone(), &worker(false)), route);
        }
    }

    #[test]
    fn every_worker_route_has_a_step_but_postponed() {
        for route in Route::examples() {
            assert_eq!(
                step(&route).is_some(),
                !route.is_client() && route != Route::Postponed,
                "{route:?}"
            );
        }
    }
}
