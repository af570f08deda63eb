//! The questionnaire as data: one versioned JSON file, embedded at build time and validated
//! when loaded. `types` is the validated form, `load` reads and checks a file, `error` says
//! what can be wrong in one. Evaluating its conditions against answers is `crate::status`'s.

mod error;
mod load;
mod types;

pub use error::DefinitionError;
pub use load::{builtin, parse, BUILTIN_JSON};
pub use types::{
    ChoiceOption, Condition, Definition, Domain, Item, RecordAs, RedFlagRule, Response, Section,
    Stop, SECTION_IDS,
};
