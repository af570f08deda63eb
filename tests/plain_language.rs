//! The worker-jargon review, kept true by a test (issue 6: "worker wording stays free of jargon
//! that a new keyworker would not know, or explains it"). Every specialist word in the app's
//! wording (the catalogue and the questionnaire definition) must have an entry in the "What these
//! words mean" glossary, and every abbreviation must be a specialist word or one a new keyworker
//! already knows. The review behind the lists is in docs/plain-language.md.
use std::collections::{BTreeMap, BTreeSet, HashMap};

use dva_screen::components::glossary::TERMS;

/// The questionnaire walk the core's wording test uses too.
#[path = "../crates/dva-core/tests/common/texts.rs"]
mod texts;

/// Words of the domestic abuse field that a new keyworker in a drug and alcohol service may not
/// know. Matched as whole words; abbreviations and names by case, phrases in any case.
const SPECIALIST: &[&str] = &[
    "red flag",
    "coercive control",
    "safeguarding lead",
    "MARAC",
    "IDVA",
    "Dash",
    "Respect",
    "perpetrator programme",
    "partner support service",
    "non-molestation order",
    "injunction",
];

/// Abbreviations every keyworker knows, or that are not jargon where they appear.
const PLAIN_ABBREVIATIONS: &[&str] = &[
    "GP",   // the family doctor
    "IT",   // the service's IT team
    "UTC",  // the time zone in a dated record
    "DVA",  // the product's name; the footer says "DVA Screen: domestic abuse screening"
    "NHS",  // the health service, in "NHS 111" and "NHS 24"
    "LGBT", // part of Galop's own name for its helpline ("LGBT+")
];

fn catalogue() -> HashMap<String, String> {
    let (_, json) = dva_screen::text::LANGUAGES[0];
    serde_json::from_str(json).expect("the catalogue is JSON")
}

/// Every piece of wording a worker can see, with where it comes from: catalogue texts (but not
/// the glossary itself) and every string value of the questionnaire definition except ids.
fn wording() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = catalogue()
        .into_iter()
        .filter(|(k, _)| !k.starts_with("glossary."))
        .collect();
    // Ids, references between items and enumerations are never shown.
    out.extend(texts::questionnaire_strings(&|k| {
        k == "id" || k.ends_with("_id") || k.ends_with("_ids") || k == "domain"
    }));
    out
}

/// Whether `word` occurs in `text` as a whole word (case-sensitive when `word` has a capital).
fn uses(text: &str, word: &str) -> bool {
    let (hay, needle) = if word.chars().any(char::is_uppercase) {
        (text.to_owned(), word.to_owned())
    } else {
        (text.to_lowercase(), word.to_lowercase())
    };
    hay.match_indices(&needle).any(|(i, _)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + needle.len()..].chars().next();
        let boundary = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
        // "red flags", "injunctions": a plural still counts as a use.
        boundary(before) && (boundary(after) || after == Some('s'))
    })
}

fn glossary_terms() -> Vec<String> {
    let cat = catalogue();
    TERMS
        .iter()
        .map(|(term, _)| cat.get(*term).cloned().unwrap_or_default())
        .collect()
}

#[test]
fn every_specialist_word_in_use_is_in_the_glossary() {
    let terms = glossary_terms().join(" | ");
    let mut missing: BTreeMap<&str, String> = BTreeMap::new();
    let mut used = 0;
    for word in SPECIALIST {
        if let Some((at, _)) = wording().into_iter().find(|(_, text)| uses(text, word)) {
            used += 1;
            if !uses(&terms, word) {
                missing.insert(word, at);
            }
        }
    }
    assert!(
        used >= 8,
        "the scan found too few specialist words ({used})"
    );
    assert!(
        missing.is_empty(),
        "specialist words used without a glossary entry (word: first use): {missing:?}"
    );
}

#[test]
fn every_abbreviation_is_explained_or_plain() {
    let mut unknown: BTreeMap<String, String> = BTreeMap::new();
    let mut seen = BTreeSet::new();
    for (at, text) in wording() {
        for word in text.split(|c: char| !c.is_alphanumeric()) {
            let caps = word.chars().filter(char::is_ascii_uppercase).count();
            if caps >= 2
                && word
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            {
                seen.insert(word.to_owned());
                if !SPECIALIST.contains(&word) && !PLAIN_ABBREVIATIONS.contains(&word) {
                    unknown.entry(word.to_owned()).or_insert(at.clone());
                }
            }
        }
    }
    assert!(seen.contains("MARAC"), "the scan missed MARAC: {seen:?}");
    assert!(
        unknown.is_empty(),
        "abbreviations a new keyworker may not know (add a glossary entry and list it as specialist, \
         or write it out): {unknown:?}"
    );
}

#[test]
fn every_glossary_entry_is_used_and_explained() {
    let cat = catalogue();
    let all: Vec<String> = wording().into_iter().map(|(_, t)| t).collect();
    for (term, meaning) in TERMS {
        let term_text = cat
            .get(*term)
            .unwrap_or_else(|| panic!("{term} is missing"));
        let meaning_text = cat
            .get(*meaning)
            .unwrap_or_else(|| panic!("{meaning} is missing"));
        assert!(
            meaning_text.split_whitespace().count() >= 8,
            "{meaning} is too short to explain {term_text}"
        );
        // A term may name several words ("Bail conditions, injunctions and ..."): one in use is enough.
        let in_use = SPECIALIST
            .iter()
            .filter(|w| uses(term_text, w))
            .any(|w| all.iter().any(|t| uses(t, w)));
        assert!(
            in_use,
            "the glossary explains {term_text}, which nothing uses"
        );
    }
}

#[test]
fn the_check_fails_on_an_unexplained_word() {
    // The matcher the tests rely on finds a use, and tells a plural and a longer word apart.
    assert!(uses("Refer to the MARAC today.", "MARAC"));
    assert!(uses("Two red flags were raised", "red flag"));
    assert!(!uses("He was respectful", "Respect"));
    assert!(!uses("dashboard", "Dash"));
    assert!(!uses(&glossary_terms().join(" | "), "MASH"));
}
