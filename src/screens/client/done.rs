//! The page asking him to give the device back, with the worker's hand-back code.
use leptos::prelude::*;

use super::parts::BackLink;
use crate::components::{ErrorMessage, ErrorSummary, FieldError};
use crate::handover::{self, FORGOTTEN_HELP_AFTER};
use crate::nav;
use crate::route::Route;
use crate::state::use_ctx;
use crate::text::t;

/// The hand-back code field.
const CODE_ID: &str = "client-code";

/// Please give the device back. The worker's code (set at handover) returns to the worker pages.
#[component]
pub fn ClientDonePage() -> impl IntoView {
    let ctx = use_ctx();
    let pages_now = nav::client_pages(&ctx);
    let back = handover::previous_page(&pages_now, &Route::ClientDone);
    let typed = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let wrong = move || {
        ctx.handover
            .with(|h| h.as_ref().map_or(0, |h| h.wrong_tries))
    };
    let hand_back = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let ok = ctx.handover.with_untracked(|h| {
            h.as_ref()
                .is_some_and(|h| h.code_matches(&typed.get_untracked()))
        });
        if ok {
            nav::hand_back(&ctx);
        } else {
            ctx.handover.update(|h| {
                if let Some(h) = h {
                    h.wrong_tries += 1;
                }
            });
            typed.set(String::new());
            errors.set(vec![FieldError {
                field_id: CODE_ID.to_string(),
                message: t("client.done.code_wrong"),
            }]);
        }
    };
    let has_error = move || errors.with(|e| !e.is_empty());
    view! {
        <BackLink route=back />
        <ErrorSummary errors=Signal::derive(move || errors.get()) />
        <h1 class="page__title" tabindex="-1">{t("client.done.title")}</h1>
        <p class="client__lead">{t("client.done.give_back")}</p>
        <p class="client__lead">{t("client.done.go_through")}</p>
        <section class="client__worker" aria-labelledby="client-worker-heading">
            <h2 class="client__worker-title" id="client-worker-heading">{t("client.done.worker_heading")}</h2>
            <form class="client__code-form" on:submit=hand_back novalidate>
                <div class="form-group" class:form-group--error=has_error>
                    <label class="label" for=CODE_ID>{t("client.done.code_label")}</label>
                    <p class="hint" id="client-code-hint">{t("client.done.code_hint")}</p>
                    {move || errors.with(|e| e.first().map(|e| e.message.clone())).map(|msg| view! {
                        <ErrorMessage id="client-code-error" message=msg />
                    })}
                    <input class="input input--short client__code" class:input--error=has_error
                        id=CODE_ID type="password" inputmode="numeric" autocomplete="one-time-code"
                        maxlength="8"
                        aria-describedby=move || if has_error() { "client-code-hint client-code-error" } else { "client-code-hint" }
                        prop:value=move || typed.get()
                        on:input=move |ev| typed.set(event_target_value(&ev)) />
                </div>
                <button type="submit" class="button button--secondary">{t("client.done.code_button")}</button>
            </form>
            <Show when=move || { wrong() >= FORGOTTEN_HELP_AFTER }>
                <div class="inset client__forgotten">
                    <p>{t("client.done.forgotten")}</p>
                </div>
            </Show>
        </section>
    }
}
