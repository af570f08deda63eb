//! One recommended action as a card: its urgency, what to do and why, the answers behind it,
//! whom to contact, and the worker's offered / done / declined with a note.
use dva_core::summary::AnswerLine;
use dva_core::{Action, ActionState, ActionStatus, Contact, Urgency};
use leptos::prelude::*;

use crate::components::{RadioOption, Radios};
use crate::outcome::lines_for;
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

/// The four states an action can be marked with, "not yet" first.
fn status_options() -> Vec<RadioOption> {
    [
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
    .collect()
}

#[component]
pub(super) fn ActionCard(action: Action) -> impl IntoView {
    let ctx = use_ctx();
    let id = action.id.clone();
    let field = format!("action-{}", action.id.replace('_', "-"));
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
    let on_select = {
        let id = id.clone();
        Callback::new(move |v: String| {
            ctx.screening
                .update(|s| set_action_state(s, &id, state_from_id(&v)))
        })
    };
    let behind = lines_for(&ctx, &action.because.item_ids);
    let urgency = action.urgency;
    let title_id = format!("{field}-title");
    let note_id = format!("{field}-note");
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
            {behind_list(behind)}
            {contact_list(action.contacts.clone())}
            <Radios id=field.clone() legend=tf("respond.status.legend", &[("action", &action.title)])
                options=status_options()
                selected=Signal::derive(move || Some(state_id(state.get()).to_owned()))
                on_select=on_select inline=true small=true />
            <Show when=move || state.get().is_some()>
                <ActionNote action_id=id.clone() note_id=note_id.clone() />
            </Show>
        </li>
    }
}

/// The answers behind an action. Long lists (every gap to follow up) are cut short; the record
/// lists them all.
fn behind_list(behind: Vec<AnswerLine>) -> impl IntoView {
    (!behind.is_empty()).then(|| {
        let more = behind.len().saturating_sub(MAX_BEHIND);
        view! {
            <ul class="respond__behind">
                {behind.into_iter().take(MAX_BEHIND).map(|l| view! { <li>{format!("{}: {}", l.label, l.answer)}</li> }).collect_view()}
                {(more > 0).then(|| view! { <li>{tf("respond.behind_more", &[("n", &more.to_string())])}</li> })}
            </ul>
        }
    })
}

/// Whom to contact for an action: the service's own contact (config.json) part by part where it
/// set one, otherwise the core's name and detail, a number as a link.
fn contact_list(contacts: Vec<Contact>) -> impl IntoView {
    (!contacts.is_empty()).then(|| view! {
        <ul class="respond__contacts">
            {contacts.into_iter().map(|c| {
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
    })
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

/// The worker's note on an action, once it is marked offered, done or declined.
#[component]
fn ActionNote(action_id: String, note_id: String) -> impl IntoView {
    let ctx = use_ctx();
    let note = {
        let id = action_id.clone();
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
    view! {
        <div class="form-group respond__note">
            <label class="label" for=note_id.clone()>{t("respond.note_label")}</label>
            <textarea class="textarea" id=note_id rows="2"
                prop:value=note
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    ctx.screening.update(|s| set_action_note(s, &action_id, v));
                }></textarea>
        </div>
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
}
