//! Where each item stands given the answers: the condition evaluator, which questions are
//! shown and which stop the screening, and each item's status. Apart from `definition` and
//! `answers` so that neither imports the other: a definition is data, answers are a store, and
//! this module reads one through the other.

use crate::answers::{Answer, Answers, ItemStatus};
use crate::definition::{Condition, Definition, Domain, Item, Response, Stop};
use crate::values::{Band, YesNo};

impl Condition {
    /// Evaluates the condition. `Some(ids)` when true, holding the item ids that made it
    /// true (so that every finding can point at the answers behind it); `None` when false.
    /// Hidden items and gaps never count as true.
    pub fn eval(&self, def: &Definition, answers: &Answers) -> Option<Vec<String>> {
        match self {
            Condition::Disclosed(item) => match answers.status(def, item) {
                ItemStatus::Answered(Answer::Frequency { band, .. }) if band.is_disclosed() => {
                    Some(vec![item.clone()])
                }
                _ => None,
            },
            Condition::AtLeast { item, band: min } => match answers.status(def, item) {
                ItemStatus::Answered(Answer::Frequency { band, .. })
                    if band >= min && band.is_disclosed() =>
                {
                    Some(vec![item.clone()])
                }
                _ => None,
            },
            Condition::Is { item, value } => match answers.status(def, item) {
                ItemStatus::Answered(Answer::YesNo(v)) if v.id() == value => {
                    Some(vec![item.clone()])
                }
                ItemStatus::Answered(Answer::Choice(c)) if c == value => Some(vec![item.clone()]),
                _ => None,
            },
            // "Any disclosed" is "at least once", at any time: one evaluation serves both.
            Condition::AnyDisclosedIn(domain) => {
                disclosed_in(def, answers, *domain, Band::Once, false)
            }
            Condition::AtLeastIn {
                domain,
                band,
                recent,
            } => disclosed_in(def, answers, *domain, *band, *recent),
            Condition::Any(list) => {
                let mut ids = Vec::new();
                let mut any = false;
                for c in list {
                    if let Some(found) = c.eval(def, answers) {
                        any = true;
                        push_unique(&mut ids, found);
                    }
                }
                any.then_some(ids)
            }
            Condition::All(list) => {
                let mut ids = Vec::new();
                for c in list {
                    push_unique(&mut ids, c.eval(def, answers)?);
                }
                Some(ids)
            }
        }
    }
}

/// The frequency items of `domain` answered at or above `min` (and disclosed), in the
/// definition's order; with `recent`, only those whose "last 12 months" is not answered "no" (so
/// a gap never hides recent violence). `None` when there is none.
fn disclosed_in(
    def: &Definition,
    answers: &Answers,
    domain: Domain,
    min: Band,
    recent: bool,
) -> Option<Vec<String>> {
    let ids: Vec<String> = def
        .items()
        .iter()
        .filter(|i| i.domain == domain && i.response == Response::Frequency)
        .filter(|i| {
            matches!(answers.status(def, &i.id),
            ItemStatus::Answered(Answer::Frequency { band, last_12_months })
                if band >= &min && band.is_disclosed()
                    && !(recent && *last_12_months == Some(YesNo::No)))
        })
        .map(|i| i.id.clone())
        .collect();
    (!ids.is_empty()).then_some(ids)
}

pub(crate) fn push_unique(into: &mut Vec<String>, from: Vec<String>) {
    for id in from {
        if !into.contains(&id) {
            into.push(id);
        }
    }
}

impl Definition {
    /// Whether an item is asked, given the answers so far. Conditions only read earlier
    /// items (validated), so this always terminates. A question switched off by the service
    /// is not asked, unless it was answered before (a draft begun under the old setting):
    /// an answer given is never dropped from the record.
    pub fn is_shown(&self, item: &Item, answers: &Answers) -> bool {
        if self.is_switched_off(item) && answers.get(&item.id).is_none() {
            return false;
        }
        match &item.show_when {
            None => true,
            Some(c) => c.eval(self, answers).is_some(),
        }
    }
    /// Every reason to stop the screening now (privacy, consent, interpreter).
    pub fn stops(&self, answers: &Answers) -> Vec<Stop> {
        self.items()
            .iter()
            .filter(|i| self.is_shown(i, answers))
            .filter_map(|i| {
                let c = i.stop_when.as_ref()?;
                c.eval(self, answers)?;
                Some(Stop {
                    item_id: i.id.clone(),
                    message: i.stop_message.clone().unwrap_or_default(),
                })
            })
            .collect()
    }
}

impl Answers {
    /// Where an item stands. An unknown item, a hidden item or a stored answer that does not
    /// fit the item (for example from an old draft) is never reported as answered.
    pub fn status<'a>(&'a self, def: &Definition, item_id: &str) -> ItemStatus<'a> {
        let Some(item) = def.item(item_id) else {
            return ItemStatus::NotYetAnswered;
        };
        if !def.is_shown(item, self) {
            return ItemStatus::NotAsked;
        }
        self.raw_status(item)
    }

    /// The band of a frequency item if it is shown and validly answered.
    pub fn band(&self, def: &Definition, item_id: &str) -> Option<Band> {
        match self.status(def, item_id) {
            ItemStatus::Answered(Answer::Frequency { band, .. }) => Some(*band),
            _ => None,
        }
    }

    /// The yes / no / not sure value of an item if it is shown and validly answered.
    pub fn yes_no(&self, def: &Definition, item_id: &str) -> Option<YesNo> {
        match self.status(def, item_id) {
            ItemStatus::Answered(Answer::YesNo(value)) => Some(*value),
            _ => None,
        }
    }

    /// The chosen option id of an item if it is shown and validly answered.
    pub fn choice(&self, def: &Definition, item_id: &str) -> Option<&str> {
        match self.status(def, item_id) {
            ItemStatus::Answered(Answer::Choice(option)) => Some(option.as_str()),
            _ => None,
        }
    }

    /// Whether an item is shown and answered "yes".
    pub fn is_yes(&self, def: &Definition, item_id: &str) -> bool {
        self.yes_no(def, item_id) == Some(YesNo::Yes)
    }
}
