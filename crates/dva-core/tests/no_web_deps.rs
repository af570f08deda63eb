//! The invariant "the core has no web or storage dependency", checked on every test run.

const FORBIDDEN: [&str; 7] = [
    "web-sys",
    "js-sys",
    "wasm-bindgen",
    "leptos",
    "gloo",
    "web",
    "storage",
];

#[test]
fn core_has_no_web_or_storage_dependency() {
    let toml = include_str!("../Cargo.toml");
    let mut in_deps = false;
    let mut offending = Vec::new();
    for line in toml.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_deps = line.contains("dependencies");
            continue;
        }
        if !in_deps || line.starts_with('#') || line.is_empty() {
            continue;
        }
        let name = line
            .split(['=', '.'])
            .next()
            .unwrap_or("")
            .trim()
            .trim_matches('"')
            .to_ascii_lowercase();
        if FORBIDDEN.iter().any(|f| name.contains(f)) {
            offending.push(name);
        }
    }
    assert!(
        offending.is_empty(),
        "dva-core must not depend on web or storage crates: {offending:?}"
    );
}

#[test]
fn the_check_itself_sees_dependency_sections() {
    let toml = include_str!("../Cargo.toml");
    assert!(toml.contains("[dependencies]"));
    assert!(toml.contains("serde"));
}
