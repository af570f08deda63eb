//! Nothing referral-facing calls a result safe, no risk or low risk; and no wording frames abuse
//! as mutual conflict or lost temper, or endorses his account (issue 11's wording review, in
//! docs/plain-language.md).

mod common;
use common::*;

use dva_core::{assess, Answers, CompletedBy, Level};

fn forbidden(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    let mut found = Vec::new();
    for phrase in [
        "no risk",
        "low risk",
        "not at risk",
        "risk-free",
        "risk free",
        "all clear",
    ] {
        if lower.contains(phrase) {
            found.push(phrase.to_string());
        }
    }
    // "safe" as a word ("safeguarding" and "safety" are fine).
    for word in lower.split(|c: char| !c.is_alphanumeric()) {
        if word == "safe" || word == "safely" || word == "unsafe" {
            found.push(word.to_string());
        }
    }
    found
}

#[test]
fn no_abuse_disclosed_is_never_called_safe_anywhere() {
    let d = def();
    for answers in [baseline(&d), Answers::new()] {
        let r = assess(&d, &answers, cat());
        assert_eq!(r.level, Level::NoAbuseDisclosed);
        let (_, summary) = summarise(&d, &answers, &r, None, CompletedBy::WorkerAdministered);
        let text = summary.to_plain_text(cat());
        assert_eq!(forbidden(&text), Vec::<String>::new(), "{text}");
        let json = summary.to_json().expect("json");
        assert_eq!(forbidden(&json), Vec::<String>::new());
        assert!(!text.contains("core."), "a raw catalogue key in {text}");
        assert!(text.contains("No abuse disclosed in this screen"));
        assert!(text.contains("is not evidence that his partner or children are free from harm"));
    }
}

#[test]
fn every_core_text_in_the_catalogue_and_every_rule_never_says_safe() {
    let d = def();
    let core: Vec<(&str, &str)> = cat()
        .iter()
        .filter(|(k, _)| k.starts_with("core."))
        .collect();
    // The level labels, reasons, caveats, actions and summary words are all here.
    assert!(core.len() > 150, "too few core texts: {}", core.len());
    let mut bad: Vec<String> = core
        .iter()
        .filter(|(_, text)| !forbidden(text).is_empty())
        .map(|(key, text)| format!("{key}: {text}"))
        .collect();
    for r in d.red_flag_rules() {
        for text in [&r.title, &r.explanation] {
            if !forbidden(text).is_empty() {
                bad.push(format!("{}: {text}", r.id));
            }
        }
    }
    bad.sort();
    assert!(
        bad.is_empty(),
        "called safe or low risk:\n{}",
        bad.join("\n")
    );
    for l in Level::ALL {
        assert!(
            !l.label(cat()).starts_with("core."),
            "{l:?} has no catalogue text"
        );
    }
}

#[test]
fn the_wording_check_catches_safe_and_low_risk() {
    assert_eq!(forbidden("He is safe."), vec!["safe".to_string()]);
    assert_eq!(forbidden("Low risk"), vec!["low risk".to_string()]);
    assert!(forbidden("Discuss with your safeguarding lead; safety planning").is_empty());
}

/// Words that frame abuse as a quarrel between equals, a loss of temper or a reaction to
/// something she did, against the power and control model; or that endorse his account.
/// Matched as whole words, in any case.
const FRAMING_WORDS: &[&str] = &[
    "argue",
    "argued",
    "argues",
    "arguing",
    "argument",
    "arguments",
    "row",
    "rows",
    "rowing",
    "temper",
    "tempers",
    "angry",
    "anger",
    "trigger",
    "triggers",
    "triggered",
    "conflict",
    "conflicts",
    "fight",
    "fights",
    "fighting",
    "provoke",
    "provoked",
    "provokes",
    "provocation",
    "honest",
    "honestly",
    "honesty",
];

/// The same, as phrases (matched in any case, anywhere in a text).
const FRAMING_PHRASES: &[&str] = &[
    "both of you",
    "you both",
    "lost it",
    "lose it",
    "losing it",
    "lost control",
    "relationship problem",
    "love life",
    "wound up",
    "wound him up",
    "wound you up",
    "wind him up",
    "wind you up",
];

fn framings(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    let mut found: Vec<String> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| FRAMING_WORDS.contains(w))
        .map(str::to_owned)
        .collect();
    found.extend(
        FRAMING_PHRASES
            .iter()
            .filter(|p| lower.contains(*p))
            .map(|p| (*p).to_owned()),
    );
    found
}

/// Every string of the questionnaire definition that a person reads (ids, references and
/// enumerations skipped), with where it is.
fn questionnaire_texts() -> Vec<(String, String)> {
    common::texts::questionnaire_strings(&|k| {
        k == "id" || k == "item" || k == "section" || k == "domain" || k == "type"
    })
}

#[test]
fn no_text_frames_abuse_as_mutual_conflict_or_lost_temper() {
    let mut texts: Vec<(String, String)> = cat()
        .iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
    let questionnaire = questionnaire_texts();
    // Titles, wordings, options, guidance and red-flag explanations are all scanned.
    assert!(
        questionnaire.len() > 300,
        "too few questionnaire texts: {}",
        questionnaire.len()
    );
    assert!(
        texts.len() > 400,
        "too few catalogue texts: {}",
        texts.len()
    );
    texts.extend(questionnaire);
    let mut bad: Vec<String> = texts
        .iter()
        .filter_map(|(at, text)| {
            let found = framings(text);
            (!found.is_empty()).then(|| format!("{at} ({}): {text}", found.join(", ")))
        })
        .collect();
    bad.sort();
    assert!(
        bad.is_empty(),
        "abuse framed as mutual conflict or lost temper, or his account endorsed \
         (see docs/plain-language.md, the wording review):\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_framing_check_catches_rows_temper_triggers_and_honesty() {
    for (text, want) in [
        ("Things that happen when you argue", "argue"),
        ("Do you have a problem with rows in your love life?", "rows"),
        ("Have you ever smashed things when you were angry?", "angry"),
        (
            "Add conflict in relationships, and what triggers it",
            "conflict",
        ),
        ("Thank him for being honest", "honest"),
        ("Has he lost his temper?", "temper"),
        ("What did she do that wound you up?", "wound you up"),
    ] {
        assert!(
            framings(text).iter().any(|f| f == want),
            "{want} not caught in {text}"
        );
    }
    // Words that only contain a banned one are fine.
    for text in [
        "Thank him for telling you.",
        "Growing up, throwing things, narrow escapes, the sorrow of it",
        "Separation is one of the most dangerous times for a partner.",
    ] {
        assert!(framings(text).is_empty(), "{text}: {:?}", framings(text));
    }
}
