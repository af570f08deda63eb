//! The screening in progress: one plain value, held in one signal. Components read it through
//! the [`Ctx`] context and change it through its methods; the core computes everything else.
use chrono::{DateTime, FixedOffset};
use dva_core::{
    ActionStatus, Answer, AnswerError, Answers, Assessment, Definition, Judgement, SharingDecision,
    Source,
};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::route::Route;

/// Everything entered in one screening. Serialisable so that drafts and the JSON download can
/// carry it; it holds no signals.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Screening {
    pub worker: String,
    pub service: String,
    /// A reference or initials, never a full name.
    pub client_reference: String,
    pub answers: Answers,
    pub judgement: Option<Judgement>,
    pub action_statuses: Vec<ActionStatus>,
    pub sharing: Vec<SharingDecision>,
    /// When the worker started, in the browser's time zone.
    pub started_at: Option<DateTime<FixedOffset>>,
}

impl Screening {
    /// A new screening: empty, with the service's name (config.json) already in its field.
    pub fn fresh() -> Screening {
        Screening {
            service: crate::config::settings()
                .service_name
                .clone()
                .unwrap_or_default(),
            ..Screening::default()
        }
    }
}

/// The app's shared state, provided as context at the root. `Copy`, so closures take it freely.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub def: &'static Definition,
    pub screening: RwSignal<Screening>,
    /// The core's assessment of the current answers; recomputed only when they change.
    pub assessment: Memo<Assessment>,
    pub route: RwSignal<Route>,
    /// Where "Change" on check-your-answers came from, so the question page can return there.
    pub return_to: RwSignal<Option<Route>>,
    /// The handover in progress, if the client holds the device (client mode). Kept here, not
    /// in [`Screening`], so the hand-back code is never in a draft or a download.
    pub handover: RwSignal<Option<crate::handover::Handover>>,
}

impl Ctx {
    pub fn new(def: &'static Definition, route: Route) -> Ctx {
        let screening = RwSignal::new(Screening::fresh());
        let assessment = Memo::new(move |_| {
            screening.with(|s| dva_core::assess(def, &s.answers, crate::text::catalogue()))
        });
        Ctx {
            def,
            screening,
            assessment,
            route: RwSignal::new(route),
            return_to: RwSignal::new(None),
            handover: RwSignal::new(None),
        }
    }

    /// Whether the client holds the device: only the client shell may render.
    pub fn client_mode(&self) -> bool {
        self.handover.with(Option::is_some)
    }

    /// Records an answer given by the worker. Returns the core's objection if the value does not
    /// fit the question (the UI only offers valid values, so this is a defect if it happens).
    pub fn answer(&self, item_id: &str, answer: Answer) -> Result<(), AnswerError> {
        self.answer_from(item_id, answer, Source::Worker)
    }

    pub fn answer_from(
        &self,
        item_id: &str,
        answer: Answer,
        source: Source,
    ) -> Result<(), AnswerError> {
        let mut result = Ok(());
        let at = clock_time();
        self.screening
            .update(|s| result = s.answers.set_at(self.def, item_id, answer, source, &at));
        result
    }

    /// Clears an answer; the one cleared stays in the record of changes.
    pub fn clear_answer(&self, item_id: &str) {
        let by = if self.client_mode() {
            Source::ClientSelfCompleted
        } else {
            Source::Worker
        };
        let at = clock_time();
        self.screening
            .update(|s| s.answers.clear_by(item_id, by, &at));
    }

    /// The recorded answer to an item, if any.
    pub fn answer_of(&self, item_id: &str) -> Option<Answer> {
        self.screening
            .with(|s| s.answers.get(item_id).map(|r| r.answer.clone()))
    }

    /// Forgets the whole screening (postpone, quick exit, start again).
    pub fn reset(&self) {
        self.screening.set(Screening::fresh());
        self.return_to.set(None);
        self.handover.set(None);
    }
}

/// The time of day for the record of changes ("14:32"), by hand rather than with chrono's
/// `format`, which costs tens of KiB of wasm.
fn clock_time() -> String {
    use chrono::Timelike;
    let now = chrono::Local::now();
    format!("{:02}:{:02}", now.hour(), now.minute())
}

/// The context, for components.
pub fn use_ctx() -> Ctx {
    expect_context::<Ctx>()
}
