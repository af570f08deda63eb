//! Property tests: monotone scoring, no panics on any answers, judgement never hides or
//! lowers what it must not.

mod common;
use common::{cat, def, summarise};

use dva_core::{
    apply_judgement, assess, Answer, Answers, Band, CompletedBy, Definition, ItemStatus, Judgement,
    Level, Response, Source, YesNo,
};
use proptest::prelude::*;
use std::sync::OnceLock;

fn d() -> &'static Definition {
    static DEF: OnceLock<Definition> = OnceLock::new();
    DEF.get_or_init(def)
}

fn band() -> impl Strategy<Value = Band> {
    prop::sample::select(Band::ALL.to_vec())
}
fn yes_no() -> impl Strategy<Value = YesNo> {
    prop::sample::select(YesNo::ALL.to_vec())
}
fn level() -> impl Strategy<Value = Level> {
    prop::sample::select(Level::ALL.to_vec())
}

/// A valid answer (or none) for every item: the realistic space.
fn valid_answers() -> impl Strategy<Value = Answers> {
    let def = d();
    let per_item: Vec<BoxedStrategy<Option<Answer>>> = def
        .items()
        .iter()
        .map(|item| {
            let a: BoxedStrategy<Answer> = match &item.response {
                Response::Frequency => (band(), prop::option::of(yes_no()))
                    .prop_map(|(band, r)| Answer::Frequency {
                        band,
                        last_12_months: if band.is_disclosed() { r } else { None },
                    })
                    .boxed(),
                Response::YesNo => yes_no().prop_map(Answer::YesNo).boxed(),
                Response::SingleChoice { options } => {
                    prop::sample::select(options.iter().map(|o| o.id.clone()).collect::<Vec<_>>())
                        .prop_map(Answer::Choice)
                        .boxed()
                }
                Response::Scale { min, max, .. } => (*min..=*max).prop_map(Answer::Scale).boxed(),
                Response::FreeText { .. } => ".{0,40}".prop_map(Answer::Text).boxed(),
            };
            prop_oneof![
                1 => Just(None),
                1 => Just(Some(Answer::PreferNotToSay)),
                6 => a.prop_map(Some),
            ]
            .boxed()
        })
        .collect();
    per_item.prop_map(|list| {
        let def = d();
        let mut answers = Answers::new();
        for (item, a) in def.items().iter().zip(list) {
            if let Some(a) = a {
                let _ = answers.set(def, &item.id, a, Source::Worker);
            }
        }
        answers
    })
}

/// Anything at all: answers of random types to random or real ids, as a tampered draft.
fn any_answers() -> impl Strategy<Value = Answers> {
    let ids: Vec<String> = d().items().iter().map(|i| i.id.clone()).collect();
    let id = prop_oneof![prop::sample::select(ids), "[a-z.]{0,12}"];
    let answer = prop_oneof![
        (band(), prop::option::of(yes_no())).prop_map(|(band, last_12_months)| Answer::Frequency {
            band,
            last_12_months
        }),
        Just(Answer::PreferNotToSay),
        yes_no().prop_map(Answer::YesNo),
        "[a-z_]{0,12}".prop_map(Answer::Choice),
        any::<u8>().prop_map(Answer::Scale),
        ".{0,200}".prop_map(Answer::Text),
    ];
    let source = prop::sample::select(vec![
        Source::Worker,
        Source::ClientSelfCompleted,
        Source::ChangedAfterDiscussion,
    ]);
    (
        prop::collection::vec((id, answer, source), 0..80),
        prop::collection::vec(("[a-z_]{0,12}", ".{0,200}"), 0..4),
    )
        .prop_map(|(list, notes)| {
            let answers: serde_json::Map<String, serde_json::Value> = list
                .into_iter()
                .map(|(id, answer, source)| {
                    (
                        id,
                        serde_json::json!({ "answer": answer, "source": source }),
                    )
                })
                .collect();
            let notes: serde_json::Map<String, serde_json::Value> = notes
                .into_iter()
                .map(|(k, v)| (k, serde_json::Value::String(v)))
                .collect();
            serde_json::from_value(serde_json::json!({ "answers": answers, "notes": notes }))
                .unwrap_or_default()
        })
}

fn yes_no_ids() -> Vec<String> {
    d().items()
        .iter()
        .filter(|i| i.response == Response::YesNo && i.section != "setting")
        .map(|i| i.id.clone())
        .collect()
}

fn behaviour_ids() -> Vec<String> {
    d().behaviours().map(|i| i.id.clone()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn disclosing_more_never_lowers_the_level(
        answers in valid_answers(),
        which in prop::sample::select(behaviour_ids()),
        higher in band(),
        recent in prop::option::of(yes_no()),
    ) {
        let def = d();
        let before = assess(def, &answers, cat());
        let current = answers.band(def, &which);
        prop_assume!(current.is_none_or(|b| higher > b));
        prop_assume!(higher.is_disclosed());
        // A behaviour already disclosed keeps its recency: only the band goes up here.
        let recent = match answers.status(def, &which) {
            ItemStatus::Answered(Answer::Frequency { band, last_12_months }) if band.is_disclosed() => *last_12_months,
            _ => recent,
        };
        let mut more = answers.clone();
        let set = more.set(def, &which, Answer::Frequency { band: higher, last_12_months: recent }, Source::Worker);
        prop_assert!(set.is_ok());
        let after = assess(def, &more, cat());
        prop_assert!(after.level >= before.level, "{:?} -> {:?} after {} = {:?}", before.level, after.level, which, higher);
        prop_assert!(after.frequency_total >= before.frequency_total);
        for f in &before.red_flags {
            prop_assert!(after.red_flags.iter().any(|g| g.rule_id == f.rule_id));
        }
    }

    #[test]
    fn a_yes_never_lowers_the_level(
        answers in valid_answers(),
        which in prop::sample::select(yes_no_ids()),
    ) {
        let def = d();
        let before = assess(def, &answers, cat());
        let mut more = answers.clone();
        prop_assert!(more.set(def, &which, Answer::YesNo(YesNo::Yes), Source::Worker).is_ok());
        let after = assess(def, &more, cat());
        prop_assert!(after.level >= before.level, "{:?} -> {:?} after {} = yes", before.level, after.level, which);
        for f in &before.red_flags {
            prop_assert!(after.red_flags.iter().any(|g| g.rule_id == f.rule_id));
        }
    }

    #[test]
    fn no_gap_on_a_red_flag_path_leaves_the_screen_complete(answers in valid_answers()) {
        let def = d();
        let r = assess(def, &answers, cat());
        for rule in def.red_flag_rules() {
            if r.red_flags.iter().any(|f| f.rule_id == rule.id) {
                continue;
            }
            for id in rule.when.named_items() {
                let Some(item) = def.item(id) else { continue };
                let gap = match answers.status(def, id) {
                    ItemStatus::NotYetAnswered | ItemStatus::PreferNotToSay => true,
                    ItemStatus::Answered(Answer::YesNo(YesNo::NotSure)) => true,
                    // Hidden behind a gateway that is itself a gap.
                    ItemStatus::NotAsked => item.show_when.as_ref().is_some_and(|c| {
                        c.named_items().iter().any(|g| matches!(
                            answers.status(def, g),
                            ItemStatus::NotYetAnswered
                                | ItemStatus::PreferNotToSay
                                | ItemStatus::Answered(Answer::YesNo(YesNo::NotSure))
                        ))
                    }),
                    _ => false,
                };
                if gap {
                    prop_assert!(r.incomplete, "{} is a gap on {} but the screen is complete", id, rule.id);
                }
            }
        }
        if r.follow_up.is_empty() {
            prop_assert!(!r.incomplete);
        }
    }

    #[test]
    fn no_answers_make_anything_panic(answers in any_answers()) {
        let def = d();
        let r = assess(def, &answers, cat());
        let (acts, s) = summarise(def, &answers, &r, None, CompletedBy::ClientSelfCompleted);
        let text = s.to_plain_text(cat());
        prop_assert!(text.contains(r.level.label(cat())));
        // Every word came from the catalogue: no key is ever shown instead of its text.
        prop_assert!(!text.contains("core."), "a raw catalogue key in {}", text);
        prop_assert!(s.to_json().is_ok());
        prop_assert!(acts.iter().any(|a| a.id == "specialist_referral"));
    }

    #[test]
    fn judgement_never_hides_the_computed_level(
        answers in valid_answers(),
        judged in level(),
        reason in ".{0,20}",
    ) {
        let def = d();
        let r = assess(def, &answers, cat());
        let j = Judgement { level: judged, reason: reason.clone(), lead: "Sam Lead".into() };
        match apply_judgement(&r, &j) {
            Ok(result) => {
                prop_assert_eq!(result.computed(), r.level);
                prop_assert_eq!(result.judged(), judged);
                if judged != r.level {
                    prop_assert!(!reason.trim().is_empty());
                }
                // Never a false "no abuse disclosed" after a disclosure.
                if r.abuse_disclosed() {
                    prop_assert!(judged > Level::NoAbuseDisclosed || r.level == Level::NoAbuseDisclosed);
                }
                if r.has_red_flag() {
                    prop_assert!(result.judged() >= Level::HighRisk);
                }
                let (_, s) = summarise(def, &answers, &r, Some(&result), CompletedBy::ClientSelfCompleted);
                prop_assert_eq!(s.level.computed, r.level);
                let want = format!("Computed from the answers: {}", r.level.label(cat()));
                prop_assert!(s.to_plain_text(cat()).contains(&want));
            }
            Err(_) => prop_assert!(judged != r.level),
        }
    }

    #[test]
    fn a_red_flag_level_can_never_be_lowered(
        answers in valid_answers(),
        judged in level(),
        reason in "[a-z ]{1,20}",
    ) {
        let def = d();
        let r = assess(def, &answers, cat());
        prop_assume!(r.has_red_flag());
        prop_assert_eq!(r.level, Level::HighRisk);
        let res = apply_judgement(&r, &Judgement { level: judged, reason, lead: "Sam Lead".into() });
        if judged < Level::HighRisk {
            prop_assert!(res.is_err());
        }
    }
}

#[test]
fn huge_text_does_not_panic_and_stays_verbatim() {
    let def = d();
    let mut a = Answers::new();
    let huge = "ä\u{0}\r\n<b>".repeat(250_000);
    a.set_note(def, "behaviours", huge.clone()).expect("note");
    let r = assess(def, &a, cat());
    let (_, s) = summarise(def, &a, &r, None, CompletedBy::ClientSelfCompleted);
    assert!(s.to_plain_text(cat()).contains(&huge));
}

/// The builtin definition with every optional section switched off, as a service may set it.
fn d_off() -> &'static Definition {
    static DEF: OnceLock<Definition> = OnceLock::new();
    DEF.get_or_init(|| {
        let mut def = def();
        let ids: Vec<String> = def.optional_sections().map(|s| s.id.clone()).collect();
        assert!(
            !ids.is_empty(),
            "the builtin has an optional section to test"
        );
        def.switch_off(&ids).expect("optional sections switch off");
        def
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// A service that does not ask an optional section gets the same level, red flags, gaps
    /// and actions as one whose worker asked it and recorded any answers at all.
    #[test]
    fn switching_an_optional_section_off_never_changes_the_level_flags_or_actions(
        answers in valid_answers(),
    ) {
        let (on, off) = (d(), d_off());
        let mut unasked = answers.clone();
        for item in off.items().iter().filter(|i| off.is_switched_off(i)) {
            unasked.clear(&item.id);
        }
        let full = assess(on, &answers, cat());
        let without = assess(off, &unasked, cat());
        prop_assert_eq!(full.level, without.level);
        prop_assert_eq!(full.incomplete, without.incomplete);
        let ids = |r: &dva_core::Assessment| r.red_flags.iter().map(|f| f.rule_id.clone()).collect::<Vec<_>>();
        prop_assert_eq!(ids(&full), ids(&without));
        // The questions not asked are no gaps to follow up; every other gap stays.
        let follow = |r: &dva_core::Assessment| r.follow_up.iter()
            .filter(|f| off.item(&f.item_id).is_none_or(|i| !off.is_switched_off(i)))
            .map(|f| format!("{f:?}")).collect::<Vec<_>>();
        prop_assert_eq!(follow(&full), follow(&without));
        prop_assert_eq!(follow(&without).len(), without.follow_up.len());
        let (a_full, _) = summarise(on, &answers, &full, None, CompletedBy::WorkerAdministered);
        let (a_off, s_off) = summarise(off, &unasked, &without, None, CompletedBy::WorkerAdministered);
        let act = |a: &[dva_core::Action]| a.iter().map(|x| (x.id.clone(), x.urgency)).collect::<Vec<_>>();
        prop_assert_eq!(act(&a_full), act(&a_off));
        prop_assert!(without.caveats.iter().any(|c| c.id == "sections_not_asked"));
        prop_assert!(!s_off.switched_off.is_empty());
    }
}

#[test]
fn only_sections_no_risk_rule_reads_can_be_switched_off() {
    let mut def = def();
    let optional: Vec<&str> = def.optional_sections().map(|s| s.id.as_str()).collect();
    assert_eq!(optional, ["readiness"]);
    for must_ask in [
        "behaviours",
        "children",
        "own_safety",
        "substance_use",
        "setting",
    ] {
        assert_eq!(
            def.switch_off(&[must_ask.into()]),
            Err(vec![must_ask.to_string()])
        );
    }
    assert_eq!(def.switched_off().count(), 0, "a refusal changes nothing");
}

#[test]
fn a_switched_off_question_answered_in_an_earlier_draft_stays_on_the_record() {
    let mut def = def();
    def.switch_off(&["readiness".into()]).unwrap();
    let stage = def.item("ready.stage").unwrap();
    let observation = def.item("ready.observation").unwrap();
    let mut answers = Answers::new();
    assert!(!def.is_shown(stage, &answers), "not asked");
    assert!(
        def.is_shown(observation, &answers),
        "the worker's own record is still asked"
    );
    answers
        .set(
            &def,
            "ready.stage",
            Answer::Choice("thinking".into()),
            Source::Worker,
        )
        .unwrap();
    assert!(
        def.is_shown(stage, &answers),
        "an answer given is never dropped"
    );
}
