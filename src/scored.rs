//! What scoring reads of the answers, as one value to compare: the assessment memo (`state.rs`)
//! runs `assess` again only when this changes. Notes are not in it, and of a free-text answer
//! only that there is one and who gave it: no rule reads what was written (conditions test
//! frequencies, yes/no and choices; a blank free-text box is no gap), so typing a note or his
//! words leaves the assessment as it is. Pure, tested natively.
use dva_core::{Answer, Answers, Definition, LeadDecision, Recorded, Response};

/// The parts of [`Answers`] that `assess` reads.
#[derive(Clone, Debug, PartialEq)]
pub struct Scored {
    /// The current answers, free text blanked.
    current: Vec<(String, Recorded)>,
    /// Each change's question and the answer before it, free text blanked: with `current`, this
    /// fixes the answers as they stood before each change (red flags raised then stand), without
    /// rebuilding those states on every key typed.
    earlier: Vec<(String, Option<Recorded>)>,
    /// The safeguarding lead's decision on each red flag, in the definition's order.
    set_aside: Vec<Option<LeadDecision>>,
}

/// What scoring reads of `answers`.
pub fn scored(def: &Definition, answers: &Answers) -> Scored {
    Scored {
        current: blanked(def, answers),
        earlier: answers
            .log()
            .iter()
            .map(|c| {
                let before = c.before.as_ref().map(|r| blank(def, &c.item_id, r));
                (c.item_id.clone(), before)
            })
            .collect(),
        set_aside: def
            .red_flag_rules()
            .iter()
            .map(|r| answers.set_aside(&r.id).cloned())
            .collect(),
    }
}

/// Every stored answer, the words of free text left out.
fn blanked(def: &Definition, answers: &Answers) -> Vec<(String, Recorded)> {
    answers
        .iter()
        .map(|(id, r)| (id.to_owned(), blank(def, id, r)))
        .collect()
}

/// An answer as scoring sees it: the words of a free-text answer left out.
fn blank(def: &Definition, id: &str, r: &Recorded) -> Recorded {
    let free = def
        .item(id)
        .is_some_and(|i| matches!(i.response, Response::FreeText { .. }));
    match &r.answer {
        Answer::Text(_) if free => Recorded {
            answer: Answer::Text(String::new()),
            source: r.source,
        },
        _ => r.clone(),
    }
}

#[cfg(test)]
mod tests {
    use dva_core::{Band, Source, YesNo};

    use super::*;

    fn def() -> Definition {
        dva_core::builtin().expect("the built-in definition is valid")
    }

    fn pushing(band: Band) -> Answer {
        Answer::Frequency {
            band,
            last_12_months: Some(YesNo::Yes),
        }
    }

    #[test]
    fn notes_and_the_words_of_free_text_leave_it_equal_and_the_assessment_too() {
        let def = def();
        let mut a = Answers::new();
        a.set(&def, "b.pushing", pushing(Band::Once), Source::Worker)
            .unwrap();
        let before = scored(&def, &a);
        let mut b = a.clone();
        b.set_note(&def, "relationship", "He said it twice.".into())
            .unwrap();
        b.set(
            &def,
            "b.words_first",
            Answer::Text("H".into()),
            Source::Worker,
        )
        .unwrap();
        let typed = scored(&def, &b);
        b.set(
            &def,
            "b.words_first",
            Answer::Text("He".into()),
            Source::Worker,
        )
        .unwrap();
        assert_eq!(scored(&def, &b), typed, "typing on in one box");
        // Beginning a free-text answer is a change (whether there is one), the words are not.
        assert_ne!(typed, before);
        let cat = crate::text::catalogue();
        assert_eq!(
            dva_core::assess(&def, &a, cat),
            dva_core::assess(&def, &b, cat)
        );
    }

    #[test]
    fn an_answer_a_change_or_a_leads_decision_changes_it() {
        let def = def();
        let mut a = Answers::new();
        a.set(&def, "b.pushing", pushing(Band::Once), Source::Worker)
            .unwrap();
        let first = scored(&def, &a);
        a.set(
            &def,
            "b.pushing",
            pushing(Band::MoreThanTwenty),
            Source::Worker,
        )
        .unwrap();
        let changed = scored(&def, &a);
        assert_ne!(changed, first);
        assert!(
            changed.earlier.iter().any(|(_, before)| before.is_some()),
            "the earlier answer is read too"
        );
        let rule = def.red_flag_rules()[0].id.clone();
        let decision = LeadDecision {
            lead: "Sam Patel".into(),
            reason: "Answered in error".into(),
            at: "14:32".into(),
        };
        a.set_aside_flag(&rule, decision).unwrap();
        assert_ne!(scored(&def, &a), changed);
    }

    /// The answers as they stood before each change, rebuilt from the key alone, the way
    /// `Answers::earlier_states` rebuilds them from the answers.
    fn earlier_from_key(key: &Scored) -> Vec<Vec<(String, Recorded)>> {
        let mut state: std::collections::BTreeMap<_, _> = key.current.iter().cloned().collect();
        let mut out = Vec::new();
        for (id, before) in key.earlier.iter().rev() {
            match before {
                Some(b) => {
                    state.insert(id.clone(), b.clone());
                    out.push(state.clone().into_iter().collect());
                }
                None => {
                    state.remove(id);
                }
            }
        }
        out
    }

    /// Over sets, changes, clears and typing: the key fixes every earlier state scoring reads
    /// (so it leaves nothing out that `assess` reads), and a twin screening that differs only
    /// in the words typed has the same key and the same assessment.
    #[test]
    fn the_key_fixes_every_earlier_state_and_ignores_only_the_words() {
        let def = def();
        let cat = crate::text::catalogue();
        let bands = [Band::Once, Band::MoreThanTwenty, Band::TwoToTen];
        let (mut a, mut twin) = (Answers::new(), Answers::new());
        for step in 0..40usize {
            for (answers, words) in [(&mut a, "he said"), (&mut twin, "something else")] {
                match step % 5 {
                    0 | 3 => {
                        let band = bands[step / 5 % 3];
                        answers
                            .set(&def, "b.pushing", pushing(band), Source::Worker)
                            .unwrap();
                    }
                    1 => {
                        let text = Answer::Text(format!("{words} {step}"));
                        answers
                            .set(&def, "b.words_first", text, Source::Worker)
                            .unwrap();
                    }
                    2 => answers.clear("b.pushing"),
                    _ => {
                        let band = bands[step / 4 % 3];
                        answers
                            .set(&def, "b.strangling", pushing(band), Source::Worker)
                            .unwrap();
                    }
                }
            }
            let key = scored(&def, &a);
            let old: Vec<_> = a
                .earlier_states()
                .iter()
                .map(|e| blanked(&def, e))
                .collect();
            assert_eq!(earlier_from_key(&key), old, "step {step}");
            assert_eq!(scored(&def, &twin), key, "step {step}");
            assert_eq!(
                dva_core::assess(&def, &twin, cat),
                dva_core::assess(&def, &a, cat),
                "step {step}"
            );
        }
    }
}
