//! Step 4, the result: the level of concern in words, what raised it (each red flag and reason
//! with the answers behind it), gaps to follow up, the caveats, a chart of what was disclosed,
//! and the worker's professional judgement. Every decision shown here was made by `dva-core`.
use dva_core::{FlagStatus, Judgement, JudgementError, Level, Urgency};
use leptos::prelude::*;

use crate::components::chart::BehaviourChart;
use crate::components::{ErrorMessage, ErrorSummary, FieldError, Glossary, RadioOption, Radios};
use crate::nav;
use crate::outcome::{self, level_modifier, lines_for};
use crate::route::Route;
use crate::state::use_ctx;
use crate::text::{catalogue, t, tf};

#[component]
pub fn ResultPage() -> impl IntoView {
    let ctx = use_ctx();
    let level = Memo::new(move |_| outcome::level_in_effect(&ctx));
    let computed = Memo::new(move |_| ctx.assessment.with(|a| a.level));

    // Announce level changes after the page has opened (the heading is read on arrival).
    let announcement = RwSignal::new(String::new());
    Effect::new(move |prev: Option<Level>| {
        let now = level.get();
        if prev.is_some_and(|p| p != now) {
            announcement.set(tf("result.level_now", &[("level", now.label(catalogue()))]));
        }
        now
    });

    view! {
        <div class="result">
            <div class=move || format!("result__panel result__panel--{}", level_modifier(level.get()))>
                <h1 class="page__title result__title" tabindex="-1">
                    <span class="result__caption">{t("result.caption")}</span>
                    <span class="result__level">{move || level.get().label(catalogue()).to_owned()}</span>
                </h1>
                <Show when=move || outcome::judged(&ctx).is_some_and(|j| j.is_ok())>
                    <p class="result__panel-note">{t("result.panel_judged_note")}</p>
                </Show>
            </div>
            <p class="visually-hidden" aria-live="polite" aria-atomic="true">{move || announcement.get()}</p>
            <Show when=move || computed.get() == Level::NoAbuseDisclosed>
                <div class="warning-text result__minimisation">
                    <span class="warning-text__icon" aria-hidden="true">"!"</span>
                    <p><span class="visually-hidden">{t("result.warning")}</span>{t("result.no_abuse_caveat")}</p>
                </div>
            </Show>
            <FirstSteps />
            <RaisedBy />
            <Incomplete />
            <section class="result__section wide" aria-labelledby="chart-heading">
                <h2 id="chart-heading">{t("result.chart.heading")}</h2>
                <BehaviourChart />
            </section>
            <Caveats />
            <JudgementForm />
            <Glossary />
            <div class="button-group no-print">
                <button class="button" type="button" on:click=move |_| nav::navigate(&ctx, &Route::Respond)>
                    {t("result.continue")}
                </button>
            </div>
        </div>
    }
}

/// The most urgent actions, straight under the level, so that a tired worker sees what to do
/// first without reading on: everything due now or today, otherwise the most urgent group. The
/// core chooses and orders the actions; this only picks the first few.
#[component]
fn FirstSteps() -> impl IntoView {
    let ctx = use_ctx();
    let first = Memo::new(move |_| {
        let actions = outcome::actions(&ctx);
        let most_urgent = actions.first().map(|a| a.urgency.max(Urgency::Today));
        actions
            .into_iter()
            .filter(|a| Some(a.urgency) <= most_urgent)
            .take(FIRST_STEPS)
            .map(|a| {
                (
                    a.id,
                    tf(
                        "result.first.line",
                        &[("when", a.urgency.label(catalogue())), ("what", &a.title)],
                    ),
                )
            })
            .collect::<Vec<_>>()
    });
    view! {
        <section class="result__first" aria-labelledby="first-heading">
            <h2 id="first-heading">{t("result.first.heading")}</h2>
            <ul class="result__first-list">
                <For each=move || first.get() key=|(id, _)| id.clone() let:step>
                    <li>{step.1}</li>
                </For>
            </ul>
            <p class="no-print">{t("result.first.more")}</p>
        </section>
    }
}

/// At most this many first steps: more would bury the first.
const FIRST_STEPS: usize = 3;

/// Gaps to follow up when the core says the screen is incomplete, grouped by section so a
/// long list stays readable; each section links to its questions.
#[component]
fn Incomplete() -> impl IntoView {
    let ctx = use_ctx();
    move || {
        let (incomplete, follow) = ctx.assessment.with(|a| (a.incomplete, a.follow_up.clone()));
        if !incomplete {
            return None;
        }
        let total = follow.len();
        let groups = ctx
            .def
            .sections()
            .iter()
            .filter_map(|sec| {
                let items: Vec<String> = follow
                    .iter()
                    .filter(|f| f.section == sec.id)
                    .map(|f| {
                        // A gap that could hide a red flag is named with the flags and the
                        // questions it kept from being asked, in the core's words.
                        if !f.could_hide.is_empty() {
                            return dva_core::scoring::describe_gap(ctx.def, f, catalogue());
                        }
                        let label = ctx
                            .def
                            .item(&f.item_id)
                            .map_or(f.item_id.clone(), |i| i.label.clone());
                        format!("{label} ({})", f.gap.label(catalogue()))
                    })
                    .collect();
                (!items.is_empty()).then(|| {
                    let n = items.len().to_string();
                    view! {
                        <li class="result__gap-group">
                            <AnswerLink section=sec.id.clone() text=sec.title.clone() />
                            {format!(": {}", tf("result.incomplete.count", &[("n", &n)]))}
                            <p class="result__gap-items">{items.join("; ")}</p>
                        </li>
                    }
                })
            })
            .collect_view();
        Some(view! {
            <section class="result__section result__incomplete" aria-labelledby="incomplete-heading">
                <h2 id="incomplete-heading">{t("result.incomplete.heading")}</h2>
                <p class="result__incomplete-reason">{if total == 1 {
                    t("result.incomplete.body.one")
                } else {
                    tf("result.incomplete.body.other", &[("n", &total.to_string())])
                }}</p>
                <ul class="result__follow-up">{groups}</ul>
            </section>
        })
    }
}

/// A link to the question page of a section, coming back to the result afterwards. `label`
/// (the question), when the visible text does not say it, completes the link's name for screen
/// readers.
#[component]
fn AnswerLink(
    section: String,
    #[prop(optional)] label: Option<String>,
    text: String,
) -> impl IntoView {
    let ctx = use_ctx();
    let href = Route::Ask(section).to_hash();
    view! {
        <a href=href class="result__answer-link" on:click=move |_| ctx.return_to.set(Some(Route::Result))>
            {text}{label.map(|l| view! { <span class="visually-hidden">{format!(" ({l})")}</span> })}
        </a>
    }
}

/// The answers behind a finding: question label, the answer, and a link to the question.
#[component]
fn AnswersBehind(ids: Vec<String>) -> impl IntoView {
    let ctx = use_ctx();
    let lines = lines_for(&ctx, &ids);
    if lines.is_empty() {
        return ().into_any();
    }
    view! {
        <ul class="result__answers">
            {lines.into_iter().map(|l| {
                let section = ctx.def.item(&l.item_id).map(|i| i.section.clone()).unwrap_or_default();
                view! {
                    <li class="result__answer">
                        <span class="result__answer-label">{l.label.clone()}</span>": "
                        <span class="result__answer-value">{l.answer.clone()}</span>" "
                        <span class="no-print">
                            <AnswerLink section=section label=l.label.clone() text=t("result.see_answer") />
                        </span>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// Red flags, the cluster and the level reasons, each with the answers behind it.
#[component]
fn RaisedBy() -> impl IntoView {
    let ctx = use_ctx();
    move || {
        let a = ctx.assessment.get();
        let flags = a.red_flags.clone();
        let set_aside = a.set_aside_flags.clone();
        let has_flags = !flags.is_empty();
        let cluster = a.cluster.clone();
        let reasons: Vec<_> = a
            .reasons
            .iter()
            // High-risk reasons are the red flags and the cluster, shown above in full.
            .filter(|r| r.supports != Level::HighRisk && r.supports != Level::NoAbuseDisclosed)
            .cloned()
            .collect();
        view! {
            <section class="result__section" aria-labelledby="flags-heading">
                <h2 id="flags-heading">{t("result.flags.heading")}</h2>
                {if has_flags {
                    view! {
                        <p>{tf("result.flags.count", &[("n", &flags.len().to_string())])}</p>
                        <ul class="result__flags">
                            {flags.into_iter().map(|f| {
                                let changed = f.status == FlagStatus::RaisedThenChanged;
                                let status = f.status.describe(catalogue());
                                let rule_id = f.rule_id.clone();
                                view! {
                                    <li class="result__flag">
                                        <h3 class="result__flag-title">{f.title}</h3>
                                        <p>{f.explanation}</p>
                                        {status.map(|s| view! { <p class="result__flag-status"><strong>{s}</strong></p> })}
                                        <p class="result__behind">{t("result.answers_behind")}</p>
                                        <AnswersBehind ids=f.item_ids />
                                        {changed.then(|| view! { <SetAsideForm rule_id=rule_id /> })}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                } else {
                    view! { <p>{t("result.flags.none")}</p> }.into_any()
                }}
                {(!set_aside.is_empty()).then(|| view! {
                    <h3>{t("result.flags.set_aside_heading")}</h3>
                    <ul class="result__flags result__flags--set-aside">
                        {set_aside.into_iter().map(|f| view! {
                            <li class="result__flag">
                                <h4 class="result__flag-title">{f.title}</h4>
                                <p>{f.status.describe(catalogue())}</p>
                            </li>
                        }).collect_view()}
                    </ul>
                })}
                {cluster.map(|c| view! {
                    <div class="result__cluster">
                        <h3>{t("result.cluster.heading")}</h3>
                        <p>{t("result.cluster.body")}</p>
                        <AnswersBehind ids=c.item_ids() />
                    </div>
                })}
            </section>
            {(!reasons.is_empty()).then(|| view! {
                <section class="result__section" aria-labelledby="reasons-heading">
                    <h2 id="reasons-heading">{t("result.reasons.heading")}</h2>
                    <ul class="result__reasons">
                        {reasons.into_iter().map(|r| view! {
                            <li class="result__reason">
                                <p class="result__reason-text">
                                    {r.text.clone()}" "
                                    <span class=format!("tag result__tag result__tag--{}", level_modifier(r.supports))>{r.supports.label(catalogue()).to_owned()}</span>
                                </p>
                                <details class="result__details">
                                    // Named by its finding too, so it makes sense in a list of controls.
                                    <summary>
                                        {tf("result.reasons.answers", &[("n", &r.item_ids.len().to_string())])}
                                        <span class="visually-hidden">{tf("result.reasons.answers_which", &[("finding", &r.text)])}</span>
                                    </summary>
                                    <AnswersBehind ids=r.item_ids />
                                </details>
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            })}
        }
    }
}

#[component]
fn Caveats() -> impl IntoView {
    let ctx = use_ctx();
    let caveats = ctx.assessment.with(|a| a.caveats.clone());
    view! {
        <section class="result__section result__caveats" aria-labelledby="caveats-heading">
            <h2 id="caveats-heading">{t("result.caveats.heading")}</h2>
            <ul>{caveats.into_iter().map(|c| view! { <li>{c.text}</li> }).collect_view()}</ul>
        </section>
    }
}

/// Professional judgement: raise (or, where the core allows, lower) the level with a reason.
/// For a red flag raised by an answer that was then changed: the flag stands until the worker
/// records that the safeguarding lead agreed it may be set aside, with the lead's name and why.
#[component]
fn SetAsideForm(rule_id: String) -> impl IntoView {
    let ctx = use_ctx();
    let open = RwSignal::new(false);
    let lead = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<(&'static str, String)>);
    let base = format!("set-aside-{}", rule_id.replace('.', "-"));
    let lead_id = format!("{base}-lead");
    let reason_id = format!("{base}-reason");
    let (lead_err_id, reason_err_id) = (format!("{lead_id}-error"), format!("{reason_id}-error"));
    let err_for =
        move |field: &'static str| move || error.get().filter(|(f, _)| *f == field).map(|(_, m)| m);
    let (lid, rid) = (lead_id.clone(), reason_id.clone());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let decision = dva_core::LeadDecision {
            lead: lead.get(),
            reason: reason.get(),
            at: String::new(),
        };
        let mut result = Ok(());
        ctx.screening
            .update(|s| result = s.answers.set_aside_flag(&rule_id, decision));
        match result {
            Ok(()) => error.set(None),
            Err(e) => {
                let (field, key, id) = match e {
                    dva_core::LeadDecisionError::LeadRequired => {
                        ("lead", "result.set_aside.error_lead", lid.clone())
                    }
                    dva_core::LeadDecisionError::ReasonRequired => {
                        ("reason", "result.set_aside.error_reason", rid.clone())
                    }
                };
                error.set(Some((field, t(key))));
                request_animation_frame(move || crate::browser::focus_id(&id));
            }
        }
    };
    view! {
        <details class="result__details result__set-aside" prop:open=move || open.get()
            on:toggle=move |ev| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
            <summary>{t("result.set_aside.summary")}</summary>
            <form class="result__set-aside-form" novalidate on:submit=submit>
                <p class="hint">{t("result.set_aside.hint")}</p>
                <div class="form-group" class:form-group--error=move || err_for("lead")().is_some()>
                    <label class="label" for=lead_id.clone()>{t("result.set_aside.lead")}</label>
                    {move || err_for("lead")().map(|m| view! {
                        <ErrorMessage id=lead_err_id.clone() message=m />
                    })}
                    <input class="input" type="text" id=lead_id autocomplete="off"
                        on:input=move |ev| lead.set(event_target_value(&ev)) prop:value=move || lead.get() />
                </div>
                <div class="form-group" class:form-group--error=move || err_for("reason")().is_some()>
                    <label class="label" for=reason_id.clone()>{t("result.set_aside.reason")}</label>
                    {move || err_for("reason")().map(|m| view! {
                        <ErrorMessage id=reason_err_id.clone() message=m />
                    })}
                    <textarea class="textarea" id=reason_id rows="3"
                        on:input=move |ev| reason.set(event_target_value(&ev)) prop:value=move || reason.get()></textarea>
                </div>
                <button class="button button--secondary" type="submit">{t("result.set_aside.submit")}</button>
            </form>
        </details>
    }
}

#[component]
fn JudgementForm() -> impl IntoView {
    let ctx = use_ctx();
    let choice = RwSignal::new(None::<String>);
    let reason = RwSignal::new(String::new());
    let lead = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let lead_error = RwSignal::new(None::<String>);
    let level_error = RwSignal::new(None::<String>);
    let reason_error = RwSignal::new(None::<String>);

    let computed = ctx.assessment.with_untracked(|a| a.level);
    let options: Vec<RadioOption> = Level::ALL
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
        .collect();

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut errs = Vec::new();
        level_error.set(None);
        reason_error.set(None);
        lead_error.set(None);
        let Some(level) = choice
            .get()
            .and_then(|id| Level::ALL.into_iter().find(|l| l.id() == id))
        else {
            let msg = t("result.judgement.error_level");
            level_error.set(Some(msg.clone()));
            errs.push(FieldError {
                field_id: "judgement-level".into(),
                message: msg,
            });
            errors.set(errs);
            return;
        };
        let judgement = Judgement {
            level,
            reason: reason.get(),
            lead: lead.get(),
        };
        match ctx
            .assessment
            .with(|a| dva_core::apply_judgement(a, &judgement))
        {
            Ok(_) => {
                errors.set(Vec::new());
                ctx.screening.update(|s| s.judgement = Some(judgement));
                choice.set(None);
                reason.set(String::new());
                lead.set(String::new());
            }
            Err(e) => {
                let (field, sig) = match e {
                    JudgementError::ReasonRequired => ("judgement-reason", reason_error),
                    JudgementError::CannotLowerRedFlag | JudgementError::FalseStatement => {
                        ("judgement-level", level_error)
                    }
                    JudgementError::LeadRequired => ("judgement-lead", lead_error),
                };
                let message = e.message(catalogue()).to_owned();
                sig.set(Some(message.clone()));
                errors.set(vec![FieldError {
                    field_id: field.into(),
                    message,
                }]);
            }
        }
    };

    let stored = move || ctx.screening.with(|s| s.judgement.clone());
    view! {
        <section class="result__section result__judgement no-print-controls" aria-labelledby="judgement-heading">
            <h2 id="judgement-heading" tabindex="-1">{t("result.judgement.heading")}</h2>
            {move || stored().map(|j| {
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
            })}
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
