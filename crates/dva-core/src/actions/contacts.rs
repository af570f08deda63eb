//! Whom an action names: the roles, the service's contact details and the national numbers
//! of each region.

use serde::{Deserialize, Serialize};

use crate::text::Catalogue;

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
