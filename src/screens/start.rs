//! Before you ask: who is screening whom, the privacy check, the confidentiality explanation read
//! aloud, and consent. If privacy or consent cannot be had, the screening is postponed and
//! nothing is kept.
use dva_core::{Definition, ItemStatus};
use leptos::prelude::*;

use crate::components::question::{follow, Question};
use crate::components::{ErrorMessage, ErrorSummary, FieldError};
use crate::dom_ids::{item_dom_id, CLIENT_REF_ID, SERVICE_ID, WORKER_ID};
use crate::flow::first_route;
use crate::nav::{self, focus_pending};
use crate::route::Route;
use crate::state::{use_ctx, Ctx, Screening};
use crate::text::{t, tf};

/// Every problem that stops the worker going on, in page order: a missing client reference,
/// unanswered setting questions, and any stop (privacy, consent, interpreter).
pub fn problems(def: &Definition, screening: &Screening) -> Vec<FieldError> {
    let mut problems = Vec::new();
    if screening.client_reference.trim().is_empty() {
        problems.push(FieldError {
            field_id: CLIENT_REF_ID.to_string(),
            message: t("start.client_ref.error"),
        });
    }
    let stops = def.stops(&screening.answers);
    for item in def.items_in(def.start_section().unwrap_or_default()) {
        let message = match screening.answers.status(def, &item.id) {
            ItemStatus::NotAsked => None,
            ItemStatus::NotYetAnswered | ItemStatus::PreferNotToSay => {
                let key = match item.response {
                    dva_core::Response::FreeText { .. } => "start.setting.error_text",
                    _ => "start.setting.error",
                };
                Some(tf(key, &[("label", &item.label)]))
            }
            ItemStatus::Answered(_) => stops
                .iter()
                .find(|s| s.item_id == item.id)
                .map(|s| s.message.clone()),
        };
        if let Some(message) = message {
            problems.push(FieldError {
                field_id: item_dom_id(&item.id),
                message,
            });
        }
    }
    problems
}

#[component]
pub fn StartPage() -> impl IntoView {
    let ctx = use_ctx();
    let def = ctx.def;
    let errors = RwSignal::new(Vec::<FieldError>::new());
    focus_pending(&ctx);

    let item = |id: &str| {
        def.item(id)
            .expect("the setting items are in the definition")
    };
    let question = move |id: &str| {
        let item = item(id);
        let changed = follow(&[item])[0];
        view! { <Question item=item changed=changed error=error_for(errors, item_dom_id(&item.id)) /> }
    };
    let returning = move || ctx.return_to.with(Option::is_some);
    let setting = def.start_section().and_then(|id| def.section(id));

    view! {
        <p class="page__caption">{def.title().to_string()}</p>
        <h1 class="page__title" tabindex="-1">{t("start.title")}</h1>
        <ErrorSummary errors=errors.into() />
        <ConfigProblems />
        <p>{t("start.intro")}</p>
        <crate::components::drafts::SavedDrafts />
        <WorkerDetails errors=errors />
        <crate::components::drafts::DraftOptIn />

        <h2>{t("start.privacy.heading")}</h2>
        {setting.and_then(|s| s.guidance.clone()).map(|g| view! { <div class="inset">{g}</div> })}
        {question("set.alone")}
        <section class="start__script" aria-labelledby="start-script-title">
            <h3 class="start__script-title" id="start-script-title">{t("start.script.heading")}</h3>
            <p>{t("start.script.intro")}</p>
            <p>{t("start.script.private")}</p>
            <p>{t("start.script.limits")}</p>
            <p>{t("start.script.choice")}</p>
        </section>
        {question("set.confidentiality")}
        {question("set.consent")}
        {def.completed_by_item().map(question)}
        {question("set.interpreter")}
        {question("set.interpreter_name")}
        {question("set.interpreter_known")}

        <StopNotice />
        <div class="button-group">
            <button type="button" class="button" on:click=move |_| go_on(&ctx, errors)>
                {move || if returning() { t("ask.save_return") } else { t("app.continue") }}
            </button>
        </div>
    }
}

/// The message of the problem with one field, if there is one.
fn error_for(errors: RwSignal<Vec<FieldError>>, field: String) -> Signal<Option<String>> {
    Signal::derive(move || {
        errors.with(|e| {
            e.iter()
                .find(|e| e.field_id == field)
                .map(|e| e.message.clone())
        })
    })
}

/// Continue: every problem at once, or the screening starts (its time kept once) and the worker
/// goes back to where "Change" came from, or to the first question page.
fn go_on(ctx: &Ctx, errors: RwSignal<Vec<FieldError>>) {
    let def = ctx.def;
    let found = ctx.screening.with_untracked(|s| problems(def, s));
    if !found.is_empty() {
        errors.set(found);
        return;
    }
    errors.set(Vec::new());
    ctx.screening.update(|s| {
        if s.started_at.is_none() {
            s.started_at = Some(chrono::Local::now().fixed_offset());
        }
    });
    match ctx.return_to.get_untracked() {
        Some(route) => {
            ctx.return_to.set(None);
            nav::navigate(ctx, &route);
        }
        None => nav::navigate(ctx, &first_route(def)),
    }
}

/// Who is screening whom: the worker's name, the service and the client reference.
#[component]
fn WorkerDetails(errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <h2>{t("start.details.heading")}</h2>
        <TextField id=WORKER_ID label=t("start.worker.label") autocomplete="name"
            value=ctx.screening.with_untracked(|s| s.worker.clone())
            on_input=Callback::new(move |v| ctx.screening.update(|s| s.worker = v))
            error=error_for(errors, WORKER_ID.to_string()) />
        <TextField id=SERVICE_ID label=t("start.service.label") autocomplete="organization"
            value=ctx.screening.with_untracked(|s| s.service.clone())
            on_input=Callback::new(move |v| ctx.screening.update(|s| s.service = v))
            error=error_for(errors, SERVICE_ID.to_string()) />
        <TextField id=CLIENT_REF_ID label=t("start.client_ref.label") autocomplete="off"
            hint=t("start.client_ref.hint") short=true
            value=ctx.screening.with_untracked(|s| s.client_reference.clone())
            on_input=Callback::new(move |v| ctx.screening.update(|s| s.client_reference = v))
            error=error_for(errors, CLIENT_REF_ID.to_string()) />
    }
}

/// When privacy, consent or an interpreter cannot be had: postpone, keeping nothing.
#[component]
fn StopNotice() -> impl IntoView {
    let ctx = use_ctx();
    let drafts = crate::components::drafts::use_drafts();
    let stopped = move || {
        ctx.screening
            .with(|s| !ctx.def.stops(&s.answers).is_empty())
    };
    let on_postpone = move |_| {
        // Keep nothing: the answers, the reference and the names are all forgotten, and any
        // draft of this screening is deleted.
        drafts.stop();
        ctx.reset();
        nav::navigate(&ctx, &Route::Postponed);
    };
    view! {
        <Show when=stopped>
            <div class="start__stop notification" role="region" aria-labelledby="start-stop-title">
                <h2 class="start__stop-title" id="start-stop-title">{t("start.stop.heading")}</h2>
                <p>{t("start.stop.body")}</p>
                <button type="button" class="button button--warning" on:click=on_postpone>
                    {t("start.postpone")}
                </button>
            </div>
        </Show>
    }
}

/// What was wrong with the service's settings file, for the worker (the client view never
/// shows it). Nothing when the file was fine or absent.
#[component]
fn ConfigProblems() -> impl IntoView {
    let problems = crate::config::problems();
    (!problems.is_empty()).then(|| {
        view! {
            <div class="notification config-problems" role="region" aria-labelledby="config-problems-title">
                <h2 class="config-problems__title" id="config-problems-title">{t("settings.problems.heading")}</h2>
                <p>{t("settings.problems.intro")}</p>
                <ul class="config-problems__list">
                    {problems.iter().map(|p| view! { <li>{p.message()}</li> }).collect_view()}
                </ul>
            </div>
        }
    })
}

/// A labelled one-line text input with optional hint and inline error (GOV.UK text input).
/// `value` is read once when the page renders; the input owns it after that.
#[component]
fn TextField(
    id: &'static str,
    label: String,
    #[prop(optional)] hint: Option<String>,
    #[prop(optional)] short: bool,
    autocomplete: &'static str,
    value: String,
    on_input: Callback<String>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let has_hint = hint.is_some();
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let has_error = move || error.with(Option::is_some);
    view! {
        <div class="form-group" class:form-group--error=has_error>
            <label class="label" for=id>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            {move || error.get().map(|msg| view! {
                <ErrorMessage id=error_id.clone() message=msg />
            })}
            <input class="input" class:input--error=has_error class:start__input--short=short
                type="text" id=id name=id autocomplete=autocomplete spellcheck="false"
                aria-describedby=described_by
                prop:value=value
                on:input=move |ev| on_input.run(event_target_value(&ev)) />
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dva_core::{Answer, Source, YesNo};

    fn def() -> Definition {
        dva_core::builtin().expect("valid")
    }

    fn set(def: &Definition, s: &mut Screening, id: &str, a: Answer) {
        s.answers.set(def, id, a, Source::Worker).unwrap();
    }

    fn ready(def: &Definition) -> Screening {
        let mut s = Screening {
            client_reference: "AB12".into(),
            ..Screening::default()
        };
        for id in ["set.alone", "set.confidentiality", "set.consent"] {
            set(def, &mut s, id, Answer::YesNo(YesNo::Yes));
        }
        set(
            def,
            &mut s,
            "set.completed_by",
            Answer::Choice("worker".into()),
        );
        set(
            def,
            &mut s,
            "set.interpreter",
            Answer::Choice("none".into()),
        );
        s
    }

    #[test]
    fn an_empty_start_page_lists_the_reference_and_every_setting_question() {
        let def = def();
        let found = problems(&def, &Screening::default());
        let ids: Vec<&str> = found.iter().map(|p| p.field_id.as_str()).collect();
        assert_eq!(
            ids,
            [
                CLIENT_REF_ID,
                "q-set-alone",
                "q-set-confidentiality",
                "q-set-consent",
                "q-set-completed_by",
                "q-set-interpreter"
            ]
        );
    }

    #[test]
    fn a_complete_private_consented_start_has_no_problems() {
        let def = def();
        assert!(problems(&def, &ready(&def)).is_empty());
    }

    #[test]
    fn a_stop_is_a_problem_on_its_question() {
        let def = def();
        let mut s = ready(&def);
        set(
            &def,
            &mut s,
            "set.interpreter",
            Answer::Choice("family_or_friend".into()),
        );
        let found = problems(&def, &s);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].field_id, "q-set-interpreter");
    }

    #[test]
    fn a_blank_reference_is_not_a_reference() {
        let def = def();
        let mut s = ready(&def);
        s.client_reference = "   ".into();
        assert_eq!(problems(&def, &s)[0].field_id, CLIENT_REF_ID);
    }
}
