//! The answers behind a finding, each with a link to its question that comes back to the result.
use leptos::prelude::*;

use crate::outcome::lines_for;
use crate::route::Route;
use crate::state::use_ctx;
use crate::text::t;

/// A link to the question page of a section, coming back to the result afterwards. `label`
/// (the question), when the visible text does not say it, completes the link's name for screen
/// readers.
#[component]
pub(super) fn AnswerLink(
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
pub(super) fn AnswersBehind(ids: Vec<String>) -> impl IntoView {
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
