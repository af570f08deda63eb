//! An action as the summary and the shell hold it: what to do, why, how soon, whom to contact,
//! and what the worker did about it.

use serde::{Deserialize, Serialize};

use super::contacts::Contact;
use crate::scoring::Finding;
use crate::text::Catalogue;

/// How soon an action must happen. Ordered from most urgent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    Now,
    Today,
    ThisWeek,
    AtNextReview,
}

impl Urgency {
    pub fn label(self, cat: &Catalogue) -> &str {
        cat.get(match self {
            Urgency::Now => "core.urgency.now",
            Urgency::Today => "core.urgency.today",
            Urgency::ThisWeek => "core.urgency.this_week",
            Urgency::AtNextReview => "core.urgency.at_next_review",
        })
    }
}

/// One recommended action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    /// Stable id (the shell keys status records on it).
    pub id: String,
    pub title: String,
    /// What to do, in plain words.
    pub what_to_do: String,
    /// The finding that caused it, with the answers behind it.
    pub because: Finding,
    pub urgency: Urgency,
    pub contacts: Vec<Contact>,
}

/// What the worker did about an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionState {
    Offered,
    Done,
    Declined,
}

impl ActionState {
    pub fn label(self, cat: &Catalogue) -> &str {
        cat.get(match self {
            ActionState::Offered => "core.action_state.offered",
            ActionState::Done => "core.action_state.done",
            ActionState::Declined => "core.action_state.declined",
        })
    }
}

/// The worker's record of one action, keyed by the action's id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionStatus {
    pub action_id: String,
    pub state: ActionState,
    /// The worker's note, verbatim.
    pub note: String,
}
