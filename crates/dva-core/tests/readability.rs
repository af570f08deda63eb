//! Client wording must read at grade 6 or below (Flesch-Kincaid).

mod common;
use common::{cat, def};

use dva_core::readability::{fk_grade, syllables, MAX_CLIENT_GRADE};
use dva_core::{Band, Response, YesNo};

#[test]
fn every_client_wording_and_client_label_is_grade_six_or_below() {
    let d = def();
    let mut too_hard = Vec::new();
    // The grade formula is meaningless for a label of one to four words (one two-syllable
    // word scores 8.4), so short labels are held to short words instead: none over 3 syllables.
    let mut check = |what: String, text: &str| {
        let words: Vec<&str> = text.split_whitespace().collect();
        if words.len() < 5 {
            if let Some(w) = words.iter().find(|w| syllables(w) > 3) {
                too_hard.push(format!("{what} (long word '{w}'): {text}"));
            }
            return;
        }
        let g = fk_grade(text);
        if g > MAX_CLIENT_GRADE {
            too_hard.push(format!("{what} (grade {g:.1}): {text}"));
        }
    };
    for item in d.items().iter().filter(|i| !i.worker_only) {
        check(item.id.clone(), &item.client_wording);
        if let Response::SingleChoice { options } = &item.response {
            for o in options {
                check(format!("{} option {}", item.id, o.id), &o.client_label);
            }
        }
        if let Response::Scale {
            min_label,
            max_label,
            ..
        } = &item.response
        {
            check(format!("{} scale", item.id), min_label);
            check(format!("{} scale", item.id), max_label);
        }
    }
    for s in d.sections() {
        check(format!("section {}", s.id), &s.client_title);
    }
    for b in Band::ALL {
        check(format!("band {}", b.id()), b.client_label(cat()));
    }
    for v in YesNo::ALL {
        check(format!("yes/no {}", v.id()), v.client_label(cat()));
    }
    assert!(
        too_hard.is_empty(),
        "too hard to read:\n{}",
        too_hard.join("\n")
    );
}
