//! What raised the level: the red flags (each with the answers behind it and, for one raised by
//! an answer that was then changed, the form to set it aside with the safeguarding lead), the
//! flags already set aside, the cluster, and the other level reasons.
use dva_core::{Assessment, FlagStatus, Level};
use leptos::prelude::*;

use super::answers::AnswersBehind;
use crate::components::ErrorMessage;
use crate::outcome::level_modifier;
use crate::state::use_ctx;
use crate::text::{catalogue, t, tf};

/// Red flags, the cluster and the level reasons, each with the answers behind it.
#[component]
pub(super) fn RaisedBy() -> impl IntoView {
    let ctx = use_ctx();
    move || {
        let a = ctx.assessment.get();
        view! {
            <section class="result__section" aria-labelledby="flags-heading">
                <h2 id="flags-heading">{t("result.flags.heading")}</h2>
                {flags(&a)}
                {set_aside(&a)}
                {a.cluster.clone().map(|c| view! {
                    <div class="result__cluster">
                        <h3>{t("result.cluster.heading")}</h3>
                        <p>{t("result.cluster.body")}</p>
                        <AnswersBehind ids=c.item_ids() />
                    </div>
                })}
            </section>
            {reasons(&a)}
        }
    }
}

/// The red flags raised, or a line saying there are none.
fn flags(a: &Assessment) -> AnyView {
    let flags = a.red_flags.clone();
    if flags.is_empty() {
        return view! { <p>{t("result.flags.none")}</p> }.into_any();
    }
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
    }
    .into_any()
}

/// The red flags the safeguarding lead agreed to set aside: listed, never dropped.
fn set_aside(a: &Assessment) -> impl IntoView {
    let set_aside = a.set_aside_flags.clone();
    (!set_aside.is_empty()).then(|| {
        view! {
            <h3>{t("result.flags.set_aside_heading")}</h3>
            <ul class="result__flags result__flags--set-aside">
                {set_aside.into_iter().map(|f| view! {
                    <li class="result__flag">
                        <h4 class="result__flag-title">{f.title}</h4>
                        <p>{f.status.describe(catalogue())}</p>
                    </li>
                }).collect_view()}
            </ul>
        }
    })
}

/// The level reasons below high risk, each with its answers behind a disclosure widget.
fn reasons(a: &Assessment) -> impl IntoView {
    let reasons: Vec<_> = a
        .reasons
        .iter()
        // High-risk reasons are the red flags and the cluster, shown above in full.
        .filter(|r| r.supports != Level::HighRisk && r.supports != Level::NoAbuseDisclosed)
        .cloned()
        .collect();
    (!reasons.is_empty()).then(|| view! {
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
    })
}

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
