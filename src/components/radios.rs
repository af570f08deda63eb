//! A real radio group: a fieldset with a legend, one labelled input per option. Arrow keys move
//! between options natively because the inputs share a name. One component for the worker's
//! questions and the client's one-question pages, so the two never drift apart.
use leptos::prelude::*;

use crate::components::error_summary::ErrorMessage;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RadioOption {
    pub value: String,
    pub label: String,
}

/// `id` is the group's element id prefix and the inputs' name; the first input gets `id` itself
/// so an error summary link can focus it, its hint is `{id}-hint` and its error `{id}-error`.
///
/// Variants (GOV.UK Radios' own): `page_heading` puts the page's h1 in the legend ("one question
/// per page") and makes every option a large box, the whole of it a label, for unsteady hands
/// (`grid` lays those out in rows, `apart` names the value whose box stands apart: the client's
/// "Prefer not to say"); `inline` and `small` are the worker's compact rows. `described_by`
/// names an element the group is also described by, before its hint (the client's progress).
#[component]
pub fn Radios(
    #[prop(into)] id: String,
    legend: String,
    #[prop(optional, into)] hint: MaybeProp<String>,
    options: Vec<RadioOption>,
    selected: Signal<Option<String>>,
    on_select: Callback<String>,
    #[prop(optional, into)] error: MaybeProp<String>,
    #[prop(optional)] inline: bool,
    #[prop(optional)] small: bool,
    #[prop(optional)] page_heading: bool,
    #[prop(optional)] grid: bool,
    #[prop(optional)] apart: Option<&'static str>,
    #[prop(optional)] described_by: Option<&'static str>,
) -> impl IntoView {
    let hint = hint.get_untracked();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let has_error = move || error.with(Option::is_some);
    let described_by = described_by_ids(
        described_by,
        hint.is_some().then(|| hint_id.clone()),
        error_id.clone(),
        error,
    );
    let inputs = options
        .into_iter()
        .enumerate()
        .map(|(i, option)| {
            let set_apart = apart == Some(option.value.as_str());
            let item = RadioItem {
                // The first input is the group's id, for the error summary's link.
                id: if i == 0 {
                    id.clone()
                } else {
                    format!("{id}-{i}")
                },
                name: id.clone(),
                option,
                selected,
                on_select,
            };
            if page_heading {
                item.large(set_apart)
            } else {
                item.small()
            }
        })
        .collect_view();
    let error_message = move || {
        error
            .get()
            .map(|msg| view! { <ErrorMessage id=error_id.clone() message=msg /> })
    };
    if page_heading {
        return view! {
            <fieldset class="client-question" class:client-question--error=has_error
                aria-describedby=described_by>
                <legend class="client-question__legend">
                    <h1 class="page__title client-question__title" tabindex="-1">{legend}</h1>
                </legend>
                {hint.map(|h| view! { <p class="hint client-question__hint" id=hint_id>{h}</p> })}
                {error_message}
                <div class="client-question__options" class:client-question__options--grid=grid>{inputs}</div>
            </fieldset>
        }
        .into_any();
    }
    view! {
        <fieldset class="radios" class:radios--inline=inline class:radios--small=small
            class:radios--error=has_error aria-describedby=described_by>
            <legend class="radios__legend">{legend}</legend>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            {error_message}
            <div class="radios__items">{inputs}</div>
        </fieldset>
    }
    .into_any()
}

/// One option of a group, as either variant draws it.
struct RadioItem {
    id: String,
    name: String,
    option: RadioOption,
    selected: Signal<Option<String>>,
    on_select: Callback<String>,
}

impl RadioItem {
    fn checked(&self) -> impl Fn() -> bool + Send + Sync + 'static {
        let value = self.option.value.clone();
        let selected = self.selected;
        move || selected.get().as_deref() == Some(value.as_str())
    }

    fn on_change(&self) -> impl Fn(leptos::ev::Event) + 'static {
        let value = self.option.value.clone();
        let on_select = self.on_select;
        move |_| on_select.run(value.clone())
    }

    /// The worker's option: a small input with its label beside it.
    fn small(self) -> AnyView {
        let (checked, on_change) = (self.checked(), self.on_change());
        let label_for = self.id.clone();
        view! {
            <div class="radios__item">
                <input class="radios__input" type="radio" id=self.id name=self.name
                    value=self.option.value prop:checked=checked on:change=on_change />
                <label class="radios__label" for=label_for>{self.option.label}</label>
            </div>
        }
        .into_any()
    }

    /// The client's option: a large box, the whole of it a label.
    fn large(self, apart: bool) -> AnyView {
        let (checked, on_change) = (self.checked(), self.on_change());
        let label_for = self.id.clone();
        view! {
            <label class="client-option" class:client-option--apart=apart for=label_for>
                <input class="client-option__input" type="radio" id=self.id name=self.name
                    value=self.option.value prop:checked=checked on:change=on_change />
                <span class="client-option__label">{self.option.label}</span>
            </label>
        }
        .into_any()
    }
}

/// The group's `aria-describedby`: `first`, then the hint, then the error while it shows.
fn described_by_ids(
    first: Option<&'static str>,
    hint_id: Option<String>,
    error_id: String,
    error: MaybeProp<String>,
) -> impl Fn() -> Option<String> + Send + Sync + 'static {
    let ids: Vec<String> = first
        .map(str::to_owned)
        .into_iter()
        .chain(hint_id)
        .collect();
    move || {
        let showing = error.with(Option::is_some).then_some(error_id.as_str());
        let all: Vec<&str> = ids.iter().map(String::as_str).chain(showing).collect();
        (!all.is_empty()).then(|| all.join(" "))
    }
}
