//! Nothing referral-facing calls a result safe, no risk or low risk.

mod common;
use common::*;

use chrono::{FixedOffset, TimeZone};
use dva_core::{
    assess, build, recommend, scoring::caveats, Answers, CompletedBy, Contacts, Level,
    SummaryHeader, SummaryInput,
};

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

fn header() -> SummaryHeader {
    SummaryHeader {
        service: "Test Service".into(),
        worker: "A Worker".into(),
        at: FixedOffset::east_opt(0)
            .and_then(|o| o.with_ymd_and_hms(2026, 11, 25, 10, 0, 0).single())
            .expect("time"),
        client_reference: "AB123".into(),
        completed_by: CompletedBy::WorkerAdministered,
    }
}

#[test]
fn no_abuse_disclosed_is_never_called_safe_anywhere() {
    let d = def();
    for answers in [baseline(&d), Answers::new()] {
        let r = assess(&d, &answers);
        assert_eq!(r.level, Level::NoAbuseDisclosed);
        let acts = recommend(&d, &r, &answers, &Contacts::default());
        let summary = build(SummaryInput {
            definition: &d,
            answers: &answers,
            assessment: &r,
            judged: None,
            actions: &acts,
            action_statuses: &[],
            header: header(),
            sharing: &[],
        });
        let text = summary.to_plain_text();
        assert_eq!(forbidden(&text), Vec::<String>::new(), "{text}");
        let json = summary.to_json().expect("json");
        assert_eq!(forbidden(&json), Vec::<String>::new());
        assert!(text.contains("No abuse disclosed in this screen"));
        assert!(text.contains("is not evidence that his partner or children are free from harm"));
    }
}

#[test]
fn level_labels_reasons_caveats_and_rules_never_say_safe() {
    let d = def();
    for l in Level::ALL {
        assert!(forbidden(l.label()).is_empty(), "{}", l.label());
    }
    for c in caveats() {
        assert!(forbidden(&c.text).is_empty(), "{}", c.text);
    }
    for r in d.red_flag_rules() {
        assert!(forbidden(&r.title).is_empty() && forbidden(&r.explanation).is_empty());
    }
}
