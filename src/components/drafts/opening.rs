//! Opening a saved draft with its passphrase, and one unreadable stored value with its
//! download and delete buttons.
use leptos::prelude::*;

use super::state::{use_drafts, when};
use crate::draft::{Draft, Problem, ProblemKind};
use crate::state::use_ctx;
use crate::text::{t, tf};

/// Opening a locked draft: its passphrase, a wrong one said plainly, and what to do if it is
/// forgotten.
#[component]
pub(super) fn OpenDraft(draft: Draft, opening: RwSignal<Option<String>>) -> impl IntoView {
    let ctx = use_ctx();
    let drafts = use_drafts();
    let pass = RwSignal::new(String::new());
    let error = RwSignal::new(None::<&'static str>);
    let d = StoredValue::new(draft);
    let open = move || {
        let p = pass.get_untracked();
        if p.is_empty() {
            error.set(Some("drafts.open.missing"));
            return;
        }
        error.set(None);
        drafts.open(ctx, d.get_value(), p, move |key| {
            error.set(Some(key));
            crate::browser::focus_id_after_render("open-passphrase");
        });
    };
    let title = tf(
        "drafts.open.title",
        &[("when", &d.with_value(|d| when(&d.saved_at)))],
    );
    view! {
        <section class="drafts__open" aria-labelledby="open-title">
            <h3 id="open-title">{title}</h3>
            <div class="form-group" class:form-group--error=move || error.with(Option::is_some)>
                <label class="label" for="open-passphrase">{t("drafts.open.label")}</label>
                <p class="hint" id="open-passphrase-hint">{t("drafts.open.hint")}</p>
                <p class="error-message" id="open-passphrase-error">
                    {move || error.get().map(|k| view! { <span class="visually-hidden">{t("error.prefix")}</span>{t(k)} })}
                </p>
                <input class="input drafts__passphrase-input" type="password" id="open-passphrase"
                    autocomplete="current-password" spellcheck="false"
                    aria-describedby="open-passphrase-hint open-passphrase-error"
                    on:input=move |ev| pass.set(event_target_value(&ev))
                    on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); open(); } />
            </div>
            <div class="button-group">
                <button type="button" class="button" on:click=move |_| open()>{t("drafts.open.button")}</button>
                <button type="button" class="button button--secondary" on:click=move |_| opening.set(None)>{t("drafts.open.cancel")}</button>
            </div>
        </section>
    }
}

/// One unreadable stored value: what is wrong, download it exactly, or delete it.
#[component]
pub(super) fn ProblemItem(problem: Problem) -> impl IntoView {
    let drafts = use_drafts();
    let what = match &problem.kind {
        ProblemKind::Corrupted => t("drafts.problem.corrupted"),
        ProblemKind::Truncated => t("drafts.problem.truncated"),
        ProblemKind::NewerFormat(_) => t("drafts.problem.newer"),
        ProblemKind::UnreadableDraft => t("drafts.problem.unreadable"),
    };
    let whose = problem
        .client_reference
        .clone()
        .map(|r| tf("drafts.problem.whose", &[("reference", &r)]));
    let raw = problem.raw.clone();
    let confirm = RwSignal::new(false);
    let problem = StoredValue::new(problem);
    // "Delete it" gives way to "Yes, delete it for good", which takes focus; once the item is
    // gone, focus goes to the drafts heading.
    let confirm_button = NodeRef::<leptos::html::Button>::new();
    view! {
        <li class="drafts__problem-item">
            <p>{what}" "{whose}</p>
            <div class="button-group">
                <button type="button" class="button button--secondary" on:click=move |_| {
                    crate::browser::download("dva-screen-raw-draft.txt", "text/plain", &raw);
                }>{t("drafts.problem.download")}</button>
                <Show when=move || !confirm.get() fallback=move || view! {
                    <button type="button" class="button button--warning" node_ref=confirm_button on:click=move |_| {
                        problem.with_value(|p| drafts.delete_problem(p));
                        crate::browser::focus_id_after_render("drafts-title");
                    }>{t("drafts.problem.delete_confirm")}</button>
                }>
                    <button type="button" class="button button--secondary" on:click=move |_| {
                        confirm.set(true);
                        request_animation_frame(move || {
                            if let Some(b) = confirm_button.get_untracked() {
                                let _ = b.focus();
                            }
                        });
                    }>
                        {t("drafts.problem.delete")}
                    </button>
                </Show>
            </div>
        </li>
    }
}
