//! Indicators for a combined substance-use and domestic abuse programme, from the pilot's
//! criteria. Indicators only: there is deliberately no overall "suitable" or "unsuitable",
//! because that decision belongs to the programme's own assessment.

use serde::{Deserialize, Serialize};

use crate::answers::{Answers, YesNo};
use crate::definition::Definition;
use crate::text::Catalogue;

/// Whether one criterion is met on the answers given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Indicator {
    Met,
    NotMet,
    /// Not answered, "not sure" or "prefer not to say".
    Unknown,
    /// The service does not ask this question (an optional section switched off).
    NotAsked,
}

impl Indicator {
    pub fn label(self, cat: &Catalogue) -> &str {
        cat.get(match self {
            Indicator::Met => "core.indicator.met",
            Indicator::NotMet => "core.indicator.not_met",
            Indicator::Unknown => "core.indicator.unknown",
            Indicator::NotAsked => "core.indicator.not_asked",
        })
    }
}

/// One criterion with the answer behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SuitabilityIndicator {
    /// Stable id, the same in every language.
    pub id: String,
    /// The criterion in words.
    pub criterion: String,
    pub indicator: Indicator,
    pub item_id: String,
}

/// The four indicators, in the pilot's order, with their criteria in the catalogue's words.
pub fn indicators(
    def: &Definition,
    answers: &Answers,
    cat: &Catalogue,
) -> Vec<SuitabilityIndicator> {
    let from_yes_no = |id: &str| match answers.yes_no(def, id) {
        Some(YesNo::Yes) => Indicator::Met,
        Some(YesNo::No) => Indicator::NotMet,
        _ => Indicator::Unknown,
    };
    let status = match answers.choice(def, "subst.status") {
        Some("stabilised") | Some("abstinent") => Indicator::Met,
        Some("using") => Indicator::NotMet,
        _ => Indicator::Unknown,
    };
    [
        (
            "stabilised_or_abstinent",
            "core.suitability.stabilised_or_abstinent",
            status,
            "subst.status",
        ),
        (
            "attends_regularly",
            "core.suitability.attends_regularly",
            from_yes_no("ready.attend"),
            "ready.attend",
        ),
        (
            "acknowledges_conflict",
            "core.suitability.acknowledges_conflict",
            from_yes_no("ready.acknowledges"),
            "ready.acknowledges",
        ),
        (
            "responds_to_challenge",
            "core.suitability.responds_to_challenge",
            from_yes_no("ready.challenge"),
            "ready.challenge",
        ),
    ]
    .into_iter()
    .map(|(id, criterion, indicator, item_id)| SuitabilityIndicator {
        id: id.to_owned(),
        criterion: cat.get(criterion).to_owned(),
        // "Unknown" would send the worker looking for an answer the service never asks for.
        indicator: match def.item(item_id) {
            Some(item) if indicator == Indicator::Unknown && def.is_switched_off(item) => {
                Indicator::NotAsked
            }
            _ => indicator,
        },
        item_id: item_id.to_owned(),
    })
    .collect()
}
