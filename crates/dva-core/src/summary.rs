//! The referral summary: a model built from the result, a plain-text rendering to paste into
//! case systems, and a stable JSON form for download.
//!
//! The core never reads the clock: the shell supplies the local date and time. Free text
//! (notes, reasons, names) is copied verbatim; escaping for HTML is the shell's job. Every
//! fixed word, heading and sentence comes from the [`Catalogue`] (`core.summary.*` keys); the
//! JSON form keeps stable ids (level, action, reason, caveat, indicator) next to the words.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::actions::{Action, ActionStatus};
use crate::answers::{prefer_not_to_say_label, Answer, Answers, Change, ItemStatus, Source, YesNo};
use crate::definition::{Definition, Domain, Item, RecordAs, Response};
use crate::scoring::{Assessment, Caveat, Cluster, FlagStatus, Gap, JudgedLevel, Level, Reason};
use crate::suitability::{indicators, SuitabilityIndicator};
use crate::text::{date_time, join_list, Catalogue};

/// Version of the JSON form of [`Summary`]. Bumped on any breaking change to its shape.
pub const SCHEMA: u32 = 1;

/// Who completed the questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CompletedBy {
    #[default]
    WorkerAdministered,
    ClientSelfCompleted,
    /// Worker-administered, with some sections handed to the client (each answer says which).
    PartlySelfCompleted,
}

impl CompletedBy {
    pub fn label(self, cat: &Catalogue) -> &str {
        cat.get(match self {
            CompletedBy::WorkerAdministered => "core.completed_by.worker_administered",
            CompletedBy::ClientSelfCompleted => "core.completed_by.client_self_completed",
            CompletedBy::PartlySelfCompleted => "core.completed_by.partly_self_completed",
        })
    }
}

/// Who, where and when. Entered once by the worker at the start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummaryHeader {
    pub service: String,
    pub worker: String,
    /// Local date and time with its UTC offset, supplied by the shell.
    pub at: DateTime<FixedOffset>,
    /// A reference or initials, never a full name.
    pub client_reference: String,
    pub completed_by: CompletedBy,
}

/// Consent to share information.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Consent {
    Given,
    NotGiven,
    NotAsked,
}

impl Consent {
    pub fn label(self, cat: &Catalogue) -> &str {
        cat.get(match self {
            Consent::Given => "core.consent.given",
            Consent::NotGiven => "core.consent.not_given",
            Consent::NotAsked => "core.consent.not_asked",
        })
    }
}

/// One information-sharing decision, with its reason. Every decision is recorded, to share or
/// not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharingDecision {
    pub with_whom: String,
    pub consent: Consent,
    pub shared: bool,
    pub reason: String,
}

/// One item's answer as displayed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerLine {
    pub item_id: String,
    pub label: String,
    /// The question as the worker asked it.
    pub question: String,
    /// The answer in words ("2 to 10 times; in the last 12 months: yes").
    pub answer: String,
    /// Whether the item was shown and answered (not a gap, not hidden).
    pub answered: bool,
    /// Present when a gap: not yet answered or prefer not to say.
    pub gap: Option<Gap>,
    pub source: Option<Source>,
}

/// Every shown item of one section with its answer, and the section's note (check your
/// answers, and the summary).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionAnswers {
    pub section_id: String,
    pub title: String,
    pub lines: Vec<AnswerLine>,
    /// The client's own words, verbatim.
    pub note: Option<String>,
}

/// The answer in words, as the worker and the summary see it.
pub fn answer_text(item: &Item, answer: &Answer, cat: &Catalogue) -> String {
    match answer {
        Answer::PreferNotToSay => prefer_not_to_say_label(cat).to_owned(),
        Answer::Frequency {
            band,
            last_12_months,
        } if band.is_disclosed() => {
            let recent = cat.get(match last_12_months {
                Some(YesNo::Yes) => "core.answer.recent.yes",
                Some(YesNo::No) => "core.answer.recent.no",
                Some(YesNo::NotSure) => "core.answer.recent.not_sure",
                None => "core.answer.recent.not_answered",
            });
            cat.fill(
                "core.answer.with_recent",
                &[("band", band.worker_label(cat)), ("recent", recent)],
            )
        }
        Answer::Frequency { band, .. } => band.worker_label(cat).to_owned(),
        Answer::YesNo(v) => v.worker_label(cat).to_owned(),
        Answer::Choice(id) => item
            .response
            .option(id)
            .map_or_else(|| id.clone(), |o| o.worker_label.clone()),
        Answer::Scale(v) => match &item.response {
            Response::Scale { max, .. } => cat.fill(
                "core.answer.scale",
                &[("value", &v.to_string()), ("max", &max.to_string())],
            ),
            _ => v.to_string(),
        },
        Answer::Text(t) => t.clone(),
    }
}

/// One item's line, or `None` when the item was not asked.
pub fn answer_line(
    def: &Definition,
    answers: &Answers,
    item: &Item,
    cat: &Catalogue,
) -> Option<AnswerLine> {
    let source = answers.get(&item.id).map(|r| r.source);
    let (answer, answered, gap) = match answers.status(def, &item.id) {
        ItemStatus::NotAsked => return None,
        // "Not sure" is shown as given and marked as a gap to follow up.
        ItemStatus::Answered(a) => {
            let gap = match a {
                Answer::YesNo(YesNo::NotSure) if item.domain != Domain::Setting => {
                    Some(Gap::NotSure)
                }
                Answer::Choice(c) if item.response.option(c).is_some_and(|o| o.unknown) => {
                    Some(Gap::NotSure)
                }
                _ => None,
            };
            (answer_text(item, a, cat), true, gap)
        }
        ItemStatus::PreferNotToSay => (
            prefer_not_to_say_label(cat).to_owned(),
            false,
            Some(Gap::PreferNotToSay),
        ),
        ItemStatus::NotYetAnswered => (
            cat.get("core.answer.not_yet_answered").to_owned(),
            false,
            Some(Gap::NotYetAnswered),
        ),
    };
    Some(AnswerLine {
        item_id: item.id.clone(),
        label: item.label.clone(),
        question: item.worker_wording.clone(),
        answer,
        answered,
        gap,
        source: if answered || gap == Some(Gap::PreferNotToSay) {
            source
        } else {
            None
        },
    })
}

/// Every section with its shown items' answers, in order (the check-your-answers model).
pub fn section_answers(
    def: &Definition,
    answers: &Answers,
    cat: &Catalogue,
) -> Vec<SectionAnswers> {
    def.sections()
        .iter()
        .map(|s| SectionAnswers {
            section_id: s.id.clone(),
            title: s.title.clone(),
            lines: def
                .items_in(&s.id)
                .filter_map(|i| answer_line(def, answers, i, cat))
                .collect(),
            note: answers.note(&s.id).map(str::to_owned),
        })
        .collect()
}

/// A red flag with the questions and answers behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RedFlagLine {
    pub rule_id: String,
    pub title: String,
    pub explanation: String,
    pub answers: Vec<AnswerLine>,
    #[serde(default)]
    pub status: FlagStatus,
}

/// The level block: computed and, if any, judged. The levels are stable ids; the labels are
/// the same levels in the catalogue's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelBlock {
    pub computed: Level,
    pub computed_label: String,
    pub judged: Option<Level>,
    pub judged_label: Option<String>,
    /// The worker's reason, verbatim; when the level was lowered, followed by the name of the
    /// safeguarding lead who agreed it.
    pub judgement_reason: Option<String>,
    /// The safeguarding lead who agreed a lowering, verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub judgement_lead: Option<String>,
    pub reasons: Vec<Reason>,
}

/// An action with what the worker did about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionLine {
    pub action: Action,
    pub status: Option<ActionStatus>,
}

/// An item to follow up, in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUpLine {
    pub item_id: String,
    pub label: String,
    pub section_title: String,
    pub gap: Gap,
    /// The titles of the red flags this gap could hide; empty when none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub could_hide: Vec<String>,
}

/// The referral summary. Its JSON form (schema [`SCHEMA`]) is the download.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub schema: u32,
    pub definition_id: String,
    pub definition_version: String,
    pub header: SummaryHeader,
    pub sections: Vec<SectionAnswers>,
    pub disclosures: Vec<AnswerLine>,
    /// The red flags that stand, then those the safeguarding lead set aside, each with its
    /// status.
    pub red_flags: Vec<RedFlagLine>,
    pub cluster: Option<Cluster>,
    pub level: LevelBlock,
    /// Every change of an answer that had been given, in words, oldest first.
    #[serde(default)]
    pub changes: Vec<String>,
    /// The most recent incident's date and his own words for the first, worst and most recent
    /// time, verbatim.
    #[serde(default)]
    pub incident: Vec<AnswerLine>,
    /// What the worker saw or heard, in the worker's words.
    #[serde(default)]
    pub observation: Option<String>,
    /// Information from anyone other than him: never to be disclosed to him.
    #[serde(default)]
    pub third_party: Option<String>,
    /// The ids of the optional sections this service does not ask.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub switched_off: Vec<String>,
    pub frequency_total: u32,
    pub suitability: Vec<SuitabilityIndicator>,
    pub actions: Vec<ActionLine>,
    pub sharing: Vec<SharingDecision>,
    pub follow_up: Vec<FollowUpLine>,
    pub incomplete: bool,
    pub incomplete_reason: Option<String>,
    pub caveats: Vec<Caveat>,
    /// The raw answers, with their sources, for machine use.
    pub answers: Answers,
}

/// Everything the summary is built from.
pub struct SummaryInput<'a> {
    pub definition: &'a Definition,
    pub answers: &'a Answers,
    pub assessment: &'a Assessment,
    pub judged: Option<&'a JudgedLevel>,
    pub actions: &'a [Action],
    pub action_statuses: &'a [ActionStatus],
    pub header: SummaryHeader,
    pub sharing: &'a [SharingDecision],
    /// The words of the summary's level labels, answers and suitability criteria.
    pub catalogue: &'a Catalogue,
}

/// Builds the summary model.
pub fn build(input: SummaryInput<'_>) -> Summary {
    let SummaryInput {
        definition: def,
        answers,
        assessment,
        judged,
        actions,
        action_statuses,
        header,
        sharing,
        catalogue: cat,
    } = input;
    let line = |id: &str| {
        def.item(id)
            .and_then(|i| answer_line(def, answers, i, cat))
            .map(|l| as_his_account(def, l, cat))
    };
    let mut sections = section_answers(def, answers, cat);
    for s in &mut sections {
        s.lines
            .retain(|l| def.item(&l.item_id).is_none_or(|i| i.record.is_none()));
        for l in &mut s.lines {
            *l = as_his_account(def, l.clone(), cat);
        }
    }
    let words_of = |kind: RecordAs| -> Option<String> {
        let texts: Vec<String> = def
            .items()
            .iter()
            .filter(|i| i.record == Some(kind))
            .filter_map(|i| match answers.status(def, &i.id) {
                ItemStatus::Answered(Answer::Text(t)) if !t.trim().is_empty() => Some(t.clone()),
                _ => None,
            })
            .collect();
        (!texts.is_empty()).then(|| texts.join("\n\n"))
    };
    Summary {
        schema: SCHEMA,
        definition_id: def.id().to_owned(),
        definition_version: def.version().to_owned(),
        header,
        sections,
        disclosures: assessment
            .disclosures
            .iter()
            .filter_map(|d| line(&d.item_id))
            .collect(),
        red_flags: assessment
            .red_flags
            .iter()
            .chain(&assessment.set_aside_flags)
            .map(|f| RedFlagLine {
                rule_id: f.rule_id.clone(),
                title: f.title.clone(),
                explanation: f.explanation.clone(),
                answers: f.item_ids.iter().filter_map(|id| line(id)).collect(),
                status: f.status.clone(),
            })
            .collect(),
        changes: answers
            .changes()
            .map(|c| change_line(def, c, cat))
            .collect(),
        incident: def
            .items()
            .iter()
            .filter(|i| {
                i.section == "behaviours" && matches!(i.response, Response::FreeText { .. })
            })
            .filter_map(|i| answer_line(def, answers, i, cat).filter(|l| l.answered))
            .collect(),
        observation: words_of(RecordAs::Observation),
        third_party: words_of(RecordAs::ThirdParty),
        cluster: assessment.cluster.clone(),
        level: LevelBlock {
            computed: assessment.level,
            computed_label: assessment.level.label(cat).to_owned(),
            judged: judged.map(|j| j.judged()),
            judged_label: judged.map(|j| j.judged().label(cat).to_owned()),
            judgement_reason: judged.map(|j| {
                if j.lowered() {
                    cat.fill(
                        "core.summary.judgement_reason_lead",
                        &[("reason", j.reason()), ("lead", j.lead())],
                    )
                } else {
                    j.reason().to_owned()
                }
            }),
            judgement_lead: judged.filter(|j| j.lowered()).map(|j| j.lead().to_owned()),
            reasons: assessment.reasons.clone(),
        },
        switched_off: def.switched_off().map(|s| s.id.clone()).collect(),
        frequency_total: assessment.frequency_total,
        suitability: indicators(def, answers, cat),
        actions: actions
            .iter()
            .map(|a| ActionLine {
                action: a.clone(),
                status: action_statuses
                    .iter()
                    .rev()
                    .find(|s| s.action_id == a.id)
                    .cloned(),
            })
            .collect(),
        sharing: sharing.to_vec(),
        follow_up: assessment
            .follow_up
            .iter()
            .map(|f| FollowUpLine {
                item_id: f.item_id.clone(),
                label: def
                    .item(&f.item_id)
                    .map_or_else(|| f.item_id.clone(), |i| i.label.clone()),
                section_title: def
                    .section(&f.section)
                    .map_or_else(|| f.section.clone(), |s| s.title.clone()),
                gap: f.gap,
                could_hide: f
                    .could_hide
                    .iter()
                    .filter_map(|id| def.red_flag_rules().iter().find(|r| &r.id == id))
                    .map(|r| r.title.clone())
                    .collect(),
            })
            .collect(),
        incomplete: assessment.incomplete,
        incomplete_reason: assessment.incomplete_reason.clone(),
        caveats: assessment.caveats.clone(),
        answers: answers.clone(),
    }
}

/// The sections whose answers are his account of his partner and the children: each answer
/// is printed as what he says, never as an established fact.
pub const HIS_ACCOUNT_SECTIONS: [&str; 3] = ["relationship", "impact", "children"];

/// One change in words: what he first answered, what it became, who changed it and when.
pub fn change_line(def: &Definition, c: &Change, cat: &Catalogue) -> String {
    let item = def.item(&c.item_id);
    let label = item.map_or(c.item_id.as_str(), |i| i.label.as_str());
    let words =
        |a: &crate::answers::Answer| item.map_or_else(String::new, |i| answer_text(i, a, cat));
    let before = c.before.as_ref();
    let who = |s: Source| {
        cat.get(match s {
            Source::Worker => "core.change.by_worker",
            _ => "core.change.by_client",
        })
    };
    let after = match &c.after {
        Some(a) => words(&a.answer),
        None => cat.get("core.change.cleared").to_owned(),
    };
    cat.fill(
        if c.at.is_empty() {
            "core.change.line"
        } else {
            "core.change.line_at"
        },
        &[
            ("label", label),
            (
                "before",
                &before.map(|b| words(&b.answer)).unwrap_or_default(),
            ),
            ("given_by", before.map_or("", |b| b.source.label(cat))),
            ("after", &after),
            ("by", who(c.by)),
            ("at", &c.at),
        ],
    )
}

/// An answer about his partner or the children, stated as his account: "He says: No", never
/// a bare "No" that reads as an established fact. Gaps are left as they are: they say nothing.
pub fn as_his_account(def: &Definition, mut line: AnswerLine, cat: &Catalogue) -> AnswerLine {
    let his = def
        .item(&line.item_id)
        .is_some_and(|i| !i.worker_only && HIS_ACCOUNT_SECTIONS.contains(&i.section.as_str()));
    if his && line.answered {
        // "he says no", not "he says No"; an initialism ("IDVA") keeps its capitals.
        let mut chars = line.answer.chars();
        let answer = match (chars.next(), chars.next()) {
            (Some(first), Some(second)) if second.is_lowercase() => first
                .to_lowercase()
                .chain(line.answer.chars().skip(1))
                .collect(),
            _ => line.answer.clone(),
        };
        line.answer = cat.fill("core.summary.he_says", &[("answer", &answer)]);
    }
    line
}

/// "Label: value" in the catalogue's punctuation.
pub fn field(cat: &Catalogue, label: &str, value: &str) -> String {
    cat.fill("core.summary.field", &[("label", label), ("value", value)])
}

impl Summary {
    /// The JSON download: compact, one formatter for every JSON the app writes (a pretty
    /// printer would be a second copy of every serialiser in the wasm).
    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string(self)
    }

    /// The questionnaire's id and version in words.
    pub fn questionnaire(&self, cat: &Catalogue) -> String {
        cat.fill(
            "core.summary.questionnaire_value",
            &[
                ("id", &self.definition_id),
                ("version", &self.definition_version),
            ],
        )
    }

    /// The header's fields as (label, value) pairs, in order: service, worker, date and time,
    /// client reference, questionnaire, completed by.
    pub fn header_fields(&self, cat: &Catalogue) -> Vec<(String, String)> {
        let h = &self.header;
        [
            ("core.summary.service", h.service.clone()),
            ("core.summary.worker", h.worker.clone()),
            ("core.summary.date_time", date_time(cat, &h.at)),
            ("core.summary.client_reference", h.client_reference.clone()),
            ("core.summary.questionnaire", self.questionnaire(cat)),
            (
                "core.summary.completed",
                h.completed_by.label(cat).to_owned(),
            ),
        ]
        .into_iter()
        .map(|(k, v)| (cat.get(k).to_owned(), v))
        .collect()
    }

    /// The plain-text summary for pasting into a case system. Free text is verbatim.
    pub fn to_plain_text(&self, cat: &Catalogue) -> String {
        self.document(cat).to_plain_text()
    }

    /// The level as one line: computed, and judged when there is a judgement.
    pub fn level_in_words(&self, cat: &Catalogue) -> String {
        match &self.level.judged_label {
            Some(j) if self.level.judged != Some(self.level.computed) => cat.fill(
                "core.summary.level_judged",
                &[("judged", j), ("computed", &self.level.computed_label)],
            ),
            _ => self.level.computed_label.clone(),
        }
    }
}

/// One information-sharing decision in words: with whom, consent, shared or not, and why.
pub fn sharing_line(d: &SharingDecision, cat: &Catalogue) -> String {
    cat.fill(
        "core.summary.sharing_line",
        &[
            ("with_whom", &d.with_whom),
            ("consent", d.consent.label(cat)),
            (
                "shared",
                cat.get(if d.shared {
                    "core.summary.shared"
                } else {
                    "core.summary.not_shared"
                }),
            ),
            ("reason", &d.reason),
        ],
    )
}

/// One item to follow up in words: its label, section and why.
pub fn follow_up_line(f: &FollowUpLine, cat: &Catalogue) -> String {
    let titles: Vec<&str> = f.could_hide.iter().map(String::as_str).collect();
    let line = cat.fill(
        "core.summary.follow_up_line",
        &[
            ("label", &f.label),
            ("section", &f.section_title),
            ("gap", f.gap.label(cat)),
        ],
    );
    if titles.is_empty() {
        line
    } else {
        cat.fill(
            "core.summary.follow_up_could_hide",
            &[("line", &line), ("flags", &join_list(cat, &titles))],
        )
    }
}
