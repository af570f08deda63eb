//! Scoring and risk: what was disclosed, which red flags were raised, the level of concern,
//! and what needs following up. Every decision here carries the item ids behind it, so the
//! keyworker can see why.
//!
//! # Level rules
//!
//! The level is the highest step any of these rules reaches. Every rule only looks for
//! something being present, so disclosing one more behaviour or a higher band can never lower
//! the level (tested with proptest).
//!
//! - **High risk: act today**: any red flag of the definition is raised, whatever the total.
//!   The separation + coercive control + physical or sexual violence cluster is always also a
//!   red flag (`rf.separation`).
//! - **Significant concern**, when any of these holds:
//!   - any physical or sexual behaviour, or any intimidation or threat, disclosed;
//!   - any behaviour disclosed at 11 to 20 times or more;
//!   - [`MANY_BEHAVIOURS`] (5) or more different behaviours disclosed;
//!   - children present during incidents, or a child harmed or threatened;
//!   - the police called, an arrest, charge or conviction, or bail conditions or court orders
//!     in place;
//!   - a partner injured, or a little afraid of him.
//! - **Abusive behaviour disclosed**: any behaviour of the inventory disclosed once or more.
//! - **No abuse disclosed in this screen**: none of the above. Never called safe or low risk,
//!   and always shown with the minimisation caveat.
//!
//! # Incomplete
//!
//! Items shown but not yet answered, or answered "prefer not to say", are listed for follow-up.
//! The screen is **incomplete** when [`INCOMPLETE_THRESHOLD`] (3) or more of them are in the
//! behaviours, impact, children or own-safety sections, or when any of them is an item that a
//! red-flag rule names directly (for example the strangulation questions), because a gap there
//! could hide a red flag.

use serde::{Deserialize, Serialize};

use crate::answers::{Answer, Answers, Band, ItemStatus, YesNo};
use crate::definition::{push_unique, Definition, Domain};
use crate::text::{join_list, Catalogue};

/// Number of different behaviours disclosed that is a significant concern on its own.
pub const MANY_BEHAVIOURS: usize = 5;

/// Number of follow-up gaps in the core sections that makes the screen incomplete.
pub const INCOMPLETE_THRESHOLD: usize = 3;

/// Sections whose gaps count towards [`INCOMPLETE_THRESHOLD`].
pub const CORE_SECTIONS: [&str; 4] = ["behaviours", "impact", "children", "own_safety"];

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

/// A finding: a sentence and the answers behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub text: String,
    pub item_ids: Vec<String>,
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

/// Why an item needs following up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Gap {
    NotYetAnswered,
    PreferNotToSay,
}

impl Gap {
    pub fn label(self, cat: &Catalogue) -> &str {
        cat.get(match self {
            Gap::NotYetAnswered => "core.gap.not_yet_answered",
            Gap::PreferNotToSay => "core.gap.prefer_not_to_say",
        })
    }
}

/// An item to follow up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    pub item_id: String,
    pub section: String,
    pub gap: Gap,
}

/// A standing caveat shown with every result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Caveat {
    pub id: String,
    pub text: String,
}

/// The caveats, in display order. The minimisation caveat is always first.
pub fn caveats(cat: &Catalogue) -> Vec<Caveat> {
    [
        ("minimisation", "core.caveat.minimisation"),
        ("not_dash", "core.caveat.not_dash"),
        ("partner_contact", "core.caveat.partner_contact"),
    ]
    .into_iter()
    .map(|(id, key)| Caveat {
        id: id.to_owned(),
        text: cat.get(key).to_owned(),
    })
    .collect()
}

/// The result of scoring one screening.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    /// One entry per abuse domain, in display order.
    pub domains: Vec<DomainCount>,
    /// Every behaviour disclosed, in questionnaire order.
    pub disclosures: Vec<Disclosure>,
    /// Sum of band weights over disclosed behaviours (see [`Band::weight`]).
    pub frequency_total: u32,
    pub red_flags: Vec<RedFlag>,
    pub cluster: Option<Cluster>,
    pub level: Level,
    /// Every reason found, highest step first.
    pub reasons: Vec<Reason>,
    /// Shown items not yet answered or answered "prefer not to say".
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

    /// Whether any behaviour was disclosed.
    pub fn abuse_disclosed(&self) -> bool {
        !self.disclosures.is_empty()
    }

    /// The reasons behind the computed level itself.
    pub fn reasons_for_level(&self) -> impl Iterator<Item = &Reason> {
        self.reasons
            .iter()
            .filter(move |r| r.supports == self.level)
    }
}

/// Scores a screening. Pure: the same answers always give the same result. The catalogue gives
/// the words of the reasons, caveats and incomplete reason; it never changes a decision.
pub fn assess(def: &Definition, answers: &Answers, cat: &Catalogue) -> Assessment {
    // Disclosures and per-domain counts.
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
    let domains: Vec<DomainCount> = Domain::ABUSE
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
        .collect();
    let frequency_total = disclosures.iter().map(|d| d.band.weight()).sum();

    // Red flags.
    let red_flags: Vec<RedFlag> = def
        .red_flag_rules()
        .iter()
        .filter_map(|rule| {
            rule.when.eval(def, answers).map(|item_ids| RedFlag {
                rule_id: rule.id.clone(),
                title: rule.title.clone(),
                explanation: rule.explanation.clone(),
                item_ids,
            })
        })
        .collect();

    // The cluster.
    let ids_in = |ds: &[Domain]| -> Vec<String> {
        disclosures
            .iter()
            .filter(|d| ds.contains(&d.domain))
            .map(|d| d.item_id.clone())
            .collect()
    };
    let control_ids = ids_in(&[Domain::JealousyControl]);
    let violence_ids = ids_in(&[Domain::Physical, Domain::Sexual]);
    let cluster = (answers.is_yes(def, "rel.separation")
        && !control_ids.is_empty()
        && !violence_ids.is_empty())
    .then(|| Cluster {
        separation_ids: vec!["rel.separation".to_owned()],
        control_ids,
        violence_ids,
    });

    // Reasons.
    let mut reasons = Vec::new();
    for f in &red_flags {
        reasons.push(Reason {
            id: "red_flag".into(),
            supports: Level::HighRisk,
            text: cat.fill("core.reason.red_flag", &[("title", &f.title)]),
            item_ids: f.item_ids.clone(),
        });
    }
    if let Some(c) = &cluster {
        reasons.push(Reason {
            id: "cluster".into(),
            supports: Level::HighRisk,
            text: cat.get("core.reason.cluster").to_owned(),
            item_ids: c.item_ids(),
        });
    }
    significant_reasons(def, answers, &disclosures, cat, &mut reasons);
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
    let level = reasons
        .iter()
        .map(|r| r.supports)
        .max()
        .unwrap_or(Level::NoAbuseDisclosed);

    // Follow-up and completeness.
    let mut follow_up = Vec::new();
    for item in def.items() {
        let gap = match answers.status(def, &item.id) {
            ItemStatus::NotYetAnswered => Gap::NotYetAnswered,
            ItemStatus::PreferNotToSay => Gap::PreferNotToSay,
            _ => continue,
        };
        follow_up.push(FollowUp {
            item_id: item.id.clone(),
            section: item.section.clone(),
            gap,
        });
    }
    let core_gaps = follow_up
        .iter()
        .filter(|f| CORE_SECTIONS.contains(&f.section.as_str()))
        .count();
    let mut red_flag_items: Vec<&str> = def
        .red_flag_rules()
        .iter()
        .flat_map(|r| r.when.named_items())
        .collect();
    red_flag_items.dedup();
    let red_flag_gaps: Vec<&str> = follow_up
        .iter()
        .filter(|f| red_flag_items.contains(&f.item_id.as_str()))
        .map(|f| f.item_id.as_str())
        .collect();
    let mut why = Vec::new();
    if core_gaps >= INCOMPLETE_THRESHOLD {
        why.push(cat.fill(
            "core.incomplete.core_gaps",
            &[("n", &core_gaps.to_string())],
        ));
    }
    if !red_flag_gaps.is_empty() {
        // Named by the items' labels, which the worker sees, never by their internal ids.
        let labels: Vec<&str> = red_flag_gaps
            .iter()
            .map(|id| def.item(id).map_or(*id, |item| item.label.as_str()))
            .collect();
        why.push(cat.fill(
            "core.incomplete.red_flag_gaps",
            &[("items", &join_list(cat, &labels))],
        ));
    }
    let incomplete = !why.is_empty();
    let incomplete_reason = incomplete.then(|| {
        cat.fill(
            "core.incomplete.reason",
            &[("why", &why.join(cat.get("core.incomplete.join")))],
        )
    });

    Assessment {
        domains,
        disclosures,
        frequency_total,
        red_flags,
        cluster,
        level,
        reasons,
        follow_up,
        incomplete,
        incomplete_reason,
        caveats: caveats(cat),
    }
}

fn significant_reasons(
    def: &Definition,
    answers: &Answers,
    disclosures: &[Disclosure],
    cat: &Catalogue,
    reasons: &mut Vec<Reason>,
) {
    let mut push = |id: &str, text: String, item_ids: Vec<String>| {
        if !item_ids.is_empty() {
            reasons.push(Reason {
                id: id.to_owned(),
                supports: Level::SignificantConcern,
                text,
                item_ids,
            });
        }
    };
    let of = |ds: &[Domain]| -> Vec<String> {
        disclosures
            .iter()
            .filter(|d| ds.contains(&d.domain))
            .map(|d| d.item_id.clone())
            .collect()
    };
    let get = |key: &str| cat.get(key).to_owned();
    push(
        "violence",
        get("core.reason.violence"),
        of(&[Domain::Physical, Domain::Sexual]),
    );
    push(
        "intimidation",
        get("core.reason.intimidation"),
        of(&[Domain::IntimidationThreats]),
    );
    push(
        "frequent",
        get("core.reason.frequent"),
        disclosures
            .iter()
            .filter(|d| d.band >= Band::ElevenToTwenty)
            .map(|d| d.item_id.clone())
            .collect(),
    );
    if disclosures.len() >= MANY_BEHAVIOURS {
        push(
            "many_behaviours",
            cat.fill(
                "core.reason.many_behaviours",
                &[("n", &MANY_BEHAVIOURS.to_string())],
            ),
            disclosures.iter().map(|d| d.item_id.clone()).collect(),
        );
    }
    let yes = |ids: &[&str]| -> Vec<String> {
        ids.iter()
            .filter(|id| answers.is_yes(def, id))
            .map(|id| (*id).to_owned())
            .collect()
    };
    push(
        "children",
        get("core.reason.children"),
        yes(&["children.present", "children.harmed"]),
    );
    push(
        "justice",
        get("core.reason.justice"),
        yes(&["impact.police", "impact.justice", "impact.orders"]),
    );
    push(
        "injured",
        get("core.reason.injured"),
        yes(&["impact.injured"]),
    );
    if answers.choice(def, "impact.afraid") == Some("a_little") {
        push(
            "afraid",
            get("core.reason.afraid"),
            vec!["impact.afraid".to_owned()],
        );
    }
}

/// A professional judgement about the level, with the worker's written reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Judgement {
    pub level: Level,
    pub reason: String,
}

/// The level after professional judgement. Holds both the computed and the judged level, so
/// the computed level can never be hidden; it can only be made by [`apply_judgement`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JudgedLevel {
    computed: Level,
    judged: Level,
    reason: String,
}

impl JudgedLevel {
    /// The level the answers gave.
    pub fn computed(&self) -> Level {
        self.computed
    }
    /// The level the worker judged.
    pub fn judged(&self) -> Level {
        self.judged
    }
    /// The worker's written reason, verbatim.
    pub fn reason(&self) -> &str {
        &self.reason
    }
    pub fn raised(&self) -> bool {
        self.judged > self.computed
    }
    pub fn lowered(&self) -> bool {
        self.judged < self.computed
    }
}

/// Why a judgement was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JudgementError {
    /// Raising or lowering the level needs a written reason.
    ReasonRequired,
    /// A level raised by a red flag can never be lowered.
    CannotLowerRedFlag,
}

impl JudgementError {
    /// The message the worker sees.
    pub fn message(self, cat: &Catalogue) -> &str {
        cat.get(match self {
            JudgementError::ReasonRequired => "core.judgement.reason_required",
            JudgementError::CannotLowerRedFlag => "core.judgement.cannot_lower_red_flag",
        })
    }
}

/// Applies a professional judgement. Raising needs a reason; lowering needs a reason and is
/// refused outright when a red flag was raised.
pub fn apply_judgement(
    assessment: &Assessment,
    judgement: &Judgement,
) -> Result<JudgedLevel, JudgementError> {
    let computed = assessment.level;
    let has_reason = !judgement.reason.trim().is_empty();
    if judgement.level < computed && assessment.has_red_flag() {
        return Err(JudgementError::CannotLowerRedFlag);
    }
    if judgement.level != computed && !has_reason {
        return Err(JudgementError::ReasonRequired);
    }
    Ok(JudgedLevel {
        computed,
        judged: judgement.level,
        reason: judgement.reason.clone(),
    })
}

/// The level actions are derived from: the higher of the computed and the judged level, so a
/// lowered judgement never removes an action the answers called for.
pub fn level_for_actions(assessment: &Assessment, judged: Option<&JudgedLevel>) -> Level {
    judged.map_or(assessment.level, |j| j.judged.max(assessment.level))
}
