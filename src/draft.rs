//! Drafts saved on this computer: the file format, its decoder and encoder. Plain Rust with no
//! browser calls, so every rule here is tested natively; `storage.rs` moves the text in and out
//! of the browser.
//!
//! All drafts live under ONE localStorage key, [`KEY`], as one JSON document:
//!
//! ```json
//! { "format": 3,
//!   "drafts": [ { "id": "…", "shown_reference": "",
//!                 "saved_at": "2025-03-04T14:32:00+00:00", "expires_at": "2025-03-04T22:32:00+00:00",
//!                 "definition_id": "dva-screen", "definition_version": "1.0.0", "revision": 7,
//!                 "sealed": "600000.<salt>.<nonce>.<ciphertext>" } ] }
//! ```
//!
//! The screening (answers, notes, the client reference, the worker's name) is only ever stored
//! inside `data`: AES-GCM ciphertext under a key from the worker's passphrase (`crate::crypto`),
//! base64 like the salt and the nonce. In the clear are only the times, the questionnaire
//! version, the revision and `shown_reference`, which is empty unless the worker chose to show
//! the client reference in the list of saved drafts.
//!
//! Format history (bump [`FORMAT`] and add a migration for every change of shape):
//! - **Format 1**, the earlier single-draft shape:
//!   `{ "version": 1, "saved_at", "client_reference", "screening" }`. It had no id, no expiry,
//!   no revision and no questionnaire version. It is migrated on reading: id `v1-<saved_at>`,
//!   expiry `saved_at` + the lifetime, revision 1, and an EMPTY definition id and version,
//!   meaning "unknown" (the screens then say it came from another questionnaire version;
//!   answers that no longer fit are treated as not yet answered by the core).
//! - **Format 2**: several drafts, each with an expiry and a revision that lets two tabs notice
//!   each other's saves, but in the clear: `{ "id", "client_reference", "saved_at",
//!   "expires_at", "definition_id", "definition_version", "revision", "screening" }`. Migrated on
//!   reading as they are: a format 2 entry is a format 3 entry with `screening` in the clear and no
//!   `sealed` (its `client_reference` is dropped). Such a plain draft is listed by time only,
//!   opened once more without a passphrase and locked with one straight away, or deleted.
//! - **Format 3**, the current shape above: each draft locked with its own passphrase.
//!
//! The decoder never panics and never silently discards anything: whatever it cannot use comes
//! back as a [`Problem`] carrying the exact raw text, for the worker to download or delete.
use chrono::{DateTime, Duration, FixedOffset};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::base64::{from_base64, to_base64};
use crate::state::Screening;

/// The one localStorage key the app writes. Everything under the `dva-screen.` prefix is the
/// app's ("delete all data" removes every key with that prefix).
pub const KEY: &str = "dva-screen.drafts";
/// The prefix of every key the app owns.
pub const KEY_PREFIX: &str = "dva-screen.";
/// The format this build writes.
pub const FORMAT: u64 = 3;

/// One saved screening.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub id: String,
    /// What the saved-drafts list shows besides the times: the client reference if the worker
    /// chose to show it there, otherwise empty (the default).
    #[serde(default)]
    pub shown_reference: String,
    /// When it was last saved, with the browser's offset at the time.
    pub saved_at: DateTime<FixedOffset>,
    /// When it is deleted at start-up: the lifetime after the last save.
    pub expires_at: DateTime<FixedOffset>,
    /// The questionnaire it was made with; empty when unknown (migrated from format 1).
    pub definition_id: String,
    pub definition_version: String,
    /// Goes up by one on every save, in whichever tab saves; a tab that sees it move on without
    /// having saved knows another tab is editing the same draft.
    pub revision: u64,
    /// The screening, locked with the worker's passphrase: [`Seal`] as one line of text
    /// ([`Seal::to_text`]), which costs the wasm less than a nested object.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sealed: Option<String>,
    /// The screening in the clear, only in a draft an earlier version saved (formats 1 and 2):
    /// opened once more without a passphrase and locked with one straight away, or deleted.
    /// Two optional fields rather than an enum: format 2 entries then read as they are, and the
    /// wasm carries no enum deserialiser.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub screening: Option<Screening>,
}

/// The locked screening: PBKDF2 rounds and salt for the key, AES-GCM nonce and ciphertext (with
/// its tag). Stored as `rounds.salt.nonce.ciphertext`, the last three base64 (which has no `.`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Seal {
    pub iterations: u32,
    pub salt: Vec<u8>,
    pub iv: Vec<u8>,
    pub data: Vec<u8>,
}

impl Seal {
    pub fn to_text(&self) -> String {
        format!(
            "{}.{}.{}.{}",
            self.iterations,
            to_base64(&self.salt),
            to_base64(&self.iv),
            to_base64(&self.data)
        )
    }

    /// `None` for any text [`Seal::to_text`] did not make.
    pub fn parse(text: &str) -> Option<Seal> {
        let mut parts = text.split('.');
        let seal = Seal {
            iterations: parts.next()?.parse().ok()?,
            salt: from_base64(parts.next()?)?,
            iv: from_base64(parts.next()?)?,
            data: from_base64(parts.next()?)?,
        };
        parts.next().is_none().then_some(seal)
    }
}

impl Draft {
    pub fn is_expired(&self, now: DateTime<FixedOffset>) -> bool {
        self.expires_at <= now
    }
}

/// Why some stored text could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// Not JSON at all, or JSON of a shape this app never wrote.
    Corrupted,
    /// The text stops part-way (for example the disk or the quota filled during a write).
    Truncated,
    /// Written by a newer version of DVA Screen; this build must not rewrite it.
    NewerFormat(u64),
    /// One draft inside a readable file could not be read.
    UnreadableDraft,
}

/// Something stored that could not be used, with its exact text for download.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub kind: ProblemKind,
    /// The exact stored text: the whole value, or one draft's entry for [`ProblemKind::UnreadableDraft`].
    pub raw: String,
    /// The draft's client reference, when it could still be made out.
    pub client_reference: Option<String>,
}

impl Problem {
    /// Whether the problem is the whole stored value: then nothing may be written over it until
    /// the worker has chosen what to do.
    pub fn is_whole_file(&self) -> bool {
        self.kind != ProblemKind::UnreadableDraft
    }
}

/// The result of reading the stored text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Decoded {
    /// Usable drafts that have not expired, newest first.
    pub drafts: Vec<Draft>,
    /// How many expired drafts were left out (the caller writes the file back without them).
    pub expired: usize,
    /// Everything that could not be used.
    pub problems: Vec<Problem>,
    /// Whether the stored value was in format 1 and has been migrated (write it back to finish).
    pub migrated: bool,
}

impl Decoded {
    /// Whether the stored value can be rewritten without losing anything: false while a
    /// whole-file problem awaits the worker's decision.
    pub fn writable(&self) -> bool {
        !self.problems.iter().any(Problem::is_whole_file)
    }

    /// The raw text of the unreadable drafts inside a readable file, kept verbatim on rewrite.
    pub fn kept_raw(&self) -> Vec<String> {
        self.problems
            .iter()
            .filter(|p| !p.is_whole_file())
            .map(|p| p.raw.clone())
            .collect()
    }
}

/// The current shape, read loosely: each draft as raw JSON so that one bad entry spoils only itself.
#[derive(Deserialize)]
struct FileV2<'a> {
    #[serde(borrow)]
    drafts: Vec<&'a RawValue>,
}

/// Format 1: one draft, no id, no expiry.
#[derive(Deserialize)]
struct FileV1 {
    saved_at: DateTime<FixedOffset>,
    screening: Screening,
}

/// Reads the stored text. Never panics; see the module documentation.
pub fn decode(raw: &str, now: DateTime<FixedOffset>, lifetime: Duration) -> Decoded {
    let mut out = Decoded::default();
    let whole = |kind| Problem {
        kind,
        raw: raw.to_string(),
        client_reference: None,
    };
    // Syntax first (cheaply, without building a tree), to tell truncation from garbage.
    if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(raw) {
        {
            let kind = if e.is_eof() {
                ProblemKind::Truncated
            } else {
                ProblemKind::Corrupted
            };
            out.problems.push(whole(kind));
            return out;
        }
    };
    // Then the format marker. A marker that is not a whole number is a shape we never wrote.
    let Ok(Marker { format, version }) = serde_json::from_str::<Marker>(raw) else {
        out.problems.push(whole(ProblemKind::Corrupted));
        return out;
    };
    match (format, version) {
        (Some(format @ (2 | FORMAT)), _) => match serde_json::from_str::<FileV2>(raw) {
            Ok(file) => {
                out.migrated = format != FORMAT;
                for entry in file.drafts {
                    match serde_json::from_str::<Draft>(entry.get()) {
                        Ok(d) if d.sealed.is_none() && d.screening.is_none() => {
                            out.problems.push(Problem {
                                kind: ProblemKind::UnreadableDraft,
                                raw: entry.get().to_string(),
                                client_reference: client_reference_of(entry.get()),
                            })
                        }
                        Ok(d) if d.is_expired(now) => out.expired += 1,
                        Ok(d) => out.drafts.push(d),
                        Err(_) => out.problems.push(Problem {
                            kind: ProblemKind::UnreadableDraft,
                            raw: entry.get().to_string(),
                            client_reference: client_reference_of(entry.get()),
                        }),
                    }
                }
            }
            Err(_) => out.problems.push(whole(ProblemKind::Corrupted)),
        },
        (Some(newer), _) if newer > FORMAT => {
            out.problems.push(whole(ProblemKind::NewerFormat(newer)))
        }
        (None, Some(1)) => match serde_json::from_str::<FileV1>(raw) {
            Ok(v1) => {
                let draft = migrate_v1(v1, lifetime);
                out.migrated = true;
                if draft.is_expired(now) {
                    out.expired += 1;
                } else {
                    out.drafts.push(draft);
                }
            }
            Err(_) => out.problems.push(Problem {
                client_reference: client_reference_of(raw),
                ..whole(ProblemKind::Corrupted)
            }),
        },
        (None, Some(newer)) if newer > 1 => {
            out.problems.push(whole(ProblemKind::NewerFormat(newer)))
        }
        _ => out.problems.push(whole(ProblemKind::Corrupted)),
    }
    out.drafts.sort_by_key(|d| std::cmp::Reverse(d.saved_at));
    out
}

fn migrate_v1(v1: FileV1, lifetime: Duration) -> Draft {
    Draft {
        id: format!("v1-{}", v1.saved_at.timestamp_millis()),
        shown_reference: String::new(),
        saved_at: v1.saved_at,
        expires_at: v1
            .saved_at
            .checked_add_signed(lifetime)
            .unwrap_or(v1.saved_at),
        definition_id: String::new(),
        definition_version: String::new(),
        revision: 1,
        sealed: None,
        screening: Some(v1.screening),
    }
}

/// The `client_reference` of a JSON object, if it has a string one: lets a problem say whose
/// draft it was.
fn client_reference_of(raw: &str) -> Option<String> {
    #[derive(Deserialize)]
    struct Reference {
        client_reference: Option<String>,
    }
    serde_json::from_str::<Reference>(raw)
        .ok()?
        .client_reference
}

/// The format marker of the stored value: `format` (2 and later) or `version` (format 1).
/// Typed structs rather than `serde_json::Value` keep the wasm small.
#[derive(Deserialize)]
struct Marker {
    format: Option<u64>,
    version: Option<u64>,
}

/// Writes the drafts, plus the verbatim text of any unreadable entries, in the current format.
pub fn encode(drafts: &[Draft], kept_raw: &[String]) -> String {
    let mut entries: Vec<Box<RawValue>> = Vec::with_capacity(drafts.len() + kept_raw.len());
    for d in drafts {
        if let Ok(raw) = serde_json::value::to_raw_value(d) {
            entries.push(raw);
        }
    }
    for raw in kept_raw {
        // Kept only if it is still JSON (it was when it was read).
        if let Ok(raw) = RawValue::from_string(raw.clone()) {
            entries.push(raw);
        }
    }
    #[derive(Serialize)]
    struct Out {
        format: u64,
        drafts: Vec<Box<RawValue>>,
    }
    serde_json::to_string(&Out {
        format: FORMAT,
        drafts: entries,
    })
    .unwrap_or_default()
}

/// The stored drafts with `draft` put in place of the one with its id (or added).
pub fn upsert(mut drafts: Vec<Draft>, draft: Draft) -> Vec<Draft> {
    match drafts.iter_mut().find(|d| d.id == draft.id) {
        Some(slot) => *slot = draft,
        None => drafts.insert(0, draft),
    }
    drafts
}

/// A draft's record of a locked screening, saved `now`.
pub fn stamp(
    id: &str,
    sealed: Seal,
    shown_reference: &str,
    revision: u64,
    now: DateTime<FixedOffset>,
    lifetime: Duration,
    def: (&str, &str),
) -> Draft {
    Draft {
        id: id.to_string(),
        shown_reference: shown_reference.to_string(),
        saved_at: now,
        expires_at: now.checked_add_signed(lifetime).unwrap_or(now),
        definition_id: def.0.to_string(),
        definition_version: def.1.to_string(),
        revision,
        sealed: Some(sealed.to_text()),
        screening: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dva_core::{Answer, Source};
    use proptest::prelude::*;

    const DEF: (&str, &str) = ("dva-screen", "1.0.0");

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }
    fn hours(h: i64) -> Duration {
        Duration::hours(h)
    }
    fn screening(reference: &str) -> Screening {
        let def = dva_core::builtin().unwrap();
        let mut s = Screening {
            client_reference: reference.into(),
            worker: "Sam <b>Worker</b>".into(),
            ..Screening::default()
        };
        s.answers
            .set(
                &def,
                "set.alone",
                Answer::YesNo(dva_core::YesNo::Yes),
                Source::Worker,
            )
            .unwrap();
        s
    }
    fn draft(id: &str, reference: &str, saved: &str) -> Draft {
        let sealed = Seal {
            iterations: 600_000,
            salt: reference.as_bytes().to_vec(),
            iv: b"123456789012".to_vec(),
            data: id.as_bytes().to_vec(),
        };
        stamp(id, sealed, "", 1, at(saved), hours(8), DEF)
    }
    const NOW: &str = "2025-03-04T15:00:00+00:00";

    #[test]
    fn drafts_round_trip_newest_first() {
        let a = draft("a", "AB12", "2025-03-04T09:00:00+00:00");
        let b = draft("b", "CD34", "2025-03-04T14:00:00+01:00");
        let raw = encode(&[a.clone(), b.clone()], &[]);
        let decoded = decode(&raw, at(NOW), hours(8));
        assert_eq!(decoded.drafts, vec![b, a]);
        assert!(decoded.problems.is_empty() && decoded.writable());
        assert_eq!(decoded.expired, 0);
    }

    #[test]
    fn expired_drafts_are_counted_and_left_out() {
        let old = draft("old", "AB12", "2025-03-04T06:59:00+00:00");
        let fresh = draft("new", "CD34", "2025-03-04T07:01:00+00:00");
        let decoded = decode(&encode(&[old, fresh.clone()], &[]), at(NOW), hours(8));
        assert_eq!(decoded.drafts, vec![fresh]);
        assert_eq!(decoded.expired, 1);
    }

    #[test]
    fn hostile_text_survives_verbatim() {
        let mut s = screening("<script>alert(1)</script> \"q\" 'q' \u{202e}مرحبا 👩‍👧");
        s.worker = "x".repeat(100_000);
        let mut d = draft("h", "AB12", NOW);
        d.shown_reference = s.client_reference.clone();
        d.sealed = None;
        d.screening = Some(s);
        let decoded = decode(&encode(std::slice::from_ref(&d), &[]), at(NOW), hours(8));
        assert_eq!(decoded.drafts, vec![d]);
    }

    #[test]
    fn garbage_and_truncation_are_problems_with_the_exact_text() {
        let good = encode(&[draft("a", "AB12", NOW)], &[]);
        let truncated = &good[..good.len() / 2];
        let d = decode(truncated, at(NOW), hours(8));
        assert_eq!(d.problems[0].kind, ProblemKind::Truncated);
        assert_eq!(d.problems[0].raw, truncated);
        assert!(!d.writable());
        for garbage in ["<html>", "null", "[]", "42", "{}", "{\"format\":\"2\"}"] {
            let d = decode(garbage, at(NOW), hours(8));
            assert_eq!(d.problems[0].kind, ProblemKind::Corrupted, "{garbage}");
            assert_eq!(d.problems[0].raw, garbage);
            assert!(d.drafts.is_empty() && !d.writable());
        }
    }

    #[test]
    fn a_newer_format_is_kept_untouched() {
        let raw = r#"{"format":4,"drafts":[],"shiny":true}"#;
        let d = decode(raw, at(NOW), hours(8));
        assert_eq!(d.problems[0].kind, ProblemKind::NewerFormat(4));
        assert_eq!(d.problems[0].raw, raw);
        assert!(!d.writable());
    }

    #[test]
    fn one_bad_draft_spoils_only_itself_and_is_kept_verbatim() {
        let good = draft("a", "AB12", NOW);
        let bad = r#"{"id":"b","client_reference":"EF56","screening":{"answers":7}}"#;
        let raw = format!(
            r#"{{"format":3,"drafts":[{},{bad}]}}"#,
            serde_json::to_string(&good).unwrap()
        );
        let d = decode(&raw, at(NOW), hours(8));
        assert_eq!(d.drafts, vec![good.clone()]);
        assert_eq!(d.problems.len(), 1);
        assert_eq!(d.problems[0].kind, ProblemKind::UnreadableDraft);
        assert_eq!(d.problems[0].raw, bad);
        assert_eq!(d.problems[0].client_reference.as_deref(), Some("EF56"));
        assert!(d.writable());
        // Rewriting keeps the bad entry exactly as it was.
        let again = decode(&encode(&d.drafts, &d.kept_raw()), at(NOW), hours(8));
        assert_eq!(again.problems, d.problems);
        assert_eq!(again.drafts, vec![good]);
    }

    #[test]
    fn format_1_is_migrated() {
        let s = screening("AB12");
        let raw = serde_json::json!({
            "version": 1,
            "saved_at": "2025-03-04T14:00:00+00:00",
            "client_reference": "AB12",
            "screening": s,
        })
        .to_string();
        let d = decode(&raw, at(NOW), hours(8));
        assert!(d.migrated && d.problems.is_empty());
        let m = &d.drafts[0];
        assert_eq!((m.screening.as_ref(), m.sealed.as_ref()), (Some(&s), None));
        // Not shown in the list: the worker never chose to show it.
        assert_eq!(m.shown_reference, "");
        assert_eq!(m.expires_at, at("2025-03-04T22:00:00+00:00"));
        assert_eq!(m.definition_version, "");
        assert!(m.id.starts_with("v1-"));
        // An old format 1 draft past its lifetime is expired like any other.
        let later = decode(&raw, at("2025-03-05T09:00:00+00:00"), hours(8));
        assert_eq!((later.drafts.len(), later.expired), (0, 1));
    }

    #[test]
    fn format_2_drafts_are_migrated_as_plain_and_listed_without_their_reference() {
        let s = screening("AB12");
        let raw = serde_json::json!({
            "format": 2,
            "drafts": [{
                "id": "x", "client_reference": "AB12",
                "saved_at": "2025-03-04T14:00:00+00:00", "expires_at": "2025-03-04T22:00:00+00:00",
                "definition_id": "dva-screen", "definition_version": "1.0.0",
                "revision": 4, "screening": s,
            }],
        })
        .to_string();
        let d = decode(&raw, at(NOW), hours(8));
        assert!(d.migrated && d.problems.is_empty());
        assert_eq!(d.drafts[0].screening.as_ref(), Some(&s));
        assert_eq!(
            (d.drafts[0].revision, d.drafts[0].shown_reference.as_str()),
            (4, "")
        );
        // Written back in the current format, still plain until its next save.
        let again = decode(&encode(&d.drafts, &[]), at(NOW), hours(8));
        assert_eq!(again.drafts, d.drafts);
        assert!(!again.migrated);
    }

    #[test]
    fn a_sealed_draft_holds_nothing_of_the_screening_in_the_clear() {
        let d = draft("a", "AB12", NOW);
        let raw = encode(std::slice::from_ref(&d), &[]);
        assert!(!raw.contains("AB12") && !raw.contains("Worker") && !raw.contains("screening"));
        // An entry with neither a locked nor a plain screening is a problem, kept verbatim.
        let empty = r#"{"format":3,"drafts":[{"id":"e","saved_at":"2025-03-04T14:00:00+00:00","expires_at":"2025-03-04T22:00:00+00:00","definition_id":"","definition_version":"","revision":1}]}"#;
        let d = decode(empty, at(NOW), hours(8));
        assert_eq!(d.problems[0].kind, ProblemKind::UnreadableDraft);
    }

    #[test]
    fn a_seal_reads_back_and_nothing_else_reads_as_one() {
        let seal = Seal {
            iterations: 600_000,
            salt: vec![1; 16],
            iv: vec![2; 12],
            data: vec![3, 4, 5],
        };
        assert_eq!(Seal::parse(&seal.to_text()), Some(seal.clone()));
        for bad in [
            "",
            "600000",
            "x.AQ==.Ag==.Aw==",
            "1.AQ==.Ag==",
            "1.AQ==.Ag==.Aw==.Aw==",
            "1.A*==.Ag==.Aw==",
        ] {
            assert_eq!(Seal::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn base64_matches_rfc_4648() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(to_base64(plain.as_bytes()), coded);
            assert_eq!(from_base64(coded).as_deref(), Some(plain.as_bytes()));
        }
        for bad in ["Zg=", "Z===", "Zg==Zg==", "Zm9*", "=Zm9"] {
            assert_eq!(from_base64(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_draft_for_another_questionnaire_version_is_kept() {
        let mut d = draft("a", "AB12", NOW);
        d.definition_version = "0.9.0".into();
        let decoded = decode(&encode(std::slice::from_ref(&d), &[]), at(NOW), hours(8));
        assert_eq!(decoded.drafts, vec![d]);
    }

    #[test]
    fn upsert_replaces_by_id_or_adds_first() {
        let a = draft("a", "AB12", NOW);
        let b = draft("b", "CD34", NOW);
        let mut a2 = a.clone();
        a2.revision = 2;
        assert_eq!(
            upsert(vec![a.clone(), b.clone()], a2.clone()),
            vec![a2, b.clone()]
        );
        assert_eq!(upsert(vec![a.clone()], b.clone()), vec![b, a]);
    }

    proptest! {
        #[test]
        fn base64_round_trips(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            prop_assert_eq!(from_base64(&to_base64(&bytes)), Some(bytes));
        }

        #[test]
        fn decode_never_panics_on_any_string(s in ".*") {
            let _ = decode(&s, at(NOW), hours(8));
        }

        #[test]
        fn decode_never_panics_on_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            let s = String::from_utf8_lossy(&bytes);
            let _ = decode(&s, at(NOW), hours(8));
        }

        #[test]
        fn decode_never_panics_on_mutated_drafts(
            cut in 0usize..2000,
            at_byte in 0usize..2000,
            insert in ".{0,8}",
        ) {
            let good = encode(&[draft("a", "AB12", NOW), draft("b", "CD34", NOW)], &[]);
            let mut chars: Vec<char> = good.chars().collect();
            let pos = at_byte % (chars.len() + 1);
            chars.splice(pos..pos, insert.chars());
            let mutated: String = chars.iter().take(chars.len().saturating_sub(cut % 50)).collect();
            let d = decode(&mutated, at(NOW), hours(8));
            // Nothing silently lost: every draft is either usable or a problem, or the whole
            // text is a problem.
            prop_assert!(!d.drafts.is_empty() || !d.problems.is_empty() || d.expired > 0);
        }
    }
}
