//! The rules that turn an assessment into actions (listed in the module above), one method a
//! group of actions, in the order they are added before sorting by urgency.

use super::contacts::{ContactRole, Contacts};
use super::model::{Action, Urgency};
use crate::answers::Answers;
use crate::definition::Definition;
use crate::scoring::{level_for_actions, Assessment, Finding, JudgedLevel, Level};
use crate::text::Catalogue;

/// Recommends actions from the computed result. The definition is needed so that answers to
/// questions that were not asked (hidden by a condition) never count. The catalogue gives the
/// words; the ids, urgencies and contacts do not depend on it.
pub fn recommend(
    def: &Definition,
    assessment: &Assessment,
    answers: &Answers,
    contacts: &Contacts,
    cat: &Catalogue,
) -> Vec<Action> {
    recommend_judged(def, assessment, None, answers, contacts, cat)
}

/// Recommends actions, taking a professional judgement into account. The level used is the
/// higher of the computed and the judged level, so lowering the level never removes an action.
pub fn recommend_judged(
    def: &Definition,
    assessment: &Assessment,
    judged: Option<&JudgedLevel>,
    answers: &Answers,
    contacts: &Contacts,
    cat: &Catalogue,
) -> Vec<Action> {
    let level = level_for_actions(assessment, judged);
    let mut r = Rules {
        def,
        assessment,
        answers,
        contacts,
        cat,
        level,
        high: level == Level::HighRisk,
        abuse: assessment.abuse_disclosed(),
        raised_reason: judged.filter(|j| j.raised()).map(JudgedLevel::reason),
        actions: Vec::new(),
    };
    r.call_police();
    r.safeguarding_lead();
    r.children();
    r.pre_birth();
    r.partner();
    r.crisis_support();
    r.victim_and_specialist();
    r.care_plan();
    r.specialist_referral();
    r.follow_up_gaps();
    let mut actions = r.actions;
    actions.sort_by_key(|a| a.urgency);
    actions
}

/// What the rules read, and the actions found so far.
pub(super) struct Rules<'a> {
    pub(super) def: &'a Definition,
    pub(super) assessment: &'a Assessment,
    pub(super) answers: &'a Answers,
    pub(super) contacts: &'a Contacts,
    pub(super) cat: &'a Catalogue,
    pub(super) level: Level,
    pub(super) high: bool,
    /// Abuse disclosed: a behaviour, or an injury he caused.
    pub(super) abuse: bool,
    /// The worker's reason when the judgement raised the level.
    pub(super) raised_reason: Option<&'a str>,
    pub(super) actions: Vec<Action>,
}

impl Rules<'_> {
    pub(super) fn add(
        &mut self,
        id: &str,
        key: &str,
        what: &str,
        because: Finding,
        urgency: Urgency,
        roles: &[ContactRole],
    ) {
        let cat = self.cat;
        self.actions.push(Action {
            id: id.to_owned(),
            title: cat.get(key).to_owned(),
            what_to_do: cat.get(what).to_owned(),
            because,
            urgency,
            contacts: roles.iter().map(|r| self.contacts.get(*r, cat)).collect(),
        });
    }

    /// A finding about the level itself, with the worker's reason when judgement raised it,
    /// and the answers behind the red flags.
    pub(super) fn level_finding(&self, key: &str) -> Finding {
        let cat = self.cat;
        Finding {
            text: match self.raised_reason {
                Some(reason) => cat.fill(
                    "core.action.finding.raised",
                    &[("finding", cat.get(key)), ("reason", reason)],
                ),
                None => cat.get(key).to_owned(),
            },
            item_ids: self
                .assessment
                .red_flags
                .iter()
                .flat_map(|f| f.item_ids.clone())
                .collect(),
        }
    }

    pub(super) fn finding(&self, key: &str, item_ids: Vec<String>) -> Finding {
        Finding {
            text: self.cat.get(key).to_owned(),
            item_ids,
        }
    }

    pub(super) fn yes(&self, id: &str) -> bool {
        self.answers.is_yes(self.def, id)
    }

    /// The ids among `ids` answered yes.
    pub(super) fn yes_ids(&self, ids: &[&str]) -> Vec<String> {
        ids.iter()
            .filter(|id| self.yes(id))
            .map(|id| (*id).to_owned())
            .collect()
    }

    pub(super) fn choice(&self, id: &str) -> Option<&str> {
        self.answers.choice(self.def, id)
    }

    /// High risk without a disclosed behaviour (her fear, a breach) still calls for every
    /// action that protects her and the children.
    pub(super) fn concern(&self) -> bool {
        self.abuse || self.high
    }

    pub(super) fn soon(&self) -> Urgency {
        if self.high {
            Urgency::Today
        } else {
            Urgency::ThisWeek
        }
    }

    pub(super) fn disclosed_ids(&self) -> Vec<String> {
        self.assessment
            .disclosures
            .iter()
            .map(|d| d.item_id.clone())
            .collect()
    }
}
