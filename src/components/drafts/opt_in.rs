//! The opt-in checkbox on the start page, and choosing a passphrase (also used when a draft
//! saved in the clear is opened).
use leptos::prelude::*;

use super::state::use_drafts;
use crate::config;
use crate::crypto;
use crate::draft::Decoded;
use crate::state::use_ctx;
use crate::text::{t, tf};

/// No shorter passphrase is accepted.
const MIN_LENGTH: usize = 4;

/// What is wrong with a chosen passphrase and its repetition, as a catalogue key.
fn passphrase_problem(pass: &str, again: &str) -> Option<&'static str> {
    if pass.is_empty() {
        Some("drafts.passphrase.missing")
    } else if pass.chars().count() < MIN_LENGTH {
        Some("drafts.passphrase.too_short")
    } else if pass != again {
        Some("drafts.passphrase.different")
    } else {
        None
    }
}

/// Choosing a passphrase: typed twice, the warning about short codes, what forgetting it means,
/// and whether the list may show the client reference. Used when the worker ticks the box and
/// when a draft saved in the clear is opened. `on_choose` gets the passphrase and that choice.
/// One error line for the pair of fields, and the short-code warning always shown, next to the
/// field it is about, rather than while the passphrase is short: to keep the wasm small.
#[component]
pub(super) fn NewPassphrase(
    prefix: &'static str,
    button: String,
    on_choose: Callback<(String, bool)>,
) -> impl IntoView {
    let pass = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let show = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let id = |what: &str| format!("{prefix}-{what}");
    let (pass_id, again_id, show_id) = (
        id("passphrase"),
        id("passphrase-again"),
        id("show-reference"),
    );
    let (hint_id, short_id, error_id) = (
        id("passphrase-hint"),
        id("passphrase-short"),
        id("passphrase-error"),
    );
    let described = format!("{hint_id} {short_id} {error_id}");
    let choose = move || {
        let (p, a) = (pass.get_untracked(), again.get_untracked());
        let problem = passphrase_problem(&p, &a);
        error.set(problem.map(t));
        if problem.is_none() {
            on_choose.run((p, show.get_untracked()));
        }
    };
    let enter = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" {
            ev.prevent_default();
            choose();
        }
    };
    view! {
        <div class="drafts__passphrase">
            <div class="form-group" class:form-group--error=move || error.with(Option::is_some)>
                <label class="label" for=pass_id.clone()>{t("drafts.passphrase.label")}</label>
                <p class="hint" id=hint_id>{t("drafts.passphrase.hint")}</p>
                <p class="error-message" id=error_id>
                    {move || error.get().map(|m| view! { <span class="visually-hidden">{t("error.prefix")}</span>{m} })}
                </p>
                <input class="input drafts__passphrase-input" type="password" id=pass_id
                    autocomplete="new-password" spellcheck="false" aria-describedby=described.clone()
                    on:input=move |ev| pass.set(event_target_value(&ev)) on:keydown=enter />
                <p class="drafts__short" id=short_id><strong>{t("drafts.passphrase.short_warning")}</strong></p>
                <label class="label" for=again_id.clone()>{t("drafts.passphrase.again")}</label>
                <input class="input drafts__passphrase-input" type="password" id=again_id
                    autocomplete="new-password" spellcheck="false" aria-describedby=described
                    on:input=move |ev| again.set(event_target_value(&ev)) on:keydown=enter />
            </div>
            <div class="form-group checkboxes__item">
                <input class="checkboxes__input" type="checkbox" id=show_id.clone()
                    on:change=move |ev| show.set(event_target_checked(&ev)) />
                <label class="label checkboxes__label" for=show_id>{t("drafts.passphrase.show_reference")}</label>
            </div>
            <div class="warning-text"><strong>{t("drafts.passphrase.forgotten")}</strong></div>
            <button type="button" class="button" on:click=move |_| choose()>{button}</button>
        </div>
    }
}

/// The opt-in checkbox, or why drafts are off. On the start page, after the client reference.
/// Ticking it asks for a passphrase; the draft is first saved when one is chosen.
#[component]
pub fn DraftOptIn() -> impl IntoView {
    let ctx = use_ctx();
    let drafts = use_drafts();
    if !config::settings().drafts_allowed {
        return view! { <p class="hint">{t("drafts.not_allowed")}</p> }.into_any();
    }
    // On a page that is not secure (plain http from another machine) nothing could be locked.
    let insecure = !crypto::available();
    let unavailable = move || insecure || drafts.unavailable.with(Option::is_some);
    // An unreadable stored draft must be dealt with first: saving could overwrite it.
    let held = move || !unavailable() && !drafts.stored.with(Decoded::writable) && !drafts.on.get();
    let hours = (config::settings().draft_lifetime.as_secs() / 3600).to_string();
    let on_choose = Callback::new(move |(passphrase, show): (String, bool)| {
        drafts.start(ctx, passphrase, show);
    });
    view! {
        <div class="form-group drafts__opt-in">
            <div class="checkboxes__item">
                <input class="checkboxes__input" type="checkbox" id="save-draft"
                    aria-describedby="save-draft-hint"
                    prop:checked=move || drafts.on.get() || drafts.choosing.get()
                    disabled=move || unavailable() || held()
                    on:change=move |ev| {
                        if event_target_checked(&ev) {
                            drafts.choosing.set(true);
                            crate::browser::focus_id_after_render("draft-passphrase");
                        } else {
                            drafts.stop();
                        }
                    } />
                <label class="label checkboxes__label" for="save-draft">{t("drafts.opt_in.label")}</label>
            </div>
            <div class="hint" id="save-draft-hint">
                {move || if insecure {
                    view! { <p class="drafts__off">{t("drafts.insecure")}</p> }.into_any()
                } else if unavailable() {
                    view! { <p class="drafts__off">{t("drafts.unavailable")}</p> }.into_any()
                } else if held() {
                    view! { <p class="drafts__off">{t("drafts.held")}</p> }.into_any()
                } else {
                    view! { <p>{tf("drafts.opt_in.hint", &[("hours", &hours)])}</p> }.into_any()
                }}
            </div>
            {move || drafts.choosing.get().then(|| view! {
                <NewPassphrase prefix="draft" button=t("drafts.passphrase.save") on_choose=on_choose />
            })}
        </div>
    }
    .into_any()
}
