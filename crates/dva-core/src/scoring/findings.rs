//! What the answers show: the behaviours disclosed and their counts per domain, the red flags
//! (raised now, or by earlier answers), and the separation + control + violence cluster.

use serde::{Deserialize, Serialize};

use crate::answers::{Answer, Answers, Band, ItemStatus, YesNo};
use crate::definition::{Definition, Domain};
use crate::status::push_unique;
use crate::text::Catalogue;

/// A finding: a sentence and the answers behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub text: String,
    pub item_ids: Vec<String>,
}

/// Behaviours disclosed in one abuse domain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DomainCount {
    pub domain: Domain,
    /// How many different behaviours were disclosed (once or more).
    pub disclosed: usize,
    /// How many behaviours the domain has in the definition.
    pub of: usize,
    /// The highest band disclosed, if any.
    pub highest: Option<Band>,
    pub item_ids: Vec<String>,
}

/// One behaviour disclosed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Disclosure {
    pub item_id: String,
    pub domain: Domain,
    pub band: Band,
    pub last_12_months: Option<YesNo>,
}

/// A red flag raised, with the answers that raised it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RedFlag {
    pub rule_id: String,
    pub title: String,
    pub explanation: String,
    pub item_ids: Vec<String>,
    #[serde(default)]
    pub status: FlagStatus,
}

/// Where a red flag stands. A flag raised at any point of the screening stands until the
/// safeguarding lead agrees otherwise: changing an answer is never a way round the rule that
/// judgement cannot lower a red flag.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum FlagStatus {
    /// The current answers raise it.
    #[default]
    Raised,
    /// Earlier answers raised it and were then changed: it still stands.
    RaisedThenChanged,
    /// Earlier answers raised it; the safeguarding lead agreed it may be set aside.
    SetAside { lead: String, reason: String },
}

impl FlagStatus {
    /// The status in words, for every rendering of the summary; `None` for a plain raised flag.
    pub fn describe(&self, cat: &Catalogue) -> Option<String> {
        match self {
            FlagStatus::Raised => None,
            FlagStatus::RaisedThenChanged => {
                Some(cat.get("core.flag.raised_then_changed").to_owned())
            }
            FlagStatus::SetAside { lead, reason } => {
                Some(cat.fill("core.flag.set_aside", &[("lead", lead), ("reason", reason)]))
            }
        }
    }
}

/// The especially dangerous cluster: separation, coercive control and physical or sexual
/// violence together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cluster {
    pub separation_ids: Vec<String>,
    pub control_ids: Vec<String>,
    pub violence_ids: Vec<String>,
}

impl Cluster {
    /// Every item id behind the cluster.
    pub fn item_ids(&self) -> Vec<String> {
        let mut ids = self.separation_ids.clone();
        push_unique(&mut ids, self.control_ids.clone());
        push_unique(&mut ids, self.violence_ids.clone());
        ids
    }
}

/// Every behaviour disclosed, in questionnaire order.
pub(super) fn disclosures(def: &Definition, answers: &Answers) -> Vec<Disclosure> {
    let mut disclosures = Vec::new();
    for item in def.behaviours() {
        if let ItemStatus::Answered(Answer::Frequency {
            band,
            last_12_months,
        }) = answers.status(def, &item.id)
        {
            if band.is_disclosed() {
                disclosures.push(Disclosure {
                    item_id: item.id.clone(),
                    domain: item.domain,
                    band: *band,
                    last_12_months: *last_12_months,
                });
            }
        }
    }
    disclosures
}

/// One count per abuse domain, in display order.
pub(super) fn domain_counts(def: &Definition, disclosures: &[Disclosure]) -> Vec<DomainCount> {
    Domain::ABUSE
        .into_iter()
        .map(|domain| {
            let here: Vec<&Disclosure> =
                disclosures.iter().filter(|d| d.domain == domain).collect();
            DomainCount {
                domain,
                disclosed: here.len(),
                of: def.behaviours().filter(|i| i.domain == domain).count(),
                highest: here.iter().map(|d| d.band).max(),
                item_ids: here.iter().map(|d| d.item_id.clone()).collect(),
            }
        })
        .collect()
}

/// The red flags that stand (raised now, or raised at any earlier moment of the screening and
/// then changed), and those the safeguarding lead set aside.
pub(super) fn red_flags(def: &Definition, answers: &Answers) -> (Vec<RedFlag>, Vec<RedFlag>) {
    let earlier = answers.earlier_states();
    let mut red_flags = Vec::new();
    let mut set_aside_flags = Vec::new();
    for rule in def.red_flag_rules() {
        let flag = |item_ids, status| RedFlag {
            rule_id: rule.id.clone(),
            title: rule.title.clone(),
            explanation: rule.explanation.clone(),
            item_ids,
            status,
        };
        if let Some(ids) = rule.when.eval(def, answers) {
            red_flags.push(flag(ids, FlagStatus::Raised));
        } else if let Some(ids) = earlier.iter().find_map(|st| rule.when.eval(def, st)) {
            match answers.set_aside(&rule.id) {
                Some(d) => set_aside_flags.push(flag(
                    ids,
                    FlagStatus::SetAside {
                        lead: d.lead.clone(),
                        reason: d.reason.clone(),
                    },
                )),
                None => red_flags.push(flag(ids, FlagStatus::RaisedThenChanged)),
            }
        }
    }
    (red_flags, set_aside_flags)
}

/// The item ids of the behaviours disclosed in these domains.
pub(super) fn ids_in(disclosures: &[Disclosure], ds: &[Domain]) -> Vec<String> {
    disclosures
        .iter()
        .filter(|d| ds.contains(&d.domain))
        .map(|d| d.item_id.clone())
        .collect()
}

/// The cluster, when a separation, controlling behaviour and physical or sexual violence were
/// all disclosed.
pub(super) fn cluster(
    def: &Definition,
    answers: &Answers,
    disclosures: &[Disclosure],
) -> Option<Cluster> {
    let control_ids = ids_in(disclosures, &[Domain::JealousyControl]);
    let violence_ids = ids_in(disclosures, &[Domain::Physical, Domain::Sexual]);
    (answers.is_yes(def, "rel.separation") && !control_ids.is_empty() && !violence_ids.is_empty())
        .then(|| Cluster {
            separation_ids: vec!["rel.separation".to_owned()],
            control_ids,
            violence_ids,
        })
}
