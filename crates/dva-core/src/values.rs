//! The values an answer is made of that the questionnaire's conditions also name: the
//! frequency bands and yes / no / not sure. Apart from `answers` so that the definition can
//! name them without depending on the answer store.

use serde::{Deserialize, Serialize};

use crate::text::Catalogue;

/// How often a behaviour happened, in the bands of the pilot's inventory. Ordered: a later
/// band is always "more".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Band {
    #[serde(rename = "never")]
    Never,
    #[serde(rename = "once")]
    Once,
    #[serde(rename = "2_10")]
    TwoToTen,
    #[serde(rename = "11_20")]
    ElevenToTwenty,
    #[serde(rename = "more_than_20")]
    MoreThanTwenty,
}

impl Band {
    /// Every band, in order.
    pub const ALL: [Band; 5] = [
        Band::Never,
        Band::Once,
        Band::TwoToTen,
        Band::ElevenToTwenty,
        Band::MoreThanTwenty,
    ];

    /// The stable id used in the definition file and in JSON downloads.
    pub fn id(self) -> &'static str {
        match self {
            Band::Never => "never",
            Band::Once => "once",
            Band::TwoToTen => "2_10",
            Band::ElevenToTwenty => "11_20",
            Band::MoreThanTwenty => "more_than_20",
        }
    }

    /// Parses a band id as written in the definition file.
    pub fn from_id(id: &str) -> Option<Band> {
        Band::ALL.into_iter().find(|b| b.id() == id)
    }

    /// The label the keyworker sees and the summary prints.
    pub fn worker_label(self, cat: &Catalogue) -> &str {
        cat.get(match self {
            Band::Never => "core.band.worker.never",
            Band::Once => "core.band.worker.once",
            Band::TwoToTen => "core.band.worker.2_10",
            Band::ElevenToTwenty => "core.band.worker.11_20",
            Band::MoreThanTwenty => "core.band.worker.more_than_20",
        })
    }

    /// The label the client sees when he answers on his own (held to grade 6 by a test).
    pub fn client_label(self, cat: &Catalogue) -> &str {
        cat.get(match self {
            Band::Never => "core.band.client.never",
            Band::Once => "core.band.client.once",
            Band::TwoToTen => "core.band.client.2_10",
            Band::ElevenToTwenty => "core.band.client.11_20",
            Band::MoreThanTwenty => "core.band.client.more_than_20",
        })
    }

    /// The weight of the band in the frequency total: never 0, once 1, 2-10 2, 11-20 3,
    /// more than 20 4. The total is descriptive only; it never lowers a level.
    pub fn weight(self) -> u32 {
        match self {
            Band::Never => 0,
            Band::Once => 1,
            Band::TwoToTen => 2,
            Band::ElevenToTwenty => 3,
            Band::MoreThanTwenty => 4,
        }
    }

    /// Whether the band means the behaviour was disclosed (once or more).
    pub fn is_disclosed(self) -> bool {
        self >= Band::Once
    }
}

/// Yes / no / not sure. "Not sure" is an answer, not a gap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum YesNo {
    Yes,
    No,
    NotSure,
}

impl YesNo {
    /// Every value, in display order.
    pub const ALL: [YesNo; 3] = [YesNo::Yes, YesNo::No, YesNo::NotSure];

    /// The stable id used in the definition file's conditions.
    pub fn id(self) -> &'static str {
        match self {
            YesNo::Yes => "yes",
            YesNo::No => "no",
            YesNo::NotSure => "not_sure",
        }
    }

    /// Parses an id as written in the definition file.
    pub fn from_id(id: &str) -> Option<YesNo> {
        YesNo::ALL.into_iter().find(|v| v.id() == id)
    }

    /// The label shown to the keyworker and printed in the summary.
    pub fn worker_label(self, cat: &Catalogue) -> &str {
        cat.get(match self {
            YesNo::Yes => "core.yes_no.yes",
            YesNo::No => "core.yes_no.no",
            YesNo::NotSure => "core.yes_no.not_sure",
        })
    }

    /// The label shown to the client: the same words as the worker's.
    pub fn client_label(self, cat: &Catalogue) -> &str {
        self.worker_label(cat)
    }
}

/// Label for "prefer not to say", for worker and client alike.
pub fn prefer_not_to_say_label(cat: &Catalogue) -> &str {
    cat.get("core.prefer_not_to_say")
}
