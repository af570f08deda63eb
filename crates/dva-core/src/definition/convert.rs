//! Converting a raw condition into a [`Condition`], recording every problem: unknown items,
//! bands and domains, forward references, and items of the wrong kind for the test.

use std::collections::BTreeMap;

use super::error::DefinitionError;
use super::raw::RawCondition;
use super::types::{Condition, Domain, Response};
use crate::values::{Band, YesNo};

/// Every item's position and response, by id.
pub(super) type Lookup = BTreeMap<String, (usize, Response)>;

/// Converts a raw condition, recording every problem. `before` is the position of the item
/// the condition belongs to (named items must come before it; `allow_self` lets a stop
/// condition read its own item).
pub(super) fn convert(
    c: &RawCondition,
    ctx: String,
    lookup: &Lookup,
    before: Option<usize>,
    allow_self: bool,
    errors: &mut Vec<DefinitionError>,
) -> Option<Condition> {
    Converter {
        ctx,
        lookup,
        before,
        allow_self,
        errors,
    }
    .condition(c)
}

/// One condition's conversion: where it is (for the messages), what it may read, and where
/// its problems go.
struct Converter<'a> {
    ctx: String,
    lookup: &'a Lookup,
    before: Option<usize>,
    allow_self: bool,
    errors: &'a mut Vec<DefinitionError>,
}

impl Converter<'_> {
    fn condition(&mut self, c: &RawCondition) -> Option<Condition> {
        match c {
            RawCondition::Disclosed(item) => {
                let r = self.find(item)?;
                self.need_frequency(item, &r)
                    .then(|| Condition::Disclosed(item.clone()))
            }
            RawCondition::AtLeast { item, band } => {
                let r = self.find(item);
                let ok_type = r.map(|r| self.need_frequency(item, &r));
                match (ok_type, self.band_of(band)) {
                    (Some(true), Some(band)) => Some(Condition::AtLeast {
                        item: item.clone(),
                        band,
                    }),
                    _ => None,
                }
            }
            RawCondition::Is { item, value } => self.is(item, value),
            RawCondition::AnyDisclosedIn(domain) => {
                self.domain_of(domain).map(Condition::AnyDisclosedIn)
            }
            RawCondition::AtLeastIn {
                domain,
                band,
                recent,
            } => {
                // Both are checked so that both problems are reported.
                let d = self.domain_of(domain);
                let b = self.band_of(band);
                Some(Condition::AtLeastIn {
                    domain: d?,
                    band: b?,
                    recent: *recent,
                })
            }
            RawCondition::Any(list) => self.list(list).map(Condition::Any),
            RawCondition::All(list) => self.list(list).map(Condition::All),
        }
    }

    /// The branches of an any/all list, every branch converted so that every problem is
    /// reported.
    fn list(&mut self, list: &[RawCondition]) -> Option<Vec<Condition>> {
        if list.is_empty() {
            self.errors.push(DefinitionError::EmptyCondition {
                context: self.ctx.clone(),
            });
            return None;
        }
        let converted: Vec<Option<Condition>> = list.iter().map(|c| self.condition(c)).collect();
        converted.into_iter().collect()
    }

    /// An `is` test: the item must be yes/no or single-choice, and the value one it can take.
    fn is(&mut self, item: &str, value: &str) -> Option<Condition> {
        let r = self.find(item)?;
        let valid = match &r {
            Response::YesNo => YesNo::from_id(value).is_some(),
            Response::SingleChoice { options } => options.iter().any(|o| o.id == value),
            _ => {
                self.errors.push(DefinitionError::ConditionWrongType {
                    context: self.ctx.clone(),
                    item: item.to_owned(),
                    expected: "a yes/no or single-choice item",
                });
                return None;
            }
        };
        if valid {
            Some(Condition::Is {
                item: item.to_owned(),
                value: value.to_owned(),
            })
        } else {
            self.errors.push(DefinitionError::ConditionBadValue {
                context: self.ctx.clone(),
                item: item.to_owned(),
                value: value.to_owned(),
            });
            None
        }
    }

    /// The named item's response, if it exists and is asked before the condition's own item.
    fn find(&mut self, item: &str) -> Option<Response> {
        let Some((pos, response)) = self.lookup.get(item) else {
            self.errors.push(DefinitionError::ConditionUnknownItem {
                context: self.ctx.clone(),
                item: item.to_owned(),
            });
            return None;
        };
        if let Some(b) = self.before {
            if *pos > b || (*pos == b && !self.allow_self) {
                self.errors
                    .push(DefinitionError::ConditionForwardReference {
                        context: self.ctx.clone(),
                        item: item.to_owned(),
                    });
                return None;
            }
        }
        Some(response.clone())
    }

    fn need_frequency(&mut self, item: &str, r: &Response) -> bool {
        if *r == Response::Frequency {
            return true;
        }
        self.errors.push(DefinitionError::ConditionWrongType {
            context: self.ctx.clone(),
            item: item.to_owned(),
            expected: "a frequency item",
        });
        false
    }

    /// A band id, with the problem recorded when it is unknown.
    fn band_of(&mut self, band: &str) -> Option<Band> {
        self.known(Band::from_id(band), |context| {
            DefinitionError::UnknownBand {
                context,
                band: band.to_owned(),
            }
        })
    }

    /// A domain id, with the problem recorded when it is unknown.
    fn domain_of(&mut self, domain: &str) -> Option<Domain> {
        self.known(Domain::from_id(domain), |context| {
            DefinitionError::UnknownDomain {
                context,
                domain: domain.to_owned(),
            }
        })
    }

    /// `found`, or the problem `unknown` makes of this condition's context when it is `None`.
    fn known<T>(
        &mut self,
        found: Option<T>,
        unknown: impl FnOnce(String) -> DefinitionError,
    ) -> Option<T> {
        if found.is_none() {
            self.errors.push(unknown(self.ctx.clone()));
        }
        found
    }
}
