//! Indicators for a combined substance-use and domestic abuse programme, from the pilot's
//! criteria. Indicators only: there is deliberately no overall "suitable" or "unsuitable",
//! because that decision belongs to the programme's own assessment.

use serde::{Deserialize, Serialize};

use crate::answers::{Answers, YesNo};
use crate::definition::Definition;

/// Whether one criterion is met on the answers given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Indicator {
    Met,
    NotMet,
    /// Not answered, "not sure" or "prefer not to say".
    Unknown,
}

impl Indicator {
    pub fn label(self) -> &'static str {
        match self {
            Indicator::Met => "met",
            Indicator::NotMet => "not met",
            Indicator::Unknown => "unknown",
        }
    }
}

/// One criterion with the answer behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SuitabilityIndicator {
    pub id: String,
    pub criterion: String,
    pub indicator: Indicator,
    pub item_id: String,
}

/// The four indicators, in the pilot's order.
pub fn indicators(def: &Definition, answers: &Answers) -> Vec<SuitabilityIndicator> {
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
            "Stabilised or abstinent",
            status,
            "subst.status",
        ),
        (
            "attends_regularly",
            "Able to attend regularly",
            from_yes_no("ready.attend"),
            "ready.attend",
        ),
        (
            "acknowledges_conflict",
            "Acknowledges conflict in relationships",
            from_yes_no("ready.acknowledges"),
            "ready.acknowledges",
        ),
        (
            "responds_to_challenge",
            "Responds to challenge and feedback (worker observation)",
            from_yes_no("ready.challenge"),
            "ready.challenge",
        ),
    ]
    .into_iter()
    .map(|(id, criterion, indicator, item_id)| SuitabilityIndicator {
        id: id.to_owned(),
        criterion: criterion.to_owned(),
        indicator,
        item_id: item_id.to_owned(),
    })
    .collect()
}
