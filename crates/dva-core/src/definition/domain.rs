//! What an item is about: the domains scoring counts behaviours in, with their ids in the
//! definition file and their labels.

use serde::{Deserialize, Serialize};

/// What an item is about. Scoring counts behaviours per abuse domain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Domain {
    Setting,
    Relationship,
    EmotionalVerbal,
    JealousyControl,
    IntimidationThreats,
    Physical,
    Sexual,
    Impact,
    Children,
    SubstanceUse,
    OwnSafety,
    Readiness,
    /// The most recent incident's date and his words for the first, worst and latest time.
    Incident,
}

impl Domain {
    /// Every domain.
    pub const ALL: [Domain; 13] = [
        Domain::Setting,
        Domain::Relationship,
        Domain::EmotionalVerbal,
        Domain::JealousyControl,
        Domain::IntimidationThreats,
        Domain::Physical,
        Domain::Sexual,
        Domain::Impact,
        Domain::Children,
        Domain::SubstanceUse,
        Domain::OwnSafety,
        Domain::Readiness,
        Domain::Incident,
    ];

    /// The abuse domains of the behaviour inventory, in display order.
    pub const ABUSE: [Domain; 5] = [
        Domain::EmotionalVerbal,
        Domain::JealousyControl,
        Domain::IntimidationThreats,
        Domain::Physical,
        Domain::Sexual,
    ];

    /// The id used in the definition file.
    pub fn id(self) -> &'static str {
        match self {
            Domain::Setting => "setting",
            Domain::Relationship => "relationship",
            Domain::EmotionalVerbal => "emotional_verbal",
            Domain::JealousyControl => "jealousy_control",
            Domain::IntimidationThreats => "intimidation_threats",
            Domain::Physical => "physical",
            Domain::Sexual => "sexual",
            Domain::Impact => "impact",
            Domain::Children => "children",
            Domain::SubstanceUse => "substance_use",
            Domain::OwnSafety => "own_safety",
            Domain::Readiness => "readiness",
            Domain::Incident => "incident",
        }
    }

    /// Parses a domain id.
    pub fn from_id(id: &str) -> Option<Domain> {
        Domain::ALL.into_iter().find(|d| d.id() == id)
    }

    /// The label the keyworker sees.
    pub fn label(self, cat: &crate::text::Catalogue) -> &str {
        cat.get(match self {
            Domain::Setting => "core.domain.setting",
            Domain::Relationship => "core.domain.relationship",
            Domain::EmotionalVerbal => "core.domain.emotional_verbal",
            Domain::JealousyControl => "core.domain.jealousy_control",
            Domain::IntimidationThreats => "core.domain.intimidation_threats",
            Domain::Physical => "core.domain.physical",
            Domain::Sexual => "core.domain.sexual",
            Domain::Impact => "core.domain.impact",
            Domain::Children => "core.domain.children",
            Domain::SubstanceUse => "core.domain.substance_use",
            Domain::OwnSafety => "core.domain.own_safety",
            Domain::Readiness => "core.domain.readiness",
            Domain::Incident => "core.domain.incident",
        })
    }

    /// Whether this is one of the abuse domains of the behaviour inventory.
    pub fn is_abuse(self) -> bool {
        Domain::ABUSE.contains(&self)
    }
}
