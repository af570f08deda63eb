//! The saved-drafts section of the start page: drafts that expired, problems found at start-up,
//! the list with Resume and Delete, the form that opens one, and "Delete all data".
use leptos::prelude::*;

use super::opening::{OpenDraft, ProblemItem};
use super::opt_in::NewPassphrase;
use super::state::{use_drafts, when};
use crate::draft::Draft;
use crate::state::use_ctx;
use crate::text::{t, tf};

/// Saved drafts, problems found at start-up, and "Delete all data". On the start page. The
/// list shows when each draft was saved and is deleted; the client reference only if the worker
/// chose to show it when saving.
#[component]
pub fn SavedDrafts() -> impl IntoView {
    let drafts = use_drafts();
    // The draft whose Resume was pressed: its passphrase form shows under the list.
    let opening = RwSignal::new(None::<String>);
    let list = move || {
        let list = drafts.stored.with(|s| s.drafts.clone());
        (!list.is_empty()).then(|| view! { <DraftTable list=list opening=opening /> })
    };
    let open_form = move || {
        let id = opening.get()?;
        let d = drafts
            .stored
            .with(|s| s.drafts.iter().find(|d| d.id == id).cloned())?;
        Some(if d.sealed.is_some() {
            view! { <OpenDraft draft=d opening=opening /> }.into_any()
        } else {
            view! { <OpenPlain draft=d opening=opening /> }.into_any()
        })
    };
    view! {
        <section class="drafts" aria-labelledby="drafts-title">
            <h2 id="drafts-title" tabindex="-1">{t("drafts.heading")}</h2>
            <Expired />
            <Problems />
            {move || drafts.unavailable.with(Option::is_some).then(|| view! { <p>{t("drafts.unavailable")}</p> })}
            {move || (drafts.stored.with(|s| s.drafts.is_empty()) && drafts.unavailable.with(Option::is_none))
                .then(|| view! { <p>{t("drafts.list.none")}</p> })}
            {list}
            {open_form}
            <DeleteAll />
        </section>
    }
}

/// How many drafts were too old and deleted at start-up (or when opened).
#[component]
fn Expired() -> impl IntoView {
    let drafts = use_drafts();
    move || {
        let n = drafts.expired_at_start.get();
        (n > 0).then(|| {
            let key = if n == 1 {
                "drafts.expired.one"
            } else {
                "drafts.expired.other"
            };
            view! { <p class="notification drafts__expired" role="status">{tf(key, &[("n", &n.to_string())])}</p> }
        })
    }
}

/// Stored values that could not be read, each to download or delete.
#[component]
fn Problems() -> impl IntoView {
    let drafts = use_drafts();
    move || {
        let list = drafts.stored.with(|s| s.problems.clone());
        (!list.is_empty()).then(|| view! {
            <div class="notification notification--warning drafts__problems" role="alert">
                <h2 class="notification__title">{t("drafts.problems.title")}</h2>
                <p>{t("drafts.problems.body")}</p>
                <ul class="drafts__problem-list">
                    {list.into_iter().map(|p| view! { <ProblemItem problem=p /> }).collect_view()}
                </ul>
            </div>
        })
    }
}

/// The table of saved drafts, newest first.
#[component]
fn DraftTable(list: Vec<Draft>, opening: RwSignal<Option<String>>) -> impl IntoView {
    view! {
        <table class="table drafts__table">
            <caption class="table__caption">{t("drafts.list.caption")}</caption>
            <thead><tr>
                <th scope="col">{t("drafts.list.saved")}</th>
                <th scope="col"><span class="visually-hidden">{t("drafts.list.actions")}</span></th>
            </tr></thead>
            <tbody>
                {list.into_iter().map(|d| view! { <DraftRow draft=d opening=opening /> }).collect_view()}
            </tbody>
        </table>
    }
}

/// One saved draft: when it was saved and is deleted, and its Resume and Delete buttons.
#[component]
fn DraftRow(draft: Draft, opening: RwSignal<Option<String>>) -> impl IntoView {
    let ctx = use_ctx();
    let drafts = use_drafts();
    let d = draft;
    let other_version =
        d.definition_id != ctx.def.id() || d.definition_version != ctx.def.version();
    let plain = d.sealed.is_none();
    let saved = when(&d.saved_at);
    // Both times in one cell: on a phone the stacked table hides its header, and each time
    // still says what it is.
    let times = tf(
        "drafts.list.times",
        &[("saved", &saved), ("expires", &when(&d.expires_at))],
    );
    let resume_label = tf("drafts.list.resume_label", &[("when", &saved)]);
    let delete_label = tf("drafts.list.delete_label", &[("when", &saved)]);
    let shown = (!d.shown_reference.trim().is_empty()).then(|| d.shown_reference.clone());
    let id = d.id.clone();
    let open_id = d.id;
    view! {
        <tr>
            <td class="drafts__reference">
                {times}
                {shown.map(|r| view! { <p class="drafts__shown">{tf("drafts.list.shown_reference", &[("reference", &r)])}</p> })}
                {plain.then(|| view! { <p class="hint">{t("drafts.list.plain")}</p> })}
                {other_version.then(|| view! { <p class="hint">{t("drafts.list.other_version")}</p> })}
            </td>
            <td class="drafts__actions">
                <button type="button" class="button button--small" aria-label=resume_label
                    on:click=move |_| {
                        opening.set(Some(open_id.clone()));
                        crate::browser::focus_id_after_render(if plain { "plain-passphrase" } else { "open-passphrase" });
                    }>{t("drafts.list.resume")}</button>
                <button type="button" class="button button--secondary button--small" aria-label=delete_label
                    on:click=move |_| {
                        drafts.delete(&id);
                        // The row is gone with its buttons: focus the list's heading.
                        crate::browser::focus_id_after_render("drafts-title");
                    }>{t("drafts.list.delete")}</button>
            </td>
        </tr>
    }
}

/// Opening a draft an earlier version saved in the clear: a passphrase is chosen to lock it.
#[component]
fn OpenPlain(draft: Draft, opening: RwSignal<Option<String>>) -> impl IntoView {
    let ctx = use_ctx();
    let drafts = use_drafts();
    let title = tf("drafts.open.title", &[("when", &when(&draft.saved_at))]);
    let on_choose = Callback::new(move |(passphrase, show): (String, bool)| {
        drafts.open_plain(ctx, &draft, passphrase, show);
    });
    view! {
        <section class="drafts__open" aria-labelledby="open-title">
            <h3 id="open-title">{title}</h3>
            <p>{t("drafts.plain.explained")}</p>
            <NewPassphrase prefix="plain" button=t("drafts.plain.button") on_choose=on_choose />
            <button type="button" class="button button--secondary" on:click=move |_| opening.set(None)>{t("drafts.open.cancel")}</button>
        </section>
    }
}

/// "Delete all data this app keeps on this device", asked twice.
#[component]
fn DeleteAll() -> impl IntoView {
    let drafts = use_drafts();
    let confirming = RwSignal::new(false);
    let deleted_all = RwSignal::new(false);
    move || {
        if drafts.unavailable.with(Option::is_some) {
            return None;
        }
        Some(if confirming.get() {
            view! { <ConfirmDeleteAll confirming=confirming deleted_all=deleted_all /> }.into_any()
        } else {
            view! {
                <div class="drafts__delete-all">
                    {move || deleted_all.get().then(|| view! {
                        <p class="notification notification--success" role="status">{t("drafts.delete_all.done")}</p>
                    })}
                    <button type="button" class="button button--secondary" id="drafts-delete-all" on:click=move |_| {
                        deleted_all.set(false);
                        confirming.set(true);
                        crate::browser::focus_id_after_render("delete-all-title");
                    }>{t("drafts.delete_all.button")}</button>
                </div>
            }
            .into_any()
        })
    }
}

/// The question before everything is deleted.
#[component]
fn ConfirmDeleteAll(confirming: RwSignal<bool>, deleted_all: RwSignal<bool>) -> impl IntoView {
    let drafts = use_drafts();
    view! {
        <section class="drafts__confirm" aria-labelledby="delete-all-title">
            <h2 id="delete-all-title" tabindex="-1">{t("drafts.delete_all.confirm_title")}</h2>
            <div class="warning-text"><strong>{t("drafts.delete_all.warning")}</strong></div>
            <div class="button-group">
                <button type="button" class="button button--warning" on:click=move |_| {
                    let _ = drafts.delete_all();
                    confirming.set(false);
                    deleted_all.set(true);
                    crate::browser::focus_id_after_render("drafts-title");
                }>{t("drafts.delete_all.confirm")}</button>
                <button type="button" class="button button--secondary" on:click=move |_| {
                    confirming.set(false);
                    crate::browser::focus_id_after_render("drafts-delete-all");
                }>
                    {t("drafts.delete_all.cancel")}
                </button>
            </div>
        </section>
    }
}
