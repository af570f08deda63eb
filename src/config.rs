//! Service settings: typed, with safe defaults, read once at start from the service's
//! `config.json` (or the same JSON in a host page's `<script type="application/json"
//! id="dva-screen-config">` block). [`parse_config`] is pure and reports every problem at once;
//! each key with a problem keeps its default, so a broken file never stops the app. The worker
//! sees the problems on the start page (never the client).
use std::collections::BTreeMap;
use std::sync::OnceLock;
use std::time::Duration;

use dva_core::{ContactRole, Contacts, Region};
use serde_json::value::RawValue;

/// A JSON object with its values still as text: each is read as the type its key needs, so a
/// wrong type is a problem of that key alone, and no tree of the whole file is built.
type Object<'t> = BTreeMap<String, &'t RawValue>;

use crate::text::tf;

/// A larger file is refused whole: a config is a few kilobytes, and reading megabytes of one
/// would only slow the start for nothing.
pub const MAX_CONFIG_BYTES: usize = 64 * 1024;

/// The id of a host page's config block.
pub const CONFIG_BLOCK_ID: &str = "dva-screen-config";

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

/// The page's background, against which links are checked.
const PAGE_BACKGROUND: &str = "#ffffff";

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

/// Something wrong in the service's config: where (a dotted path such as
/// `contacts.safeguarding_lead.phone`, empty for the whole file) and what.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub at: String,
    pub kind: ProblemKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    NotJson {
        line: usize,
        column: usize,
    },
    Truncated,
    TooLarge {
        bytes: usize,
    },
    NotAnObject,
    /// The file could not be read (an HTTP status other than 404).
    Unreadable {
        status: u16,
    },
    UnknownKey {
        suggestion: Option<String>,
    },
    WrongType {
        expected: Expected,
    },
    NotDiallable,
    NotEmail,
    NotColour,
    LowContrast {
        ratio: f64,
        against: String,
    },
    ExitNotHttp,
    ExitSameOrigin,
    NotRegion,
    OutOfRange {
        min: u64,
        max: u64,
    },
    NotOrigin,
    LogoNotLocal,
    Empty,
    /// A section of the questionnaire that must always be asked (risk rules read it).
    NotOptional {
        /// The sections that are optional, to say what may be switched off.
        optional: String,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Text,
    Number,
    TrueOrFalse,
    Object,
}

impl Problem {
    fn new(at: impl Into<String>, kind: ProblemKind) -> Problem {
        Problem {
            at: at.into(),
            kind,
        }
    }

    /// The problem in the worker's words, from the catalogue.
    pub fn message(&self) -> String {
        let at = self.at.as_str();
        match &self.kind {
            ProblemKind::NotJson { line, column } => tf(
                "settings.problem.not_json",
                &[("line", &line.to_string()), ("column", &column.to_string())],
            ),
            ProblemKind::Truncated => tf("settings.problem.truncated", &[]),
            ProblemKind::TooLarge { bytes } => tf(
                "settings.problem.too_large",
                &[
                    ("kb", &bytes.div_ceil(1024).to_string()),
                    ("max", &(MAX_CONFIG_BYTES / 1024).to_string()),
                ],
            ),
            ProblemKind::NotAnObject => tf("settings.problem.not_object", &[]),
            // 0: no answer at all (the request itself failed).
            ProblemKind::Unreadable { status: 0 } => tf("settings.problem.unreachable", &[]),
            ProblemKind::Unreadable { status } => tf(
                "settings.problem.unreadable",
                &[("status", &status.to_string())],
            ),
            ProblemKind::UnknownKey {
                suggestion: Some(s),
            } => tf(
                "settings.problem.unknown_suggest",
                &[("key", at), ("suggestion", s)],
            ),
            ProblemKind::UnknownKey { suggestion: None } => {
                tf("settings.problem.unknown", &[("key", at)])
            }
            ProblemKind::WrongType { expected } => {
                let key = match expected {
                    Expected::Text => "settings.problem.type_text",
                    Expected::Number => "settings.problem.type_number",
                    Expected::TrueOrFalse => "settings.problem.type_bool",
                    Expected::Object => "settings.problem.type_object",
                };
                tf(key, &[("key", at)])
            }
            ProblemKind::NotDiallable => tf("settings.problem.phone", &[("key", at)]),
            ProblemKind::NotEmail => tf("settings.problem.email", &[("key", at)]),
            ProblemKind::NotColour => tf("settings.problem.colour", &[("key", at)]),
            ProblemKind::LowContrast { ratio, against } => tf(
                "settings.problem.contrast",
                &[
                    ("key", at),
                    ("ratio", &one_decimal_down(*ratio)),
                    ("against", against),
                ],
            ),
            ProblemKind::ExitNotHttp => tf("settings.problem.exit_http", &[("key", at)]),
            ProblemKind::ExitSameOrigin => tf("settings.problem.exit_origin", &[("key", at)]),
            ProblemKind::NotRegion => tf("settings.problem.region", &[("key", at)]),
            ProblemKind::OutOfRange { min, max } => tf(
                "settings.problem.range",
                &[
                    ("key", at),
                    ("min", &min.to_string()),
                    ("max", &max.to_string()),
                ],
            ),
            ProblemKind::NotOrigin => tf("settings.problem.origin", &[("key", at)]),
            ProblemKind::LogoNotLocal => tf("settings.problem.logo", &[("key", at)]),
            ProblemKind::Empty => tf("settings.problem.empty", &[("key", at)]),
            ProblemKind::NotOptional { optional } => tf(
                "settings.problem.not_optional",
                &[("key", at), ("optional", optional)],
            ),
        }
    }
}

const TOP_KEYS: &[&str] = &[
    "service_name",
    "region",
    "contacts",
    "quick_exit_url",
    "neutral_titles",
    "drafts_allowed",
    "draft_lifetime_hours",
    "idle_minutes",
    "colours",
    "logo",
    "host_origin",
    "optional_sections",
];
const CONTACT_KEYS: &[&str] = &["name", "phone", "email", "hours", "notes"];
const COLOUR_KEYS: &[&str] = &["header", "header_text", "button", "button_text", "link"];
const LOGO_KEYS: &[&str] = &["file", "alt"];

/// Reads a service's config. `app_origin` is the app's own origin (`http://host:port`), which
/// quick exit may not point at. Never fails: every problem found is returned with the settings,
/// and a key with a problem keeps its default.
pub fn parse_config(text: &str, app_origin: &str) -> (Settings, Vec<Problem>) {
    let mut settings = Settings::default();
    let mut problems = Vec::new();
    if text.len() > MAX_CONFIG_BYTES {
        problems.push(Problem::new(
            "",
            ProblemKind::TooLarge { bytes: text.len() },
        ));
        return (settings, problems);
    }
    let top = match parse_object(text) {
        Ok(top) => top,
        Err(kind) => {
            problems.push(Problem::new("", kind));
            return (settings, problems);
        }
    };
    let mut p = Reader {
        problems: &mut problems,
    };
    p.unknown_keys("", &top, TOP_KEYS);

    if let Some(name) = p.text(&top, "", "service_name") {
        if name.trim().is_empty() {
            p.push("service_name", ProblemKind::Empty);
        } else {
            settings.service_name = Some(name.trim().to_string());
        }
    }
    if let Some(region) = p.text(&top, "", "region") {
        match Region::from_id(region.trim()) {
            Some(r) => settings.region = r,
            None => p.push("region", ProblemKind::NotRegion),
        }
    }
    if let Some(contacts) = p.object(&top, "", "contacts") {
        let roles: Vec<&str> = LOCAL_ROLES.iter().map(|(k, _)| *k).collect();
        p.unknown_keys("contacts", &contacts, &roles);
        for (key, _) in LOCAL_ROLES {
            let at = format!("contacts.{key}");
            if let Some(c) = p.object(&contacts, "contacts", key) {
                settings.local.insert(key, p.contact(&at, &c));
            }
        }
    }
    if let Some(url) = p.text(&top, "", "quick_exit_url") {
        match exit_address(url.trim(), app_origin) {
            Ok(()) => settings.quick_exit = url.trim().to_string(),
            Err(kind) => p.push("quick_exit_url", kind),
        }
    }
    if let Some(neutral) = p.boolean(&top, "", "neutral_titles") {
        settings.worker_titles = if neutral {
            Titles::Neutral
        } else {
            Titles::Named
        };
    }
    if let Some(allowed) = p.boolean(&top, "", "drafts_allowed") {
        settings.drafts_allowed = allowed;
    }
    if let Some(hours) = p.whole(&top, "", "draft_lifetime_hours", 1, 72) {
        settings.draft_lifetime = Duration::from_secs(hours * 60 * 60);
    }
    if let Some(minutes) = p.whole(&top, "", "idle_minutes", 1, 60) {
        settings.idle_after = Duration::from_secs(minutes * 60);
    }
    if let Some(colours) = p.object(&top, "", "colours") {
        p.unknown_keys("colours", &colours, COLOUR_KEYS);
        settings.colours = p.colours(&colours);
    }
    if let Some(logo) = p.object(&top, "", "logo") {
        p.unknown_keys("logo", &logo, LOGO_KEYS);
        let file = p.text(&logo, "logo", "file");
        let alt = p.text(&logo, "logo", "alt").unwrap_or_default();
        match file {
            Some(f) if is_local_file(f.trim()) => {
                settings.logo = Some(Logo {
                    file: f.trim().to_string(),
                    alt: alt.trim().to_string(),
                })
            }
            Some(_) => p.push("logo.file", ProblemKind::LogoNotLocal),
            None if !logo.contains_key("file") => p.push("logo.file", ProblemKind::Empty),
            None => {}
        }
    }
    if let Some(origin) = p.text(&top, "", "host_origin") {
        match normalise_origin(origin.trim()) {
            Some(o) => settings.host_origin = Some(o),
            None => p.push("host_origin", ProblemKind::NotOrigin),
        }
    }
    if let Some(sections) = p.object(&top, "", "optional_sections") {
        settings.sections_off = p.sections_off(&sections);
    }
    (settings, problems)
}

/// The file as one object, or what is wrong with it as a whole.
fn parse_object(text: &str) -> Result<Object<'_>, ProblemKind> {
    let malformed = |e: serde_json::Error| {
        if e.is_eof() {
            ProblemKind::Truncated
        } else {
            ProblemKind::NotJson {
                line: e.line(),
                column: e.column(),
            }
        }
    };
    if text.trim_start().starts_with('{') {
        serde_json::from_str::<Object>(text).map_err(malformed)
    } else {
        // Well-formed JSON that is not an object, or not JSON at all.
        serde_json::from_str::<&RawValue>(text).map_err(malformed)?;
        Err(ProblemKind::NotAnObject)
    }
}

/// Collects problems while reading one value at a time.
struct Reader<'a> {
    problems: &'a mut Vec<Problem>,
}

fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

impl Reader<'_> {
    fn push(&mut self, at: impl Into<String>, kind: ProblemKind) {
        self.problems.push(Problem::new(at, kind));
    }

    fn unknown_keys(&mut self, parent: &str, map: &Object, known: &[&str]) {
        for key in map.keys().filter(|k| !known.contains(&k.as_str())) {
            let suggestion = did_you_mean(key, known).map(|s| join(parent, s));
            self.push(join(parent, key), ProblemKind::UnknownKey { suggestion });
        }
    }

    /// The value of `key` read by `read`, or `None` (a wrong type is a problem). `null` means
    /// "not set": the default stays, and that is no problem.
    fn get<'t, T>(
        &mut self,
        map: &Object<'t>,
        parent: &str,
        key: &str,
        expected: Expected,
        read: impl FnOnce(&'t str) -> Option<T>,
    ) -> Option<T> {
        let raw = map.get(key).map(|v| v.get()).filter(|v| *v != "null")?;
        let value = read(raw);
        if value.is_none() {
            self.push(join(parent, key), ProblemKind::WrongType { expected });
        }
        value
    }

    fn text(&mut self, map: &Object, parent: &str, key: &str) -> Option<String> {
        self.get(map, parent, key, Expected::Text, |raw| {
            serde_json::from_str::<String>(raw).ok()
        })
    }

    fn boolean(&mut self, map: &Object, parent: &str, key: &str) -> Option<bool> {
        self.get(map, parent, key, Expected::TrueOrFalse, |raw| match raw {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        })
    }

    fn object<'t>(&mut self, map: &Object<'t>, parent: &str, key: &str) -> Option<Object<'t>> {
        self.get(map, parent, key, Expected::Object, |raw| {
            serde_json::from_str::<Object>(raw).ok()
        })
    }

    /// A whole number in `min..=max`.
    fn whole(&mut self, map: &Object, parent: &str, key: &str, min: u64, max: u64) -> Option<u64> {
        // JSON numbers start with a digit or a minus sign; anything else is another type.
        let number = self.get(map, parent, key, Expected::Number, |raw| {
            raw.starts_with(|c: char| c.is_ascii_digit() || c == '-')
                .then_some(raw)
        })?;
        match number
            .parse::<u64>()
            .ok()
            .filter(|n| (min..=max).contains(n))
        {
            Some(n) => Some(n),
            None => {
                self.push(join(parent, key), ProblemKind::OutOfRange { min, max });
                None
            }
        }
    }

    /// The sections set to `false` in `optional_sections`. Its keys are the questionnaire's
    /// section ids: one that is not a section gets "did you mean"; one that is a section but
    /// not optional (risk rules read it) is refused and stays asked.
    fn sections_off(&mut self, map: &Object) -> Vec<String> {
        const AT: &str = "optional_sections";
        // Read only when a service uses the setting: the definition is validated on load.
        let def = dva_core::definition::builtin().ok();
        let sections: Vec<&dva_core::definition::Section> =
            def.iter().flat_map(|d| d.sections()).collect();
        let ids: Vec<&str> = sections.iter().map(|s| s.id.as_str()).collect();
        let mut off = Vec::new();
        for key in map.keys() {
            let Some(section) = sections.iter().find(|s| s.id == key.as_str()) else {
                let suggestion = did_you_mean(key, &ids).map(|s| join(AT, s));
                self.push(join(AT, key), ProblemKind::UnknownKey { suggestion });
                continue;
            };
            let Some(asked) = self.boolean(map, AT, key) else {
                continue;
            };
            if !section.optional {
                let optional = sections
                    .iter()
                    .filter(|s| s.optional)
                    .map(|s| s.id.as_str());
                let optional = optional.collect::<Vec<_>>().join(", ");
                self.push(join(AT, key), ProblemKind::NotOptional { optional });
            } else if !asked {
                off.push(section.id.clone());
            }
        }
        off
    }

    fn contact(&mut self, at: &str, map: &Object) -> LocalContact {
        self.unknown_keys(at, map, CONTACT_KEYS);
        let mut c = LocalContact::default();
        let field = |r: &mut Self, key: &str| {
            r.text(map, at, key)
                .map(|s| s.trim().to_string())
                .unwrap_or_default()
        };
        c.name = field(self, "name");
        c.hours = field(self, "hours");
        c.notes = field(self, "notes");
        let phone = field(self, "phone");
        if phone.is_empty() || diallable(&phone) {
            c.phone = phone;
        } else {
            self.push(join(at, "phone"), ProblemKind::NotDiallable);
        }
        let email = field(self, "email");
        if email.is_empty() || is_email(&email) {
            c.email = email;
        } else {
            self.push(join(at, "email"), ProblemKind::NotEmail);
        }
        c
    }

    fn colours(&mut self, map: &Object) -> Colours {
        let defaults = Colours::default();
        let read = |r: &mut Self, key: &str, default: &str| -> (String, bool) {
            match r.text(map, "colours", key) {
                Some(s) => match parse_hex(s.trim()) {
                    Some(_) => (s.trim().to_lowercase(), true),
                    None => {
                        r.push(join("colours", key), ProblemKind::NotColour);
                        (default.to_string(), false)
                    }
                },
                None => (default.to_string(), false),
            }
        };
        let header = read(self, "header", &defaults.header);
        let header_text = read(self, "header_text", &defaults.header_text);
        let button = read(self, "button", &defaults.button);
        let button_text = read(self, "button_text", &defaults.button_text);
        let link = read(self, "link", &defaults.link);
        let mut out = defaults.clone();
        // A pair is used only when it reads well together; otherwise both keep their defaults.
        let pair = |r: &mut Self,
                    fore: (String, bool),
                    fore_key: &str,
                    back: (String, bool),
                    back_key: &str|
         -> Option<(String, String)> {
            if !fore.1 && !back.1 {
                return None;
            }
            let ratio = contrast(&fore.0, &back.0)?;
            if ratio >= 4.5 {
                return Some((fore.0, back.0));
            }
            // Reported on the key the service set (the foreground when it set both).
            let (at, against) = if fore.1 {
                (fore_key, back.0)
            } else {
                (back_key, fore.0)
            };
            r.push(
                join("colours", at),
                ProblemKind::LowContrast { ratio, against },
            );
            None
        };
        if let Some((t, b)) = pair(self, header_text, "header_text", header, "header") {
            out.header_text = t;
            out.header = b;
        }
        if let Some((t, b)) = pair(self, button_text, "button_text", button, "button") {
            out.button_text = t;
            out.button = b;
        }
        let page = (PAGE_BACKGROUND.to_string(), false);
        if let Some((l, _)) = pair(self, link, "link", page, "") {
            out.link = l;
        }
        out
    }
}

/// The closest known key, if it is close enough to be a slip (a typo, a missing letter).
fn did_you_mean<'k>(key: &str, known: &[&'k str]) -> Option<&'k str> {
    let key = key.to_lowercase();
    known
        .iter()
        .map(|k| (edit_distance(&key, k), *k))
        .filter(|(d, k)| *d <= (k.len() / 3).max(2))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// A number a phone can dial: digits with spaces, hyphens, dots or brackets between them, an
/// optional leading `+`, and between 3 (999, 111) and 15 digits (the international maximum).
pub fn diallable(phone: &str) -> bool {
    let body = phone.strip_prefix('+').unwrap_or(phone);
    let digits = body.chars().filter(char::is_ascii_digit).count();
    body.chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')'))
        && (3..=15).contains(&digits)
}

/// The `tel:` address for a diallable number.
pub fn tel_href(phone: &str) -> Option<String> {
    diallable(phone).then(|| {
        let plus = if phone.trim_start().starts_with('+') {
            "+"
        } else {
            ""
        };
        let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
        format!("tel:{plus}{digits}")
    })
}

fn is_email(s: &str) -> bool {
    let Some((user, domain)) = s.split_once('@') else {
        return false;
    };
    !user.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.chars().any(|c| c.is_whitespace() || c == '<' || c == '>')
        && !domain.contains('@')
}

/// `scheme://host[:port]` of an absolute http(s) address, lower-cased, without a default port.
fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    // No user:password@ in an address the app goes to.
    if authority.is_empty() || authority.contains('@') || authority.contains(char::is_whitespace) {
        return None;
    }
    let authority = authority.to_ascii_lowercase();
    let default_port = if scheme == "http" { ":80" } else { ":443" };
    let host = authority
        .strip_suffix(default_port)
        .unwrap_or(&authority)
        .to_string();
    Some(format!("{scheme}://{host}"))
}

fn exit_address(url: &str, app_origin: &str) -> Result<(), ProblemKind> {
    let origin = origin_of(url).ok_or(ProblemKind::ExitNotHttp)?;
    match origin_of(app_origin) {
        Some(own) if own == origin => Err(ProblemKind::ExitSameOrigin),
        _ => Ok(()),
    }
}

/// An origin as the browser writes it (`https://intranet.example.org`), or `None` if `s` is
/// anything more or less than one.
fn normalise_origin(s: &str) -> Option<String> {
    let origin = origin_of(s)?;
    let rest = &s[s.find("://")? + 3..];
    // Nothing after the host but an optional final slash.
    (!rest.trim_end_matches('/').contains(['/', '?', '#'])).then_some(origin)
}

/// A file beside the app: a relative path, no scheme, no way up and out of the app's folder.
fn is_local_file(f: &str) -> bool {
    let lower = f.to_ascii_lowercase();
    !f.is_empty()
        && !f.contains(':')
        && !f.starts_with('/')
        && !f.starts_with('\\')
        && !f.split(['/', '\\']).any(|part| part == "..")
        && [".png", ".svg", ".jpg", ".jpeg", ".gif", ".webp"]
            .iter()
            .any(|ext| lower.ends_with(ext))
}

/// `#rgb` or `#rrggbb` as (r, g, b).
fn parse_hex(s: &str) -> Option<(u8, u8, u8)> {
    let hex = s.strip_prefix('#')?;
    if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let byte = |h: &str| u8::from_str_radix(h, 16).ok();
    match hex.len() {
        3 => {
            let d: Vec<u8> = hex
                .chars()
                .map(|c| c.to_digit(16).unwrap_or(0) as u8 * 17)
                .collect();
            Some((d[0], d[1], d[2]))
        }
        6 => Some((byte(&hex[0..2])?, byte(&hex[2..4])?, byte(&hex[4..6])?)),
        _ => None,
    }
}

/// `x` rounded down to one decimal ("4.4" for 4.48, never "4.5": that would pass). By hand:
/// float formatting would add its whole machinery to the wasm for this one number.
fn one_decimal_down(x: f64) -> String {
    let tenths = (x * 10.0).floor() as u64;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// `x` to the power 2.4 for `x` in 0..=1, as the fifth root of `x`¹² by Newton's method: the WCAG
/// formula without a general `powf` in the wasm.
fn pow_2_4(x: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    let a = x.powi(12);
    let mut y = 1.0f64;
    for _ in 0..400 {
        let next = y - (y - a / (y * y * y * y)) / 5.0;
        if (next - y).abs() <= 1e-15 * y {
            return next;
        }
        y = next;
    }
    y
}

/// WCAG 2 relative luminance.
fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            pow_2_4((c + 0.055) / 1.055)
        }
    };
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

/// WCAG 2 contrast ratio of two hex colours (1 to 21).
pub fn contrast(a: &str, b: &str) -> Option<f64> {
    let (la, lb) = (luminance(parse_hex(a)?), luminance(parse_hex(b)?));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    Some((hi + 0.05) / (lo + 0.05))
}

/// A darker shade of a hex colour (`factor` 0 to 1), for a button's hover and shadow.
pub fn darker(hex: &str, factor: f64) -> String {
    let (r, g, b) = parse_hex(hex).unwrap_or((0, 0, 0));
    let f = |c: u8| (f64::from(c) * factor).round() as u8;
    format!("#{:02x}{:02x}{:02x}", f(r), f(g), f(b))
}

/// The settings the app was started with, and what was wrong with the service's config.
struct Loaded {
    settings: Settings,
    problems: Vec<Problem>,
}

static LOADED: OnceLock<Loaded> = OnceLock::new();

/// Fixes the settings for the page's lifetime. Called once, before the app mounts; a second
/// call changes nothing.
pub fn install(settings: Settings, problems: Vec<Problem>) {
    let _ = LOADED.set(Loaded { settings, problems });
}

/// The settings in force (the defaults until [`install`] was called, as in native tests).
pub fn settings() -> &'static Settings {
    static DEFAULT: OnceLock<Settings> = OnceLock::new();
    LOADED
        .get()
        .map(|l| &l.settings)
        .unwrap_or_else(|| DEFAULT.get_or_init(Settings::default))
}

/// What was wrong with the service's config, for the start page.
pub fn problems() -> &'static [Problem] {
    LOADED.get().map(|l| l.problems.as_slice()).unwrap_or(&[])
}

/// The contacts shown on actions and in the summary.
pub fn contacts() -> Contacts {
    settings().contacts()
}

#[cfg(test)]
mod tests {
    use super::*;

    const APP: &str = "https://intranet.example.org";

    fn parse(text: &str) -> (Settings, Vec<Problem>) {
        parse_config(text, APP)
    }

    fn kinds(problems: &[Problem]) -> Vec<(&str, &ProblemKind)> {
        problems.iter().map(|p| (p.at.as_str(), &p.kind)).collect()
    }

    #[test]
    fn the_example_config_is_valid_and_sets_everything() {
        let (s, problems) = parse_config(include_str!("../examples/config.json"), APP);
        assert_eq!(problems, []);
        assert_eq!(
            s.service_name.as_deref(),
            Some("Northtown Recovery Service")
        );
        assert_eq!(s.region, Region::Wales);
        assert_eq!(s.local.len(), LOCAL_ROLES.len());
        assert!(s.quick_exit.starts_with("https://"));
        assert_eq!(s.worker_titles, Titles::Named);
        assert_eq!(s.draft_lifetime, Duration::from_secs(4 * 3600));
        assert_eq!(s.idle_after, Duration::from_secs(5 * 60));
        assert_ne!(s.colours, Colours::default());
        assert!(s.logo.is_some());
        assert!(s.host_origin.is_some());
    }

    #[test]
    fn an_empty_object_is_the_defaults() {
        assert_eq!(parse("{}"), (Settings::default(), vec![]));
    }

    #[test]
    fn local_contacts_reach_the_core_on_one_line_and_national_ones_follow_the_region() {
        let (s, problems) = parse(
            r#"{"region": "scotland", "contacts": {"safeguarding_lead":
               {"name": "Sam Patel", "phone": "01632 960 001", "email": "sam@example.org",
                "hours": "9 to 5", "notes": "Ask for duty"}}}"#,
        );
        assert_eq!(problems, []);
        let c = s.contacts();
        assert_eq!(
            c.safeguarding_lead,
            "Sam Patel, 01632 960 001, sam@example.org, 9 to 5, Ask for duty"
        );
        assert_eq!(c.national_helpline, "0800 027 1234");
        assert_eq!(c.marac_coordinator, "");
        assert!(s.local_contact(ContactRole::SafeguardingLead).is_some());
        assert!(s.local_contact(ContactRole::CrisisTeam).is_none());
    }

    #[test]
    fn every_problem_is_reported_at_once_and_each_key_keeps_its_default() {
        let (s, problems) = parse(
            r##"{"servce_name": "X", "region": "france", "idle_minutes": "ten",
                "drafts_allowed": "no", "draft_lifetime_hours": 0,
                "contacts": {"safeguarding_lead": {"name": "Sam", "phone": "ring reception"}},
                "colours": {"button": "#ffff00"},
                "quick_exit_url": "javascript:alert(1)"}"##,
        );
        assert_eq!(
            kinds(&problems),
            [
                (
                    "servce_name",
                    &ProblemKind::UnknownKey {
                        suggestion: Some("service_name".into())
                    }
                ),
                ("region", &ProblemKind::NotRegion),
                (
                    "contacts.safeguarding_lead.phone",
                    &ProblemKind::NotDiallable
                ),
                ("quick_exit_url", &ProblemKind::ExitNotHttp),
                (
                    "drafts_allowed",
                    &ProblemKind::WrongType {
                        expected: Expected::TrueOrFalse
                    }
                ),
                (
                    "draft_lifetime_hours",
                    &ProblemKind::OutOfRange { min: 1, max: 72 }
                ),
                (
                    "idle_minutes",
                    &ProblemKind::WrongType {
                        expected: Expected::Number
                    }
                ),
                (
                    "colours.button",
                    &ProblemKind::LowContrast {
                        ratio: contrast("#ffffff", "#ffff00").unwrap(),
                        against: "#ffffff".into()
                    }
                ),
            ]
        );
        let d = Settings::default();
        assert_eq!(s.region, d.region);
        assert_eq!(s.idle_after, d.idle_after);
        assert_eq!(s.drafts_allowed, d.drafts_allowed);
        assert_eq!(s.draft_lifetime, d.draft_lifetime);
        assert_eq!(s.colours, d.colours);
        assert_eq!(s.quick_exit, d.quick_exit);
        // The contact's valid parts are kept; only the number is dropped.
        assert_eq!(s.local["safeguarding_lead"].name, "Sam");
        assert_eq!(s.local["safeguarding_lead"].phone, "");
    }

    #[test]
    fn an_unknown_key_far_from_any_has_no_suggestion() {
        let (_, problems) = parse(r#"{"contacts": {"plumber": {}, "crisis_tem": {}}}"#);
        assert_eq!(
            kinds(&problems),
            [
                (
                    "contacts.crisis_tem",
                    &ProblemKind::UnknownKey {
                        suggestion: Some("contacts.crisis_team".into())
                    }
                ),
                (
                    "contacts.plumber",
                    &ProblemKind::UnknownKey { suggestion: None }
                ),
            ]
        );
    }

    #[test]
    fn a_malformed_file_is_one_problem_and_the_defaults() {
        for (text, kind) in [
            ("not json", ProblemKind::NotJson { line: 1, column: 2 }),
            (r#"{"region": "wal"#, ProblemKind::Truncated),
            ("", ProblemKind::Truncated),
            ("[1, 2]", ProblemKind::NotAnObject),
            ("\"wales\"", ProblemKind::NotAnObject),
        ] {
            let (s, problems) = parse(text);
            assert_eq!(s, Settings::default(), "{text}");
            assert_eq!(kinds(&problems), [("", &kind)], "{text}");
        }
        let huge = format!(r#"{{"notes": "{}"}}"#, "x".repeat(10 * 1024 * 1024));
        let (s, problems) = parse(&huge);
        assert_eq!(s, Settings::default());
        assert!(matches!(
            problems[..],
            [Problem {
                kind: ProblemKind::TooLarge { .. },
                ..
            }]
        ));
    }

    #[test]
    fn quick_exit_must_leave_for_another_http_origin() {
        for (url, ok) in [
            ("https://www.bbc.co.uk/weather", true),
            ("http://intranet.example.org:8080/home", true),
            ("HTTPS://INTRANET.EXAMPLE.ORG/other", false),
            ("https://intranet.example.org:443/", false),
            ("ftp://example.org/", false),
            ("javascript:alert(1)", false),
            ("exit.html", false),
            ("//example.org/", false),
            ("https://", false),
        ] {
            let (s, problems) = parse(&format!(r#"{{"quick_exit_url": "{url}"}}"#));
            assert_eq!(problems.is_empty(), ok, "{url}: {problems:?}");
            assert_eq!(s.quick_exit == url, ok, "{url}");
        }
        let (_, problems) = parse(r#"{"quick_exit_url": "https://intranet.example.org/x"}"#);
        assert_eq!(problems[0].kind, ProblemKind::ExitSameOrigin);
    }

    #[test]
    fn phone_numbers_must_be_diallable() {
        for ok in [
            "999",
            "116 123",
            "01632 960 001",
            "+44 (0)1632-960001",
            "0808.2000.247",
        ] {
            assert!(diallable(ok), "{ok}");
        }
        for bad in [
            "",
            "12",
            "ring reception",
            "0800 FLOWERS",
            "+",
            "1234567890123456",
            "++44",
        ] {
            assert!(!diallable(bad), "{bad}");
        }
        assert_eq!(
            tel_href("+44 1632 960001").as_deref(),
            Some("tel:+441632960001")
        );
        assert_eq!(tel_href("0800 FLOWERS"), None);
    }

    #[test]
    fn contrast_is_wcags_and_a_pair_below_aa_falls_back_together() {
        let ratio = contrast("#000000", "#ffffff").unwrap();
        assert!((ratio - 21.0).abs() < 1e-9);
        // GOV.UK's link blue on white passes; its light grey does not.
        assert!(contrast("#1d70b8", "#ffffff").unwrap() >= 4.5);
        assert!(contrast("#b1b4b6", "#ffffff").unwrap() < 4.5);
        let (s, problems) = parse(
            r##"{"colours": {"header": "#123456", "header_text": "#1a3a5a",
                            "button": "#4c2c92", "button_text": "#fff", "link": "not a colour"}}"##,
        );
        assert_eq!(
            problems.iter().map(|p| p.at.as_str()).collect::<Vec<_>>(),
            ["colours.link", "colours.header_text"]
        );
        assert_eq!(problems[0].kind, ProblemKind::NotColour);
        let d = Colours::default();
        assert_eq!(
            (s.colours.header.as_str(), s.colours.header_text.as_str()),
            (d.header.as_str(), d.header_text.as_str())
        );
        assert_eq!(s.colours.button, "#4c2c92");
        assert_eq!(s.colours.button_text, "#fff");
        assert_eq!(s.colours.link, d.link);
    }

    #[test]
    fn the_hand_made_power_and_rounding_match_the_library() {
        for i in 0..=255u8 {
            let x = (f64::from(i) / 255.0 + 0.055) / 1.055;
            assert!((pow_2_4(x) - x.powf(2.4)).abs() < 1e-12, "{i}");
        }
        assert_eq!(one_decimal_down(4.48), "4.4");
        assert_eq!(one_decimal_down(21.0), "21.0");
        assert_eq!(one_decimal_down(1.05), "1.0");
    }

    #[test]
    fn a_logo_must_be_a_file_beside_the_app() {
        for (file, ok) in [
            ("logo.png", true),
            ("images/logo.svg", true),
            ("https://example.org/logo.png", false),
            ("/logo.png", false),
            ("../logo.png", false),
            ("data:image/png;base64,AAAA", false),
            ("logo.exe", false),
        ] {
            let (s, problems) = parse(&format!(r#"{{"logo": {{"file": "{file}", "alt": "N"}}}}"#));
            assert_eq!(problems.is_empty(), ok, "{file}");
            assert_eq!(s.logo.is_some(), ok, "{file}");
        }
    }

    #[test]
    fn host_origin_is_an_origin_and_nothing_more() {
        for (origin, ok) in [
            ("https://intranet.example.org", true),
            ("https://intranet.example.org/", true),
            ("http://127.0.0.1:8080", true),
            ("https://intranet.example.org/page", false),
            ("*", false),
            ("intranet.example.org", false),
        ] {
            let (s, problems) = parse(&format!(r#"{{"host_origin": "{origin}"}}"#));
            assert_eq!(problems.is_empty(), ok, "{origin}");
            assert_eq!(s.host_origin.is_some(), ok, "{origin}");
        }
    }

    #[test]
    fn null_means_not_set_and_blank_text_is_a_problem() {
        let (s, problems) = parse(r#"{"region": null, "service_name": "  "}"#);
        assert_eq!(s, Settings::default());
        assert_eq!(kinds(&problems), [("service_name", &ProblemKind::Empty)]);
    }

    #[test]
    fn every_problem_has_words() {
        let (_, problems) = parse(
            r##"{"x": 1, "servic_name": 1, "region": 1, "contacts": {"crisis_team": {"phone": "a", "email": "b"}},
                "quick_exit_url": "https://intranet.example.org/", "colours": {"link": "#eee"},
                "logo": {"file": "x"}, "host_origin": "x", "idle_minutes": 99}"##,
        );
        assert!(problems.len() >= 9);
        let unreachable = Problem::new("", ProblemKind::Unreadable { status: 0 });
        for p in problems.into_iter().chain([unreachable]) {
            let m = p.message();
            assert!(!m.starts_with("settings.problem"), "{p:?} has no words");
        }
    }

    #[test]
    fn an_optional_section_switches_off_and_a_section_risk_rules_read_does_not() {
        let (s, problems) = parse(
            r#"{"optional_sections": {"readiness": false, "children": false,
               "readyness": false, "behaviours": true, "own_safety": "no"}}"#,
        );
        assert_eq!(s.sections_off, ["readiness"]);
        let not_optional = ProblemKind::NotOptional {
            optional: "readiness".into(),
        };
        assert_eq!(
            kinds(&problems),
            [
                ("optional_sections.behaviours", &not_optional),
                ("optional_sections.children", &not_optional),
                (
                    "optional_sections.own_safety",
                    &ProblemKind::WrongType {
                        expected: Expected::TrueOrFalse
                    }
                ),
                (
                    "optional_sections.readyness",
                    &ProblemKind::UnknownKey {
                        suggestion: Some("optional_sections.readiness".into())
                    }
                ),
            ]
        );
        let (s, problems) = parse(r#"{"optional_sections": {"readiness": true}}"#);
        assert_eq!((s.sections_off.len(), problems.len()), (0, 0));
    }
}
