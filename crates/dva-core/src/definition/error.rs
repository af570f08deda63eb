//! What can be wrong in a definition file.

use std::fmt;

/// A problem in a definition file. Validation returns all of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DefinitionError {
    /// Not valid JSON, or not the shape of a definition.
    Json(String),
    /// A required top-level field (id, version, date, title) is empty.
    EmptyHeader(&'static str),
    DuplicateSection(String),
    DuplicateItem(String),
    DuplicateRule(String),
    DuplicateOption {
        item: String,
        option: String,
    },
    EmptyId {
        what: String,
    },
    UnknownSection {
        item: String,
        section: String,
    },
    EmptySection(String),
    /// Empty wording or label; `field` names which.
    EmptyWording {
        item: String,
        field: &'static str,
    },
    /// Only the worker's own free text can be printed apart as an observation or as
    /// third-party information.
    RecordNotWorkerText {
        item: String,
    },
    EmptyOptions {
        item: String,
    },
    BadScale {
        item: String,
        min: u8,
        max: u8,
    },
    BadMaxChars {
        item: String,
    },
    UnknownDomain {
        context: String,
        domain: String,
    },
    UnknownBand {
        context: String,
        band: String,
    },
    ConditionUnknownItem {
        context: String,
        item: String,
    },
    /// A show-when names an item that comes later (or itself).
    ConditionForwardReference {
        context: String,
        item: String,
    },
    /// A value that the named item can never take.
    ConditionBadValue {
        context: String,
        item: String,
        value: String,
    },
    /// `disclosed` / `at_least` on an item that is not a frequency item, or `is` on one that
    /// has no named values.
    ConditionWrongType {
        context: String,
        item: String,
        expected: &'static str,
    },
    EmptyCondition {
        context: String,
    },
    EmptyRuleText {
        rule: String,
        field: &'static str,
    },
    StopWithoutMessage {
        item: String,
    },
    /// A question in an optional section is read by a risk rule (a red flag, a stop, a risk
    /// marker, a question outside the section), so switching the section off could lower a
    /// level. `by` names the reader.
    OptionalSectionRead {
        section: String,
        item: String,
        by: String,
    },
    /// The `roles` block leaves out a role the shell needs.
    MissingRole(&'static str),
    /// A role names a section or item that does not exist.
    RoleUnknown {
        role: &'static str,
        id: String,
    },
    /// A role names a section or item of the wrong kind; `expected` says what it must be.
    RoleWrongKind {
        role: &'static str,
        id: String,
        expected: &'static str,
    },
}

impl fmt::Display for DefinitionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use DefinitionError as E;
        match self {
            E::Json(m) => write!(f, "the file is not a valid definition: {m}"),
            E::EmptyHeader(field) => write!(f, "the definition's {field} is empty"),
            E::DuplicateSection(id) => write!(f, "section id '{id}' is used more than once"),
            E::DuplicateItem(id) => write!(f, "item id '{id}' is used more than once"),
            E::DuplicateRule(id) => write!(f, "red-flag rule id '{id}' is used more than once"),
            E::DuplicateOption { item, option } => {
                write!(f, "item '{item}' has option id '{option}' more than once")
            }
            E::EmptyId { what } => write!(f, "{what} has an empty id"),
            E::UnknownSection { item, section } => {
                write!(f, "item '{item}' names section '{section}', which does not exist")
            }
            E::EmptySection(id) => write!(f, "section '{id}' has no items"),
            E::EmptyWording { item, field } => write!(f, "item '{item}' has an empty {field}"),
            E::EmptyOptions { item } => write!(f, "item '{item}' has no options"),
            E::RecordNotWorkerText { item } => write!(
                f,
                "item '{item}' is recorded apart, so it must be worker-only free text"
            ),
            E::BadScale { item, min, max } => write!(
                f,
                "item '{item}' has a scale from {min} to {max}; the minimum must be below the maximum"
            ),
            E::BadMaxChars { item } => write!(f, "item '{item}' allows 0 characters of text"),
            E::UnknownDomain { context, domain } => {
                write!(f, "{context} names domain '{domain}', which does not exist")
            }
            E::UnknownBand { context, band } => {
                write!(f, "{context} names frequency band '{band}', which does not exist")
            }
            E::ConditionUnknownItem { context, item } => {
                write!(f, "{context} names item '{item}', which does not exist")
            }
            E::ConditionForwardReference { context, item } => write!(
                f,
                "{context} reads item '{item}', which is not asked before it"
            ),
            E::ConditionBadValue {
                context,
                item,
                value,
            } => write!(
                f,
                "{context} tests item '{item}' for '{value}', which it can never be"
            ),
            E::ConditionWrongType {
                context,
                item,
                expected,
            } => write!(f, "{context} uses item '{item}' as {expected}, which it is not"),
            E::EmptyCondition { context } => write!(f, "{context} has an empty any/all list"),
            E::EmptyRuleText { rule, field } => {
                write!(f, "red-flag rule '{rule}' has an empty {field}")
            }
            E::StopWithoutMessage { item } => {
                write!(f, "item '{item}' has a stop condition but no stop message")
            }
            E::OptionalSectionRead { section, item, by } => write!(
                f,
                "section '{section}' is optional, but {by} reads its item '{item}'"
            ),
            E::MissingRole(role) => write!(f, "the roles do not name the {role}"),
            E::RoleUnknown { role, id } => {
                write!(f, "role '{role}' names '{id}', which does not exist")
            }
            E::RoleWrongKind { role, id, expected } => {
                write!(f, "role '{role}' names '{id}', which is not {expected}")
            }
        }
    }
}

impl std::error::Error for DefinitionError {}
