//! What a draft save writes and when it must stop instead: the storage and conflict rules of
//! drafts, apart from the browser (no web-sys, no Leptos), so that each is tested natively.
//! `components::drafts` reads the store, asks these functions, and writes or reports.
//!
//! A tab saves to one draft and remembers the revision it last saved or opened. Before it
//! writes, it reads the store again: if the draft's revision has moved on, another tab saved it
//! (a conflict); if the draft has gone after this tab saved it, another tab or "delete all"
//! removed it. Either way the tab stops until the worker chooses. Nothing is overwritten
//! silently, and nothing is written over a stored value that could not be read.
use chrono::{DateTime, FixedOffset};

use crate::draft::{Decoded, Draft, Problem};

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

impl Status {
    /// Whether the worker must be told and choose: every state but off and saved.
    pub fn is_problem(&self) -> bool {
        !matches!(self, Status::Off | Status::Saved(_))
    }
}

/// This tab's draft: its id and the revision this tab last saved or opened.
pub type Session = (String, u64);

/// A save to write: every draft to store (this tab's in place), and this tab's session after it.
#[derive(Debug, PartialEq)]
pub struct Write {
    pub drafts: Vec<Draft>,
    pub session: Session,
}

/// What to save: the stored drafts with this tab's put in place, or why saving must stop.
/// `session` is `None` for a draft not saved yet (it gets `new_id`); `overwrite` is the worker's
/// choice to keep this tab's version over another tab's. `stamp` makes this tab's draft record
/// for an id and revision.
pub fn plan(
    stored: &Decoded,
    session: Option<Session>,
    new_id: impl FnOnce() -> String,
    overwrite: bool,
    stamp: impl FnOnce(&str, u64) -> Draft,
) -> Result<Write, Status> {
    if !stored.writable() {
        return Err(Status::Blocked);
    }
    let (id, known) = session.unwrap_or_else(|| (new_id(), 0));
    let theirs = stored.drafts.iter().find(|d| d.id == id);
    let revision = match (theirs, overwrite) {
        (Some(d), false) if d.revision != known => {
            return Err(Status::Conflict(Box::new(d.clone())))
        }
        (None, false) if known > 0 => return Err(Status::DeletedElsewhere),
        (Some(d), _) => d.revision.max(known) + 1,
        (None, _) => known + 1,
    };
    let mine = stamp(&id, revision);
    Ok(Write {
        drafts: crate::draft::upsert(stored.drafts.clone(), mine),
        session: (id, revision),
    })
}

/// After another tab wrote the store: whether this tab's draft moved on or went without it.
/// `None` while all is well (or while an unreadable value hides what happened).
pub fn seen_elsewhere(stored: &Decoded, session: &Session) -> Option<Status> {
    let (id, known) = session;
    match stored.drafts.iter().find(|d| d.id == *id) {
        Some(d) if d.revision != *known => Some(Status::Conflict(Box::new(d.clone()))),
        Some(_) => None,
        None if stored.writable() => Some(Status::DeletedElsewhere),
        None => None,
    }
}

/// Whether a save would write nothing new: this tab has a draft and the screening is as it last
/// saved or opened it (other tabs on the same draft are then not told it moved on). The worker's
/// choice to overwrite always saves.
pub fn unchanged(
    session: Option<&Session>,
    last: Option<&str>,
    json: &str,
    overwrite: bool,
) -> bool {
    !overwrite && session.is_some() && last == Some(json)
}

/// The stored drafts without the one with `id`.
pub fn without(stored: &Decoded, id: &str) -> Vec<Draft> {
    stored
        .drafts
        .iter()
        .filter(|d| d.id != id)
        .cloned()
        .collect()
}

/// What is kept of the unreadable entries once the worker deletes `problem`: `None` when the
/// problem is the whole stored value (the key is removed).
pub fn kept_without(stored: &Decoded, problem: &Problem) -> Option<Vec<String>> {
    (!problem.is_whole_file()).then(|| {
        stored
            .kept_raw()
            .into_iter()
            .filter(|r| *r != problem.raw)
            .collect()
    })
}

#[cfg(test)]
#[path = "saving_tests.rs"]
mod tests;
