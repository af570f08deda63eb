//! Every catalogue key used in the shell's source exists in every language file, and every
//! language file has the same keys, so no screen can show a raw key or a blank.
use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::path::Path;

fn keys_used(dir: &Path, into: &mut BTreeSet<String>) {
    for entry in fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            keys_used(&path, into);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let src = fs::read_to_string(&path).expect("source is UTF-8");
            for call in ["t(\"", "tf(\""] {
                for (i, _) in src.match_indices(call) {
                    // Only whole calls: `t("` preceded by something that is not an identifier.
                    let before = src[..i].chars().last();
                    if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                        continue;
                    }
                    let rest = &src[i + call.len()..];
                    if let Some(end) = rest.find('"') {
                        into.insert(rest[..end].to_string());
                    }
                }
            }
        }
    }
}

#[test]
fn every_used_key_is_in_every_language() {
    let mut used = BTreeSet::new();
    keys_used(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
        &mut used,
    );
    assert!(used.len() > 10, "the scan found too few keys: {used:?}");
    for (lang, json) in dva_screen::text::LANGUAGES {
        let map: HashMap<String, String> =
            serde_json::from_str(json).unwrap_or_else(|e| panic!("{lang} is not valid JSON: {e}"));
        let missing: Vec<_> = used.iter().filter(|k| !map.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{lang} lacks keys: {missing:?}");
        let empty: Vec<_> = map
            .iter()
            .filter(|(_, v)| v.trim().is_empty())
            .map(|(k, _)| k)
            .collect();
        assert!(empty.is_empty(), "{lang} has empty texts: {empty:?}");
    }
}

#[test]
fn all_languages_have_the_same_keys() {
    let sets: Vec<(&str, BTreeSet<String>)> = dva_screen::text::LANGUAGES
        .iter()
        .map(|(lang, json)| {
            let map: HashMap<String, String> = serde_json::from_str(json).expect("valid JSON");
            (*lang, map.into_keys().collect())
        })
        .collect();
    for (lang, keys) in &sets[1..] {
        assert_eq!(keys, &sets[0].1, "{lang} differs from {}", sets[0].0);
    }
}
