//! What needs following up: every gap (not yet answered, prefer not to say, not sure), with the
//! red flags it could hide and the questions it hides, and the reason the screen is incomplete.

use serde::{Deserialize, Serialize};

use crate::answers::{Answer, Answers, Band, ItemStatus, Source, YesNo};
use crate::definition::{Definition, Domain, Item, RedFlagRule, Response};
use crate::rules::CORE_SECTIONS;
use crate::text::{join_list, Catalogue};

/// Number of follow-up gaps in the core sections that makes the screen incomplete.
pub const INCOMPLETE_THRESHOLD: usize = 3;

/// How many gaps that could hide a red flag the incomplete reason describes in full.
pub const NAMED_GAPS: usize = 3;

/// Why an item needs following up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Gap {
    NotYetAnswered,
    PreferNotToSay,
    /// Answered "not sure", "does not know" or the like: a gap to follow up, never an answer
    /// that clears.
    NotSure,
}

impl Gap {
    pub fn label(self, cat: &Catalogue) -> &str {
        cat.get(match self {
            Gap::NotYetAnswered => "core.gap.not_yet_answered",
            Gap::PreferNotToSay => "core.gap.prefer_not_to_say",
            Gap::NotSure => "core.gap.not_sure",
        })
    }
}

/// An item to follow up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    pub item_id: String,
    pub section: String,
    pub gap: Gap,
    /// The red-flag rules (ids) this gap could hide: rules that name the item or a question
    /// it leads to, and rules that answering this gap alone the worst way would raise.
    #[serde(default)]
    pub could_hide: Vec<String>,
    /// Questions not asked because this one is a gap (a gateway such as "children in the
    /// family" hides the baby question).
    #[serde(default)]
    pub hides: Vec<String>,
}

/// Names a gap for the incomplete reason, by the labels the worker sees (never internal ids):
/// the question, why it is a gap, the questions it hides and the red flags it could hide.
pub fn describe_gap(def: &Definition, f: &FollowUp, cat: &Catalogue) -> String {
    let label = |id: &str| def.item(id).map_or(id, |i| i.label.as_str()).to_owned();
    let flags: Vec<&str> = f
        .could_hide
        .iter()
        .map(|id| {
            def.red_flag_rules()
                .iter()
                .find(|r| &r.id == id)
                .map_or(id.as_str(), |r| r.title.as_str())
        })
        .collect();
    let hidden: Vec<String> = f.hides.iter().map(|id| label(id)).collect();
    let hidden: Vec<&str> = hidden.iter().map(String::as_str).collect();
    let key = if hidden.is_empty() {
        "core.incomplete.gap"
    } else {
        "core.incomplete.gateway_gap"
    };
    cat.fill(
        key,
        &[
            ("label", &label(&f.item_id)),
            ("gap", f.gap.label(cat)),
            ("hides", &join_list(cat, &hidden)),
            ("flags", &join_list(cat, &flags)),
        ],
    )
}

/// The gap an item's current answer leaves, if any. "Not sure" and "does not know" are gaps
/// everywhere but the setting section, where they stop the screening instead.
fn gap_of(def: &Definition, answers: &Answers, item: &Item) -> Option<Gap> {
    // Free text (his words, the worker's observations) is optional: a blank box is no gap.
    if matches!(item.response, Response::FreeText { .. }) {
        return None;
    }
    match answers.status(def, &item.id) {
        ItemStatus::NotYetAnswered => Some(Gap::NotYetAnswered),
        ItemStatus::PreferNotToSay => Some(Gap::PreferNotToSay),
        ItemStatus::Answered(Answer::YesNo(YesNo::NotSure)) if item.domain != Domain::Setting => {
            Some(Gap::NotSure)
        }
        ItemStatus::Answered(Answer::Choice(c))
            if item.response.option(c).is_some_and(|o| o.unknown) =>
        {
            Some(Gap::NotSure)
        }
        _ => None,
    }
}

/// Every gap, with the red flags it could hide and the questions it hides.
///
/// A gap could hide a red flag when (1) a red-flag rule names the item, or names a question
/// that this item leads to (its show-when reads this item); or (2) answering this gap alone
/// the worst way, with the questions it reveals ([`worst_case`]), raises a red flag that is
/// not raised now. (1) catches a gap on a red-flag question whatever else was said; (2)
/// catches flags read through a whole domain (either sexual item) and combinations with what
/// was said (a behaviour left blank after he said the abuse is getting worse).
pub(super) fn follow_ups(def: &Definition, answers: &Answers) -> Vec<FollowUp> {
    let gaps: Vec<(&Item, Gap)> = def
        .items()
        .iter()
        .filter_map(|i| gap_of(def, answers, i).map(|g| (i, g)))
        .collect();
    if gaps.is_empty() {
        return Vec::new();
    }
    // What does not depend on the gap is worked out once: this runs on every answer, and with
    // most of the questionnaire still blank it was most of the time a click took.
    let not_asked: Vec<&Item> = def
        .items()
        .iter()
        .filter(|i| answers.status(def, &i.id) == ItemStatus::NotAsked)
        .collect();
    let reads: Vec<(&Item, Vec<&str>)> = def
        .items()
        .iter()
        .filter_map(|i| Some((i, i.show_when.as_ref()?.named_items())))
        .collect();
    let rules: Vec<(&RedFlagRule, Vec<&str>)> = def
        .red_flag_rules()
        .iter()
        .filter(|r| r.when.eval(def, answers).is_none())
        .map(|r| (r, r.when.named_items()))
        .collect();
    gaps.iter()
        .map(|(item, gap)| {
            let id = item.id.as_str();
            // Items hidden now whose show-when reads this gap.
            let hidden: Vec<String> = reads
                .iter()
                .filter(|(i, named)| {
                    named.contains(&id) && not_asked.iter().any(|n| std::ptr::eq(*n, *i))
                })
                .map(|(i, _)| i.id.clone())
                .collect();
            let mut path: Vec<&str> = vec![id];
            path.extend(hidden.iter().map(String::as_str));
            // Questions that this one leads to, even when they are shown now.
            for (i, named) in &reads {
                if named.contains(&id) && !path.contains(&i.id.as_str()) {
                    path.push(&i.id);
                }
            }
            // This gap alone answered the worst way, with the questions it reveals. Only built
            // when a rule is left that the names alone do not settle.
            let mut worst: Option<Answers> = None;
            let mut could_hide: Vec<String> = Vec::new();
            for (r, named) in &rules {
                let statically = path.iter().any(|p| named.contains(p));
                if statically
                    || r.when
                        .eval(
                            def,
                            worst.get_or_insert_with(|| worst_case(def, answers, &not_asked, item)),
                        )
                        .is_some()
                {
                    could_hide.push(r.id.clone());
                }
            }
            FollowUp {
                item_id: item.id.clone(),
                section: item.section.clone(),
                gap: *gap,
                could_hide,
                hides: hidden,
            }
        })
        .collect()
}

/// The answers with one gap answered the worst way (a behaviour more than 20 times, in the
/// last 12 months; "yes"; the option a red flag names), and then every question that this
/// reveals, until nothing more is revealed. Only used to find what a gap could hide on its
/// own; what several gaps could hide together is left to the count of gaps and to the rules
/// that name the items. `not_asked` is the items hidden by the answers as they are.
fn worst_case(def: &Definition, answers: &Answers, not_asked: &[&Item], gap: &Item) -> Answers {
    let mut worst = answers.answers_only();
    let Some(answer) = worst_answer(def, gap) else {
        return worst;
    };
    if worst.set(def, &gap.id, answer, Source::Worker).is_err() {
        return worst;
    }
    // Each pass answers at least one more revealed item or stops: it ends within the item count.
    for _ in 0..not_asked.len() {
        let mut changed = false;
        for item in not_asked {
            if gap_of(def, &worst, item).is_none() {
                continue;
            }
            if let Some(answer) = worst_answer(def, item) {
                changed |= worst.set(def, &item.id, answer, Source::Worker).is_ok();
            }
        }
        if !changed {
            break;
        }
    }
    worst
}

/// The worst answer to an item, for [`worst_case`]; `None` for scales and free text.
fn worst_answer(def: &Definition, item: &Item) -> Option<Answer> {
    match &item.response {
        Response::Frequency => Some(Answer::Frequency {
            band: Band::MoreThanTwenty,
            last_12_months: Some(YesNo::Yes),
        }),
        Response::YesNo => Some(Answer::YesNo(YesNo::Yes)),
        Response::SingleChoice { .. } => def
            .red_flag_rules()
            .iter()
            .find_map(|r| r.when.value_for(&item.id))
            .map(|v| Answer::Choice(v.to_owned())),
        Response::Scale { .. } | Response::FreeText { .. } => None,
    }
}

/// Why the screen is incomplete, or `None` when it is not: too many gaps in the core sections,
/// or any gap that could hide a red flag.
pub(super) fn incomplete_reason(
    def: &Definition,
    follow_up: &[FollowUp],
    cat: &Catalogue,
) -> Option<String> {
    let core_gaps = follow_up
        .iter()
        .filter(|f| CORE_SECTIONS.contains(&f.section.as_str()))
        .count();
    let mut why = Vec::new();
    if core_gaps >= INCOMPLETE_THRESHOLD {
        why.push(cat.fill(
            "core.incomplete.core_gaps",
            &[("n", &core_gaps.to_string())],
        ));
    }
    // The first few in full; the rest are counted (each is named with what it could hide in
    // the follow-up list), so a screen left mostly blank still reads in a breath.
    let hiding: Vec<&FollowUp> = follow_up
        .iter()
        .filter(|f| !f.could_hide.is_empty())
        .collect();
    if !hiding.is_empty() {
        let mut items: Vec<String> = hiding
            .iter()
            .take(NAMED_GAPS)
            .map(|f| describe_gap(def, f, cat))
            .collect();
        if hiding.len() > NAMED_GAPS {
            items.push(cat.fill(
                "core.incomplete.more_gaps",
                &[("n", &(hiding.len() - NAMED_GAPS).to_string())],
            ));
        }
        why.push(cat.fill(
            "core.incomplete.red_flag_gaps",
            &[("items", &items.join(cat.get("core.incomplete.join")))],
        ));
    }
    (!why.is_empty()).then(|| {
        cat.fill(
            "core.incomplete.reason",
            &[("why", &why.join(cat.get("core.incomplete.join")))],
        )
    })
}
