//! The information-sharing record: the decisions made so far, and the form to add one (with whom,
//! consent, whether it was shared, and why), every problem shown at once.
use dva_core::{Consent, SharingDecision};
use leptos::prelude::*;

use crate::components::{ErrorMessage, ErrorSummary, FieldError, RadioOption, Radios};
use crate::state::use_ctx;
use crate::text::{catalogue, t, tf};

/// The information-sharing decision being written, before it is added to the record.
#[derive(Clone, Copy)]
pub(super) struct SharingForm {
    with_whom: RwSignal<String>,
    consent: RwSignal<Option<String>>,
    shared: RwSignal<Option<String>>,
    reason: RwSignal<String>,
}

impl SharingForm {
    pub(super) fn new() -> SharingForm {
        SharingForm {
            with_whom: RwSignal::new(String::new()),
            consent: RwSignal::new(None),
            shared: RwSignal::new(None),
            reason: RwSignal::new(String::new()),
        }
    }
    pub(super) fn started(&self) -> bool {
        !self.with_whom.get().trim().is_empty()
            || self.consent.get().is_some()
            || self.shared.get().is_some()
            || !self.reason.get().trim().is_empty()
    }
    fn clear(&self) {
        self.with_whom.set(String::new());
        self.consent.set(None);
        self.shared.set(None);
        self.reason.set(String::new());
    }
}

/// Checks a decision being written; every problem at once, each keyed by its field id.
pub fn validate_sharing(
    with_whom: &str,
    consent: Option<&str>,
    shared: Option<&str>,
    reason: &str,
) -> Result<SharingDecision, Vec<FieldError>> {
    let mut errs = Vec::new();
    let mut err = |field: &str, key: &str| {
        errs.push(FieldError {
            field_id: field.into(),
            message: t(key),
        })
    };
    if with_whom.trim().is_empty() {
        err("share-with", "respond.sharing.error_with");
    }
    let consent = match consent {
        Some("given") => Some(Consent::Given),
        Some("not_given") => Some(Consent::NotGiven),
        Some("not_asked") => Some(Consent::NotAsked),
        _ => {
            err("share-consent", "respond.sharing.error_consent");
            None
        }
    };
    let shared = match shared {
        Some("yes") => Some(true),
        Some("no") => Some(false),
        _ => {
            err("share-shared", "respond.sharing.error_shared");
            None
        }
    };
    if reason.trim().is_empty() {
        err("share-reason", "respond.sharing.error_reason");
    }
    match (consent, shared) {
        (Some(consent), Some(shared)) if errs.is_empty() => Ok(SharingDecision {
            with_whom: with_whom.to_owned(),
            consent,
            shared,
            reason: reason.to_owned(),
        }),
        _ => Err(errs),
    }
}

/// Radio options from (value, catalogue key) pairs.
fn options(pairs: &[(&str, &str)]) -> Vec<RadioOption> {
    pairs
        .iter()
        .map(|(value, key)| RadioOption {
            value: (*value).into(),
            label: t(key),
        })
        .collect()
}

#[component]
pub(super) fn Sharing(form: SharingForm) -> impl IntoView {
    let ctx = use_ctx();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let error_for = move |field: &'static str| {
        Signal::derive(move || {
            errors.with(|e| {
                e.iter()
                    .find(|x| x.field_id == field)
                    .map(|x| x.message.clone())
            })
        })
    };
    let with_error = error_for("share-with");
    let reason_error = error_for("share-reason");
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match validate_sharing(
            &form.with_whom.get(),
            form.consent.get().as_deref(),
            form.shared.get().as_deref(),
            &form.reason.get(),
        ) {
            Ok(d) => {
                ctx.screening.update(|s| s.sharing.push(d));
                form.clear();
                errors.set(Vec::new());
            }
            Err(e) => errors.set(e),
        }
    };
    let consent_options = options(&[
        ("given", "respond.sharing.consent_given"),
        ("not_given", "respond.sharing.consent_not_given"),
        ("not_asked", "respond.sharing.consent_not_asked"),
    ]);
    let shared_options = options(&[
        ("yes", "respond.sharing.shared_yes"),
        ("no", "respond.sharing.shared_no"),
    ]);
    view! {
        <section class="respond__sharing" aria-labelledby="sharing-heading">
            <h2 id="sharing-heading" tabindex="-1">{t("respond.sharing.heading")}</h2>
            <p>{t("respond.sharing.intro")}</p>
            <Decisions />
            <ErrorSummary errors=errors.into() />
            <form class="respond__sharing-form" novalidate on:submit=add>
                <h3>{t("respond.sharing.add_heading")}</h3>
                <div class="form-group" class:form-group--error=move || with_error.get().is_some()>
                    <label class="label" for="share-with">{t("respond.sharing.with_label")}</label>
                    <p class="hint" id="share-with-hint">{t("respond.sharing.with_hint")}</p>
                    {move || with_error.get().map(|m| view! { <ErrorMessage id="share-with-error" message=m /> })}
                    <input class="input" id="share-with" type="text" autocomplete="off"
                        aria-describedby=move || if with_error.get().is_some() { "share-with-hint share-with-error" } else { "share-with-hint" }
                        class:input--error=move || with_error.get().is_some()
                        prop:value=move || form.with_whom.get()
                        on:input=move |ev| form.with_whom.set(event_target_value(&ev)) />
                </div>
                <Radios id="share-consent".to_string() legend=t("respond.sharing.consent_legend")
                    options=consent_options selected=form.consent.into()
                    on_select=Callback::new(move |v| form.consent.set(Some(v)))
                    error=error_for("share-consent") small=true />
                <Radios id="share-shared".to_string() legend=t("respond.sharing.shared_legend")
                    options=shared_options selected=form.shared.into()
                    on_select=Callback::new(move |v| form.shared.set(Some(v)))
                    error=error_for("share-shared") inline=true small=true />
                <div class="form-group" class:form-group--error=move || reason_error.get().is_some()>
                    <label class="label" for="share-reason">{t("respond.sharing.reason_label")}</label>
                    <p class="hint" id="share-reason-hint">{t("respond.sharing.reason_hint")}</p>
                    {move || reason_error.get().map(|m| view! { <ErrorMessage id="share-reason-error" message=m /> })}
                    <textarea class="textarea" id="share-reason" rows="3"
                        aria-describedby=move || if reason_error.get().is_some() { "share-reason-hint share-reason-error" } else { "share-reason-hint" }
                        class:textarea--error=move || reason_error.get().is_some()
                        prop:value=move || form.reason.get()
                        on:input=move |ev| form.reason.set(event_target_value(&ev))></textarea>
                </div>
                <button class="button button--secondary" type="submit">{t("respond.sharing.add")}</button>
            </form>
        </section>
    }
}

/// The decisions recorded so far, each with Remove, or a line saying there are none.
#[component]
fn Decisions() -> impl IntoView {
    let ctx = use_ctx();
    move || {
        let list = ctx.screening.with(|s| s.sharing.clone());
        if list.is_empty() {
            return view! { <p class="respond__sharing-none">{t("respond.sharing.none")}</p> }
                .into_any();
        }
        view! {
            <ul class="respond__decisions">
                {list.into_iter().enumerate().map(|(i, d)| view! {
                    <li class="respond__decision">
                        <p class="respond__decision-text">
                            <strong>{d.with_whom.clone()}</strong>
                            {format!(": {}; {}.", d.consent.label(catalogue()), if d.shared { t("respond.sharing.was_shared") } else { t("respond.sharing.not_shared") })}
                        </p>
                        <p class="respond__decision-reason">{tf("respond.sharing.reason_shown", &[("reason", &d.reason)])}</p>
                        <button class="button button--secondary respond__remove" type="button"
                            on:click=move |_| {
                                ctx.screening.update(|s| { if i < s.sharing.len() { s.sharing.remove(i); } });
                                // The button is gone with its decision: focus the section's heading.
                                crate::browser::focus_id_after_render("sharing-heading");
                            }>
                            {t("respond.sharing.remove")}<span class="visually-hidden">{tf("respond.sharing.remove_which", &[("with", &d.with_whom)])}</span>
                        </button>
                    </li>
                }).collect_view()}
            </ul>
        }
        .into_any()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sharing_needs_every_field_and_reports_them_all() {
        let errs = validate_sharing(" ", None, None, "").unwrap_err();
        let fields: Vec<_> = errs.iter().map(|e| e.field_id.as_str()).collect();
        assert_eq!(
            fields,
            [
                "share-with",
                "share-consent",
                "share-shared",
                "share-reason"
            ]
        );
        let ok = validate_sharing(
            "Children's social care",
            Some("not_given"),
            Some("yes"),
            "Child at risk",
        )
        .unwrap();
        assert_eq!(ok.consent, Consent::NotGiven);
        assert!(ok.shared);
        assert_eq!(ok.reason, "Child at risk");
    }
}
