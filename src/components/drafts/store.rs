//! Saving and deleting: when a save runs, locking it, and writing what `crate::saving` plans.
use leptos::prelude::*;

use super::state::{decode, lock, now, write_file, Drafts, Status, SAVE_AFTER};
use crate::crypto;
use crate::draft::{self, Decoded, Problem, Seal};
use crate::saving;
use crate::state::Ctx;
use crate::storage::{self, StorageError};

impl Drafts {
    /// Reads the store at start-up. Expired drafts go now; a format 1 draft is rewritten in the
    /// current format. Never while a whole-file problem is waiting for the worker's decision.
    pub(super) fn read_at_start(&self) {
        match storage::read() {
            Err(e) => self.unavailable.set(Some(e)),
            Ok(None) => {}
            Ok(Some(raw)) => {
                let decoded = decode(&raw);
                if (decoded.expired > 0 || decoded.migrated) && decoded.writable() {
                    let _ = write_file(&decoded.drafts, &decoded.kept_raw());
                }
                self.expired_at_start.set(decoded.expired);
                self.stored.set(decoded);
            }
        }
    }

    /// Re-reads the store into `stored`.
    pub(super) fn reload(&self) {
        match storage::read() {
            Ok(raw) => self.stored.set(raw.map(|r| decode(&r)).unwrap_or_default()),
            Err(e) => self.unavailable.set(Some(e)),
        }
    }

    /// After another tab wrote: has our draft moved on or gone?
    pub(super) fn check_other_tabs(&self) {
        let Some(session) = self.session.get_value() else {
            return;
        };
        if !self.on.get_untracked() {
            return;
        }
        if let Some(stop) = self
            .stored
            .with_untracked(|s| saving::seen_elsewhere(s, &session))
        {
            self.on.set(false);
            self.status.set(stop);
        }
    }

    /// Saves [`SAVE_AFTER`] the last change: each change puts the save off again.
    pub(super) fn save_soon(&self, ctx: Ctx) {
        if !self.pending.get_untracked() {
            self.pending.set(true);
        }
        if let Some(timer) = self.timer.get_value() {
            timer.clear();
        }
        let this = *self;
        let timer = set_timeout_with_handle(
            move || {
                this.timer.set_value(None);
                this.flush(ctx);
            },
            SAVE_AFTER,
        );
        self.timer.set_value(timer.ok());
    }

    /// Saves now what waits for a pause, if anything does (a page change, leaving the page).
    pub fn flush(&self, ctx: Ctx) {
        if let Some(timer) = self.timer.get_value() {
            timer.clear();
            self.timer.set_value(None);
        }
        if !self.pending.get_untracked() {
            return;
        }
        if self.on.get_untracked() {
            self.save(ctx, false);
        } else {
            self.settle();
        }
    }

    /// Nothing waits to be saved any more, unless a later change is already waiting.
    pub(super) fn settle(&self) {
        if self.timer.with_value(Option::is_none) && self.pending.get_untracked() {
            self.pending.set(false);
        }
    }

    /// Saves this tab's screening. `overwrite` saves even if another tab has saved since (the
    /// worker chose to keep this tab's version). Locks it first (asynchronously), then writes.
    pub fn save(&self, ctx: Ctx, overwrite: bool) {
        let Some(lock) = lock() else {
            return self.settle();
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
        let session = self.session.get_value();
        let last = self.last.get_value();
        if saving::unchanged(session.as_ref(), last.as_deref(), &json, overwrite) {
            return self.settle();
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
            match this.again.get_value() {
                Some(overwrite) => {
                    this.again.set_value(None);
                    this.save(ctx, overwrite);
                }
                None => this.settle(),
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
        let at = now();
        let stamp = |id: &str, revision| {
            let def = (ctx.def.id(), ctx.def.version());
            draft::stamp(
                id,
                sealed,
                shown,
                revision,
                at,
                super::state::lifetime(),
                def,
            )
        };
        let session = self.session.get_value();
        match saving::plan(&stored, session, super::session::new_id, overwrite, stamp) {
            Ok(write) => match write_file(&write.drafts, &stored.kept_raw()) {
                Ok(()) => {
                    self.session.set_value(Some(write.session));
                    self.last.set_value(Some(saved));
                    self.status.set(Status::Saved(at));
                    self.stored.set(Decoded {
                        drafts: write.drafts,
                        ..stored
                    });
                }
                Err(e) => self.failed(e),
            },
            Err(stop) => {
                self.on.set(false);
                self.status.set(stop);
                self.stored.set(stored);
            }
        }
    }

    pub(super) fn failed(&self, e: StorageError) {
        // Keep `on`: once space is freed, the next change saves again.
        self.status.set(match e {
            StorageError::Full => Status::Full,
            _ => Status::Failed,
        });
    }

    /// Deletes one draft (by the worker's choice).
    pub fn delete(&self, id: &str) {
        self.reload();
        let stored = self.stored.get_untracked();
        if !stored.writable() {
            return;
        }
        if let Err(e) = write_file(&saving::without(&stored, id), &stored.kept_raw()) {
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
        let result = match saving::kept_without(&stored, problem) {
            None => storage::remove(),
            Some(kept) => write_file(&stored.drafts, &kept),
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
