//! Recommended actions, derived by rules from the result. Each action says what caused it,
//! how urgent it is and whom to contact.
//!
//! # Rules
//!
//! "Concern" below means abuse disclosed (a behaviour, or an injury he caused) or a high
//! level for any reason, so that high risk raised by her fear, a breach or an injury without
//! a disclosed behaviour keeps every action that protects her and the children.
//!
//! - `call_police` (now), at high risk, when any of these: a threat to kill, a weapon,
//!   strangulation or suffocation that was recent or whose recency he did not give (a blank
//!   recency counts as recent); a breach of bail or an order; the most recent incident in the
//!   last week; he may see her today (yes or not sure); access to weapons; he is intoxicated or
//!   in withdrawal now. Framed as "if anyone is in immediate danger", because a screen cannot
//!   tell that on its own.
//! - `safeguarding_lead` (today at high risk, this week at significant concern).
//! - `consider_marac` (today, high risk): usually made by her IDVA or the police, who complete
//!   the Dash with her.
//! - `children_safeguarding`: children present or harmed, thoughts of harming a child, or
//!   concern with children in the family; today at high risk or when a child was harmed, else
//!   this week. When a child was harmed, the police are a contact and the text names the local
//!   authority designated officer.
//! - `pre_birth_safeguarding` (today at high risk, else this week): a partner or ex-partner
//!   pregnant, with concern.
//! - `partner_support` and `respect_phoneline` (today at high risk, else this week): concern.
//! - `partner_also_client`: his partner is also a client of the service: separate workers,
//!   nothing passed between them, her worker routes her to an IDVA and the Dash.
//! - `crisis_support` (today): thoughts of suicide, self-harm or seriously harming someone,
//!   with the crisis team, the urgent mental health line of the region and Samaritans.
//! - `victim_support` (this week): he says a partner has hurt, frightened or controlled him
//!   (Galop too when the relationship is same-sex).
//! - `specialist_assessment` (this week): the relationship is same-sex, the client is not a man,
//!   or he says he is abused and has disclosed abuse (counter-allegations): never the
//!   keyworker's judgement of who is the victim.
//! - `care_plan` (next review): any abuse disclosed, or substance use before or during
//!   incidents.
//! - `specialist_referral`: always present, whatever the level.
//! - `follow_up_gaps` (next review): the screen is incomplete.

use serde::{Deserialize, Serialize};

use crate::answers::{Answers, YesNo};
use crate::definition::Definition;
use crate::scoring::{level_for_actions, Assessment, Finding, JudgedLevel, Level};
use crate::text::Catalogue;

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
    pub fn label(self, cat: &Catalogue) -> &str {
        cat.get(match self {
            Urgency::Now => "core.urgency.now",
            Urgency::Today => "core.urgency.today",
            Urgency::ThisWeek => "core.urgency.this_week",
            Urgency::AtNextReview => "core.urgency.at_next_review",
        })
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
    /// Galop, for LGBT+ people.
    Galop,
    Samaritans,
    /// NHS 111 (its mental health option), or the nation's equivalent.
    UrgentMentalHealth,
}

/// The nation a service is in. It picks the national helpline for his partner and the urgent
/// mental health line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Region {
    #[default]
    England,
    Wales,
    Scotland,
    NorthernIreland,
}

impl Region {
    pub const ALL: [Region; 4] = [
        Region::England,
        Region::Wales,
        Region::Scotland,
        Region::NorthernIreland,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Region::England => "england",
            Region::Wales => "wales",
            Region::Scotland => "scotland",
            Region::NorthernIreland => "northern_ireland",
        }
    }

    pub fn from_id(id: &str) -> Option<Region> {
        Region::ALL.into_iter().find(|r| r.id() == id)
    }
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
    pub fn display(&self, cat: &Catalogue) -> String {
        if self.detail.trim().is_empty() {
            cat.fill("core.contact.not_set", &[("name", &self.name)])
        } else {
            cat.fill(
                "core.contact.line",
                &[("name", &self.name), ("detail", &self.detail)],
            )
        }
    }
}

/// Contact details a service can set. National numbers are filled in for the service's
/// region ([`Contacts::for_region`]); local ones start empty.
///
/// National numbers, each checked against a published page on 2026-12-04 (the page named):
/// - England: National Domestic Abuse Helpline (Refuge) 0808 2000 247, 24 hours (refuge.org.uk,
///   gov.uk).
/// - Wales: Live Fear Free 0808 80 10 800, 24 hours (gov.wales/live-fear-free).
/// - Scotland: Domestic Abuse and Forced Marriage Helpline 0800 027 1234, 24 hours (safer.scot,
///   Citizens Advice Scotland).
/// - Northern Ireland: Domestic and Sexual Abuse Helpline (Nexus) 0808 802 1414, 24 hours
///   (victimsupportni.com, psni.police.uk).
/// - Respect Phoneline 0808 802 4040 (Respect's makeachange.uk.net).
/// - Men's Advice Line 0808 801 0327 (an NHS trust's page; Respect's own page was not reachable
///   here: confirm with Respect before release).
/// - Galop, National LGBT+ Domestic Abuse Helpline 0800 999 5428 (galop.org.uk).
/// - Samaritans 116 123, 24 hours (samaritans.org).
/// - Urgent mental health: NHS 111, mental health option, in England and Wales (an NHS
///   ambulance trust; gov.wales release); NHS 24 on 111 in Scotland; Lifeline 0808 808 8000 in
///   Northern Ireland, which has no general 111 service (publichealth.hscni.net).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Contacts {
    pub region: Region,
    pub police: String,
    /// For him and for professionals: advice about using abuse.
    pub respect_phoneline: String,
    /// For her: the national domestic abuse helpline of the region.
    pub national_helpline: String,
    /// For him as a victim: Respect's Men's Advice Line.
    pub mens_advice_line: String,
    pub galop: String,
    pub samaritans: String,
    pub urgent_mental_health: String,
    pub safeguarding_lead: String,
    pub perpetrator_programme: String,
    pub partner_support: String,
    pub marac_coordinator: String,
    pub childrens_social_care: String,
    pub crisis_team: String,
}

impl Default for Contacts {
    fn default() -> Self {
        Contacts::for_region(Region::England)
    }
}

impl Contacts {
    /// The national numbers for a region, with every local contact empty.
    pub fn for_region(region: Region) -> Self {
        let (helpline, mental_health) = match region {
            Region::England => ("0808 2000 247", "111"),
            Region::Wales => ("0808 80 10 800", "111"),
            Region::Scotland => ("0800 027 1234", "111"),
            Region::NorthernIreland => ("0808 802 1414", "0808 808 8000"),
        };
        Contacts {
            region,
            police: "999".into(),
            respect_phoneline: "0808 802 4040".into(),
            national_helpline: helpline.into(),
            mens_advice_line: "0808 801 0327".into(),
            galop: "0800 999 5428".into(),
            samaritans: "116 123".into(),
            urgent_mental_health: mental_health.into(),
            safeguarding_lead: String::new(),
            perpetrator_programme: String::new(),
            partner_support: String::new(),
            marac_coordinator: String::new(),
            childrens_social_care: String::new(),
            crisis_team: String::new(),
        }
    }

    /// The contact for a role, named in the catalogue's words.
    pub fn get(&self, role: ContactRole, cat: &Catalogue) -> Contact {
        let (key, detail) = match role {
            ContactRole::Police => ("core.contact.police", &self.police),
            ContactRole::RespectPhoneline => {
                ("core.contact.respect_phoneline", &self.respect_phoneline)
            }
            ContactRole::NationalHelpline => (
                match self.region {
                    Region::England => "core.contact.national_helpline.england",
                    Region::Wales => "core.contact.national_helpline.wales",
                    Region::Scotland => "core.contact.national_helpline.scotland",
                    Region::NorthernIreland => "core.contact.national_helpline.northern_ireland",
                },
                &self.national_helpline,
            ),
            ContactRole::MensAdviceLine => {
                ("core.contact.mens_advice_line", &self.mens_advice_line)
            }
            ContactRole::Galop => ("core.contact.galop", &self.galop),
            ContactRole::Samaritans => ("core.contact.samaritans", &self.samaritans),
            ContactRole::UrgentMentalHealth => (
                match self.region {
                    Region::England | Region::Wales => "core.contact.urgent_mental_health.nhs_111",
                    Region::Scotland => "core.contact.urgent_mental_health.nhs_24",
                    Region::NorthernIreland => "core.contact.urgent_mental_health.lifeline",
                },
                &self.urgent_mental_health,
            ),
            ContactRole::SafeguardingLead => {
                ("core.contact.safeguarding_lead", &self.safeguarding_lead)
            }
            ContactRole::PerpetratorProgramme => (
                "core.contact.perpetrator_programme",
                &self.perpetrator_programme,
            ),
            ContactRole::PartnerSupport => ("core.contact.partner_support", &self.partner_support),
            ContactRole::MaracCoordinator => {
                ("core.contact.marac_coordinator", &self.marac_coordinator)
            }
            ContactRole::ChildrensSocialCare => (
                "core.contact.childrens_social_care",
                &self.childrens_social_care,
            ),
            ContactRole::CrisisTeam => ("core.contact.crisis_team", &self.crisis_team),
        };
        Contact {
            role,
            name: cat.get(key).to_owned(),
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
    pub fn label(self, cat: &Catalogue) -> &str {
        cat.get(match self {
            ActionState::Offered => "core.action_state.offered",
            ActionState::Done => "core.action_state.done",
            ActionState::Declined => "core.action_state.declined",
        })
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
    let high = level == Level::HighRisk;
    let abuse = assessment.abuse_disclosed();
    let raised_reason = judged.filter(|j| j.raised()).map(JudgedLevel::reason);
    let level_finding = |key: &str| Finding {
        text: match raised_reason {
            Some(reason) => cat.fill(
                "core.action.finding.raised",
                &[("finding", cat.get(key)), ("reason", reason)],
            ),
            None => cat.get(key).to_owned(),
        },
        item_ids: assessment
            .red_flags
            .iter()
            .flat_map(|f| f.item_ids.clone())
            .collect(),
    };
    let finding = |key: &str, item_ids: Vec<String>| Finding {
        text: cat.get(key).to_owned(),
        item_ids,
    };
    let mut actions = Vec::new();
    let mut add = |id: &str,
                   title: &str,
                   what: &str,
                   because: Finding,
                   urgency: Urgency,
                   roles: &[ContactRole]| {
        actions.push(Action {
            id: id.to_owned(),
            title: cat.get(title).to_owned(),
            what_to_do: cat.get(what).to_owned(),
            because,
            urgency,
            contacts: roles.iter().map(|r| contacts.get(*r, cat)).collect(),
        });
    };

    // Imminent danger. A blank or "not sure" recency counts as recent: a gap must never keep
    // the 999 prompt away.
    let recent = |id: &str| {
        assessment
            .disclosures
            .iter()
            .any(|d| d.item_id == id && d.last_12_months != Some(YesNo::No))
    };
    let def_yes = |id: &str| answers.is_yes(def, id);
    let yes_or_unsure = |id: &str| {
        matches!(
            answers.yes_no(def, id),
            Some(YesNo::Yes) | Some(YesNo::NotSure)
        )
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
    if assessment
        .red_flags
        .iter()
        .any(|f| f.rule_id == "rf.breach")
    {
        danger_items.push("impact.breach".into());
    }
    if matches!(
        answers.choice(def, "impact.recent_incident"),
        Some("today") | Some("last_week")
    ) {
        danger_items.push("impact.recent_incident".into());
    }
    if yes_or_unsure("impact.going_back") {
        danger_items.push("impact.going_back".into());
    }
    for id in ["impact.weapons_access", "subst.intoxicated_now"] {
        if def_yes(id) {
            danger_items.push(id.into());
        }
    }
    if high && !danger_items.is_empty() {
        add(
            "call_police",
            "core.action.call_police.title",
            "core.action.call_police.what",
            finding("core.action.call_police.because", danger_items),
            Urgency::Now,
            &[ContactRole::Police],
        );
    }

    if high {
        add(
            "safeguarding_lead",
            "core.action.safeguarding_lead.title_today",
            "core.action.safeguarding_lead.what_today",
            level_finding("core.action.finding.high_risk"),
            Urgency::Today,
            &[ContactRole::SafeguardingLead],
        );
        add(
            "consider_marac",
            "core.action.consider_marac.title",
            "core.action.consider_marac.what",
            level_finding("core.action.finding.high_risk"),
            Urgency::Today,
            &[ContactRole::MaracCoordinator, ContactRole::SafeguardingLead],
        );
    } else if level == Level::SignificantConcern {
        add(
            "safeguarding_lead",
            "core.action.safeguarding_lead.title_this_week",
            "core.action.safeguarding_lead.what_this_week",
            level_finding("core.action.finding.significant_concern"),
            Urgency::ThisWeek,
            &[ContactRole::SafeguardingLead],
        );
    }

    // Children. High risk without a disclosed behaviour (her fear, a breach) still calls for
    // the children's procedure when there are children.
    let concern = abuse || high;
    let mut child_ids: Vec<String> = ["children.present", "children.harmed"]
        .into_iter()
        .filter(|id| def_yes(id))
        .map(str::to_owned)
        .collect();
    if answers.choice(def, "self.harm_whom") == Some("child") {
        child_ids.push("self.harm_whom".into());
    }
    let children_in_family = def_yes("children.any");
    let harmed = def_yes("children.harmed");
    if !child_ids.is_empty() || (concern && children_in_family) {
        let mut ids = child_ids.clone();
        if children_in_family && concern {
            ids.insert(0, "children.any".into());
        }
        add(
            "children_safeguarding",
            "core.action.children_safeguarding.title",
            if harmed {
                "core.action.children_safeguarding.what_harmed"
            } else {
                "core.action.children_safeguarding.what"
            },
            finding(
                if child_ids.is_empty() {
                    "core.action.children_safeguarding.because_in_family"
                } else {
                    "core.action.children_safeguarding.because_present"
                },
                ids,
            ),
            if high || harmed {
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
    // The unborn child is a child.
    let pregnancy_ids: Vec<String> = ["rel.pregnant", "rel.ex_pregnant"]
        .into_iter()
        .filter(|id| def_yes(id))
        .map(str::to_owned)
        .collect();
    if concern && !pregnancy_ids.is_empty() {
        add(
            "pre_birth_safeguarding",
            "core.action.pre_birth_safeguarding.title",
            "core.action.pre_birth_safeguarding.what",
            finding("core.action.pre_birth_safeguarding.because", pregnancy_ids),
            if high {
                Urgency::Today
            } else {
                Urgency::ThisWeek
            },
            &[
                ContactRole::ChildrensSocialCare,
                ContactRole::SafeguardingLead,
            ],
        );
    }

    let disclosed_ids: Vec<String> = assessment
        .disclosures
        .iter()
        .map(|d| d.item_id.clone())
        .collect();
    // Partner support and the Respect Phoneline whenever abuse was disclosed or the level is
    // high for any reason (her fear, a breach, an injury needing treatment).
    let concern_finding = || {
        if abuse {
            let mut ids = disclosed_ids.clone();
            if def_yes("impact.injured") {
                ids.push("impact.injured".into());
            }
            finding("core.action.finding.abuse_disclosed", ids)
        } else {
            level_finding("core.action.finding.high_risk")
        }
    };
    let soon = if high {
        Urgency::Today
    } else {
        Urgency::ThisWeek
    };
    if concern {
        add(
            "partner_support",
            "core.action.partner_support.title",
            "core.action.partner_support.what",
            concern_finding(),
            soon,
            &[ContactRole::PartnerSupport, ContactRole::NationalHelpline],
        );
        add(
            "respect_phoneline",
            "core.action.respect_phoneline.title",
            "core.action.respect_phoneline.what",
            concern_finding(),
            soon,
            &[ContactRole::RespectPhoneline],
        );
    }
    if def_yes("rel.partner_client") {
        add(
            "partner_also_client",
            "core.action.partner_also_client.title",
            "core.action.partner_also_client.what",
            finding(
                "core.action.partner_also_client.because",
                vec!["rel.partner_client".into()],
            ),
            soon,
            &[ContactRole::SafeguardingLead],
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
            "core.action.crisis_support.title",
            "core.action.crisis_support.what",
            finding("core.action.crisis_support.because", crisis_ids),
            Urgency::Today,
            &[
                ContactRole::CrisisTeam,
                ContactRole::SafeguardingLead,
                ContactRole::UrgentMentalHealth,
                ContactRole::Samaritans,
            ],
        );
    }
    let same_sex = answers.choice(def, "rel.scope") == Some("same_sex");
    if def_yes("self.victim") {
        add(
            "victim_support",
            "core.action.victim_support.title",
            "core.action.victim_support.what",
            finding(
                "core.action.victim_support.because",
                vec!["self.victim".into()],
            ),
            Urgency::ThisWeek,
            if same_sex {
                &[ContactRole::MensAdviceLine, ContactRole::Galop]
            } else {
                &[ContactRole::MensAdviceLine]
            },
        );
    }
    // Outside the screen's scope, or counter-allegations: a specialist assessment, never the
    // keyworker's judgement of who is the victim.
    let out_of_scope = matches!(
        answers.choice(def, "rel.scope"),
        Some("same_sex") | Some("not_male_client")
    );
    let counter = abuse && def_yes("self.victim");
    if out_of_scope || counter {
        let mut ids = Vec::new();
        if out_of_scope {
            ids.push("rel.scope".to_owned());
        }
        if counter {
            ids.push("self.victim".to_owned());
        }
        add(
            "specialist_assessment",
            "core.action.specialist_assessment.title",
            "core.action.specialist_assessment.what",
            finding("core.action.specialist_assessment.because", ids),
            Urgency::ThisWeek,
            if same_sex {
                &[ContactRole::RespectPhoneline, ContactRole::Galop]
            } else {
                &[ContactRole::RespectPhoneline]
            },
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
            "core.action.care_plan.title",
            "core.action.care_plan.what",
            finding(
                if abuse {
                    "core.action.finding.abuse_disclosed"
                } else {
                    "core.action.care_plan.because_substances"
                },
                ids,
            ),
            Urgency::AtNextReview,
            &[],
        );
    }

    // Always available.
    let (what, because, urgency) = if abuse || level > Level::NoAbuseDisclosed {
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
    add(
        "specialist_referral",
        "core.action.specialist_referral.title",
        what,
        finding(because, disclosed_ids),
        urgency,
        &[
            ContactRole::PerpetratorProgramme,
            ContactRole::RespectPhoneline,
        ],
    );

    if assessment.incomplete {
        add(
            "follow_up_gaps",
            "core.action.follow_up_gaps.title",
            "core.action.follow_up_gaps.what",
            Finding {
                text: assessment
                    .incomplete_reason
                    .clone()
                    .unwrap_or_else(|| cat.get("core.action.follow_up_gaps.because").to_owned()),
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
