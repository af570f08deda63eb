//! The answers store and the recommended actions.

mod common;
use common::*;

use dva_core::{
    apply_judgement, assess, recommend_judged, Answer, AnswerError, Answers, Band, ContactRole,
    Contacts, Judgement, Level, Source, Urgency, YesNo,
};

#[test]
fn answers_of_the_wrong_type_are_refused_as_values() {
    let d = def();
    let mut a = Answers::new();
    let wrong = a.set(&d, "b.pushing", Answer::YesNo(YesNo::Yes), Source::Worker);
    assert!(matches!(wrong, Err(AnswerError::WrongType { .. })));
    let unknown = a.set(&d, "b.nothing", Answer::PreferNotToSay, Source::Worker);
    assert_eq!(unknown, Err(AnswerError::UnknownItem("b.nothing".into())));
    let option = a.set(
        &d,
        "impact.afraid",
        Answer::Choice("terrified".into()),
        Source::Worker,
    );
    assert!(matches!(option, Err(AnswerError::UnknownOption { .. })));
    let scale = a.set(&d, "ready.importance", Answer::Scale(11), Source::Worker);
    assert!(matches!(scale, Err(AnswerError::OutOfRange { .. })));
    let long = a.set(
        &d,
        "subst.main",
        Answer::Text("x".repeat(501)),
        Source::Worker,
    );
    assert!(matches!(long, Err(AnswerError::TooLong { .. })));
    let recency = a.set(
        &d,
        "b.pushing",
        Answer::Frequency {
            band: Band::Never,
            last_12_months: Some(YesNo::Yes),
        },
        Source::Worker,
    );
    assert!(matches!(
        recency,
        Err(AnswerError::RecencyWithoutDisclosure { .. })
    ));
    let client = a.set(
        &d,
        "ready.challenge",
        Answer::YesNo(YesNo::Yes),
        Source::ClientSelfCompleted,
    );
    assert!(matches!(client, Err(AnswerError::WorkerOnly { .. })));
    assert_eq!(a, Answers::new(), "nothing stored");
    assert!(a.set_note(&d, "nowhere", "x".into()).is_err());
}

#[test]
fn free_text_and_notes_are_kept_verbatim() {
    let d = def();
    let mut a = Answers::new();
    let text = "  spirits <script>alert(1)</script>\n\tand \"weed\"  ";
    set(&d, &mut a, "subst.main", Answer::Text(text.into()));
    a.set_note(&d, "behaviours", "  \"She winds me up,\" he said.  ".into())
        .expect("note");
    assert_eq!(
        a.get("subst.main").map(|r| &r.answer),
        Some(&Answer::Text(text.into()))
    );
    assert_eq!(
        a.note("behaviours"),
        Some("  \"She winds me up,\" he said.  ")
    );
    let json = serde_json::to_string(&a).expect("serialise");
    let back: Answers = serde_json::from_str(&json).expect("deserialise");
    assert_eq!(back, a);
}

#[test]
fn provenance_records_self_completion_and_changes_after_discussion() {
    let d = def();
    let mut a = Answers::new();
    let never = Answer::Frequency {
        band: Band::Never,
        last_12_months: None,
    };
    let once = Answer::Frequency {
        band: Band::Once,
        last_12_months: Some(YesNo::Yes),
    };
    a.set(&d, "b.pushing", never.clone(), Source::ClientSelfCompleted)
        .expect("client");
    a.set(&d, "b.slapping", never.clone(), Source::ClientSelfCompleted)
        .expect("client");
    assert_eq!(
        a.get("b.pushing").map(|r| r.source),
        Some(Source::ClientSelfCompleted)
    );
    a.set(&d, "b.pushing", once, Source::Worker)
        .expect("worker");
    assert_eq!(
        a.get("b.pushing").map(|r| r.source),
        Some(Source::ChangedAfterDiscussion)
    );
    // Confirming the same answer keeps it marked as self-completed.
    a.set(&d, "b.slapping", never, Source::Worker)
        .expect("worker");
    assert_eq!(
        a.get("b.slapping").map(|r| r.source),
        Some(Source::ClientSelfCompleted)
    );
}

#[test]
fn answer_json_shape_is_stable() {
    let json = serde_json::to_string(&Answer::Frequency {
        band: Band::TwoToTen,
        last_12_months: Some(YesNo::NotSure),
    })
    .expect("json");
    assert_eq!(
        json,
        r#"{"type":"frequency","value":{"band":"2_10","last_12_months":"not_sure"}}"#
    );
    assert_eq!(
        serde_json::to_string(&Answer::YesNo(YesNo::Yes)).expect("json"),
        r#"{"type":"yes_no","value":"yes"}"#
    );
}

#[test]
fn stops_when_privacy_consent_or_interpreter_fail() {
    let d = def();
    let mut a = baseline(&d);
    assert!(d.stops(&a).is_empty());
    set(&d, &mut a, "set.alone", Answer::YesNo(YesNo::No));
    choose(&d, &mut a, "set.interpreter", "family_or_friend");
    let stops: Vec<String> = d.stops(&a).into_iter().map(|s| s.item_id).collect();
    assert_eq!(stops, ["set.alone", "set.interpreter"]);
}

fn actions_for(setup: impl Fn(&dva_core::Definition, &mut Answers)) -> Vec<dva_core::Action> {
    let (d, a, r) = after(setup);
    actions(&d, &a, &r)
}

fn find<'a>(actions: &'a [dva_core::Action], id: &str) -> Option<&'a dva_core::Action> {
    actions.iter().find(|a| a.id == id)
}

#[test]
fn specialist_referral_is_always_available() {
    let none = actions_for(|_, _| {});
    let referral = find(&none, "specialist_referral").expect("always present");
    assert!(referral
        .what_to_do
        .contains("available if concerns arise or on your professional judgement"));
    assert_eq!(referral.urgency, Urgency::AtNextReview);
    let some = actions_for(|d, a| once(d, a, "b.shouting"));
    assert_eq!(
        find(&some, "specialist_referral").map(|a| a.urgency),
        Some(Urgency::ThisWeek)
    );
}

#[test]
fn no_disclosure_gives_no_partner_or_safeguarding_actions() {
    let none = actions_for(|_, _| {});
    let ids: Vec<&str> = none.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["specialist_referral"]);
}

#[test]
fn high_risk_means_safeguarding_lead_and_marac_today() {
    let acts = actions_for(|d, a| once(d, a, "b.strangling"));
    for id in [
        "safeguarding_lead",
        "consider_marac",
        "partner_support",
        "respect_phoneline",
    ] {
        assert_eq!(
            find(&acts, id).map(|a| a.urgency),
            Some(Urgency::Today),
            "{id}"
        );
    }
    let marac = find(&acts, "consider_marac").expect("marac");
    assert!(marac.what_to_do.contains("IDVA"));
    assert!(marac.because.item_ids.contains(&"b.strangling".to_string()));
    assert!(
        find(&acts, "call_police").is_none(),
        "not in the last 12 months"
    );
    assert!(find(&acts, "care_plan").is_some());
}

#[test]
fn recent_threat_to_kill_means_police_now() {
    let acts = actions_for(|d, a| disclose(d, a, "b.threat_kill", Band::Once, Some(YesNo::Yes)));
    let police = find(&acts, "call_police").expect("police");
    assert_eq!(police.urgency, Urgency::Now);
    assert_eq!(police.contacts[0].detail, "999");
    assert_eq!(acts[0].id, "call_police", "most urgent first");
}

#[test]
fn partner_support_never_has_the_keyworker_contact_her() {
    let acts = actions_for(|d, a| once(d, a, "b.name_calling"));
    let p = find(&acts, "partner_support").expect("partner support");
    assert!(p
        .what_to_do
        .contains("Do not contact his partner about what he has told you yourself"));
    assert_eq!(p.urgency, Urgency::ThisWeek);
    assert!(p
        .contacts
        .iter()
        .any(|c| c.role == ContactRole::NationalHelpline && c.detail == "0808 2000 247"));
}

/// Outside England the text must not send her to England's helpline: it points at the one
/// listed, which is the region's own.
#[test]
fn partner_support_names_no_other_nation_s_helpline() {
    let d = def();
    let mut a = baseline(&d);
    once(&d, &mut a, "b.name_calling");
    let r = dva_core::assess(&d, &a, cat());
    for region in [
        dva_core::Region::Wales,
        dva_core::Region::Scotland,
        dva_core::Region::NorthernIreland,
    ] {
        let acts = dva_core::recommend(&d, &r, &a, &dva_core::Contacts::for_region(region), cat());
        let p = find(&acts, "partner_support").expect("partner support");
        assert!(
            !p.what_to_do.contains("National Domestic Abuse Helpline"),
            "{region:?}"
        );
        assert!(
            p.contacts.iter().all(|c| c.detail != "0808 2000 247"),
            "{region:?}"
        );
    }
}

#[test]
fn children_safeguarding_urgency() {
    let week = actions_for(|d, a| {
        yes(d, a, "children.any");
        once(d, a, "b.shouting");
    });
    assert_eq!(
        find(&week, "children_safeguarding").map(|a| a.urgency),
        Some(Urgency::ThisWeek)
    );
    let today = actions_for(|d, a| {
        yes(d, a, "children.any");
        yes(d, a, "children.harmed");
    });
    assert_eq!(
        find(&today, "children_safeguarding").map(|a| a.urgency),
        Some(Urgency::Today)
    );
    let high = actions_for(|d, a| {
        yes(d, a, "children.any");
        once(d, a, "b.tracking");
    });
    assert_eq!(
        find(&high, "children_safeguarding").map(|a| a.urgency),
        Some(Urgency::Today)
    );
}

#[test]
fn his_own_crisis_and_victim_support() {
    let acts = actions_for(|d, a| {
        yes(d, a, "self.suicide");
        yes(d, a, "self.victim");
    });
    assert_eq!(
        find(&acts, "crisis_support").map(|a| a.urgency),
        Some(Urgency::Today)
    );
    let v = find(&acts, "victim_support").expect("victim support");
    assert_eq!(v.because.item_ids, ["self.victim"]);
}

#[test]
fn care_plan_at_next_review_and_default_contacts() {
    let acts = actions_for(|d, a| once(d, a, "b.shouting"));
    assert_eq!(
        find(&acts, "care_plan").map(|a| a.urgency),
        Some(Urgency::AtNextReview)
    );
    let c = Contacts::default();
    assert_eq!(c.police, "999");
    assert_eq!(c.respect_phoneline, "0808 802 4040");
    assert_eq!(c.national_helpline, "0808 2000 247");
    assert!(c.safeguarding_lead.is_empty());
    assert!(c
        .get(ContactRole::SafeguardingLead, cat())
        .display(cat())
        .contains("not set"));
    let phoneline = find(&acts, "respect_phoneline").expect("phoneline");
    assert_eq!(phoneline.contacts[0].detail, "0808 802 4040");
}

#[test]
fn judgement_raising_adds_actions_and_lowering_removes_none() {
    let d = def();
    let mut a = baseline(&d);
    once(&d, &mut a, "b.pushing");
    let r = assess(&d, &a, cat());
    let plain = actions(&d, &a, &r);
    let raised = apply_judgement(
        &r,
        &Judgement {
            level: Level::HighRisk,
            reason: "Partner service reports fear".into(),
            lead: String::new(),
        },
    )
    .expect("raise");
    let more = recommend_judged(&d, &r, Some(&raised), &a, &Contacts::default(), cat());
    assert!(find(&more, "consider_marac").is_some());
    let lowered = apply_judgement(
        &r,
        &Judgement {
            level: Level::AbuseDisclosed,
            reason: "Context known".into(),
            lead: "Sam Lead".into(),
        },
    )
    .expect("lower");
    let same = recommend_judged(&d, &r, Some(&lowered), &a, &Contacts::default(), cat());
    assert_eq!(same, plain);
}

#[test]
fn incomplete_screen_adds_a_follow_up_action() {
    let d = def();
    let a = Answers::new();
    let r = assess(&d, &a, cat());
    let acts = actions(&d, &a, &r);
    assert!(find(&acts, "follow_up_gaps").is_some());
}
