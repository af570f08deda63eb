//! The catalogue of every word the shell shows. Each language is one JSON file in `locales/`
//! (flat keys such as `"start.title"`), embedded at build time. Adding a language means adding a
//! file and one line to [`LANGUAGES`]; `tests/catalogue.rs` checks that every key the code uses
//! exists in every file. The questionnaire's own wording lives in its definition, not here.
use std::collections::HashMap;
use std::sync::OnceLock;

/// (language tag, catalogue JSON). The first is the default.
pub const LANGUAGES: &[(&str, &str)] = &[("en-GB", include_str!("../locales/en-GB.json"))];

static CATALOGUE: OnceLock<HashMap<String, String>> = OnceLock::new();

fn catalogue() -> &'static HashMap<String, String> {
    CATALOGUE.get_or_init(|| {
        // A broken catalogue is a build defect caught by tests; at run time fall back to keys.
        serde_json::from_str(LANGUAGES[0].1).unwrap_or_default()
    })
}

/// The text for `key`. A missing key shows the key itself, so a gap is visible, never blank.
pub fn t(key: &str) -> String {
    catalogue()
        .get(key)
        .cloned()
        .unwrap_or_else(|| key.to_string())
}

/// The text for `key` with `{name}` placeholders filled in.
pub fn tf(key: &str, args: &[(&str, &str)]) -> String {
    let mut text = t(key);
    for (name, value) in args {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}
