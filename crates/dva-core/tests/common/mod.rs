#![allow(dead_code)]
//! Shared helpers for the integration tests: a story-like way to answer questions, and the
//! pipeline from an assessment to its referral summary.

use std::sync::OnceLock;

use chrono::{FixedOffset, TimeZone};
use dva_core::{
    assess, build, builtin, recommend, Action, Answer, Answers, Assessment, Band, Catalogue,
    CompletedBy, Contacts, Definition, JudgedLevel, Response, Source, Summary, SummaryHeader,
    SummaryInput, YesNo,
};

pub mod texts;

/// The shell's English catalogue, which holds the core's words (`core.*` keys).
pub const EN_GB: &str = include_str!("../../../../locales/en-GB.json");

/// The English catalogue, parsed once.
pub fn cat() -> &'static Catalogue {
    static CAT: OnceLock<Catalogue> = OnceLock::new();
    CAT.get_or_init(|| Catalogue::parse(EN_GB).expect("locales/en-GB.json is valid"))
}

pub fn def() -> Definition {
    match builtin() {
        Ok(d) => d,
        Err(e) => panic!("built-in definition invalid: {e:?}"),
    }
}

/// Every shown item answered with "never", "no" or the first option; privacy and consent yes.
pub fn baseline(def: &Definition) -> Answers {
    let mut a = Answers::new();
    for item in def.items() {
        let answer = match &item.response {
            Response::Frequency => Answer::Frequency {
                band: Band::Never,
                last_12_months: None,
            },
            Response::YesNo => Answer::YesNo(YesNo::No),
            Response::SingleChoice { options } => {
                Answer::Choice(options.first().map(|o| o.id.clone()).unwrap_or_default())
            }
            Response::Scale { min, .. } => Answer::Scale(*min),
            Response::FreeText { .. } => Answer::Text("alcohol".into()),
        };
        set(def, &mut a, &item.id, answer);
    }
    for id in ["set.alone", "set.confidentiality", "set.consent"] {
        yes(def, &mut a, id);
    }
    a
}

pub fn set(def: &Definition, a: &mut Answers, id: &str, answer: Answer) {
    if let Err(e) = a.set(def, id, answer, Source::Worker) {
        panic!("could not set {id}: {e}");
    }
}

pub fn yes(def: &Definition, a: &mut Answers, id: &str) {
    set(def, a, id, Answer::YesNo(YesNo::Yes));
}

pub fn choose(def: &Definition, a: &mut Answers, id: &str, option: &str) {
    set(def, a, id, Answer::Choice(option.into()));
}

pub fn disclose(def: &Definition, a: &mut Answers, id: &str, band: Band, recent: Option<YesNo>) {
    set(
        def,
        a,
        id,
        Answer::Frequency {
            band,
            last_12_months: recent,
        },
    );
}

pub fn once(def: &Definition, a: &mut Answers, id: &str) {
    disclose(def, a, id, Band::Once, Some(YesNo::No));
}

/// A summary header with fixed details: the tests that use it look at what the answers put in a
/// summary, never at the header, so one header serves them all. `completed_by` varies because
/// it changes how answers are marked.
pub fn header(completed_by: CompletedBy) -> SummaryHeader {
    SummaryHeader {
        service: "Test Service".into(),
        worker: "A Worker".into(),
        at: FixedOffset::east_opt(0)
            .and_then(|o| o.with_ymd_and_hms(2026, 11, 25, 10, 0, 0).single())
            .expect("time"),
        client_reference: "AB123".into(),
        completed_by,
    }
}

/// The baseline answers changed by `setup`, and their assessment: the start of most tests.
pub fn after(setup: impl Fn(&Definition, &mut Answers)) -> (Definition, Answers, Assessment) {
    let d = def();
    let mut a = baseline(&d);
    setup(&d, &mut a);
    let r = assess(&d, &a, cat());
    (d, a, r)
}

/// The actions recommended for the computed level, with the default (England) contacts.
pub fn actions(d: &Definition, a: &Answers, r: &Assessment) -> Vec<Action> {
    recommend(d, r, a, &Contacts::default(), cat())
}

/// The input of `build` for these results, with the fixed header and no action statuses or
/// sharing decisions; a test that needs them sets them with struct update syntax.
pub fn input<'a>(
    def: &'a Definition,
    answers: &'a Answers,
    assessment: &'a Assessment,
    judged: Option<&'a JudgedLevel>,
    actions: &'a [Action],
    completed_by: CompletedBy,
) -> SummaryInput<'a> {
    SummaryInput {
        definition: def,
        answers,
        assessment,
        judged,
        actions,
        action_statuses: &[],
        header: header(completed_by),
        sharing: &[],
        catalogue: cat(),
    }
}

/// The rest of the pipeline after `assess`: the recommended actions for the computed level and
/// the referral summary built from them, with no action statuses or sharing decisions. The
/// actions are returned too, for tests that look at both. (The snapshots print actions for a
/// judged level and build their own.)
pub fn summarise(
    def: &Definition,
    answers: &Answers,
    assessment: &Assessment,
    judged: Option<&JudgedLevel>,
    completed_by: CompletedBy,
) -> (Vec<Action>, Summary) {
    let actions = actions(def, answers, assessment);
    let summary = build(input(
        def,
        answers,
        assessment,
        judged,
        &actions,
        completed_by,
    ));
    (actions, summary)
}
