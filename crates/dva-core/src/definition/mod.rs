//! The questionnaire as data: one versioned JSON file, embedded at build time and validated
//! when loaded. `types` is the validated form; `load` reads a file (its serde shape is `raw`) in steps, with `validate`
//! checking each item and the optional sections, `convert` its conditions and `roles` the parts
//! the shell gives sections and items; `error` says what can be wrong in one. Evaluating its
//! conditions against answers is `crate::status`'s.

mod convert;
mod domain;
mod error;
mod load;
mod raw;
mod roles;
mod types;
mod validate;

pub use error::DefinitionError;
pub use load::{builtin, parse, BUILTIN_JSON};
pub use roles::CLIENT_SELF;
pub use types::{
    ChoiceOption, Condition, Definition, Domain, Item, RecordAs, RedFlagRule, Response, Roles,
    Section, Stop, SECTION_IDS,
};
