//! The client's own view, while he holds the device: a welcome page, one question per page in
//! the definition's plain client wording, and a page asking him to give the device back.
//!
//! The app renders these instead of the worker layout while a handover is active, and the guard
//! (`nav::guard`) lets no other page through then. Nothing here reads the assessment: no level, flag, score,
//! worker guidance or worker note can reach the page.
use dva_core::answers::prefer_not_to_say_label;
use dva_core::{Answer, Item, Response, Source};
use leptos::prelude::*;

use crate::components::{ErrorMessage, ErrorSummary, FieldError, RadioOption};
use crate::form::{answer_from_radio, clip_chars, options_in, radio_value, scale_hint, Wording};
use crate::handover;
use crate::nav;
use crate::route::Route;
use crate::state::use_ctx;
use crate::text::{catalogue, t, tf};

mod done;
mod parts;
mod recent;

pub use done::ClientDonePage;
use parts::{choose_error, BackLink, ClientRadios, StopLink, FIRST_OPTION};
pub use recent::ClientRecentPage;

#[component]
pub fn ClientStartPage() -> impl IntoView {
    let ctx = use_ctx();
    let count = ctx
        .handover
        .with_untracked(|h| h.as_ref().map(|h| h.sections.clone()))
        .map(|sections| {
            ctx.screening
                .with_untracked(|s| handover::questions(ctx.def, &s.answers, &sections).len())
        })
        .unwrap_or(0);
    let start = move |_| {
        let next = handover::next_page(&nav::client_pages(&ctx), &Route::ClientStart);
        nav::navigate(&ctx, &next);
    };
    view! {
        <h1 class="page__title" tabindex="-1">{t("client.start.title")}</h1>
        <p class="client__lead">{t("client.start.intro")}</p>
        <ul class="client__steps">
            <li>{t("client.start.one_at_a_time")}</li>
            <li>{t("client.start.tap")}</li>
            <li>{t("client.start.skip")}</li>
            <li>{t("client.start.back")}</li>
            <li>{t("client.start.give_back")}</li>
        </ul>
        <p class="client__lead">{tf("client.start.count", &[("n", &count.to_string())])}</p>
        <button type="button" class="button client__button" on:click=start>{t("client.start.button")}</button>
    }
}

/// The client's options for an item, in his own wording, "Prefer not to say" last (worker-only
/// items, the only ones without it, are never shown to him).
fn client_options(item: &Item) -> Vec<RadioOption> {
    options_in(item, Wording::Client)
}

#[component]
pub fn ClientQuestionPage(item_id: String) -> impl IntoView {
    let ctx = use_ctx();
    let def = ctx.def;
    let here = Route::ClientQuestion(item_id.clone());
    // Untracked: reading answers here would rebuild the page on every answer.
    let item = def.item(&item_id);
    // The guard (nav::guard) lets only his questions of the moment through.
    let Some(item) = item.filter(|_| untrack(|| nav::client_number(&ctx, &item_id)).is_some())
    else {
        return ().into_any();
    };
    let section_title = def
        .section(&item.section)
        .map(|s| s.client_title.clone())
        .unwrap_or_default();
    let item_id_for_progress = item.id.clone();
    let progress_text =
        move || nav::client_progress(&ctx, &item_id_for_progress).unwrap_or_default();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let error = Signal::derive(move || errors.with(|e| e.first().map(|e| e.message.clone())));
    let back = handover::previous_page(&nav::client_pages(&ctx), &here);
    let next_here = here.clone();
    let go_on = move || {
        // Computed now: his answer may have added a follow-up or a new question.
        nav::navigate(
            &ctx,
            &handover::next_page(&nav::client_pages(&ctx), &next_here),
        );
    };
    let body = match &item.response {
        Response::FreeText { max_chars } => {
            view! { <ClientText item=item max_chars=*max_chars errors=errors on_done=Callback::new(move |_| go_on()) /> }
                .into_any()
        }
        _ => {
            let selected = Signal::derive(move || ctx.answer_of(&item.id).map(|a| radio_value(&a)));
            let on_select = Callback::new(move |value: String| {
                let previous = ctx.answer_of(&item.id);
                if let Some(answer) = answer_from_radio(item, &value, previous.as_ref()) {
                    let _ = ctx.answer_from(&item.id, answer, Source::ClientSelfCompleted);
                    errors.set(Vec::new());
                }
            });
            let hint = scale_hint(item, "client.scale.hint");
            let grid = matches!(item.response, Response::Scale { .. });
            let legend = item.client_wording.clone();
            let options = client_options(item);
            let on_continue = move |_| {
                if ctx.answer_of(&item.id).is_some() {
                    go_on();
                } else {
                    errors.set(choose_error());
                }
            };
            let radios = view! {
                <ClientRadios legend=legend hint=hint options=options selected=selected
                    on_select=on_select error=error grid=grid />
            };
            view! {
                {radios}
                <button type="button" class="button client__button" on:click=on_continue>{t("app.continue")}</button>
            }
            .into_any()
        }
    };
    view! {
        <BackLink route=back />
        <ErrorSummary errors=Signal::derive(move || errors.get()) />
        <p class="page__caption client__progress" id="client-progress">
            <span class="client__section">{section_title}</span>
            <span class="client__count">{progress_text}</span>
        </p>
        {body}
        <StopLink />
    }
    .into_any()
}

/// A free-text question: the label is the page's heading. "Prefer not to say" is a button.
#[component]
fn ClientText(
    item: &'static Item,
    max_chars: usize,
    errors: RwSignal<Vec<FieldError>>,
    on_done: Callback<()>,
) -> impl IntoView {
    let ctx = use_ctx();
    let initial = match untrack(|| ctx.answer_of(&item.id)) {
        Some(Answer::Text(s)) => s,
        _ => String::new(),
    };
    let on_continue = move |_| {
        if ctx.answer_of(&item.id).is_some() {
            on_done.run(());
        } else {
            errors.set(vec![FieldError {
                field_id: FIRST_OPTION.to_string(),
                message: t("client.error.write"),
            }]);
        }
    };
    let prefer_not = move |_| {
        let _ = ctx.answer_from(
            &item.id,
            Answer::PreferNotToSay,
            Source::ClientSelfCompleted,
        );
        on_done.run(());
    };
    let has_error = move || errors.with(|e| !e.is_empty());
    view! {
        <div class="form-group client-question" class:client-question--error=has_error>
            <h1 class="page__title client-question__title" tabindex="-1">
                <label for=FIRST_OPTION>{item.client_wording.clone()}</label>
            </h1>
            {move || errors.with(|e| e.first().map(|e| e.message.clone())).map(|msg| view! {
                <ErrorMessage id="client-error" message=msg />
            })}
            <textarea class="textarea client__textarea" id=FIRST_OPTION rows="3"
                aria-describedby=move || if has_error() { "client-progress client-error" } else { "client-progress" }
                prop:value=initial
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    if text.trim().is_empty() {
                        ctx.clear_answer(&item.id);
                    } else {
                        let _ = ctx.answer_from(&item.id, Answer::Text(clip_chars(&text, max_chars)), Source::ClientSelfCompleted);
                        errors.set(Vec::new());
                    }
                }></textarea>
        </div>
        <div class="client__actions">
            <button type="button" class="button client__button" on:click=on_continue>{t("app.continue")}</button>
            <button type="button" class="button button--secondary client__button" on:click=prefer_not>{prefer_not_to_say_label(catalogue())}</button>
        </div>
    }
}
