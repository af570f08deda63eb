//! The client's own view, while he holds the device: a welcome page, one question per page in
//! the definition's plain client wording, and a page asking him to give the device back.
//!
//! The app renders these instead of the worker layout while a handover is active, and the guard
//! (`nav::guard`) lets no other page through then. Nothing here reads the assessment: no level, flag, score,
//! worker guidance or worker note can reach the page.
use dva_core::answers::prefer_not_to_say_label;
use dva_core::{Answer, Item, Response, Source, YesNo};
use leptos::prelude::*;

use crate::components::{ErrorMessage, ErrorSummary, FieldError, RadioOption, Radios};
use crate::form::{
    answer_from_radio, clip_chars, options_in, radio_value, scale_hint, Wording, PREFER_NOT,
};
use crate::handover::{self, needs_recent, FORGOTTEN_HELP_AFTER};
use crate::nav;
use crate::route::Route;
use crate::state::use_ctx;
use crate::text::{catalogue, t, tf};

/// The element id of the first option on a question page (the error summary links here).
const FIRST_OPTION: &str = "client-answer";
/// The hand-back code field.
const CODE_ID: &str = "client-code";

/// A GOV.UK back link that goes to `route`.
#[component]
fn BackLink(route: Route) -> impl IntoView {
    view! { <a class="back-link client__back" href=route.to_hash()>{t("app.back")}</a> }
}

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

/// A client question's radio group: the page's heading as its legend, large options, "Prefer
/// not to say" set apart, described by his progress line.
#[component]
fn ClientRadios(
    legend: String,
    #[prop(optional, into)] hint: MaybeProp<String>,
    options: Vec<RadioOption>,
    selected: Signal<Option<String>>,
    on_select: Callback<String>,
    error: Signal<Option<String>>,
    #[prop(optional)] grid: bool,
) -> impl IntoView {
    view! {
        <Radios id=FIRST_OPTION legend=legend hint=hint options=options selected=selected
            on_select=on_select error=error page_heading=true grid=grid apart=PREFER_NOT
            described_by="client-progress" />
    }
}

/// The client's options for an item, in his own wording, "Prefer not to say" last (worker-only
/// items, the only ones without it, are never shown to him).
fn client_options(item: &Item) -> Vec<RadioOption> {
    options_in(item, Wording::Client)
}

/// The error summary for a question page with nothing chosen.
fn choose_error() -> Vec<FieldError> {
    vec![FieldError {
        field_id: FIRST_OPTION.to_string(),
        message: t("client.error.choose"),
    }]
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

/// "Did this happen in the last 12 months?", its own page after a disclosure.
#[component]
pub fn ClientRecentPage(item_id: String) -> impl IntoView {
    let ctx = use_ctx();
    let def = ctx.def;
    let here = Route::ClientRecent(item_id.clone());
    let band = move |item: &Item| match ctx.answer_of(&item.id) {
        Some(Answer::Frequency { band, .. }) if band.is_disclosed() => Some(band),
        _ => None,
    };
    let Some(item) = untrack(|| {
        def.item(&item_id)
            .filter(|i| nav::client_number(&ctx, &i.id).is_some())
            .filter(|i| needs_recent(i, ctx.answer_of(&i.id).as_ref()))
    }) else {
        // The guard (nav::guard) lets only a follow-up he now has through.
        return ().into_any();
    };
    let item_for_progress = item.id.clone();
    let progress_text = move || nav::client_progress(&ctx, &item_for_progress).unwrap_or_default();
    let said = untrack(|| band(item))
        .map(|b| b.client_label(catalogue()))
        .unwrap_or_default();
    let hint = tf(
        "client.recent.hint",
        &[("question", &item.client_wording), ("answer", said)],
    );
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let error = Signal::derive(move || errors.with(|e| e.first().map(|e| e.message.clone())));
    let selected = Signal::derive(move || match ctx.answer_of(&item.id) {
        Some(Answer::Frequency {
            last_12_months: Some(v),
            ..
        }) => Some(v.id().to_string()),
        _ => ctx
            .handover
            .with(|h| {
                h.as_ref()
                    .is_some_and(|h| h.recent_declined.contains(&item.id))
            })
            .then(|| PREFER_NOT.to_string()),
    });
    let on_select = Callback::new(move |value: String| {
        let Some(b) = band(item) else { return };
        let last = YesNo::from_id(&value);
        let _ = ctx.answer_from(
            &item.id,
            Answer::Frequency {
                band: b,
                last_12_months: last,
            },
            Source::ClientSelfCompleted,
        );
        ctx.handover.update(|h| {
            if let Some(h) = h {
                if last.is_none() {
                    h.recent_declined.insert(item.id.clone());
                } else {
                    h.recent_declined.remove(&item.id);
                }
            }
        });
        errors.set(Vec::new());
    });
    let mut options: Vec<RadioOption> = YesNo::ALL
        .iter()
        .map(|v| RadioOption {
            value: v.id().to_string(),
            label: v.client_label(catalogue()).to_string(),
        })
        .collect();
    options.push(RadioOption {
        value: PREFER_NOT.to_string(),
        label: prefer_not_to_say_label(catalogue()).to_string(),
    });
    let back = handover::previous_page(&nav::client_pages(&ctx), &here);
    let next_here = here.clone();
    let on_continue = move |_| {
        if selected.get_untracked().is_some() {
            nav::navigate(
                &ctx,
                &handover::next_page(&nav::client_pages(&ctx), &next_here),
            );
        } else {
            errors.set(choose_error());
        }
    };
    view! {
        <BackLink route=back />
        <ErrorSummary errors=Signal::derive(move || errors.get()) />
        <p class="page__caption client__progress" id="client-progress">
            <span class="client__count">{progress_text}</span>
        </p>
        <ClientRadios legend=t("client.recent.legend") hint=hint options=options
            selected=selected on_select=on_select error=error />
        <button type="button" class="button client__button" on:click=on_continue>{t("app.continue")}</button>
        <StopLink />
    }
    .into_any()
}

/// A quiet way to stop early and give the device back.
#[component]
fn StopLink() -> impl IntoView {
    view! {
        <p class="client__stop"><a class="link" href=Route::ClientDone.to_hash()>{t("client.stop")}</a></p>
    }
}

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
