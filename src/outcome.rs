//! What the core concluded for the current screening, gathered in one place for the result,
//! respond and record screens. Thin: every decision is a call into `dva-core`.
use chrono::{DateTime, FixedOffset};
use dva_core::summary::{answer_line, AnswerLine};
use dva_core::{
    Action, Answers, CompletedBy, Definition, JudgedLevel, JudgementError, Level, Source, Summary,
    SummaryHeader, SummaryInput,
};

use crate::state::{Ctx, Screening};
use crate::text::catalogue;

/// The stored judgement checked against the current answers: `None` when there is none,
/// `Some(Err)` when answers changed since and the core no longer accepts it.
pub fn judged(ctx: &Ctx) -> Option<Result<JudgedLevel, JudgementError>> {
    let judgement = ctx.screening.with(|s| s.judgement.clone())?;
    Some(
        ctx.assessment
            .with(|a| dva_core::apply_judgement(a, &judgement)),
    )
}

/// The level the worker acts on: the judged level if a valid judgement exists, else computed.
pub fn level_in_effect(ctx: &Ctx) -> Level {
    match judged(ctx) {
        Some(Ok(j)) => j.judged(),
        _ => ctx.assessment.with(|a| a.level),
    }
}

/// The recommended actions, most urgent first (the core orders them).
pub fn actions(ctx: &Ctx) -> Vec<Action> {
    let judged = judged(ctx).and_then(Result::ok);
    ctx.assessment.with(|a| {
        ctx.screening.with(|s| {
            dva_core::recommend_judged(
                ctx.def,
                a,
                judged.as_ref(),
                &s.answers,
                &crate::config::contacts(),
                catalogue(),
            )
        })
    })
}

/// Who completed the questions: the setting section's answer, unless the worker then handed
/// some sections to the client, which the answers' sources show.
pub fn completed_by(def: &Definition, answers: &Answers) -> CompletedBy {
    let handed_over = answers
        .iter()
        .any(|(_, recorded)| recorded.source != Source::Worker);
    let said = def
        .completed_by_item()
        .and_then(|id| answers.choice(def, id));
    match said {
        Some(dva_core::definition::CLIENT_SELF) => CompletedBy::ClientSelfCompleted,
        _ if handed_over => CompletedBy::PartlySelfCompleted,
        _ => CompletedBy::WorkerAdministered,
    }
}

/// The date and time the summary carries: when the screening started, or, if that was never
/// recorded, `fallback` (the moment the record page was opened). Fixed once per view so the
/// screen, the copy and every download say the same.
pub fn summary_time(s: &Screening, fallback: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    s.started_at.unwrap_or(fallback)
}

/// The referral summary for the current screening.
pub fn summary(ctx: &Ctx, fallback_time: DateTime<FixedOffset>) -> Summary {
    let judged = judged(ctx).and_then(Result::ok);
    let actions = actions(ctx);
    ctx.assessment.with(|a| {
        ctx.screening.with(|s| {
            dva_core::build(SummaryInput {
                definition: ctx.def,
                answers: &s.answers,
                assessment: a,
                judged: judged.as_ref(),
                actions: &actions,
                action_statuses: &s.action_statuses,
                header: SummaryHeader {
                    service: s.service.clone(),
                    worker: s.worker.clone(),
                    at: summary_time(s, fallback_time),
                    client_reference: s.client_reference.clone(),
                    completed_by: completed_by(ctx.def, &s.answers),
                },
                sharing: &s.sharing,
                catalogue: catalogue(),
            })
        })
    })
}

/// The current local time with its offset (the browser's time zone in wasm).
pub fn now() -> DateTime<FixedOffset> {
    chrono::Local::now().fixed_offset()
}

/// The CSS modifier for a level's colour (always shown beside the level in words).
pub fn level_modifier(level: Level) -> &'static str {
    match level {
        Level::HighRisk => "high",
        Level::SignificantConcern => "significant",
        Level::AbuseDisclosed => "disclosed",
        Level::NoAbuseDisclosed => "none",
    }
}

/// The answer lines for item ids (skipping any not asked).
pub fn lines_for(ctx: &Ctx, ids: &[String]) -> Vec<AnswerLine> {
    ctx.screening.with(|s| {
        ids.iter()
            .filter_map(|id| ctx.def.item(id))
            .filter_map(|item| answer_line(ctx.def, &s.answers, item, catalogue()))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use dva_core::{Answer, YesNo};

    fn def() -> Definition {
        dva_core::definition::builtin().expect("the built-in definition is valid")
    }

    #[test]
    fn a_handover_makes_a_worker_administered_screening_partly_self_completed() {
        let def = def();
        let mut answers = Answers::new();
        let worker_led = Answer::Choice("worker".into());
        answers
            .set(&def, "set.completed_by", worker_led, Source::Worker)
            .unwrap();
        let yes = Answer::YesNo(YesNo::Yes);
        answers
            .set(&def, "rel.current_partner", yes.clone(), Source::Worker)
            .unwrap();
        assert_eq!(
            completed_by(&def, &answers),
            CompletedBy::WorkerAdministered
        );
        answers
            .set(
                &def,
                "rel.living_together",
                yes,
                Source::ClientSelfCompleted,
            )
            .unwrap();
        assert_eq!(
            completed_by(&def, &answers),
            CompletedBy::PartlySelfCompleted
        );
    }

    #[test]
    fn every_level_has_its_own_colour_modifier() {
        let mods: std::collections::BTreeSet<_> =
            Level::ALL.iter().map(|l| level_modifier(*l)).collect();
        assert_eq!(mods.len(), 4);
    }
}
