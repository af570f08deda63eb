//! The store of one screening's answers, notes, history and the lead's decisions.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::check::{check, AnswerError};
use super::model::{Answer, Change, ItemStatus, LeadDecision, LeadDecisionError, Recorded, Source};
use crate::definition::{Definition, Item};

/// The answers and notes of one screening. Serialisable so that the shell can keep a draft
/// and offer a JSON download; a deserialised store may hold answers that no longer fit the
/// definition, and every reader treats those as "not yet answered" (see [`Answers::status`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answers {
    #[serde(default)]
    answers: BTreeMap<String, Recorded>,
    /// Per-section notes in the client's own words, keyed by section id, verbatim.
    #[serde(default)]
    notes: BTreeMap<String, String>,
    /// Every change of a given answer, oldest first (older drafts have none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    changes: Vec<Change>,
    /// Red flags set aside by the safeguarding lead, by rule id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    set_aside: BTreeMap<String, LeadDecision>,
}

impl Answers {
    /// An empty store: every shown item is "not yet answered".
    pub fn new() -> Self {
        Self::default()
    }

    /// Stores an answer after checking it against the item's response type.
    ///
    /// When a client-entered answer is later set to a different value by the worker
    /// (`Source::Worker`), it is recorded as [`Source::ChangedAfterDiscussion`], so the summary
    /// shows what was changed after going through it with him.
    pub fn set(
        &mut self,
        def: &Definition,
        item_id: &str,
        answer: Answer,
        source: Source,
    ) -> Result<(), AnswerError> {
        self.set_at(def, item_id, answer, source, "")
    }

    /// [`Answers::set`], with the time of the answer as the shell writes it ("14:32"), kept
    /// with the earlier answer when this one replaces it.
    pub fn set_at(
        &mut self,
        def: &Definition,
        item_id: &str,
        answer: Answer,
        source: Source,
        at: &str,
    ) -> Result<(), AnswerError> {
        let item = def
            .item(item_id)
            .ok_or_else(|| AnswerError::UnknownItem(item_id.to_owned()))?;
        if item.worker_only && source != Source::Worker {
            return Err(AnswerError::WorkerOnly {
                item: item_id.to_owned(),
            });
        }
        check(item, &answer)?;
        let source = match (self.answers.get(item_id), source) {
            (Some(prev), Source::Worker)
                if prev.source != Source::Worker && prev.answer != answer =>
            {
                Source::ChangedAfterDiscussion
            }
            (Some(prev), Source::Worker) if prev.answer == answer => prev.source,
            _ => source,
        };
        let by = source;
        let now = Recorded { answer, source };
        let before = self.answers.insert(item_id.to_owned(), now.clone());
        // Typing is one change, not one per key: a run of edits to the same text by the same
        // person extends the last entry.
        if let (Some(last), Answer::Text(_)) = (self.changes.last_mut(), &now.answer) {
            if last.item_id == item_id
                && last.after.as_ref().is_some_and(|a| a.source == now.source)
            {
                last.after = Some(now);
                last.at = at.to_owned();
                return Ok(());
            }
        }
        if before.as_ref().map(|b| &b.answer) != Some(&now.answer) {
            self.changes.push(Change {
                item_id: item_id.to_owned(),
                before,
                after: Some(now),
                by: match by {
                    Source::ClientSelfCompleted => Source::ClientSelfCompleted,
                    _ => Source::Worker,
                },
                at: at.to_owned(),
            });
        }
        Ok(())
    }

    /// Removes an answer, so the item is "not yet answered" again.
    pub fn clear(&mut self, item_id: &str) {
        self.clear_by(item_id, Source::Worker, "");
    }

    /// Removes an answer, keeping the one removed in the record of changes.
    pub fn clear_by(&mut self, item_id: &str, by: Source, at: &str) {
        if let Some(before) = self.answers.remove(item_id) {
            self.changes.push(Change {
                item_id: item_id.to_owned(),
                before: Some(before),
                after: None,
                by,
                at: at.to_owned(),
            });
        }
    }

    /// Every change of an answer that had been given (not first answers), oldest first.
    pub fn changes(&self) -> impl Iterator<Item = &Change> {
        self.changes.iter().filter(|c| c.before.is_some())
    }

    /// Every entry of the log, first answers too, oldest first: with the current answers, the
    /// entries' items and `before`s fix every state [`Answers::earlier_states`] rebuilds.
    pub fn log(&self) -> &[Change] {
        &self.changes
    }

    /// The answers as they stood just before each change of a given answer, newest first.
    /// Scoring reads them so that a red flag raised at any point still stands. Only those
    /// moments matter: conditions test for answers given, never for their absence, so a first
    /// answer can raise a flag but never lower one.
    pub fn earlier_states(&self) -> Vec<Answers> {
        let mut state = self.answers_only();
        let mut out = Vec::new();
        for c in self.changes.iter().rev() {
            match &c.before {
                Some(b) => {
                    state.answers.insert(c.item_id.clone(), b.clone());
                    out.push(state.clone());
                }
                None => {
                    state.answers.remove(&c.item_id);
                }
            }
        }
        out
    }

    /// The current answers alone, without history or decisions: a cheap base for "what if".
    pub(crate) fn answers_only(&self) -> Answers {
        Answers {
            answers: self.answers.clone(),
            ..Answers::default()
        }
    }

    /// Records that the safeguarding lead agreed a raised red flag may be set aside. Both the
    /// name and the reason are needed.
    pub fn set_aside_flag(
        &mut self,
        rule_id: &str,
        decision: LeadDecision,
    ) -> Result<(), LeadDecisionError> {
        if decision.lead.trim().is_empty() {
            return Err(LeadDecisionError::LeadRequired);
        }
        if decision.reason.trim().is_empty() {
            return Err(LeadDecisionError::ReasonRequired);
        }
        self.set_aside.insert(rule_id.to_owned(), decision);
        Ok(())
    }

    /// The lead's decision on a red flag, if one was recorded.
    pub fn set_aside(&self, rule_id: &str) -> Option<&LeadDecision> {
        self.set_aside.get(rule_id)
    }

    /// The stored answer and its source, whether or not the item is currently shown.
    pub fn get(&self, item_id: &str) -> Option<&Recorded> {
        self.answers.get(item_id)
    }

    /// Every stored answer, by item id.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Recorded)> {
        self.answers.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// Sets the client's own words for a section, exactly as typed (an empty string removes it).
    pub fn set_note(
        &mut self,
        def: &Definition,
        section_id: &str,
        text: String,
    ) -> Result<(), AnswerError> {
        if def.section(section_id).is_none() {
            return Err(AnswerError::UnknownSection(section_id.to_owned()));
        }
        if text.is_empty() {
            self.notes.remove(section_id);
        } else {
            self.notes.insert(section_id.to_owned(), text);
        }
        Ok(())
    }

    /// The note for a section, verbatim.
    pub fn note(&self, section_id: &str) -> Option<&str> {
        self.notes.get(section_id).map(String::as_str)
    }

    /// Every note, by section id.
    pub fn notes(&self) -> impl Iterator<Item = (&str, &str)> {
        self.notes.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// The status ignoring the show-when condition.
    pub(crate) fn raw_status(&self, item: &Item) -> ItemStatus<'_> {
        match self.answers.get(&item.id) {
            None => ItemStatus::NotYetAnswered,
            Some(r) if r.answer == Answer::PreferNotToSay => ItemStatus::PreferNotToSay,
            Some(r) => {
                if check(item, &r.answer).is_ok() {
                    ItemStatus::Answered(&r.answer)
                } else {
                    ItemStatus::NotYetAnswered
                }
            }
        }
    }
}
