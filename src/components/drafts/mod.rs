//! Drafts on this computer, from the worker's side: the opt-in checkbox (`opt_in`), the
//! saved-drafts list with Resume and Delete, problems found at start-up and "Delete all data"
//! (`list`, `opening`), the "Draft saved at" status and save problems on every page (`status`),
//! and the saving behind them (`state`, `store`, `session`). The file format is in `crate::draft`, the
//! rules of what a save writes and when it stops in `crate::saving`, storage calls in
//! `crate::storage`.
//!
//! Saving is read-modify-write: the screening is locked (encrypted with the key from the
//! worker's passphrase, `crate::crypto`), then the stored file is read, this tab's draft is
//! checked against the revision this tab last saw (another tab may have saved since), and
//! written back with the revision moved on. Nothing is ever overwritten silently. Locking is
//! asynchronous: one save runs at a time, and a change made meanwhile is saved after it.
//!
//! A change is saved [`SAVE_AFTER`] after the last one, so typing a note saves once, not on
//! every key; and at once on a page change, on `pagehide` and when the tab is hidden, so that
//! leaving keeps what was typed.
//!
//! The passphrase is chosen when the worker ticks the box (or when a draft saved in the clear by
//! an earlier version is opened), and typed again to open a draft. It is never stored; the key
//! made from it is kept in memory for this tab's saves.
mod list;
mod opening;
mod opt_in;
mod session;
mod state;
mod status;
mod store;

pub use list::SavedDrafts;
pub use opt_in::DraftOptIn;
pub use state::{provide, use_drafts, Drafts, Status, SAVE_AFTER};
pub use status::DraftStatus;
