//! The screening in progress: one plain value, held in one signal. Components read it through
//! the [`Ctx`] context and change it through its methods; the core computes everything else.
use chrono::{DateTime, FixedOffset};
use dva_core::{
    ActionStatus, Answer, AnswerError, Answers, Assessment, Definition, Judgement, SharingDecision,
    Source,
};
use leptos::prelude::*;
use leptos::reactive::graph::{Subscriber, ToAnySubscriber};
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
/// Each page sees it through [`provide_page_scope`], so that what a page reads leaves nothing
/// behind when the page goes (see [`Watched`]).
#[derive(Clone, Copy)]
pub struct Ctx {
    pub def: &'static Definition,
    pub screening: Watched<RwSignal<Screening>>,
    /// The core's assessment of the current answers; recomputed only when what scoring reads
    /// of them changes, not when a note, free text or another field of the screening does.
    pub assessment: Watched<Memo<Assessment>>,
    pub route: RwSignal<Route>,
    /// Where "Change" on check-your-answers came from, so the question page can return there.
    pub return_to: Watched<RwSignal<Option<Route>>>,
    /// The handover in progress, if the client holds the device (client mode). Kept here, not
    /// in [`Screening`], so the hand-back code is never in a draft or a download.
    pub handover: Watched<RwSignal<Option<crate::handover::Handover>>>,
    /// The element a "Change" link wants focused once the next page has rendered
    /// (`nav::focus_after_navigation`, `nav::focus_pending`). Not a signal: nothing renders it.
    pub pending_focus: StoredValue<Option<String>>,
}

impl Ctx {
    pub fn new(def: &'static Definition, route: Route) -> Ctx {
        let screening = RwSignal::new(Screening::fresh());
        // The assessment depends only on what scoring reads (`scored`): typing the worker's
        // name, a note, his words or a judgement's reason leaves that equal, so this memo stops
        // there and `assess` (with its worst-case completion of the gaps) does not run again.
        let scored = Memo::new(move |_| screening.with(|s| crate::scored::scored(def, &s.answers)));
        let assessment = Memo::new(move |_| {
            // Read, not `track()`: tracking alone never runs `scored`, so it would never subscribe
            // to the screening, and the assessment would stay as first computed.
            scored.with(|_| ());
            screening
                .with_untracked(|s| dva_core::assess(def, &s.answers, crate::text::catalogue()))
        });
        Ctx {
            def,
            screening: Watched::root(screening),
            assessment: Watched::root(assessment),
            route: RwSignal::new(route),
            return_to: Watched::root(RwSignal::new(None)),
            handover: Watched::root(RwSignal::new(None)),
            pending_focus: StoredValue::new(None),
        }
    }

    /// The same state, read through memos owned by the current owner (a page).
    fn scoped(self) -> Ctx {
        Ctx {
            screening: self.screening.scoped(),
            assessment: self.assessment.scoped(),
            return_to: self.return_to.scoped(),
            handover: self.handover.scoped(),
            ..self
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

/// The context, for components: the page's own view of the state inside a page, the root's
/// outside.
pub fn use_ctx() -> Ctx {
    expect_context::<Ctx>()
}

/// Gives the page being built its own view of the app's state (call it where a page is built,
/// under the owner that is cleaned up when the page goes).
pub fn provide_page_scope() {
    provide_context(use_ctx().scoped());
}

/// One of the app's long-lived signals or memos, as a page reads it.
///
/// Why: reactive_graph 0.2 takes an effect or memo off the subscriber list of a signal it read
/// only when it runs again, never when it is dropped. Every reactive attribute of a page that
/// has gone (each radio's `checked`, each `Show`) stayed listed on the root signal for the life
/// of the tab: about 38 KiB of wasm memory for each round trip between the behaviours and
/// impact pages. Inside a page, a read subscribes to a memo that the page owns instead; that
/// memo alone is listed on the root, and it takes itself off when the page is cleaned up, so
/// the page's subscribers go with the page. Outside a page (`page` is `None`) reads go to the
/// root directly: those readers live as long as the app.
#[derive(Clone, Copy)]
pub struct Watched<S: 'static> {
    root: S,
    /// Changes whenever `root` does; owned by the page, `None` at the root.
    page: Option<Memo<u64>>,
}

impl<S: Track + Clone + Send + Sync + 'static> Watched<S> {
    fn root(root: S) -> Self {
        Watched { root, page: None }
    }

    fn scoped(self) -> Self {
        let root = self.root.clone();
        let memo = ArcMemo::new(move |n: Option<&u64>| {
            root.track();
            n.map_or(0, |n| n.wrapping_add(1))
        });
        let leaving = memo.clone();
        on_cleanup(move || leaving.clear_sources(&leaving.to_any_subscriber()));
        Watched {
            root: self.root,
            page: Some(Memo::from(memo)),
        }
    }

    /// Subscribes the running effect to the page's memo; `false` at the root. A page's memo
    /// read after the page has gone (a late frame callback) is a no-op, never a panic.
    fn track_page(&self) -> bool {
        self.page.map(|p| p.try_get()).is_some()
    }
}

/// Reads, for a signal and a memo alike: through the page's memo inside a page, at the root
/// outside one.
impl<S> Watched<S>
where
    S: Track + Clone + Send + Sync + 'static + With + WithUntracked<Value = <S as With>::Value>,
{
    pub fn with<R>(&self, f: impl FnOnce(&<S as With>::Value) -> R) -> R {
        if self.track_page() {
            self.root.with_untracked(f)
        } else {
            self.root.with(f)
        }
    }

    pub fn with_untracked<R>(&self, f: impl FnOnce(&<S as With>::Value) -> R) -> R {
        self.root.with_untracked(f)
    }

    pub fn get(&self) -> <S as With>::Value
    where
        <S as With>::Value: Clone + Sized,
    {
        self.with(Clone::clone)
    }
}

/// Writes, for the screening and the other signals.
impl<T: Send + Sync + 'static> Watched<RwSignal<T>> {
    pub fn get_untracked(&self) -> T
    where
        T: Clone,
    {
        self.root.get_untracked()
    }

    pub fn set(&self, value: T) {
        self.root.set(value);
    }

    pub fn update(&self, f: impl FnOnce(&mut T)) {
        self.root.update(f);
    }
}

#[cfg(test)]
mod tests {
    use dva_core::{Answer, Band, Level, YesNo};
    use leptos::prelude::*;

    use super::Ctx;
    use crate::route::Route;

    /// Read, change an answer, read again: the second read sees the change (a re-visited result
    /// page once showed the level from its first visit).
    #[test]
    fn the_assessment_follows_every_change_of_the_answers() {
        let owner = Owner::new();
        owner.set();
        let def = Box::leak(Box::new(dva_core::builtin().expect("valid")));
        let ctx = Ctx::new(def, Route::Start);
        let first = ctx.assessment.with_untracked(|a| a.level);
        let shouting = Answer::Frequency {
            band: Band::Once,
            last_12_months: Some(YesNo::Yes),
        };
        ctx.answer("b.shouting", shouting).expect("a valid answer");
        let second = ctx.assessment.with_untracked(|a| a.level);
        assert_ne!(first, second);
        assert_eq!(second, Level::AbuseDisclosed);
    }
}
