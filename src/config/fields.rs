//! The config's compound values: the optional sections, a local contact and the colours.
use super::checks::{diallable, did_you_mean, is_email};
use super::colour::{contrast, parse_hex, PAGE_BACKGROUND};
use super::problem::ProblemKind;
use super::reader::{join, Object, Reader};
use super::settings::{Colours, LocalContact};

/// A contact's keys.
const CONTACT_KEYS: &[&str] = &["name", "phone", "email", "hours", "notes"];
/// The colours' keys.
pub(super) const COLOUR_KEYS: &[&str] = &["header", "header_text", "button", "button_text", "link"];

impl Reader<'_> {
    /// The sections set to `false` in `optional_sections`. Its keys are the questionnaire's
    /// section ids: one that is not a section gets "did you mean"; one that is a section but
    /// not optional (risk rules read it) is refused and stays asked.
    pub(super) fn sections_off(&mut self, map: &Object) -> Vec<String> {
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

    pub(super) fn contact(&mut self, at: &str, map: &Object) -> LocalContact {
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

    pub(super) fn colours(&mut self, map: &Object) -> Colours {
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
