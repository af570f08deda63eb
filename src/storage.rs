//! The only code that touches the browser's storage. Raw `web_sys::Storage` rather than
//! gloo-storage: gloo's `LocalStorage::raw()` throws when `window.localStorage` itself throws
//! (storage blocked, some private windows, sandboxed iframes), and it does not let us tell a
//! full store from a blocked one. Here every failure comes back as a typed [`StorageError`]
//! built from the exact DOMException name.
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

fn classify(error: &JsValue) -> StorageError {
    match name_of(error).as_str() {
        // Firefox's legacy name for the same thing.
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StorageError::Full,
        "SecurityError" | "InvalidAccessError" => StorageError::Unavailable,
        other => StorageError::Other(other.to_string()),
    }
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

/// The stored drafts text, if any.
pub fn read() -> Result<Option<String>, StorageError> {
    local()?.get_item(KEY).map_err(|e| classify(&e))
}

/// Replaces the stored drafts text.
pub fn write(raw: &str) -> Result<(), StorageError> {
    local()?.set_item(KEY, raw).map_err(|e| classify(&e))
}

/// Removes the drafts key.
pub fn remove() -> Result<(), StorageError> {
    local()?.remove_item(KEY).map_err(|e| classify(&e))
}

/// Removes every key the app owns (the `dva-screen.` prefix) from local and session storage,
/// leaving other apps on the same origin alone. Returns how many keys were removed.
pub fn delete_all() -> Result<usize, StorageError> {
    let mut removed = 0;
    let window = web_sys::window().ok_or(StorageError::Unavailable)?;
    let stores = [local().ok(), window.session_storage().ok().flatten()];
    for store in stores.into_iter().flatten() {
        let len = store.length().map_err(|e| classify(&e))?;
        let keys: Vec<String> = (0..len)
            .filter_map(|i| store.key(i).ok().flatten())
            .filter(|k| k.starts_with(KEY_PREFIX))
            .collect();
        for key in keys {
            store.remove_item(&key).map_err(|e| classify(&e))?;
            removed += 1;
        }
    }
    Ok(removed)
}
