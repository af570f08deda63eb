//! The referral summary's shape: its JSON form is the .json download.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::actions::{Action, ActionStatus};
use crate::answers::{Answers, Source};
use crate::scoring::{Caveat, Cluster, FlagStatus, Gap, Level, Reason};
use crate::suitability::SuitabilityIndicator;
use crate::text::{date_time, Catalogue};

/// Version of the JSON form of [`Summary`]. Bumped on any breaking change to its shape.
pub const SCHEMA: u32 = 1;

/// Who completed the questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CompletedBy {
    #[default]
    WorkerAdministered,
    ClientSelfCompleted,
    /// Worker-administered, with some sections handed to the client (each answer says which).
    PartlySelfCompleted,
}

impl CompletedBy {
    pub fn label(self, cat: &Catalogue) -> &str {
        cat.get(match self {
            CompletedBy::WorkerAdministered => "core.completed_by.worker_administered",
            CompletedBy::ClientSelfCompleted => "core.completed_by.client_self_completed",
            CompletedBy::PartlySelfCompleted => "core.completed_by.partly_self_completed",
        })
    }
}

/// Who, where and when. Entered once by the worker at the start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummaryHeader {
    pub service: String,
    pub worker: String,
    /// Local date and time with its UTC offset, supplied by the shell.
    pub at: DateTime<FixedOffset>,
    /// A reference or initials, never a full name.
    pub client_reference: String,
    pub completed_by: CompletedBy,
}

/// Consent to share information.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Consent {
    Given,
    NotGiven,
    NotAsked,
}

impl Consent {
    pub fn label(self, cat: &Catalogue) -> &str {
        cat.get(match self {
            Consent::Given => "core.consent.given",
            Consent::NotGiven => "core.consent.not_given",
            Consent::NotAsked => "core.consent.not_asked",
        })
    }
}

/// One information-sharing decision, with its reason. Every decision is recorded, to share or
/// not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharingDecision {
    pub with_whom: String,
    pub consent: Consent,
    pub shared: bool,
    pub reason: String,
}

/// One item's answer as displayed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerLine {
    pub item_id: String,
    pub label: String,
    /// The question as the worker asked it.
    pub question: String,
    /// The answer in words ("2 to 10 times; in the last 12 months: yes").
    pub answer: String,
    /// Whether the item was shown and answered (not a gap, not hidden).
    pub answered: bool,
    /// Present when a gap: not yet answered or prefer not to say.
    pub gap: Option<Gap>,
    pub source: Option<Source>,
}

/// Every shown item of one section with its answer, and the section's note (check your
/// answers, and the summary).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionAnswers {
    pub section_id: String,
    pub title: String,
    pub lines: Vec<AnswerLine>,
    /// The client's own words, verbatim.
    pub note: Option<String>,
}

/// A red flag with the questions and answers behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RedFlagLine {
    pub rule_id: String,
    pub title: String,
    pub explanation: String,
    pub answers: Vec<AnswerLine>,
    #[serde(default)]
    pub status: FlagStatus,
}

/// The level block: computed and, if any, judged. The levels are stable ids; the labels are
/// the same levels in the catalogue's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelBlock {
    pub computed: Level,
    pub computed_label: String,
    pub judged: Option<Level>,
    pub judged_label: Option<String>,
    /// The worker's reason, verbatim; when the level was lowered, followed by the name of the
    /// safeguarding lead who agreed it.
    pub judgement_reason: Option<String>,
    /// The safeguarding lead who agreed a lowering, verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub judgement_lead: Option<String>,
    pub reasons: Vec<Reason>,
}

/// An action with what the worker did about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionLine {
    pub action: Action,
    pub status: Option<ActionStatus>,
}

/// An item to follow up, in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUpLine {
    pub item_id: String,
    pub label: String,
    pub section_title: String,
    pub gap: Gap,
    /// The titles of the red flags this gap could hide; empty when none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub could_hide: Vec<String>,
}

/// The referral summary. Its JSON form (schema [`SCHEMA`]) is the download.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub schema: u32,
    pub definition_id: String,
    pub definition_version: String,
    pub header: SummaryHeader,
    pub sections: Vec<SectionAnswers>,
    pub disclosures: Vec<AnswerLine>,
    /// The red flags that stand, then those the safeguarding lead set aside, each with its
    /// status.
    pub red_flags: Vec<RedFlagLine>,
    pub cluster: Option<Cluster>,
    pub level: LevelBlock,
    /// Every change of an answer that had been given, in words, oldest first.
    #[serde(default)]
    pub changes: Vec<String>,
    /// The most recent incident's date and his own words for the first, worst and most recent
    /// time, verbatim.
    #[serde(default)]
    pub incident: Vec<AnswerLine>,
    /// What the worker saw or heard, in the worker's words.
    #[serde(default)]
    pub observation: Option<String>,
    /// Information from anyone other than him: never to be disclosed to him.
    #[serde(default)]
    pub third_party: Option<String>,
    /// The ids of the optional sections this service does not ask.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub switched_off: Vec<String>,
    pub frequency_total: u32,
    pub suitability: Vec<SuitabilityIndicator>,
    pub actions: Vec<ActionLine>,
    pub sharing: Vec<SharingDecision>,
    pub follow_up: Vec<FollowUpLine>,
    pub incomplete: bool,
    pub incomplete_reason: Option<String>,
    pub caveats: Vec<Caveat>,
    /// The raw answers, with their sources, for machine use.
    pub answers: Answers,
}

impl Summary {
    /// The JSON download: compact, one formatter for every JSON the app writes (a pretty
    /// printer would be a second copy of every serialiser in the wasm).
    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string(self)
    }

    /// The questionnaire's id and version in words.
    pub fn questionnaire(&self, cat: &Catalogue) -> String {
        cat.fill(
            "core.summary.questionnaire_value",
            &[
                ("id", &self.definition_id),
                ("version", &self.definition_version),
            ],
        )
    }

    /// The header's fields as (label, value) pairs, in order: service, worker, date and time,
    /// client reference, questionnaire, completed by.
    pub fn header_fields(&self, cat: &Catalogue) -> Vec<(String, String)> {
        let h = &self.header;
        [
            ("core.summary.service", h.service.clone()),
            ("core.summary.worker", h.worker.clone()),
            ("core.summary.date_time", date_time(cat, &h.at)),
            ("core.summary.client_reference", h.client_reference.clone()),
            ("core.summary.questionnaire", self.questionnaire(cat)),
            (
                "core.summary.completed",
                h.completed_by.label(cat).to_owned(),
            ),
        ]
        .into_iter()
        .map(|(k, v)| (cat.get(k).to_owned(), v))
        .collect()
    }

    /// The plain-text summary for pasting into a case system. Free text is verbatim.
    pub fn to_plain_text(&self, cat: &Catalogue) -> String {
        self.document(cat).to_plain_text()
    }

    /// The level as one line: computed, and judged when there is a judgement.
    pub fn level_in_words(&self, cat: &Catalogue) -> String {
        match &self.level.judged_label {
            Some(j) if self.level.judged != Some(self.level.computed) => cat.fill(
                "core.summary.level_judged",
                &[("judged", j), ("computed", &self.level.computed_label)],
            ),
            _ => self.level.computed_label.clone(),
        }
    }
}
