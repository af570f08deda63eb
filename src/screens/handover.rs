//! The worker's handover page: which sections the client answers on his own, and a 4-digit code
//! the worker will need to get back to these pages. Then the app switches to client mode.
use dva_core::Section;
use leptos::prelude::*;

use crate::components::{ErrorMessage, ErrorSummary, FieldError};
use crate::handover::{self, check_new_code, CodeProblem, Handover, DEFAULT_SECTIONS};
use crate::nav;
use crate::route::Route;
use crate::state::use_ctx;
use crate::text::t;

const SECTIONS_ID: &str = "handover-sections";
const CODE_ID: &str = "handover-code";
const AGAIN_ID: &str = "handover-code-again";
/// The hint both code fields are described by ("Choose 4 numbers…").
const CODE_HINT_ID: &str = "handover-code-hint";

/// A field's `aria-describedby`: its hint, then its error while there is one.
fn described_by(hint: &'static str, error: Option<&'static str>) -> String {
    match error {
        Some(e) => format!("{hint} {e}"),
        None => hint.to_string(),
    }
}

#[component]
pub fn HandoverPage() -> impl IntoView {
    let ctx = use_ctx();
    let def = ctx.def;
    let offered = handover::offered_sections(def);
    let chosen = RwSignal::new(
        offered
            .iter()
            .filter(|s| DEFAULT_SECTIONS.contains(&s.id.as_str()))
            .map(|s| s.id.clone())
            .collect::<Vec<String>>(),
    );
    let code = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let error_for = move |id: &'static str| {
        move || {
            errors.with(|e| {
                e.iter()
                    .find(|e| e.field_id == id)
                    .map(|e| e.message.clone())
            })
        }
    };
    let boxes = section_boxes(offered, chosen);
    let hand_over = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let checked = check(
            &chosen.get_untracked(),
            &code.get_untracked(),
            &again.get_untracked(),
        );
        errors.set(checked.as_ref().err().cloned().unwrap_or_default());
        if let Ok(code_kept) = checked {
            let h = Handover::new(def, &chosen.get_untracked(), code_kept);
            nav::hand_over(&ctx, h);
        }
    };
    let back = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        if let Ok(h) = window().history() {
            let _ = h.back();
        }
    };
    let sections_error = error_for(SECTIONS_ID);
    view! {
        <a class="back-link" href=Route::Check.to_hash() on:click=back>{t("app.back")}</a>
        <ErrorSummary errors=Signal::derive(move || errors.get()) />
        <h1 class="page__title" tabindex="-1">{t("handover.title")}</h1>
        <p>{t("handover.intro")}</p>
        <p>{t("handover.hidden")}</p>
        <form class="handover__form" on:submit=hand_over novalidate>
            <fieldset class="checkboxes" class:checkboxes--error=move || sections_error().is_some()
                aria-describedby=move || described_by("handover-sections-hint", sections_error().map(|_| "handover-sections-error"))>
                <legend class="checkboxes__legend">{t("handover.sections.legend")}</legend>
                <p class="hint" id="handover-sections-hint">{t("handover.sections.hint")}</p>
                {move || sections_error().map(|m| view! { <ErrorMessage id="handover-sections-error" message=m /> })}
                <div class="checkboxes__items">{boxes}</div>
            </fieldset>
            <h2 class="handover__code-heading">{t("handover.code.heading")}</h2>
            <p class="hint" id=CODE_HINT_ID>{t("handover.code.why")}</p>
            <CodeField id=CODE_ID label=t("handover.code.label") error_id="handover-code-error"
                value=code error=Signal::derive(error_for(CODE_ID)) />
            <CodeField id=AGAIN_ID label=t("handover.code.again_label") error_id="handover-code-again-error"
                value=again error=Signal::derive(error_for(AGAIN_ID)) />
            <div class="inset">
                <p>{t("handover.forgotten")}</p>
            </div>
            <div class="warning-text">
                <span class="warning-text__icon" aria-hidden="true">"!"</span>
                <strong class="warning-text__text">{t("handover.stay")}</strong>
            </div>
            <button type="submit" class="button">{t("handover.button")}</button>
        </form>
    }
    .into_any()
}

/// Every problem with the chosen sections and the code, in page order, or the code to keep.
fn check(chosen: &[String], code: &str, again: &str) -> Result<String, Vec<FieldError>> {
    let mut problems = Vec::new();
    if chosen.is_empty() {
        problems.push(FieldError {
            field_id: SECTIONS_ID.into(),
            message: t("handover.sections.error"),
        });
    }
    let code_problem = |field_id: &str, key: &str| FieldError {
        field_id: field_id.into(),
        message: t(key),
    };
    match check_new_code(code, again) {
        Ok(c) if problems.is_empty() => return Ok(c),
        Ok(_) => {}
        Err(CodeProblem::NotFourDigits) => {
            problems.push(code_problem(CODE_ID, "handover.code.error_digits"))
        }
        Err(CodeProblem::Different) => {
            problems.push(code_problem(AGAIN_ID, "handover.code.error_different"))
        }
    }
    Err(problems)
}

/// One checkbox per section the client may answer on his own; the first carries the id the
/// error summary links to.
fn section_boxes(offered: Vec<&Section>, chosen: RwSignal<Vec<String>>) -> impl IntoView {
    offered
        .into_iter()
        .enumerate()
        .map(|(i, section)| {
            let id = if i == 0 {
                SECTIONS_ID.to_string()
            } else {
                format!("{SECTIONS_ID}-{i}")
            };
            let sid = section.id.clone();
            let sid_checked = section.id.clone();
            view! {
                <div class="checkboxes__item">
                    <input class="checkboxes__input" type="checkbox" id=id.clone() value=section.id.clone()
                        prop:checked=move || chosen.with(|c| c.contains(&sid_checked))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            let sid = sid.clone();
                            chosen.update(|c| {
                                c.retain(|s| *s != sid);
                                if on {
                                    c.push(sid);
                                }
                            });
                        } />
                    <label class="checkboxes__label" for=id>{section.title.clone()}</label>
                </div>
            }
        })
        .collect_view()
}

/// A field for the hand-back code (typed twice), described by the shared hint and its error.
#[component]
fn CodeField(
    id: &'static str,
    label: String,
    error_id: &'static str,
    value: RwSignal<String>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <div class="form-group" class:form-group--error=move || error.get().is_some()>
            <label class="label" for=id>{label}</label>
            {move || error.get().map(|m| view! { <ErrorMessage id=error_id message=m /> })}
            // new-password: browsers ignore "off" on password fields and may offer to fill
            // or save the code on a shared computer.
            <input class="input input--short" class:input--error=move || error.get().is_some()
                id=id type="password" inputmode="numeric" autocomplete="new-password" maxlength="8"
                aria-describedby=move || described_by(CODE_HINT_ID, error.get().map(|_| error_id))
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
        </div>
    }
}
