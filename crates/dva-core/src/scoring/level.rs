//! The level of concern: every reason the answers give, each with the step it supports, and the
//! level as the highest of them (see the rules in the module above).

use serde::{Deserialize, Serialize};

use super::findings::{ids_in, Cluster, Disclosure, FlagStatus, RedFlag};
use crate::answers::{Answer, Answers, Band, ItemStatus};
use crate::definition::{Definition, Domain};
use crate::rules::RISK_MARKERS;
use crate::text::Catalogue;

/// Number of different behaviours disclosed that is a significant concern on its own.
pub const MANY_BEHAVIOURS: usize = 5;

/// Number of different controlling behaviours, each disclosed more than once, that make a
/// pattern of coercive control (a significant concern on its own).
pub const CONTROL_PATTERN: usize = 2;

/// Number of risk markers present together that is high risk without a named red flag.
pub const HIGH_RISK_MARKERS: usize = 8;

/// The level of concern, in four ordered steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    NoAbuseDisclosed,
    AbuseDisclosed,
    SignificantConcern,
    HighRisk,
}

impl Level {
    /// Every level, lowest first.
    pub const ALL: [Level; 4] = [
        Level::NoAbuseDisclosed,
        Level::AbuseDisclosed,
        Level::SignificantConcern,
        Level::HighRisk,
    ];

    /// The level in words. "No abuse disclosed in this screen" is never "safe" or "low risk".
    pub fn label(self, cat: &Catalogue) -> &str {
        cat.get(match self {
            Level::NoAbuseDisclosed => "core.level.no_abuse_disclosed",
            Level::AbuseDisclosed => "core.level.abuse_disclosed",
            Level::SignificantConcern => "core.level.significant_concern",
            Level::HighRisk => "core.level.high_risk",
        })
    }

    /// A stable id for JSON and styling.
    pub fn id(self) -> &'static str {
        match self {
            Level::NoAbuseDisclosed => "no_abuse_disclosed",
            Level::AbuseDisclosed => "abuse_disclosed",
            Level::SignificantConcern => "significant_concern",
            Level::HighRisk => "high_risk",
        }
    }
}

/// One reason for the level, with the step it supports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reason {
    /// Stable id of the rule that found it, the same in every language: `red_flag`, `cluster`,
    /// `violence`, `intimidation`, `frequent`, `many_behaviours`, `children`, `justice`,
    /// `injured`, `afraid`, `abuse_disclosed` or `none_disclosed`.
    #[serde(default)]
    pub id: String,
    pub supports: Level,
    pub text: String,
    pub item_ids: Vec<String>,
}

/// What the reasons are read from, besides the answers themselves.
pub(super) struct Found<'a> {
    pub disclosures: &'a [Disclosure],
    pub red_flags: &'a [RedFlag],
    pub cluster: Option<&'a Cluster>,
    pub abuse_disclosed: bool,
}

/// Every reason found, highest step first ("none disclosed" when there is no other).
pub(super) fn reasons(
    def: &Definition,
    answers: &Answers,
    found: &Found<'_>,
    cat: &Catalogue,
) -> Vec<Reason> {
    let mut reasons = high_risk_reasons(def, answers, found, cat);
    reasons.extend(significant_reasons(def, answers, found, cat));
    let disclosures = found.disclosures;
    if !disclosures.is_empty() {
        let key = if disclosures.len() == 1 {
            "core.reason.abuse_disclosed.one"
        } else {
            "core.reason.abuse_disclosed.other"
        };
        reasons.push(Reason {
            id: "abuse_disclosed".into(),
            supports: Level::AbuseDisclosed,
            text: cat.fill(key, &[("n", &disclosures.len().to_string())]),
            item_ids: disclosures.iter().map(|d| d.item_id.clone()).collect(),
        });
    }
    if reasons.is_empty() {
        reasons.push(Reason {
            id: "none_disclosed".into(),
            supports: Level::NoAbuseDisclosed,
            text: cat.get("core.reason.none_disclosed").to_owned(),
            item_ids: Vec::new(),
        });
    }
    reasons.sort_by_key(|r| std::cmp::Reverse(r.supports));
    reasons
}

/// The level: the highest step any reason supports.
pub(super) fn level_of(reasons: &[Reason]) -> Level {
    reasons
        .iter()
        .map(|r| r.supports)
        .max()
        .unwrap_or(Level::NoAbuseDisclosed)
}

/// The reasons for high risk: each red flag that stands, the cluster, and enough risk markers.
fn high_risk_reasons(
    def: &Definition,
    answers: &Answers,
    found: &Found<'_>,
    cat: &Catalogue,
) -> Vec<Reason> {
    let high = |id: &str, text: String, item_ids: Vec<String>| Reason {
        id: id.into(),
        supports: Level::HighRisk,
        text,
        item_ids,
    };
    let mut reasons = Vec::new();
    for f in found.red_flags {
        let key = match f.status {
            FlagStatus::RaisedThenChanged => "core.reason.red_flag_changed",
            _ => "core.reason.red_flag",
        };
        let text = cat.fill(key, &[("title", &f.title)]);
        reasons.push(high("red_flag", text, f.item_ids.clone()));
    }
    if let Some(c) = found.cluster {
        let text = cat.get("core.reason.cluster").to_owned();
        reasons.push(high("cluster", text, c.item_ids()));
    }
    let markers = risk_markers(def, answers);
    if markers.len() >= HIGH_RISK_MARKERS {
        let text = cat.fill(
            "core.reason.risk_markers",
            &[
                ("n", &markers.len().to_string()),
                ("threshold", &HIGH_RISK_MARKERS.to_string()),
            ],
        );
        reasons.push(high("risk_markers", text, markers));
    }
    reasons
}

/// The risk markers present (see [`RISK_MARKERS`]), by item id.
fn risk_markers(def: &Definition, answers: &Answers) -> Vec<String> {
    RISK_MARKERS
        .iter()
        .filter(|(id, value)| match (*value, answers.status(def, id)) {
            ("disclosed", ItemStatus::Answered(Answer::Frequency { band, .. })) => {
                band.is_disclosed()
            }
            (v, ItemStatus::Answered(Answer::YesNo(yn))) => yn.id() == v,
            // "A little" afraid counts, and "very" (a red flag of its own) counts as well.
            ("a_little", ItemStatus::Answered(Answer::Choice(c))) => c == "a_little" || c == "very",
            (v, ItemStatus::Answered(Answer::Choice(c))) => c == v,
            _ => false,
        })
        .map(|(id, _)| (*id).to_owned())
        .collect()
}

/// A reason's id, its words and the answers behind it; kept only when some answer is.
type Candidate = (&'static str, String, Vec<String>);

/// The reasons for significant concern, in a fixed order (the summary prints them so).
fn significant_reasons(
    def: &Definition,
    answers: &Answers,
    found: &Found<'_>,
    cat: &Catalogue,
) -> Vec<Reason> {
    let mut candidates = behaviour_reasons(found.disclosures, cat);
    candidates.extend(yes_reasons(
        def,
        answers,
        cat,
        &[
            (
                "children",
                "core.reason.children",
                &["children.present", "children.harmed"],
            ),
            (
                "justice",
                "core.reason.justice",
                &["impact.police", "impact.justice", "impact.orders"],
            ),
            ("injured", "core.reason.injured", &["impact.injured"]),
        ],
    ));
    candidates.extend(control_reason(found.disclosures, cat));
    candidates.extend(yes_reasons(
        def,
        answers,
        cat,
        &[(
            "harm_others",
            "core.reason.harm_others",
            &["self.harm_others"],
        )],
    ));
    if found.abuse_disclosed {
        candidates.extend(yes_reasons(
            def,
            answers,
            cat,
            &[(
                "pregnancy",
                "core.reason.pregnancy",
                &["rel.pregnant", "rel.ex_pregnant"],
            )],
        ));
    }
    if answers.choice(def, "impact.afraid") == Some("a_little") {
        let text = cat.get("core.reason.afraid").to_owned();
        candidates.push(("afraid", text, vec!["impact.afraid".to_owned()]));
    }
    candidates
        .into_iter()
        .filter(|(_, _, item_ids)| !item_ids.is_empty())
        .map(|(id, text, item_ids)| Reason {
            id: id.to_owned(),
            supports: Level::SignificantConcern,
            text,
            item_ids,
        })
        .collect()
}

/// Violence, intimidation, frequent behaviours and many behaviours.
fn behaviour_reasons(disclosures: &[Disclosure], cat: &Catalogue) -> Vec<Candidate> {
    let get = |key: &str| cat.get(key).to_owned();
    let mut out: Vec<Candidate> = vec![
        (
            "violence",
            get("core.reason.violence"),
            ids_in(disclosures, &[Domain::Physical, Domain::Sexual]),
        ),
        (
            "intimidation",
            get("core.reason.intimidation"),
            ids_in(disclosures, &[Domain::IntimidationThreats]),
        ),
        (
            "frequent",
            get("core.reason.frequent"),
            disclosures
                .iter()
                .filter(|d| d.band >= Band::ElevenToTwenty)
                .map(|d| d.item_id.clone())
                .collect(),
        ),
    ];
    if disclosures.len() >= MANY_BEHAVIOURS {
        out.push((
            "many_behaviours",
            cat.fill(
                "core.reason.many_behaviours",
                &[("n", &MANY_BEHAVIOURS.to_string())],
            ),
            disclosures.iter().map(|d| d.item_id.clone()).collect(),
        ));
    }
    out
}

/// A pattern of coercive control: enough controlling behaviours, each more than once.
fn control_reason(disclosures: &[Disclosure], cat: &Catalogue) -> Option<Candidate> {
    let control: Vec<String> = disclosures
        .iter()
        .filter(|d| d.domain == Domain::JealousyControl && d.band >= Band::TwoToTen)
        .map(|d| d.item_id.clone())
        .collect();
    (control.len() >= CONTROL_PATTERN).then(|| {
        let text = cat.fill(
            "core.reason.control_pattern",
            &[("n", &control.len().to_string())],
        );
        ("control_pattern", text, control)
    })
}

/// Reasons found by "yes" answers: each reason's id and words, with the questions answered yes.
fn yes_reasons(
    def: &Definition,
    answers: &Answers,
    cat: &Catalogue,
    rules: &[(&'static str, &str, &[&str])],
) -> Vec<Candidate> {
    rules
        .iter()
        .map(|(id, key, ids)| {
            let yes = ids
                .iter()
                .filter(|i| answers.is_yes(def, i))
                .map(|i| (*i).to_owned())
                .collect();
            (*id, cat.get(key).to_owned(), yes)
        })
        .collect()
}
