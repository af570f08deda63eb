//! DVA Screen's screening core: the questionnaire definition, the answers, scoring and risk
//! rules, recommended actions, programme suitability indicators and the referral summary.
//!
//! Every word it produces comes from a [`Catalogue`] the caller passes in (see [`text`]); the
//! core never knows which languages exist.
//!
//! **Invariant: this crate knows nothing of the DOM, Leptos, the browser or storage, and never
//! reads the clock.** Every risk decision is made here, in plain functions tested natively.
//! `tests/no_web_deps.rs` fails if a web or storage crate is ever added to its dependencies.

pub mod actions;
pub mod answers;
pub mod definition;
pub mod document;
pub mod readability;
pub mod rules;
pub mod scoring;
pub mod status;
pub mod suitability;
pub mod summary;
pub mod text;
pub mod values;

pub use actions::{
    recommend, recommend_judged, Action, ActionState, ActionStatus, Contact, ContactRole, Contacts,
    Region, Urgency,
};
pub use answers::{
    Answer, AnswerError, Answers, Band, Change, ItemStatus, LeadDecision, LeadDecisionError,
    Recorded, Source, YesNo,
};
pub use definition::{
    builtin, parse, ChoiceOption, Condition, Definition, DefinitionError, Domain, Item, RecordAs,
    RedFlagRule, Response, Section, Stop,
};
pub use document::{Block, Document, Part};
pub use scoring::{
    apply_judgement, assess, Assessment, FlagStatus, Gap, JudgedLevel, Judgement, JudgementError,
    Level,
};
pub use suitability::{indicators, Indicator, SuitabilityIndicator};
pub use summary::{
    answer_text, build, section_answers, CompletedBy, Consent, SharingDecision, Summary,
    SummaryHeader, SummaryInput,
};
pub use text::Catalogue;
