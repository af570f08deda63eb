//! The answers given in one screening, as a typed store.
//!
//! "Prefer not to say", "not asked" (hidden by a condition) and "not yet answered" are kept
//! distinct from "never", because a keyworker must follow up the gaps and must never read a
//! gap as a denial. Free text is kept exactly as typed: the summary quotes the client's own
//! words and nothing may alter them.
//!
//! `model` holds an answer and its history, `check` whether an answer fits its item, and
//! `store` the [`Answers`] of one screening.

mod check;
mod model;
mod store;

pub use crate::values::{prefer_not_to_say_label, Band, YesNo};
pub use check::{check, AnswerError};
pub use model::{Answer, Change, ItemStatus, LeadDecision, LeadDecisionError, Recorded, Source};
pub use store::Answers;
