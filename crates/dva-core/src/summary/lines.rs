//! Answers, changes, sharing decisions and follow-ups in words, as the worker and the summary
//! see them.

use super::model::{AnswerLine, FollowUpLine, SectionAnswers, SharingDecision};
use crate::answers::{prefer_not_to_say_label, Answer, Answers, Change, ItemStatus, Source, YesNo};
use crate::definition::{Definition, Domain, Item, Response};
use crate::scoring::Gap;
use crate::text::{join_list, Catalogue};

/// The answer in words, as the worker and the summary see it.
pub fn answer_text(item: &Item, answer: &Answer, cat: &Catalogue) -> String {
    match answer {
        Answer::PreferNotToSay => prefer_not_to_say_label(cat).to_owned(),
        Answer::Frequency {
            band,
            last_12_months,
        } if band.is_disclosed() => {
            let recent = cat.get(match last_12_months {
                Some(YesNo::Yes) => "core.answer.recent.yes",
                Some(YesNo::No) => "core.answer.recent.no",
                Some(YesNo::NotSure) => "core.answer.recent.not_sure",
                None => "core.answer.recent.not_answered",
            });
            cat.fill(
                "core.answer.with_recent",
                &[("band", band.worker_label(cat)), ("recent", recent)],
            )
        }
        Answer::Frequency { band, .. } => band.worker_label(cat).to_owned(),
        Answer::YesNo(v) => v.worker_label(cat).to_owned(),
        Answer::Choice(id) => item
            .response
            .option(id)
            .map_or_else(|| id.clone(), |o| o.worker_label.clone()),
        Answer::Scale(v) => match &item.response {
            Response::Scale { max, .. } => cat.fill(
                "core.answer.scale",
                &[("value", &v.to_string()), ("max", &max.to_string())],
            ),
            _ => v.to_string(),
        },
        Answer::Text(t) => t.clone(),
    }
}

/// One item's line, or `None` when the item was not asked.
pub fn answer_line(
    def: &Definition,
    answers: &Answers,
    item: &Item,
    cat: &Catalogue,
) -> Option<AnswerLine> {
    let source = answers.get(&item.id).map(|r| r.source);
    let (answer, answered, gap) = match answers.status(def, &item.id) {
        ItemStatus::NotAsked => return None,
        // "Not sure" is shown as given and marked as a gap to follow up.
        ItemStatus::Answered(a) => {
            let gap = match a {
                Answer::YesNo(YesNo::NotSure) if item.domain != Domain::Setting => {
                    Some(Gap::NotSure)
                }
                Answer::Choice(c) if item.response.option(c).is_some_and(|o| o.unknown) => {
                    Some(Gap::NotSure)
                }
                _ => None,
            };
            (answer_text(item, a, cat), true, gap)
        }
        ItemStatus::PreferNotToSay => (
            prefer_not_to_say_label(cat).to_owned(),
            false,
            Some(Gap::PreferNotToSay),
        ),
        ItemStatus::NotYetAnswered => (
            cat.get("core.answer.not_yet_answered").to_owned(),
            false,
            Some(Gap::NotYetAnswered),
        ),
    };
    Some(AnswerLine {
        item_id: item.id.clone(),
        label: item.label.clone(),
        question: item.worker_wording.clone(),
        answer,
        answered,
        gap,
        source: if answered || gap == Some(Gap::PreferNotToSay) {
            source
        } else {
            None
        },
    })
}

/// Every section with its shown items' answers, in order (the check-your-answers model).
pub fn section_answers(
    def: &Definition,
    answers: &Answers,
    cat: &Catalogue,
) -> Vec<SectionAnswers> {
    def.sections()
        .iter()
        .map(|s| SectionAnswers {
            section_id: s.id.clone(),
            title: s.title.clone(),
            lines: def
                .items_in(&s.id)
                .filter_map(|i| answer_line(def, answers, i, cat))
                .collect(),
            note: answers.note(&s.id).map(str::to_owned),
        })
        .collect()
}

/// The sections whose answers are his account of his partner and the children: each answer
/// is printed as what he says, never as an established fact.
pub const HIS_ACCOUNT_SECTIONS: [&str; 3] = ["relationship", "impact", "children"];

/// One change in words: what he first answered, what it became, who changed it and when.
pub fn change_line(def: &Definition, c: &Change, cat: &Catalogue) -> String {
    let item = def.item(&c.item_id);
    let label = item.map_or(c.item_id.as_str(), |i| i.label.as_str());
    let words = |a: &Answer| item.map_or_else(String::new, |i| answer_text(i, a, cat));
    let before = c.before.as_ref();
    let who = |s: Source| {
        cat.get(match s {
            Source::Worker => "core.change.by_worker",
            _ => "core.change.by_client",
        })
    };
    let after = match &c.after {
        Some(a) => words(&a.answer),
        None => cat.get("core.change.cleared").to_owned(),
    };
    cat.fill(
        if c.at.is_empty() {
            "core.change.line"
        } else {
            "core.change.line_at"
        },
        &[
            ("label", label),
            (
                "before",
                &before.map(|b| words(&b.answer)).unwrap_or_default(),
            ),
            ("given_by", before.map_or("", |b| b.source.label(cat))),
            ("after", &after),
            ("by", who(c.by)),
            ("at", &c.at),
        ],
    )
}

/// An answer about his partner or the children, stated as his account: "He says: No", never
/// a bare "No" that reads as an established fact. Gaps are left as they are: they say nothing.
pub fn as_his_account(def: &Definition, mut line: AnswerLine, cat: &Catalogue) -> AnswerLine {
    let his = def
        .item(&line.item_id)
        .is_some_and(|i| !i.worker_only && HIS_ACCOUNT_SECTIONS.contains(&i.section.as_str()));
    if his && line.answered {
        // "he says no", not "he says No"; an initialism ("IDVA") keeps its capitals.
        let mut chars = line.answer.chars();
        let answer = match (chars.next(), chars.next()) {
            (Some(first), Some(second)) if second.is_lowercase() => first
                .to_lowercase()
                .chain(line.answer.chars().skip(1))
                .collect(),
            _ => line.answer.clone(),
        };
        line.answer = cat.fill("core.summary.he_says", &[("answer", &answer)]);
    }
    line
}

/// "Label: value" in the catalogue's punctuation.
pub fn field(cat: &Catalogue, label: &str, value: &str) -> String {
    cat.fill("core.summary.field", &[("label", label), ("value", value)])
}

/// One information-sharing decision in words: with whom, consent, shared or not, and why.
pub fn sharing_line(d: &SharingDecision, cat: &Catalogue) -> String {
    cat.fill(
        "core.summary.sharing_line",
        &[
            ("with_whom", &d.with_whom),
            ("consent", d.consent.label(cat)),
            (
                "shared",
                cat.get(if d.shared {
                    "core.summary.shared"
                } else {
                    "core.summary.not_shared"
                }),
            ),
            ("reason", &d.reason),
        ],
    )
}

/// One item to follow up in words: its label, section and why.
pub fn follow_up_line(f: &FollowUpLine, cat: &Catalogue) -> String {
    let titles: Vec<&str> = f.could_hide.iter().map(String::as_str).collect();
    let line = cat.fill(
        "core.summary.follow_up_line",
        &[
            ("label", &f.label),
            ("section", &f.section_title),
            ("gap", f.gap.label(cat)),
        ],
    );
    if titles.is_empty() {
        line
    } else {
        cat.fill(
            "core.summary.follow_up_could_hide",
            &[("line", &line), ("flags", &join_list(cat, &titles))],
        )
    }
}
