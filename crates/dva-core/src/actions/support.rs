//! The actions for his own needs and the screening's: crisis support, support as a victim, a
//! specialist assessment, the care plan, the specialist referral and following up the gaps.

use super::contacts::ContactRole;
use super::model::Urgency;
use super::recommend::Rules;
use crate::scoring::{Finding, Level};

impl Rules<'_> {
    /// His own needs: thoughts of suicide, self-harm or seriously harming someone.
    pub(super) fn crisis_support(&mut self) {
        let crisis_ids = self.yes_ids(&["self.suicide", "self.harm_others"]);
        if !crisis_ids.is_empty() {
            let because = self.finding("core.action.crisis_support.because", crisis_ids);
            self.add(
                "crisis_support",
                "core.action.crisis_support.title",
                "core.action.crisis_support.what",
                because,
                Urgency::Today,
                &[
                    ContactRole::CrisisTeam,
                    ContactRole::SafeguardingLead,
                    ContactRole::UrgentMentalHealth,
                    ContactRole::Samaritans,
                ],
            );
        }
    }

    /// Support when he says he is abused; outside the screen's scope, or counter-allegations,
    /// a specialist assessment, never the keyworker's judgement of who is the victim.
    pub(super) fn victim_and_specialist(&mut self) {
        let same_sex = self.choice("rel.scope") == Some("same_sex");
        let with_galop = |role| {
            if same_sex {
                vec![role, ContactRole::Galop]
            } else {
                vec![role]
            }
        };
        let victim = self.yes("self.victim");
        if victim {
            let because = self.finding(
                "core.action.victim_support.because",
                vec!["self.victim".into()],
            );
            self.add(
                "victim_support",
                "core.action.victim_support.title",
                "core.action.victim_support.what",
                because,
                Urgency::ThisWeek,
                &with_galop(ContactRole::MensAdviceLine),
            );
        }
        let out_of_scope = matches!(
            self.choice("rel.scope"),
            Some("same_sex") | Some("not_male_client")
        );
        let counter = self.abuse && victim;
        if out_of_scope || counter {
            let mut ids = Vec::new();
            if out_of_scope {
                ids.push("rel.scope".to_owned());
            }
            if counter {
                ids.push("self.victim".to_owned());
            }
            let because = self.finding("core.action.specialist_assessment.because", ids);
            self.add(
                "specialist_assessment",
                "core.action.specialist_assessment.title",
                "core.action.specialist_assessment.what",
                because,
                Urgency::ThisWeek,
                &with_galop(ContactRole::RespectPhoneline),
            );
        }
    }

    /// Any abuse disclosed, or substance use before or during incidents.
    pub(super) fn care_plan(&mut self) {
        let used_before = self.yes("subst.before_during");
        if !(self.abuse || used_before) {
            return;
        }
        let mut ids = self.disclosed_ids();
        if used_before {
            ids.push("subst.before_during".into());
        }
        let because = self.finding(
            if self.abuse {
                "core.action.finding.abuse_disclosed"
            } else {
                "core.action.care_plan.because_substances"
            },
            ids,
        );
        self.add(
            "care_plan",
            "core.action.care_plan.title",
            "core.action.care_plan.what",
            because,
            Urgency::AtNextReview,
            &[],
        );
    }

    /// Always available, sooner when there is any concern.
    pub(super) fn specialist_referral(&mut self) {
        let (what, because, urgency) = if self.abuse || self.level > Level::NoAbuseDisclosed {
            (
                "core.action.specialist_referral.what_concern",
                "core.action.specialist_referral.because_concern",
                Urgency::ThisWeek,
            )
        } else {
            (
                "core.action.specialist_referral.what_always",
                "core.action.specialist_referral.because_always",
                Urgency::AtNextReview,
            )
        };
        let because = self.finding(because, self.disclosed_ids());
        self.add(
            "specialist_referral",
            "core.action.specialist_referral.title",
            what,
            because,
            urgency,
            &[
                ContactRole::PerpetratorProgramme,
                ContactRole::RespectPhoneline,
            ],
        );
    }

    /// The screen is incomplete.
    pub(super) fn follow_up_gaps(&mut self) {
        let a = self.assessment;
        if !a.incomplete {
            return;
        }
        let because = Finding {
            text: a.incomplete_reason.clone().unwrap_or_else(|| {
                self.cat
                    .get("core.action.follow_up_gaps.because")
                    .to_owned()
            }),
            item_ids: a.follow_up.iter().map(|f| f.item_id.clone()).collect(),
        };
        self.add(
            "follow_up_gaps",
            "core.action.follow_up_gaps.title",
            "core.action.follow_up_gaps.what",
            because,
            Urgency::AtNextReview,
            &[],
        );
    }
}
