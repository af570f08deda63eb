//! The raw serde shape of a definition file ("parse, don't validate"): what the JSON says,
//! before any check. `load` turns it into a [`super::types::Definition`].

use serde::Deserialize;

use super::types::{RecordAs, Response};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawDefinition {
    pub(super) id: String,
    pub(super) version: String,
    pub(super) date: String,
    pub(super) title: String,
    pub(super) sections: Vec<RawSection>,
    pub(super) items: Vec<RawItem>,
    #[serde(default)]
    pub(super) red_flags: Vec<RawRule>,
    #[serde(default)]
    pub(super) roles: Option<RawRoles>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSection {
    pub(super) id: String,
    pub(super) title: String,
    #[serde(default)]
    pub(super) client_title: Option<String>,
    #[serde(default)]
    pub(super) guidance: Option<String>,
    #[serde(default)]
    pub(super) optional: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawItem {
    pub(super) id: String,
    pub(super) section: String,
    pub(super) label: String,
    pub(super) worker_wording: String,
    #[serde(default)]
    pub(super) client_wording: String,
    #[serde(default)]
    pub(super) guidance: Option<String>,
    pub(super) response: Response,
    #[serde(default)]
    pub(super) show_when: Option<RawCondition>,
    #[serde(default)]
    pub(super) stop_when: Option<RawCondition>,
    #[serde(default)]
    pub(super) stop_message: Option<String>,
    pub(super) domain: String,
    #[serde(default)]
    pub(super) worker_only: bool,
    #[serde(default)]
    pub(super) record: Option<RecordAs>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRule {
    pub(super) id: String,
    pub(super) title: String,
    pub(super) explanation: String,
    pub(super) when: RawCondition,
}

/// The sections and items the shell gives a part of its own. Each is optional here so that a
/// missing one is reported as a problem of the definition, not as a JSON error.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRoles {
    #[serde(default)]
    pub(super) start_section: Option<String>,
    #[serde(default)]
    pub(super) completed_by: Option<String>,
    #[serde(default)]
    pub(super) never_client: Vec<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub(super) enum RawCondition {
    Disclosed(String),
    AtLeast {
        item: String,
        band: String,
    },
    Is {
        item: String,
        value: String,
    },
    AnyDisclosedIn(String),
    AtLeastIn {
        domain: String,
        band: String,
        #[serde(default)]
        recent: bool,
    },
    Any(Vec<RawCondition>),
    All(Vec<RawCondition>),
}
