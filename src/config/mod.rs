//! Service settings: typed, with safe defaults, read once at start from the service's
//! `config.json` (or the same JSON in a host page's `<script type="application/json"
//! id="dva-screen-config">` block). [`parse_config`] is pure and reports every problem at once;
//! each key with a problem keeps its default, so a broken file never stops the app. The worker
//! sees the problems on the start page (never the client).
//!
//! `settings` holds the types and defaults, `parse` the file and its groups of keys, `reader`
//! and `fields` the values one at a time, `problem` what can be wrong and its words, `checks`
//! and `colour` the checks of single values.
use std::sync::OnceLock;

use dva_core::Contacts;

mod checks;
mod colour;
mod fields;
mod parse;
mod problem;
mod reader;
mod settings;

pub use checks::{diallable, tel_href};
pub use colour::{contrast, darker};
pub use parse::parse_config;
pub use problem::{Expected, Problem, ProblemKind, MAX_CONFIG_BYTES};
pub use settings::{Colours, LocalContact, Logo, Settings, Titles, CLIENT_TITLES, LOCAL_ROLES};

/// The id of a host page's config block.
pub const CONFIG_BLOCK_ID: &str = "dva-screen-config";

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
mod tests;
