//! "Draft saved at 14:32" and any problem with saving, on every page.
use leptos::prelude::*;

use super::state::{clock, use_drafts, when, Drafts, Status};
use crate::state::{use_ctx, Ctx};
use crate::text::{t, tf};

/// A button of the problem panel: its label, whether it is the primary one, and what it does.
type Action = Option<(String, bool, Callback<()>)>;

/// The problem panel's title, body and up to two buttons; `None` when there is no problem.
fn panel(ctx: Ctx, drafts: Drafts, status: Status) -> Option<(String, String, Action, Action)> {
    let download: Action = Some((
        t("drafts.download_answers"),
        true,
        Callback::new(move |_| download_answers(ctx)),
    ));
    Some(match status {
        Status::Full => (
            t("drafts.full.title"),
            t("drafts.full.body"),
            download,
            None,
        ),
        Status::Failed => (
            t("drafts.failed.title"),
            t("drafts.failed.body"),
            download,
            None,
        ),
        Status::Conflict(theirs) => (
            t("drafts.conflict.title"),
            tf("drafts.conflict.body", &[("time", &when(&theirs.saved_at))]),
            Some((
                t("drafts.conflict.load"),
                true,
                Callback::new(move |_| drafts.load_theirs(ctx, (*theirs).clone())),
            )),
            Some((
                t("drafts.conflict.keep"),
                false,
                Callback::new(move |_| {
                    drafts.on.set(true);
                    drafts.save(ctx, true);
                }),
            )),
        ),
        Status::DeletedElsewhere => (
            t("drafts.deleted.title"),
            t("drafts.deleted.body"),
            Some((
                t("drafts.deleted.save_again"),
                false,
                Callback::new(move |_| drafts.start_again(ctx)),
            )),
            None,
        ),
        Status::Blocked => (
            t("drafts.blocked.title"),
            t("drafts.blocked.body"),
            None,
            None,
        ),
        Status::Off | Status::Saved(_) => return None,
    })
}

fn download_answers(ctx: Ctx) {
    let json = ctx
        .screening
        .with_untracked(|s| serde_json::to_string(s).unwrap_or_default());
    crate::browser::download("dva-screen-answers.json", "application/json", &json);
}

/// "Draft saved at 14:32" and any problem with saving, on every page. Place once in the layout.
/// While a change waits to be saved the line is `aria-busy`, so it is announced once saved.
#[component]
pub fn DraftStatus() -> impl IntoView {
    let ctx = use_ctx();
    let drafts = use_drafts();
    let saved = move || match drafts.status.get() {
        Status::Saved(at) => tf("drafts.saved_at", &[("time", &clock(&at))]),
        _ => String::new(),
    };
    // One panel shape for every problem (one view type keeps the wasm small): a title, a body,
    // and up to two buttons.
    let problem = move || {
        let (title, body, first, second) = panel(ctx, drafts, drafts.status.get())?;
        let button = |action: Action| {
            action.map(|(label, primary, run)| {
                view! {
                    <button type="button" class="button" class:button--secondary=!primary
                        on:click=move |_| run.run(())>{label}</button>
                }
            })
        };
        Some(view! {
            <div class="notification notification--warning drafts__problem" id="drafts-problem" role="alert" tabindex="-1">
                <h2 class="notification__title">{title}</h2>
                <p>{body}</p>
                <div class="button-group">{button(first)}{button(second)}</div>
            </div>
        })
    };
    // A problem appears at the top of the page, while the worker may be far down it: move focus
    // (and so the view) to it, as with an error summary.
    Effect::new(move |_| {
        if drafts.status.with(Status::is_problem) {
            crate::browser::focus_id_after_render("drafts-problem");
        }
    });
    view! {
        <p class="drafts__status" role="status" aria-busy=move || drafts.pending.get().then_some("true")>{saved}</p>
        {problem}
    }
}
