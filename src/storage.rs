//! The only code that touches the browser's storage. Reads, writes and deletes go through
//! gloo-storage, but only after `local()` has checked with web-sys that storage can be reached:
//! gloo's `LocalStorage::raw()` throws (an uncatchable abort in wasm) when `window.localStorage`
//! itself throws, as it does when storage is blocked, in some private windows and in sandboxed
//! iframes. Every failure comes back as a typed [`StorageError`] built from the exact
//! DOMException name, so a full store is told apart from a blocked one.
use gloo_storage::{LocalStorage, SessionStorage, Storage};
use serde_json::value::RawValue;
use wasm_bindgen::JsValue;

use crate::draft::{KEY, KEY_PREFIX};

/// Why the browser would not store or read something.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser is not letting the app store anything (`SecurityError`, storage switched
    /// off, a private window or a blocked iframe).
    Unavailable,
    /// The store is full (`QuotaExceededError`).
    Full,
    /// Anything else, by its DOMException name.
    Other(String),
}

/// The error's DOMException name (`"QuotaExceededError"`, `"SecurityError"`, …), if it has one.
fn name_of(error: &JsValue) -> String {
    js_sys::Reflect::get(error, &JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default()
}

fn by_name(name: &str) -> StorageError {
    match name {
        // Firefox's legacy name for the same thing.
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StorageError::Full,
        "SecurityError" | "InvalidAccessError" => StorageError::Unavailable,
        other => StorageError::Other(other.to_string()),
    }
}

fn classify(error: &JsValue) -> StorageError {
    by_name(&name_of(error))
}

fn local() -> Result<web_sys::Storage, StorageError> {
    let window = web_sys::window().ok_or(StorageError::Unavailable)?;
    // `window.localStorage` itself throws when storage is blocked, and is null when switched off.
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err(StorageError::Unavailable),
        Err(e) => Err(match classify(&e) {
            StorageError::Other(_) => StorageError::Unavailable,
            known => known,
        }),
    }
}

/// Whether the app may store anything at all.
pub fn check() -> Result<(), StorageError> {
    local().map(|_| ())
}

/// gloo's error for a failed write: a DOMException keeps its name.
fn from_gloo(error: gloo_storage::errors::StorageError) -> StorageError {
    match error {
        gloo_storage::errors::StorageError::JsError(e) => by_name(&e.name),
        other => StorageError::Other(other.to_string()),
    }
}

/// The stored drafts text, if any. Read raw rather than with `LocalStorage::get`, so that a
/// damaged draft's text can still be offered as a download.
pub fn read() -> Result<Option<String>, StorageError> {
    local()?;
    LocalStorage::raw().get_item(KEY).map_err(|e| classify(&e))
}

/// Replaces the stored drafts text, which must be JSON (as `draft::encode` makes it).
pub fn write(raw: &str) -> Result<(), StorageError> {
    local()?;
    // A `RawValue` is stored byte for byte, not wrapped in a second layer of JSON quoting.
    let value = RawValue::from_string(raw.to_owned())
        .map_err(|e| StorageError::Other(format!("not JSON: {e}")))?;
    LocalStorage::set(KEY, value).map_err(from_gloo)
}

/// Removes the drafts key.
pub fn remove() -> Result<(), StorageError> {
    local()?;
    LocalStorage::delete(KEY);
    Ok(())
}

/// Removes every key the app owns (the `dva-screen.` prefix) from local and session storage,
/// leaving other apps on the same origin alone. Returns how many keys were removed.
pub fn delete_all() -> Result<usize, StorageError> {
    local()?;
    let mut removed = remove_ours(&LocalStorage::raw())?;
    // Session storage is probed the same way before gloo touches it.
    let window = web_sys::window().ok_or(StorageError::Unavailable)?;
    if let Ok(Some(_)) = window.session_storage() {
        removed += remove_ours(&SessionStorage::raw())?;
    }
    Ok(removed)
}

fn remove_ours(store: &web_sys::Storage) -> Result<usize, StorageError> {
    let len = store.length().map_err(|e| classify(&e))?;
    let keys: Vec<String> = (0..len)
        .filter_map(|i| store.key(i).ok().flatten())
        .filter(|k| k.starts_with(KEY_PREFIX))
        .collect();
    for key in &keys {
        store.remove_item(key).map_err(|e| classify(&e))?;
    }
    Ok(keys.len())
}
