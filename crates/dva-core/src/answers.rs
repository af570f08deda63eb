//! The answers given in one screening, as a typed store.
//!
//! "Prefer not to say", "not asked" (hidden by a condition) and "not yet answered" are kept
//! distinct from "never", because a keyworker must follow up the gaps and must never read a
//! gap as a denial. Free text is kept exactly as typed: the summary quotes the client's own
//! words and nothing may alter them.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::definition::{Definition, Item, Response};
use crate::text::Catalogue;
pub use crate::values::{prefer_not_to_say_label, Band, YesNo};

/// One answer to one item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Answer {
    /// A behaviour's frequency, and (when disclosed) whether it happened in the last 12 months.
    Frequency {
        band: Band,
        last_12_months: Option<YesNo>,
    },
    /// The client chose not to answer. Never read as "never" or "no".
    PreferNotToSay,
    YesNo(YesNo),
    /// The id of one option of a single-choice item.
    Choice(String),
    Scale(u8),
    /// Free text, verbatim: never trimmed or altered.
    Text(String),
}

/// Who gave an answer. The summary records which answers the client entered himself and
/// which were changed after the worker went through them with him.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// Asked by the worker and entered by the worker.
    #[default]
    Worker,
    /// Entered by the client on his own, with the worker present.
    ClientSelfCompleted,
    /// First entered by the client, then changed when the worker went through it with him.
    ChangedAfterDiscussion,
}

impl Source {
    /// The label printed in the summary.
    pub fn label(self, cat: &Catalogue) -> &str {
        cat.get(match self {
            Source::Worker => "core.source.worker",
            Source::ClientSelfCompleted => "core.source.client_self_completed",
            Source::ChangedAfterDiscussion => "core.source.changed_after_discussion",
        })
    }
}

/// An answer with where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recorded {
    pub answer: Answer,
    pub source: Source,
}

/// Where an item stands for the current answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemStatus<'a> {
    /// Answered with a value valid for the item (not "prefer not to say").
    Answered(&'a Answer),
    /// The client chose not to answer: list it for follow-up.
    PreferNotToSay,
    /// Its show-when condition is false, so it was never asked.
    NotAsked,
    /// Shown but not answered yet: list it for follow-up.
    NotYetAnswered,
}

/// Why an answer could not be stored. Returned as a value; nothing panics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerError {
    UnknownItem(String),
    UnknownSection(String),
    /// The answer's kind does not fit the item's response type.
    WrongType {
        item: String,
        expected: &'static str,
    },
    UnknownOption {
        item: String,
        option: String,
    },
    OutOfRange {
        item: String,
        value: u8,
        min: u8,
        max: u8,
    },
    TooLong {
        item: String,
        chars: usize,
        max: usize,
    },
    /// "Last 12 months" given for a behaviour answered "never".
    RecencyWithoutDisclosure {
        item: String,
    },
    /// A worker-only observation cannot come from the client.
    WorkerOnly {
        item: String,
    },
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerError::UnknownItem(i) => write!(f, "there is no question with id '{i}'"),
            AnswerError::UnknownSection(s) => write!(f, "there is no section with id '{s}'"),
            AnswerError::WrongType { item, expected } => {
                write!(f, "question '{item}' needs {expected}")
            }
            AnswerError::UnknownOption { item, option } => {
                write!(
                    f,
                    "'{option}' is not one of the choices for question '{item}'"
                )
            }
            AnswerError::OutOfRange {
                item,
                value,
                min,
                max,
            } => write!(f, "{value} is outside {min} to {max} for question '{item}'"),
            AnswerError::TooLong { item, chars, max } => write!(
                f,
                "the answer to '{item}' has {chars} characters; the limit is {max}"
            ),
            AnswerError::RecencyWithoutDisclosure { item } => write!(
                f,
                "question '{item}' was answered 'never', so 'last 12 months' cannot be given"
            ),
            AnswerError::WorkerOnly { item } => {
                write!(f, "question '{item}' is for the worker only")
            }
        }
    }
}

impl std::error::Error for AnswerError {}

/// Checks that an answer fits an item's response type.
pub fn check(item: &Item, answer: &Answer) -> Result<(), AnswerError> {
    let id = item.id.clone();
    match (&item.response, answer) {
        (_, Answer::PreferNotToSay) => Ok(()),
        (
            Response::Frequency,
            Answer::Frequency {
                band,
                last_12_months,
            },
        ) => {
            if !band.is_disclosed() && last_12_months.is_some() {
                Err(AnswerError::RecencyWithoutDisclosure { item: id })
            } else {
                Ok(())
            }
        }
        (Response::YesNo, Answer::YesNo(_)) => Ok(()),
        (Response::SingleChoice { options }, Answer::Choice(option)) => {
            if options.iter().any(|o| &o.id == option) {
                Ok(())
            } else {
                Err(AnswerError::UnknownOption {
                    item: id,
                    option: option.clone(),
                })
            }
        }
        (Response::Scale { min, max, .. }, Answer::Scale(value)) => {
            if value < min || value > max {
                Err(AnswerError::OutOfRange {
                    item: id,
                    value: *value,
                    min: *min,
                    max: *max,
                })
            } else {
                Ok(())
            }
        }
        (Response::FreeText { max_chars }, Answer::Text(text)) => {
            let chars = text.chars().count();
            if chars > *max_chars {
                Err(AnswerError::TooLong {
                    item: id,
                    chars,
                    max: *max_chars,
                })
            } else {
                Ok(())
            }
        }
        (response, _) => Err(AnswerError::WrongType {
            item: id,
            expected: response.expects(),
        }),
    }
}

/// One entry of the answers' history: nothing said is ever lost. When an answer is changed or
/// cleared, the earlier one stays in the record with who gave it, when and by whom.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub item_id: String,
    /// The answer as it was, with who gave it; `None` when this was the first answer (kept so
    /// that the answers at any earlier moment can be rebuilt exactly).
    pub before: Option<Recorded>,
    /// The answer it became; `None` when it was cleared.
    pub after: Option<Recorded>,
    /// Who made the change: the worker, or the client while he held the device.
    pub by: Source,
    /// When, as the shell wrote it (the core never reads the clock); empty when unknown.
    #[serde(default)]
    pub at: String,
}

/// The safeguarding lead's agreement that a red flag raised by an earlier answer may be set
/// aside after that answer was changed. Without one, the flag stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeadDecision {
    /// The lead's name, verbatim.
    pub lead: String,
    /// Why the lead agreed, verbatim.
    pub reason: String,
    #[serde(default)]
    pub at: String,
}

/// Why a lead decision was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeadDecisionError {
    LeadRequired,
    ReasonRequired,
}

/// The answers and notes of one screening. Serialisable so that the shell can keep a draft
/// and offer a JSON download; a deserialised store may hold answers that no longer fit the
/// definition, and every reader treats those as "not yet answered" (see [`Answers::status`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answers {
    #[serde(default)]
    answers: BTreeMap<String, Recorded>,
    /// Per-section notes in the client's own words, keyed by section id, verbatim.
    #[serde(default)]
    notes: BTreeMap<String, String>,
    /// Every change of a given answer, oldest first (older drafts have none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    changes: Vec<Change>,
    /// Red flags set aside by the safeguarding lead, by rule id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    set_aside: BTreeMap<String, LeadDecision>,
}

impl Answers {
    /// An empty store: every shown item is "not yet answered".
    pub fn new() -> Self {
        Self::default()
    }

    /// Stores an answer after checking it against the item's response type.
    ///
    /// When a client-entered answer is later set to a different value by the worker
    /// (`Source::Worker`), it is recorded as [`Source::ChangedAfterDiscussion`], so the summary
    /// shows what was changed after going through it with him.
    pub fn set(
        &mut self,
        def: &Definition,
        item_id: &str,
        answer: Answer,
        source: Source,
    ) -> Result<(), AnswerError> {
        self.set_at(def, item_id, answer, source, "")
    }

    /// [`Answers::set`], with the time of the answer as the shell writes it ("14:32"), kept
    /// with the earlier answer when this one replaces it.
    pub fn set_at(
        &mut self,
        def: &Definition,
        item_id: &str,
        answer: Answer,
        source: Source,
        at: &str,
    ) -> Result<(), AnswerError> {
        let item = def
            .item(item_id)
            .ok_or_else(|| AnswerError::UnknownItem(item_id.to_owned()))?;
        if item.worker_only && source != Source::Worker {
            return Err(AnswerError::WorkerOnly {
                item: item_id.to_owned(),
            });
        }
        check(item, &answer)?;
        let source = match (self.answers.get(item_id), source) {
            (Some(prev), Source::Worker)
                if prev.source != Source::Worker && prev.answer != answer =>
            {
                Source::ChangedAfterDiscussion
            }
            (Some(prev), Source::Worker) if prev.answer == answer => prev.source,
            _ => source,
        };
        let by = source;
        let now = Recorded { answer, source };
        let before = self.answers.insert(item_id.to_owned(), now.clone());
        // Typing is one change, not one per key: a run of edits to the same text by the same
        // person extends the last entry.
        if let (Some(last), Answer::Text(_)) = (self.changes.last_mut(), &now.answer) {
            if last.item_id == item_id
                && last.after.as_ref().is_some_and(|a| a.source == now.source)
            {
                last.after = Some(now);
                last.at = at.to_owned();
                return Ok(());
            }
        }
        if before.as_ref().map(|b| &b.answer) != Some(&now.answer) {
            self.changes.push(Change {
                item_id: item_id.to_owned(),
                before,
                after: Some(now),
                by: match by {
                    Source::ClientSelfCompleted => Source::ClientSelfCompleted,
                    _ => Source::Worker,
                },
                at: at.to_owned(),
            });
        }
        Ok(())
    }

    /// Removes an answer, so the item is "not yet answered" again.
    pub fn clear(&mut self, item_id: &str) {
        self.clear_by(item_id, Source::Worker, "");
    }

    /// Removes an answer, keeping the one removed in the record of changes.
    pub fn clear_by(&mut self, item_id: &str, by: Source, at: &str) {
        if let Some(before) = self.answers.remove(item_id) {
            self.changes.push(Change {
                item_id: item_id.to_owned(),
                before: Some(before),
                after: None,
                by,
                at: at.to_owned(),
            });
        }
    }

    /// Every change of an answer that had been given (not first answers), oldest first.
    pub fn changes(&self) -> impl Iterator<Item = &Change> {
        self.changes.iter().filter(|c| c.before.is_some())
    }

    /// The answers as they stood just before each change of a given answer, newest first.
    /// Scoring reads them so that a red flag raised at any point still stands. Only those
    /// moments matter: conditions test for answers given, never for their absence, so a first
    /// answer can raise a flag but never lower one.
    pub fn earlier_states(&self) -> Vec<Answers> {
        let mut state = self.answers_only();
        let mut out = Vec::new();
        for c in self.changes.iter().rev() {
            match &c.before {
                Some(b) => {
                    state.answers.insert(c.item_id.clone(), b.clone());
                    out.push(state.clone());
                }
                None => {
                    state.answers.remove(&c.item_id);
                }
            }
        }
        out
    }

    /// The current answers alone, without history or decisions: a cheap base for "what if".
    pub(crate) fn answers_only(&self) -> Answers {
        Answers {
            answers: self.answers.clone(),
            ..Answers::default()
        }
    }

    /// Records that the safeguarding lead agreed a raised red flag may be set aside. Both the
    /// name and the reason are needed.
    pub fn set_aside_flag(
        &mut self,
        rule_id: &str,
        decision: LeadDecision,
    ) -> Result<(), LeadDecisionError> {
        if decision.lead.trim().is_empty() {
            return Err(LeadDecisionError::LeadRequired);
        }
        if decision.reason.trim().is_empty() {
            return Err(LeadDecisionError::ReasonRequired);
        }
        self.set_aside.insert(rule_id.to_owned(), decision);
        Ok(())
    }

    /// The lead's decision on a red flag, if one was recorded.
    pub fn set_aside(&self, rule_id: &str) -> Option<&LeadDecision> {
        self.set_aside.get(rule_id)
    }

    /// The stored answer and its source, whether or not the item is currently shown.
    pub fn get(&self, item_id: &str) -> Option<&Recorded> {
        self.answers.get(item_id)
    }

    /// Every stored answer, by item id.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Recorded)> {
        self.answers.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// Sets the client's own words for a section, exactly as typed (an empty string removes it).
    pub fn set_note(
        &mut self,
        def: &Definition,
        section_id: &str,
        text: String,
    ) -> Result<(), AnswerError> {
        if def.section(section_id).is_none() {
            return Err(AnswerError::UnknownSection(section_id.to_owned()));
        }
        if text.is_empty() {
            self.notes.remove(section_id);
        } else {
            self.notes.insert(section_id.to_owned(), text);
        }
        Ok(())
    }

    /// The note for a section, verbatim.
    pub fn note(&self, section_id: &str) -> Option<&str> {
        self.notes.get(section_id).map(String::as_str)
    }

    /// Every note, by section id.
    pub fn notes(&self) -> impl Iterator<Item = (&str, &str)> {
        self.notes.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// The status ignoring the show-when condition.
    pub(crate) fn raw_status(&self, item: &Item) -> ItemStatus<'_> {
        match self.answers.get(&item.id) {
            None => ItemStatus::NotYetAnswered,
            Some(r) if r.answer == Answer::PreferNotToSay => ItemStatus::PreferNotToSay,
            Some(r) => {
                if check(item, &r.answer).is_ok() {
                    ItemStatus::Answered(&r.answer)
                } else {
                    ItemStatus::NotYetAnswered
                }
            }
        }
    }
}
