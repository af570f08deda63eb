//! Drafts locked with a passphrase, through the browser's own WebCrypto (web-sys; no JavaScript
//! dependency): a key from PBKDF2-SHA-256 over the passphrase with the draft's own random salt
//! and [`ITERATIONS`] rounds, then AES-256-GCM with a fresh random 12-byte nonce on every save.
//! GCM's tag makes a wrong passphrase (or altered text) fail to open rather than open as garbage.
//!
//! The key is derived once, when the worker chooses the passphrase or opens the draft, and kept
//! in memory only (not extractable) for the saves that follow; the passphrase itself is not kept.
use js_sys::{Object, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// PBKDF2 rounds: OWASP's figure for PBKDF2-HMAC-SHA-256 (2023). About a third of a second on
/// an office PC, once per opening; every guess costs an attacker the same.
pub const ITERATIONS: u32 = 600_000;
/// Salt length in bytes (random, per draft).
pub const SALT_LEN: usize = 16;
/// AES-GCM nonce length in bytes (random, per save).
pub const IV_LEN: usize = 12;

/// Why a draft could not be locked or opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CryptoError {
    /// The passphrase does not open this draft (or its text was altered).
    WrongPassphrase,
    /// The browser offers no WebCrypto here (for example an insecure context).
    Unavailable,
}

/// The browser's SubtleCrypto. Outside a secure context (http other than localhost) it is
/// undefined, and the first call on it throws: that comes back as [`CryptoError::Unavailable`].
fn subtle() -> Result<web_sys::SubtleCrypto, CryptoError> {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.subtle())
        .ok_or(CryptoError::Unavailable)
}

/// Whether drafts can be locked here at all: WebCrypto's SubtleCrypto exists only on a secure
/// page (https, or the computer itself). Asked once, before offering drafts, so that the worker is
/// told at once rather than after choosing a passphrase.
pub fn available() -> bool {
    web_sys::window().is_some_and(|w| {
        w.is_secure_context()
            && w.crypto().is_ok_and(|c| {
                js_sys::Reflect::get(&c, &"subtle".into()).is_ok_and(|s| s.is_object())
            })
    })
}

/// `n` random bytes from the browser's cryptographic generator.
pub fn random_bytes(n: usize) -> Result<Vec<u8>, CryptoError> {
    let crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or(CryptoError::Unavailable)?;
    let mut bytes = vec![0u8; n];
    crypto
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(|_| CryptoError::Unavailable)?;
    Ok(bytes)
}

async fn wait(promise: Result<js_sys::Promise, JsValue>) -> Result<JsValue, JsValue> {
    JsFuture::from(promise?).await
}

fn usages(list: &[&str]) -> JsValue {
    list.iter()
        .map(|u| JsValue::from_str(u))
        .collect::<js_sys::Array>()
        .into()
}

/// The AES-GCM key for `passphrase` and `salt` (slow on purpose: [`ITERATIONS`] rounds).
pub async fn derive_key(
    passphrase: &str,
    salt: &[u8],
    iterations: u32,
) -> Result<web_sys::CryptoKey, CryptoError> {
    let subtle = subtle()?;
    let raw = Uint8Array::from(passphrase.as_bytes());
    let base =
        wait(subtle.import_key_with_str("raw", &raw, "PBKDF2", false, &usages(&["deriveKey"])))
            .await
            .map_err(|_| CryptoError::Unavailable)?;
    let params = web_sys::Pbkdf2Params::new_with_str(
        "PBKDF2",
        "SHA-256",
        iterations,
        &Uint8Array::from(salt),
    );
    let aes = web_sys::AesDerivedKeyParams::new("AES-GCM", 256);
    let key = wait(subtle.derive_key_with_object_and_object(
        &params,
        base.unchecked_ref(),
        &aes,
        false,
        &usages(&["encrypt", "decrypt"]),
    ))
    .await
    .map_err(|_| CryptoError::Unavailable)?;
    Ok(key.unchecked_into())
}

fn gcm(iv: &[u8]) -> Object {
    web_sys::AesGcmParams::new_with_u8_array("AES-GCM", &Uint8Array::from(iv)).into()
}

/// Encrypts `plain` with `key` under a fresh nonce: (nonce, ciphertext with its tag).
pub async fn seal(
    key: &web_sys::CryptoKey,
    plain: &[u8],
) -> Result<(Vec<u8>, Vec<u8>), CryptoError> {
    let subtle = subtle()?;
    let iv = random_bytes(IV_LEN)?;
    let out = wait(subtle.encrypt_with_object_and_u8_array(&gcm(&iv), key, plain))
        .await
        .map_err(|_| CryptoError::Unavailable)?;
    Ok((iv, Uint8Array::new(&out).to_vec()))
}

/// Decrypts what [`seal`] made. A wrong key fails GCM's check: [`CryptoError::WrongPassphrase`].
pub async fn open(
    key: &web_sys::CryptoKey,
    iv: &[u8],
    sealed: &[u8],
) -> Result<Vec<u8>, CryptoError> {
    let subtle = subtle()?;
    let out = wait(subtle.decrypt_with_object_and_u8_array(&gcm(iv), key, sealed))
        .await
        .map_err(|_| CryptoError::WrongPassphrase)?;
    Ok(Uint8Array::new(&out).to_vec())
}
