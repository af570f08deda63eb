//! Small building blocks shared by the screens, following the GOV.UK Design System's patterns.
pub mod chart;
pub mod drafts;
pub mod error_summary;
pub mod glossary;
pub mod question;
pub mod radios;
pub mod safety;

pub use error_summary::{ErrorMessage, ErrorSummary, FieldError};
pub use glossary::Glossary;
pub use radios::{RadioOption, Radios};
