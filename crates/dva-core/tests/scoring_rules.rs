//! Every red flag, every level rule, the cluster, follow-up and judgement.

mod common;
use common::*;

use dva_core::scoring::{INCOMPLETE_THRESHOLD, MANY_BEHAVIOURS};
use dva_core::{
    apply_judgement, assess, Answer, Answers, Band, Gap, Judgement, JudgementError, Level, YesNo,
};

/// Applies `setup` to the all-"never" baseline and checks that exactly `rule` is raised,
/// citing exactly `ids`, and that the level is high risk.
fn flag_alone(rule: &str, ids: &[&str], setup: impl Fn(&dva_core::Definition, &mut Answers)) {
    let (_, _, r) = after(setup);
    let raised: Vec<&str> = r.red_flags.iter().map(|f| f.rule_id.as_str()).collect();
    assert_eq!(raised, vec![rule], "red flags raised");
    let mut cited = r.red_flags[0].item_ids.clone();
    cited.sort();
    let mut want: Vec<String> = ids.iter().map(|s| s.to_string()).collect();
    want.sort();
    assert_eq!(cited, want, "items cited by {rule}");
    assert_eq!(r.level, Level::HighRisk);
    assert!(r
        .reasons_for_level()
        .any(|x| x.text.contains(&r.red_flags[0].title)));
}

#[test]
fn baseline_raises_nothing_and_is_no_abuse_disclosed_with_caveat() {
    let d = def();
    let r = assess(&d, &baseline(&d), cat());
    assert!(r.red_flags.is_empty());
    assert_eq!(r.level, Level::NoAbuseDisclosed);
    assert_eq!(r.level.label(cat()), "No abuse disclosed in this screen");
    assert!(!r.incomplete, "{:?}", r.follow_up);
    assert_eq!(r.caveats[0].id, "minimisation");
    assert!(r.reasons_for_level().next().is_some());
    assert_eq!(r.frequency_total, 0);
}

#[test]
fn every_red_flag_rule_is_tested_here() {
    let d = def();
    let ids: Vec<&str> = d.red_flag_rules().iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "rf.strangulation",
            "rf.threats_to_kill",
            "rf.weapon",
            "rf.weapon_access",
            "rf.pregnancy_or_baby",
            "rf.serious_injury",
            "rf.sexual_violence",
            "rf.escalation",
            "rf.repeated_violence",
            "rf.separation",
            "rf.stalking_jealousy",
            "rf.very_frightened",
            "rf.breach",
            "rf.child_harmed",
            "rf.suicide_with_abuse",
            "rf.harm_others",
        ]
    );
}

#[test]
fn throat_grab_alone_is_strangulation() {
    flag_alone("rf.strangulation", &["b.throat_grab"], |d, a| {
        once(d, a, "b.throat_grab")
    });
}
#[test]
fn strangling_alone_is_strangulation() {
    flag_alone("rf.strangulation", &["b.strangling"], |d, a| {
        once(d, a, "b.strangling")
    });
}
#[test]
fn threat_to_kill_alone() {
    flag_alone("rf.threats_to_kill", &["b.threat_kill"], |d, a| {
        once(d, a, "b.threat_kill")
    });
}
#[test]
fn threat_to_kill_himself_alone() {
    flag_alone("rf.threats_to_kill", &["b.threat_harm_self"], |d, a| {
        once(d, a, "b.threat_harm_self")
    });
}
#[test]
fn weapon_threat_alone() {
    flag_alone("rf.weapon", &["b.threat_weapon"], |d, a| {
        once(d, a, "b.threat_weapon")
    });
}
#[test]
fn object_used_as_weapon_alone() {
    flag_alone("rf.weapon", &["b.hitting_object"], |d, a| {
        once(d, a, "b.hitting_object")
    });
}
#[test]
fn hurt_while_pregnant_alone() {
    flag_alone("rf.pregnancy_or_baby", &["b.hurt_pregnant"], |d, a| {
        once(d, a, "b.hurt_pregnant")
    });
}
#[test]
fn partner_pregnant_now_with_physical_violence() {
    flag_alone(
        "rf.pregnancy_or_baby",
        &["rel.pregnant", "b.pushing"],
        |d, a| {
            yes(d, a, "rel.pregnant");
            once(d, a, "b.pushing");
        },
    );
}
#[test]
fn baby_under_18_months_with_physical_violence() {
    flag_alone(
        "rf.pregnancy_or_baby",
        &["children.baby", "b.slapping"],
        |d, a| {
            yes(d, a, "children.any");
            yes(d, a, "children.baby");
            once(d, a, "b.slapping");
        },
    );
}
#[test]
fn beating_unconscious_alone() {
    flag_alone("rf.serious_injury", &["b.beating_unconscious"], |d, a| {
        once(d, a, "b.beating_unconscious")
    });
}
#[test]
fn injuries_needing_medical_treatment() {
    flag_alone("rf.serious_injury", &["impact.medical"], |d, a| {
        yes(d, a, "impact.injured");
        yes(d, a, "impact.medical");
    });
}
#[test]
fn sexual_pressure_alone() {
    flag_alone("rf.sexual_violence", &["b.sexual_pressure"], |d, a| {
        once(d, a, "b.sexual_pressure")
    });
}
#[test]
fn sexual_force_alone() {
    flag_alone("rf.sexual_violence", &["b.sexual_force"], |d, a| {
        once(d, a, "b.sexual_force")
    });
}
#[test]
fn escalation_with_any_abuse() {
    flag_alone(
        "rf.escalation",
        &["impact.escalation", "b.shouting"],
        |d, a| {
            yes(d, a, "impact.escalation");
            once(d, a, "b.shouting");
        },
    );
}
#[test]
fn separation_with_coercive_control() {
    flag_alone(
        "rf.separation",
        &["rel.separation", "b.isolating"],
        |d, a| {
            yes(d, a, "rel.separation");
            once(d, a, "b.isolating");
        },
    );
}
#[test]
fn separation_with_violence() {
    flag_alone("rf.separation", &["rel.separation", "b.kicking"], |d, a| {
        yes(d, a, "rel.separation");
        once(d, a, "b.kicking");
    });
}
#[test]
fn tracking_alone_is_stalking() {
    flag_alone("rf.stalking_jealousy", &["b.tracking"], |d, a| {
        once(d, a, "b.tracking")
    });
}
#[test]
fn constant_checking_is_stalking() {
    flag_alone("rf.stalking_jealousy", &["b.checking_phone"], |d, a| {
        disclose(
            d,
            a,
            "b.checking_phone",
            Band::ElevenToTwenty,
            Some(YesNo::Yes),
        )
    });
}
#[test]
fn obsessive_accusations_are_stalking() {
    flag_alone("rf.stalking_jealousy", &["b.accusing_affairs"], |d, a| {
        disclose(d, a, "b.accusing_affairs", Band::MoreThanTwenty, None)
    });
}
#[test]
fn very_frightened_alone() {
    flag_alone("rf.very_frightened", &["impact.afraid"], |d, a| {
        choose(d, a, "impact.afraid", "very")
    });
}
#[test]
fn breach_of_an_order() {
    flag_alone("rf.breach", &["impact.breach"], |d, a| {
        yes(d, a, "impact.orders");
        yes(d, a, "impact.breach");
    });
}
#[test]
fn suicidal_thoughts_with_abuse() {
    flag_alone(
        "rf.suicide_with_abuse",
        &["self.suicide", "b.name_calling"],
        |d, a| {
            yes(d, a, "self.suicide");
            once(d, a, "b.name_calling");
        },
    );
}
#[test]
fn thoughts_of_serious_harm_with_abuse() {
    flag_alone(
        "rf.harm_others",
        &["self.harm_others", "b.put_downs"],
        |d, a| {
            yes(d, a, "self.harm_others");
            once(d, a, "b.put_downs");
        },
    );
}

fn level_after(setup: impl Fn(&dva_core::Definition, &mut Answers)) -> dva_core::Assessment {
    after(setup).2
}

#[test]
fn conditional_parts_of_red_flags_do_not_fire_alone() {
    for (name, r) in [
        (
            "escalation alone",
            level_after(|d, a| yes(d, a, "impact.escalation")),
        ),
        (
            "separation alone",
            level_after(|d, a| yes(d, a, "rel.separation")),
        ),
        (
            "suicide alone",
            level_after(|d, a| yes(d, a, "self.suicide")),
        ),
        (
            "pregnant alone",
            level_after(|d, a| yes(d, a, "rel.pregnant")),
        ),
        (
            "separation with shouting only",
            level_after(|d, a| {
                yes(d, a, "rel.separation");
                once(d, a, "b.shouting");
            }),
        ),
        (
            "checking 2-10 times",
            level_after(|d, a| disclose(d, a, "b.checking_phone", Band::TwoToTen, None)),
        ),
    ] {
        assert!(r.red_flags.is_empty(), "{name}: {:?}", r.red_flags);
        assert!(r.level < Level::HighRisk, "{name}");
    }
}

#[test]
fn a_single_verbal_behaviour_is_abuse_disclosed() {
    let r = level_after(|d, a| once(d, a, "b.shouting"));
    assert_eq!(r.level, Level::AbuseDisclosed);
    assert_eq!(r.frequency_total, 1);
    assert_eq!(r.domains[0].disclosed, 1);
    assert_eq!(r.domains[0].highest, Some(Band::Once));
}

#[test]
fn significant_concern_rules() {
    let cases: Vec<(&str, dva_core::Assessment, &str)> = vec![
        (
            "physical",
            level_after(|d, a| once(d, a, "b.pushing")),
            "b.pushing",
        ),
        (
            "threat",
            level_after(|d, a| once(d, a, "b.threat_hurt_pets")),
            "b.threat_hurt_pets",
        ),
        (
            "11+ times",
            level_after(|d, a| disclose(d, a, "b.shouting", Band::ElevenToTwenty, None)),
            "b.shouting",
        ),
        (
            "children present",
            level_after(|d, a| {
                yes(d, a, "children.any");
                yes(d, a, "children.present");
            }),
            "children.present",
        ),
        (
            "police",
            level_after(|d, a| yes(d, a, "impact.police")),
            "impact.police",
        ),
        (
            "justice",
            level_after(|d, a| yes(d, a, "impact.justice")),
            "impact.justice",
        ),
        (
            "orders",
            level_after(|d, a| yes(d, a, "impact.orders")),
            "impact.orders",
        ),
        (
            "injured",
            level_after(|d, a| yes(d, a, "impact.injured")),
            "impact.injured",
        ),
        (
            "a little afraid",
            level_after(|d, a| choose(d, a, "impact.afraid", "a_little")),
            "impact.afraid",
        ),
    ];
    for (name, r, id) in cases {
        assert_eq!(r.level, Level::SignificantConcern, "{name}");
        assert!(
            r.reasons_for_level()
                .any(|x| x.item_ids.iter().any(|i| i == id)),
            "{name} cites {id}"
        );
    }
}

#[test]
fn many_behaviours_is_significant_concern_and_one_fewer_is_not() {
    let ids = [
        "b.shouting",
        "b.name_calling",
        "b.put_downs",
        "b.yelling",
        "b.checking_phone",
    ];
    assert_eq!(MANY_BEHAVIOURS, 5);
    let four = level_after(|d, a| ids.iter().take(4).for_each(|i| once(d, a, i)));
    assert_eq!(four.level, Level::AbuseDisclosed);
    let five = level_after(|d, a| ids.iter().for_each(|i| once(d, a, i)));
    assert_eq!(five.level, Level::SignificantConcern);
    assert_eq!(five.frequency_total, 5);
}

#[test]
fn cluster_of_separation_control_and_violence() {
    let r = level_after(|d, a| {
        yes(d, a, "rel.separation");
        once(d, a, "b.controlling_money");
        once(d, a, "b.grabbing_shaking");
    });
    let c = r.cluster.clone().expect("cluster found");
    assert_eq!(c.separation_ids, ["rel.separation"]);
    assert_eq!(c.control_ids, ["b.controlling_money"]);
    assert_eq!(c.violence_ids, ["b.grabbing_shaking"]);
    assert_eq!(r.level, Level::HighRisk);
}

#[test]
fn hidden_answers_never_count() {
    let d = def();
    let mut a = baseline(&d);
    yes(&d, &mut a, "children.any");
    yes(&d, &mut a, "children.harmed");
    yes(&d, &mut a, "children.baby");
    once(&d, &mut a, "b.pushing");
    assert_eq!(assess(&d, &a, cat()).level, Level::HighRisk);
    // Now there are no children: the stale answers are not asked and are not counted as
    // answers, but the red flag they raised stands until the safeguarding lead agrees otherwise.
    set(&d, &mut a, "children.any", Answer::YesNo(YesNo::No));
    let r = assess(&d, &a, cat());
    assert_eq!(
        a.status(&d, "children.harmed"),
        dva_core::ItemStatus::NotAsked
    );
    assert!(!r.red_flags.is_empty());
    assert!(r
        .red_flags
        .iter()
        .all(|f| f.status == dva_core::FlagStatus::RaisedThenChanged));
    assert_eq!(r.level, Level::HighRisk);
    for f in &r.red_flags {
        a.set_aside_flag(
            &f.rule_id,
            dva_core::LeadDecision {
                lead: "Sam Lead".into(),
                reason: "No children: entered by mistake".into(),
                at: String::new(),
            },
        )
        .unwrap();
    }
    let r = assess(&d, &a, cat());
    assert!(r.red_flags.is_empty());
    assert!(!r.set_aside_flags.is_empty());
    assert_ne!(r.level, Level::HighRisk);
}

#[test]
fn frequency_total_uses_documented_weights() {
    let r = level_after(|d, a| {
        once(d, a, "b.shouting");
        disclose(d, a, "b.yelling", Band::TwoToTen, None);
        disclose(d, a, "b.put_downs", Band::ElevenToTwenty, None);
        disclose(d, a, "b.name_calling", Band::MoreThanTwenty, None);
    });
    assert_eq!(r.frequency_total, 1 + 2 + 3 + 4);
    assert_eq!(r.domains[0].highest, Some(Band::MoreThanTwenty));
}

#[test]
fn empty_screen_is_incomplete_and_lists_everything_shown() {
    let d = def();
    let r = assess(&d, &Answers::new(), cat());
    assert!(r.incomplete);
    assert!(r.incomplete_reason.is_some());
    assert_eq!(r.level, Level::NoAbuseDisclosed);
    assert!(r.follow_up.iter().all(|f| f.gap == Gap::NotYetAnswered));
    assert!(r.follow_up.iter().any(|f| f.item_id == "b.strangling"));
    assert!(
        !r.follow_up.iter().any(|f| f.item_id == "children.present"),
        "hidden items are not gaps"
    );
}

#[test]
fn incomplete_threshold() {
    assert_eq!(INCOMPLETE_THRESHOLD, 3);
    let d = def();
    let mut a = baseline(&d);
    a.clear("b.shouting");
    set(&d, &mut a, "b.yelling", Answer::PreferNotToSay);
    let r = assess(&d, &a, cat());
    assert!(!r.incomplete, "two gaps not read by a red flag");
    assert_eq!(r.follow_up.len(), 2);
    assert_eq!(r.follow_up[1].gap, Gap::PreferNotToSay);
    a.clear("b.name_calling");
    assert!(assess(&d, &a, cat()).incomplete, "three gaps");
}

#[test]
fn a_gap_in_a_red_flag_question_makes_it_incomplete() {
    let d = def();
    let mut a = baseline(&d);
    set(&d, &mut a, "b.strangling", Answer::PreferNotToSay);
    let r = assess(&d, &a, cat());
    assert!(r.incomplete);
    let reason = r.incomplete_reason.unwrap_or_default();
    // The worker reads the item's label, not its internal id.
    assert!(
        reason.contains(
            "Strangling, choking or smothering her (prefer not to say) could hide: Non-fatal strangulation"
        ),
        "{reason}"
    );
    assert!(!reason.contains("b.strangling"), "{reason}");
}

#[test]
fn prefer_not_to_say_is_not_never() {
    let d = def();
    let mut a = baseline(&d);
    set(&d, &mut a, "b.punching", Answer::PreferNotToSay);
    assert_eq!(
        a.status(&d, "b.punching"),
        dva_core::ItemStatus::PreferNotToSay
    );
    assert!(assess(&d, &a, cat())
        .follow_up
        .iter()
        .any(|f| f.item_id == "b.punching"));
}

#[test]
fn judgement_can_raise_with_a_reason_only() {
    let r = level_after(|d, a| once(d, a, "b.shouting"));
    let no_reason = Judgement {
        level: Level::HighRisk,
        reason: "  ".into(),
        lead: String::new(),
    };
    assert_eq!(
        apply_judgement(&r, &no_reason),
        Err(JudgementError::ReasonRequired)
    );
    let j = apply_judgement(
        &r,
        &Judgement {
            level: Level::HighRisk,
            reason: "She called the service in fear".into(),
            lead: String::new(),
        },
    )
    .expect("raise with reason");
    assert_eq!(j.computed(), Level::AbuseDisclosed);
    assert_eq!(j.judged(), Level::HighRisk);
    assert!(j.raised());
}

#[test]
fn judgement_can_never_lower_a_red_flag_level() {
    let r = level_after(|d, a| once(d, a, "b.strangling"));
    for level in [
        Level::NoAbuseDisclosed,
        Level::AbuseDisclosed,
        Level::SignificantConcern,
    ] {
        let j = Judgement {
            level,
            reason: "He said it was a joke".into(),
            lead: "Sam Lead".into(),
        };
        assert_eq!(
            apply_judgement(&r, &j),
            Err(JudgementError::CannotLowerRedFlag)
        );
    }
}

#[test]
fn lowering_any_other_level_needs_a_written_reason() {
    let r = level_after(|d, a| once(d, a, "b.pushing"));
    assert_eq!(r.level, Level::SignificantConcern);
    let bare = Judgement {
        level: Level::AbuseDisclosed,
        reason: String::new(),
        lead: "Sam Lead".into(),
    };
    assert_eq!(
        apply_judgement(&r, &bare),
        Err(JudgementError::ReasonRequired)
    );
    let no_lead = Judgement {
        level: Level::AbuseDisclosed,
        reason: "Self-defence, confirmed by police record".into(),
        lead: " ".into(),
    };
    assert_eq!(
        apply_judgement(&r, &no_lead),
        Err(JudgementError::LeadRequired)
    );
    let j = apply_judgement(
        &r,
        &Judgement {
            lead: "Sam Lead".into(),
            ..no_lead
        },
    )
    .expect("lower with reason and lead");
    assert!(j.lowered());
    assert_eq!(j.lead(), "Sam Lead");
    assert_eq!(j.computed(), Level::SignificantConcern);
}

#[test]
fn levels_are_ordered() {
    assert!(Level::NoAbuseDisclosed < Level::AbuseDisclosed);
    assert!(Level::AbuseDisclosed < Level::SignificantConcern);
    assert!(Level::SignificantConcern < Level::HighRisk);
    assert_eq!(Level::HighRisk.label(cat()), "High risk: act today");
}
