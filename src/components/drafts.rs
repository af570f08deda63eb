//! Drafts on this computer, from the worker's side: the opt-in checkbox, the saved-drafts list
//! with Resume and Delete, problems found at start-up, "Delete all data", the "Draft saved at"
//! status on every page, and what happens when the store is full or another tab saves the same
//! draft. The file format is in `crate::draft`; storage calls are in `crate::storage`.
//!
//! Saving is read-modify-write on every change: the screening is locked (encrypted with the
//! key from the worker's passphrase, `crate::crypto`), then the stored file is read, this tab's
//! draft is checked against the revision this tab last saw (another tab may have saved since),
//! and written back with the revision moved on. Nothing is ever overwritten silently. Locking is
//! asynchronous: one save runs at a time, and a change made meanwhile is saved after it.
//!
//! The passphrase is chosen when the worker ticks the box (or when a draft saved in the clear by
//! an earlier version is opened), and typed again to open a draft. It is never stored; the key
//! made from it is kept in memory for this tab's saves.
use chrono::{DateTime, FixedOffset, Local};
use leptos::prelude::*;

use crate::config;
use crate::crypto::{self, CryptoError};
use crate::draft::{self, Decoded, Draft, Problem, ProblemKind, Seal, KEY};
use crate::nav;
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
    /// The screening as this tab last saved or opened it: an unchanged screening is not saved
    /// again (other tabs on the same draft are not told it moved on).
    last: StoredValue<Option<String>>,
    /// A save is being locked; and whether another is due after it (with its `overwrite`).
    busy: StoredValue<bool>,
    again: StoredValue<Option<bool>>,
    /// Moves on whenever this tab starts, stops or switches drafts: a save that was being
    /// locked across such a change is dropped.
    generation: StoredValue<u64>,
    /// The box is ticked and the worker is choosing a passphrase (nothing saved yet).
    pub choosing: RwSignal<bool>,
}

/// The key of this tab's draft: the AES-GCM key, and the salt and rounds it was made with.
#[derive(Clone)]
pub struct Lock {
    key: web_sys::CryptoKey,
    salt: Vec<u8>,
    iterations: u32,
    /// Whether the worker chose to show the client reference in the list of saved drafts.
    show_reference: bool,
}

fn now() -> DateTime<FixedOffset> {
    Local::now().fixed_offset()
}

fn lifetime() -> chrono::Duration {
    chrono::Duration::from_std(config::settings().draft_lifetime)
        .unwrap_or_else(|_| chrono::Duration::hours(8))
}

/// An opened draft's screening. Through `from_str`, as everywhere else: `from_slice` would add a
/// second copy of the screening's whole deserialiser to the wasm.
fn screening_from(plain: Vec<u8>) -> Option<Screening> {
    serde_json::from_str(&String::from_utf8(plain).ok()?).ok()
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
        last: StoredValue::new(None),
        busy: StoredValue::new(false),
        again: StoredValue::new(None),
        generation: StoredValue::new(0),
        choosing: RwSignal::new(false),
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
            // Reset (quick exit, postpone, start again): stop saving, keep what was saved, and
            // forget the key.
            drafts.forget();
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
    /// The key this tab's saves are locked with, in memory only. Not a signal: nothing renders
    /// from it, and a plain cell costs the wasm less than reactive storage for a JS value.
    static LOCK: std::cell::RefCell<Option<Lock>> = const { std::cell::RefCell::new(None) };
    /// The root's drafts state, for [`stop_and_delete`].
    static CURRENT: std::cell::Cell<Option<Drafts>> = const { std::cell::Cell::new(None) };
}

fn lock() -> Option<Lock> {
    LOCK.with(|l| l.borrow().clone())
}

fn set_lock(lock: Option<Lock>) {
    LOCK.with(|l| *l.borrow_mut() = lock);
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

    /// Stops saving and forgets the key (the draft stays stored).
    fn forget(&self) {
        self.on.set(false);
        self.choosing.set(false);
        self.session.set_value(None);
        set_lock(None);
        self.last.set_value(None);
        self.generation.update_value(|g| *g += 1);
    }

    /// Saves this tab's screening. `overwrite` saves even if another tab has saved since (the
    /// worker chose to keep this tab's version). Locks it first (asynchronously), then writes.
    pub fn save(&self, ctx: Ctx, overwrite: bool) {
        let Some(lock) = lock() else {
            return;
        };
        if self.busy.get_value() {
            self.again
                .update_value(|a| *a = Some(a.unwrap_or(false) || overwrite));
            return;
        }
        let (reference, json) = ctx.screening.with_untracked(|s| {
            (
                s.client_reference.clone(),
                serde_json::to_string(s).unwrap_or_default(),
            )
        });
        let unchanged = self.session.get_value().is_some()
            && self.last.with_value(|l| l.as_ref() == Some(&json));
        if unchanged && !overwrite {
            return;
        }
        let this = *self;
        let generation = self.generation.get_value();
        self.busy.set_value(true);
        leptos::task::spawn_local(async move {
            let sealed = crypto::seal(&lock.key, json.as_bytes()).await;
            this.busy.set_value(false);
            // Stopped, switched to another draft, or left meanwhile: this save is not wanted.
            if this.generation.get_value() != generation || !this.on.get_untracked() {
                return;
            }
            match sealed {
                Ok((iv, data)) => {
                    let seal = Seal {
                        iterations: lock.iterations,
                        salt: lock.salt.clone(),
                        iv,
                        data,
                    };
                    let shown = if lock.show_reference {
                        reference
                    } else {
                        String::new()
                    };
                    this.write(ctx, seal, &shown, json, overwrite);
                }
                Err(_) => this.failed(StorageError::Other("crypto".into())),
            }
            if let Some(overwrite) = this.again.get_value() {
                this.again.set_value(None);
                this.save(ctx, overwrite);
            }
        });
    }

    /// Writes this tab's locked draft, unless another tab has saved or deleted it since.
    fn write(&self, ctx: Ctx, sealed: Seal, shown: &str, saved: String, overwrite: bool) {
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
            (Some(d), _) => d.revision.max(known) + 1,
            (None, _) => known + 1,
        };
        let at = now();
        let mine = draft::stamp(
            &id,
            sealed,
            shown,
            revision,
            at,
            lifetime(),
            (ctx.def.id(), ctx.def.version()),
        );
        let all = draft::upsert(stored.drafts.clone(), mine);
        match write_file(&all, &stored.kept_raw()) {
            Ok(()) => {
                self.session.set_value(Some((id, revision)));
                self.last.set_value(Some(saved));
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

    /// The worker chose a passphrase: make a key with a new random salt (slow on purpose),
    /// then save this screening locked with it, as a new draft or in place of the plain draft it
    /// was opened from ([`Drafts::open_plain`]). If the browser cannot lock drafts (no WebCrypto,
    /// as on a plain-http intranet server), the save problem panel says so on every page.
    pub fn start(&self, ctx: Ctx, passphrase: String, show_reference: bool) {
        let plain = self.session.get_value();
        self.forget();
        let generation = self.generation.get_value();
        let this = *self;
        let Ok(salt) = crypto::random_bytes(crypto::SALT_LEN) else {
            return self.failed(StorageError::Unavailable);
        };
        leptos::task::spawn_local(async move {
            let Ok(key) = crypto::derive_key(&passphrase, &salt, crypto::ITERATIONS).await else {
                return this.failed(StorageError::Unavailable);
            };
            if this.generation.get_value() != generation {
                return;
            }
            set_lock(Some(Lock {
                key,
                salt,
                iterations: crypto::ITERATIONS,
                show_reference,
            }));
            this.session.set_value(plain);
            this.choosing.set(false);
            this.on.set(true);
            this.save(ctx, false);
        });
    }

    /// Saves again as a new draft with the same key (after another tab deleted this one).
    fn start_again(&self, ctx: Ctx) {
        self.session.set_value(None);
        self.last.set_value(None);
        self.on.set(true);
        self.save(ctx, false);
    }

    /// The worker unticked the box: stop saving and delete this screening's draft.
    pub fn stop(&self) {
        let mine = self.session.get_value();
        self.forget();
        self.status.set(Status::Off);
        if let Some((id, _)) = mine {
            self.delete(&id);
        }
    }

    /// Loads an opened draft into the screening and carries on saving to it.
    fn resume(&self, ctx: Ctx, d: &Draft, screening: Screening, lock: Lock) {
        self.forget();
        ctx.return_to.set(None);
        set_lock(Some(lock));
        self.session.set_value(Some((d.id.clone(), d.revision)));
        self.last
            .set_value(Some(serde_json::to_string(&screening).unwrap_or_default()));
        self.on.set(true);
        self.status.set(Status::Saved(d.saved_at));
        ctx.screening.set(screening);
        nav::navigate(&ctx, &Route::Check);
    }

    /// Opens a locked draft with the passphrase typed: a wrong one only says so (`refused` gets
    /// the message; nothing is deleted), an expired draft is deleted and never opened (and the
    /// list says so, as for drafts that expired before start-up).
    pub fn open(
        &self,
        ctx: Ctx,
        d: Draft,
        passphrase: String,
        refused: impl FnOnce(&'static str) + 'static,
    ) {
        if d.is_expired(now()) {
            self.delete(&d.id);
            return self.expired_at_start.update(|n| *n += 1);
        }
        let Some(seal) = d.sealed.as_deref().and_then(Seal::parse) else {
            return refused("drafts.open.wrong");
        };
        let this = *self;
        leptos::task::spawn_local(async move {
            let opened = async {
                let key = crypto::derive_key(&passphrase, &seal.salt, seal.iterations).await?;
                let plain = crypto::open(&key, &seal.iv, &seal.data).await?;
                let screening = screening_from(plain).ok_or(CryptoError::WrongPassphrase)?;
                Ok::<_, CryptoError>((key, screening))
            }
            .await;
            match opened {
                Ok((key, screening)) => {
                    let lock = Lock {
                        key,
                        salt: seal.salt.clone(),
                        iterations: seal.iterations,
                        show_reference: !d.shown_reference.is_empty(),
                    };
                    this.resume(ctx, &d, screening, lock);
                }
                Err(CryptoError::WrongPassphrase) => refused("drafts.open.wrong"),
                Err(CryptoError::Unavailable) => refused("drafts.passphrase.failed"),
            }
        });
    }

    /// Opens a draft an earlier version saved in the clear, and locks it with the passphrase
    /// the worker has just chosen: it is written locked straight away, in place of the plain
    /// one. An expired one is deleted and never opened.
    pub fn open_plain(&self, ctx: Ctx, d: &Draft, passphrase: String, show_reference: bool) {
        if d.is_expired(now()) {
            self.delete(&d.id);
            return self.expired_at_start.update(|n| *n += 1);
        }
        let Some(screening) = d.screening.clone() else {
            return;
        };
        self.forget();
        ctx.return_to.set(None);
        ctx.screening.set(screening);
        self.session.set_value(Some((d.id.clone(), d.revision)));
        self.start(ctx, passphrase, show_reference);
        nav::navigate(&ctx, &Route::Check);
    }

    /// The other tab's version of this draft, opened with this tab's key (same draft, same
    /// passphrase).
    fn load_theirs(&self, ctx: Ctx, theirs: Draft) {
        let (Some(lock), Some(seal)) = (lock(), theirs.sealed.as_deref().and_then(Seal::parse))
        else {
            return;
        };
        let this = *self;
        leptos::task::spawn_local(async move {
            if let Ok(plain) = crypto::open(&lock.key, &seal.iv, &seal.data).await {
                if let Some(screening) = screening_from(plain) {
                    this.resume(ctx, &theirs, screening, lock);
                }
            }
        });
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
            self.forget();
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
        self.forget();
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
                        Callback::new(move |_| drafts.load_theirs(ctx, (*theirs).clone())),
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
                        Callback::new(move |_| drafts.start_again(ctx)),
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
            <div class="notification notification--warning drafts__problem" id="drafts-problem" role="alert" tabindex="-1">
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
            crate::browser::focus_id_after_render("drafts-problem");
        }
    });
    view! {
        <p class="drafts__status" role="status">{saved}</p>
        {problem}
    }
}

/// No shorter passphrase is accepted.
const MIN_LENGTH: usize = 4;

/// Choosing a passphrase: typed twice, the warning about short codes, what forgetting it means,
/// and whether the list may show the client reference. Used when the worker ticks the box and
/// when a draft saved in the clear is opened. `on_choose` gets the passphrase and that choice.
/// One error line for the pair of fields, and the short-code warning always shown, next to the
/// field it is about, rather than while the passphrase is short: to keep the wasm small.
#[component]
fn NewPassphrase(
    prefix: &'static str,
    button: String,
    on_choose: Callback<(String, bool)>,
) -> impl IntoView {
    let pass = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let show = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let id = |what: &str| format!("{prefix}-{what}");
    let (pass_id, again_id, show_id) = (
        id("passphrase"),
        id("passphrase-again"),
        id("show-reference"),
    );
    let (hint_id, short_id, error_id) = (
        id("passphrase-hint"),
        id("passphrase-short"),
        id("passphrase-error"),
    );
    let described = format!("{hint_id} {short_id} {error_id}");
    let choose = move || {
        let (p, a) = (pass.get_untracked(), again.get_untracked());
        let problem = if p.is_empty() {
            Some("drafts.passphrase.missing")
        } else if p.chars().count() < MIN_LENGTH {
            Some("drafts.passphrase.too_short")
        } else if p != a {
            Some("drafts.passphrase.different")
        } else {
            None
        };
        error.set(problem.map(t));
        if problem.is_none() {
            on_choose.run((p, show.get_untracked()));
        }
    };
    let enter = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" {
            ev.prevent_default();
            choose();
        }
    };
    view! {
        <div class="drafts__passphrase">
            <div class="form-group" class:form-group--error=move || error.with(Option::is_some)>
                <label class="label" for=pass_id.clone()>{t("drafts.passphrase.label")}</label>
                <p class="hint" id=hint_id>{t("drafts.passphrase.hint")}</p>
                <p class="error-message" id=error_id>
                    {move || error.get().map(|m| view! { <span class="visually-hidden">{t("error.prefix")}</span>{m} })}
                </p>
                <input class="input drafts__passphrase-input" type="password" id=pass_id
                    autocomplete="new-password" spellcheck="false" aria-describedby=described.clone()
                    on:input=move |ev| pass.set(event_target_value(&ev)) on:keydown=enter />
                <p class="drafts__short" id=short_id><strong>{t("drafts.passphrase.short_warning")}</strong></p>
                <label class="label" for=again_id.clone()>{t("drafts.passphrase.again")}</label>
                <input class="input drafts__passphrase-input" type="password" id=again_id
                    autocomplete="new-password" spellcheck="false" aria-describedby=described
                    on:input=move |ev| again.set(event_target_value(&ev)) on:keydown=enter />
            </div>
            <div class="form-group checkboxes__item">
                <input class="checkboxes__input" type="checkbox" id=show_id.clone()
                    on:change=move |ev| show.set(event_target_checked(&ev)) />
                <label class="label checkboxes__label" for=show_id>{t("drafts.passphrase.show_reference")}</label>
            </div>
            <div class="warning-text"><strong>{t("drafts.passphrase.forgotten")}</strong></div>
            <button type="button" class="button" on:click=move |_| choose()>{button}</button>
        </div>
    }
}

/// The opt-in checkbox, or why drafts are off. On the start page, after the client reference.
/// Ticking it asks for a passphrase; the draft is first saved when one is chosen.
#[component]
pub fn DraftOptIn() -> impl IntoView {
    let ctx = use_ctx();
    let drafts = use_drafts();
    if !config::settings().drafts_allowed {
        return view! { <p class="hint">{t("drafts.not_allowed")}</p> }.into_any();
    }
    // On a page that is not secure (plain http from another machine) nothing could be locked.
    let insecure = !crypto::available();
    let unavailable = move || insecure || drafts.unavailable.with(Option::is_some);
    // An unreadable stored draft must be dealt with first: saving could overwrite it.
    let held = move || !unavailable() && !drafts.stored.with(Decoded::writable) && !drafts.on.get();
    let hours = (config::settings().draft_lifetime.as_secs() / 3600).to_string();
    let on_choose = Callback::new(move |(passphrase, show): (String, bool)| {
        drafts.start(ctx, passphrase, show);
    });
    view! {
        <div class="form-group drafts__opt-in">
            <div class="checkboxes__item">
                <input class="checkboxes__input" type="checkbox" id="save-draft"
                    aria-describedby="save-draft-hint"
                    prop:checked=move || drafts.on.get() || drafts.choosing.get()
                    disabled=move || unavailable() || held()
                    on:change=move |ev| {
                        if event_target_checked(&ev) {
                            drafts.choosing.set(true);
                            crate::browser::focus_id_after_render("draft-passphrase");
                        } else {
                            drafts.stop();
                        }
                    } />
                <label class="label checkboxes__label" for="save-draft">{t("drafts.opt_in.label")}</label>
            </div>
            <div class="hint" id="save-draft-hint">
                {move || if insecure {
                    view! { <p class="drafts__off">{t("drafts.insecure")}</p> }.into_any()
                } else if unavailable() {
                    view! { <p class="drafts__off">{t("drafts.unavailable")}</p> }.into_any()
                } else if held() {
                    view! { <p class="drafts__off">{t("drafts.held")}</p> }.into_any()
                } else {
                    view! { <p>{tf("drafts.opt_in.hint", &[("hours", &hours)])}</p> }.into_any()
                }}
            </div>
            {move || drafts.choosing.get().then(|| view! {
                <NewPassphrase prefix="draft" button=t("drafts.passphrase.save") on_choose=on_choose />
            })}
        </div>
    }
    .into_any()
}

/// Opening a locked draft: its passphrase, a wrong one said plainly, and what to do if it is
/// forgotten.
#[component]
fn OpenDraft(draft: Draft, opening: RwSignal<Option<String>>) -> impl IntoView {
    let ctx = use_ctx();
    let drafts = use_drafts();
    let pass = RwSignal::new(String::new());
    let error = RwSignal::new(None::<&'static str>);
    let d = StoredValue::new(draft);
    let open = move || {
        let p = pass.get_untracked();
        if p.is_empty() {
            error.set(Some("drafts.open.missing"));
            return;
        }
        error.set(None);
        drafts.open(ctx, d.get_value(), p, move |key| {
            error.set(Some(key));
            crate::browser::focus_id_after_render("open-passphrase");
        });
    };
    let title = tf(
        "drafts.open.title",
        &[("when", &d.with_value(|d| when(&d.saved_at)))],
    );
    view! {
        <section class="drafts__open" aria-labelledby="open-title">
            <h3 id="open-title">{title}</h3>
            <div class="form-group" class:form-group--error=move || error.with(Option::is_some)>
                <label class="label" for="open-passphrase">{t("drafts.open.label")}</label>
                <p class="hint" id="open-passphrase-hint">{t("drafts.open.hint")}</p>
                <p class="error-message" id="open-passphrase-error">
                    {move || error.get().map(|k| view! { <span class="visually-hidden">{t("error.prefix")}</span>{t(k)} })}
                </p>
                <input class="input drafts__passphrase-input" type="password" id="open-passphrase"
                    autocomplete="current-password" spellcheck="false"
                    aria-describedby="open-passphrase-hint open-passphrase-error"
                    on:input=move |ev| pass.set(event_target_value(&ev))
                    on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); open(); } />
            </div>
            <div class="button-group">
                <button type="button" class="button" on:click=move |_| open()>{t("drafts.open.button")}</button>
                <button type="button" class="button button--secondary" on:click=move |_| opening.set(None)>{t("drafts.open.cancel")}</button>
            </div>
        </section>
    }
}

/// Saved drafts, problems found at start-up, and "Delete all data". On the start page. The
/// list shows when each draft was saved and is deleted; the client reference only if the worker
/// chose to show it when saving.
#[component]
pub fn SavedDrafts() -> impl IntoView {
    let ctx = use_ctx();
    let drafts = use_drafts();
    let confirming = RwSignal::new(false);
    let deleted_all = RwSignal::new(false);
    let opening = RwSignal::new(None::<String>);

    let expired = move || {
        let n = drafts.expired_at_start.get();
        (n > 0).then(|| {
            let key = if n == 1 {
                "drafts.expired.one"
            } else {
                "drafts.expired.other"
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
                    <th scope="col">{t("drafts.list.saved")}</th>
                    <th scope="col"><span class="visually-hidden">{t("drafts.list.actions")}</span></th>
                </tr></thead>
                <tbody>
                    {list.into_iter().map(|d| {
                        let other_version = d.definition_id != ctx.def.id()
                            || d.definition_version != ctx.def.version();
                        let plain = d.sealed.is_none();
                        let saved = when(&d.saved_at);
                        // Both times in one cell: on a phone the stacked table hides its
                        // header, and each time still says what it is.
                        let times = tf("drafts.list.times", &[("saved", &saved), ("expires", &when(&d.expires_at))]);
                        let resume_label = tf("drafts.list.resume_label", &[("when", &saved)]);
                        let delete_label = tf("drafts.list.delete_label", &[("when", &saved)]);
                        let shown = (!d.shown_reference.trim().is_empty()).then(|| d.shown_reference.clone());
                        let id = d.id.clone();
                        let open_id = d.id.clone();
                        view! {
                            <tr>
                                <td class="drafts__reference">
                                    {times}
                                    {shown.map(|r| view! { <p class="drafts__shown">{tf("drafts.list.shown_reference", &[("reference", &r)])}</p> })}
                                    {plain.then(|| view! { <p class="hint">{t("drafts.list.plain")}</p> })}
                                    {other_version.then(|| view! { <p class="hint">{t("drafts.list.other_version")}</p> })}
                                </td>
                                <td class="drafts__actions">
                                    <button type="button" class="button button--small" aria-label=resume_label
                                        on:click=move |_| {
                                            opening.set(Some(open_id.clone()));
                                            crate::browser::focus_id_after_render(if plain { "plain-passphrase" } else { "open-passphrase" });
                                        }>{t("drafts.list.resume")}</button>
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
    let open_form = move || {
        let id = opening.get()?;
        let d = drafts
            .stored
            .with(|s| s.drafts.iter().find(|d| d.id == id).cloned())?;
        if d.sealed.is_some() {
            return Some(view! { <OpenDraft draft=d opening=opening /> }.into_any());
        }
        let title = tf("drafts.open.title", &[("when", &when(&d.saved_at))]);
        // Saved in the clear by an earlier version: a passphrase is chosen to lock it.
        let on_choose = Callback::new(move |(passphrase, show): (String, bool)| {
            drafts.open_plain(ctx, &d, passphrase, show);
        });
        Some(view! {
            <section class="drafts__open" aria-labelledby="open-title">
                <h3 id="open-title">{title}</h3>
                <p>{t("drafts.plain.explained")}</p>
                <NewPassphrase prefix="plain" button=t("drafts.plain.button") on_choose=on_choose />
                <button type="button" class="button button--secondary" on:click=move |_| opening.set(None)>{t("drafts.open.cancel")}</button>
            </section>
        }
        .into_any())
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
                        crate::browser::focus_id_after_render("delete-all-title");
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
            {open_form}
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
