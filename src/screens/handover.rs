//! The worker's handover page: which sections the client answers on his own, and a 4-digit code
//! the worker will need to get back to these pages. Then the app switches to client mode.
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

    let boxes = offered
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
        .collect_view();

    let hand_over = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut problems = Vec::new();
        if chosen.with_untracked(Vec::is_empty) {
            problems.push(FieldError {
                field_id: SECTIONS_ID.into(),
                message: t("handover.sections.error"),
            });
        }
        let kept = match check_new_code(&code.get_untracked(), &again.get_untracked()) {
            Ok(c) => Some(c),
            Err(CodeProblem::NotFourDigits) => {
                problems.push(FieldError {
                    field_id: CODE_ID.into(),
                    message: t("handover.code.error_digits"),
                });
                None
            }
            Err(CodeProblem::Different) => {
                problems.push(FieldError {
                    field_id: AGAIN_ID.into(),
                    message: t("handover.code.error_different"),
                });
                None
            }
        };
        errors.set(problems);
        if let (Some(code_kept), true) = (kept, errors.with_untracked(Vec::is_empty)) {
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
    let code_error = error_for(CODE_ID);
    let again_error = error_for(AGAIN_ID);
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
            <div class="form-group" class:form-group--error=move || code_error().is_some()>
                <label class="label" for=CODE_ID>{t("handover.code.label")}</label>
                {move || code_error().map(|m| view! { <ErrorMessage id="handover-code-error" message=m /> })}
                // new-password: browsers ignore "off" on password fields and may offer to fill
                // or save the code on a shared computer.
                <input class="input input--short" class:input--error=move || code_error().is_some()
                    id=CODE_ID type="password" inputmode="numeric" autocomplete="new-password" maxlength="8"
                    aria-describedby=move || described_by(CODE_HINT_ID, code_error().map(|_| "handover-code-error"))
                    prop:value=move || code.get() on:input=move |ev| code.set(event_target_value(&ev)) />
            </div>
            <div class="form-group" class:form-group--error=move || again_error().is_some()>
                <label class="label" for=AGAIN_ID>{t("handover.code.again_label")}</label>
                {move || again_error().map(|m| view! { <ErrorMessage id="handover-code-again-error" message=m /> })}
                <input class="input input--short" class:input--error=move || again_error().is_some()
                    id=AGAIN_ID type="password" inputmode="numeric" autocomplete="new-password" maxlength="8"
                    aria-describedby=move || described_by(CODE_HINT_ID, again_error().map(|_| "handover-code-again-error"))
                    prop:value=move || again.get() on:input=move |ev| again.set(event_target_value(&ev)) />
            </div>
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
