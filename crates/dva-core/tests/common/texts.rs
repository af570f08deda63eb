//! Every string of the questionnaire definition, with where it is: the walk the wording checks
//! share (the core's `wording.rs` and the shell's `plain_language.rs`, which includes this file
//! by path). Each check says which keys hold no wording a person reads.

/// The built-in questionnaire file.
const QUESTIONNAIRE: &str = include_str!("../../questionnaire.json");

/// Every string value under `value` whose key `skip` does not pass over, with its path
/// ("questionnaire.items[3].label").
pub fn strings(
    value: &serde_json::Value,
    at: &str,
    skip: &dyn Fn(&str) -> bool,
    out: &mut Vec<(String, String)>,
) {
    match value {
        serde_json::Value::String(s) => out.push((at.to_owned(), s.clone())),
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                strings(v, &format!("{at}[{i}]"), skip, out);
            }
        }
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                if !skip(k) {
                    strings(v, &format!("{at}.{k}"), skip, out);
                }
            }
        }
        _ => {}
    }
}

/// Every string of the built-in questionnaire whose key `skip` does not pass over.
pub fn questionnaire_strings(skip: &dyn Fn(&str) -> bool) -> Vec<(String, String)> {
    let definition: serde_json::Value =
        serde_json::from_str(QUESTIONNAIRE).expect("the definition is JSON");
    let mut out = Vec::new();
    strings(&definition, "questionnaire", skip, &mut out);
    out
}
