//! The client view's own words (catalogue keys `client.*`) stay at a reading grade a client with
//! low literacy manages: Flesch-Kincaid grade 6 or below, as the questionnaire's client wording.
use std::collections::HashMap;

const MAX_GRADE: f64 = 6.0;

#[test]
fn client_catalogue_text_is_grade_6_or_below() {
    let catalogue: HashMap<String, String> =
        serde_json::from_str(include_str!("../locales/en-GB.json")).expect("catalogue is JSON");
    let mut checked = 0;
    let mut too_hard: Vec<String> = Vec::new();
    for (key, text) in &catalogue {
        if !key.starts_with("client.") {
            continue;
        }
        // Placeholders stand for short words or numbers. A formula made for sentences says
        // nothing about a one- or two-word label ("Question"), so those are left out.
        let plain = text.replace(['{', '}'], "");
        if plain.split_whitespace().count() < 3 {
            continue;
        }
        let grade = dva_core::readability::fk_grade(&plain);
        if grade > MAX_GRADE {
            too_hard.push(format!("{key} reads at grade {grade:.1}: {text}"));
        }
        checked += 1;
    }
    assert!(checked > 10, "the client keys were found");
    assert!(too_hard.is_empty(), "{too_hard:#?}");
}
