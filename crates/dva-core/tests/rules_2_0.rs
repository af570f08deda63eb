//! The rules added in questionnaire 2.0.0 (issue 10): one test per rule, each failing when its
//! rule is taken out. Every case starts from the all-"never" baseline.

mod common;
use common::*;

use dva_core::scoring::{CONTROL_PATTERN, HIGH_RISK_MARKERS, RISK_MARKERS};
use dva_core::{
    apply_judgement, Action, Answer, Answers, Assessment, Band, CompletedBy, Contacts, Definition,
    Gap, Judgement, JudgementError, Level, Region, Urgency, YesNo,
};

/// A change to the baseline answers.
type Setup = fn(&Definition, &mut Answers);

fn flags(r: &Assessment) -> Vec<&str> {
    r.red_flags.iter().map(|f| f.rule_id.as_str()).collect()
}

fn action<'a>(acts: &'a [Action], id: &str) -> Option<&'a Action> {
    acts.iter().find(|x| x.id == id)
}

fn often(d: &Definition, a: &mut Answers, id: &str, band: Band, recent: Option<YesNo>) {
    disclose(d, a, id, band, recent);
}

// 1. Repeated or severe physical violence reaches High without a named flag.

#[test]
fn punching_more_than_20_times_with_injury_police_and_children_is_high() {
    let (_, _, r) = after(|d, a| {
        often(d, a, "b.punching", Band::MoreThanTwenty, Some(YesNo::No));
        yes(d, a, "impact.injured");
        yes(d, a, "impact.police");
        yes(d, a, "children.any");
        yes(d, a, "children.present");
    });
    assert_eq!(r.level, Level::HighRisk);
    assert!(
        flags(&r).contains(&"rf.repeated_violence"),
        "{:?}",
        flags(&r)
    );
}

#[test]
fn physical_violence_11_times_or_more_needs_something_with_it() {
    for with in ["impact.injured", "impact.police", "children.present"] {
        let (_, _, r) = after(|d, a| {
            often(d, a, "b.slapping", Band::ElevenToTwenty, Some(YesNo::No));
            yes(d, a, "children.any");
            yes(d, a, with);
        });
        assert_eq!(flags(&r), ["rf.repeated_violence"], "with {with}");
    }
    // Alone and long ago it is a significant concern, not a red flag.
    let (_, _, r) = after(|d, a| often(d, a, "b.slapping", Band::ElevenToTwenty, Some(YesNo::No)));
    assert!(r.red_flags.is_empty());
    assert_eq!(r.level, Level::SignificantConcern);
    // In the last 12 months, or when he did not say when, it is high.
    for recent in [Some(YesNo::Yes), Some(YesNo::NotSure), None] {
        let (_, _, r) = after(|d, a| often(d, a, "b.slapping", Band::ElevenToTwenty, recent));
        assert_eq!(flags(&r), ["rf.repeated_violence"], "recency {recent:?}");
    }
}

#[test]
fn three_or_more_incidents_in_12_months_is_escalation() {
    let (_, _, r) = after(|d, a| {
        once(d, a, "b.shouting");
        choose(d, a, "impact.incidents_12m", "three_or_more");
    });
    assert_eq!(flags(&r), ["rf.escalation"]);
    let (_, _, r) = after(|d, a| {
        once(d, a, "b.shouting");
        choose(d, a, "impact.incidents_12m", "one_or_two");
    });
    assert!(r.red_flags.is_empty());
}

#[test]
fn many_risk_markers_together_are_high() {
    assert_eq!(HIGH_RISK_MARKERS, 8);
    let yes_no_markers: Vec<&str> = RISK_MARKERS
        .iter()
        .filter(|(_, v)| *v == "yes")
        .map(|(id, _)| *id)
        .filter(|id| {
            !id.starts_with("children.") && *id != "rel.pregnant" && *id != "rel.ex_pregnant"
        })
        .collect();
    let upto = |n: usize| {
        after(|d, a| {
            for id in yes_no_markers.iter().take(n) {
                yes(d, a, id);
            }
        })
        .2
    };
    let below = upto(HIGH_RISK_MARKERS - 1);
    assert!(below.level < Level::HighRisk, "{:?}", below.reasons);
    let at = upto(HIGH_RISK_MARKERS);
    assert_eq!(at.level, Level::HighRisk, "{:?}", at.reasons);
    assert!(at.reasons_for_level().any(|x| x.id == "risk_markers"));
}

// 2. A pattern of coercive control is a significant concern, with the safeguarding lead.

#[test]
fn several_controlling_behaviours_each_more_than_once_are_significant() {
    assert_eq!(CONTROL_PATTERN, 2);
    let (d, a, r) = after(|d, a| {
        often(d, a, "b.checking_phone", Band::TwoToTen, Some(YesNo::Yes));
        often(
            d,
            a,
            "b.controlling_money",
            Band::TwoToTen,
            Some(YesNo::Yes),
        );
    });
    assert_eq!(r.level, Level::SignificantConcern);
    assert!(r.reasons_for_level().any(|x| x.id == "control_pattern"));
    let acts = actions(&d, &a, &r);
    assert_eq!(
        action(&acts, "safeguarding_lead").map(|x| x.urgency),
        Some(Urgency::ThisWeek)
    );
    // One controlling behaviour more than once is not yet a pattern.
    let (_, _, r) = after(|d, a| often(d, a, "b.isolating", Band::TwoToTen, None));
    assert_eq!(r.level, Level::AbuseDisclosed);
}

// 3. "Not sure" and "does not know" are gaps.

#[test]
fn not_sure_is_a_gap_that_can_hide_a_red_flag() {
    let (d, a, r) = after(|d, a| set(d, a, "rel.separation", Answer::YesNo(YesNo::NotSure)));
    let f = r
        .follow_up
        .iter()
        .find(|f| f.item_id == "rel.separation")
        .expect("listed to follow up");
    assert_eq!(f.gap, Gap::NotSure);
    assert!(f.could_hide.contains(&"rf.separation".to_owned()));
    assert!(r.incomplete);
    let reason = r.incomplete_reason.clone().unwrap_or_default();
    assert!(
        reason.contains("Recent or planned separation (not sure or does not know) could hide"),
        "{reason}"
    );
    let text = summary_text(&d, &a, &r);
    assert!(!text.contains("Nothing left unanswered"), "{text}");
    assert!(text.contains("Recent or planned separation (Relationship): not sure or does not know; could hide a red flag"), "{text}");
}

#[test]
fn does_not_know_her_fear_is_a_gap() {
    let (_, _, r) = after(|d, a| choose(d, a, "impact.afraid", "dont_know"));
    let f = r
        .follow_up
        .iter()
        .find(|f| f.item_id == "impact.afraid")
        .expect("gap");
    assert_eq!(f.gap, Gap::NotSure);
    assert!(f.could_hide.contains(&"rf.very_frightened".to_owned()));
    assert!(r.incomplete);
}

#[test]
fn not_sure_on_each_listed_item_is_followed_up() {
    for id in [
        "rel.separation",
        "impact.escalation",
        "self.harm_others",
        "rel.pregnant",
        "impact.injured",
    ] {
        let (_, _, r) = after(|d, a| set(d, a, id, Answer::YesNo(YesNo::NotSure)));
        assert!(
            r.follow_up
                .iter()
                .any(|f| f.item_id == id && f.gap == Gap::NotSure),
            "{id}"
        );
        assert!(r.incomplete, "{id}");
    }
    for id in ["children.present", "children.harmed"] {
        let (_, _, r) = after(|d, a| {
            yes(d, a, "children.any");
            set(d, a, id, Answer::YesNo(YesNo::NotSure));
        });
        assert!(r.incomplete, "{id}");
    }
}

// 4. A gap on a gateway question names what it hides.

#[test]
fn prefer_not_to_say_on_a_gateway_hides_red_flag_questions() {
    for (gateway, hidden, flag) in [
        ("children.any", "children.baby", "rf.pregnancy_or_baby"),
        ("children.any", "children.harmed", "rf.child_harmed"),
        ("impact.injured", "impact.medical", "rf.serious_injury"),
        ("impact.orders", "impact.breach", "rf.breach"),
    ] {
        let (_, _, r) = after(|d, a| set(d, a, gateway, Answer::PreferNotToSay));
        assert!(r.incomplete, "{gateway}");
        let f = r
            .follow_up
            .iter()
            .find(|f| f.item_id == gateway)
            .expect("gap");
        assert!(
            f.hides.contains(&hidden.to_owned()),
            "{gateway} hides {hidden}: {:?}",
            f.hides
        );
        assert!(
            f.could_hide.contains(&flag.to_owned()),
            "{gateway} could hide {flag}: {:?}",
            f.could_hide
        );
        let reason = r.incomplete_reason.unwrap_or_default();
        assert!(reason.contains("not asked because of it"), "{reason}");
    }
}

#[test]
fn prefer_not_to_say_on_both_sexual_items_is_incomplete() {
    let (_, _, r) = after(|d, a| {
        set(d, a, "b.sexual_pressure", Answer::PreferNotToSay);
        set(d, a, "b.sexual_force", Answer::PreferNotToSay);
    });
    assert!(r.incomplete);
    assert!(r
        .follow_up
        .iter()
        .all(|f| f.could_hide.contains(&"rf.sexual_violence".to_owned())));
}

// 5. Thoughts of seriously harming someone.

#[test]
fn harm_to_others_alone_is_significant_and_with_context_high() {
    let (_, _, r) = after(|d, a| yes(d, a, "self.harm_others"));
    assert_eq!(r.level, Level::SignificantConcern);
    assert!(r.reasons_for_level().any(|x| x.id == "harm_others"));
    for with in [
        "rel.separation",
        "rel.child_arrangements",
        "rel.contact_conflict",
    ] {
        let (_, _, r) = after(|d, a| {
            yes(d, a, "self.harm_others");
            yes(d, a, with);
        });
        assert_eq!(flags(&r), ["rf.harm_others"], "with {with}");
    }
    let (_, _, r) = after(|d, a| {
        yes(d, a, "self.harm_others");
        once(d, a, "b.shouting");
    });
    assert_eq!(flags(&r), ["rf.harm_others"]);
}

#[test]
fn whom_he_thought_of_harming_is_asked_and_a_child_calls_for_safeguarding() {
    let (d, a, r) = after(|d, a| {
        yes(d, a, "self.harm_others");
        choose(d, a, "self.harm_whom", "child");
    });
    assert!(d.is_shown(d.item("self.harm_whom").expect("item"), &a));
    assert!(action(&actions(&d, &a, &r), "children_safeguarding").is_some());
}

// 6. High risk without a disclosed behaviour keeps partner, phoneline and children actions.

#[test]
fn high_risk_without_a_behaviour_keeps_the_actions() {
    for (name, setup) in [
        (
            "very frightened",
            (|d: &Definition, a: &mut Answers| choose(d, a, "impact.afraid", "very"))
                as fn(&Definition, &mut Answers),
        ),
        ("breach", |d, a| {
            yes(d, a, "impact.orders");
            yes(d, a, "impact.breach");
        }),
        ("medical treatment", |d, a| {
            yes(d, a, "impact.injured");
            yes(d, a, "impact.medical");
        }),
    ] {
        let (d, a, r) = after(|d, a| {
            setup(d, a);
            yes(d, a, "children.any");
        });
        assert_eq!(r.level, Level::HighRisk, "{name}");
        let acts = actions(&d, &a, &r);
        for id in [
            "partner_support",
            "respect_phoneline",
            "children_safeguarding",
        ] {
            let x = action(&acts, id).unwrap_or_else(|| panic!("{name}: {id} missing"));
            assert_eq!(x.urgency, Urgency::Today, "{name}: {id}");
        }
    }
}

#[test]
fn an_injury_he_caused_is_abuse_disclosed() {
    let (_, _, r) = after(|d, a| yes(d, a, "impact.injured"));
    assert!(r.abuse_disclosed());
    assert!(r.disclosures.is_empty());
}

// 7. The unborn child.

#[test]
fn pregnancy_with_any_abuse_recommends_pre_birth_safeguarding() {
    for who in ["rel.pregnant", "rel.ex_pregnant"] {
        let (d, a, r) = after(|d, a| {
            if who == "rel.ex_pregnant" {
                yes(d, a, "rel.ex_partner");
            }
            yes(d, a, who);
            once(d, a, "b.shouting");
        });
        assert_eq!(r.level, Level::SignificantConcern, "{who}");
        assert!(r.reasons_for_level().any(|x| x.id == "pregnancy"), "{who}");
        assert!(
            action(&actions(&d, &a, &r), "pre_birth_safeguarding").is_some(),
            "{who}"
        );
    }
    let (_, _, r) = after(|d, a| {
        yes(d, a, "rel.ex_partner");
        yes(d, a, "rel.ex_pregnant");
        once(d, a, "b.pushing");
    });
    assert_eq!(flags(&r), ["rf.pregnancy_or_baby"]);
}

// 8. Harm to a child.

#[test]
fn a_child_harmed_is_high_with_safeguarding_today_and_police() {
    let (d, a, r) = after(|d, a| {
        yes(d, a, "children.any");
        yes(d, a, "children.harmed");
    });
    assert_eq!(flags(&r), ["rf.child_harmed"]);
    let acts = actions(&d, &a, &r);
    let x = action(&acts, "children_safeguarding").expect("children's safeguarding");
    assert_eq!(x.urgency, Urgency::Today);
    assert!(x
        .contacts
        .iter()
        .any(|c| c.role == dva_core::ContactRole::Police));
    assert!(x.what_to_do.contains("local authority designated officer"));
}

// 9. The 999 prompt.

#[test]
fn the_999_prompt_does_not_depend_on_a_blank_recency() {
    let (d, a, r) = after(|d, a| disclose(d, a, "b.threat_kill", Band::Once, None));
    assert!(action(&actions(&d, &a, &r), "call_police").is_some());
    let (d, a, r) = after(|d, a| disclose(d, a, "b.threat_kill", Band::Once, Some(YesNo::No)));
    assert!(action(&actions(&d, &a, &r), "call_police").is_none());
}

#[test]
fn imminent_risk_answers_bring_the_999_prompt_at_high_risk() {
    let cases: [(&str, Setup); 4] = [
        ("incident in the last 24 hours", |d, a| {
            choose(d, a, "impact.recent_incident", "today")
        }),
        ("seeing her today", |d, a| yes(d, a, "impact.going_back")),
        ("not sure about seeing her today", |d, a| {
            set(d, a, "impact.going_back", Answer::YesNo(YesNo::NotSure))
        }),
        ("intoxicated now", |d, a| yes(d, a, "subst.intoxicated_now")),
    ];
    for (name, setup) in cases {
        let (d, a, r) = after(|d, a| {
            disclose(d, a, "b.throat_grab", Band::Once, Some(YesNo::No));
            setup(d, a);
        });
        assert_eq!(r.level, Level::HighRisk);
        assert!(
            action(&actions(&d, &a, &r), "call_police").is_some(),
            "{name}"
        );
    }
}

#[test]
fn access_to_weapons_with_abuse_is_high_with_the_999_prompt() {
    let (d, a, r) = after(|d, a| {
        yes(d, a, "impact.weapons_access");
        once(d, a, "b.shouting");
    });
    assert_eq!(flags(&r), ["rf.weapon_access"]);
    assert!(action(&actions(&d, &a, &r), "call_police").is_some());
}

// 10. Orders, past and present, named.

#[test]
fn orders_are_asked_past_and_present_and_named() {
    let d = def();
    let orders = d.item("impact.orders").expect("item");
    assert!(orders.worker_wording.contains("ever been, or is there now"));
    let guidance = orders.guidance.clone().unwrap_or_default();
    for name in [
        "bail conditions",
        "non-molestation order",
        "occupation order",
        "restraining order",
        "domestic violence protection notice or order",
        "domestic abuse protection order",
        "stalking protection order",
        "child arrangements order",
        "informal agreement about contact",
    ] {
        assert!(guidance.contains(name), "{name}");
    }
    let mut a = baseline(&d);
    yes(&d, &mut a, "impact.orders");
    assert!(d.is_shown(d.item("impact.orders_which").expect("item"), &a));
}

// 11. Judgement never makes a false statement.

#[test]
fn lowering_to_no_abuse_after_a_disclosure_is_refused() {
    let (_, _, r) = after(|d, a| {
        once(d, a, "b.shouting");
        once(d, a, "b.name_calling");
        once(d, a, "b.put_downs");
        once(d, a, "b.yelling");
        once(d, a, "b.accusing_affairs");
    });
    assert_eq!(r.level, Level::SignificantConcern);
    let j = Judgement {
        level: Level::NoAbuseDisclosed,
        reason: "He was joking".into(),
        lead: "Sam Lead".into(),
    };
    assert_eq!(apply_judgement(&r, &j), Err(JudgementError::FalseStatement));
}

#[test]
fn a_lowering_prints_the_lead_who_agreed_it() {
    let (d, a, r) = after(|d, a| once(d, a, "b.pushing"));
    let j = apply_judgement(
        &r,
        &Judgement {
            level: Level::AbuseDisclosed,
            reason: "Context known to the team".into(),
            lead: "Sam Lead".into(),
        },
    )
    .expect("lowered with reason and lead");
    let (_, s) = summarise(&d, &a, &r, Some(&j), CompletedBy::WorkerAdministered);
    let text = s.to_plain_text(cat());
    assert!(
        text.contains("agreement of the safeguarding lead, Sam Lead"),
        "{text}"
    );
    assert_eq!(s.level.judgement_lead.as_deref(), Some("Sam Lead"));
}

// Dash factors and the split questions.

#[test]
fn dash_factors_are_asked_as_behaviours() {
    let d = def();
    for id in [
        "rel.contact_conflict",
        "b.harassment",
        "b.stopping_leaving",
        "b.suffocation",
        "impact.violence_others",
        "impact.criminal_record",
        "self.money_job",
        "impact.previous_marac",
        "impact.others_involved",
        "b.threat_hurt_pets",
        "b.hurt_pets",
        "subst.binge",
        "subst.mixing",
        "b.threat_hurt_children",
        "b.threat_take_children",
        "impact.recent_incident",
        "impact.going_back",
        "subst.intoxicated_now",
        "impact.weapons_access",
    ] {
        assert!(d.item(id).is_some(), "{id}");
    }
    assert!(!d
        .item("b.threat_hurt_children")
        .expect("item")
        .worker_wording
        .contains("take"));
    let (_, _, r) = after(|d, a| once(d, a, "b.suffocation"));
    assert_eq!(flags(&r), ["rf.strangulation"]);
    let (_, _, r) = after(|d, a| often(d, a, "b.harassment", Band::TwoToTen, None));
    assert_eq!(flags(&r), ["rf.stalking_jealousy"]);
}

// Scope and the partner who is also a client.

#[test]
fn out_of_scope_and_counter_allegations_need_a_specialist_assessment() {
    let (d, a, r) = after(|d, a| choose(d, a, "rel.scope", "same_sex"));
    let acts = actions(&d, &a, &r);
    let x = action(&acts, "specialist_assessment").expect("specialist assessment");
    assert!(x
        .contacts
        .iter()
        .any(|c| c.role == dva_core::ContactRole::Galop));
    let (d, a, r) = after(|d, a| {
        yes(d, a, "self.victim");
        once(d, a, "b.pushing");
    });
    assert!(action(&actions(&d, &a, &r), "specialist_assessment").is_some());
    let (d, a, r) = after(|d, a| yes(d, a, "rel.partner_client"));
    assert!(action(&actions(&d, &a, &r), "partner_also_client").is_some());
}

// Contacts for the four nations.

#[test]
fn each_region_has_its_national_helpline() {
    for (region, number, name) in [
        (
            Region::England,
            "0808 2000 247",
            "National Domestic Abuse Helpline",
        ),
        (Region::Wales, "0808 80 10 800", "Live Fear Free"),
        (
            Region::Scotland,
            "0800 027 1234",
            "Domestic Abuse and Forced Marriage Helpline",
        ),
        (
            Region::NorthernIreland,
            "0808 802 1414",
            "Domestic and Sexual Abuse Helpline",
        ),
    ] {
        let c = Contacts::for_region(region).get(dva_core::ContactRole::NationalHelpline, cat());
        assert_eq!(c.detail, number);
        assert!(c.name.contains(name), "{}", c.name);
        let c = Contacts::for_region(region);
        assert_eq!(c.respect_phoneline, "0808 802 4040");
        assert_eq!(c.samaritans, "116 123");
        assert_eq!(c.galop, "0800 999 5428");
    }
}

fn summary_text(d: &Definition, a: &Answers, r: &Assessment) -> String {
    summarise(d, a, r, None, CompletedBy::WorkerAdministered)
        .1
        .to_plain_text(cat())
}
