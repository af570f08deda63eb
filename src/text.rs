//! The catalogue of every word the app shows, the shell's and the core's alike. Each language is
//! one JSON file in `locales/` (flat keys such as `"start.title"`; the core's keys start with
//! `core.`), embedded at build time and parsed once into a [`dva_core::Catalogue`]. The shell
//! reads it with [`t`] and [`tf`] and passes [`catalogue`] to every core function that produces
//! words (assessment, actions, summary, labels). Adding a language means adding a file and one
//! line to [`LANGUAGES`]; `tests/catalogue.rs` checks that every key the shell or the core uses
//! exists in every file. The questionnaire's own wording lives in its definition, not here.
use std::sync::OnceLock;

use dva_core::Catalogue;

/// (language tag, catalogue JSON). The first is the default.
pub const LANGUAGES: &[(&str, &str)] = &[("en-GB", include_str!("../locales/en-GB.json"))];

static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();

/// The current language's tag, for `lang` attributes.
pub fn language() -> &'static str {
    LANGUAGES[0].0
}

/// The current language's catalogue, parsed once, shared by the shell and the core.
pub fn catalogue() -> &'static Catalogue {
    CATALOGUE.get_or_init(|| {
        // A broken catalogue is a build defect caught by tests; at run time fall back to keys.
        Catalogue::parse(LANGUAGES[0].1).unwrap_or_default()
    })
}

/// The text for `key`. A missing key shows the key itself, so a gap is visible, never blank.
pub fn t(key: &str) -> String {
    catalogue().get(key).to_owned()
}

/// The text for `key` with `{name}` placeholders filled in (in one pass: values are verbatim).
pub fn tf(key: &str, args: &[(&str, &str)]) -> String {
    catalogue().fill(key, args)
}
