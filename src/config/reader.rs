//! Reading one value at a time from the config's objects, collecting every problem.
use std::collections::BTreeMap;

use serde_json::value::RawValue;

use super::checks::did_you_mean;
use super::problem::{Expected, Problem, ProblemKind};

/// A JSON object with its values still as text: each is read as the type its key needs, so a
/// wrong type is a problem of that key alone, and no tree of the whole file is built.
pub(super) type Object<'t> = BTreeMap<String, &'t RawValue>;

/// Collects problems while reading one value at a time.
pub(super) struct Reader<'a> {
    pub(super) problems: &'a mut Vec<Problem>,
}

pub(super) fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

impl Reader<'_> {
    pub(super) fn push(&mut self, at: impl Into<String>, kind: ProblemKind) {
        self.problems.push(Problem::new(at, kind));
    }

    pub(super) fn unknown_keys(&mut self, parent: &str, map: &Object, known: &[&str]) {
        for key in map.keys().filter(|k| !known.contains(&k.as_str())) {
            let suggestion = did_you_mean(key, known).map(|s| join(parent, s));
            self.push(join(parent, key), ProblemKind::UnknownKey { suggestion });
        }
    }

    /// The value of `key` read by `read`, or `None` (a wrong type is a problem). `null` means
    /// "not set": the default stays, and that is no problem.
    pub(super) fn get<'t, T>(
        &mut self,
        map: &Object<'t>,
        parent: &str,
        key: &str,
        expected: Expected,
        read: impl FnOnce(&'t str) -> Option<T>,
    ) -> Option<T> {
        let raw = map.get(key).map(|v| v.get()).filter(|v| *v != "null")?;
        let value = read(raw);
        if value.is_none() {
            self.push(join(parent, key), ProblemKind::WrongType { expected });
        }
        value
    }

    pub(super) fn text(&mut self, map: &Object, parent: &str, key: &str) -> Option<String> {
        self.get(map, parent, key, Expected::Text, |raw| {
            serde_json::from_str::<String>(raw).ok()
        })
    }

    pub(super) fn boolean(&mut self, map: &Object, parent: &str, key: &str) -> Option<bool> {
        self.get(map, parent, key, Expected::TrueOrFalse, |raw| match raw {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        })
    }

    pub(super) fn object<'t>(
        &mut self,
        map: &Object<'t>,
        parent: &str,
        key: &str,
    ) -> Option<Object<'t>> {
        self.get(map, parent, key, Expected::Object, |raw| {
            serde_json::from_str::<Object>(raw).ok()
        })
    }

    /// A whole number in `min..=max`.
    pub(super) fn whole(
        &mut self,
        map: &Object,
        parent: &str,
        key: &str,
        min: u64,
        max: u64,
    ) -> Option<u64> {
        // JSON numbers start with a digit or a minus sign; anything else is another type.
        let number = self.get(map, parent, key, Expected::Number, |raw| {
            raw.starts_with(|c: char| c.is_ascii_digit() || c == '-')
                .then_some(raw)
        })?;
        match number
            .parse::<u64>()
            .ok()
            .filter(|n| (min..=max).contains(n))
        {
            Some(n) => Some(n),
            None => {
                self.push(join(parent, key), ProblemKind::OutOfRange { min, max });
                None
            }
        }
    }
}
