//! Drafts on this computer, from the worker's side: the opt-in checkbox, the saved-drafts list
//! with Resume and Delete, problems found at start-up, "Delete all data", the "Draft saved at"
//! status on every page, and what happens when the store is full or another tab saves the same
//! draft. The file format is in `crate::draft`; storage calls are in `crate::storage`.
//!
//! Saving is read-modify-write on every change: the stored file is read, this tab's draft is
//! checked against the revision this tab last saw (another tab may have saved since), then
//! written back with the revision moved on. Nothing is ever overwritten silently.
use chrono::{DateTime, FixedOffset, Local};
use leptos::prelude::*;

use crate::app::navigate;
use crate::config::{DRAFTS_ALLOWED, DRAFT_LIFETIME};
use crate::draft::{self, Decoded, Draft, Problem, ProblemKind, KEY};
use crate::route::Route;
use crate::state::{use_ctx, Ctx, Screening};
use crate::storage::{self, StorageError};
use crate::text::{catalogue, t, tf};

/// Where saving stands in this tab.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// Not saving (the worker has not asked to).
    Off,
    /// Saved; the time of the last save.
    Saved(DateTime<FixedOffset>),
    /// The store is full: the answers are only in memory.
    Full,
    /// The store refused for another reason, or became unavailable.
    Failed,
    /// Another tab saved this draft since this tab last did: saving has stopped until the
    /// worker chooses. Holds the other tab's version.
    Conflict(Box<Draft>),
    /// Another tab (or "delete all") removed this draft: saving has stopped.
    DeletedElsewhere,
    /// A stored draft could not be read; nothing is written until the worker decides about it.
    Blocked,
}

/// The drafts state, provided as context at the root.
#[derive(Clone, Copy)]
pub struct Drafts {
    /// `None` when drafts can be saved; otherwise why not.
    pub unavailable: RwSignal<Option<StorageError>>,
    /// What was read from the store, kept up to date after every write.
    pub stored: RwSignal<Decoded>,
    /// How many drafts had expired and were deleted at start-up.
    pub expired_at_start: RwSignal<usize>,
    /// Whether this tab saves its screening.
    pub on: RwSignal<bool>,
    pub status: RwSignal<Status>,
    /// The draft this tab is saving to and the revision it last saved or loaded.
    session: StoredValue<Option<(String, u64)>>,
}

fn now() -> DateTime<FixedOffset> {
    Local::now().fixed_offset()
}

fn lifetime() -> chrono::Duration {
    chrono::Duration::from_std(DRAFT_LIFETIME).unwrap_or_else(|_| chrono::Duration::hours(8))
}

fn decode(raw: &str) -> Decoded {
    draft::decode(raw, now(), lifetime())
}

/// A fresh id: the time and a random part, enough to tell drafts on one computer apart.
fn new_id() -> String {
    format!(
        "{:x}-{:x}",
        js_sys::Date::now() as u64,
        (js_sys::Math::random() * 1e12) as u64
    )
}

/// Reads the store at start-up, deletes expired drafts, finishes migrations, and sets up
/// saving, the panic snapshot and the cross-tab listener. Call once, at the root.
pub fn provide(ctx: Ctx) -> Drafts {
    let drafts = Drafts {
        unavailable: RwSignal::new(None),
        stored: RwSignal::new(Decoded::default()),
        expired_at_start: RwSignal::new(0),
        on: RwSignal::new(false),
        status: RwSignal::new(Status::Off),
        session: StoredValue::new(None),
    };
    match storage::read() {
        Err(e) => drafts.unavailable.set(Some(e)),
        Ok(None) => {}
        Ok(Some(raw)) => {
            let decoded = decode(&raw);
            // Expired drafts go now; a format 1 draft is rewritten in the current format. Never
            // while a whole-file problem is waiting for the worker's decision.
            if (decoded.expired > 0 || decoded.migrated) && decoded.writable() {
                let _ = write_file(&decoded.drafts, &decoded.kept_raw());
            }
            drafts.expired_at_start.set(decoded.expired);
            drafts.stored.set(decoded);
        }
    }
    provide_context(drafts);
    CURRENT.with(|c| c.set(Some(drafts)));

    // On every change: a snapshot for the panic screen, and a save when drafting is on.
    Effect::new(move |_| {
        let snapshot = ctx.screening.with(|s| {
            if *s == Screening::default() {
                String::new()
            } else {
                serde_json::to_string(s).unwrap_or_default()
            }
        });
        crate::rescue::remember(snapshot.clone());
        if snapshot.is_empty() {
            // Reset (quick exit, postpone, start again): stop saving, keep what was saved.
            drafts.on.set(false);
            drafts.session.set_value(None);
            drafts.status.set(Status::Off);
            return;
        }
        if drafts.on.get_untracked() {
            drafts.save(ctx, false);
        }
    });

    // Another tab changed the store: re-read it, and stop if our draft moved on without us.
    let listener = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().is_some_and(|k| k != KEY) {
            return;
        }
        drafts.reload();
        drafts.check_other_tabs();
    });
    on_cleanup(move || listener.remove());
    drafts
}

/// Stops saving and deletes this screening's draft, if there is one: for "postpone" and "start
/// again", which promise that nothing of the screening is kept. (Quick exit keeps drafts.)
/// Works from event handlers, which run outside the component tree's context.
pub fn stop_and_delete() {
    if let Some(drafts) = CURRENT.with(std::cell::Cell::get) {
        drafts.stop();
    }
}

thread_local! {
    /// The root's drafts state, for [`stop_and_delete`].
    static CURRENT: std::cell::Cell<Option<Drafts>> = const { std::cell::Cell::new(None) };
}

pub fn use_drafts() -> Drafts {
    expect_context::<Drafts>()
}

fn write_file(drafts: &[Draft], kept_raw: &[String]) -> Result<(), StorageError> {
    if drafts.is_empty() && kept_raw.is_empty() {
        storage::remove()
    } else {
        storage::write(&draft::encode(drafts, kept_raw))
    }
}

impl Drafts {
    /// Re-reads the store into `stored`.
    fn reload(&self) {
        match storage::read() {
            Ok(raw) => self.stored.set(raw.map(|r| decode(&r)).unwrap_or_default()),
            Err(e) => self.unavailable.set(Some(e)),
        }
    }

    /// After another tab wrote: has our draft moved on or gone?
    fn check_other_tabs(&self) {
        let Some((id, known)) = self.session.get_value() else {
            return;
        };
        if !self.on.get_untracked() {
            return;
        }
        let theirs = self
            .stored
            .with_untracked(|s| s.drafts.iter().find(|d| d.id == id).cloned());
        match theirs {
            Some(d) if d.revision != known => {
                self.on.set(false);
                self.status.set(Status::Conflict(Box::new(d)));
            }
            Some(_) => {}
            None if self.stored.with_untracked(Decoded::writable) => {
                self.on.set(false);
                self.status.set(Status::DeletedElsewhere);
            }
            None => {}
        }
    }

    /// Saves this tab's screening. `overwrite` saves even if another tab has saved since (the
    /// worker chose to keep this tab's version).
    pub fn save(&self, ctx: Ctx, overwrite: bool) {
        let raw = match storage::read() {
            Ok(raw) => raw,
            Err(e) => return self.failed(e),
        };
        let stored = raw.map(|r| decode(&r)).unwrap_or_default();
        if !stored.writable() {
            self.on.set(false);
            self.status.set(Status::Blocked);
            self.stored.set(stored);
            return;
        }
        let (id, known) = self.session.get_value().unwrap_or_else(|| (new_id(), 0));
        let theirs = stored.drafts.iter().find(|d| d.id == id).cloned();
        let revision = match (&theirs, overwrite) {
            (Some(d), false) if d.revision != known => {
                self.on.set(false);
                self.status.set(Status::Conflict(Box::new(d.clone())));
                self.stored.set(stored);
                return;
            }
            (None, false) if known > 0 => {
                self.on.set(false);
                self.status.set(Status::DeletedElsewhere);
                self.stored.set(stored);
                return;
            }
            // Unchanged since this tab last saw it (just resumed or loaded): no write, so other
            // tabs on the same draft are not told it moved on.
            (Some(d), false) if ctx.screening.with_untracked(|s| *s == d.screening) => {
                self.session.set_value(Some((id, known)));
                self.status.set(Status::Saved(d.saved_at));
                self.stored.set(stored);
                return;
            }
            (Some(d), _) => d.revision.max(known) + 1,
            (None, _) => known + 1,
        };
        let at = now();
        let mine = ctx.screening.with_untracked(|s| {
            draft::stamp(
                &id,
                s,
                revision,
                at,
                lifetime(),
                (ctx.def.id(), ctx.def.version()),
            )
        });
        let all = draft::upsert(stored.drafts.clone(), mine);
        match write_file(&all, &stored.kept_raw()) {
            Ok(()) => {
                self.session.set_value(Some((id, revision)));
                self.status.set(Status::Saved(at));
                self.stored.set(Decoded {
                    drafts: all,
                    ..stored
                });
            }
            Err(e) => self.failed(e),
        }
    }

    fn failed(&self, e: StorageError) {
        // Keep `on`: once space is freed, the next change saves again.
        self.status.set(match e {
            StorageError::Full => Status::Full,
            _ => Status::Failed,
        });
    }

    /// The worker ticked the box: start saving this screening as a new draft.
    pub fn start(&self, ctx: Ctx) {
        self.session.set_value(None);
        self.on.set(true);
        self.save(ctx, false);
    }

    /// The worker unticked the box: stop saving and delete this screening's draft.
    pub fn stop(&self) {
        self.on.set(false);
        self.status.set(Status::Off);
        if let Some((id, _)) = self.session.get_value() {
            self.delete(&id);
        }
        self.session.set_value(None);
    }

    /// Loads a saved draft into the screening and carries on saving to it.
    pub fn resume(&self, ctx: Ctx, d: &Draft) {
        ctx.return_to.set(None);
        ctx.screening.set(d.screening.clone());
        self.session.set_value(Some((d.id.clone(), d.revision)));
        self.on.set(true);
        self.status.set(Status::Saved(d.saved_at));
        navigate(&Route::Check);
    }

    /// Deletes one draft (by the worker's choice).
    pub fn delete(&self, id: &str) {
        self.reload();
        let stored = self.stored.get_untracked();
        if !stored.writable() {
            return;
        }
        let rest: Vec<Draft> = stored
            .drafts
            .iter()
            .filter(|d| d.id != id)
            .cloned()
            .collect();
        if let Err(e) = write_file(&rest, &stored.kept_raw()) {
            return self.failed(e);
        }
        if self.session.get_value().is_some_and(|(mine, _)| mine == id) {
            self.on.set(false);
            self.session.set_value(None);
            self.status.set(Status::Off);
        }
        self.reload();
    }

    /// Deletes one unreadable stored value (by the worker's choice, after the offer to download).
    pub fn delete_problem(&self, problem: &Problem) {
        self.reload();
        let stored = self.stored.get_untracked();
        let result = if problem.is_whole_file() {
            storage::remove()
        } else {
            let kept: Vec<String> = stored
                .kept_raw()
                .into_iter()
                .filter(|r| *r != problem.raw)
                .collect();
            write_file(&stored.drafts, &kept)
        };
        if let Err(e) = result {
            return self.failed(e);
        }
        if self.status.get_untracked() == Status::Blocked {
            self.status.set(Status::Off);
        }
        self.reload();
    }

    /// Deletes every key the app keeps on this device; this tab stops saving.
    pub fn delete_all(&self) -> Result<usize, StorageError> {
        self.on.set(false);
        self.session.set_value(None);
        self.status.set(Status::Off);
        let removed = storage::delete_all();
        self.reload();
        removed
    }
}

/// A time in the browser's time zone, e.g. "14:32". Formatted by hand: chrono's `format`
/// machinery costs tens of KiB of wasm.
fn clock(at: &DateTime<FixedOffset>) -> String {
    use chrono::Timelike;
    let local = at.with_timezone(&Local);
    format!("{:02}:{:02}", local.hour(), local.minute())
}

/// A date and time in the browser's time zone, e.g. "14:32 on 4 March".
fn when(at: &DateTime<FixedOffset>) -> String {
    use chrono::Datelike;
    let local = at.with_timezone(&Local);
    let month = dva_core::text::month_name(catalogue(), local.month());
    tf(
        "drafts.when",
        &[
            ("time", &clock(at)),
            ("day", &local.day().to_string()),
            ("month", month),
        ],
    )
}

fn download_answers(ctx: Ctx) {
    let json = ctx
        .screening
        .with_untracked(|s| serde_json::to_string(s).unwrap_or_default());
    crate::browser::download("dva-screen-answers.json", "application/json", &json);
}

/// "Draft saved at 14:32" and any problem with saving, on every page. Place once in the layout.
#[component]
pub fn DraftStatus() -> impl IntoView {
    let ctx = use_ctx();
    let drafts = use_drafts();
    let saved = move || match drafts.status.get() {
        Status::Saved(at) => tf("drafts.saved_at", &[("time", &clock(&at))]),
        _ => String::new(),
    };
    // One panel shape for every problem (one view type keeps the wasm small): a title, a body,
    // and up to two buttons.
    let problem = move || {
        type Action = Option<(String, bool, Callback<()>)>;
        let download: Action = Some((
            t("drafts.download_answers"),
            true,
            Callback::new(move |_| download_answers(ctx)),
        ));
        let (title, body, first, second): (String, String, Action, Action) =
            match drafts.status.get() {
                Status::Full => (
                    t("drafts.full.title"),
                    t("drafts.full.body"),
                    download,
                    None,
                ),
                Status::Failed => (
                    t("drafts.failed.title"),
                    t("drafts.failed.body"),
                    download,
                    None,
                ),
                Status::Conflict(theirs) => (
                    t("drafts.conflict.title"),
                    tf("drafts.conflict.body", &[("time", &when(&theirs.saved_at))]),
                    Some((
                        t("drafts.conflict.load"),
                        true,
                        Callback::new(move |_| drafts.resume(ctx, &theirs)),
                    )),
                    Some((
                        t("drafts.conflict.keep"),
                        false,
                        Callback::new(move |_| {
                            drafts.on.set(true);
                            drafts.save(ctx, true);
                        }),
                    )),
                ),
                Status::DeletedElsewhere => (
                    t("drafts.deleted.title"),
                    t("drafts.deleted.body"),
                    Some((
                        t("drafts.deleted.save_again"),
                        false,
                        Callback::new(move |_| {
                            drafts.session.set_value(None);
                            drafts.start(ctx);
                        }),
                    )),
                    None,
                ),
                Status::Blocked => (
                    t("drafts.blocked.title"),
                    t("drafts.blocked.body"),
                    None,
                    None,
                ),
                Status::Off | Status::Saved(_) => return None,
            };
        let button = |action: Action| {
            action.map(|(label, primary, run)| {
                view! {
                    <button type="button" class="button" class:button--secondary=!primary
                        on:click=move |_| run.run(())>{label}</button>
                }
            })
        };
        Some(view! {
            <div class="notification notification--warning drafts__problem" role="alert" tabindex="-1">
                <h2 class="notification__title">{title}</h2>
                <p>{body}</p>
                <div class="button-group">{button(first)}{button(second)}</div>
            </div>
        })
    };
    // A problem appears at the top of the page, while the worker may be far down it: move focus
    // (and so the view) to it, as with an error summary.
    Effect::new(move |_| {
        if !matches!(drafts.status.get(), Status::Off | Status::Saved(_)) {
            request_animation_frame(|| {
                use wasm_bindgen::JsCast;
                if let Some(el) = document()
                    .query_selector(".drafts__problem")
                    .ok()
                    .flatten()
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = el.focus();
                }
            });
        }
    });
    view! {
        <p class="drafts__status" role="status">{saved}</p>
        {problem}
    }
}

/// The opt-in checkbox, or why drafts are off. On the start page, after the client reference.
#[component]
pub fn DraftOptIn() -> impl IntoView {
    let ctx = use_ctx();
    let drafts = use_drafts();
    if !DRAFTS_ALLOWED {
        return view! { <p class="hint">{t("drafts.not_allowed")}</p> }.into_any();
    }
    let unavailable = move || drafts.unavailable.with(Option::is_some);
    // An unreadable stored draft must be dealt with first: saving could overwrite it.
    let held = move || !unavailable() && !drafts.stored.with(Decoded::writable) && !drafts.on.get();
    let hours = (DRAFT_LIFETIME.as_secs() / 3600).to_string();
    view! {
        <div class="form-group drafts__opt-in">
            <div class="checkboxes__item">
                <input class="checkboxes__input" type="checkbox" id="save-draft"
                    aria-describedby="save-draft-hint"
                    prop:checked=move || drafts.on.get()
                    disabled=move || unavailable() || held()
                    on:change=move |ev| {
                        if event_target_checked(&ev) { drafts.start(ctx) } else { drafts.stop() }
                    } />
                <label class="label checkboxes__label" for="save-draft">{t("drafts.opt_in.label")}</label>
            </div>
            <div class="hint" id="save-draft-hint">
                {move || if unavailable() {
                    view! { <p class="drafts__off">{t("drafts.unavailable")}</p> }.into_any()
                } else if held() {
                    view! { <p class="drafts__off">{t("drafts.held")}</p> }.into_any()
                } else {
                    view! { <p>{tf("drafts.opt_in.hint", &[("hours", &hours)])}</p> }.into_any()
                }}
            </div>
        </div>
    }
    .into_any()
}

/// Saved drafts, problems found at start-up, and "Delete all data". On the start page.
#[component]
pub fn SavedDrafts() -> impl IntoView {
    let ctx = use_ctx();
    let drafts = use_drafts();
    let confirming = RwSignal::new(false);
    let deleted_all = RwSignal::new(false);
    let expired = move || {
        let n = drafts.expired_at_start.get();
        (n > 0).then(|| {
            let key = if n == 1 {
                "drafts.expired.one"
            } else {
                "drafts.expired.many"
            };
            view! { <p class="notification drafts__expired" role="status">{tf(key, &[("n", &n.to_string())])}</p> }
        })
    };
    let problems = move || {
        let list = drafts.stored.with(|s| s.problems.clone());
        (!list.is_empty()).then(|| view! {
            <div class="notification notification--warning drafts__problems" role="alert">
                <h2 class="notification__title">{t("drafts.problems.title")}</h2>
                <p>{t("drafts.problems.body")}</p>
                <ul class="drafts__problem-list">
                    {list.into_iter().map(|p| view! { <ProblemItem problem=p /> }).collect_view()}
                </ul>
            </div>
        })
    };
    let list = move || {
        let list = drafts.stored.with(|s| s.drafts.clone());
        (!list.is_empty()).then(|| view! {
            <table class="table drafts__table">
                <caption class="table__caption">{t("drafts.list.caption")}</caption>
                <thead><tr>
                    <th scope="col">{t("drafts.list.reference")}</th>
                    <th scope="col">{t("drafts.list.saved")}</th>
                    <th scope="col">{t("drafts.list.expires")}</th>
                    <th scope="col"><span class="visually-hidden">{t("drafts.list.actions")}</span></th>
                </tr></thead>
                <tbody>
                    {list.into_iter().map(|d| {
                        let reference = if d.client_reference.trim().is_empty() {
                            t("drafts.list.no_reference")
                        } else {
                            d.client_reference.clone()
                        };
                        let other_version = d.definition_id != ctx.def.id()
                            || d.definition_version != ctx.def.version();
                        let resume_label = tf("drafts.list.resume_label", &[("reference", &reference)]);
                        let delete_label = tf("drafts.list.delete_label", &[("reference", &reference)]);
                        let id = d.id.clone();
                        let saved = when(&d.saved_at);
                        let expires = when(&d.expires_at);
                        view! {
                            <tr>
                                <td class="drafts__reference">
                                    {reference}
                                    {other_version.then(|| view! { <p class="hint">{t("drafts.list.other_version")}</p> })}
                                </td>
                                <td>{saved}</td>
                                <td>{expires}</td>
                                <td class="drafts__actions">
                                    <button type="button" class="button button--small" aria-label=resume_label
                                        on:click=move |_| drafts.resume(ctx, &d)>{t("drafts.list.resume")}</button>
                                    <button type="button" class="button button--secondary button--small" aria-label=delete_label
                                        on:click=move |_| {
                                            drafts.delete(&id);
                                            // The row is gone with its buttons: focus the list's heading.
                                            crate::browser::focus_id_after_render("drafts-title");
                                        }>{t("drafts.list.delete")}</button>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        })
    };
    let delete_all = move || {
        if drafts.unavailable.with(Option::is_some) {
            return None;
        }
        Some(if confirming.get() {
            view! {
                <section class="drafts__confirm" aria-labelledby="delete-all-title">
                    <h2 id="delete-all-title" tabindex="-1">{t("drafts.delete_all.confirm_title")}</h2>
                    <div class="warning-text"><strong>{t("drafts.delete_all.warning")}</strong></div>
                    <div class="button-group">
                        <button type="button" class="button button--warning" on:click=move |_| {
                            let _ = drafts.delete_all();
                            confirming.set(false);
                            deleted_all.set(true);
                            crate::browser::focus_id_after_render("drafts-title");
                        }>{t("drafts.delete_all.confirm")}</button>
                        <button type="button" class="button button--secondary" on:click=move |_| {
                            confirming.set(false);
                            crate::browser::focus_id_after_render("drafts-delete-all");
                        }>
                            {t("drafts.delete_all.cancel")}
                        </button>
                    </div>
                </section>
            }
            .into_any()
        } else {
            view! {
                <div class="drafts__delete-all">
                    {move || deleted_all.get().then(|| view! {
                        <p class="notification notification--success" role="status">{t("drafts.delete_all.done")}</p>
                    })}
                    <button type="button" class="button button--secondary" id="drafts-delete-all" on:click=move |_| {
                        deleted_all.set(false);
                        confirming.set(true);
                        request_animation_frame(|| {
                            use wasm_bindgen::JsCast;
                            if let Some(h) = document().get_element_by_id("delete-all-title")
                                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                                let _ = h.focus();
                            }
                        });
                    }>{t("drafts.delete_all.button")}</button>
                </div>
            }
            .into_any()
        })
    };
    view! {
        <section class="drafts" aria-labelledby="drafts-title">
            <h2 id="drafts-title" tabindex="-1">{t("drafts.heading")}</h2>
            {expired}
            {problems}
            {move || drafts.unavailable.with(Option::is_some).then(|| view! { <p>{t("drafts.unavailable")}</p> })}
            {move || (drafts.stored.with(|s| s.drafts.is_empty()) && drafts.unavailable.with(Option::is_none))
                .then(|| view! { <p>{t("drafts.list.none")}</p> })}
            {list}
            {delete_all}
        </section>
    }
}

/// One unreadable stored value: what is wrong, download it exactly, or delete it.
#[component]
fn ProblemItem(problem: Problem) -> impl IntoView {
    let drafts = use_drafts();
    let what = match &problem.kind {
        ProblemKind::Corrupted => t("drafts.problem.corrupted"),
        ProblemKind::Truncated => t("drafts.problem.truncated"),
        ProblemKind::NewerFormat(_) => t("drafts.problem.newer"),
        ProblemKind::UnreadableDraft => t("drafts.problem.unreadable"),
    };
    let whose = problem
        .client_reference
        .clone()
        .map(|r| tf("drafts.problem.whose", &[("reference", &r)]));
    let raw = problem.raw.clone();
    let confirm = RwSignal::new(false);
    let problem = StoredValue::new(problem);
    // "Delete it" gives way to "Yes, delete it for good", which takes focus; once the item is
    // gone, focus goes to the drafts heading.
    let confirm_button = NodeRef::<leptos::html::Button>::new();
    view! {
        <li class="drafts__problem-item">
            <p>{what}" "{whose}</p>
            <div class="button-group">
                <button type="button" class="button button--secondary" on:click=move |_| {
                    crate::browser::download("dva-screen-raw-draft.txt", "text/plain", &raw);
                }>{t("drafts.problem.download")}</button>
                <Show when=move || !confirm.get() fallback=move || view! {
                    <button type="button" class="button button--warning" node_ref=confirm_button on:click=move |_| {
                        problem.with_value(|p| drafts.delete_problem(p));
                        crate::browser::focus_id_after_render("drafts-title");
                    }>{t("drafts.problem.delete_confirm")}</button>
                }>
                    <button type="button" class="button button--secondary" on:click=move |_| {
                        confirm.set(true);
                        request_animation_frame(move || {
                            if let Some(b) = confirm_button.get_untracked() {
                                let _ = b.focus();
                            }
                        });
                    }>
                        {t("drafts.problem.delete")}
                    </button>
                </Show>
            </div>
        </li>
    }
}
