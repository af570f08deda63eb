//! Scoring and risk: what was disclosed, which red flags were raised, the level of concern,
//! and what needs following up. Every decision here carries the item ids behind it, so the
//! keyworker can see why.
//!
//! # Level rules (questionnaire 2.0.0)
//!
//! The level is the highest step any of these rules reaches. Every rule only looks for
//! something being present, so disclosing one more behaviour, a higher band or a "yes" can
//! never lower the level (tested with proptest). Where a rule was in doubt it was graded up:
//! over-grading costs a conversation with the safeguarding lead; under-grading can cost a life.
//!
//! - **High risk: act today** when any of these holds, whatever the total:
//!   - any red flag of the definition (`questionnaire.json`, `red_flags`). Besides the named
//!     flags of the Stella Project and Respect guidance, 2.0.0 adds:
//!     - `rf.repeated_violence`: a physical behaviour 11 times or more together with an injury,
//!       the police being called, children present, or violence in the last 12 months (a blank
//!       or "not sure" recency counts as recent). Why: repeated violence is dangerous without a
//!       named flag, and its pattern, not one act, is what the Dash's escalation and count
//!       criteria exist to catch;
//!     - `rf.escalation` also when he says something happened 3 or more times in the last 12
//!       months, the Dash's own escalation criterion;
//!     - `rf.child_harmed`: a child hurt or threatened. Harm to a child needs the children's
//!       procedure today, so the level says so too and never contradicts the action;
//!     - `rf.harm_others`: thoughts of seriously harming someone together with abuse, an
//!       injury, a separation, or arrangements or conflict about child contact, the times a
//!       partner and children are most at risk;
//!     - `rf.weapon_access`: he has or can get a weapon, and disclosed abuse;
//!     - `rf.strangulation` includes drowning and suffocation; `rf.pregnancy_or_baby` an
//!       ex-partner's pregnancy; `rf.stalking_jealousy` constant calling, texting or turning up
//!       (more than once);
//!   - the separation + coercive control + physical or sexual violence cluster (also the
//!     red flag `rf.separation`);
//!   - [`HIGH_RISK_MARKERS`] (8) or more of the [`RISK_MARKERS`] together. Why: the Dash
//!     counts "yes" answers because several lower-level factors together are dangerous; its
//!     threshold is 14 of 24 answers given by her, and some areas treat 10 to 13 as medium.
//!     His own account understates, so 8 of our 26 markers (about the same share as 10 of the
//!     Dash's 24) is treated as high.
//! - **Significant concern**, when any of these holds:
//!   - any physical or sexual behaviour, or any intimidation or threat, disclosed;
//!   - any behaviour disclosed at 11 to 20 times or more;
//!   - [`MANY_BEHAVIOURS`] (5) or more different behaviours disclosed;
//!   - a pattern of coercive control: [`CONTROL_PATTERN`] (2) or more different controlling
//!     behaviours, each more than once. Why: controlling or coercive behaviour is a crime when
//!     it is repeated, and a web of control is a danger sign on its own;
//!   - thoughts of seriously harming someone, even with nothing else disclosed;
//!   - a partner or ex-partner pregnant, with any abuse disclosed (the unborn child is a child);
//!   - children present during incidents;
//!   - the police called, an arrest, charge or conviction, or bail conditions, orders or
//!     contact agreements, past or present;
//!   - a partner injured, or a little afraid of him.
//! - **Abusive behaviour disclosed**: any behaviour of the inventory disclosed once or more,
//!   or an injury he caused.
//! - **No abuse disclosed in this screen**: none of the above. Never called safe or low risk,
//!   and always shown with the minimisation caveat.
//!
//! # Gaps and incomplete
//!
//! A gap is an item shown but not yet answered, answered "prefer not to say", or answered "not
//! sure" or "does not know" (an option marked `unknown` in the definition). Gaps are never read
//! as answers that clear: they are listed for follow-up, and "Nothing left unanswered" is
//! printed only when there are none.
//!
//! The screen is **incomplete** when [`INCOMPLETE_THRESHOLD`] (3) or more gaps are in the
//! relationship, behaviours, impact, children or own-safety sections, or when any gap could
//! hide a red flag. A gap could hide a red flag when a red-flag rule names the item or a
//! question it leads to (so "prefer not to say" on whether there are children could hide the
//! baby and child-harm flags), or when answering that gap alone the worst way would raise a
//! flag (so a sexual item left unanswered could hide sexual violence). The incomplete reason
//! names the first [`NAMED_GAPS`] such gaps with the questions they hid and the flags they
//! could hide, and counts the rest; the follow-up list names every one.
//!
//! # Judgement
//!
//! Judgement can raise the level with a written reason. Lowering needs a written reason and
//! the name of the safeguarding lead who agreed it (both printed); it is refused when a red
//! flag was raised, and "No abuse disclosed in this screen" is refused after any disclosure,
//! because the record would then say something false.

use serde::{Deserialize, Serialize};

use crate::answers::{Answer, Answers, Band, ItemStatus, Source, YesNo};
use crate::definition::{Definition, Domain, Item, RedFlagRule, Response};
pub use crate::rules::{CORE_SECTIONS, RISK_MARKERS};
use crate::status::push_unique;
use crate::text::{join_list, Catalogue};

/// Number of different behaviours disclosed that is a significant concern on its own.
pub const MANY_BEHAVIOURS: usize = 5;

/// Number of follow-up gaps in the core sections that makes the screen incomplete.
pub const INCOMPLETE_THRESHOLD: usize = 3;

/// How many gaps that could hide a red flag the incomplete reason describes in full.
pub const NAMED_GAPS: usize = 3;

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

/// Why an item needs following up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Gap {
    NotYetAnswered,
    PreferNotToSay,
    /// Answered "not sure", "does not know" or the like: a gap to follow up, never an answer
    /// that clears.
    NotSure,
}

impl Gap {
    pub fn label(self, cat: &Catalogue) -> &str {
        cat.get(match self {
            Gap::NotYetAnswered => "core.gap.not_yet_answered",
            Gap::PreferNotToSay => "core.gap.prefer_not_to_say",
            Gap::NotSure => "core.gap.not_sure",
        })
    }
}

/// An item to follow up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    pub item_id: String,
    pub section: String,
    pub gap: Gap,
    /// The red-flag rules (ids) this gap could hide: rules that name the item or a question
    /// it leads to, and rules that answering this gap alone the worst way would raise.
    #[serde(default)]
    pub could_hide: Vec<String>,
    /// Questions not asked because this one is a gap (a gateway such as "children in the
    /// family" hides the baby question).
    #[serde(default)]
    pub hides: Vec<String>,
}

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

    // Red flags: raised now, or at any earlier moment of the screening.
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
        let key = match f.status {
            FlagStatus::RaisedThenChanged => "core.reason.red_flag_changed",
            _ => "core.reason.red_flag",
        };
        reasons.push(Reason {
            id: "red_flag".into(),
            supports: Level::HighRisk,
            text: cat.fill(key, &[("title", &f.title)]),
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
    let markers = risk_markers(def, answers);
    if markers.len() >= HIGH_RISK_MARKERS {
        reasons.push(Reason {
            id: "risk_markers".into(),
            supports: Level::HighRisk,
            text: cat.fill(
                "core.reason.risk_markers",
                &[
                    ("n", &markers.len().to_string()),
                    ("threshold", &HIGH_RISK_MARKERS.to_string()),
                ],
            ),
            item_ids: markers,
        });
    }
    let abuse_disclosed = !disclosures.is_empty() || answers.is_yes(def, "impact.injured");
    significant_reasons(
        def,
        answers,
        &disclosures,
        abuse_disclosed,
        cat,
        &mut reasons,
    );
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
    let follow_up = follow_ups(def, answers);
    let core_gaps = follow_up
        .iter()
        .filter(|f| CORE_SECTIONS.contains(&f.section.as_str()))
        .count();
    let mut why = Vec::new();
    if core_gaps >= INCOMPLETE_THRESHOLD {
        why.push(cat.fill(
            "core.incomplete.core_gaps",
            &[("n", &core_gaps.to_string())],
        ));
    }
    // The first few in full; the rest are counted (each is named with what it could hide in
    // the follow-up list), so a screen left mostly blank still reads in a breath.
    let hiding: Vec<&FollowUp> = follow_up
        .iter()
        .filter(|f| !f.could_hide.is_empty())
        .collect();
    if !hiding.is_empty() {
        let mut items: Vec<String> = hiding
            .iter()
            .take(NAMED_GAPS)
            .map(|f| describe_gap(def, f, cat))
            .collect();
        if hiding.len() > NAMED_GAPS {
            items.push(cat.fill(
                "core.incomplete.more_gaps",
                &[("n", &(hiding.len() - NAMED_GAPS).to_string())],
            ));
        }
        why.push(cat.fill(
            "core.incomplete.red_flag_gaps",
            &[("items", &items.join(cat.get("core.incomplete.join")))],
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
        abuse_disclosed,
        frequency_total,
        red_flags,
        set_aside_flags,
        cluster,
        level,
        reasons,
        follow_up,
        incomplete,
        incomplete_reason,
        caveats: caveats(def, cat),
    }
}

/// Names a gap for the incomplete reason, by the labels the worker sees (never internal ids):
/// the question, why it is a gap, the questions it hides and the red flags it could hide.
pub fn describe_gap(def: &Definition, f: &FollowUp, cat: &Catalogue) -> String {
    let label = |id: &str| def.item(id).map_or(id, |i| i.label.as_str()).to_owned();
    let flags: Vec<&str> = f
        .could_hide
        .iter()
        .map(|id| {
            def.red_flag_rules()
                .iter()
                .find(|r| &r.id == id)
                .map_or(id.as_str(), |r| r.title.as_str())
        })
        .collect();
    let hidden: Vec<String> = f.hides.iter().map(|id| label(id)).collect();
    let hidden: Vec<&str> = hidden.iter().map(String::as_str).collect();
    let key = if hidden.is_empty() {
        "core.incomplete.gap"
    } else {
        "core.incomplete.gateway_gap"
    };
    cat.fill(
        key,
        &[
            ("label", &label(&f.item_id)),
            ("gap", f.gap.label(cat)),
            ("hides", &join_list(cat, &hidden)),
            ("flags", &join_list(cat, &flags)),
        ],
    )
}

/// The gap an item's current answer leaves, if any. "Not sure" and "does not know" are gaps
/// everywhere but the setting section, where they stop the screening instead.
fn gap_of(def: &Definition, answers: &Answers, item: &Item) -> Option<Gap> {
    // Free text (his words, the worker's observations) is optional: a blank box is no gap.
    if matches!(item.response, Response::FreeText { .. }) {
        return None;
    }
    match answers.status(def, &item.id) {
        ItemStatus::NotYetAnswered => Some(Gap::NotYetAnswered),
        ItemStatus::PreferNotToSay => Some(Gap::PreferNotToSay),
        ItemStatus::Answered(Answer::YesNo(YesNo::NotSure)) if item.domain != Domain::Setting => {
            Some(Gap::NotSure)
        }
        ItemStatus::Answered(Answer::Choice(c))
            if item.response.option(c).is_some_and(|o| o.unknown) =>
        {
            Some(Gap::NotSure)
        }
        _ => None,
    }
}

/// Every gap, with the red flags it could hide and the questions it hides.
///
/// A gap could hide a red flag when (1) a red-flag rule names the item, or names a question
/// that this item leads to (its show-when reads this item); or (2) answering this gap alone
/// the worst way, with the questions it reveals ([`worst_case`]), raises a red flag that is
/// not raised now. (1) catches a gap on a red-flag question whatever else was said; (2)
/// catches flags read through a whole domain (either sexual item) and combinations with what
/// was said (a behaviour left blank after he said the abuse is getting worse).
fn follow_ups(def: &Definition, answers: &Answers) -> Vec<FollowUp> {
    let gaps: Vec<(&Item, Gap)> = def
        .items()
        .iter()
        .filter_map(|i| gap_of(def, answers, i).map(|g| (i, g)))
        .collect();
    if gaps.is_empty() {
        return Vec::new();
    }
    // What does not depend on the gap is worked out once: this runs on every answer, and with
    // most of the questionnaire still blank it was most of the time a click took.
    let not_asked: Vec<&Item> = def
        .items()
        .iter()
        .filter(|i| answers.status(def, &i.id) == ItemStatus::NotAsked)
        .collect();
    let reads: Vec<(&Item, Vec<&str>)> = def
        .items()
        .iter()
        .filter_map(|i| Some((i, i.show_when.as_ref()?.named_items())))
        .collect();
    let rules: Vec<(&RedFlagRule, Vec<&str>)> = def
        .red_flag_rules()
        .iter()
        .filter(|r| r.when.eval(def, answers).is_none())
        .map(|r| (r, r.when.named_items()))
        .collect();
    gaps.iter()
        .map(|(item, gap)| {
            let id = item.id.as_str();
            // Items hidden now whose show-when reads this gap.
            let hidden: Vec<String> = reads
                .iter()
                .filter(|(i, named)| {
                    named.contains(&id) && not_asked.iter().any(|n| std::ptr::eq(*n, *i))
                })
                .map(|(i, _)| i.id.clone())
                .collect();
            let mut path: Vec<&str> = vec![id];
            path.extend(hidden.iter().map(String::as_str));
            // Questions that this one leads to, even when they are shown now.
            for (i, named) in &reads {
                if named.contains(&id) && !path.contains(&i.id.as_str()) {
                    path.push(&i.id);
                }
            }
            // This gap alone answered the worst way, with the questions it reveals. Only built
            // when a rule is left that the names alone do not settle.
            let mut worst: Option<Answers> = None;
            let mut could_hide: Vec<String> = Vec::new();
            for (r, named) in &rules {
                let statically = path.iter().any(|p| named.contains(p));
                if statically
                    || r.when
                        .eval(
                            def,
                            worst.get_or_insert_with(|| worst_case(def, answers, &not_asked, item)),
                        )
                        .is_some()
                {
                    could_hide.push(r.id.clone());
                }
            }
            FollowUp {
                item_id: item.id.clone(),
                section: item.section.clone(),
                gap: *gap,
                could_hide,
                hides: hidden,
            }
        })
        .collect()
}

/// The answers with one gap answered the worst way (a behaviour more than 20 times, in the
/// last 12 months; "yes"; the option a red flag names), and then every question that this
/// reveals, until nothing more is revealed. Only used to find what a gap could hide on its
/// own; what several gaps could hide together is left to the count of gaps and to the rules
/// that name the items. `not_asked` is the items hidden by the answers as they are.
fn worst_case(def: &Definition, answers: &Answers, not_asked: &[&Item], gap: &Item) -> Answers {
    let mut worst = answers.answers_only();
    let Some(answer) = worst_answer(def, gap) else {
        return worst;
    };
    if worst.set(def, &gap.id, answer, Source::Worker).is_err() {
        return worst;
    }
    // Each pass answers at least one more revealed item or stops: it ends within the item count.
    for _ in 0..not_asked.len() {
        let mut changed = false;
        for item in not_asked {
            if gap_of(def, &worst, item).is_none() {
                continue;
            }
            if let Some(answer) = worst_answer(def, item) {
                changed |= worst.set(def, &item.id, answer, Source::Worker).is_ok();
            }
        }
        if !changed {
            break;
        }
    }
    worst
}

/// The worst answer to an item, for [`worst_case`]; `None` for scales and free text.
fn worst_answer(def: &Definition, item: &Item) -> Option<Answer> {
    match &item.response {
        Response::Frequency => Some(Answer::Frequency {
            band: Band::MoreThanTwenty,
            last_12_months: Some(YesNo::Yes),
        }),
        Response::YesNo => Some(Answer::YesNo(YesNo::Yes)),
        Response::SingleChoice { .. } => def
            .red_flag_rules()
            .iter()
            .find_map(|r| r.when.value_for(&item.id))
            .map(|v| Answer::Choice(v.to_owned())),
        Response::Scale { .. } | Response::FreeText { .. } => None,
    }
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

fn significant_reasons(
    def: &Definition,
    answers: &Answers,
    disclosures: &[Disclosure],
    abuse_disclosed: bool,
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
    let control: Vec<String> = disclosures
        .iter()
        .filter(|d| d.domain == Domain::JealousyControl && d.band >= Band::TwoToTen)
        .map(|d| d.item_id.clone())
        .collect();
    if control.len() >= CONTROL_PATTERN {
        push(
            "control_pattern",
            cat.fill(
                "core.reason.control_pattern",
                &[("n", &control.len().to_string())],
            ),
            control,
        );
    }
    push(
        "harm_others",
        get("core.reason.harm_others"),
        yes(&["self.harm_others"]),
    );
    if abuse_disclosed {
        push(
            "pregnancy",
            get("core.reason.pregnancy"),
            yes(&["rel.pregnant", "rel.ex_pregnant"]),
        );
    }
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
    /// The safeguarding lead who agreed a lowering, verbatim (needed only to lower).
    #[serde(default)]
    pub lead: String,
}

/// The level after professional judgement. Holds both the computed and the judged level, so
/// the computed level can never be hidden; it can only be made by [`apply_judgement`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JudgedLevel {
    computed: Level,
    judged: Level,
    reason: String,
    lead: String,
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
    /// The safeguarding lead who agreed a lowering, verbatim; empty otherwise.
    pub fn lead(&self) -> &str {
        &self.lead
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
    /// "No abuse disclosed" after abuse was disclosed would be a false statement.
    FalseStatement,
    /// Lowering needs the name of the safeguarding lead who agreed it.
    LeadRequired,
}

impl JudgementError {
    /// The message the worker sees.
    pub fn message(self, cat: &Catalogue) -> &str {
        cat.get(match self {
            JudgementError::ReasonRequired => "core.judgement.reason_required",
            JudgementError::CannotLowerRedFlag => "core.judgement.cannot_lower_red_flag",
            JudgementError::FalseStatement => "core.judgement.false_statement",
            JudgementError::LeadRequired => "core.judgement.lead_required",
        })
    }
}

/// Applies a professional judgement. Raising needs a reason. Lowering needs a reason and the
/// name of the safeguarding lead who agreed it, is refused outright when a red flag was
/// raised, and may never say "no abuse disclosed" when abuse was disclosed (that would be a
/// false statement in the record).
pub fn apply_judgement(
    assessment: &Assessment,
    judgement: &Judgement,
) -> Result<JudgedLevel, JudgementError> {
    let computed = assessment.level;
    let has_reason = !judgement.reason.trim().is_empty();
    if judgement.level < computed && assessment.has_red_flag() {
        return Err(JudgementError::CannotLowerRedFlag);
    }
    if judgement.level < computed
        && judgement.level == Level::NoAbuseDisclosed
        && assessment.abuse_disclosed()
    {
        return Err(JudgementError::FalseStatement);
    }
    if judgement.level != computed && !has_reason {
        return Err(JudgementError::ReasonRequired);
    }
    if judgement.level < computed && judgement.lead.trim().is_empty() {
        return Err(JudgementError::LeadRequired);
    }
    Ok(JudgedLevel {
        computed,
        judged: judgement.level,
        reason: judgement.reason.clone(),
        lead: if judgement.level < computed {
            judgement.lead.clone()
        } else {
            String::new()
        },
    })
}

/// The level actions are derived from: the higher of the computed and the judged level, so a
/// lowered judgement never removes an action the answers called for.
pub fn level_for_actions(assessment: &Assessment, judged: Option<&JudgedLevel>) -> Level {
    judged.map_or(assessment.level, |j| j.judged.max(assessment.level))
}
