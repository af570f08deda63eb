//! The referral summary: a model built from the result, a plain-text rendering to paste into
//! case systems, and a stable JSON form for download.
//!
//! The core never reads the clock: the shell supplies the local date and time. Free text
//! (notes, reasons, names) is copied verbatim; escaping for HTML is the shell's job. Every
//! fixed word, heading and sentence comes from the [`Catalogue`] (`core.summary.*` keys); the
//! JSON form keeps stable ids (level, action, reason, caveat, indicator) next to the words.
//!
//! `model` is the summary's shape (its JSON form), `lines` puts answers, changes and decisions
//! into words, and `build` makes the summary from an assessment.

mod build;
mod lines;
mod model;

pub use build::{build, SummaryInput};
pub use lines::{
    answer_line, answer_text, as_his_account, change_line, field, follow_up_line, section_answers,
    sharing_line, HIS_ACCOUNT_SECTIONS,
};
pub use model::{
    ActionLine, AnswerLine, CompletedBy, Consent, FollowUpLine, LevelBlock, RedFlagLine,
    SectionAnswers, SharingDecision, Summary, SummaryHeader, SCHEMA,
};
