//! The order of the question sections: which are asked on question pages, where Back and
//! Continue go, "Section 3 of 7", and how a long section is grouped. Pure, tested natively.
use dva_core::{Definition, Domain, Item, Response, Section};

use crate::route::Route;

/// The sections asked on question pages, in order: all but the start page's (the
/// definition's `start_section` role).
pub fn asked_sections(def: &Definition) -> Vec<&Section> {
    def.sections()
        .iter()
        .filter(|s| def.start_section() != Some(s.id.as_str()))
        .collect()
}

/// (1-based position, total) of a question section, for "Section 3 of 7".
pub fn progress(def: &Definition, section_id: &str) -> Option<(usize, usize)> {
    let sections = asked_sections(def);
    let i = sections.iter().position(|s| s.id == section_id)?;
    Some((i + 1, sections.len()))
}

/// Where Back goes from a section: the previous section, or the start page from the first.
pub fn previous_route(def: &Definition, section_id: &str) -> Route {
    let sections = asked_sections(def);
    match sections.iter().position(|s| s.id == section_id) {
        Some(i) if i > 0 => Route::Ask(sections[i - 1].id.clone()),
        _ => Route::Start,
    }
}

/// Where Continue goes: the next section, or check-your-answers after the last.
pub fn next_route(def: &Definition, section_id: &str) -> Route {
    let sections = asked_sections(def);
    match sections.iter().position(|s| s.id == section_id) {
        Some(i) if i + 1 < sections.len() => Route::Ask(sections[i + 1].id.clone()),
        _ => Route::Check,
    }
}

/// The page a section's questions are on: the start section is on the start page.
pub fn section_route(def: &Definition, section_id: &str) -> Route {
    if def.start_section() == Some(section_id) {
        Route::Start
    } else {
        Route::Ask(section_id.to_string())
    }
}

/// The first question section (where the start page leads).
pub fn first_route(def: &Definition) -> Route {
    asked_sections(def)
        .first()
        .map_or(Route::Check, |s| Route::Ask(s.id.clone()))
}

/// Consecutive runs of items by domain, so a long section can have a subheading per domain.
pub fn group_by_domain<'a>(items: &[&'a Item]) -> Vec<(Domain, Vec<&'a Item>)> {
    let mut groups: Vec<(Domain, Vec<&Item>)> = Vec::new();
    for item in items {
        match groups.last_mut() {
            Some((d, list)) if *d == item.domain => list.push(item),
            _ => groups.push((item.domain, vec![item])),
        }
    }
    groups
}

/// Layout choice only: a section of many frequency questions (the behaviour inventory) gets the
/// compact, row-by-row layout.
pub fn is_inventory(def: &Definition, section_id: &str) -> bool {
    def.items_in(section_id)
        .filter(|i| i.response == Response::Frequency)
        .count()
        > 5
}

#[cfg(test)]
mod tests {
    use super::*;

    fn def() -> Definition {
        dva_core::builtin().expect("the built-in definition is valid")
    }

    #[test]
    fn progress_counts_only_the_sections_asked_here() {
        let def = def();
        let total = def.sections().len() - 1;
        assert_eq!(progress(&def, "relationship"), Some((1, total)));
        assert_eq!(progress(&def, "behaviours"), Some((2, total)));
        assert_eq!(progress(&def, "setting"), None);
        assert_eq!(progress(&def, "nope"), None);
    }

    #[test]
    fn back_and_continue_walk_the_sections_in_order() {
        let def = def();
        assert_eq!(previous_route(&def, "relationship"), Route::Start);
        assert_eq!(first_route(&def), Route::Ask("relationship".into()));
        assert_eq!(
            next_route(&def, "relationship"),
            Route::Ask("behaviours".into())
        );
        let last = asked_sections(&def).last().unwrap().id.clone();
        assert_eq!(next_route(&def, &last), Route::Check);
    }

    #[test]
    fn behaviours_group_by_domain_in_order() {
        let def = def();
        let items: Vec<&Item> = def.items_in("behaviours").collect();
        let groups = group_by_domain(&items);
        let domains: Vec<Domain> = groups.iter().map(|(d, _)| *d).collect();
        let mut want = Domain::ABUSE.to_vec();
        want.push(Domain::Incident);
        assert_eq!(domains, want);
        assert_eq!(
            groups.iter().map(|(_, l)| l.len()).sum::<usize>(),
            items.len()
        );
    }

    #[test]
    fn setting_answers_change_on_the_start_page() {
        let def = def();
        assert_eq!(section_route(&def, "setting"), Route::Start);
        assert_eq!(section_route(&def, "impact"), Route::Ask("impact".into()));
    }
}
