//! One question of the questionnaire as the worker asks it, rendered for its response type:
//! radios (frequency with its "last 12 months" follow-up, yes/no, single choice, scale) or free
//! text. Used by the question pages and the start page.
use dva_core::{Answer, Answers, Definition, Item, Response, YesNo};
use leptos::prelude::*;

use crate::components::Radios;
use crate::dom_ids::item_dom_id;
use crate::form::{answer_from_radio, clip_chars, radio_options, radio_value, scale_hint};
use crate::state::{use_ctx, Ctx};
use crate::text::{catalogue, t, tf};

/// One question, rendered for its response type; shown only while its condition holds, so
/// dependent questions appear and disappear as answers change.
#[component]
pub fn Question(
    item: &'static Item,
    /// Moved on when the question's state changes (`follow`).
    changed: Version,
    /// The start page's validation message for this question, if any.
    #[prop(optional, into)]
    error: MaybeProp<String>,
) -> impl IntoView {
    let ctx = use_ctx();
    let def = ctx.def;
    let shown = move || {
        changed.track();
        ctx.screening
            .with_untracked(|s| def.is_shown(item, &s.answers))
    };
    // A stop (privacy, consent, interpreter) is said right under the question that caused it.
    // Only this item's own stop rule is evaluated (as `Definition::stops` would for it), and an
    // item without one reads nothing: every answer used to re-run every stop rule once per
    // question on the page.
    let stop = move || {
        let when = item.stop_when.as_ref()?;
        ctx.screening.with(|s| {
            (def.is_shown(item, &s.answers) && when.eval(def, &s.answers).is_some())
                .then(|| item.stop_message.clone().unwrap_or_default())
        })
    };
    view! {
        <Show when=shown>
            <div class="question" class:question--frequency=item.response == Response::Frequency>
                {match &item.response {
                    Response::FreeText { max_chars } => view! { <FreeText item=item max_chars=*max_chars /> }.into_any(),
                    _ => view! { <ItemRadios item=item changed=changed error=error /> }.into_any(),
                }}
                {(item.response == Response::Frequency).then(|| view! { <LastTwelveMonths item=item changed=changed /> })}
                <div aria-live="polite">
                    {move || stop().map(|message| view! {
                        <div class="warning-text question__stop">
                            <span class="warning-text__icon" aria-hidden="true">"!"</span>
                            <strong class="warning-text__text">{message}</strong>
                        </div>
                    })}
                </div>
            </div>
        </Show>
    }
}

/// What a question's views read of the screening: whether it is shown, and its answer.
#[derive(PartialEq)]
struct Asked {
    shown: bool,
    answer: Option<Answer>,
}

impl Asked {
    fn of(def: &Definition, item: &Item, answers: &Answers) -> Asked {
        Asked {
            shown: def.is_shown(item, answers),
            answer: answers.get(&item.id).map(|r| r.answer.clone()),
        }
    }
}

/// A count of a question's changes: its value means nothing, its changing does. (A signal of the
/// kind the app already has costs less wasm than a `Trigger`.)
pub type Version = RwSignal<usize>;

/// A version for each of `items`, moved on by one effect when the question's state (shown, its
/// answer) changes. Call where a page builds its questions, once for a list of them; give each
/// `Question` its version.
///
/// Why: an answer changes the screening, and every reader of the screening on the page runs
/// again. When each question's views read it (whether it is shown, which option is checked,
/// whether to ask "in the last 12 months?"), a click re-ran about three memos a question and
/// woke every option's render effect to check them: most of the app's own time of a click on
/// the behaviours page. Here one effect compares the questions' states and moves on only the
/// versions of those that changed, so a click runs the views of the question clicked (and of
/// any question it shows or hides), nothing else.
pub fn follow(items: &[&'static Item]) -> Vec<Version> {
    let ctx = use_ctx();
    let def = ctx.def;
    let mut list: Vec<(&'static Item, Asked, Version)> = ctx.screening.with_untracked(|s| {
        items
            .iter()
            .map(|&item| (item, Asked::of(def, item, &s.answers), RwSignal::new(0)))
            .collect()
    });
    let versions = list.iter().map(|q| q.2).collect();
    Effect::new(move |_| {
        ctx.screening.with(|s| {
            for (item, was, changed) in &mut list {
                let now = Asked::of(def, item, &s.answers);
                if *was != now {
                    *was = now;
                    changed.update(|n| *n = n.wrapping_add(1));
                }
            }
        });
    });
    versions
}

/// A question's answer, for its views: read again when its version moves on.
fn answer_of(ctx: Ctx, changed: Version, item: &Item) -> Option<Answer> {
    changed.track();
    ctx.screening
        .with_untracked(|s| s.answers.get(&item.id).map(|r| r.answer.clone()))
}

/// The radio group for any item answered by choosing: frequency, yes/no, single choice, scale.
#[component]
fn ItemRadios(item: &'static Item, changed: Version, error: MaybeProp<String>) -> impl IntoView {
    let ctx = use_ctx();
    // Runs again only when this question changes (its version), not on every answer.
    let selected = Signal::derive(move || answer_of(ctx, changed, item).map(|a| radio_value(&a)));
    let on_select = Callback::new(move |value: String| {
        let previous = ctx.answer_of(&item.id);
        if let Some(answer) = answer_from_radio(item, &value, previous.as_ref()) {
            // Only valid values are offered, so the core's objection cannot happen here.
            let _ = ctx.answer(&item.id, answer);
        }
    });
    let hint = match (scale_hint(item, "ask.scale.hint"), &item.guidance) {
        (Some(scale), Some(g)) => Some(format!("{g} {scale}")),
        (scale, guidance) => scale.or_else(|| guidance.clone()),
    };
    // Short options sit in a row; long single-choice labels stack.
    let inline = !matches!(item.response, Response::SingleChoice { .. });
    let small = item.response == Response::Frequency;
    let id = item_dom_id(&item.id);
    let legend = item.worker_wording.clone();
    let options = radio_options(item);
    view! {
        <Radios id=id legend=legend hint=hint options=options selected=selected
            on_select=on_select error=error inline=inline small=small />
    }
}

/// "Did this happen in the last 12 months?", beside a frequency question once a band of once
/// or more is chosen. Its legend names the behaviour for screen-reader users, who may reach it
/// out of context.
#[component]
fn LastTwelveMonths(item: &'static Item, changed: Version) -> impl IntoView {
    let ctx = use_ctx();
    let band = move || match answer_of(ctx, changed, item) {
        Some(Answer::Frequency { band, .. }) if band.is_disclosed() => Some(band),
        _ => None,
    };
    let current = move || match answer_of(ctx, changed, item) {
        Some(Answer::Frequency { last_12_months, .. }) => last_12_months,
        _ => None,
    };
    let base = format!("{}-12m", item_dom_id(&item.id));
    view! {
        <Show when=move || band().is_some()>
            <fieldset class="radios radios--inline radios--small question__recency">
                <legend class="radios__legend question__recency-legend">
                    {t("ask.last_12_months.legend")}
                    <span class="visually-hidden">{format!(" ({})", item.label)}</span>
                </legend>
                <div class="radios__items">
                    {YesNo::ALL.into_iter().enumerate().map(|(i, value)| {
                        let input_id = if i == 0 { base.clone() } else { format!("{base}-{i}") };
                        view! {
                            <div class="radios__item">
                                <input class="radios__input" type="radio" id=input_id.clone()
                                    name=base.clone() value=value.id()
                                    prop:checked=move || current() == Some(value)
                                    on:change=move |_| {
                                        if let Some(band) = band() {
                                            let _ = ctx.answer(&item.id, Answer::Frequency {
                                                band,
                                                last_12_months: Some(value),
                                            });
                                        }
                                    } />
                                <label class="radios__label" for=input_id>{value.worker_label(catalogue())}</label>
                            </div>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
        </Show>
    }
}

/// A free-text answer with a character count. Text beyond the limit is not kept, and the
/// screen says so rather than cutting the box silently.
#[component]
fn FreeText(item: &'static Item, max_chars: usize) -> impl IntoView {
    let ctx = use_ctx();
    let id = item_dom_id(&item.id);
    let hint_id = format!("{id}-hint");
    let count_id = format!("{id}-count");
    let initial = match ctx.answer_of(&item.id) {
        Some(Answer::Text(s)) => s,
        _ => String::new(),
    };
    let length = RwSignal::new(initial.chars().count());
    let count = move || {
        let n = length.get();
        if n > max_chars {
            tf(
                "ask.text.too_many",
                &[
                    ("n", &(n - max_chars).to_string()),
                    ("max", &max_chars.to_string()),
                ],
            )
        } else {
            tf("ask.text.remaining", &[("n", &(max_chars - n).to_string())])
        }
    };
    let over = move || length.get() > max_chars;
    let described_by = match &item.guidance {
        Some(_) => format!("{hint_id} {count_id}"),
        None => count_id.clone(),
    };
    view! {
        <div class="form-group question__text" class:form-group--error=over>
            <label class="label" for=id.clone()>{item.worker_wording.clone()}</label>
            {item.guidance.clone().map(|g| view! { <p class="hint" id=hint_id>{g}</p> })}
            <textarea class="textarea" class:textarea--error=over id=id rows="3"
                aria-describedby=described_by
                prop:value=initial
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    length.set(text.chars().count());
                    if text.trim().is_empty() {
                        ctx.clear_answer(&item.id);
                    } else {
                        let _ = ctx.answer(&item.id, Answer::Text(clip_chars(&text, max_chars)));
                    }
                }></textarea>
            <p class="hint question__count" class:error-message=over id=count_id>{count}</p>
        </div>
    }
}
