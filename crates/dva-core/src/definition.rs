//! The questionnaire as data: one versioned JSON file, embedded at build time and validated
//! when loaded.
//!
//! The raw serde types (`Raw*`) mirror the file; [`Definition`] is the validated form and can
//! only be made by [`parse`] or [`builtin`] ("parse, don't validate"). Validation reports every
//! problem at once, so a content editor fixes a broken file in one pass.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::answers::{Answer, Answers, Band, ItemStatus, YesNo};

/// The built-in questionnaire file.
pub const BUILTIN_JSON: &str = include_str!("../questionnaire.json");

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

/// Loads and validates the built-in questionnaire.
pub fn builtin() -> Result<Definition, Vec<DefinitionError>> {
    parse(BUILTIN_JSON)
}

/// What an item is about. Scoring counts behaviours per abuse domain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Domain {
    Setting,
    Relationship,
    EmotionalVerbal,
    JealousyControl,
    IntimidationThreats,
    Physical,
    Sexual,
    Impact,
    Children,
    SubstanceUse,
    OwnSafety,
    Readiness,
    /// The most recent incident's date and his words for the first, worst and latest time.
    Incident,
}

impl Domain {
    /// Every domain.
    pub const ALL: [Domain; 13] = [
        Domain::Setting,
        Domain::Relationship,
        Domain::EmotionalVerbal,
        Domain::JealousyControl,
        Domain::IntimidationThreats,
        Domain::Physical,
        Domain::Sexual,
        Domain::Impact,
        Domain::Children,
        Domain::SubstanceUse,
        Domain::OwnSafety,
        Domain::Readiness,
        Domain::Incident,
    ];

    /// The abuse domains of the behaviour inventory, in display order.
    pub const ABUSE: [Domain; 5] = [
        Domain::EmotionalVerbal,
        Domain::JealousyControl,
        Domain::IntimidationThreats,
        Domain::Physical,
        Domain::Sexual,
    ];

    /// The id used in the definition file.
    pub fn id(self) -> &'static str {
        match self {
            Domain::Setting => "setting",
            Domain::Relationship => "relationship",
            Domain::EmotionalVerbal => "emotional_verbal",
            Domain::JealousyControl => "jealousy_control",
            Domain::IntimidationThreats => "intimidation_threats",
            Domain::Physical => "physical",
            Domain::Sexual => "sexual",
            Domain::Impact => "impact",
            Domain::Children => "children",
            Domain::SubstanceUse => "substance_use",
            Domain::OwnSafety => "own_safety",
            Domain::Readiness => "readiness",
            Domain::Incident => "incident",
        }
    }

    /// Parses a domain id.
    pub fn from_id(id: &str) -> Option<Domain> {
        Domain::ALL.into_iter().find(|d| d.id() == id)
    }

    /// The label the keyworker sees.
    pub fn label(self, cat: &crate::text::Catalogue) -> &str {
        cat.get(match self {
            Domain::Setting => "core.domain.setting",
            Domain::Relationship => "core.domain.relationship",
            Domain::EmotionalVerbal => "core.domain.emotional_verbal",
            Domain::JealousyControl => "core.domain.jealousy_control",
            Domain::IntimidationThreats => "core.domain.intimidation_threats",
            Domain::Physical => "core.domain.physical",
            Domain::Sexual => "core.domain.sexual",
            Domain::Impact => "core.domain.impact",
            Domain::Children => "core.domain.children",
            Domain::SubstanceUse => "core.domain.substance_use",
            Domain::OwnSafety => "core.domain.own_safety",
            Domain::Readiness => "core.domain.readiness",
            Domain::Incident => "core.domain.incident",
        })
    }

    /// Whether this is one of the abuse domains of the behaviour inventory.
    pub fn is_abuse(self) -> bool {
        Domain::ABUSE.contains(&self)
    }
}

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
    /// Evaluates the condition. `Some(ids)` when true, holding the item ids that made it
    /// true (so that every finding can point at the answers behind it); `None` when false.
    /// Hidden items and gaps never count as true.
    pub fn eval(&self, def: &Definition, answers: &Answers) -> Option<Vec<String>> {
        match self {
            Condition::Disclosed(item) => match answers.status(def, item) {
                ItemStatus::Answered(Answer::Frequency { band, .. }) if band.is_disclosed() => {
                    Some(vec![item.clone()])
                }
                _ => None,
            },
            Condition::AtLeast { item, band: min } => match answers.status(def, item) {
                ItemStatus::Answered(Answer::Frequency { band, .. })
                    if band >= min && band.is_disclosed() =>
                {
                    Some(vec![item.clone()])
                }
                _ => None,
            },
            Condition::Is { item, value } => match answers.status(def, item) {
                ItemStatus::Answered(Answer::YesNo(v)) if v.id() == value => {
                    Some(vec![item.clone()])
                }
                ItemStatus::Answered(Answer::Choice(c)) if c == value => Some(vec![item.clone()]),
                _ => None,
            },
            // "Any disclosed" is "at least once", at any time: one evaluation serves both.
            Condition::AnyDisclosedIn(domain) => {
                disclosed_in(def, answers, *domain, Band::Once, false)
            }
            Condition::AtLeastIn {
                domain,
                band,
                recent,
            } => disclosed_in(def, answers, *domain, *band, *recent),
            Condition::Any(list) => {
                let mut ids = Vec::new();
                let mut any = false;
                for c in list {
                    if let Some(found) = c.eval(def, answers) {
                        any = true;
                        push_unique(&mut ids, found);
                    }
                }
                any.then_some(ids)
            }
            Condition::All(list) => {
                let mut ids = Vec::new();
                for c in list {
                    push_unique(&mut ids, c.eval(def, answers)?);
                }
                Some(ids)
            }
        }
    }

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

    /// Every domain the condition reads through `any_disclosed_in`.
    pub fn domains(&self) -> Vec<Domain> {
        match self {
            Condition::AnyDisclosedIn(d) | Condition::AtLeastIn { domain: d, .. } => vec![*d],
            Condition::Any(l) | Condition::All(l) => l.iter().flat_map(|c| c.domains()).collect(),
            _ => Vec::new(),
        }
    }
}

/// The frequency items of `domain` answered at or above `min` (and disclosed), in the
/// definition's order; with `recent`, only those whose "last 12 months" is not answered "no" (so
/// a gap never hides recent violence). `None` when there is none.
fn disclosed_in(
    def: &Definition,
    answers: &Answers,
    domain: Domain,
    min: Band,
    recent: bool,
) -> Option<Vec<String>> {
    let ids: Vec<String> = def
        .items
        .iter()
        .filter(|i| i.domain == domain && i.response == Response::Frequency)
        .filter(|i| {
            matches!(answers.status(def, &i.id),
            ItemStatus::Answered(Answer::Frequency { band, last_12_months })
                if band >= &min && band.is_disclosed()
                    && !(recent && *last_12_months == Some(YesNo::No)))
        })
        .map(|i| i.id.clone())
        .collect();
    (!ids.is_empty()).then_some(ids)
}

pub(crate) fn push_unique(into: &mut Vec<String>, from: Vec<String>) {
    for id in from {
        if !into.contains(&id) {
            into.push(id);
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

/// The validated questionnaire. Only [`parse`] and [`builtin`] can make one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Definition {
    id: String,
    version: String,
    date: String,
    title: String,
    sections: Vec<Section>,
    items: Vec<Item>,
    red_flags: Vec<RedFlagRule>,
    #[serde(skip)]
    index: BTreeMap<String, usize>,
    /// Optional sections this service does not ask (see [`Definition::switch_off`]).
    #[serde(skip)]
    switched_off: BTreeSet<String>,
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

    /// Whether an item is asked, given the answers so far. Conditions only read earlier
    /// items (validated), so this always terminates. A question switched off by the service
    /// is not asked, unless it was answered before (a draft begun under the old setting):
    /// an answer given is never dropped from the record.
    pub fn is_shown(&self, item: &Item, answers: &Answers) -> bool {
        if self.is_switched_off(item) && answers.get(&item.id).is_none() {
            return false;
        }
        match &item.show_when {
            None => true,
            Some(c) => c.eval(self, answers).is_some(),
        }
    }
    /// Every reason to stop the screening now (privacy, consent, interpreter).
    pub fn stops(&self, answers: &Answers) -> Vec<Stop> {
        self.items
            .iter()
            .filter(|i| self.is_shown(i, answers))
            .filter_map(|i| {
                let c = i.stop_when.as_ref()?;
                c.eval(self, answers)?;
                Some(Stop {
                    item_id: i.id.clone(),
                    message: i.stop_message.clone().unwrap_or_default(),
                })
            })
            .collect()
    }
}

/// A problem in a definition file. Validation returns all of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DefinitionError {
    /// Not valid JSON, or not the shape of a definition.
    Json(String),
    /// A required top-level field (id, version, date, title) is empty.
    EmptyHeader(&'static str),
    DuplicateSection(String),
    DuplicateItem(String),
    DuplicateRule(String),
    DuplicateOption {
        item: String,
        option: String,
    },
    EmptyId {
        what: String,
    },
    UnknownSection {
        item: String,
        section: String,
    },
    EmptySection(String),
    /// Empty wording or label; `field` names which.
    EmptyWording {
        item: String,
        field: &'static str,
    },
    /// Only the worker's own free text can be printed apart as an observation or as
    /// third-party information.
    RecordNotWorkerText {
        item: String,
    },
    EmptyOptions {
        item: String,
    },
    BadScale {
        item: String,
        min: u8,
        max: u8,
    },
    BadMaxChars {
        item: String,
    },
    UnknownDomain {
        context: String,
        domain: String,
    },
    UnknownBand {
        context: String,
        band: String,
    },
    ConditionUnknownItem {
        context: String,
        item: String,
    },
    /// A show-when names an item that comes later (or itself).
    ConditionForwardReference {
        context: String,
        item: String,
    },
    /// A value that the named item can never take.
    ConditionBadValue {
        context: String,
        item: String,
        value: String,
    },
    /// `disclosed` / `at_least` on an item that is not a frequency item, or `is` on one that
    /// has no named values.
    ConditionWrongType {
        context: String,
        item: String,
        expected: &'static str,
    },
    EmptyCondition {
        context: String,
    },
    EmptyRuleText {
        rule: String,
        field: &'static str,
    },
    StopWithoutMessage {
        item: String,
    },
    /// A question in an optional section is read by a risk rule (a red flag, a stop, a risk
    /// marker, a question outside the section), so switching the section off could lower a
    /// level. `by` names the reader.
    OptionalSectionRead {
        section: String,
        item: String,
        by: String,
    },
}

impl fmt::Display for DefinitionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use DefinitionError as E;
        match self {
            E::Json(m) => write!(f, "the file is not a valid definition: {m}"),
            E::EmptyHeader(field) => write!(f, "the definition's {field} is empty"),
            E::DuplicateSection(id) => write!(f, "section id '{id}' is used more than once"),
            E::DuplicateItem(id) => write!(f, "item id '{id}' is used more than once"),
            E::DuplicateRule(id) => write!(f, "red-flag rule id '{id}' is used more than once"),
            E::DuplicateOption { item, option } => {
                write!(f, "item '{item}' has option id '{option}' more than once")
            }
            E::EmptyId { what } => write!(f, "{what} has an empty id"),
            E::UnknownSection { item, section } => {
                write!(f, "item '{item}' names section '{section}', which does not exist")
            }
            E::EmptySection(id) => write!(f, "section '{id}' has no items"),
            E::EmptyWording { item, field } => write!(f, "item '{item}' has an empty {field}"),
            E::EmptyOptions { item } => write!(f, "item '{item}' has no options"),
            E::RecordNotWorkerText { item } => write!(
                f,
                "item '{item}' is recorded apart, so it must be worker-only free text"
            ),
            E::BadScale { item, min, max } => write!(
                f,
                "item '{item}' has a scale from {min} to {max}; the minimum must be below the maximum"
            ),
            E::BadMaxChars { item } => write!(f, "item '{item}' allows 0 characters of text"),
            E::UnknownDomain { context, domain } => {
                write!(f, "{context} names domain '{domain}', which does not exist")
            }
            E::UnknownBand { context, band } => {
                write!(f, "{context} names frequency band '{band}', which does not exist")
            }
            E::ConditionUnknownItem { context, item } => {
                write!(f, "{context} names item '{item}', which does not exist")
            }
            E::ConditionForwardReference { context, item } => write!(
                f,
                "{context} reads item '{item}', which is not asked before it"
            ),
            E::ConditionBadValue {
                context,
                item,
                value,
            } => write!(
                f,
                "{context} tests item '{item}' for '{value}', which it can never be"
            ),
            E::ConditionWrongType {
                context,
                item,
                expected,
            } => write!(f, "{context} uses item '{item}' as {expected}, which it is not"),
            E::EmptyCondition { context } => write!(f, "{context} has an empty any/all list"),
            E::EmptyRuleText { rule, field } => {
                write!(f, "red-flag rule '{rule}' has an empty {field}")
            }
            E::StopWithoutMessage { item } => {
                write!(f, "item '{item}' has a stop condition but no stop message")
            }
            E::OptionalSectionRead { section, item, by } => write!(
                f,
                "section '{section}' is optional, but {by} reads its item '{item}'"
            ),
        }
    }
}

impl std::error::Error for DefinitionError {}

// ----- raw file shape -----

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDefinition {
    id: String,
    version: String,
    date: String,
    title: String,
    sections: Vec<RawSection>,
    items: Vec<RawItem>,
    #[serde(default)]
    red_flags: Vec<RawRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSection {
    id: String,
    title: String,
    #[serde(default)]
    client_title: Option<String>,
    #[serde(default)]
    guidance: Option<String>,
    #[serde(default)]
    optional: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    id: String,
    section: String,
    label: String,
    worker_wording: String,
    #[serde(default)]
    client_wording: String,
    #[serde(default)]
    guidance: Option<String>,
    response: Response,
    #[serde(default)]
    show_when: Option<RawCondition>,
    #[serde(default)]
    stop_when: Option<RawCondition>,
    #[serde(default)]
    stop_message: Option<String>,
    domain: String,
    #[serde(default)]
    worker_only: bool,
    #[serde(default)]
    record: Option<RecordAs>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: String,
    title: String,
    explanation: String,
    when: RawCondition,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
enum RawCondition {
    Disclosed(String),
    AtLeast {
        item: String,
        band: String,
    },
    Is {
        item: String,
        value: String,
    },
    AnyDisclosedIn(String),
    AtLeastIn {
        domain: String,
        band: String,
        #[serde(default)]
        recent: bool,
    },
    Any(Vec<RawCondition>),
    All(Vec<RawCondition>),
}

/// Parses and validates a definition, reporting every problem found.
pub fn parse(json: &str) -> Result<Definition, Vec<DefinitionError>> {
    let raw: RawDefinition =
        serde_json::from_str(json).map_err(|e| vec![DefinitionError::Json(e.to_string())])?;
    let mut errors = Vec::new();
    use DefinitionError as E;

    for (field, value) in [
        ("id", &raw.id),
        ("version", &raw.version),
        ("date", &raw.date),
        ("title", &raw.title),
    ] {
        if value.trim().is_empty() {
            errors.push(E::EmptyHeader(field));
        }
    }

    let mut section_ids = BTreeSet::new();
    let mut sections = Vec::new();
    for s in raw.sections {
        if s.id.trim().is_empty() {
            errors.push(E::EmptyId {
                what: "a section".into(),
            });
        }
        if !section_ids.insert(s.id.clone()) {
            errors.push(E::DuplicateSection(s.id.clone()));
            continue;
        }
        sections.push(Section {
            client_title: s.client_title.unwrap_or_else(|| s.title.clone()),
            id: s.id,
            title: s.title,
            guidance: s.guidance.filter(|g| !g.trim().is_empty()),
            optional: s.optional,
        });
    }

    // First pass: ids, sections, wording, response shapes.
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    let mut kept: Vec<(RawItem, Domain)> = Vec::new();
    for it in raw.items {
        if it.id.trim().is_empty() {
            errors.push(E::EmptyId {
                what: format!("an item in section '{}'", it.section),
            });
        }
        if index.contains_key(&it.id) {
            errors.push(E::DuplicateItem(it.id.clone()));
            continue;
        }
        if !section_ids.contains(&it.section) {
            errors.push(E::UnknownSection {
                item: it.id.clone(),
                section: it.section.clone(),
            });
        }
        for (field, text) in [("label", &it.label), ("worker wording", &it.worker_wording)] {
            if text.trim().is_empty() {
                errors.push(E::EmptyWording {
                    item: it.id.clone(),
                    field,
                });
            }
        }
        if it.record.is_some()
            && !(it.worker_only && matches!(it.response, Response::FreeText { .. }))
        {
            errors.push(E::RecordNotWorkerText {
                item: it.id.clone(),
            });
        }
        if !it.worker_only && it.client_wording.trim().is_empty() {
            errors.push(E::EmptyWording {
                item: it.id.clone(),
                field: "client wording",
            });
        }
        match &it.response {
            Response::SingleChoice { options } => {
                if options.is_empty() {
                    errors.push(E::EmptyOptions {
                        item: it.id.clone(),
                    });
                }
                let mut seen = BTreeSet::new();
                for o in options {
                    if o.id.trim().is_empty() {
                        errors.push(E::EmptyId {
                            what: format!("an option of item '{}'", it.id),
                        });
                    }
                    if !seen.insert(o.id.as_str()) {
                        errors.push(E::DuplicateOption {
                            item: it.id.clone(),
                            option: o.id.clone(),
                        });
                    }
                    if o.worker_label.trim().is_empty() {
                        errors.push(E::EmptyWording {
                            item: it.id.clone(),
                            field: "option worker label",
                        });
                    }
                    if !it.worker_only && o.client_label.trim().is_empty() {
                        errors.push(E::EmptyWording {
                            item: it.id.clone(),
                            field: "option client label",
                        });
                    }
                }
            }
            Response::Scale {
                min,
                max,
                min_label,
                max_label,
            } => {
                if min >= max {
                    errors.push(E::BadScale {
                        item: it.id.clone(),
                        min: *min,
                        max: *max,
                    });
                }
                if min_label.trim().is_empty() || max_label.trim().is_empty() {
                    errors.push(E::EmptyWording {
                        item: it.id.clone(),
                        field: "scale label",
                    });
                }
            }
            Response::FreeText { max_chars } if *max_chars == 0 => errors.push(E::BadMaxChars {
                item: it.id.clone(),
            }),
            _ => {}
        }
        if it.stop_when.is_some() && it.stop_message.as_deref().unwrap_or("").trim().is_empty() {
            errors.push(E::StopWithoutMessage {
                item: it.id.clone(),
            });
        }
        let domain = match Domain::from_id(&it.domain) {
            Some(d) => d,
            None => {
                errors.push(E::UnknownDomain {
                    context: format!("item '{}'", it.id),
                    domain: it.domain.clone(),
                });
                Domain::Setting
            }
        };
        index.insert(it.id.clone(), kept.len());
        kept.push((it, domain));
    }

    for s in &sections {
        if !kept.iter().any(|(i, _)| i.section == s.id) {
            errors.push(E::EmptySection(s.id.clone()));
        }
    }

    // Second pass: conditions, which need every item's position and response.
    let lookup: BTreeMap<String, (usize, Response)> = kept
        .iter()
        .enumerate()
        .map(|(n, (i, _))| (i.id.clone(), (n, i.response.clone())))
        .collect();

    let mut items = Vec::new();
    for (pos, (it, domain)) in kept.into_iter().enumerate() {
        let show_when = it.show_when.as_ref().and_then(|c| {
            let ctx = format!("the show-when of item '{}'", it.id);
            convert(c, &ctx, &lookup, Some(pos), false, &mut errors)
        });
        let stop_when = it.stop_when.as_ref().and_then(|c| {
            let ctx = format!("the stop condition of item '{}'", it.id);
            convert(c, &ctx, &lookup, Some(pos), true, &mut errors)
        });
        items.push(Item {
            id: it.id,
            section: it.section,
            label: it.label,
            worker_wording: it.worker_wording,
            client_wording: it.client_wording,
            guidance: it.guidance.filter(|g| !g.trim().is_empty()),
            response: it.response,
            show_when,
            stop_when,
            stop_message: it.stop_message,
            domain,
            worker_only: it.worker_only,
            record: it.record,
        });
    }

    let mut rule_ids = BTreeSet::new();
    let mut red_flags = Vec::new();
    for r in raw.red_flags {
        if r.id.trim().is_empty() {
            errors.push(E::EmptyId {
                what: "a red-flag rule".into(),
            });
        }
        if !rule_ids.insert(r.id.clone()) {
            errors.push(E::DuplicateRule(r.id.clone()));
            continue;
        }
        for (field, text) in [("title", &r.title), ("explanation", &r.explanation)] {
            if text.trim().is_empty() {
                errors.push(E::EmptyRuleText {
                    rule: r.id.clone(),
                    field,
                });
            }
        }
        let ctx = format!("red-flag rule '{}'", r.id);
        if let Some(when) = convert(&r.when, &ctx, &lookup, None, false, &mut errors) {
            red_flags.push(RedFlagRule {
                id: r.id,
                title: r.title,
                explanation: r.explanation,
                when,
            });
        }
    }

    optional_sections_unread(&sections, &items, &red_flags, &mut errors);

    if errors.is_empty() {
        Ok(Definition {
            id: raw.id,
            version: raw.version,
            date: raw.date,
            title: raw.title,
            sections,
            items,
            red_flags,
            index,
            switched_off: BTreeSet::new(),
        })
    } else {
        Err(errors)
    }
}

/// An optional section's questions may be switched off by a service, so nothing that sets a
/// level may read them: not a red flag, a stop, a risk marker, the gap count, a domain a rule
/// reads whole, or a question elsewhere that they reveal. (The actions' own reads are checked
/// by a property test: switching a section off never changes a level, a flag or an action.)
fn optional_sections_unread(
    sections: &[Section],
    items: &[Item],
    red_flags: &[RedFlagRule],
    errors: &mut Vec<DefinitionError>,
) {
    for section in sections.iter().filter(|s| s.optional) {
        let mut read = |item: &str, by: String| {
            errors.push(DefinitionError::OptionalSectionRead {
                section: section.id.clone(),
                item: item.to_owned(),
                by,
            })
        };
        if crate::scoring::CORE_SECTIONS.contains(&section.id.as_str()) {
            read(
                "*",
                "the count of gaps that makes a screening incomplete".into(),
            );
        }
        for item in items
            .iter()
            .filter(|i| i.section == section.id && i.record.is_none())
        {
            if item.domain.is_abuse() {
                read(&item.id, "every rule that reads its abuse domain".into());
            }
            if crate::scoring::RISK_MARKERS
                .iter()
                .any(|(id, _)| *id == item.id)
            {
                read(&item.id, "the count of risk markers".into());
            }
            for r in red_flags {
                if r.when.named_items().contains(&item.id.as_str()) {
                    read(&item.id, format!("red-flag rule '{}'", r.id));
                }
            }
            for other in items {
                if other
                    .stop_when
                    .as_ref()
                    .is_some_and(|c| c.named_items().contains(&item.id.as_str()))
                {
                    read(
                        &item.id,
                        format!("the stop condition of item '{}'", other.id),
                    );
                }
                if other.section != section.id
                    && other
                        .show_when
                        .as_ref()
                        .is_some_and(|c| c.named_items().contains(&item.id.as_str()))
                {
                    read(&item.id, format!("the show-when of item '{}'", other.id));
                }
            }
        }
    }
}

/// Converts a raw condition, recording every problem. `before` is the position of the item
/// the condition belongs to (named items must come before it; `allow_self` lets a stop
/// condition read its own item).
fn convert(
    c: &RawCondition,
    ctx: &str,
    lookup: &BTreeMap<String, (usize, Response)>,
    before: Option<usize>,
    allow_self: bool,
    errors: &mut Vec<DefinitionError>,
) -> Option<Condition> {
    use DefinitionError as E;
    let find = |item: &str, errors: &mut Vec<DefinitionError>| -> Option<Response> {
        let Some((pos, response)) = lookup.get(item) else {
            errors.push(E::ConditionUnknownItem {
                context: ctx.to_owned(),
                item: item.to_owned(),
            });
            return None;
        };
        if let Some(b) = before {
            if *pos > b || (*pos == b && !allow_self) {
                errors.push(E::ConditionForwardReference {
                    context: ctx.to_owned(),
                    item: item.to_owned(),
                });
                return None;
            }
        }
        Some(response.clone())
    };
    let need_frequency = |item: &str, r: &Response, errors: &mut Vec<DefinitionError>| -> bool {
        if *r == Response::Frequency {
            true
        } else {
            errors.push(E::ConditionWrongType {
                context: ctx.to_owned(),
                item: item.to_owned(),
                expected: "a frequency item",
            });
            false
        }
    };
    // A band or domain id, with the problem recorded when it is unknown.
    let band_of = |band: &str, errors: &mut Vec<DefinitionError>| {
        let b = Band::from_id(band);
        if b.is_none() {
            errors.push(E::UnknownBand {
                context: ctx.to_owned(),
                band: band.to_owned(),
            });
        }
        b
    };
    let domain_of = |domain: &str, errors: &mut Vec<DefinitionError>| {
        let d = Domain::from_id(domain);
        if d.is_none() {
            errors.push(E::UnknownDomain {
                context: ctx.to_owned(),
                domain: domain.to_owned(),
            });
        }
        d
    };
    match c {
        RawCondition::Disclosed(item) => {
            let r = find(item, errors)?;
            need_frequency(item, &r, errors).then(|| Condition::Disclosed(item.clone()))
        }
        RawCondition::AtLeast { item, band } => {
            let r = find(item, errors);
            let ok_type = r.map(|r| need_frequency(item, &r, errors));
            match (ok_type, band_of(band, errors)) {
                (Some(true), Some(band)) => Some(Condition::AtLeast {
                    item: item.clone(),
                    band,
                }),
                _ => None,
            }
        }
        RawCondition::Is { item, value } => {
            let r = find(item, errors)?;
            let valid = match &r {
                Response::YesNo => YesNo::from_id(value).is_some(),
                Response::SingleChoice { options } => options.iter().any(|o| &o.id == value),
                _ => {
                    errors.push(E::ConditionWrongType {
                        context: ctx.to_owned(),
                        item: item.clone(),
                        expected: "a yes/no or single-choice item",
                    });
                    return None;
                }
            };
            if valid {
                Some(Condition::Is {
                    item: item.clone(),
                    value: value.clone(),
                })
            } else {
                errors.push(E::ConditionBadValue {
                    context: ctx.to_owned(),
                    item: item.clone(),
                    value: value.clone(),
                });
                None
            }
        }
        RawCondition::AnyDisclosedIn(domain) => {
            domain_of(domain, errors).map(Condition::AnyDisclosedIn)
        }
        RawCondition::AtLeastIn {
            domain,
            band,
            recent,
        } => {
            // Both are checked so that both problems are reported.
            let d = domain_of(domain, errors);
            let b = band_of(band, errors);
            Some(Condition::AtLeastIn {
                domain: d?,
                band: b?,
                recent: *recent,
            })
        }
        RawCondition::Any(list) | RawCondition::All(list) => {
            if list.is_empty() {
                errors.push(E::EmptyCondition {
                    context: ctx.to_owned(),
                });
                return None;
            }
            // Convert every branch so that every problem is reported.
            let converted: Vec<Option<Condition>> = list
                .iter()
                .map(|c| convert(c, ctx, lookup, before, allow_self, errors))
                .collect();
            let all: Option<Vec<Condition>> = converted.into_iter().collect();
            let all = all?;
            Some(if matches!(c, RawCondition::Any(_)) {
                Condition::Any(all)
            } else {
                Condition::All(all)
            })
        }
    }
}
