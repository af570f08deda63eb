//! Recommended actions, derived by rules from the result. Each action says what caused it,
//! how urgent it is and whom to contact.
//!
//! # Rules
//!
//! - `call_police` (now): high risk and, in the last 12 months (or not sure when), a threat to
//!   kill, a weapon or strangulation; or a breach of bail or an order. Framed as "if anyone is
//!   in immediate danger", because a screen cannot tell that on its own.
//! - `safeguarding_lead` (today at high risk, this week at significant concern): discuss with
//!   the service's safeguarding lead.
//! - `consider_marac` (today, high risk): consider a MARAC referral with the safeguarding lead;
//!   usually made by her IDVA or the police, who complete the Dash with her.
//! - `children_safeguarding`: children present, harmed or threatened, or any abuse disclosed
//!   with children in the family; today at high risk or when a child was harmed, else this week.
//! - `partner_support` (today at high risk, else this week): any abuse disclosed; referral to a
//!   partner support service, never the keyworker contacting her.
//! - `crisis_support` (today): thoughts of suicide, self-harm or seriously harming someone.
//! - `victim_support` (this week): he says a partner has hurt, frightened or controlled him.
//! - `care_plan` (next review): any abuse disclosed, or substance use before or during
//!   incidents: relationship conflict, triggers and relapse prevention in the care plan.
//! - `respect_phoneline` (today at high risk, else this week): any abuse disclosed.
//! - `specialist_referral`: always present, whatever the level.
//! - `follow_up_gaps` (next review): the screen is incomplete.

use serde::{Deserialize, Serialize};

use crate::answers::{Answers, YesNo};
use crate::definition::Definition;
use crate::scoring::{level_for_actions, Assessment, Finding, JudgedLevel, Level};

/// How soon an action must happen. Ordered from most urgent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    Now,
    Today,
    ThisWeek,
    AtNextReview,
}

impl Urgency {
    pub fn label(self) -> &'static str {
        match self {
            Urgency::Now => "Now",
            Urgency::Today => "Today",
            Urgency::ThisWeek => "This week",
            Urgency::AtNextReview => "At next review",
        }
    }
}

/// Who a contact is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactRole {
    Police,
    RespectPhoneline,
    NationalHelpline,
    MensAdviceLine,
    SafeguardingLead,
    PerpetratorProgramme,
    PartnerSupport,
    MaracCoordinator,
    ChildrensSocialCare,
    CrisisTeam,
}

/// A contact as shown on an action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub role: ContactRole,
    pub name: String,
    /// The number or other detail; empty when the service has not set it.
    pub detail: String,
}

impl Contact {
    /// "Name: detail", or a prompt to add it when the service has not.
    pub fn display(&self) -> String {
        if self.detail.trim().is_empty() {
            format!("{}: not set (ask your service to add it)", self.name)
        } else {
            format!("{}: {}", self.name, self.detail)
        }
    }
}

/// Contact details a service can set. National numbers are filled in; local ones start empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Contacts {
    pub police: String,
    /// For him and for professionals: advice about using abuse.
    pub respect_phoneline: String,
    /// For her: the National Domestic Abuse Helpline.
    pub national_helpline: String,
    /// For him as a victim: Respect's Men's Advice Line.
    pub mens_advice_line: String,
    pub safeguarding_lead: String,
    pub perpetrator_programme: String,
    pub partner_support: String,
    pub marac_coordinator: String,
    pub childrens_social_care: String,
    pub crisis_team: String,
}

impl Default for Contacts {
    fn default() -> Self {
        Contacts {
            police: "999".into(),
            respect_phoneline: "0808 802 4040".into(),
            national_helpline: "0808 2000 247".into(),
            mens_advice_line: "0808 801 0327".into(),
            safeguarding_lead: String::new(),
            perpetrator_programme: String::new(),
            partner_support: String::new(),
            marac_coordinator: String::new(),
            childrens_social_care: String::new(),
            crisis_team: String::new(),
        }
    }
}

impl Contacts {
    /// The contact for a role.
    pub fn get(&self, role: ContactRole) -> Contact {
        let (name, detail) = match role {
            ContactRole::Police => ("Police", &self.police),
            ContactRole::RespectPhoneline => ("Respect Phoneline", &self.respect_phoneline),
            ContactRole::NationalHelpline => (
                "National Domestic Abuse Helpline (for her)",
                &self.national_helpline,
            ),
            ContactRole::MensAdviceLine => ("Men's Advice Line", &self.mens_advice_line),
            ContactRole::SafeguardingLead => ("Safeguarding lead", &self.safeguarding_lead),
            ContactRole::PerpetratorProgramme => {
                ("Local perpetrator programme", &self.perpetrator_programme)
            }
            ContactRole::PartnerSupport => ("Partner support service", &self.partner_support),
            ContactRole::MaracCoordinator => ("MARAC coordinator", &self.marac_coordinator),
            ContactRole::ChildrensSocialCare => {
                ("Children's social care", &self.childrens_social_care)
            }
            ContactRole::CrisisTeam => ("Crisis team", &self.crisis_team),
        };
        Contact {
            role,
            name: name.to_owned(),
            detail: detail.clone(),
        }
    }
}

/// One recommended action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    /// Stable id (the shell keys status records on it).
    pub id: String,
    pub title: String,
    /// What to do, in plain words.
    pub what_to_do: String,
    /// The finding that caused it, with the answers behind it.
    pub because: Finding,
    pub urgency: Urgency,
    pub contacts: Vec<Contact>,
}

/// What the worker did about an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionState {
    Offered,
    Done,
    Declined,
}

impl ActionState {
    pub fn label(self) -> &'static str {
        match self {
            ActionState::Offered => "offered",
            ActionState::Done => "done",
            ActionState::Declined => "declined",
        }
    }
}

/// The worker's record of one action, keyed by the action's id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionStatus {
    pub action_id: String,
    pub state: ActionState,
    /// The worker's note, verbatim.
    pub note: String,
}

/// Recommends actions from the computed result. The definition is needed so that answers to
/// questions that were not asked (hidden by a condition) never count.
pub fn recommend(
    def: &Definition,
    assessment: &Assessment,
    answers: &Answers,
    contacts: &Contacts,
) -> Vec<Action> {
    recommend_judged(def, assessment, None, answers, contacts)
}

/// Recommends actions, taking a professional judgement into account. The level used is the
/// higher of the computed and the judged level, so lowering the level never removes an action.
pub fn recommend_judged(
    def: &Definition,
    assessment: &Assessment,
    judged: Option<&JudgedLevel>,
    answers: &Answers,
    contacts: &Contacts,
) -> Vec<Action> {
    let level = level_for_actions(assessment, judged);
    let high = level == Level::HighRisk;
    let abuse = assessment.abuse_disclosed();
    let judged_note = judged
        .filter(|j| j.raised())
        .map(|j| format!(" (raised on professional judgement: {})", j.reason()));
    let level_finding = |text: String| Finding {
        text: format!("{text}{}", judged_note.clone().unwrap_or_default()),
        item_ids: assessment
            .red_flags
            .iter()
            .flat_map(|f| f.item_ids.clone())
            .collect(),
    };
    let mut actions = Vec::new();
    let mut add = |id: &str,
                   title: &str,
                   what: String,
                   because: Finding,
                   urgency: Urgency,
                   roles: &[ContactRole]| {
        actions.push(Action {
            id: id.to_owned(),
            title: title.to_owned(),
            what_to_do: what,
            because,
            urgency,
            contacts: roles.iter().map(|r| contacts.get(*r)).collect(),
        });
    };

    // Imminent danger.
    let recent = |id: &str| {
        assessment.disclosures.iter().any(|d| {
            d.item_id == id && matches!(d.last_12_months, Some(YesNo::Yes) | Some(YesNo::NotSure))
        })
    };
    let danger_items: Vec<String> = [
        "b.threat_kill",
        "b.threat_weapon",
        "b.throat_grab",
        "b.strangling",
    ]
    .into_iter()
    .filter(|id| recent(id))
    .map(str::to_owned)
    .collect();
    let breach = assessment
        .red_flags
        .iter()
        .any(|f| f.rule_id == "rf.breach");
    if high && (!danger_items.is_empty() || breach) {
        let mut ids = danger_items.clone();
        if breach {
            ids.push("impact.breach".into());
        }
        add(
            "call_police",
            "If anyone is in immediate danger, call the police on 999",
            "If you believe his partner, a child or anyone else is in immediate danger, call 999 now. Do not wait for the end of the session. Then tell your safeguarding lead.".into(),
            Finding {
                text: "Threats to kill, a weapon or strangulation in the last 12 months, or a broken bail condition or court order".into(),
                item_ids: ids,
            },
            Urgency::Now,
            &[ContactRole::Police],
        );
    }

    if high {
        add(
            "safeguarding_lead",
            "Discuss with your safeguarding lead today",
            "Speak to your service's safeguarding lead today, before he leaves if you can. Share the red flags and the answers behind them, and agree who does what next.".into(),
            level_finding("High risk".into()),
            Urgency::Today,
            &[ContactRole::SafeguardingLead],
        );
        add(
            "consider_marac",
            "Consider a MARAC referral",
            "With your safeguarding lead, consider a referral to the MARAC (multi-agency risk assessment conference). It is usually made by his partner's independent domestic violence adviser (IDVA) or the police, who complete the Dash risk checklist with her. A referral can rest on professional judgement alone.".into(),
            level_finding("High risk".into()),
            Urgency::Today,
            &[ContactRole::MaracCoordinator, ContactRole::SafeguardingLead],
        );
    } else if level == Level::SignificantConcern {
        add(
            "safeguarding_lead",
            "Discuss with your safeguarding lead this week",
            "Discuss the disclosures with your service's safeguarding lead this week, and agree what to do next.".into(),
            level_finding("Significant concern".into()),
            Urgency::ThisWeek,
            &[ContactRole::SafeguardingLead],
        );
    }

    // Children.
    let def_yes = |id: &str| answers.is_yes(def, id);
    let child_ids: Vec<String> = ["children.present", "children.harmed"]
        .into_iter()
        .filter(|id| def_yes(id))
        .map(str::to_owned)
        .collect();
    let children_in_family = def_yes("children.any");
    if !child_ids.is_empty() || (abuse && children_in_family) {
        let harmed = def_yes("children.harmed");
        let mut ids = child_ids.clone();
        if children_in_family && abuse {
            ids.insert(0, "children.any".into());
        }
        add(
            "children_safeguarding",
            "Follow your local children's safeguarding procedure",
            "Follow your local safeguarding children procedure and speak to your safeguarding lead. Children seeing or hearing domestic abuse is itself harm. If a child is at risk you must share information, with or without consent, and record why.".into(),
            Finding {
                text: if child_ids.is_empty() {
                    "Abuse disclosed with children in the family".into()
                } else {
                    "Children present during incidents, or a child harmed or threatened".into()
                },
                item_ids: ids,
            },
            if high || harmed {
                Urgency::Today
            } else {
                Urgency::ThisWeek
            },
            &[ContactRole::ChildrensSocialCare, ContactRole::SafeguardingLead],
        );
    }

    let disclosed_ids: Vec<String> = assessment
        .disclosures
        .iter()
        .map(|d| d.item_id.clone())
        .collect();
    if abuse {
        add(
            "partner_support",
            "Refer for partner support",
            "Make a referral so that a partner support service, or a local domestic abuse service, can offer his partner support and safety planning. Do not contact his partner about what he has told you yourself, and never tell him anything you hear from her. She can call the National Domestic Abuse Helpline at any time.".into(),
            Finding {
                text: "Abusive behaviour disclosed".into(),
                item_ids: disclosed_ids.clone(),
            },
            if high { Urgency::Today } else { Urgency::ThisWeek },
            &[ContactRole::PartnerSupport, ContactRole::NationalHelpline],
        );
    }

    // His own needs.
    let crisis_ids: Vec<String> = ["self.suicide", "self.harm_others"]
        .into_iter()
        .filter(|id| def_yes(id))
        .map(str::to_owned)
        .collect();
    if !crisis_ids.is_empty() {
        add(
            "crisis_support",
            "Arrange mental health or crisis support for him",
            "Follow your service's procedure for suicide and harm risk today: ask about plans, and arrange mental health or crisis support. Where he has thoughts of seriously harming someone, discuss with your safeguarding lead whether information must be shared.".into(),
            Finding {
                text: "Thoughts of suicide, self-harm or seriously harming someone".into(),
                item_ids: crisis_ids,
            },
            Urgency::Today,
            &[ContactRole::CrisisTeam, ContactRole::SafeguardingLead],
        );
    }
    if def_yes("self.victim") {
        add(
            "victim_support",
            "Offer him support as a victim",
            "He says a partner has hurt, frightened or controlled him. Offer support, for example the Men's Advice Line, and record what he said in his own words. This does not cancel out anything he has disclosed about his own behaviour.".into(),
            Finding {
                text: "He says a partner has hurt, frightened or controlled him".into(),
                item_ids: vec!["self.victim".into()],
            },
            Urgency::ThisWeek,
            &[ContactRole::MensAdviceLine],
        );
    }

    let used_before = def_yes("subst.before_during");
    if abuse || used_before {
        let mut ids = disclosed_ids.clone();
        if used_before {
            ids.push("subst.before_during".into());
        }
        add(
            "care_plan",
            "Add relationship conflict to his care plan",
            "Add conflict in relationships, and what triggers it, to his care plan and relapse-prevention work. Drink and drugs are never an excuse for abuse: work on both together.".into(),
            Finding {
                text: if abuse {
                    "Abusive behaviour disclosed".into()
                } else {
                    "Drink or drugs used before or during incidents".into()
                },
                item_ids: ids,
            },
            Urgency::AtNextReview,
            &[],
        );
        if abuse {
            add(
                "respect_phoneline",
                "Call the Respect Phoneline for advice",
                "Call the Respect Phoneline for advice on responding to this disclosure. He can also call it himself for help to change.".into(),
                Finding {
                    text: "Abusive behaviour disclosed".into(),
                    item_ids: disclosed_ids.clone(),
                },
                if high { Urgency::Today } else { Urgency::ThisWeek },
                &[ContactRole::RespectPhoneline],
            );
        }
    }

    // Always available.
    let (what, text, urgency) = if abuse || level > Level::NoAbuseDisclosed {
        (
            "Offer him a referral to a Respect-accredited domestic abuse perpetrator programme, or to a specialist assessment of his behaviour in relationships.",
            "Abusive behaviour disclosed, or concern raised",
            Urgency::ThisWeek,
        )
    } else {
        (
            "A referral to a Respect-accredited domestic abuse perpetrator programme, or to a specialist assessment, is available if concerns arise or on your professional judgement.",
            "Always available, whatever the level",
            Urgency::AtNextReview,
        )
    };
    add(
        "specialist_referral",
        "Referral to a specialist assessment or perpetrator programme",
        what.into(),
        Finding {
            text: text.into(),
            item_ids: disclosed_ids,
        },
        urgency,
        &[
            ContactRole::PerpetratorProgramme,
            ContactRole::RespectPhoneline,
        ],
    );

    if assessment.incomplete {
        add(
            "follow_up_gaps",
            "Follow up the questions not answered",
            "Go back to the questions not answered, or where he preferred not to say, at the next session. Ask again about behaviours, not labels.".into(),
            Finding {
                text: assessment
                    .incomplete_reason
                    .clone()
                    .unwrap_or_else(|| "This screen is incomplete".into()),
                item_ids: assessment
                    .follow_up
                    .iter()
                    .map(|f| f.item_id.clone())
                    .collect(),
            },
            Urgency::AtNextReview,
            &[],
        );
    }

    actions.sort_by_key(|a| a.urgency);
    actions
}
