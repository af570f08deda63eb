//! Check your answers: every answer on one page, grouped by section, as the core words them.
//! Gaps (not answered, prefer not to say) are counted at the top and marked in their rows; each
//! row's "Change" link goes to the question and the question page comes back here.
use dva_core::summary::{AnswerLine, SectionAnswers};
use dva_core::{section_answers, Definition, Gap, Source};
use leptos::prelude::*;

use crate::dom_ids::{item_dom_id, notes_dom_id, CLIENT_REF_ID, SERVICE_ID, WORKER_ID};
use crate::flow::section_route;
use crate::nav::{self, focus_after_navigation};
use crate::route::Route;
use crate::state::use_ctx;
use crate::text::{catalogue, t, tf};

/// How many shown questions have no usable answer (not answered or prefer not to say).
pub fn gap_count(sections: &[SectionAnswers]) -> usize {
    sections
        .iter()
        .flat_map(|s| &s.lines)
        .filter(|l| l.gap.is_some())
        .count()
}

/// The sentence counting the gaps.
fn gap_sentence(n: usize) -> String {
    match n {
        0 => t("check.gaps.none"),
        1 => t("check.gaps.one"),
        n => tf("check.gaps.other", &[("n", &n.to_string())]),
    }
}

#[component]
pub fn CheckPage() -> impl IntoView {
    let ctx = use_ctx();
    let def = ctx.def;
    // Arriving here (by "Save and return", Continue or the browser's Back) ends any "Change".
    ctx.return_to.set(None);

    let (sections, details) = ctx.screening.with_untracked(|s| {
        (
            section_answers(def, &s.answers, catalogue()),
            [
                (t("start.worker.label"), s.worker.clone(), WORKER_ID),
                (t("start.service.label"), s.service.clone(), SERVICE_ID),
                (
                    t("start.client_ref.label"),
                    s.client_reference.clone(),
                    CLIENT_REF_ID,
                ),
            ],
        )
    });
    let gaps = gap_count(&sections);
    let some_gaps = gaps > 0;

    let detail_rows = details.into_iter().map(detail_row).collect_view();
    let section_blocks = sections
        .into_iter()
        .filter(|s| !s.lines.is_empty() || s.note.is_some())
        .map(|section| section_block(def, section))
        .collect_view();

    view! {
        <h1 class="page__title" tabindex="-1">{t("check.title")}</h1>
        <p>{t("check.intro")}</p>
        <div class="check__gaps" class:check__gaps--some=some_gaps>
            <p class="check__gaps-text">{gap_sentence(gaps)}</p>
        </div>
        <section class="check__section" aria-labelledby="check-details">
            <h2 class="check__section-title" id="check-details">{t("start.details.heading")}</h2>
            <dl class="summary-list">{detail_rows}</dl>
        </section>
        {section_blocks}
        <div class="button-group">
            <button type="button" class="button" on:click=move |_| nav::navigate(&ctx, &Route::Result)>
                {t("check.continue")}
            </button>
            <button type="button" class="button button--secondary" on:click=move |_| nav::navigate(&ctx, &Route::Handover)>
                {t("handover.open")}
            </button>
        </div>
    }
    .into_any()
}

/// One of the worker's details, "Not given" when empty, with its "Change" link.
fn detail_row((label, value, id): (String, String, &'static str)) -> impl IntoView {
    let empty = value.trim().is_empty();
    let value = if empty { t("check.not_given") } else { value };
    view! {
        <div class="summary-list__row">
            <dt class="summary-list__key">{label.clone()}</dt>
            <dd class="summary-list__value check__text">{value}</dd>
            <dd class="summary-list__actions">
                <ChangeLink route=Route::Start focus=id.to_string() label=label />
            </dd>
        </div>
    }
}

/// One section's answers, and its notes if any.
fn section_block(def: &Definition, section: SectionAnswers) -> impl IntoView {
    let route = section_route(def, &section.section_id);
    let heading_id = format!("check-{}", section.section_id);
    let labelled_by = heading_id.clone();
    let rows = section
        .lines
        .into_iter()
        .map(|line| view! { <AnswerRow line=line route=route.clone() /> })
        .collect_view();
    let note = section.note.map(|note| {
        let label = t("check.notes");
        let change_label = format!("{label} ({})", section.title);
        view! {
            <div class="summary-list__row">
                <dt class="summary-list__key">{label}</dt>
                <dd class="summary-list__value check__text check__note">{note}</dd>
                <dd class="summary-list__actions">
                    <ChangeLink route=route.clone() focus=notes_dom_id(&section.section_id)
                        label=change_label />
                </dd>
            </div>
        }
    });
    view! {
        <section class="check__section" aria-labelledby=labelled_by>
            <h2 class="check__section-title" id=heading_id>{section.title}</h2>
            <dl class="summary-list">{rows}{note}</dl>
        </section>
    }
}

/// One answer's row. A gap is marked with a tag in words, not by colour alone.
#[component]
fn AnswerRow(line: AnswerLine, route: Route) -> impl IntoView {
    let value = match line.gap {
        Some(gap) => {
            let text = match gap {
                Gap::NotYetAnswered => t("check.gap.not_answered"),
                Gap::PreferNotToSay => t("check.gap.prefer_not"),
                Gap::NotSure => t("check.gap.not_sure"),
            };
            // "Not sure" keeps the answer as given beside its tag.
            let given = (gap == Gap::NotSure).then(|| line.answer.clone());
            view! { <strong class="tag check__tag">{text}</strong>{given.map(|a| view! { " "<span class="check__text">{a}</span> })} }.into_any()
        }
        None => view! { <span class="check__text">{line.answer.clone()}</span> }.into_any(),
    };
    let source = line
        .source
        .filter(|s| *s != Source::Worker)
        .map(|s| view! { <span class="check__source">{tf("check.source", &[("source", s.label(catalogue()))])}</span> });
    view! {
        <div class="summary-list__row" class:check__row--gap=line.gap.is_some()>
            <dt class="summary-list__key">{line.label.clone()}</dt>
            <dd class="summary-list__value">{value}{source}</dd>
            <dd class="summary-list__actions">
                <ChangeLink route=route focus=item_dom_id(&line.item_id) label=line.label />
            </dd>
        </div>
    }
}

/// "Change", a real link to the question's page, naming what it changes for screen readers.
/// It remembers to come back here and which control to focus on arrival.
#[component]
fn ChangeLink(route: Route, focus: String, label: String) -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <a class="check__change" href=route.to_hash() on:click=move |_| {
            ctx.return_to.set(Some(Route::Check));
            focus_after_navigation(&ctx, focus.clone());
        }>
            {t("check.change")}<span class="visually-hidden">{format!(" {label}")}</span>
        </a>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dva_core::{Answer, Answers, Band};

    #[test]
    fn gaps_count_unanswered_and_prefer_not_to_say_but_not_hidden_items() {
        let def = dva_core::builtin().unwrap();
        let mut answers = Answers::new();
        let shown_before = gap_count(&section_answers(&def, &answers, catalogue()));
        answers
            .set(&def, "b.pushing", Answer::PreferNotToSay, Source::Worker)
            .unwrap();
        answers
            .set(
                &def,
                "b.shouting",
                Answer::Frequency {
                    band: Band::Never,
                    last_12_months: None,
                },
                Source::Worker,
            )
            .unwrap();
        // Prefer not to say is still a gap; an answer is not. ("Never" reveals no follow-up
        // question; a disclosure would reveal the recency questions of the impact section.)
        assert_eq!(
            gap_count(&section_answers(&def, &answers, catalogue())),
            shown_before - 1
        );
        // Children's follow-up questions are hidden until there are children.
        let children_items = def.items_in("children").count();
        let children_shown = section_answers(&def, &answers, catalogue())
            .into_iter()
            .find(|s| s.section_id == "children")
            .unwrap()
            .lines
            .len();
        assert!(children_shown < children_items);
    }

    #[test]
    fn the_gap_sentence_counts() {
        assert!(gap_sentence(4).starts_with("4 "));
        assert_ne!(gap_sentence(1), gap_sentence(0));
    }
}
