//! What can be wrong in a service's config, and how the start page words it.
use super::colour::one_decimal_down;
use crate::text::tf;

/// A larger file is refused whole: a config is a few kilobytes, and reading megabytes of one
/// would only slow the start for nothing.
pub const MAX_CONFIG_BYTES: usize = 64 * 1024;

/// Something wrong in the service's config: where (a dotted path such as
/// `contacts.safeguarding_lead.phone`, empty for the whole file) and what.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub at: String,
    pub kind: ProblemKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    NotJson {
        line: usize,
        column: usize,
    },
    Truncated,
    TooLarge {
        bytes: usize,
    },
    NotAnObject,
    /// The file could not be read (an HTTP status other than 404).
    Unreadable {
        status: u16,
    },
    UnknownKey {
        suggestion: Option<String>,
    },
    WrongType {
        expected: Expected,
    },
    NotDiallable,
    NotEmail,
    NotColour,
    LowContrast {
        ratio: f64,
        against: String,
    },
    ExitNotHttp,
    ExitSameOrigin,
    NotRegion,
    OutOfRange {
        min: u64,
        max: u64,
    },
    NotOrigin,
    LogoNotLocal,
    Empty,
    /// A section of the questionnaire that must always be asked (risk rules read it).
    NotOptional {
        /// The sections that are optional, to say what may be switched off.
        optional: String,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Text,
    Number,
    TrueOrFalse,
    Object,
}

impl Problem {
    pub(super) fn new(at: impl Into<String>, kind: ProblemKind) -> Problem {
        Problem {
            at: at.into(),
            kind,
        }
    }

    /// The problem in the worker's words, from the catalogue.
    pub fn message(&self) -> String {
        let at = self.at.as_str();
        match &self.kind {
            ProblemKind::NotJson { line, column } => tf(
                "settings.problem.not_json",
                &[("line", &line.to_string()), ("column", &column.to_string())],
            ),
            ProblemKind::Truncated => tf("settings.problem.truncated", &[]),
            ProblemKind::TooLarge { bytes } => tf(
                "settings.problem.too_large",
                &[
                    ("kb", &bytes.div_ceil(1024).to_string()),
                    ("max", &(MAX_CONFIG_BYTES / 1024).to_string()),
                ],
            ),
            ProblemKind::NotAnObject => tf("settings.problem.not_object", &[]),
            // 0: no answer at all (the request itself failed).
            ProblemKind::Unreadable { status: 0 } => tf("settings.problem.unreachable", &[]),
            ProblemKind::Unreadable { status } => tf(
                "settings.problem.unreadable",
                &[("status", &status.to_string())],
            ),
            ProblemKind::UnknownKey {
                suggestion: Some(s),
            } => tf(
                "settings.problem.unknown_suggest",
                &[("key", at), ("suggestion", s)],
            ),
            ProblemKind::UnknownKey { suggestion: None } => {
                tf("settings.problem.unknown", &[("key", at)])
            }
            ProblemKind::WrongType { expected } => {
                let key = match expected {
                    Expected::Text => "settings.problem.type_text",
                    Expected::Number => "settings.problem.type_number",
                    Expected::TrueOrFalse => "settings.problem.type_bool",
                    Expected::Object => "settings.problem.type_object",
                };
                tf(key, &[("key", at)])
            }
            ProblemKind::NotDiallable => tf("settings.problem.phone", &[("key", at)]),
            ProblemKind::NotEmail => tf("settings.problem.email", &[("key", at)]),
            ProblemKind::NotColour => tf("settings.problem.colour", &[("key", at)]),
            ProblemKind::LowContrast { ratio, against } => tf(
                "settings.problem.contrast",
                &[
                    ("key", at),
                    ("ratio", &one_decimal_down(*ratio)),
                    ("against", against),
                ],
            ),
            ProblemKind::ExitNotHttp => tf("settings.problem.exit_http", &[("key", at)]),
            ProblemKind::ExitSameOrigin => tf("settings.problem.exit_origin", &[("key", at)]),
            ProblemKind::NotRegion => tf("settings.problem.region", &[("key", at)]),
            ProblemKind::OutOfRange { min, max } => tf(
                "settings.problem.range",
                &[
                    ("key", at),
                    ("min", &min.to_string()),
                    ("max", &max.to_string()),
                ],
            ),
            ProblemKind::NotOrigin => tf("settings.problem.origin", &[("key", at)]),
            ProblemKind::LogoNotLocal => tf("settings.problem.logo", &[("key", at)]),
            ProblemKind::Empty => tf("settings.problem.empty", &[("key", at)]),
            ProblemKind::NotOptional { optional } => tf(
                "settings.problem.not_optional",
                &[("key", at), ("optional", optional)],
            ),
        }
    }
}
