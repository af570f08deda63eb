//! The words the core produces, looked up in a catalogue the caller supplies.
//!
//! The core does not know which languages exist. The shell parses one language's file
//! (`locales/<lang>.json`: flat keys, `{name}` placeholders) into a [`Catalogue`] and passes it
//! by reference to every function that produces words ([`crate::assess`], [`crate::recommend`],
//! [`crate::build`], labels such as [`crate::Level::label`]). The core's keys all start with
//! `core.` and are written out in full in the source, so a test can find every one and check
//! that every language file has it.
//!
//! Stable ids (level, action, reason, caveat and indicator ids) never come from here: they stay
//! the same in every language, so a receiving service's tooling does not depend on the words.
use std::collections::HashMap;

use chrono::{DateTime, Datelike, FixedOffset, Timelike};

/// One language's texts, keyed by flat keys such as `"core.level.high_risk"`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Catalogue(HashMap<String, String>);

impl Catalogue {
    /// Parses a catalogue file: one JSON object of string keys to string texts.
    pub fn parse(json: &str) -> Result<Catalogue, serde_json::Error> {
        serde_json::from_str(json).map(Catalogue)
    }

    /// The text for `key`. A missing key gives the key itself, so a gap is visible, never
    /// blank (and the catalogue tests make a missing key a test failure).
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        self.0.get(key).map_or(key, String::as_str)
    }

    /// The text for `key` with its `{name}` placeholders filled in (see [`fill`]).
    pub fn fill(&self, key: &str, args: &[(&str, &str)]) -> String {
        fill(self.get(key), args)
    }

    /// Whether the catalogue has a text for `key`.
    pub fn contains(&self, key: &str) -> bool {
        self.0.contains_key(key)
    }

    /// Every key and text, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }
}

/// Fills `{name}` placeholders in one pass, left to right. Values are inserted verbatim and
/// never scanned again, so free text that happens to contain `{name}` stays as typed. A
/// placeholder with no value is left as it is, so the gap is visible.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            args.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v, close))
        });
        match value {
            Some((v, close)) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Joins list items with the catalogue's separator (", " in English).
pub fn join_list(cat: &Catalogue, items: &[&str]) -> String {
    items.join(cat.get("core.list.separator"))
}

/// The month's name, 1 to 12. Other numbers give an empty string.
pub fn month_name(cat: &Catalogue, month: u32) -> &str {
    const MONTHS: [&str; 12] = [
        "core.month.1",
        "core.month.2",
        "core.month.3",
        "core.month.4",
        "core.month.5",
        "core.month.6",
        "core.month.7",
        "core.month.8",
        "core.month.9",
        "core.month.10",
        "core.month.11",
        "core.month.12",
    ];
    month
        .checked_sub(1)
        .and_then(|i| MONTHS.get(i as usize))
        .map_or("", |k| cat.get(k))
}

/// A date and time in its own offset, e.g. "25 November 2026, 14:30 (UTC+01:00)". Formatted by
/// hand from the catalogue: chrono's `format` would give English month names and costs tens of
/// KiB of wasm.
pub fn date_time(cat: &Catalogue, at: &DateTime<FixedOffset>) -> String {
    let offset = at.offset().local_minus_utc();
    let sign = if offset < 0 { '-' } else { '+' };
    let offset = offset.unsigned_abs() / 60;
    cat.fill(
        "core.date_time",
        &[
            ("day", &format!("{:02}", at.day())),
            ("month", month_name(cat, at.month())),
            ("year", &at.year().to_string()),
            ("time", &format!("{:02}:{:02}", at.hour(), at.minute())),
            (
                "offset",
                &format!("{sign}{:02}:{:02}", offset / 60, offset % 60),
            ),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cat(pairs: &[(&str, &str)]) -> Catalogue {
        Catalogue(
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
        )
    }

    #[test]
    fn fill_is_one_pass_and_keeps_values_verbatim() {
        assert_eq!(
            fill("{a} and {b}", &[("a", "{b}"), ("b", "x")]),
            "{b} and x"
        );
        assert_eq!(fill("{missing} {", &[("a", "1")]), "{missing} {");
        assert_eq!(fill("Zoë {n}}", &[("n", "2")]), "Zoë 2}");
        assert_eq!(fill("", &[]), "");
    }

    #[test]
    fn a_missing_key_shows_the_key() {
        let c = cat(&[("a", "A {n}")]);
        assert_eq!(c.get("a"), "A {n}");
        assert_eq!(c.get("core.nothing"), "core.nothing");
        assert_eq!(c.fill("a", &[("n", "1")]), "A 1");
    }

    #[test]
    fn dates_are_formatted_from_the_catalogue() {
        let c = cat(&[
            ("core.month.3", "March"),
            (
                "core.date_time",
                "{day} {month} {year}, {time} (UTC{offset})",
            ),
        ]);
        let at = FixedOffset::west_opt(5400)
            .and_then(|o| {
                use chrono::TimeZone;
                o.with_ymd_and_hms(2026, 3, 7, 9, 5, 0).single()
            })
            .expect("time");
        assert_eq!(date_time(&c, &at), "07 March 2026, 09:05 (UTC-01:30)");
        assert_eq!(month_name(&c, 0), "");
        assert_eq!(month_name(&c, 13), "");
    }
}
