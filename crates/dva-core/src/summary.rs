//! The referral summary: a model built from the result, a plain-text rendering to paste into
//! case systems, and a stable JSON form for download.
//!
//! The core never reads the clock: the shell supplies the local date and time. Free text
//! (notes, reasons, names) is copied verbatim; escaping for HTML is the shell's job. Every
//! fixed word, heading and sentence comes from the [`Catalogue`] (`core.summary.*` keys); the
//! JSON form keeps stable ids (level, action, reason, caveat, indicator) next to the words.

use std::fmt::Write as _;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::actions::{Action, ActionStatus};
use crate::answers::{prefer_not_to_say_label, Answer, Answers, ItemStatus, Source, YesNo};
use crate::definition::{Definition, Domain, Item, Response};
use crate::scoring::{Assessment, Caveat, Cluster, Gap, JudgedLevel, Level, Reason};
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
    pub red_flags: Vec<RedFlagLine>,
    pub cluster: Option<Cluster>,
    pub level: LevelBlock,
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
    let line = |id: &str| def.item(id).and_then(|i| answer_line(def, answers, i, cat));
    Summary {
        schema: SCHEMA,
        definition_id: def.id().to_owned(),
        definition_version: def.version().to_owned(),
        header,
        sections: section_answers(def, answers, cat),
        disclosures: assessment
            .disclosures
            .iter()
            .filter_map(|d| line(&d.item_id))
            .collect(),
        red_flags: assessment
            .red_flags
            .iter()
            .map(|f| RedFlagLine {
                rule_id: f.rule_id.clone(),
                title: f.title.clone(),
                explanation: f.explanation.clone(),
                answers: f.item_ids.iter().filter_map(|id| line(id)).collect(),
            })
            .collect(),
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

/// A heading of the plain text: the catalogue's heading in capitals, underlined with `rule`.
fn heading(out: &mut String, title: &str, rule: char) {
    let title = title.to_uppercase();
    out.push_str(&title);
    out.push('\n');
    out.extend(std::iter::repeat_n(rule, title.chars().count()));
    out.push('\n');
}

fn source_mark(line: &AnswerLine, cat: &Catalogue) -> String {
    match line.source {
        Some(s @ (Source::ClientSelfCompleted | Source::ChangedAfterDiscussion)) => {
            format!(
                " {}",
                cat.fill("core.summary.source_mark", &[("source", s.label(cat))])
            )
        }
        _ => String::new(),
    }
}

fn ids(ids: &[String], cat: &Catalogue) -> String {
    if ids.is_empty() {
        String::new()
    } else {
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        format!(
            " {}",
            cat.fill("core.summary.answer_ids", &[("ids", &join_list(cat, &ids))])
        )
    }
}

/// "Label: value" in the catalogue's punctuation.
pub fn field(cat: &Catalogue, label: &str, value: &str) -> String {
    cat.fill("core.summary.field", &[("label", label), ("value", value)])
}

/// The sections the summary shows in full, in order, with their heading keys. The first two
/// come before the disclosures, the rest after the level of concern.
pub const SUMMARY_SECTIONS: [(&str, &str); 7] = [
    ("setting", "core.summary.section.setting"),
    ("relationship", "core.summary.section.relationship"),
    ("impact", "core.summary.section.impact"),
    ("children", "core.summary.section.children"),
    ("substance_use", "core.summary.section.substance_use"),
    ("own_safety", "core.summary.section.own_safety"),
    ("readiness", "core.summary.section.readiness"),
];

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
        let mut out = String::new();
        let get = |key: &'static str| cat.get(key);
        heading(&mut out, get("core.summary.title"), '=');
        for (label, value) in self.header_fields(cat) {
            let _ = writeln!(out, "{}", field(cat, &label, &value));
        }
        let _ = writeln!(
            out,
            "{}",
            field(
                cat,
                get("core.summary.level_of_concern"),
                &self.level_in_words(cat)
            )
        );
        if let Some(r) = &self.incomplete_reason {
            let _ = writeln!(out, "{r}");
        }

        let (before, after) = SUMMARY_SECTIONS.split_at(2);
        for (id, key) in before {
            self.section_block(&mut out, id, get(key), cat);
        }

        out.push('\n');
        heading(&mut out, get("core.summary.disclosures"), '-');
        if self.disclosures.is_empty() {
            let _ = writeln!(out, "{}", get("core.summary.no_disclosures"));
        } else {
            for d in &self.disclosures {
                let _ = writeln!(
                    out,
                    "- {}{}",
                    field(cat, &d.label, &d.answer),
                    source_mark(d, cat)
                );
            }
            let _ = writeln!(
                out,
                "{}",
                cat.fill(
                    "core.summary.frequency_total",
                    &[("total", &self.frequency_total.to_string())]
                )
            );
        }

        out.push('\n');
        heading(&mut out, get("core.summary.red_flags"), '-');
        if self.red_flags.is_empty() {
            let _ = writeln!(out, "{}", get("core.summary.no_red_flags"));
        }
        for f in &self.red_flags {
            let _ = writeln!(out, "* {}", field(cat, &f.title, &f.explanation));
            for a in &f.answers {
                let _ = writeln!(
                    out,
                    "    {}",
                    cat.fill("core.summary.q", &[("question", &a.question)])
                );
                let _ = writeln!(
                    out,
                    "    {}{}",
                    cat.fill("core.summary.a", &[("answer", &a.answer)]),
                    source_mark(a, cat)
                );
            }
        }
        if let Some(c) = &self.cluster {
            let _ = writeln!(
                out,
                "* {}{}",
                get("core.summary.cluster"),
                ids(&c.item_ids(), cat)
            );
        }

        out.push('\n');
        heading(&mut out, get("core.summary.level_of_concern"), '-');
        let _ = writeln!(
            out,
            "{}",
            cat.fill(
                "core.summary.computed",
                &[("level", &self.level.computed_label)]
            )
        );
        if let (Some(label), Some(reason)) =
            (&self.level.judged_label, &self.level.judgement_reason)
        {
            let _ = writeln!(
                out,
                "{}",
                cat.fill("core.summary.judged", &[("level", label)])
            );
            let _ = writeln!(
                out,
                "{}",
                cat.fill("core.summary.judgement_reason", &[("reason", reason)])
            );
        }
        let _ = writeln!(out, "{}", get("core.summary.reasons"));
        for r in &self.level.reasons {
            let _ = writeln!(
                out,
                "- {} ({}){}",
                r.text,
                r.supports.label(cat),
                ids(&r.item_ids, cat)
            );
        }

        for (id, key) in after {
            self.section_block(&mut out, id, get(key), cat);
        }

        out.push('\n');
        heading(&mut out, get("core.summary.suitability"), '-');
        for s in &self.suitability {
            let _ = writeln!(
                out,
                "- {} {}",
                field(cat, &s.criterion, s.indicator.label(cat)),
                cat.fill("core.summary.suitability_answer", &[("item", &s.item_id)])
            );
        }

        out.push('\n');
        heading(&mut out, get("core.summary.actions"), '-');
        for a in &self.actions {
            let act = &a.action;
            let _ = writeln!(out, "* [{}] {}", act.urgency.label(cat), act.title);
            let _ = writeln!(
                out,
                "  {}",
                cat.fill("core.summary.what_to_do", &[("text", &act.what_to_do)])
            );
            let _ = writeln!(
                out,
                "  {}{}",
                cat.fill("core.summary.because", &[("text", &act.because.text)]),
                ids(&act.because.item_ids, cat)
            );
            for c in &act.contacts {
                let _ = writeln!(
                    out,
                    "  {}",
                    cat.fill("core.summary.contact", &[("contact", &c.display(cat))])
                );
            }
            let status = match &a.status {
                Some(s) if s.note.is_empty() => {
                    cat.fill("core.summary.status", &[("state", s.state.label(cat))])
                }
                Some(s) => cat.fill(
                    "core.summary.status_note",
                    &[("state", s.state.label(cat)), ("note", &s.note)],
                ),
                None => get("core.summary.status_not_recorded").to_owned(),
            };
            let _ = writeln!(out, "  {status}");
        }

        out.push('\n');
        heading(&mut out, get("core.summary.notes"), '-');
        let mut any_note = false;
        for s in &self.sections {
            if let Some(n) = &s.note {
                any_note = true;
                let _ = writeln!(out, "{}:\n{}", s.title, n);
            }
        }
        if !any_note {
            let _ = writeln!(out, "{}", get("core.summary.no_notes"));
        }

        out.push('\n');
        heading(&mut out, get("core.summary.sharing"), '-');
        if self.sharing.is_empty() {
            let _ = writeln!(out, "{}", get("core.summary.no_sharing"));
        }
        for d in &self.sharing {
            let _ = writeln!(out, "- {}", sharing_line(d, cat));
        }

        out.push('\n');
        heading(&mut out, get("core.summary.follow_up"), '-');
        if self.follow_up.is_empty() {
            let _ = writeln!(out, "{}", get("core.summary.nothing_to_follow_up"));
        }
        for f in &self.follow_up {
            let _ = writeln!(out, "- {}", follow_up_line(f, cat));
        }

        out.push('\n');
        heading(&mut out, get("core.summary.caveats"), '-');
        for c in &self.caveats {
            let _ = writeln!(out, "- {}", c.text);
        }
        out
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

    fn section_block(&self, out: &mut String, section_id: &str, title: &str, cat: &Catalogue) {
        let Some(s) = self.sections.iter().find(|s| s.section_id == section_id) else {
            return;
        };
        out.push('\n');
        heading(out, title, '-');
        if s.lines.is_empty() {
            let _ = writeln!(out, "{}", cat.get("core.summary.not_asked"));
        }
        for l in &s.lines {
            let _ = writeln!(
                out,
                "- {}{}",
                field(cat, &l.label, &l.answer),
                source_mark(l, cat)
            );
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
