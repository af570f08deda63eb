//! How an answer maps to a form control and back: radio values, the options a question offers
//! in the worker's or the client's wording, scale hints and free-text clipping. Shared by the
//! worker pages and the client view, so both offer exactly the same values.
use dva_core::answers::prefer_not_to_say_label;
use dva_core::{Answer, Band, Item, Response, YesNo};

use crate::components::RadioOption;
use crate::text::{catalogue, tf};

/// The radio value for "Prefer not to say".
pub const PREFER_NOT: &str = "prefer_not";

/// The radio value that shows a recorded answer as selected.
pub fn radio_value(answer: &Answer) -> String {
    match answer {
        Answer::PreferNotToSay => PREFER_NOT.to_string(),
        Answer::Frequency { band, .. } => band.id().to_string(),
        Answer::YesNo(v) => v.id().to_string(),
        Answer::Choice(c) => c.clone(),
        Answer::Scale(n) => n.to_string(),
        Answer::Text(s) => s.clone(),
    }
}

/// What the ends of a 0–10 scale mean ("0 means Not at all. 10 means Very much."), in the
/// wording of `key` (the worker's or the client's); `None` for any other kind of question.
pub fn scale_hint(item: &Item, key: &str) -> Option<String> {
    let Response::Scale {
        min,
        max,
        min_label,
        max_label,
    } = &item.response
    else {
        return None;
    };
    Some(tf(
        key,
        &[
            ("min", &min.to_string()),
            ("min_label", min_label),
            ("max", &max.to_string()),
            ("max_label", max_label),
        ],
    ))
}

/// The answer a radio value means for an item. A frequency keeps its "last 12 months" answer
/// while the band still counts as a disclosure, and drops it at "Never" (the core forbids it).
pub fn answer_from_radio(item: &Item, value: &str, previous: Option<&Answer>) -> Option<Answer> {
    if value == PREFER_NOT {
        return Some(Answer::PreferNotToSay);
    }
    match &item.response {
        Response::Frequency => {
            let band = Band::from_id(value)?;
            let kept = match previous {
                Some(Answer::Frequency { last_12_months, .. }) if band.is_disclosed() => {
                    *last_12_months
                }
                _ => None,
            };
            Some(Answer::Frequency {
                band,
                last_12_months: kept,
            })
        }
        Response::YesNo => YesNo::from_id(value).map(Answer::YesNo),
        Response::SingleChoice { options } => options
            .iter()
            .any(|o| o.id == value)
            .then(|| Answer::Choice(value.to_string())),
        Response::Scale { .. } => value.parse().ok().map(Answer::Scale),
        Response::FreeText { .. } => None,
    }
}

/// Whose words an item's options are shown in.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Wording {
    Worker,
    Client,
}

/// The radio options for an item in the worker's wording. "Prefer not to say" is offered on
/// every question, never on the worker's own observations (worker-only items).
pub fn radio_options(item: &Item) -> Vec<RadioOption> {
    options_in(item, Wording::Worker)
}

/// The radio options for an item in the given wording, "Prefer not to say" last. The worker
/// pages and the client view share this, so both offer exactly the same values.
pub fn options_in(item: &Item, wording: Wording) -> Vec<RadioOption> {
    let worker = wording == Wording::Worker;
    let opt = |value: &str, label: &str| RadioOption {
        value: value.to_string(),
        label: label.to_string(),
    };
    let mut options: Vec<RadioOption> = match &item.response {
        Response::Frequency => Band::ALL
            .iter()
            .map(|b| {
                opt(
                    b.id(),
                    if worker {
                        b.worker_label(catalogue())
                    } else {
                        b.client_label(catalogue())
                    },
                )
            })
            .collect(),
        Response::YesNo => YesNo::ALL
            .iter()
            .map(|v| {
                opt(
                    v.id(),
                    if worker {
                        v.worker_label(catalogue())
                    } else {
                        v.client_label(catalogue())
                    },
                )
            })
            .collect(),
        Response::SingleChoice { options } => options
            .iter()
            .map(|o| {
                opt(
                    &o.id,
                    if worker {
                        &o.worker_label
                    } else {
                        &o.client_label
                    },
                )
            })
            .collect(),
        Response::Scale { min, max, .. } => (*min..=*max)
            .map(|n| opt(&n.to_string(), &n.to_string()))
            .collect(),
        Response::FreeText { .. } => Vec::new(),
    };
    if !item.worker_only {
        options.push(opt(PREFER_NOT, prefer_not_to_say_label(catalogue())));
    }
    options
}

/// Text kept for a free-text item: at most `max` characters (the screen says so when cut).
pub fn clip_chars(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use dva_core::Definition;

    fn def() -> Definition {
        dva_core::builtin().expect("the built-in definition is valid")
    }

    #[test]
    fn frequency_keeps_last_12_months_until_never() {
        let def = def();
        let item = def.item("b.pushing").unwrap();
        let before = Answer::Frequency {
            band: Band::Once,
            last_12_months: Some(YesNo::Yes),
        };
        assert_eq!(
            answer_from_radio(item, "2_10", Some(&before)),
            Some(Answer::Frequency {
                band: Band::TwoToTen,
                last_12_months: Some(YesNo::Yes)
            })
        );
        let never = answer_from_radio(item, "never", Some(&before)).unwrap();
        assert_eq!(
            never,
            Answer::Frequency {
                band: Band::Never,
                last_12_months: None
            }
        );
        assert!(dva_core::answers::check(item, &never).is_ok());
        assert_eq!(
            answer_from_radio(item, PREFER_NOT, None),
            Some(Answer::PreferNotToSay)
        );
    }

    #[test]
    fn every_offered_option_is_accepted_by_the_core() {
        let def = def();
        for item in def.items() {
            for opt in radio_options(item) {
                let answer = answer_from_radio(item, &opt.value, None)
                    .unwrap_or_else(|| panic!("{} {}", item.id, opt.value));
                assert!(
                    dva_core::answers::check(item, &answer).is_ok(),
                    "{} {}",
                    item.id,
                    opt.value
                );
                assert_eq!(radio_value(&answer), opt.value);
            }
        }
    }

    #[test]
    fn worker_observations_offer_no_prefer_not_to_say() {
        let def = def();
        let alone = def.item("set.alone").unwrap();
        assert!(radio_options(alone).iter().all(|o| o.value != PREFER_NOT));
        let pushing = def.item("b.pushing").unwrap();
        assert_eq!(radio_options(pushing).len(), 6);
    }

    #[test]
    fn clipping_counts_characters_not_bytes() {
        assert_eq!(clip_chars("ééé", 2), "éé");
        assert_eq!(clip_chars("ab", 5), "ab");
    }
}
