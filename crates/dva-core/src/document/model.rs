//! The document's shape: a title, header fields, the level, and parts of simple blocks.

use crate::scoring::Level;

/// One block of a part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A heading within a part (a red flag, an action): an H3.
    Subheading(String),
    Para(String),
    /// A sentence that must not be missed (incomplete, a flag's status, a caveat).
    Strong(String),
    List(Vec<String>),
    /// Words a person typed, kept exactly (line breaks too).
    Verbatim(String),
    /// A warning that travels with what follows it (third-party information).
    Warning(String),
}

/// A part of the summary under its own heading (an H2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// Stable id, for styling and for tests.
    pub id: String,
    pub heading: String,
    pub blocks: Vec<Block>,
}

/// The whole summary, ready to render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub title: String,
    pub fields: Vec<(String, String)>,
    /// "Level of concern: ..." in words.
    pub level_line: String,
    /// The level in effect, for the renderers' emphasis.
    pub level: Level,
    /// What must be read with the level, directly under it: why the screen is incomplete,
    /// the minimisation caveat, and "not a clean bill" when nothing was disclosed.
    pub under_level: Vec<Block>,
    pub parts: Vec<Part>,
}

/// The sections printed in full, in order, with their heading keys. The first two come before
/// the disclosures, the rest after the level of concern.
pub const SUMMARY_SECTIONS: [(&str, &str); 7] = [
    ("setting", "core.summary.section.setting"),
    ("relationship", "core.summary.section.relationship"),
    ("impact", "core.summary.section.impact"),
    ("children", "core.summary.section.children"),
    ("substance_use", "core.summary.section.substance_use"),
    ("own_safety", "core.summary.section.own_safety"),
    ("readiness", "core.summary.section.readiness"),
];
