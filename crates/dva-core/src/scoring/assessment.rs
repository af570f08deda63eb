//! The result of scoring one screening, and the caveats shown with every result.

use serde::{Deserialize, Serialize};

use super::findings::{Cluster, Disclosure, DomainCount, RedFlag};
use super::gaps::FollowUp;
use super::level::{Level, Reason};
use crate::definition::Definition;
use crate::text::Catalogue;

/// A standing caveat shown with every result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Caveat {
    pub id: String,
    pub text: String,
}

/// The caveats, in display order. The minimisation caveat is always first; a service that
/// switched sections off is told so last, with the sections named.
pub fn caveats(def: &Definition, cat: &Catalogue) -> Vec<Caveat> {
    let mut out: Vec<Caveat> = [
        ("minimisation", "core.caveat.minimisation"),
        ("not_dash", "core.caveat.not_dash"),
        ("partner_contact", "core.caveat.partner_contact"),
    ]
    .into_iter()
    .map(|(id, key)| Caveat {
        id: id.to_owned(),
        text: cat.get(key).to_owned(),
    })
    .collect();
    let off: Vec<&str> = def.switched_off().map(|s| s.title.as_str()).collect();
    if !off.is_empty() {
        out.push(Caveat {
            id: "sections_not_asked".to_owned(),
            text: cat.fill(
                "core.caveat.sections_not_asked",
                &[("sections", &crate::text::join_list(cat, &off))],
            ),
        });
    }
    out
}

/// The result of scoring one screening.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    /// One entry per abuse domain, in display order.
    pub domains: Vec<DomainCount>,
    /// Every behaviour disclosed, in questionnaire order.
    pub disclosures: Vec<Disclosure>,
    /// Abuse disclosed: a behaviour once or more, or an injury he caused.
    #[serde(default)]
    pub abuse_disclosed: bool,
    /// Sum of band weights over disclosed behaviours (see [`Band::weight`]).
    pub frequency_total: u32,
    /// The red flags that stand: raised now, or raised earlier and then changed.
    pub red_flags: Vec<RedFlag>,
    /// Red flags raised by earlier answers that the safeguarding lead agreed to set aside.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub set_aside_flags: Vec<RedFlag>,
    pub cluster: Option<Cluster>,
    pub level: Level,
    /// Every reason found, highest step first.
    pub reasons: Vec<Reason>,
    /// Shown items not yet answered, answered "prefer not to say" or "not sure".
    pub follow_up: Vec<FollowUp>,
    pub incomplete: bool,
    pub incomplete_reason: Option<String>,
    pub caveats: Vec<Caveat>,
}

impl Assessment {
    /// Whether a red flag was raised (so the level can never be lowered by judgement).
    pub fn has_red_flag(&self) -> bool {
        !self.red_flags.is_empty()
    }

    /// Whether abuse was disclosed: any behaviour, or an injury he caused.
    pub fn abuse_disclosed(&self) -> bool {
        self.abuse_disclosed
    }

    /// The reasons behind the computed level itself.
    pub fn reasons_for_level(&self) -> impl Iterator<Item = &Reason> {
        self.reasons
            .iter()
            .filter(move |r| r.supports == self.level)
    }
}
