//! The validated questionnaire: its sections, items, responses, conditions and red-flag rules.
//! Only [`super::parse`] and [`super::builtin`] make a [`Definition`].

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

pub use super::domain::Domain;
use crate::values::Band;

/// The fixed section ids, in order. The shell routes on them.
pub const SECTION_IDS: [&str; 8] = [
    "setting",
    "relationship",
    "behaviours",
    "impact",
    "children",
    "substance_use",
    "own_safety",
    "readiness",
];

/// One option of a single-choice item, with separate worker and client wording.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    pub id: String,
    pub worker_label: String,
    pub client_label: String,
    /// "Does not know" and the like: an answer that is a gap to follow up, never one that
    /// clears (scoring lists it with "not sure").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unknown: bool,
}

/// How an item is answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Response {
    /// The inventory bands (never to more than 20 times) plus "last 12 months".
    Frequency,
    /// Yes / no / not sure.
    YesNo,
    SingleChoice {
        options: Vec<ChoiceOption>,
    },
    Scale {
        min: u8,
        max: u8,
        min_label: String,
        max_label: String,
    },
    FreeText {
        max_chars: usize,
    },
}

impl Response {
    /// A short description of what this response type accepts, for error messages.
    pub fn expects(&self) -> &'static str {
        match self {
            Response::Frequency => "a frequency",
            Response::YesNo => "yes, no or not sure",
            Response::SingleChoice { .. } => "one of its choices",
            Response::Scale { .. } => "a number on its scale",
            Response::FreeText { .. } => "text",
        }
    }

    /// The option with this id, for single-choice items.
    pub fn option(&self, id: &str) -> Option<&ChoiceOption> {
        match self {
            Response::SingleChoice { options } => options.iter().find(|o| o.id == id),
            _ => None,
        }
    }
}

/// The small rule language used by show-when conditions, stop conditions and red flags.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    /// A frequency item answered once or more.
    Disclosed(String),
    /// A frequency item answered at or above a band.
    AtLeast {
        item: String,
        band: Band,
    },
    /// A yes/no item with this value id ("yes", "no", "not_sure") or a single-choice item
    /// with this option id.
    Is {
        item: String,
        value: String,
    },
    /// Any frequency item of this domain answered once or more.
    AnyDisclosedIn(Domain),
    /// Any frequency item of this domain answered at or above a band; with `recent`, only
    /// when "last 12 months" is not answered "no" (yes, not sure or unanswered all count, so
    /// a gap never hides recent violence).
    AtLeastIn {
        domain: Domain,
        band: Band,
        recent: bool,
    },
    Any(Vec<Condition>),
    All(Vec<Condition>),
}

impl Condition {
    /// Every item id the condition names directly (not through a domain).
    pub fn named_items(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect_named(&mut out);
        out
    }

    fn collect_named<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Condition::Disclosed(i) => out.push(i),
            Condition::AtLeast { item, .. } | Condition::Is { item, .. } => out.push(item),
            Condition::AnyDisclosedIn(_) | Condition::AtLeastIn { .. } => {}
            Condition::Any(l) | Condition::All(l) => l.iter().for_each(|c| c.collect_named(out)),
        }
    }

    /// The value an `is` condition anywhere in this condition requires of `item`, if any.
    pub fn value_for(&self, item: &str) -> Option<&str> {
        match self {
            Condition::Is { item: i, value } if i == item => Some(value),
            Condition::Any(l) | Condition::All(l) => l.iter().find_map(|c| c.value_for(item)),
            _ => None,
        }
    }
}

/// One section (a page of the worker flow).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    pub id: String,
    /// The heading the keyworker sees.
    pub title: String,
    /// The heading the client sees when he answers on his own.
    pub client_title: String,
    /// How to ask the questions of this section.
    pub guidance: Option<String>,
    /// A service may switch its questions off (config `optional_sections`). Validation makes
    /// sure no risk rule reads them, so switching them off can never lower a level.
    pub optional: bool,
}

/// One question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    pub id: String,
    pub section: String,
    /// A short label for check-your-answers and the summary ("Pushing or shoving").
    pub label: String,
    /// What the keyworker asks.
    pub worker_wording: String,
    /// Plain-language wording for self-completion (reading grade 6 or below). Empty only for
    /// worker-only items.
    pub client_wording: String,
    /// How to ask: first, worst and most recent probes.
    pub guidance: Option<String>,
    pub response: Response,
    pub show_when: Option<Condition>,
    /// When this condition holds the screening must stop (no privacy, no consent, a family
    /// member interpreting).
    pub stop_when: Option<Condition>,
    pub stop_message: Option<String>,
    pub domain: Domain,
    /// A worker observation never shown to the client.
    pub worker_only: bool,
    /// Printed under a heading of its own in the summary, not with its section.
    pub record: Option<RecordAs>,
}

/// Free text the summary prints apart from the answers of its section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordAs {
    /// What the worker saw or heard, in the worker's words.
    Observation,
    /// Information from anyone other than him: marked "do not disclose to him" wherever it
    /// is printed.
    ThirdParty,
}

/// A high-risk indicator, held as data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RedFlagRule {
    pub id: String,
    pub title: String,
    /// Why this matters, in words a keyworker understands.
    pub explanation: String,
    pub when: Condition,
}

/// A reason the screening must stop now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stop {
    pub item_id: String,
    pub message: String,
}

/// The roles of a definition. A definition with no `roles` block (a minimal one, such as a
/// test's) has none: every section is a question page and any may be handed to the client.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Roles {
    /// The section asked on the start page (privacy, consent, who completes it).
    pub start_section: Option<String>,
    /// The single-choice item that says who completed the questions.
    pub completed_by: Option<String>,
    /// Sections the client never answers on his own.
    pub never_client: Vec<String>,
}

/// The validated questionnaire. Only [`super::parse`] and [`super::builtin`] can make one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Definition {
    pub(super) id: String,
    pub(super) version: String,
    pub(super) date: String,
    pub(super) title: String,
    pub(super) sections: Vec<Section>,
    pub(super) items: Vec<Item>,
    pub(super) red_flags: Vec<RedFlagRule>,
    pub(super) roles: Roles,
    #[serde(skip)]
    pub(super) index: BTreeMap<String, usize>,
    /// Optional sections this service does not ask (see [`Definition::switch_off`]).
    #[serde(skip)]
    pub(super) switched_off: BTreeSet<String>,
}

impl Definition {
    pub fn id(&self) -> &str {
        &self.id
    }
    pub fn version(&self) -> &str {
        &self.version
    }
    /// The date of this version (ISO 8601).
    pub fn date(&self) -> &str {
        &self.date
    }
    pub fn title(&self) -> &str {
        &self.title
    }
    /// Sections in order.
    pub fn sections(&self) -> &[Section] {
        &self.sections
    }
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }
    /// Items in questionnaire order.
    pub fn items(&self) -> &[Item] {
        &self.items
    }
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.index.get(id).and_then(|&i| self.items.get(i))
    }
    /// The items of one section, in order.
    pub fn items_in<'a>(&'a self, section_id: &'a str) -> impl Iterator<Item = &'a Item> + 'a {
        self.items.iter().filter(move |i| i.section == section_id)
    }
    pub fn red_flag_rules(&self) -> &[RedFlagRule] {
        &self.red_flags
    }
    /// The behaviour inventory items (frequency items of an abuse domain).
    pub fn behaviours(&self) -> impl Iterator<Item = &Item> {
        self.items
            .iter()
            .filter(|i| i.response == Response::Frequency && i.domain.is_abuse())
    }
    /// The optional sections whose questions a service may switch off.
    pub fn optional_sections(&self) -> impl Iterator<Item = &Section> {
        self.sections.iter().filter(|s| s.optional)
    }

    /// Stops asking the questions of these optional sections. The worker's own records in
    /// them (observation, third-party information) are still asked: they are notes, not
    /// questions. Refuses, changing nothing, if any id is not an optional section.
    pub fn switch_off(&mut self, section_ids: &[String]) -> Result<(), Vec<String>> {
        let refused: Vec<String> = section_ids
            .iter()
            .filter(|id| !self.section(id).is_some_and(|s| s.optional))
            .cloned()
            .collect();
        if !refused.is_empty() {
            return Err(refused);
        }
        self.switched_off.extend(section_ids.iter().cloned());
        Ok(())
    }

    /// The sections whose questions this service does not ask, in questionnaire order.
    pub fn switched_off(&self) -> impl Iterator<Item = &Section> {
        self.sections
            .iter()
            .filter(|s| self.switched_off.contains(&s.id))
    }

    /// Whether an item's question is switched off by the service's setting.
    pub fn is_switched_off(&self, item: &Item) -> bool {
        item.record.is_none() && self.switched_off.contains(&item.section)
    }
}
