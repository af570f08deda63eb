//! Ask: one section of questions per page, after the setting section. Every change is saved into
//! the shared state at once, so Back and Forward never lose an answer. Nothing here blocks
//! Continue: gaps are listed on check-your-answers and followed up later.
use std::cell::RefCell;

use dva_core::answers::prefer_not_to_say_label;
use dva_core::{Answer, Band, Definition, Domain, Item, Response, Section, YesNo};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::navigate;
use crate::components::{RadioOption, Radios};
use crate::route::Route;
use crate::state::use_ctx;
use crate::text::{catalogue, t, tf};

/// The section asked on the start page rather than here.
pub const SETTING: &str = "setting";
/// The radio value for "Prefer not to say".
const PREFER_NOT: &str = "prefer_not";

/// The sections asked on question pages, in order.
pub fn asked_sections(def: &Definition) -> Vec<&Section> {
    def.sections().iter().filter(|s| s.id != SETTING).collect()
}

/// (1-based position, total) of a question section, for "Section 3 of 7".
pub fn progress(def: &Definition, section_id: &str) -> Option<(usize, usize)> {
    let sections = asked_sections(def);
    let i = sections.iter().position(|s| s.id == section_id)?;
    Some((i + 1, sections.len()))
}

/// Where Back goes from a section: the previous section, or the start page from the first.
pub fn previous_route(def: &Definition, section_id: &str) -> Route {
    let sections = asked_sections(def);
    match sections.iter().position(|s| s.id == section_id) {
        Some(i) if i > 0 => Route::Ask(sections[i - 1].id.clone()),
        _ => Route::Start,
    }
}

/// Where Continue goes: the next section, or check-your-answers after the last.
pub fn next_route(def: &Definition, section_id: &str) -> Route {
    let sections = asked_sections(def);
    match sections.iter().position(|s| s.id == section_id) {
        Some(i) if i + 1 < sections.len() => Route::Ask(sections[i + 1].id.clone()),
        _ => Route::Check,
    }
}

/// The first question section (where the start page leads).
pub fn first_route(def: &Definition) -> Route {
    asked_sections(def)
        .first()
        .map_or(Route::Check, |s| Route::Ask(s.id.clone()))
}

/// A stable element id for an item's first control: `b.throat_grab` → `q-b-throat_grab`.
/// "Change" links and the error summary land here.
pub fn item_dom_id(item_id: &str) -> String {
    format!("q-{}", item_id.replace('.', "-"))
}

/// The element id of a section's notes box.
pub fn notes_dom_id(section_id: &str) -> String {
    format!("notes-{section_id}")
}

/// Consecutive runs of items by domain, so a long section can have a subheading per domain.
pub fn group_by_domain<'a>(items: &[&'a Item]) -> Vec<(Domain, Vec<&'a Item>)> {
    let mut groups: Vec<(Domain, Vec<&Item>)> = Vec::new();
    for item in items {
        match groups.last_mut() {
            Some((d, list)) if *d == item.domain => list.push(item),
            _ => groups.push((item.domain, vec![item])),
        }
    }
    groups
}

/// The radio value that shows a recorded answer as selected.
pub fn radio_value(answer: &Answer) -> String {
    match answer {
        Answer::PreferNotToSay => PREFER_NOT.to_string(),
        Answer::Frequency { band, .. } => band.id().to_string(),
        Answer::YesNo(v) => v.id().to_string(),
        Answer::Choice(c) => c.clone(),
        Answer::Scale(n) => n.to_string(),
        Answer::Text(s) => s.clone(),
    }
}

/// What the ends of a 0–10 scale mean ("0 means Not at all. 10 means Very much."), in the
/// wording of `key` (the worker's or the client's); `None` for any other kind of question.
pub fn scale_hint(item: &Item, key: &str) -> Option<String> {
    let Response::Scale {
        min,
        max,
        min_label,
        max_label,
    } = &item.response
    else {
        return None;
    };
    Some(tf(
        key,
        &[
            ("min", &min.to_string()),
            ("min_label", min_label),
            ("max", &max.to_string()),
            ("max_label", max_label),
        ],
    ))
}

/// The answer a radio value means for an item. A frequency keeps its "last 12 months" answer
/// while the band still counts as a disclosure, and drops it at "Never" (the core forbids it).
pub fn answer_from_radio(item: &Item, value: &str, previous: Option<&Answer>) -> Option<Answer> {
    if value == PREFER_NOT {
        return Some(Answer::PreferNotToSay);
    }
    match &item.response {
        Response::Frequency => {
            let band = Band::from_id(value)?;
            let kept = match previous {
                Some(Answer::Frequency { last_12_months, .. }) if band.is_disclosed() => {
                    *last_12_months
                }
                _ => None,
            };
            Some(Answer::Frequency {
                band,
                last_12_months: kept,
            })
        }
        Response::YesNo => YesNo::from_id(value).map(Answer::YesNo),
        Response::SingleChoice { options } => options
            .iter()
            .any(|o| o.id == value)
            .then(|| Answer::Choice(value.to_string())),
        Response::Scale { .. } => value.parse().ok().map(Answer::Scale),
        Response::FreeText { .. } => None,
    }
}

/// Whose words an item's options are shown in.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Wording {
    Worker,
    Client,
}

/// The radio options for an item in the worker's wording. "Prefer not to say" is offered on
/// every question, never on the worker's own observations (worker-only items).
pub fn radio_options(item: &Item) -> Vec<RadioOption> {
    options_in(item, Wording::Worker)
}

/// The radio options for an item in the given wording, "Prefer not to say" last. The worker
/// pages and the client view share this, so both offer exactly the same values.
pub fn options_in(item: &Item, wording: Wording) -> Vec<RadioOption> {
    let worker = wording == Wording::Worker;
    let opt = |value: &str, label: &str| RadioOption {
        value: value.to_string(),
        label: label.to_string(),
    };
    let mut options: Vec<RadioOption> = match &item.response {
        Response::Frequency => Band::ALL
            .iter()
            .map(|b| {
                opt(
                    b.id(),
                    if worker {
                        b.worker_label(catalogue())
                    } else {
                        b.client_label(catalogue())
                    },
                )
            })
            .collect(),
        Response::YesNo => YesNo::ALL
            .iter()
            .map(|v| {
                opt(
                    v.id(),
                    if worker {
                        v.worker_label(catalogue())
                    } else {
                        v.client_label(catalogue())
                    },
                )
            })
            .collect(),
        Response::SingleChoice { options } => options
            .iter()
            .map(|o| {
                opt(
                    &o.id,
                    if worker {
                        &o.worker_label
                    } else {
                        &o.client_label
                    },
                )
            })
            .collect(),
        Response::Scale { min, max, .. } => (*min..=*max)
            .map(|n| opt(&n.to_string(), &n.to_string()))
            .collect(),
        Response::FreeText { .. } => Vec::new(),
    };
    if !item.worker_only {
        options.push(opt(PREFER_NOT, prefer_not_to_say_label(catalogue())));
    }
    options
}

/// Text kept for a free-text item: at most `max` characters (the screen says so when cut).
pub fn clip_chars(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

thread_local! {
    /// The element a "Change" link wants focused once the next page has rendered.
    static PENDING_FOCUS: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Asks the next page to focus (and scroll to) this element once it has rendered.
pub fn focus_after_navigation(element_id: String) {
    PENDING_FOCUS.with(|p| *p.borrow_mut() = Some(element_id));
}

/// Focuses the element a "Change" link asked for, if any. Two frames later, so it runs after
/// the app's own move of focus to the heading on every page change.
pub fn focus_pending() {
    let Some(id) = PENDING_FOCUS.with(|p| p.borrow_mut().take()) else {
        return;
    };
    request_animation_frame(move || {
        request_animation_frame(move || {
            let Some(el) = document().get_element_by_id(&id) else {
                return;
            };
            // A radio group is entered on its chosen answer, as Tab enters it: arrow keys then
            // move on from the answer given, and Space cannot choose the first option by mistake.
            let el = el
                .get_attribute("name")
                .filter(|_| el.get_attribute("type").as_deref() == Some("radio"))
                .and_then(|name| {
                    document()
                        .query_selector(&format!("input[type=radio][name=\"{name}\"]:checked"))
                        .ok()
                        .flatten()
                })
                .unwrap_or(el);
            // Show the whole question, legend included, not just its first radio.
            let container = el.closest(".question").ok().flatten();
            container
                .as_ref()
                .unwrap_or(&el)
                .scroll_into_view_with_bool(true);
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        })
    });
}

/// Sends the worker to the start page, replacing the current history entry: used when a page
/// is opened (reload, bookmark, typed address) before the start page was completed.
pub fn redirect_to_start() {
    let ctx = use_ctx();
    request_animation_frame(move || {
        crate::browser::replace_hash(&Route::Start.to_hash());
        ctx.route.set(Route::Start);
    });
}

/// Whether the start page has been completed in this screening.
pub fn started() -> bool {
    use_ctx()
        .screening
        .with_untracked(|s| s.started_at.is_some())
}

#[component]
pub fn AskPage(section: String) -> impl IntoView {
    let ctx = use_ctx();
    let def = ctx.def;
    let (Some(section), Some((n, total))) = (def.section(&section), progress(def, &section)) else {
        redirect_to_start();
        return ().into_any();
    };
    if !started() {
        redirect_to_start();
        return ().into_any();
    }
    focus_pending();

    let items: Vec<&'static Item> = def.items_in(&section.id).collect();
    let groups = group_by_domain(&items);
    let with_headings = groups.len() > 1;
    let questions = groups
        .into_iter()
        .map(|(domain, items)| {
            let items_of_group = items.clone();
            let list = items
                .into_iter()
                .map(|item| view! { <Question item=item /> })
                .collect_view();
            // A group whose questions are all hidden (his words, before any disclosure) is not
            // shown at all, so no heading stands over nothing.
            let shown = move || {
                ctx.screening
                    .with(|s| items_of_group.iter().any(|i| def.is_shown(i, &s.answers)))
            };
            if with_headings {
                view! {
                    <section class="ask__group" aria-labelledby=format!("group-{}", domain.id())
                        prop:hidden=move || !shown()>
                        <h2 class="ask__group-title" id=format!("group-{}", domain.id())>{domain.label(catalogue())}</h2>
                        {list}
                    </section>
                }
                .into_any()
            } else {
                list.into_any()
            }
        })
        .collect_view();

    let back_href = previous_route(def, &section.id).to_hash();
    let next = next_route(def, &section.id);
    let returning = move || ctx.return_to.with(Option::is_some);
    let on_continue = move |_| match ctx.return_to.get_untracked() {
        Some(route) => {
            ctx.return_to.set(None);
            navigate(&route);
        }
        None => navigate(&next),
    };
    let compact = is_inventory(def, &section.id);
    let switched_off = def.switched_off().any(|s| s.id == section.id);
    view! {
        <a class="back-link" href=back_href>{t("app.back")}</a>
        // The heading takes focus on arrival; describing it by the progress reads both out.
        <p class="page__caption" id="ask-progress">{tf("ask.progress", &[("n", &n.to_string()), ("total", &total.to_string())])}</p>
        <h1 class="page__title" tabindex="-1" aria-describedby="ask-progress">{section.title.clone()}</h1>
        // A section the service switched off keeps only the worker's own records.
        {switched_off.then(|| view! { <p class="inset">{t("ask.switched_off")}</p> })}
        {section.guidance.clone().filter(|_| !switched_off).map(|g| view! {
            <div class="inset ask__guidance">
                <h2 class="ask__guidance-title">{t("ask.guidance.heading")}</h2>
                <p class="ask__guidance-text">{g}</p>
            </div>
        })}
        <div class="ask__questions wide" class:ask__questions--compact=compact>{questions}</div>
        <Notes section_id=section.id.clone() />
        <div class="button-group">
            <button type="button" class="button" on:click=on_continue>
                {move || if returning() { t("ask.save_return") } else { t("app.continue") }}
            </button>
            <button type="button" class="button button--secondary" on:click=|_| navigate(&Route::Handover)>
                {t("handover.open")}
            </button>
        </div>
    }
    .into_any()
}

/// Layout choice only: a section of many frequency questions (the behaviour inventory) gets the
/// compact, row-by-row layout.
pub fn is_inventory(def: &Definition, section_id: &str) -> bool {
    def.items_in(section_id)
        .filter(|i| i.response == Response::Frequency)
        .count()
        > 5
}

/// One question, rendered for its response type; shown only while its condition holds, so
/// dependent questions appear and disappear as answers change.
#[component]
pub fn Question(
    item: &'static Item,
    /// The start page's validation message for this question, if any.
    #[prop(optional)]
    error: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let ctx = use_ctx();
    let def = ctx.def;
    let shown = move || ctx.screening.with(|s| def.is_shown(item, &s.answers));
    let error = Signal::derive(move || error.and_then(|e| e.get()));
    // A stop (privacy, consent, interpreter) is said right under the question that caused it.
    let stop = move || {
        ctx.screening.with(|s| {
            def.stops(&s.answers)
                .into_iter()
                .find(|stop| stop.item_id == item.id)
                .map(|stop| stop.message)
        })
    };
    view! {
        <Show when=shown>
            <div class="question" class:question--frequency=item.response == Response::Frequency>
                {match &item.response {
                    Response::FreeText { max_chars } => view! { <FreeText item=item max_chars=*max_chars /> }.into_any(),
                    _ => view! { <ItemRadios item=item error=error /> }.into_any(),
                }}
                {(item.response == Response::Frequency).then(|| view! { <LastTwelveMonths item=item /> })}
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

/// The radio group for any item answered by choosing: frequency, yes/no, single choice, scale.
#[component]
fn ItemRadios(item: &'static Item, error: Signal<Option<String>>) -> impl IntoView {
    let ctx = use_ctx();
    let selected = Signal::derive(move || ctx.answer_of(&item.id).map(|a| radio_value(&a)));
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
    match hint {
        Some(hint) => view! {
            <Radios id=id legend=legend hint=hint options=options selected=selected
                on_select=on_select error=error inline=inline small=small />
        }
        .into_any(),
        None => view! {
            <Radios id=id legend=legend options=options selected=selected
                on_select=on_select error=error inline=inline small=small />
        }
        .into_any(),
    }
}

/// "Did this happen in the last 12 months?", beside a frequency question once a band of once
/// or more is chosen. Its legend names the behaviour for screen-reader users, who may reach it
/// out of context.
#[component]
fn LastTwelveMonths(item: &'static Item) -> impl IntoView {
    let ctx = use_ctx();
    let band = move || match ctx.answer_of(&item.id) {
        Some(Answer::Frequency { band, .. }) if band.is_disclosed() => Some(band),
        _ => None,
    };
    let current = move || match ctx.answer_of(&item.id) {
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

/// The section's notes box: the client's own words, kept exactly as typed.
#[component]
fn Notes(section_id: String) -> impl IntoView {
    let ctx = use_ctx();
    let def = ctx.def;
    let id = notes_dom_id(&section_id);
    let hint_id = format!("{id}-hint");
    let initial = ctx.screening.with_untracked(|s| {
        s.answers
            .note(&section_id)
            .map(str::to_owned)
            .unwrap_or_default()
    });
    view! {
        <div class="form-group ask__notes">
            <label class="label" for=id.clone()>{t("ask.notes.label")}</label>
            <p class="hint" id=hint_id.clone()>{t("ask.notes.hint")}</p>
            <textarea class="textarea" id=id rows="4" aria-describedby=hint_id
                prop:value=initial
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    ctx.screening.update(|s| {
                        // The section exists (this page was built from it).
                        let _ = s.answers.set_note(def, &section_id, text);
                    });
                }></textarea>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn def() -> Definition {
        dva_core::builtin().expect("the built-in definition is valid")
    }

    #[test]
    fn progress_counts_only_the_sections_asked_here() {
        let def = def();
        let total = def.sections().len() - 1;
        assert_eq!(progress(&def, "relationship"), Some((1, total)));
        assert_eq!(progress(&def, "behaviours"), Some((2, total)));
        assert_eq!(progress(&def, SETTING), None);
        assert_eq!(progress(&def, "nope"), None);
    }

    #[test]
    fn back_and_continue_walk_the_sections_in_order() {
        let def = def();
        assert_eq!(previous_route(&def, "relationship"), Route::Start);
        assert_eq!(first_route(&def), Route::Ask("relationship".into()));
        assert_eq!(
            next_route(&def, "relationship"),
            Route::Ask("behaviours".into())
        );
        let last = asked_sections(&def).last().unwrap().id.clone();
        assert_eq!(next_route(&def, &last), Route::Check);
    }

    #[test]
    fn item_ids_become_stable_element_ids() {
        assert_eq!(item_dom_id("b.throat_grab"), "q-b-throat_grab");
    }

    #[test]
    fn behaviours_group_by_domain_in_order() {
        let def = def();
        let items: Vec<&Item> = def.items_in("behaviours").collect();
        let groups = group_by_domain(&items);
        let domains: Vec<Domain> = groups.iter().map(|(d, _)| *d).collect();
        let mut want = Domain::ABUSE.to_vec();
        want.push(Domain::Incident);
        assert_eq!(domains, want);
        assert_eq!(
            groups.iter().map(|(_, l)| l.len()).sum::<usize>(),
            items.len()
        );
    }

    #[test]
    fn frequency_keeps_last_12_months_until_never() {
        let def = def();
        let item = def.item("b.pushing").unwrap();
        let before = Answer::Frequency {
            band: Band::Once,
            last_12_months: Some(YesNo::Yes),
        };
        assert_eq!(
            answer_from_radio(item, "2_10", Some(&before)),
            Some(Answer::Frequency {
                band: Band::TwoToTen,
                last_12_months: Some(YesNo::Yes)
            })
        );
        let never = answer_from_radio(item, "never", Some(&before)).unwrap();
        assert_eq!(
            never,
            Answer::Frequency {
                band: Band::Never,
                last_12_months: None
            }
        );
        assert!(dva_core::answers::check(item, &never).is_ok());
        assert_eq!(
            answer_from_radio(item, PREFER_NOT, None),
            Some(Answer::PreferNotToSay)
        );
    }

    #[test]
    fn every_offered_option_is_accepted_by_the_core() {
        let def = def();
        for item in def.items() {
            for opt in radio_options(item) {
                let answer = answer_from_radio(item, &opt.value, None)
                    .unwrap_or_else(|| panic!("{} {}", item.id, opt.value));
                assert!(
                    dva_core::answers::check(item, &answer).is_ok(),
                    "{} {}",
                    item.id,
                    opt.value
                );
                assert_eq!(radio_value(&answer), opt.value);
            }
        }
    }

    #[test]
    fn worker_observations_offer_no_prefer_not_to_say() {
        let def = def();
        let alone = def.item("set.alone").unwrap();
        assert!(radio_options(alone).iter().all(|o| o.value != PREFER_NOT));
        let pushing = def.item("b.pushing").unwrap();
        assert_eq!(radio_options(pushing).len(), 6);
    }

    #[test]
    fn clipping_counts_characters_not_bytes() {
        assert_eq!(clip_chars("ééé", 2), "éé");
        assert_eq!(clip_chars("ab", 5), "ab");
    }
}
