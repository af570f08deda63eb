//! The drafts state provided at the root, how it is set up, and what the views and the saving
//! share: the key in memory, the clock, the store's file.
use std::time::Duration;

use chrono::{DateTime, FixedOffset, Local};
use leptos::prelude::*;

use crate::config;
use crate::draft::{self, Decoded, Draft, KEY};
use crate::state::{Ctx, Screening};
use crate::storage::{self, StorageError};
use crate::text::{catalogue, tf};

pub use crate::saving::Status;

/// How long after the last change a draft is saved: long enough that typing saves once, short
/// enough that little is at stake if the browser itself fails.
pub const SAVE_AFTER: Duration = Duration::from_millis(400);

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
    /// A change waits to be saved or is being saved (the status line is `aria-busy` meanwhile).
    pub pending: RwSignal<bool>,
    /// The save waiting for a pause in the changes.
    pub(super) timer: StoredValue<Option<TimeoutHandle>>,
    /// The draft this tab is saving to and the revision it last saved or loaded.
    pub(super) session: StoredValue<Option<crate::saving::Session>>,
    /// The screening as this tab last saved or opened it: an unchanged screening is not saved
    /// again (other tabs on the same draft are not told it moved on).
    pub(super) last: StoredValue<Option<String>>,
    /// A save is being locked; and whether another is due after it (with its `overwrite`).
    pub(super) busy: StoredValue<bool>,
    pub(super) again: StoredValue<Option<bool>>,
    /// Moves on whenever this tab starts, stops or switches drafts: a save that was being
    /// locked across such a change is dropped.
    pub(super) generation: StoredValue<u64>,
    /// The box is ticked and the worker is choosing a passphrase (nothing saved yet).
    pub choosing: RwSignal<bool>,
}

/// The key of this tab's draft: the AES-GCM key, and the salt and rounds it was made with.
#[derive(Clone)]
pub struct Lock {
    pub(super) key: web_sys::CryptoKey,
    pub(super) salt: Vec<u8>,
    pub(super) iterations: u32,
    /// Whether the worker chose to show the client reference in the list of saved drafts.
    pub(super) show_reference: bool,
}

pub(super) fn now() -> DateTime<FixedOffset> {
    Local::now().fixed_offset()
}

pub(super) fn lifetime() -> chrono::Duration {
    chrono::Duration::from_std(config::settings().draft_lifetime)
        .unwrap_or_else(|_| chrono::Duration::hours(8))
}

pub(super) fn decode(raw: &str) -> Decoded {
    draft::decode(raw, now(), lifetime())
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
        pending: RwSignal::new(false),
        timer: StoredValue::new(None),
        session: StoredValue::new(None),
        last: StoredValue::new(None),
        busy: StoredValue::new(false),
        again: StoredValue::new(None),
        generation: StoredValue::new(0),
        choosing: RwSignal::new(false),
    };
    drafts.read_at_start();
    provide_context(drafts);
    follow_changes(ctx, drafts);
    save_on_leaving(ctx, drafts);
    drafts
}

/// On every change: the panic screen's copy at once, and a save after a pause when drafting is
/// on. On a reset (quick exit, postpone, start again): stop saving, keep what was saved, and
/// forget the key.
fn follow_changes(ctx: Ctx, drafts: Drafts) {
    Effect::new(move |_| {
        let empty = ctx.screening.with(|s| {
            let empty = *s == Screening::default();
            crate::rescue::remember((!empty).then(|| s.clone()));
            empty
        });
        if empty {
            drafts.forget();
            drafts.status.set(Status::Off);
        } else if drafts.on.get_untracked() {
            drafts.save_soon(ctx);
        }
    });
    // A page change saves what waits at once.
    Effect::new(move |seen: Option<()>| {
        ctx.route.track();
        if seen.is_some() {
            drafts.flush(ctx);
        }
    });
}

/// Leaving (closing the tab, going to another address, switching away) saves what waits; and
/// another tab's write is read, stopping this tab if its draft moved on without it.
fn save_on_leaving(ctx: Ctx, drafts: Drafts) {
    let hide = window_event_listener(leptos::ev::pagehide, move |_| drafts.flush(ctx));
    let hidden = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().hidden() {
            drafts.flush(ctx);
        }
    });
    let other_tab = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().is_some_and(|k| k != KEY) {
            return;
        }
        drafts.reload();
        drafts.check_other_tabs();
    });
    on_cleanup(move || {
        hide.remove();
        hidden.remove();
        other_tab.remove();
    });
}

thread_local! {
    /// The key this tab's saves are locked with, in memory only. Not a signal: nothing renders
    /// from it, and a plain cell costs the wasm less than reactive storage for a JS value.
    static LOCK: std::cell::RefCell<Option<Lock>> = const { std::cell::RefCell::new(None) };
}

pub(super) fn lock() -> Option<Lock> {
    LOCK.with(|l| l.borrow().clone())
}

pub(super) fn set_lock(lock: Option<Lock>) {
    LOCK.with(|l| *l.borrow_mut() = lock);
}

pub fn use_drafts() -> Drafts {
    expect_context::<Drafts>()
}

pub(super) fn write_file(drafts: &[Draft], kept_raw: &[String]) -> Result<(), StorageError> {
    if drafts.is_empty() && kept_raw.is_empty() {
        storage::remove()
    } else {
        storage::write(&draft::encode(drafts, kept_raw))
    }
}

/// A time in the browser's time zone, e.g. "14:32". Formatted by hand: chrono's `format`
/// machinery costs tens of KiB of wasm.
pub(super) fn clock(at: &DateTime<FixedOffset>) -> String {
    use chrono::Timelike;
    let local = at.with_timezone(&Local);
    format!("{:02}:{:02}", local.hour(), local.minute())
}

/// A date and time in the browser's time zone, e.g. "14:32 on 4 March".
pub(super) fn when(at: &DateTime<FixedOffset>) -> String {
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
