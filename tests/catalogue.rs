//! Every catalogue key used in the shell's or the core's source exists in every language file,
//! every language file has the same keys with the same placeholders, and no text is left
//! unused, so no screen, summary or download can show a raw key or a blank.
//!
//! Keys are found by reading the source: calls `t("…")` and `tf("…")`, and every string literal
//! that starts with one of the catalogue's top-level prefixes (`"core.level.high_risk"`,
//! `"result.chart.desc_band.once"`). The core writes every key out in full for this reason.
//! Code after `#[cfg(test)]` is not scanned (unit tests look up missing keys on purpose), nor
//! a test module in a file of its own.
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::path::Path;

fn catalogue(lang: &str, json: &str) -> HashMap<String, String> {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("{lang} is not valid JSON: {e}"))
}

fn english() -> HashMap<String, String> {
    let (lang, json) = dva_screen::text::LANGUAGES[0];
    catalogue(lang, json)
}

/// The string literals of every `.rs` file under `dir`, up to any `#[cfg(test)]`. A small
/// lexer: it skips comments and char literals and honours escapes and raw strings, so a quote
/// in a comment or an escaped quote never puts it out of step.
fn literals(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for path in walk(dir) {
        let src = fs::read_to_string(&path).expect("source is UTF-8");
        let src = src.split("#[cfg(test)]").next().unwrap_or_default();
        out.extend(string_literals(src));
    }
    out
}

fn string_literals(src: &str) -> Vec<String> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '/' if chars.get(i + 1) == Some(&'/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '/' if chars.get(i + 1) == Some(&'*') => {
                i += 2;
                while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                    i += 1;
                }
                i += 2;
            }
            // A char literal such as '"' or '\"' (a lifetime has no closing quote).
            '\'' if chars.get(i + 2) == Some(&'\'') => i += 3,
            '\'' if chars.get(i + 1) == Some(&'\\') && chars.get(i + 3) == Some(&'\'') => i += 4,
            'r' if matches!(chars.get(i + 1), Some('"' | '#'))
                && !i
                    .checked_sub(1)
                    .is_some_and(|p| chars[p].is_alphanumeric() || chars[p] == '_') =>
            {
                let hashes = chars[i + 1..].iter().take_while(|c| **c == '#').count();
                let start = i + 1 + hashes + 1;
                if chars.get(start - 1) != Some(&'"') {
                    i += 1;
                    continue;
                }
                let close: String = std::iter::once('"')
                    .chain(std::iter::repeat_n('#', hashes))
                    .collect();
                let rest: String = chars[start..].iter().collect();
                let end = rest.find(&close).unwrap_or(rest.len());
                out.push(rest[..end].to_string());
                i = start + rest[..end].chars().count() + close.chars().count();
            }
            '"' => {
                let mut text = String::new();
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    if chars[i] == '\\' {
                        i += 1;
                    }
                    if let Some(c) = chars.get(i) {
                        text.push(*c);
                    }
                    i += 1;
                }
                out.push(text);
                i += 1;
            }
            _ => i += 1,
        }
    }
    out
}

fn looks_like_key(text: &str, prefixes: &BTreeSet<String>) -> bool {
    // Format strings ("respond.status.{v}") are not keys: write keys out in full.
    !text.contains(|c: char| c.is_whitespace() || c == '{')
        && text
            .split_once('.')
            .is_some_and(|(p, rest)| prefixes.contains(p) && !rest.is_empty())
}

/// Every key the source of `dir` uses: `t("…")`/`tf("…")` arguments and literals that look
/// like keys (a catalogue prefix, a dot, no spaces).
fn keys_used(dir: &Path, prefixes: &BTreeSet<String>) -> BTreeSet<String> {
    let mut used: BTreeSet<String> = literals(dir)
        .into_iter()
        .filter(|text| looks_like_key(text, prefixes))
        .collect();
    // Calls with any key, whatever its prefix.
    for entry in walk(dir) {
        let src = fs::read_to_string(&entry).expect("source is UTF-8");
        let src = src.split("#[cfg(test)]").next().unwrap_or_default();
        for call in ["t(\"", "tf(\""] {
            for (i, _) in src.match_indices(call) {
                // Only whole calls: `t("` preceded by something that is not an identifier.
                let before = src[..i].chars().last();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let rest = &src[i + call.len()..];
                if let Some(end) = rest.find('"') {
                    used.insert(rest[..end].to_string());
                }
            }
        }
    }
    used
}

/// A test module moved to a file of its own (`tests.rs` in a module folder, or `x_tests.rs`
/// beside `x.rs`): not scanned, like the code after `#[cfg(test)]`.
fn is_test_module(path: &Path) -> bool {
    path.file_stem()
        .and_then(|s| s.to_str())
        .is_some_and(|s| s == "tests" || s.ends_with("_tests"))
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).expect("source dir is readable") {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else if path.extension().is_some_and(|e| e == "rs") && !is_test_module(&path) {
            out.push(path);
        }
    }
    out
}

fn prefixes() -> BTreeSet<String> {
    english()
        .keys()
        .filter_map(|k| k.split_once('.').map(|(p, _)| p.to_string()))
        .collect()
}

fn shell_src() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))
}

fn core_src() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/crates/dva-core/src"))
}

fn missing_in_every_language(used: &BTreeSet<String>) -> Vec<String> {
    let mut problems = Vec::new();
    for (lang, json) in dva_screen::text::LANGUAGES {
        let map = catalogue(lang, json);
        for key in used.iter().filter(|k| !map.contains_key(*k)) {
            problems.push(format!("{lang} lacks {key}"));
        }
    }
    problems
}

#[test]
fn every_key_the_shell_uses_is_in_every_language() {
    let used = keys_used(shell_src(), &prefixes());
    assert!(used.len() > 100, "the scan found too few keys: {used:?}");
    let missing = missing_in_every_language(&used);
    assert!(missing.is_empty(), "missing keys:\n{}", missing.join("\n"));
}

#[test]
fn every_key_the_core_uses_is_in_every_language() {
    let used = keys_used(core_src(), &prefixes());
    assert!(
        used.iter().all(|k| k.starts_with("core.")),
        "the core uses a key outside core.: {used:?}"
    );
    // Levels, reasons, caveats, actions, contacts, labels and the summary's words.
    assert!(
        used.len() > 150,
        "the scan found too few core keys: {}",
        used.len()
    );
    for key in [
        "core.level.high_risk",
        "core.caveat.minimisation",
        "core.month.12",
    ] {
        assert!(used.contains(key), "the scan missed {key}");
    }
    let missing = missing_in_every_language(&used);
    assert!(missing.is_empty(), "missing keys:\n{}", missing.join("\n"));
}

#[test]
fn no_text_is_left_unused() {
    let mut used = keys_used(core_src(), &prefixes());
    used.extend(keys_used(shell_src(), &prefixes()));
    let unused: Vec<String> = english()
        .into_keys()
        .filter(|k| !used.contains(k))
        .collect();
    assert!(unused.is_empty(), "texts nothing uses: {unused:?}");
}

#[test]
fn no_text_is_empty() {
    for (lang, json) in dva_screen::text::LANGUAGES {
        let empty: Vec<String> = catalogue(lang, json)
            .into_iter()
            .filter(|(_, v)| v.trim().is_empty())
            .map(|(k, _)| k)
            .collect();
        assert!(empty.is_empty(), "{lang} has empty texts: {empty:?}");
    }
}

/// The `{name}` placeholders of a text, sorted.
fn placeholders(text: &str) -> Vec<String> {
    let mut names: Vec<String> = text
        .split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name.to_string()))
        .collect();
    names.sort();
    names
}

#[test]
fn all_languages_have_the_same_keys_and_placeholders() {
    let maps: Vec<(&str, BTreeMap<String, Vec<String>>)> = dva_screen::text::LANGUAGES
        .iter()
        .map(|(lang, json)| {
            let map = catalogue(lang, json)
                .into_iter()
                .map(|(k, v)| {
                    let p = placeholders(&v);
                    (k, p)
                })
                .collect();
            (*lang, map)
        })
        .collect();
    for (lang, map) in &maps[1..] {
        let keys: BTreeSet<_> = map.keys().collect();
        let first: BTreeSet<_> = maps[0].1.keys().collect();
        assert_eq!(keys, first, "{lang} differs from {}", maps[0].0);
        for (key, names) in map {
            assert_eq!(
                Some(names),
                maps[0].1.get(key),
                "{lang} {key} has other placeholders than {}",
                maps[0].0
            );
        }
    }
}

#[test]
fn the_scan_sees_keys_in_calls_and_literals_but_not_in_tests() {
    let dir = std::env::temp_dir().join(format!("dva-catalogue-scan-{}", std::process::id()));
    fs::create_dir_all(&dir).expect("temp dir");
    fs::write(
        dir.join("a.rs"),
        "fn f() { t(\"x.call\"); let k = \"core.level.high_risk\"; let id = \"b.shouting\"; \
         let s = \"core. not a key\"; let f = \"core.{x}\"; }\n#[cfg(test)]\nmod tests { fn g() { t(\"core.nothing\"); } }\n",
    )
    .expect("write");
    let prefixes: BTreeSet<String> = ["core".to_string()].into();
    let used = keys_used(&dir, &prefixes);
    fs::remove_dir_all(&dir).expect("clean up");
    let want: BTreeSet<String> = ["x.call", "core.level.high_risk"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(used, want);
}

#[test]
fn the_lexer_is_not_put_out_of_step_by_quotes_in_comments_chars_or_escapes() {
    let src = r##"
        // a "quote in a comment
        let q = '"'; let e = '\"'; let l: &'a str = "x";
        let s = "escaped \" quote"; let r = r#"raw "core.not.one" "#;
        let k = "core.level.high_risk";
    "##;
    assert_eq!(
        string_literals(src),
        vec![
            "x".to_string(),
            "escaped \" quote".to_string(),
            "raw \"core.not.one\" ".to_string(),
            "core.level.high_risk".to_string(),
        ]
    );
}
