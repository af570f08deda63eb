//! This tab's draft session: starting to save with a new passphrase, stopping, opening a saved
//! draft (locked, or saved in the clear by an earlier version) and taking another tab's version.
use leptos::prelude::*;

use super::state::{lock, now, set_lock, Drafts, Lock, Status};
use crate::crypto::{self, CryptoError};
use crate::draft::{Draft, Seal};
use crate::nav;
use crate::route::Route;
use crate::state::{Ctx, Screening};
use crate::storage::StorageError;

/// An opened draft's screening. Through `from_str`, as everywhere else: `from_slice` would add a
/// second copy of the screening's whole deserialiser to the wasm.
fn screening_from(plain: Vec<u8>) -> Option<Screening> {
    serde_json::from_str(&String::from_utf8(plain).ok()?).ok()
}

/// A fresh id: the time and a random part, enough to tell drafts on one computer apart.
pub(super) fn new_id() -> String {
    format!(
        "{:x}-{:x}",
        js_sys::Date::now() as u64,
        (js_sys::Math::random() * 1e12) as u64
    )
}

impl Drafts {
    /// Stops saving and forgets the key (the draft stays stored).
    pub(super) fn forget(&self) {
        self.on.set(false);
        self.choosing.set(false);
        self.session.set_value(None);
        set_lock(None);
        self.last.set_value(None);
        self.generation.update_value(|g| *g += 1);
        if let Some(timer) = self.timer.get_value() {
            timer.clear();
            self.timer.set_value(None);
        }
        if self.pending.get_untracked() {
            self.pending.set(false);
        }
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
    pub(super) fn start_again(&self, ctx: Ctx) {
        self.session.set_value(None);
        self.last.set_value(None);
        self.on.set(true);
        self.save(ctx, false);
    }

    /// Stops saving and deletes this screening's draft, if there is one: when the worker unticks
    /// the box, and for "postpone" and "start again", which promise that nothing of the
    /// screening is kept. (Quick exit keeps drafts.)
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
    pub(super) fn load_theirs(&self, ctx: Ctx, theirs: Draft) {
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
}
