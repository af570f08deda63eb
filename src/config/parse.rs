//! [`parse_config`]: the whole file, then each group of keys in turn.
use std::time::Duration;

use dva_core::Region;
use serde_json::value::RawValue;

use super::checks::{exit_address, is_local_file, normalise_origin};
use super::fields::COLOUR_KEYS;
use super::problem::{Problem, ProblemKind, MAX_CONFIG_BYTES};
use super::reader::{Object, Reader};
use super::settings::{Logo, Settings, Titles, LOCAL_ROLES};

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
    p.service(&top, &mut settings);
    p.leaving(&top, app_origin, &mut settings);
    p.drafts_and_idle(&top, &mut settings);
    p.look(&top, &mut settings);
    p.embedding(&top, &mut settings);
    (settings, problems)
}

impl Reader<'_> {
    /// Who the service is: its name, its nation and its local contacts.
    fn service(&mut self, top: &Object, settings: &mut Settings) {
        if let Some(name) = self.text(top, "", "service_name") {
            if name.trim().is_empty() {
                self.push("service_name", ProblemKind::Empty);
            } else {
                settings.service_name = Some(name.trim().to_string());
            }
        }
        if let Some(region) = self.text(top, "", "region") {
            match Region::from_id(region.trim()) {
                Some(r) => settings.region = r,
                None => self.push("region", ProblemKind::NotRegion),
            }
        }
        if let Some(contacts) = self.object(top, "", "contacts") {
            let roles: Vec<&str> = LOCAL_ROLES.iter().map(|(k, _)| *k).collect();
            self.unknown_keys("contacts", &contacts, &roles);
            for (key, _) in LOCAL_ROLES {
                let at = format!("contacts.{key}");
                if let Some(c) = self.object(&contacts, "contacts", key) {
                    settings.local.insert(key, self.contact(&at, &c));
                }
            }
        }
    }

    /// What the history and quick exit leave behind: the exit page and the page titles.
    fn leaving(&mut self, top: &Object, app_origin: &str, settings: &mut Settings) {
        if let Some(url) = self.text(top, "", "quick_exit_url") {
            match exit_address(url.trim(), app_origin) {
                Ok(()) => settings.quick_exit = url.trim().to_string(),
                Err(kind) => self.push("quick_exit_url", kind),
            }
        }
        if let Some(neutral) = self.boolean(top, "", "neutral_titles") {
            settings.worker_titles = if neutral {
                Titles::Neutral
            } else {
                Titles::Named
            };
        }
    }

    /// Drafts on this computer and the idle cover.
    fn drafts_and_idle(&mut self, top: &Object, settings: &mut Settings) {
        if let Some(allowed) = self.boolean(top, "", "drafts_allowed") {
            settings.drafts_allowed = allowed;
        }
        if let Some(hours) = self.whole(top, "", "draft_lifetime_hours", 1, 72) {
            settings.draft_lifetime = Duration::from_secs(hours * 60 * 60);
        }
        if let Some(minutes) = self.whole(top, "", "idle_minutes", 1, 60) {
            settings.idle_after = Duration::from_secs(minutes * 60);
        }
    }

    /// The service's colours and logo.
    fn look(&mut self, top: &Object, settings: &mut Settings) {
        if let Some(colours) = self.object(top, "", "colours") {
            self.unknown_keys("colours", &colours, COLOUR_KEYS);
            settings.colours = self.colours(&colours);
        }
        let Some(logo) = self.object(top, "", "logo") else {
            return;
        };
        self.unknown_keys("logo", &logo, LOGO_KEYS);
        let file = self.text(&logo, "logo", "file");
        let alt = self.text(&logo, "logo", "alt").unwrap_or_default();
        match file {
            Some(f) if is_local_file(f.trim()) => {
                settings.logo = Some(Logo {
                    file: f.trim().to_string(),
                    alt: alt.trim().to_string(),
                })
            }
            Some(_) => self.push("logo.file", ProblemKind::LogoNotLocal),
            None if !logo.contains_key("file") => self.push("logo.file", ProblemKind::Empty),
            None => {}
        }
    }

    /// The page that embeds the app, and the sections this service does not ask.
    fn embedding(&mut self, top: &Object, settings: &mut Settings) {
        if let Some(origin) = self.text(top, "", "host_origin") {
            match normalise_origin(origin.trim()) {
                Some(o) => settings.host_origin = Some(o),
                None => self.push("host_origin", ProblemKind::NotOrigin),
            }
        }
        if let Some(sections) = self.object(top, "", "optional_sections") {
            settings.sections_off = self.sections_off(&sections);
        }
    }
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
