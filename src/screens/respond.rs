//! Step 5, respond and refer: how to respond to a disclosure, the recommended actions (from
//! `dva-core`) each markable offered / done / declined with a note, and the information-sharing
//! record.
use dva_core::{Action, ActionState, ActionStatus, Consent, SharingDecision, Urgency};
use leptos::prelude::*;

use crate::components::{ErrorMessage, ErrorSummary, FieldError, Glossary, RadioOption, Radios};
use crate::nav;
use crate::outcome;
use crate::outcome::lines_for;
use crate::route::Route;
use crate::state::{use_ctx, Screening};
use crate::text::{catalogue, t, tf};

/// How many answers behind an action are listed before "and N more".
const MAX_BEHIND: usize = 5;

/// The tag modifier for an urgency (the word is always shown; colour only supports it).
fn urgency_modifier(u: Urgency) -> &'static str {
    match u {
        Urgency::Now => "now",
        Urgency::Today => "today",
        Urgency::ThisWeek => "week",
        Urgency::AtNextReview => "review",
    }
}

/// A phone number as a `tel:` URI, or `None` when the detail holds no digits.
pub fn tel_href(detail: &str) -> Option<String> {
    let digits: String = detail
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    (digits.chars().filter(char::is_ascii_digit).count() >= 3).then(|| format!("tel:{digits}"))
}

/// A local contact the service set: who, a number to tap, an address to write to, the hours
/// and any notes, each on its own line.
#[component]
fn LocalContactItem(role_name: String, contact: crate::config::LocalContact) -> impl IntoView {
    let phone = contact.phone.clone();
    let href = crate::config::tel_href(&phone);
    let email = contact.email.clone();
    let mailto = format!("mailto:{email}");
    let line = |text: String| {
        (!text.is_empty()).then(|| view! { <span class="respond__contact-part">{text}</span> })
    };
    view! {
        <li class="respond__contact respond__contact--local">
            <strong>{role_name}</strong>": "
            {line(contact.name.clone())}
            {(!phone.is_empty()).then(|| view! {
                <span class="respond__contact-part">{match href {
                    Some(h) => view! { <a href=h>{phone.clone()}</a> }.into_any(),
                    None => view! { <span>{phone.clone()}</span> }.into_any(),
                }}</span>
            })}
            {(!email.is_empty()).then(|| view! { <span class="respond__contact-part"><a href=mailto>{email.clone()}</a></span> })}
            {line(contact.hours.clone())}
            {line(contact.notes.clone())}
        </li>
    }
}

/// Sets (or, with `None`, clears) the state of an action, keeping its note.
pub fn set_action_state(s: &mut Screening, action_id: &str, state: Option<ActionState>) {
    match (
        s.action_statuses
            .iter_mut()
            .find(|x| x.action_id == action_id),
        state,
    ) {
        (Some(x), Some(st)) => x.state = st,
        (Some(_), None) => s.action_statuses.retain(|x| x.action_id != action_id),
        (None, Some(st)) => s.action_statuses.push(ActionStatus {
            action_id: action_id.to_owned(),
            state: st,
            note: String::new(),
        }),
        (None, None) => {}
    }
}

/// Sets the note of an action that has a state (the note field only shows then).
pub fn set_action_note(s: &mut Screening, action_id: &str, note: String) {
    if let Some(x) = s
        .action_statuses
        .iter_mut()
        .find(|x| x.action_id == action_id)
    {
        x.note = note;
    }
}

fn state_id(s: Option<ActionState>) -> &'static str {
    match s {
        None => "not_yet",
        Some(ActionState::Offered) => "offered",
        Some(ActionState::Done) => "done",
        Some(ActionState::Declined) => "declined",
    }
}

fn state_from_id(id: &str) -> Option<ActionState> {
    match id {
        "offered" => Some(ActionState::Offered),
        "done" => Some(ActionState::Done),
        "declined" => Some(ActionState::Declined),
        _ => None,
    }
}

#[component]
pub fn RespondPage() -> impl IntoView {
    let ctx = use_ctx();
    let actions = Memo::new(move |_| outcome::actions(&ctx));
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let form = SharingForm::new();

    let go_on = move |_| {
        if form.started() {
            errors.set(vec![FieldError {
                field_id: "share-with".into(),
                message: t("respond.sharing.error_unsaved"),
            }]);
            return;
        }
        errors.set(Vec::new());
        nav::navigate(&ctx, &Route::Record);
    };

    view! {
        <h1 class="page__title" tabindex="-1">{t("respond.title")}</h1>
        <ErrorSummary errors=errors.into() />
        <section class="respond__guidance" aria-labelledby="guidance-heading">
            <h2 id="guidance-heading">{t("respond.guidance.heading")}</h2>
            <ul class="respond__guidance-list">
                <li>{t("respond.guidance.acknowledge")}</li>
                <li>{t("respond.guidance.no_collusion")}</li>
                <li><strong>{t("respond.guidance.never_partner_words")}</strong></li>
                <li>{t("respond.guidance.safety_first")}</li>
                <li><strong>{t("respond.guidance.no_partner_contact")}</strong></li>
            </ul>
        </section>
        <section class="respond__actions wide" aria-labelledby="actions-heading">
            <h2 id="actions-heading">{t("respond.actions.heading")}</h2>
            <p>{move || tf("respond.actions.intro", &[("n", &actions.with(Vec::len).to_string())])}</p>
            <ol class="respond__action-list">
                <For each=move || actions.get() key=|a| a.id.clone() let:action>
                    <ActionCard action=action />
                </For>
            </ol>
        </section>
        <Sharing form=form />
        <Glossary />
        <div class="button-group">
            <button class="button" type="button" on:click=go_on>{t("respond.continue")}</button>
        </div>
    }
}

#[component]
fn ActionCard(action: Action) -> impl IntoView {
    let ctx = use_ctx();
    let id = action.id.clone();
    let field = format!("action-{}", action.id.replace('_', "-"));
    let note_id = format!("{field}-note");
    let state = {
        let id = id.clone();
        Signal::derive(move || {
            ctx.screening.with(|s| {
                s.action_statuses
                    .iter()
                    .find(|x| x.action_id == id)
                    .map(|x| x.state)
            })
        })
    };
    let note = {
        let id = id.clone();
        move || {
            ctx.screening.with(|s| {
                s.action_statuses
                    .iter()
                    .find(|x| x.action_id == id)
                    .map(|x| x.note.clone())
                    .unwrap_or_default()
            })
        }
    };
    let options = [
        ("not_yet", "respond.status.not_yet"),
        ("offered", "respond.status.offered"),
        ("done", "respond.status.done"),
        ("declined", "respond.status.declined"),
    ]
    .into_iter()
    .map(|(v, key)| RadioOption {
        value: v.to_owned(),
        label: t(key),
    })
    .collect::<Vec<_>>();
    let on_select = {
        let id = id.clone();
        Callback::new(move |v: String| {
            ctx.screening
                .update(|s| set_action_state(s, &id, state_from_id(&v)))
        })
    };
    let behind = lines_for(&ctx, &action.because.item_ids);
    let contacts = action.contacts.clone();
    let urgency = action.urgency;
    let title_id = format!("{field}-title");
    let id_for_note = id.clone();
    view! {
        <li class="respond__action">
            <h3 class="respond__action-title" id=title_id>
                <span class=format!("tag respond__urgency respond__urgency--{}", urgency_modifier(urgency))>
                    <span class="visually-hidden">{t("respond.urgency_prefix")}</span>{urgency.label(catalogue()).to_owned()}
                </span>" "
                {action.title.clone()}
            </h3>
            <p class="respond__what">{action.what_to_do.clone()}</p>
            <p class="respond__why"><strong>{t("respond.why")}</strong>" "{action.because.text.clone()}</p>
            {(!behind.is_empty()).then(|| {
                // Long lists (every gap to follow up) are cut short; the record lists them all.
                let more = behind.len().saturating_sub(MAX_BEHIND);
                view! {
                    <ul class="respond__behind">
                        {behind.into_iter().take(MAX_BEHIND).map(|l| view! { <li>{format!("{}: {}", l.label, l.answer)}</li> }).collect_view()}
                        {(more > 0).then(|| view! { <li>{tf("respond.behind_more", &[("n", &more.to_string())])}</li> })}
                    </ul>
                }
            })}
            {(!contacts.is_empty()).then(|| view! {
                <ul class="respond__contacts">
                    {contacts.into_iter().map(|c| {
                        // The service's own contact (config.json), part by part.
                        if let Some(local) = crate::config::settings().local_contact(c.role) {
                            return view! { <LocalContactItem role_name=c.name.clone() contact=local.clone() /> }.into_any();
                        }
                        let detail = c.detail.trim().to_owned();
                        let href = tel_href(&detail);
                        view! {
                            <li class="respond__contact">
                                <strong>{c.name.clone()}</strong>": "
                                {match (detail.is_empty(), href) {
                                    (true, _) => view! { <span class="respond__contact-missing">{t("respond.contact_not_set")}</span> }.into_any(),
                                    (false, Some(h)) => view! { <a href=h>{detail}</a> }.into_any(),
                                    (false, None) => view! { <span>{detail}</span> }.into_any(),
                                }}
                            </li>
                        }
                        .into_any()
                    }).collect_view()}
                </ul>
            })}
            <Radios id=field.clone() legend=tf("respond.status.legend", &[("action", &action.title)])
                options=options
                selected=Signal::derive(move || Some(state_id(state.get()).to_owned()))
                on_select=on_select inline=true small=true />
            <Show when=move || state.get().is_some()>
                <div class="form-group respond__note">
                    <label class="label" for=note_id.clone()>{t("respond.note_label")}</label>
                    <textarea class="textarea" id=note_id.clone() rows="2"
                        prop:value=note.clone()
                        on:input={
                            let id = id_for_note.clone();
                            move |ev| {
                                let v = event_target_value(&ev);
                                ctx.screening.update(|s| set_action_note(s, &id, v));
                            }
                        }></textarea>
                </div>
            </Show>
        </li>
    }
}

/// The information-sharing decision being written, before it is added to the record.
#[derive(Clone, Copy)]
struct SharingForm {
    with_whom: RwSignal<String>,
    consent: RwSignal<Option<String>>,
    shared: RwSignal<Option<String>>,
    reason: RwSignal<String>,
}

impl SharingForm {
    fn new() -> SharingForm {
        SharingForm {
            with_whom: RwSignal::new(String::new()),
            consent: RwSignal::new(None),
            shared: RwSignal::new(None),
            reason: RwSignal::new(String::new()),
        }
    }
    fn started(&self) -> bool {
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

#[component]
fn Sharing(form: SharingForm) -> impl IntoView {
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
    let consent_options = vec![
        RadioOption {
            value: "given".into(),
            label: t("respond.sharing.consent_given"),
        },
        RadioOption {
            value: "not_given".into(),
            label: t("respond.sharing.consent_not_given"),
        },
        RadioOption {
            value: "not_asked".into(),
            label: t("respond.sharing.consent_not_asked"),
        },
    ];
    let shared_options = vec![
        RadioOption {
            value: "yes".into(),
            label: t("respond.sharing.shared_yes"),
        },
        RadioOption {
            value: "no".into(),
            label: t("respond.sharing.shared_no"),
        },
    ];
    view! {
        <section class="respond__sharing" aria-labelledby="sharing-heading">
            <h2 id="sharing-heading" tabindex="-1">{t("respond.sharing.heading")}</h2>
            <p>{t("respond.sharing.intro")}</p>
            {move || {
                let list = ctx.screening.with(|s| s.sharing.clone());
                if list.is_empty() {
                    view! { <p class="respond__sharing-none">{t("respond.sharing.none")}</p> }.into_any()
                } else {
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
                    }.into_any()
                }
            }}
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tel_links_keep_digits_only() {
        assert_eq!(
            tel_href("0808 802 4040").as_deref(),
            Some("tel:08088024040")
        );
        assert_eq!(tel_href("999").as_deref(), Some("tel:999"));
        assert_eq!(
            tel_href("+44 20 7946 0000").as_deref(),
            Some("tel:+442079460000")
        );
        assert_eq!(tel_href("ask reception"), None);
    }

    #[test]
    fn action_state_keeps_the_note_and_clears_on_not_yet() {
        let mut s = Screening::default();
        set_action_state(&mut s, "a", Some(ActionState::Offered));
        set_action_note(&mut s, "a", "he said no".into());
        set_action_state(&mut s, "a", Some(ActionState::Declined));
        assert_eq!(s.action_statuses.len(), 1);
        assert_eq!(s.action_statuses[0].note, "he said no");
        assert_eq!(s.action_statuses[0].state, ActionState::Declined);
        set_action_state(&mut s, "a", None);
        assert!(s.action_statuses.is_empty());
    }

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
