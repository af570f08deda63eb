//! The actions that protect her and the children: 999, the safeguarding lead and MARAC, the
//! children's and pre-birth procedures, partner support.

use super::contacts::ContactRole;
use super::model::Urgency;
use super::recommend::Rules;
use crate::answers::YesNo;
use crate::scoring::Level;

impl Rules<'_> {
    /// Imminent danger. A blank or "not sure" recency counts as recent: a gap must never keep
    /// the 999 prompt away.
    pub(super) fn call_police(&mut self) {
        let recent = |id: &str| {
            self.assessment
                .disclosures
                .iter()
                .any(|d| d.item_id == id && d.last_12_months != Some(YesNo::No))
        };
        let mut danger_items: Vec<String> = [
            "b.threat_kill",
            "b.threat_weapon",
            "b.throat_grab",
            "b.strangling",
            "b.suffocation",
        ]
        .into_iter()
        .filter(|id| recent(id))
        .map(str::to_owned)
        .collect();
        if self
            .assessment
            .red_flags
            .iter()
            .any(|f| f.rule_id == "rf.breach")
        {
            danger_items.push("impact.breach".into());
        }
        if matches!(
            self.choice("impact.recent_incident"),
            Some("today") | Some("last_week")
        ) {
            danger_items.push("impact.recent_incident".into());
        }
        if matches!(
            self.answers.yes_no(self.def, "impact.going_back"),
            Some(YesNo::Yes) | Some(YesNo::NotSure)
        ) {
            danger_items.push("impact.going_back".into());
        }
        danger_items.extend(self.yes_ids(&["impact.weapons_access", "subst.intoxicated_now"]));
        if self.high && !danger_items.is_empty() {
            let because = self.finding("core.action.call_police.because", danger_items);
            self.add(
                "call_police",
                "core.action.call_police.title",
                "core.action.call_police.what",
                because,
                Urgency::Now,
                &[ContactRole::Police],
            );
        }
    }

    /// The safeguarding lead today at high risk (with MARAC), this week at significant concern.
    pub(super) fn safeguarding_lead(&mut self) {
        if self.high {
            let because = self.level_finding("core.action.finding.high_risk");
            self.add(
                "safeguarding_lead",
                "core.action.safeguarding_lead.title_today",
                "core.action.safeguarding_lead.what_today",
                because.clone(),
                Urgency::Today,
                &[ContactRole::SafeguardingLead],
            );
            self.add(
                "consider_marac",
                "core.action.consider_marac.title",
                "core.action.consider_marac.what",
                because,
                Urgency::Today,
                &[ContactRole::MaracCoordinator, ContactRole::SafeguardingLead],
            );
        } else if self.level == Level::SignificantConcern {
            let because = self.level_finding("core.action.finding.significant_concern");
            self.add(
                "safeguarding_lead",
                "core.action.safeguarding_lead.title_this_week",
                "core.action.safeguarding_lead.what_this_week",
                because,
                Urgency::ThisWeek,
                &[ContactRole::SafeguardingLead],
            );
        }
    }

    /// Children present or harmed, thoughts of harming a child, or concern with children in
    /// the family.
    pub(super) fn children(&mut self) {
        let mut child_ids = self.yes_ids(&["children.present", "children.harmed"]);
        if self.choice("self.harm_whom") == Some("child") {
            child_ids.push("self.harm_whom".into());
        }
        let in_family = self.yes("children.any") && self.concern();
        if child_ids.is_empty() && !in_family {
            return;
        }
        let harmed = self.yes("children.harmed");
        let mut ids = child_ids.clone();
        if in_family {
            ids.insert(0, "children.any".into());
        }
        let because = self.finding(
            if child_ids.is_empty() {
                "core.action.children_safeguarding.because_in_family"
            } else {
                "core.action.children_safeguarding.because_present"
            },
            ids,
        );
        self.add(
            "children_safeguarding",
            "core.action.children_safeguarding.title",
            if harmed {
                "core.action.children_safeguarding.what_harmed"
            } else {
                "core.action.children_safeguarding.what"
            },
            because,
            if self.high || harmed {
                Urgency::Today
            } else {
                Urgency::ThisWeek
            },
            &[
                ContactRole::ChildrensSocialCare,
                ContactRole::SafeguardingLead,
                ContactRole::Police,
            ][..if harmed { 3 } else { 2 }],
        );
    }

    /// The unborn child is a child.
    pub(super) fn pre_birth(&mut self) {
        let pregnancy_ids = self.yes_ids(&["rel.pregnant", "rel.ex_pregnant"]);
        if self.concern() && !pregnancy_ids.is_empty() {
            let because = self.finding("core.action.pre_birth_safeguarding.because", pregnancy_ids);
            self.add(
                "pre_birth_safeguarding",
                "core.action.pre_birth_safeguarding.title",
                "core.action.pre_birth_safeguarding.what",
                because,
                self.soon(),
                &[
                    ContactRole::ChildrensSocialCare,
                    ContactRole::SafeguardingLead,
                ],
            );
        }
    }

    /// Partner support and the Respect Phoneline whenever abuse was disclosed or the level is
    /// high for any reason (her fear, a breach, an injury needing treatment); separate workers
    /// when his partner is a client too.
    pub(super) fn partner(&mut self) {
        if self.concern() {
            let because = if self.abuse {
                let mut ids = self.disclosed_ids();
                ids.extend(self.yes_ids(&["impact.injured"]));
                self.finding("core.action.finding.abuse_disclosed", ids)
            } else {
                self.level_finding("core.action.finding.high_risk")
            };
            self.add(
                "partner_support",
                "core.action.partner_support.title",
                "core.action.partner_support.what",
                because.clone(),
                self.soon(),
                &[ContactRole::PartnerSupport, ContactRole::NationalHelpline],
            );
            self.add(
                "respect_phoneline",
                "core.action.respect_phoneline.title",
                "core.action.respect_phoneline.what",
                because,
                self.soon(),
                &[ContactRole::RespectPhoneline],
            );
        }
        if self.yes("rel.partner_client") {
            let because = self.finding(
                "core.action.partner_also_client.because",
                vec!["rel.partner_client".into()],
            );
            self.add(
                "partner_also_client",
                "core.action.partner_also_client.title",
                "core.action.partner_also_client.what",
                because,
                self.soon(),
                &[ContactRole::SafeguardingLead],
            );
        }
    }
}
