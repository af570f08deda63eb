//! Handing the device to the client: which sections he answers, the worker's hand-back code, and
//! the order of the client's one-question pages. Pure: no signals, no DOM; tested natively.
//!
//! While a [`Handover`] is active the app is in client mode: it renders only the client shell,
//! and nothing of the result (level, flags, score, guidance, notes) is in the page.
use std::collections::BTreeSet;

use dva_core::{Answer, Answers, Definition, Item, Response, Section};

use crate::route::Route;

/// How many digits the hand-back code has.
pub const CODE_LEN: usize = 4;
/// After this many wrong codes the hand-back page explains what to do if the code is forgotten.
/// There is no lock-out: the worker can always quick exit.
pub const FORGOTTEN_HELP_AFTER: u32 = 3;
/// The sections offered by default: the behaviour inventory and readiness to change.
pub const DEFAULT_SECTIONS: [&str; 2] = ["behaviours", "readiness"];

/// An active handover. Lives in the app's context only: never in a draft or a download.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Handover {
    /// The chosen section ids, in the definition's order.
    pub sections: Vec<String>,
    code: String,
    /// Wrong codes typed on the hand-back page so far.
    pub wrong_tries: u32,
    /// "In the last 12 months?" follow-ups the client chose not to answer (item ids), so that
    /// Back shows his choice again. The core keeps such an answer as "not given".
    pub recent_declined: BTreeSet<String>,
}

impl Handover {
    /// A handover of `sections` (filtered to those the client may answer, in order).
    pub fn new(def: &Definition, sections: &[String], code: String) -> Handover {
        let sections = offered_sections(def)
            .into_iter()
            .filter(|s| sections.contains(&s.id))
            .map(|s| s.id.clone())
            .collect();
        Handover {
            sections,
            code,
            wrong_tries: 0,
            recent_declined: BTreeSet::new(),
        }
    }

    /// Whether `typed` is the worker's code (spaces around it are forgiven).
    pub fn code_matches(&self, typed: &str) -> bool {
        typed.trim() == self.code
    }
}

/// What is wrong with a new code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeProblem {
    /// Not exactly four digits.
    NotFourDigits,
    /// The second copy differs from the first.
    Different,
}

/// Checks the code the worker typed twice; returns the code to keep.
pub fn check_new_code(code: &str, again: &str) -> Result<String, CodeProblem> {
    let code = code.trim();
    if code.chars().count() != CODE_LEN || !code.chars().all(|c| c.is_ascii_digit()) {
        return Err(CodeProblem::NotFourDigits);
    }
    if again.trim() != code {
        return Err(CodeProblem::Different);
    }
    Ok(code.to_string())
}

/// Whether the client ever sees an item: worker observations never.
pub fn client_item(item: &Item) -> bool {
    !item.worker_only && !item.client_wording.trim().is_empty()
}

/// The sections the worker may hand over: every section with a question for the client,
/// never one the definition keeps from him (its `never_client` role: the setting and consent
/// check).
pub fn offered_sections(def: &Definition) -> Vec<&Section> {
    def.sections()
        .iter()
        .filter(|s| !def.never_client(&s.id))
        .filter(|s| {
            def.items_in(&s.id)
                .any(|i| client_item(i) && !def.is_switched_off(i))
        })
        .collect()
}

/// The client's questions for the current answers: chosen sections, client items only, and
/// only while their show-when condition holds (so they follow his answers live).
pub fn questions<'a>(def: &'a Definition, answers: &Answers, sections: &[String]) -> Vec<&'a Item> {
    def.items()
        .iter()
        .filter(|i| sections.contains(&i.section))
        .filter(|i| client_item(i) && def.is_shown(i, answers))
        .collect()
}

/// Whether a frequency answer is a disclosure, so "in the last 12 months?" follows it.
pub fn needs_recent(item: &Item, answer: Option<&Answer>) -> bool {
    item.response == Response::Frequency
        && matches!(answer, Some(Answer::Frequency { band, .. }) if band.is_disclosed())
}

/// Every client page in order: the welcome, each question (with its follow-up after a
/// disclosure), then the hand-back page.
pub fn pages(def: &Definition, answers: &Answers, sections: &[String]) -> Vec<Route> {
    let mut pages = vec![Route::ClientStart];
    for item in questions(def, answers, sections) {
        pages.push(Route::ClientQuestion(item.id.clone()));
        if needs_recent(item, answers.get(&item.id).map(|r| &r.answer)) {
            pages.push(Route::ClientRecent(item.id.clone()));
        }
    }
    pages.push(Route::ClientDone);
    pages
}

/// The page after `current` (the hand-back page if `current` is no longer in the list).
pub fn next_page(pages: &[Route], current: &Route) -> Route {
    pages
        .iter()
        .position(|p| p == current)
        .and_then(|i| pages.get(i + 1))
        .cloned()
        .unwrap_or(Route::ClientDone)
}

/// The page before `current` (the welcome page if none).
pub fn previous_page(pages: &[Route], current: &Route) -> Route {
    pages
        .iter()
        .position(|p| p == current)
        .and_then(|i| i.checked_sub(1))
        .and_then(|i| pages.get(i))
        .cloned()
        .unwrap_or(Route::ClientStart)
}

/// "Question n of total" for an item: (1-based position, count of shown client questions).
pub fn question_number(
    def: &Definition,
    answers: &Answers,
    sections: &[String],
    item_id: &str,
) -> Option<(usize, usize)> {
    let qs = questions(def, answers, sections);
    let i = qs.iter().position(|q| q.id == item_id)?;
    Some((i + 1, qs.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use dva_core::{Band, Source, YesNo};

    fn def() -> Definition {
        dva_core::builtin().expect("the built-in definition is valid")
    }

    fn defaults() -> Vec<String> {
        DEFAULT_SECTIONS.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn codes_are_four_digits_typed_twice() {
        assert_eq!(check_new_code("1234", "1234"), Ok("1234".into()));
        assert_eq!(check_new_code(" 0007 ", "0007"), Ok("0007".into()));
        assert_eq!(
            check_new_code("123", "123"),
            Err(CodeProblem::NotFourDigits)
        );
        assert_eq!(
            check_new_code("12a4", "12a4"),
            Err(CodeProblem::NotFourDigits)
        );
        assert_eq!(
            check_new_code("١٢٣٤", "١٢٣٤"),
            Err(CodeProblem::NotFourDigits)
        );
        assert_eq!(check_new_code("1234", "4321"), Err(CodeProblem::Different));
        let h = Handover::new(&def(), &defaults(), "2468".into());
        assert!(h.code_matches("2468") && h.code_matches(" 2468 "));
        assert!(!h.code_matches("") && !h.code_matches("8642"));
    }

    #[test]
    fn setting_is_never_offered_and_order_is_the_definitions() {
        let def = def();
        let offered: Vec<&str> = offered_sections(&def)
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        assert!(!offered.contains(&"setting"));
        assert!(offered.contains(&"behaviours") && offered.contains(&"readiness"));
        let h = Handover::new(
            &def,
            &["readiness".into(), "setting".into(), "behaviours".into()],
            "1111".into(),
        );
        assert_eq!(h.sections, defaults());
    }

    #[test]
    fn worker_only_items_are_never_asked() {
        let def = def();
        let all: Vec<String> = def.sections().iter().map(|s| s.id.clone()).collect();
        let qs = questions(&def, &Answers::new(), &all);
        assert!(qs.iter().all(|i| !i.worker_only));
        assert!(!qs
            .iter()
            .any(|i| i.id == "ready.challenge" || i.id == "set.alone"));
    }

    #[test]
    fn a_disclosure_adds_the_last_12_months_page_and_conditions_follow_live() {
        let def = def();
        let sections = vec!["relationship".to_string(), "behaviours".to_string()];
        let mut answers = Answers::new();
        let before = pages(&def, &answers, &sections);
        assert!(!before.contains(&Route::ClientQuestion("rel.living_together".into())));
        assert!(!before.contains(&Route::ClientRecent("b.throat_grab".into())));
        let (_, total) = question_number(&def, &answers, &sections, "b.shouting").unwrap();

        answers
            .set(
                &def,
                "rel.current_partner",
                Answer::YesNo(YesNo::Yes),
                Source::ClientSelfCompleted,
            )
            .unwrap();
        let once = Answer::Frequency {
            band: Band::Once,
            last_12_months: None,
        };
        answers
            .set(&def, "b.throat_grab", once, Source::ClientSelfCompleted)
            .unwrap();
        let after = pages(&def, &answers, &sections);
        let q = Route::ClientQuestion("b.throat_grab".into());
        let recent = Route::ClientRecent("b.throat_grab".into());
        assert_eq!(next_page(&after, &q), recent);
        assert_eq!(previous_page(&after, &recent), q);
        assert_eq!(after.first(), Some(&Route::ClientStart));
        assert_eq!(after.last(), Some(&Route::ClientDone));
        // The follow-up is not a question of its own in the count; the new condition is.
        let (_, total_after) = question_number(&def, &answers, &sections, "b.shouting").unwrap();
        assert_eq!(total_after, total + 1);
    }

    #[test]
    fn unknown_pages_fall_back_safely() {
        let pages = vec![Route::ClientStart, Route::ClientDone];
        assert_eq!(next_page(&pages, &Route::Result), Route::ClientDone);
        assert_eq!(
            previous_page(&pages, &Route::ClientStart),
            Route::ClientStart
        );
    }
}
