//! Whether an answer fits an item's response type, and why it was refused when it does not.

use std::fmt;

use super::model::Answer;
use crate::definition::{Item, Response};

/// Why an answer could not be stored. Returned as a value; nothing panics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerError {
    UnknownItem(String),
    UnknownSection(String),
    /// The answer's kind does not fit the item's response type.
    WrongType {
        item: String,
        expected: &'static str,
    },
    UnknownOption {
        item: String,
        option: String,
    },
    OutOfRange {
        item: String,
        value: u8,
        min: u8,
        max: u8,
    },
    TooLong {
        item: String,
        chars: usize,
        max: usize,
    },
    /// "Last 12 months" given for a behaviour answered "never".
    RecencyWithoutDisclosure {
        item: String,
    },
    /// A worker-only observation cannot come from the client.
    WorkerOnly {
        item: String,
    },
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerError::UnknownItem(i) => write!(f, "there is no question with id '{i}'"),
            AnswerError::UnknownSection(s) => write!(f, "there is no section with id '{s}'"),
            AnswerError::WrongType { item, expected } => {
                write!(f, "question '{item}' needs {expected}")
            }
            AnswerError::UnknownOption { item, option } => {
                write!(
                    f,
                    "'{option}' is not one of the choices for question '{item}'"
                )
            }
            AnswerError::OutOfRange {
                item,
                value,
                min,
                max,
            } => write!(f, "{value} is outside {min} to {max} for question '{item}'"),
            AnswerError::TooLong { item, chars, max } => write!(
                f,
                "the answer to '{item}' has {chars} characters; the limit is {max}"
            ),
            AnswerError::RecencyWithoutDisclosure { item } => write!(
                f,
                "question '{item}' was answered 'never', so 'last 12 months' cannot be given"
            ),
            AnswerError::WorkerOnly { item } => {
                write!(f, "question '{item}' is for the worker only")
            }
        }
    }
}

impl std::error::Error for AnswerError {}

/// Checks that an answer fits an item's response type.
pub fn check(item: &Item, answer: &Answer) -> Result<(), AnswerError> {
    let id = item.id.clone();
    match (&item.response, answer) {
        (_, Answer::PreferNotToSay) => Ok(()),
        (
            Response::Frequency,
            Answer::Frequency {
                band,
                last_12_months,
            },
        ) => {
            if !band.is_disclosed() && last_12_months.is_some() {
                Err(AnswerError::RecencyWithoutDisclosure { item: id })
            } else {
                Ok(())
            }
        }
        (Response::YesNo, Answer::YesNo(_)) => Ok(()),
        (Response::SingleChoice { options }, Answer::Choice(option)) => {
            if options.iter().any(|o| &o.id == option) {
                Ok(())
            } else {
                Err(AnswerError::UnknownOption {
                    item: id,
                    option: option.clone(),
                })
            }
        }
        (Response::Scale { min, max, .. }, Answer::Scale(value)) => {
            if value < min || value > max {
                Err(AnswerError::OutOfRange {
                    item: id,
                    value: *value,
                    min: *min,
                    max: *max,
                })
            } else {
                Ok(())
            }
        }
        (Response::FreeText { max_chars }, Answer::Text(text)) => {
            let chars = text.chars().count();
            if chars > *max_chars {
                Err(AnswerError::TooLong {
                    item: id,
                    chars,
                    max: *max_chars,
                })
            } else {
                Ok(())
            }
        }
        (response, _) => Err(AnswerError::WrongType {
            item: id,
            expected: response.expects(),
        }),
    }
}
