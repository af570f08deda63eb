//! A real radio group: a fieldset with a legend, one labelled input per option. Arrow keys move
//! between options natively because the inputs share a name.
use leptos::prelude::*;

use crate::text::t;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RadioOption {
    pub value: String,
    pub label: String,
}

/// `id` is the group's element id prefix; the first input gets `id` itself so an error summary
/// link can focus it. `legend_is_heading` renders the legend as the page's h1 (GOV.UK "one
/// question per page").
#[component]
pub fn Radios(
    id: String,
    legend: String,
    #[prop(optional)] hint: Option<String>,
    options: Vec<RadioOption>,
    selected: Signal<Option<String>>,
    on_select: Callback<String>,
    #[prop(optional)] error: Option<Signal<Option<String>>>,
    #[prop(optional)] inline: bool,
    #[prop(optional)] small: bool,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let has_hint = hint.is_some();
    let described_by = {
        let hint_id = hint_id.clone();
        let error_id = error_id.clone();
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error.is_some_and(|e| e.get().is_some()) {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let has_error = move || error.is_some_and(|e| e.get().is_some());
    let class = move || {
        let mut c = String::from("radios");
        if inline {
            c.push_str(" radios--inline");
        }
        if small {
            c.push_str(" radios--small");
        }
        if has_error() {
            c.push_str(" radios--error");
        }
        c
    };
    let name = id.clone();
    let inputs = options
        .into_iter()
        .enumerate()
        .map(|(i, opt)| {
            let input_id = if i == 0 {
                id.clone()
            } else {
                format!("{id}-{i}")
            };
            let value = opt.value.clone();
            let checked_value = opt.value.clone();
            view! {
                <div class="radios__item">
                    <input class="radios__input" type="radio" id=input_id.clone() name=name.clone()
                        value=opt.value.clone()
                        prop:checked=move || selected.get().as_deref() == Some(checked_value.as_str())
                        on:change=move |_| on_select.run(value.clone()) />
                    <label class="radios__label" for=input_id>{opt.label}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class=class aria-describedby=described_by>
            <legend class="radios__legend">{legend}</legend>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            {move || error.and_then(|e| e.get()).map(|msg| view! {
                <p class="error-message" id=error_id.clone()><span class="visually-hidden">{t("error.prefix")}</span>{msg}</p>
            })}
            <div class="radios__items">{inputs}</div>
        </fieldset>
    }
}
