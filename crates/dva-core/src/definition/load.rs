//! Reading a definition file: the steps that turn its raw shape (`raw`) into a [`Definition`], every problem reported at once so that a content editor
//! fixes a broken file in one pass. The per-item checks and the whole-file rules are in
//! `validate`; conditions are converted in `convert`.

use std::collections::{BTreeMap, BTreeSet};

use super::convert::{convert, Lookup};
use super::error::DefinitionError;
use super::raw::{RawDefinition, RawItem, RawRule, RawSection};
use super::roles::check_roles;
use super::types::{Definition, Domain, Item, RedFlagRule, Section};
use super::validate::{check_item, optional_sections_unread};

/// The built-in questionnaire file.
pub const BUILTIN_JSON: &str = include_str!("../../questionnaire.json");

/// Loads and validates the built-in questionnaire.
pub fn builtin() -> Result<Definition, Vec<DefinitionError>> {
    parse(BUILTIN_JSON)
}

/// Parses and validates a definition, reporting every problem found.
pub fn parse(json: &str) -> Result<Definition, Vec<DefinitionError>> {
    let raw: RawDefinition =
        serde_json::from_str(json).map_err(|e| vec![DefinitionError::Json(e.to_string())])?;
    let mut errors = Vec::new();
    check_header(&raw, &mut errors);
    let (sections, section_ids) = sections(raw.sections, &mut errors);
    let (kept, index) = first_pass(raw.items, &section_ids, &mut errors);
    for s in &sections {
        if !kept.iter().any(|(i, _)| i.section == s.id) {
            errors.push(DefinitionError::EmptySection(s.id.clone()));
        }
    }
    // Conditions need every item's position and response.
    let lookup: Lookup = kept
        .iter()
        .enumerate()
        .map(|(n, (i, _))| (i.id.clone(), (n, i.response.clone())))
        .collect();
    let items = items(kept, &lookup, &mut errors);
    let red_flags = red_flags(raw.red_flags, &lookup, &mut errors);
    optional_sections_unread(&sections, &items, &red_flags, &mut errors);
    let roles = raw
        .roles
        .map(|r| check_roles(r, &sections, &items, &mut errors))
        .unwrap_or_default();

    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Definition {
        id: raw.id,
        version: raw.version,
        date: raw.date,
        title: raw.title,
        sections,
        items,
        red_flags,
        roles,
        index,
        switched_off: BTreeSet::new(),
    })
}

/// The top-level fields a summary names: none may be empty.
fn check_header(raw: &RawDefinition, errors: &mut Vec<DefinitionError>) {
    for (field, value) in [
        ("id", &raw.id),
        ("version", &raw.version),
        ("date", &raw.date),
        ("title", &raw.title),
    ] {
        if value.trim().is_empty() {
            errors.push(DefinitionError::EmptyHeader(field));
        }
    }
}

/// The sections, each id once, with their ids for the items to name.
fn sections(
    raw: Vec<RawSection>,
    errors: &mut Vec<DefinitionError>,
) -> (Vec<Section>, BTreeSet<String>) {
    let mut section_ids = BTreeSet::new();
    let mut sections = Vec::new();
    for s in raw {
        if s.id.trim().is_empty() {
            errors.push(DefinitionError::EmptyId {
                what: "a section".into(),
            });
        }
        if !section_ids.insert(s.id.clone()) {
            errors.push(DefinitionError::DuplicateSection(s.id.clone()));
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
    (sections, section_ids)
}

/// First pass over the items: ids, sections, wording, response shapes and domains. Keeps each
/// id once, in order, with its position.
fn first_pass(
    raw: Vec<RawItem>,
    section_ids: &BTreeSet<String>,
    errors: &mut Vec<DefinitionError>,
) -> (Vec<(RawItem, Domain)>, BTreeMap<String, usize>) {
    use DefinitionError as E;
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    let mut kept: Vec<(RawItem, Domain)> = Vec::new();
    for it in raw {
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
        check_item(&it, errors);
        let domain = Domain::from_id(&it.domain).unwrap_or_else(|| {
            errors.push(E::UnknownDomain {
                context: format!("item '{}'", it.id),
                domain: it.domain.clone(),
            });
            Domain::Setting
        });
        index.insert(it.id.clone(), kept.len());
        kept.push((it, domain));
    }
    (kept, index)
}

/// Second pass: the validated items, with their conditions converted.
fn items(
    kept: Vec<(RawItem, Domain)>,
    lookup: &Lookup,
    errors: &mut Vec<DefinitionError>,
) -> Vec<Item> {
    let mut items = Vec::new();
    for (pos, (it, domain)) in kept.into_iter().enumerate() {
        let show_when = it.show_when.as_ref().and_then(|c| {
            let ctx = format!("the show-when of item '{}'", it.id);
            convert(c, ctx, lookup, Some(pos), false, errors)
        });
        let stop_when = it.stop_when.as_ref().and_then(|c| {
            let ctx = format!("the stop condition of item '{}'", it.id);
            convert(c, ctx, lookup, Some(pos), true, errors)
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
    items
}

/// The red-flag rules, each id once, with their texts and conditions checked.
fn red_flags(
    raw: Vec<RawRule>,
    lookup: &Lookup,
    errors: &mut Vec<DefinitionError>,
) -> Vec<RedFlagRule> {
    use DefinitionError as E;
    let mut rule_ids = BTreeSet::new();
    let mut red_flags = Vec::new();
    for r in raw {
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
        if let Some(when) = convert(&r.when, ctx, lookup, None, false, errors) {
            red_flags.push(RedFlagRule {
                id: r.id,
                title: r.title,
                explanation: r.explanation,
                when,
            });
        }
    }
    red_flags
}
