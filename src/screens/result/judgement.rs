//! Professional judgement: raise (or, where the core allows, lower) the level with a reason, and
//! the judgement recorded beside the computed level. The core checks it (`apply_judgement`).
use dva_core::{Judgement, JudgementError, Level};
use leptos::prelude::*;

use crate::components::{ErrorMessage, ErrorSummary, FieldError, RadioOption, Radios};
use crate::outcome::{self, level_modifier};
use crate::state::{use_ctx, Ctx};
use crate::text::{catalogue, t, tf};

#[component]
pub(super) fn JudgementForm() -> impl IntoView {
    let ctx = use_ctx();
    let form = JudgementDraft::new();
    let options = level_options(ctx.assessment.with_untracked(|a| a.level));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.submit(&ctx);
    };
    let JudgementDraft {
        choice,
        reason,
        lead,
        errors,
        level_error,
        reason_error,
        lead_error,
    } = form;
    view! {
        <section class="result__section result__judgement no-print-controls" aria-labelledby="judgement-heading">
            <h2 id="judgement-heading" tabindex="-1">{t("result.judgement.heading")}</h2>
            <JudgementShown />
            <div class="no-print">
                <p>{t("result.judgement.intro")}</p>
                <ErrorSummary errors=errors.into() />
                <form class="result__judgement-form" novalidate on:submit=submit>
                    <Radios id="judgement-level".to_string() legend=t("result.judgement.level_legend")
                        hint=t("result.judgement.level_hint")
                        options=options
                        selected=choice.into()
                        on_select=Callback::new(move |v| choice.set(Some(v)))
                        error=level_error small=true />
                    <div class="form-group" class:form-group--error=move || reason_error.get().is_some()>
                        <label class="label" for="judgement-reason">{t("result.judgement.reason_label")}</label>
                        <p class="hint" id="judgement-reason-hint">{t("result.judgement.reason_hint")}</p>
                        {move || reason_error.get().map(|m| view! {
                            <ErrorMessage id="judgement-reason-error" message=m />
                        })}
                        <textarea class="textarea" id="judgement-reason" name="judgement-reason" rows="4"
                            class:textarea--error=move || reason_error.get().is_some()
                            aria-describedby=move || if reason_error.get().is_some() { "judgement-reason-hint judgement-reason-error" } else { "judgement-reason-hint" }
                            prop:value=move || reason.get()
                            on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                    </div>
                    <div class="form-group" class:form-group--error=move || lead_error.get().is_some()>
                        <label class="label" for="judgement-lead">{t("result.judgement.lead_label")}</label>
                        <p class="hint" id="judgement-lead-hint">{t("result.judgement.lead_hint")}</p>
                        {move || lead_error.get().map(|m| view! {
                            <ErrorMessage id="judgement-lead-error" message=m />
                        })}
                        <input class="input" type="text" id="judgement-lead" name="judgement-lead" autocomplete="off"
                            class:input--error=move || lead_error.get().is_some()
                            aria-describedby=move || if lead_error.get().is_some() { "judgement-lead-hint judgement-lead-error" } else { "judgement-lead-hint" }
                            prop:value=move || lead.get()
                            on:input=move |ev| lead.set(event_target_value(&ev)) />
                    </div>
                    <button class="button button--secondary" type="submit">{t("result.judgement.submit")}</button>
                </form>
            </div>
        </section>
    }
}

/// Every level, highest first, the computed one marked as such.
fn level_options(computed: Level) -> Vec<RadioOption> {
    Level::ALL
        .iter()
        .rev()
        .map(|l| RadioOption {
            value: l.id().to_owned(),
            label: if *l == computed {
                tf(
                    "result.judgement.option_computed",
                    &[("level", l.label(catalogue()))],
                )
            } else {
                l.label(catalogue()).to_owned()
            },
        })
        .collect()
}

/// The judgement being written, and its errors, before the core accepts it.
#[derive(Clone, Copy)]
struct JudgementDraft {
    choice: RwSignal<Option<String>>,
    reason: RwSignal<String>,
    lead: RwSignal<String>,
    errors: RwSignal<Vec<FieldError>>,
    level_error: RwSignal<Option<String>>,
    reason_error: RwSignal<Option<String>>,
    lead_error: RwSignal<Option<String>>,
}

impl JudgementDraft {
    fn new() -> JudgementDraft {
        JudgementDraft {
            choice: RwSignal::new(None),
            reason: RwSignal::new(String::new()),
            lead: RwSignal::new(String::new()),
            errors: RwSignal::new(Vec::new()),
            level_error: RwSignal::new(None),
            reason_error: RwSignal::new(None),
            lead_error: RwSignal::new(None),
        }
    }

    /// Records the judgement if the core accepts it and empties the form; otherwise shows the
    /// core's objection at its field.
    fn submit(self, ctx: &Ctx) {
        self.level_error.set(None);
        self.reason_error.set(None);
        self.lead_error.set(None);
        let Some(level) = self
            .choice
            .get()
            .and_then(|id| Level::ALL.into_iter().find(|l| l.id() == id))
        else {
            let msg = t("result.judgement.error_level");
            self.level_error.set(Some(msg.clone()));
            self.errors.set(vec![FieldError {
                field_id: "judgement-level".into(),
                message: msg,
            }]);
            return;
        };
        let judgement = Judgement {
            level,
            reason: self.reason.get(),
            lead: self.lead.get(),
        };
        match ctx
            .assessment
            .with(|a| dva_core::apply_judgement(a, &judgement))
        {
            Ok(_) => {
                self.errors.set(Vec::new());
                ctx.screening.update(|s| s.judgement = Some(judgement));
                self.choice.set(None);
                self.reason.set(String::new());
                self.lead.set(String::new());
            }
            Err(e) => {
                let (field, sig) = match e {
                    JudgementError::ReasonRequired => ("judgement-reason", self.reason_error),
                    JudgementError::CannotLowerRedFlag | JudgementError::FalseStatement => {
                        ("judgement-level", self.level_error)
                    }
                    JudgementError::LeadRequired => ("judgement-lead", self.lead_error),
                };
                let message = e.message(catalogue()).to_owned();
                sig.set(Some(message.clone()));
                self.errors.set(vec![FieldError {
                    field_id: field.into(),
                    message,
                }]);
            }
        }
    }
}

/// The judgement recorded: the computed and the judged level side by side, the reason, the
/// lead's name when it lowers, a warning if the answers have since made it invalid, and Remove.
#[component]
fn JudgementShown() -> impl IntoView {
    let ctx = use_ctx();
    move || {
        ctx.screening.with(|s| s.judgement.clone()).map(|j| {
            let computed = ctx.assessment.with(|a| a.level);
            let valid = outcome::judged(&ctx);
            let problem = valid.and_then(|v| v.err()).map(|e| e.message(catalogue()).to_owned());
            view! {
                <div class="result__compare">
                    <div class=format!("result__compare-item result__compare-item--{}", level_modifier(computed))>
                        <p class="result__compare-key">{t("result.judgement.computed")}</p>
                        <p class="result__compare-value">{computed.label(catalogue()).to_owned()}</p>
                    </div>
                    <div class=format!("result__compare-item result__compare-item--{}", level_modifier(j.level))>
                        <p class="result__compare-key">{t("result.judgement.judged")}</p>
                        <p class="result__compare-value">{j.level.label(catalogue()).to_owned()}</p>
                    </div>
                </div>
                <p class="result__judgement-reason"><strong>{t("result.judgement.reason_shown")}</strong>" "{j.reason.clone()}</p>
                {(j.level < computed).then(|| view! {
                    <p class="result__judgement-reason"><strong>{t("result.judgement.lead_shown")}</strong>" "{j.lead.clone()}</p>
                })}
                {problem.map(|p| view! {
                    <div class="warning-text"><span class="warning-text__icon" aria-hidden="true">"!"</span>
                        <p><span class="visually-hidden">{t("result.warning")}</span>{tf("result.judgement.no_longer_applies", &[("problem", &p)])}</p></div>
                })}
                <button class="button button--secondary no-print" type="button"
                    on:click=move |_| {
                        ctx.screening.update(|s| s.judgement = None);
                        // The button is gone with the judgement: focus the section's heading.
                        crate::browser::focus_id_after_render("judgement-heading");
                    }>
                    {t("result.judgement.remove")}
                </button>
            }
        })
    }
}
