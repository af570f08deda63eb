//! The client view's own words (catalogue keys `client.*`) stay at a reading grade a client with
//! low literacy manages: Flesch-Kincaid grade 6 or below, as the questionnaire's client wording.
use std::collections::HashMap;

const MAX_GRADE: f64 = 6.0;

#[test]
fn client_catalogue_text_is_grade_6_or_below() {
    let catalogue: HashMap<String, String> =
        serde_json::from_str(include_str!("../locales/en-GB.json")).expect("catalogue is JSON");
    let mut checked = 0;
    let mut too_hard = Vec::new();
    for (key, text) in &catalogue {
        if !key.starts_with("client.") {
            continue;
        }
        // Placeholders stand for short words or numbers.
        let plain = text.replace(['{', '}'], "");
        let grade = dva_core::readability::fk_grade(&plain);
        assert!(
            grade <= MAX_GRADE,
            "{key} reads at grade {grade:.1}: {text}"
        );
        checked += 1;
    }
    assert!(checked > 10, "the client keys were found");
}
