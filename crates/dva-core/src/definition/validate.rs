//! The checks of a definition beyond its shape: one item's wording and response, and the rule
//! that no risk rule reads an optional section.

use super::error::DefinitionError;
use super::raw::RawItem;
use super::types::{Item, RedFlagRule, Response, Section};
use crate::rules::{CORE_SECTIONS, RISK_MARKERS};

/// One item's own checks: wording, where it is recorded, its response and its stop message.
pub(super) fn check_item(it: &RawItem, errors: &mut Vec<DefinitionError>) {
    use DefinitionError as E;
    let empty = |field| E::EmptyWording {
        item: it.id.clone(),
        field,
    };
    for (field, text) in [("label", &it.label), ("worker wording", &it.worker_wording)] {
        if text.trim().is_empty() {
            errors.push(empty(field));
        }
    }
    if it.record.is_some() && !(it.worker_only && matches!(it.response, Response::FreeText { .. }))
    {
        errors.push(E::RecordNotWorkerText {
            item: it.id.clone(),
        });
    }
    if !it.worker_only && it.client_wording.trim().is_empty() {
        errors.push(empty("client wording"));
    }
    check_response(it, errors);
    if it.stop_when.is_some() && it.stop_message.as_deref().unwrap_or("").trim().is_empty() {
        errors.push(E::StopWithoutMessage {
            item: it.id.clone(),
        });
    }
}

/// The response's own shape: options, a scale's ends and labels, a text's length.
fn check_response(it: &RawItem, errors: &mut Vec<DefinitionError>) {
    use DefinitionError as E;
    match &it.response {
        Response::SingleChoice { options } => check_options(it, options, errors),
        Response::Scale {
            min,
            max,
            min_label,
            max_label,
        } => {
            if min >= max {
                errors.push(E::BadScale {
                    item: it.id.clone(),
                    min: *min,
                    max: *max,
                });
            }
            if min_label.trim().is_empty() || max_label.trim().is_empty() {
                errors.push(E::EmptyWording {
                    item: it.id.clone(),
                    field: "scale label",
                });
            }
        }
        Response::FreeText { max_chars } if *max_chars == 0 => errors.push(E::BadMaxChars {
            item: it.id.clone(),
        }),
        _ => {}
    }
}

/// A single-choice item's options: at least one, each id once, each worded.
fn check_options(
    it: &RawItem,
    options: &[super::types::ChoiceOption],
    errors: &mut Vec<DefinitionError>,
) {
    use DefinitionError as E;
    if options.is_empty() {
        errors.push(E::EmptyOptions {
            item: it.id.clone(),
        });
    }
    let mut seen = std::collections::BTreeSet::new();
    for o in options {
        if o.id.trim().is_empty() {
            errors.push(E::EmptyId {
                what: format!("an option of item '{}'", it.id),
            });
        }
        if !seen.insert(o.id.as_str()) {
            errors.push(E::DuplicateOption {
                item: it.id.clone(),
                option: o.id.clone(),
            });
        }
        if o.worker_label.trim().is_empty() {
            errors.push(E::EmptyWording {
                item: it.id.clone(),
                field: "option worker label",
            });
        }
        if !it.worker_only && o.client_label.trim().is_empty() {
            errors.push(E::EmptyWording {
                item: it.id.clone(),
                field: "option client label",
            });
        }
    }
}

/// An optional section's questions may be switched off by a service, so nothing that sets a
/// level may read them: not a red flag, a stop, a risk marker, the gap count, a domain a rule
/// reads whole, or a question elsewhere that they reveal. (The actions' own reads are checked
/// by a property test: switching a section off never changes a level, a flag or an action.)
pub(super) fn optional_sections_unread(
    sections: &[Section],
    items: &[Item],
    red_flags: &[RedFlagRule],
    errors: &mut Vec<DefinitionError>,
) {
    for section in sections.iter().filter(|s| s.optional) {
        let mut read = |item: &str, by: String| {
            errors.push(DefinitionError::OptionalSectionRead {
                section: section.id.clone(),
                item: item.to_owned(),
                by,
            })
        };
        if CORE_SECTIONS.contains(&section.id.as_str()) {
            read(
                "*",
                "the count of gaps that makes a screening incomplete".into(),
            );
        }
        for item in items
            .iter()
            .filter(|i| i.section == section.id && i.record.is_none())
        {
            if item.domain.is_abuse() {
                read(&item.id, "every rule that reads its abuse domain".into());
            }
            if RISK_MARKERS.iter().any(|(id, _)| *id == item.id) {
                read(&item.id, "the count of risk markers".into());
            }
            for r in red_flags {
                if r.when.named_items().contains(&item.id.as_str()) {
                    read(&item.id, format!("red-flag rule '{}'", r.id));
                }
            }
            for other in items {
                let reads = |c: &Option<super::types::Condition>| {
                    c.as_ref()
                        .is_some_and(|c| c.named_items().contains(&item.id.as_str()))
                };
                if reads(&other.stop_when) {
                    read(
                        &item.id,
                        format!("the stop condition of item '{}'", other.id),
                    );
                }
                if other.section != section.id && reads(&other.show_when) {
                    read(&item.id, format!("the show-when of item '{}'", other.id));
                }
            }
        }
    }
}
