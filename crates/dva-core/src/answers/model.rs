//! One answer, where it came from, where an item stands, and the history of changes.

use serde::{Deserialize, Serialize};

use crate::text::Catalogue;
use crate::values::{Band, YesNo};

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
