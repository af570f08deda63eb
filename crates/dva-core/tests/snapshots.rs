//! Snapshot tests of the plain-text summary. Compared exactly with the files in
//! tests/snapshots/; regenerate with `UPDATE_SNAPSHOTS=1 cargo test -p dva-core`.

mod common;
use common::*;

use chrono::{FixedOffset, TimeZone};
use dva_core::{
    apply_judgement, assess, build, recommend_judged, ActionState, ActionStatus, Answer, Answers,
    Band, CompletedBy, Consent, Contacts, Judgement, Level, SharingDecision, Source, SummaryHeader,
    SummaryInput, YesNo,
};

fn header(completed_by: CompletedBy) -> SummaryHeader {
    SummaryHeader {
        service: "Riverside Recovery Service".into(),
        worker: "J. Keyworker".into(),
        at: FixedOffset::east_opt(3600)
            .and_then(|o| o.with_ymd_and_hms(2026, 11, 25, 14, 30, 0).single())
            .expect("fixed time"),
        client_reference: "RR-0042".into(),
        completed_by,
    }
}

fn check(name: &str, actual: &str) {
    let path = format!("{}/tests/snapshots/{name}.txt", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, actual).expect("write snapshot");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("missing snapshot {path}; run with UPDATE_SNAPSHOTS=1"));
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(e, a)| e != a)
            .unwrap_or(expected.lines().count().min(actual.lines().count()));
        panic!(
            "snapshot {name} differs at line {}\nexpected: {:?}\nactual:   {:?}\n(run with UPDATE_SNAPSHOTS=1 to accept)",
            first + 1,
            expected.lines().nth(first),
            actual.lines().nth(first)
        );
    }
}

fn render(
    answers: &Answers,
    judgement: Option<Judgement>,
    statuses: &[ActionStatus],
    sharing: &[SharingDecision],
    completed_by: CompletedBy,
) -> String {
    let d = def();
    let r = assess(&d, answers, cat());
    let judged = judgement.map(|j| apply_judgement(&r, &j).expect("judgement accepted"));
    let acts = recommend_judged(
        &d,
        &r,
        judged.as_ref(),
        answers,
        &Contacts::default(),
        cat(),
    );
    build(SummaryInput {
        action_statuses: statuses,
        header: header(completed_by),
        sharing,
        ..input(&d, answers, &r, judged.as_ref(), &acts, completed_by)
    })
    .to_plain_text(cat())
}

#[test]
fn no_disclosure() {
    let d = def();
    let mut a = baseline(&d);
    a.set_note(
        &d,
        "behaviours",
        "We row sometimes but I'd never touch her.".into(),
    )
    .expect("note");
    let text = render(&a, None, &[], &[], CompletedBy::WorkerAdministered);
    assert!(text.contains("Level of concern: No abuse disclosed in this screen"));
    check("no_disclosure", &text);
}

#[test]
fn single_red_flag_with_little_else() {
    let d = def();
    let mut a = baseline(&d);
    for item in d.behaviours() {
        a.set(
            &d,
            &item.id,
            Answer::Frequency {
                band: Band::Never,
                last_12_months: None,
            },
            Source::ClientSelfCompleted,
        )
        .expect("self-completed");
    }
    a.set(
        &d,
        "b.throat_grab",
        Answer::Frequency {
            band: Band::Once,
            last_12_months: Some(YesNo::Yes),
        },
        Source::ClientSelfCompleted,
    )
    .expect("self-completed");
    // Went through it with him: he said it was more than once.
    set(
        &d,
        &mut a,
        "b.throat_grab",
        Answer::Frequency {
            band: Band::TwoToTen,
            last_12_months: Some(YesNo::Yes),
        },
    );
    set(&d, &mut a, "b.sexual_pressure", Answer::PreferNotToSay);
    a.set_note(
        &d,
        "behaviours",
        "\"Only grabbed her neck to calm her down, it wasn't hard.\"".into(),
    )
    .expect("note");
    let sharing = [SharingDecision {
        with_whom: "Safeguarding lead (M. Lead)".into(),
        consent: Consent::NotAsked,
        shared: true,
        reason: "Red flag: non-fatal strangulation. Serious risk to his partner.".into(),
    }];
    let statuses = [ActionStatus {
        action_id: "safeguarding_lead".into(),
        state: ActionState::Done,
        note: "Discussed with M. Lead at 15:10.".into(),
    }];
    let text = render(
        &a,
        None,
        &statuses,
        &sharing,
        CompletedBy::ClientSelfCompleted,
    );
    assert!(text.contains("Level of concern: High risk: act today"));
    assert!(text.contains("[changed after discussion]"));
    check("single_red_flag", &text);
}

#[test]
fn children_present_with_repeated_violence() {
    let d = def();
    let mut a = baseline(&d);
    yes(&d, &mut a, "rel.current_partner");
    yes(&d, &mut a, "rel.living_together");
    disclose(
        &d,
        &mut a,
        "b.shouting",
        Band::MoreThanTwenty,
        Some(YesNo::Yes),
    );
    disclose(
        &d,
        &mut a,
        "b.name_calling",
        Band::ElevenToTwenty,
        Some(YesNo::Yes),
    );
    disclose(
        &d,
        &mut a,
        "b.pushing",
        Band::ElevenToTwenty,
        Some(YesNo::Yes),
    );
    disclose(
        &d,
        &mut a,
        "b.grabbing_shaking",
        Band::TwoToTen,
        Some(YesNo::Yes),
    );
    disclose(
        &d,
        &mut a,
        "b.slapping",
        Band::TwoToTen,
        Some(YesNo::NotSure),
    );
    yes(&d, &mut a, "children.any");
    yes(&d, &mut a, "children.present");
    yes(&d, &mut a, "children.social_care");
    yes(&d, &mut a, "impact.police");
    choose(&d, &mut a, "impact.afraid", "a_little");
    set(
        &d,
        &mut a,
        "subst.main",
        Answer::Text("Alcohol (about 2 litres of cider a day)".into()),
    );
    yes(&d, &mut a, "subst.before_during");
    yes(&d, &mut a, "self.victim");
    choose(&d, &mut a, "ready.stage", "thinking");
    set(&d, &mut a, "ready.importance", Answer::Scale(7));
    set(&d, &mut a, "ready.confidence", Answer::Scale(4));
    yes(&d, &mut a, "ready.acknowledges");
    yes(&d, &mut a, "ready.attend");
    a.set_note(
        &d,
        "children",
        "The kids were upstairs. They heard it all, I know they did.".into(),
    )
    .expect("note");
    let judgement = Judgement {
        level: Level::HighRisk,
        reason: "Violence is repeated and recent, with children present; partner reported by police as frightened.".into(),
        lead: String::new(),
    };
    let sharing = [
        SharingDecision {
            with_whom: "Children's social care".into(),
            consent: Consent::NotGiven,
            shared: true,
            reason: "Children present during repeated violence: risk to a child.".into(),
        },
        SharingDecision {
            with_whom: "GP".into(),
            consent: Consent::NotGiven,
            shared: false,
            reason: "Not needed to manage the risk.".into(),
        },
    ];
    let text = render(
        &a,
        Some(judgement),
        &[],
        &sharing,
        CompletedBy::WorkerAdministered,
    );
    assert!(text.contains("Computed from the answers: High risk: act today"));
    // Chronic violence with children there reaches High without a named flag (2.0.0).
    assert!(text.contains("Red flag: Repeated physical violence"));
    assert!(text.contains("Professional judgement: High risk: act today"));
    check("children_repeated_violence", &text);
}
