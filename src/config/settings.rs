//! The settings a service may set, typed, with their defaults.
use std::collections::BTreeMap;
use std::time::Duration;

use dva_core::{ContactRole, Contacts, Region};

/// What the tab, the window bar and the browser's history call each page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Titles {
    /// Each page by name ("Relationship – DVA Screen"), as WCAG 2.4.2 asks: the worker can tell
    /// tabs and history entries apart. Anyone at the computer later can read them too.
    Named,
    /// Every page titled "New tab", the neutral page's own title, so that the tab and the
    /// history say nothing. Screen-reader users still hear each page: focus moves to its
    /// heading on every page change.
    Neutral,
}

/// Page titles while the client holds the device: always neutral, as he may later sit at this
/// computer (or someone close to him may), and his questions should not be listed in its history.
pub const CLIENT_TITLES: Titles = Titles::Neutral;

/// The local contacts a service sets, in the order the README lists them.
pub const LOCAL_ROLES: [(&str, ContactRole); 6] = [
    ("safeguarding_lead", ContactRole::SafeguardingLead),
    ("marac_coordinator", ContactRole::MaracCoordinator),
    ("perpetrator_programme", ContactRole::PerpetratorProgramme),
    ("partner_support", ContactRole::PartnerSupport),
    ("childrens_social_care", ContactRole::ChildrensSocialCare),
    ("crisis_team", ContactRole::CrisisTeam),
];

/// One local contact as the service wrote it. Every part is optional; an empty contact is
/// shown as "not set".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LocalContact {
    pub name: String,
    pub phone: String,
    pub email: String,
    pub hours: String,
    pub notes: String,
}

impl LocalContact {
    /// The contact on one line, for the summary's renderings: "Sam Patel, 01632 960 001, …".
    pub fn one_line(&self) -> String {
        [
            &self.name,
            &self.phone,
            &self.email,
            &self.hours,
            &self.notes,
        ]
        .into_iter()
        .filter(|s| !s.trim().is_empty())
        .map(|s| s.trim())
        .collect::<Vec<_>>()
        .join(", ")
    }
}

/// The service's colours. Each pair is checked for contrast together and falls back together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Colours {
    pub header: String,
    pub header_text: String,
    pub button: String,
    pub button_text: String,
    pub link: String,
}

impl Default for Colours {
    fn default() -> Self {
        // The defaults in style/main.css.
        Colours {
            header: "#0b0c0c".into(),
            header_text: "#ffffff".into(),
            button: "#00703c".into(),
            button_text: "#ffffff".into(),
            link: "#1d70b8".into(),
        }
    }
}

/// A logo shipped beside the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Logo {
    /// Relative to the app's folder.
    pub file: String,
    /// Empty when the logo only repeats the service name shown beside it.
    pub alt: String,
}

/// The settings the app runs with.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// The service's name, shown in the header, offered in the start page's service field and
    /// in each named tab title. `None`: none shown.
    pub service_name: Option<String>,
    /// The nation the service is in: it picks the national helpline for his partner and the
    /// urgent mental health line in every action and summary.
    pub region: Region,
    pub local: BTreeMap<&'static str, LocalContact>,
    /// Where quick exit goes. The default is a blank "New tab" page shipped beside the app, so
    /// it works offline and under any path; a service may set a neutral page of its own.
    pub quick_exit: String,
    /// Page titles in the worker's pages.
    pub worker_titles: Titles,
    /// Whether workers may save a draft on this computer at all. When `false` the opt-in is not
    /// offered and nothing is ever written to the browser's storage.
    pub drafts_allowed: bool,
    /// How long a saved draft is kept before it is deleted at start-up.
    pub draft_lifetime: Duration,
    /// How long without input before the idle cover hides the screen.
    pub idle_after: Duration,
    pub colours: Colours,
    pub logo: Option<Logo>,
    /// The intranet page that embeds the app in an iframe: the only origin its height is sent to.
    pub host_origin: Option<String>,
    /// The optional sections of the questionnaire this service does not ask (config
    /// `optional_sections`, a section set to `false`). Only sections no risk rule reads can be
    /// optional (the definition's validation sees to it), so this never lowers a level.
    pub sections_off: Vec<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            service_name: None,
            region: Region::England,
            local: BTreeMap::new(),
            quick_exit: "neutral.html".into(),
            // The `neutral-titles` feature builds with neutral titles without a config: it is how
            // the browser tests' second build checks the setting a service would use.
            worker_titles: if cfg!(feature = "neutral-titles") {
                Titles::Neutral
            } else {
                Titles::Named
            },
            drafts_allowed: true,
            // The working day.
            draft_lifetime: Duration::from_secs(8 * 60 * 60),
            idle_after: Duration::from_secs(10 * 60),
            colours: Colours::default(),
            logo: None,
            host_origin: None,
            sections_off: Vec::new(),
        }
    }
}

impl Settings {
    /// The contacts shown on actions and in the summary: the region's national numbers and the
    /// service's local ones, each on one line.
    pub fn contacts(&self) -> Contacts {
        let mut c = Contacts::for_region(self.region);
        for (key, role) in LOCAL_ROLES {
            let line = self.local.get(key).map(LocalContact::one_line);
            let Some(line) = line else { continue };
            let slot = match role {
                ContactRole::SafeguardingLead => &mut c.safeguarding_lead,
                ContactRole::MaracCoordinator => &mut c.marac_coordinator,
                ContactRole::PerpetratorProgramme => &mut c.perpetrator_programme,
                ContactRole::PartnerSupport => &mut c.partner_support,
                ContactRole::ChildrensSocialCare => &mut c.childrens_social_care,
                ContactRole::CrisisTeam => &mut c.crisis_team,
                _ => continue,
            };
            *slot = line;
        }
        c
    }

    /// The service's own contact for a local role, if it set one.
    pub fn local_contact(&self, role: ContactRole) -> Option<&LocalContact> {
        let key = LOCAL_ROLES.iter().find(|(_, r)| *r == role)?.0;
        self.local.get(key).filter(|c| !c.one_line().is_empty())
    }
}
