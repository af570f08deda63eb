//! Reading a definition file: the raw serde shape ("parse, don't validate") and the checks
//! that turn it into a [`Definition`], every problem reported at once so that a content editor
//! fixes a broken file in one pass.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

use super::error::DefinitionError;
use super::types::{Condition, Definition, Domain, Item, RecordAs, RedFlagRule, Response, Section};
use crate::rules::{CORE_SECTIONS, RISK_MARKERS};
use crate::values::{Band, YesNo};

/// The built-in questionnaire file.
pub const BUILTIN_JSON: &str = include_str!("../../questionnaire.json");

/// Loads and validates the built-in questionnaire.
pub fn builtin() -> Result<Definition, Vec<DefinitionError>> {
    parse(BUILTIN_JSON)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDefinition {
    id: String,
    version: String,
    date: String,
    title: String,
    sections: Vec<RawSection>,
    items: Vec<RawItem>,
    #[serde(default)]
    red_flags: Vec<RawRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSection {
    id: String,
    title: String,
    #[serde(default)]
    client_title: Option<String>,
    #[serde(default)]
    guidance: Option<String>,
    #[serde(default)]
    optional: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    id: String,
    section: String,
    label: String,
    worker_wording: String,
    #[serde(default)]
    client_wording: String,
    #[serde(default)]
    guidance: Option<String>,
    response: Response,
    #[serde(default)]
    show_when: Option<RawCondition>,
    #[serde(default)]
    stop_when: Option<RawCondition>,
    #[serde(default)]
    stop_message: Option<String>,
    domain: String,
    #[serde(default)]
    worker_only: bool,
    #[serde(default)]
    record: Option<RecordAs>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: String,
    title: String,
    explanation: String,
    when: RawCondition,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
enum RawCondition {
    Disclosed(String),
    AtLeast {
        item: String,
        band: String,
    },
    Is {
        item: String,
        value: String,
    },
    AnyDisclosedIn(String),
    AtLeastIn {
        domain: String,
        band: String,
        #[serde(default)]
        recent: bool,
    },
    Any(Vec<RawCondition>),
    All(Vec<RawCondition>),
}

/// Parses and validates a definition, reporting every problem found.
pub fn parse(json: &str) -> Result<Definition, Vec<DefinitionError>> {
    let raw: RawDefinition =
        serde_json::from_str(json).map_err(|e| vec![DefinitionError::Json(e.to_string())])?;
    let mut errors = Vec::new();
    use DefinitionError as E;

    for (field, value) in [
        ("id", &raw.id),
        ("version", &raw.version),
        ("date", &raw.date),
        ("title", &raw.title),
    ] {
        if value.trim().is_empty() {
            errors.push(E::EmptyHeader(field));
        }
    }

    let mut section_ids = BTreeSet::new();
    let mut sections = Vec::new();
    for s in raw.sections {
        if s.id.trim().is_empty() {
            errors.push(E::EmptyId {
                what: "a section".into(),
            });
        }
        if !section_ids.insert(s.id.clone()) {
            errors.push(E::DuplicateSection(s.id.clone()));
            continue;
        }
        sections.push(Section {
            client_title: s.client_title.unwrap_or_else(|| s.title.clone()),
            id: s.id,
            title: s.title,
            guidance: s.guidance.filter(|g| !g.trim().is_empty()),
            optional: s.optional,
        });
    }

    // First pass: ids, sections, wording, response shapes.
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    let mut kept: Vec<(RawItem, Domain)> = Vec::new();
    for it in raw.items {
        if it.id.trim().is_empty() {
            errors.push(E::EmptyId {
                what: format!("an item in section '{}'", it.section),
            });
        }
        if index.contains_key(&it.id) {
            errors.push(E::DuplicateItem(it.id.clone()));
            continue;
        }
        if !section_ids.contains(&it.section) {
            errors.push(E::UnknownSection {
                item: it.id.clone(),
                section: it.section.clone(),
            });
        }
        for (field, text) in [("label", &it.label), ("worker wording", &it.worker_wording)] {
            if text.trim().is_empty() {
                errors.push(E::EmptyWording {
                    item: it.id.clone(),
                    field,
                });
            }
        }
        if it.record.is_some()
            && !(it.worker_only && matches!(it.response, Response::FreeText { .. }))
        {
            errors.push(E::RecordNotWorkerText {
                item: it.id.clone(),
            });
        }
        if !it.worker_only && it.client_wording.trim().is_empty() {
            errors.push(E::EmptyWording {
                item: it.id.clone(),
                field: "client wording",
            });
        }
        match &it.response {
            Response::SingleChoice { options } => {
                if options.is_empty() {
                    errors.push(E::EmptyOptions {
                        item: it.id.clone(),
                    });
                }
                let mut seen = BTreeSet::new();
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
        if it.stop_when.is_some() && it.stop_message.as_deref().unwrap_or("").trim().is_empty() {
            errors.push(E::StopWithoutMessage {
                item: it.id.clone(),
            });
        }
        let domain = match Domain::from_id(&it.domain) {
            Some(d) => d,
            None => {
                errors.push(E::UnknownDomain {
                    context: format!("item '{}'", it.id),
                    domain: it.domain.clone(),
                });
                Domain::Setting
            }
        };
        index.insert(it.id.clone(), kept.len());
        kept.push((it, domain));
    }

    for s in &sections {
        if !kept.iter().any(|(i, _)| i.section == s.id) {
            errors.push(E::EmptySection(s.id.clone()));
        }
    }

    // Second pass: conditions, which need every item's position and response.
    let lookup: BTreeMap<String, (usize, Response)> = kept
        .iter()
        .enumerate()
        .map(|(n, (i, _))| (i.id.clone(), (n, i.response.clone())))
        .collect();

    let mut items = Vec::new();
    for (pos, (it, domain)) in kept.into_iter().enumerate() {
        let show_when = it.show_when.as_ref().and_then(|c| {
            let ctx = format!("the show-when of item '{}'", it.id);
            convert(c, &ctx, &lookup, Some(pos), false, &mut errors)
        });
        let stop_when = it.stop_when.as_ref().and_then(|c| {
            let ctx = format!("the stop condition of item '{}'", it.id);
            convert(c, &ctx, &lookup, Some(pos), true, &mut errors)
        });
        items.push(Item {
            id: it.id,
            section: it.section,
            label: it.label,
            worker_wording: it.worker_wording,
            client_wording: it.client_wording,
            guidance: it.guidance.filter(|g| !g.trim().is_empty()),
            response: it.response,
            show_when,
            stop_when,
            stop_message: it.stop_message,
            domain,
            worker_only: it.worker_only,
            record: it.record,
        });
    }

    let mut rule_ids = BTreeSet::new();
    let mut red_flags = Vec::new();
    for r in raw.red_flags {
        if r.id.trim().is_empty() {
            errors.push(E::EmptyId {
                what: "a red-flag rule".into(),
            });
        }
        if !rule_ids.insert(r.id.clone()) {
            errors.push(E::DuplicateRule(r.id.clone()));
            continue;
        }
        for (field, text) in [("title", &r.title), ("explanation", &r.explanation)] {
            if text.trim().is_empty() {
                errors.push(E::EmptyRuleText {
                    rule: r.id.clone(),
                    field,
                });
            }
        }
        let ctx = format!("red-flag rule '{}'", r.id);
        if let Some(when) = convert(&r.when, &ctx, &lookup, None, false, &mut errors) {
            red_flags.push(RedFlagRule {
                id: r.id,
                title: r.title,
                explanation: r.explanation,
                when,
            });
        }
    }

    optional_sections_unread(&sections, &items, &red_flags, &mut errors);

    if errors.is_empty() {
        Ok(Definition {
            id: raw.id,
            version: raw.version,
            date: raw.date,
            title: raw.title,
            sections,
            items,
            red_flags,
            index,
            switched_off: BTreeSet::new(),
        })
    } else {
        Err(errors)
    }
}

/// An optional section's questions may be switched off by a service, so nothing that sets a
/// level may read them: not a red flag, a stop, a risk marker, the gap count, a domain a rule
/// reads whole, or a question elsewhere that they reveal. (The actions' own reads are checked
/// by a property test: switching a section off never changes a level, a flag or an action.)
fn optional_sections_unread(
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
                if other
                    .stop_when
                    .as_ref()
                    .is_some_and(|c| c.named_items().contains(&item.id.as_str()))
                {
                    read(
                        &item.id,
                        format!("the stop condition of item '{}'", other.id),
                    );
                }
                if other.section != section.id
                    && other
                        .show_when
                        .as_ref()
                        .is_some_and(|c| c.named_items().contains(&item.id.as_str()))
                {
                    read(&item.id, format!("the show-when of item '{}'", other.id));
                }
            }
        }
    }
}

/// Converts a raw condition, recording every problem. `before` is the position of the item
/// the condition belongs to (named items must come before it; `allow_self` lets a stop
/// condition read its own item).
fn convert(
    c: &RawCondition,
    ctx: &str,
    lookup: &BTreeMap<String, (usize, Response)>,
    before: Option<usize>,
    allow_self: bool,
    errors: &mut Vec<DefinitionError>,
) -> Option<Condition> {
    use DefinitionError as E;
    let find = |item: &str, errors: &mut Vec<DefinitionError>| -> Option<Response> {
        let Some((pos, response)) = lookup.get(item) else {
            errors.push(E::ConditionUnknownItem {
                context: ctx.to_owned(),
                item: item.to_owned(),
            });
            return None;
        };
        if let Some(b) = before {
            if *pos > b || (*pos == b && !allow_self) {
                errors.push(E::ConditionForwardReference {
                    context: ctx.to_owned(),
                    item: item.to_owned(),
                });
                return None;
            }
        }
        Some(response.clone())
    };
    let need_frequency = |item: &str, r: &Response, errors: &mut Vec<DefinitionError>| -> bool {
        if *r == Response::Frequency {
            true
        } else {
            errors.push(E::ConditionWrongType {
                context: ctx.to_owned(),
                item: item.to_owned(),
                expected: "a frequency item",
            });
            false
        }
    };
    // A band or domain id, with the problem recorded when it is unknown.
    let band_of = |band: &str, errors: &mut Vec<DefinitionError>| {
        let b = Band::from_id(band);
        if b.is_none() {
            errors.push(E::UnknownBand {
                context: ctx.to_owned(),
                band: band.to_owned(),
            });
        }
        b
    };
    let domain_of = |domain: &str, errors: &mut Vec<DefinitionError>| {
        let d = Domain::from_id(domain);
        if d.is_none() {
            errors.push(E::UnknownDomain {
                context: ctx.to_owned(),
                domain: domain.to_owned(),
            });
        }
        d
    };
    match c {
        RawCondition::Disclosed(item) => {
            let r = find(item, errors)?;
            need_frequency(item, &r, errors).then(|| Condition::Disclosed(item.clone()))
        }
        RawCondition::AtLeast { item, band } => {
            let r = find(item, errors);
            let ok_type = r.map(|r| need_frequency(item, &r, errors));
            match (ok_type, band_of(band, errors)) {
                (Some(true), Some(band)) => Some(Condition::AtLeast {
                    item: item.clone(),
                    band,
                }),
                _ => None,
            }
        }
        RawCondition::Is { item, value } => {
            let r = find(item, errors)?;
            let valid = match &r {
                Response::YesNo => YesNo::from_id(value).is_some(),
                Response::SingleChoice { options } => options.iter().any(|o| &o.id == value),
                _ => {
                    errors.push(E::ConditionWrongType {
                        context: ctx.to_owned(),
                        item: item.clone(),
                        expected: "a yes/no or single-choice item",
                    });
                    return None;
                }
            };
            if valid {
                Some(Condition::Is {
                    item: item.clone(),
                    value: value.clone(),
                })
            } else {
                errors.push(E::ConditionBadValue {
                    context: ctx.to_owned(),
                    item: item.clone(),
                    value: value.clone(),
                });
                None
            }
        }
        RawCondition::AnyDisclosedIn(domain) => {
            domain_of(domain, errors).map(Condition::AnyDisclosedIn)
        }
        RawCondition::AtLeastIn {
            domain,
            band,
            recent,
        } => {
            // Both are checked so that both problems are reported.
            let d = domain_of(domain, errors);
            let b = band_of(band, errors);
            Some(Condition::AtLeastIn {
                domain: d?,
                band: b?,
                recent: *recent,
            })
        }
        RawCondition::Any(list) | RawCondition::All(list) => {
            if list.is_empty() {
                errors.push(E::EmptyCondition {
                    context: ctx.to_owned(),
                });
                return None;
            }
            // Convert every branch so that every problem is reported.
            let converted: Vec<Option<Condition>> = list
                .iter()
                .map(|c| convert(c, ctx, lookup, before, allow_self, errors))
                .collect();
            let all: Option<Vec<Condition>> = converted.into_iter().collect();
            let all = all?;
            Some(if matches!(c, RawCondition::Any(_)) {
                Condition::Any(all)
            } else {
                Condition::All(all)
            })
        }
    }
}
