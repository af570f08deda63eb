//! Building the summary from an assessment, one part at a time.

use super::lines::{answer_line, as_his_account, change_line, section_answers};
use super::model::{
    ActionLine, AnswerLine, FollowUpLine, LevelBlock, RedFlagLine, SectionAnswers, SharingDecision,
    Summary, SummaryHeader, SCHEMA,
};
use crate::actions::{Action, ActionStatus};
use crate::answers::{Answer, Answers, ItemStatus};
use crate::definition::{Definition, RecordAs, Response};
use crate::scoring::{Assessment, JudgedLevel};
use crate::suitability::indicators;
use crate::text::Catalogue;

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
    let line = |id: &str| his_line(def, answers, id, cat);
    Summary {
        schema: SCHEMA,
        definition_id: def.id().to_owned(),
        definition_version: def.version().to_owned(),
        header,
        sections: sections(def, answers, cat),
        disclosures: assessment
            .disclosures
            .iter()
            .filter_map(|d| line(&d.item_id))
            .collect(),
        red_flags: red_flag_lines(def, answers, assessment, cat),
        changes: answers
            .changes()
            .map(|c| change_line(def, c, cat))
            .collect(),
        incident: incident(def, answers, cat),
        observation: words_of(def, answers, RecordAs::Observation),
        third_party: words_of(def, answers, RecordAs::ThirdParty),
        cluster: assessment.cluster.clone(),
        level: level_block(assessment, judged, cat),
        switched_off: def.switched_off().map(|s| s.id.clone()).collect(),
        frequency_total: assessment.frequency_total,
        suitability: indicators(def, answers, cat),
        actions: action_lines(actions, action_statuses),
        sharing: sharing.to_vec(),
        follow_up: follow_up_lines(def, assessment),
        incomplete: assessment.incomplete,
        incomplete_reason: assessment.incomplete_reason.clone(),
        caveats: assessment.caveats.clone(),
        answers: answers.clone(),
    }
}

/// One item's line as his account, or `None` when it was not asked.
fn his_line(def: &Definition, answers: &Answers, id: &str, cat: &Catalogue) -> Option<AnswerLine> {
    def.item(id)
        .and_then(|i| answer_line(def, answers, i, cat))
        .map(|l| as_his_account(def, l, cat))
}

/// Every section's answers, without the records printed apart, each as his account.
fn sections(def: &Definition, answers: &Answers, cat: &Catalogue) -> Vec<SectionAnswers> {
    let mut sections = section_answers(def, answers, cat);
    for s in &mut sections {
        s.lines
            .retain(|l| def.item(&l.item_id).is_none_or(|i| i.record.is_none()));
        for l in &mut s.lines {
            *l = as_his_account(def, l.clone(), cat);
        }
    }
    sections
}

/// The red flags that stand, then those set aside, with the answers behind each.
fn red_flag_lines(
    def: &Definition,
    answers: &Answers,
    assessment: &Assessment,
    cat: &Catalogue,
) -> Vec<RedFlagLine> {
    assessment
        .red_flags
        .iter()
        .chain(&assessment.set_aside_flags)
        .map(|f| RedFlagLine {
            rule_id: f.rule_id.clone(),
            title: f.title.clone(),
            explanation: f.explanation.clone(),
            answers: f
                .item_ids
                .iter()
                .filter_map(|id| his_line(def, answers, id, cat))
                .collect(),
            status: f.status.clone(),
        })
        .collect()
}

/// The incident's date and his own words, as answered.
fn incident(def: &Definition, answers: &Answers, cat: &Catalogue) -> Vec<AnswerLine> {
    def.items()
        .iter()
        .filter(|i| i.section == "behaviours" && matches!(i.response, Response::FreeText { .. }))
        .filter_map(|i| answer_line(def, answers, i, cat).filter(|l| l.answered))
        .collect()
}

/// The texts recorded apart as this kind, verbatim, or `None` when none was written.
fn words_of(def: &Definition, answers: &Answers, kind: RecordAs) -> Option<String> {
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
}

/// The computed level and, if any, the judged one with its reason (and the lead who agreed a
/// lowering).
fn level_block(
    assessment: &Assessment,
    judged: Option<&JudgedLevel>,
    cat: &Catalogue,
) -> LevelBlock {
    LevelBlock {
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
    }
}

/// Each action with the worker's latest record of it.
fn action_lines(actions: &[Action], statuses: &[ActionStatus]) -> Vec<ActionLine> {
    actions
        .iter()
        .map(|a| ActionLine {
            action: a.clone(),
            status: statuses.iter().rev().find(|s| s.action_id == a.id).cloned(),
        })
        .collect()
}

/// Each gap with its label, section title and the titles of the flags it could hide.
fn follow_up_lines(def: &Definition, assessment: &Assessment) -> Vec<FollowUpLine> {
    assessment
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
        .collect()
}
