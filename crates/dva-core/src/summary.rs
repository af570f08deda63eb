//! The referral summary: a model built from the result, a plain-text rendering to paste into
//! case systems, and a stable JSON form for download.
//!
//! The core never reads the clock: the shell supplies the local date and time. Free text
//! (notes, reasons, names) is copied verbatim; escaping for HTML is the shell's job.

use std::fmt::Write as _;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::actions::{Action, ActionStatus};
use crate::answers::{Answer, Answers, ItemStatus, Source, PREFER_NOT_TO_SAY_LABEL};
use crate::definition::{Definition, Item, Response};
use crate::scoring::{Assessment, Caveat, Cluster, Gap, JudgedLevel, Level, Reason};
use crate::suitability::{indicators, SuitabilityIndicator};

/// Version of the JSON form of [`Summary`]. Bumped on any breaking change to its shape.
pub const SCHEMA: u32 = 1;

/// Who completed the questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CompletedBy {
    #[default]
    WorkerAdministered,
    ClientSelfCompleted,
}

impl CompletedBy {
    pub fn label(self) -> &'static str {
        match self {
            CompletedBy::WorkerAdministered => "worker-administered",
            CompletedBy::ClientSelfCompleted => "client self-completed with the worker present",
        }
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
    pub fn label(self) -> &'static str {
        match self {
            Consent::Given => "consent given",
            Consent::NotGiven => "consent not given",
            Consent::NotAsked => "consent not asked",
        }
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
pub fn answer_text(item: &Item, answer: &Answer) -> String {
    match answer {
        Answer::PreferNotToSay => PREFER_NOT_TO_SAY_LABEL.to_owned(),
        Answer::Frequency {
            band,
            last_12_months,
        } => match last_12_months {
            Some(r) if band.is_disclosed() => format!(
                "{}; in the last 12 months: {}",
                band.worker_label(),
                r.worker_label().to_lowercase()
            ),
            None if band.is_disclosed() => format!(
                "{}; in the last 12 months: not answered",
                band.worker_label()
            ),
            _ => band.worker_label().to_owned(),
        },
        Answer::YesNo(v) => v.worker_label().to_owned(),
        Answer::Choice(id) => item
            .response
            .option(id)
            .map_or_else(|| id.clone(), |o| o.worker_label.clone()),
        Answer::Scale(v) => match &item.response {
            Response::Scale { max, .. } => format!("{v} out of {max}"),
            _ => v.to_string(),
        },
        Answer::Text(t) => t.clone(),
    }
}

/// One item's line, or `None` when the item was not asked.
pub fn answer_line(def: &Definition, answers: &Answers, item: &Item) -> Option<AnswerLine> {
    let source = answers.get(&item.id).map(|r| r.source);
    let (answer, answered, gap) = match answers.status(def, &item.id) {
        ItemStatus::NotAsked => return None,
        ItemStatus::Answered(a) => (answer_text(item, a), true, None),
        ItemStatus::PreferNotToSay => (
            PREFER_NOT_TO_SAY_LABEL.to_owned(),
            false,
            Some(Gap::PreferNotToSay),
        ),
        ItemStatus::NotYetAnswered => (
            "Not yet answered".to_owned(),
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
pub fn section_answers(def: &Definition, answers: &Answers) -> Vec<SectionAnswers> {
    def.sections()
        .iter()
        .map(|s| SectionAnswers {
            section_id: s.id.clone(),
            title: s.title.clone(),
            lines: def
                .items_in(&s.id)
                .filter_map(|i| answer_line(def, answers, i))
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

/// The level block: computed and, if any, judged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelBlock {
    pub computed: Level,
    pub computed_label: String,
    pub judged: Option<Level>,
    pub judged_label: Option<String>,
    pub judgement_reason: Option<String>,
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
    } = input;
    let line = |id: &str| def.item(id).and_then(|i| answer_line(def, answers, i));
    Summary {
        schema: SCHEMA,
        definition_id: def.id().to_owned(),
        definition_version: def.version().to_owned(),
        header,
        sections: section_answers(def, answers),
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
            computed_label: assessment.level.label().to_owned(),
            judged: judged.map(|j| j.judged()),
            judged_label: judged.map(|j| j.judged().label().to_owned()),
            judgement_reason: judged.map(|j| j.reason().to_owned()),
            reasons: assessment.reasons.clone(),
        },
        frequency_total: assessment.frequency_total,
        suitability: indicators(def, answers),
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
            })
            .collect(),
        incomplete: assessment.incomplete,
        incomplete_reason: assessment.incomplete_reason.clone(),
        caveats: assessment.caveats.clone(),
        answers: answers.clone(),
    }
}

fn heading(out: &mut String, title: &str) {
    out.push('\n');
    out.push_str(title);
    out.push('\n');
    out.push_str(&"-".repeat(title.chars().count()));
    out.push('\n');
}

fn source_mark(line: &AnswerLine) -> &'static str {
    match line.source {
        Some(Source::ClientSelfCompleted) => " [self-completed]",
        Some(Source::ChangedAfterDiscussion) => " [changed after discussion]",
        _ => "",
    }
}

fn ids(ids: &[String]) -> String {
    if ids.is_empty() {
        String::new()
    } else {
        format!(" [answers: {}]", ids.join(", "))
    }
}

impl Summary {
    /// The JSON download.
    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string_pretty(self)
    }

    /// The plain-text summary for pasting into a case system. Free text is verbatim.
    pub fn to_plain_text(&self) -> String {
        let mut out = String::new();
        let h = &self.header;
        out.push_str("DVA SCREEN: REFERRAL SUMMARY\n");
        out.push_str("============================\n");
        let _ = writeln!(out, "Service: {}", h.service);
        let _ = writeln!(out, "Worker: {}", h.worker);
        let _ = writeln!(
            out,
            "Date and time: {}",
            h.at.format("%d %B %Y, %H:%M (UTC%:z)")
        );
        let _ = writeln!(out, "Client reference: {}", h.client_reference);
        let _ = writeln!(
            out,
            "Questionnaire: {} version {}",
            self.definition_id, self.definition_version
        );
        let _ = writeln!(out, "Completed: {}", h.completed_by.label());
        let _ = writeln!(out, "Level of concern: {}", self.level_in_words());
        if let Some(r) = &self.incomplete_reason {
            let _ = writeln!(out, "{r}");
        }

        self.section_block(&mut out, "setting", "SETTING AND CONSENT");
        self.section_block(&mut out, "relationship", "RELATIONSHIP");

        heading(&mut out, "DISCLOSURES");
        if self.disclosures.is_empty() {
            out.push_str("No abusive behaviour was disclosed in this screen.\n");
        } else {
            for d in &self.disclosures {
                let _ = writeln!(out, "- {}: {}{}", d.label, d.answer, source_mark(d));
            }
            let _ = writeln!(
                out,
                "Frequency total: {} (once 1, 2 to 10 times 2, 11 to 20 times 3, more than 20 times 4)",
                self.frequency_total
            );
        }

        heading(&mut out, "RED FLAGS");
        if self.red_flags.is_empty() {
            out.push_str("None raised by the answers given.\n");
        }
        for f in &self.red_flags {
            let _ = writeln!(out, "* {}: {}", f.title, f.explanation);
            for a in &f.answers {
                let _ = writeln!(out, "    Q: {}", a.question);
                let _ = writeln!(out, "    A: {}{}", a.answer, source_mark(a));
            }
        }
        if let Some(c) = &self.cluster {
            let _ = writeln!(
                out,
                "* Separation, coercive control and physical or sexual violence together{}",
                ids(&c.item_ids())
            );
        }

        heading(&mut out, "LEVEL OF CONCERN");
        let _ = writeln!(
            out,
            "Computed from the answers: {}",
            self.level.computed_label
        );
        if let (Some(label), Some(reason)) =
            (&self.level.judged_label, &self.level.judgement_reason)
        {
            let _ = writeln!(out, "Professional judgement: {label}");
            let _ = writeln!(out, "Reason for judgement: {reason}");
        }
        out.push_str("Reasons:\n");
        for r in &self.level.reasons {
            let _ = writeln!(
                out,
                "- {} ({}){}",
                r.text,
                r.supports.label(),
                ids(&r.item_ids)
            );
        }

        self.section_block(&mut out, "impact", "IMPACT AND OUTSIDE INVOLVEMENT");
        self.section_block(&mut out, "children", "CHILDREN");
        self.section_block(&mut out, "substance_use", "SUBSTANCE USE");
        self.section_block(&mut out, "own_safety", "HIS OWN SAFETY");
        self.section_block(&mut out, "readiness", "READINESS TO CHANGE");

        heading(
            &mut out,
            "PROGRAMME SUITABILITY INDICATORS (NOT A DECISION)",
        );
        for s in &self.suitability {
            let _ = writeln!(
                out,
                "- {}: {} [answer: {}]",
                s.criterion,
                s.indicator.label(),
                s.item_id
            );
        }

        heading(&mut out, "ACTIONS");
        for a in &self.actions {
            let act = &a.action;
            let _ = writeln!(out, "* [{}] {}", act.urgency.label(), act.title);
            let _ = writeln!(out, "  What to do: {}", act.what_to_do);
            let _ = writeln!(
                out,
                "  Because: {}{}",
                act.because.text,
                ids(&act.because.item_ids)
            );
            for c in &act.contacts {
                let _ = writeln!(out, "  Contact: {}", c.display());
            }
            match &a.status {
                Some(s) if s.note.is_empty() => {
                    let _ = writeln!(out, "  Status: {}", s.state.label());
                }
                Some(s) => {
                    let _ = writeln!(out, "  Status: {}. Note: {}", s.state.label(), s.note);
                }
                None => out.push_str("  Status: not recorded\n"),
            }
        }

        heading(&mut out, "NOTES IN THE CLIENT'S OWN WORDS (VERBATIM)");
        let mut any_note = false;
        for s in &self.sections {
            if let Some(n) = &s.note {
                any_note = true;
                let _ = writeln!(out, "{}:\n{}", s.title, n);
            }
        }
        if !any_note {
            out.push_str("None recorded.\n");
        }

        heading(&mut out, "INFORMATION SHARING");
        if self.sharing.is_empty() {
            out.push_str("No information-sharing decisions recorded.\n");
        }
        for d in &self.sharing {
            let _ = writeln!(
                out,
                "- {}: {}; {}. Reason: {}",
                d.with_whom,
                d.consent.label(),
                if d.shared { "shared" } else { "not shared" },
                d.reason
            );
        }

        heading(&mut out, "TO FOLLOW UP");
        if self.follow_up.is_empty() {
            out.push_str("Nothing left unanswered.\n");
        }
        for f in &self.follow_up {
            let _ = writeln!(
                out,
                "- {} ({}): {}",
                f.label,
                f.section_title,
                f.gap.label()
            );
        }

        heading(&mut out, "CAVEATS");
        for c in &self.caveats {
            let _ = writeln!(out, "- {}", c.text);
        }
        out
    }

    /// The level as one line: computed, and judged when there is a judgement.
    pub fn level_in_words(&self) -> String {
        match &self.level.judged_label {
            Some(j) if self.level.judged != Some(self.level.computed) => format!(
                "{} (professional judgement; computed from the answers: {})",
                j, self.level.computed_label
            ),
            _ => self.level.computed_label.clone(),
        }
    }

    fn section_block(&self, out: &mut String, section_id: &str, title: &str) {
        let Some(s) = self.sections.iter().find(|s| s.section_id == section_id) else {
            return;
        };
        heading(out, title);
        if s.lines.is_empty() {
            out.push_str("Not asked.\n");
        }
        for l in &s.lines {
            let _ = writeln!(out, "- {}: {}{}", l.label, l.answer, source_mark(l));
        }
    }
}
