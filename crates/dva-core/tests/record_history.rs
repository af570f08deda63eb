//! Issue 11: nothing disclosed is lost, a raised red flag stands, and his account reads as his.
//! Property tests over random sequences of answers, as a worker and a client would give them.

mod common;
use common::{cat, def, summarise};

use dva_core::{
    assess, Answer, Answers, Band, CompletedBy, Definition, FlagStatus, LeadDecision, Level,
    Response, Source, YesNo,
};
use proptest::prelude::*;
use std::sync::OnceLock;

fn d() -> &'static Definition {
    static DEF: OnceLock<Definition> = OnceLock::new();
    DEF.get_or_init(def)
}

/// One step of a screening: an item, an answer valid for it, and who gave it.
fn step() -> impl Strategy<Value = (usize, u8, u8, bool)> {
    (
        0..d().items().len(),
        any::<u8>(),
        any::<u8>(),
        any::<bool>(),
    )
}

/// A valid answer for the item from two random bytes (text is short and plain).
fn answer_for(item: usize, a: u8, b: u8) -> Answer {
    let item = &d().items()[item];
    match &item.response {
        Response::Frequency => {
            let band = Band::ALL[a as usize % Band::ALL.len()];
            Answer::Frequency {
                band,
                last_12_months: band
                    .is_disclosed()
                    .then(|| YesNo::ALL[b as usize % YesNo::ALL.len()]),
            }
        }
        Response::YesNo => Answer::YesNo(YesNo::ALL[a as usize % YesNo::ALL.len()]),
        Response::SingleChoice { options } => {
            Answer::Choice(options[a as usize % options.len()].id.clone())
        }
        Response::Scale { min, max, .. } => Answer::Scale(min + a % (max - min + 1)),
        Response::FreeText { .. } => Answer::Text(format!("words {a}")),
    }
}

fn play(steps: &[(usize, u8, u8, bool)]) -> (Answers, Vec<String>) {
    let def = d();
    let mut answers = Answers::new();
    let mut ever_raised: Vec<String> = Vec::new();
    for (i, (item, a, b, client)) in steps.iter().enumerate() {
        let item_id = &def.items()[*item].id;
        let source = if *client && !def.items()[*item].worker_only {
            Source::ClientSelfCompleted
        } else {
            Source::Worker
        };
        if i % 7 == 6 {
            answers.clear_by(item_id, source, "10:00");
        } else {
            let _ = answers.set_at(def, item_id, answer_for(*item, *a, *b), source, "10:00");
        }
        for f in assess(def, &answers, cat()).red_flags {
            if !ever_raised.contains(&f.rule_id) {
                ever_raised.push(f.rule_id);
            }
        }
    }
    (answers, ever_raised)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20))]

    /// A red flag raised at any moment stands at the end, whatever was changed or cleared
    /// after, until the safeguarding lead's decision is recorded; then it is listed as set
    /// aside, never dropped.
    #[test]
    fn a_flag_raised_at_any_point_stands(steps in prop::collection::vec(step(), 1..40)) {
        let def = d();
        let (mut answers, ever) = play(&steps);
        let r = assess(def, &answers, cat());
        for id in &ever {
            prop_assert!(r.red_flags.iter().any(|f| &f.rule_id == id), "{id} was raised and is gone");
        }
        if !ever.is_empty() {
            prop_assert_eq!(r.level, Level::HighRisk);
        }
        for f in r.red_flags.iter().filter(|f| f.status == FlagStatus::RaisedThenChanged) {
            answers
                .set_aside_flag(&f.rule_id, LeadDecision {
                    lead: "Sam Lead".into(),
                    reason: "Entered by mistake".into(),
                    at: String::new(),
                })
                .unwrap();
        }
        let after = assess(def, &answers, cat());
        for id in &ever {
            let standing = after.red_flags.iter().any(|f| &f.rule_id == id);
            let set_aside = after.set_aside_flags.iter().any(|f| &f.rule_id == id);
            prop_assert!(standing || set_aside, "{id} vanished");
        }
        prop_assert!(after.red_flags.iter().all(|f| f.status == FlagStatus::Raised));
    }

    /// Every answer that was replaced or cleared is printed in the summary's changes, with
    /// the words of what it was.
    #[test]
    fn every_changed_answer_is_in_the_summary(steps in prop::collection::vec(step(), 1..40)) {
        let def = d();
        let (answers, _) = play(&steps);
        let r = assess(def, &answers, cat());
        let (_, summary) = summarise(def, &answers, &r, None, CompletedBy::WorkerAdministered);
        let changes: Vec<_> = answers.changes().collect();
        prop_assert_eq!(changes.len(), summary.changes.len());
        let text = summary.to_plain_text(cat());
        for (c, line) in changes.iter().zip(&summary.changes) {
            let item = def.item(&c.item_id).unwrap();
            let before = dva_core::answer_text(item, &c.before.as_ref().unwrap().answer, cat());
            prop_assert!(line.contains(&before), "{line} lacks {before}");
            prop_assert!(text.contains(line.as_str()));
        }
    }

    /// No summary states an answer about his partner or the children as fact: every answered
    /// line of those sections says it is what he says.
    #[test]
    fn his_account_is_always_attributed(steps in prop::collection::vec(step(), 1..40)) {
        let def = d();
        let (answers, _) = play(&steps);
        let r = assess(def, &answers, cat());
        let (_, summary) = summarise(def, &answers, &r, None, CompletedBy::WorkerAdministered);
        let he_says = cat().fill("core.summary.he_says", &[("answer", "")]);
        let lines = summary
            .sections
            .iter()
            .filter(|s| dva_core::summary::HIS_ACCOUNT_SECTIONS.contains(&s.section_id.as_str()))
            .flat_map(|s| s.lines.iter())
            .chain(summary.red_flags.iter().flat_map(|f| f.answers.iter()));
        for l in lines {
            let item = def.item(&l.item_id).unwrap();
            if l.answered && !item.worker_only && dva_core::summary::HIS_ACCOUNT_SECTIONS.contains(&item.section.as_str()) {
                prop_assert!(l.answer.starts_with(he_says.trim_end()), "{}: {}", l.label, l.answer);
            }
        }
    }
}

#[test]
fn a_client_answer_changed_by_the_worker_is_kept_with_who_and_when() {
    let def = d();
    let mut a = Answers::new();
    let once = Answer::Frequency {
        band: Band::Once,
        last_12_months: Some(YesNo::Yes),
    };
    let never = Answer::Frequency {
        band: Band::Never,
        last_12_months: None,
    };
    a.set_at(
        def,
        "b.throat_grab",
        once,
        Source::ClientSelfCompleted,
        "14:20",
    )
    .unwrap();
    a.set_at(def, "b.throat_grab", never, Source::Worker, "14:32")
        .unwrap();
    let r = assess(def, &a, cat());
    let flag = r
        .red_flags
        .iter()
        .find(|f| f.item_ids.contains(&"b.throat_grab".to_owned()))
        .expect("the strangulation flag stands");
    assert_eq!(flag.status, FlagStatus::RaisedThenChanged);
    assert_eq!(r.level, Level::HighRisk);
    let (_, s) = summarise(def, &a, &r, None, CompletedBy::PartlySelfCompleted);
    let text = s.to_plain_text(cat());
    assert!(
        text.contains("first answered \u{201c}Once; in the last 12 months: yes\u{201d} (self-completed); changed to \u{201c}Never\u{201d} by the worker, after discussion, 14:32"),
        "{text}"
    );
    assert!(text.contains("stands until the safeguarding lead agrees otherwise"));
    let json = s.to_json().unwrap();
    assert!(
        json.contains("raised_then_changed") && json.contains("14:32"),
        "{json}"
    );
}

#[test]
fn typing_is_one_change_not_one_per_key() {
    let def = d();
    let mut a = Answers::new();
    a.set(
        def,
        "b.words_worst",
        Answer::Text("He".into()),
        Source::Worker,
    )
    .unwrap();
    a.set(
        def,
        "b.words_worst",
        Answer::Text("He said".into()),
        Source::Worker,
    )
    .unwrap();
    assert_eq!(
        a.changes().count(),
        0,
        "a first answer typed is not a change"
    );
    a.set(
        def,
        "set.interpreter",
        Answer::Choice("none".into()),
        Source::Worker,
    )
    .unwrap();
    a.set(
        def,
        "b.words_worst",
        Answer::Text("He sa".into()),
        Source::Worker,
    )
    .unwrap();
    a.set(
        def,
        "b.words_worst",
        Answer::Text("He s".into()),
        Source::Worker,
    )
    .unwrap();
    let changes: Vec<_> = a.changes().collect();
    assert_eq!(changes.len(), 1);
    assert_eq!(
        changes[0].after.as_ref().map(|r| &r.answer),
        Some(&Answer::Text("He s".into()))
    );
}

#[test]
fn a_lead_decision_needs_a_name_and_a_reason() {
    let mut a = Answers::new();
    let blank = |lead: &str, reason: &str| LeadDecision {
        lead: lead.into(),
        reason: reason.into(),
        at: String::new(),
    };
    assert!(a.set_aside_flag("rf.x", blank(" ", "why")).is_err());
    assert!(a.set_aside_flag("rf.x", blank("Sam", "")).is_err());
    assert!(a.set_aside_flag("rf.x", blank("Sam", "why")).is_ok());
}

#[test]
fn observation_and_third_party_print_under_their_own_headings() {
    let def = d();
    let mut a = Answers::new();
    a.set(
        def,
        "ready.observation",
        Answer::Text("Raised voice about her".into()),
        Source::Worker,
    )
    .unwrap();
    a.set(
        def,
        "ready.third_party",
        Answer::Text("Police log: callout in May".into()),
        Source::Worker,
    )
    .unwrap();
    let r = assess(def, &a, cat());
    let (_, s) = summarise(def, &a, &r, None, CompletedBy::WorkerAdministered);
    let text = s.to_plain_text(cat());
    let obs = text
        .find("WHAT THE WORKER SAW OR HEARD")
        .expect("observation heading");
    let tp = text
        .find("THIRD-PARTY INFORMATION")
        .expect("third-party heading");
    assert!(text[obs..].contains("Raised voice about her"));
    assert!(text[tp..].contains("do not disclose to him"));
    assert!(text[tp..].contains("Police log: callout in May"));
    let readiness = s
        .sections
        .iter()
        .find(|x| x.section_id == "readiness")
        .unwrap();
    assert!(readiness
        .lines
        .iter()
        .all(|l| l.item_id != "ready.observation" && l.item_id != "ready.third_party"));
}
