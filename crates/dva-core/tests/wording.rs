//! Nothing referral-facing calls a result safe, no risk or low risk.

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
