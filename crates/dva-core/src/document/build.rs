//! The summary as a document, part by part, in the order every rendering prints it.

use super::model::{Block, Document, Part, SUMMARY_SECTIONS};
use crate::answers::Source;
use crate::scoring::Level;
use crate::summary::{field, follow_up_line, sharing_line, AnswerLine, Summary};
use crate::text::{join_list, Catalogue};

fn source_mark(line: &AnswerLine, cat: &Catalogue) -> String {
    match line.source {
        Some(s @ (Source::ClientSelfCompleted | Source::ChangedAfterDiscussion)) => format!(
            " {}",
            cat.fill("core.summary.source_mark", &[("source", s.label(cat))])
        ),
        _ => String::new(),
    }
}

fn ids(ids: &[String], cat: &Catalogue) -> String {
    if ids.is_empty() {
        return String::new();
    }
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    format!(
        " {}",
        cat.fill("core.summary.answer_ids", &[("ids", &join_list(cat, &ids))])
    )
}

fn answer_item(l: &AnswerLine, cat: &Catalogue) -> String {
    format!("{}{}", field(cat, &l.label, &l.answer), source_mark(l, cat))
}

impl Summary {
    /// The document every rendering is made from.
    pub fn document(&self, cat: &Catalogue) -> Document {
        let in_effect = self.level.judged.unwrap_or(self.level.computed);
        let mut parts = Vec::new();
        let (before, after) = SUMMARY_SECTIONS.split_at(2);
        for (id, key) in before {
            parts.extend(self.section_part(id, key, cat));
        }
        parts.push(self.disclosures_part(cat));
        parts.push(self.red_flags_part(cat));
        parts.push(self.level_part(cat));
        for (id, key) in after {
            parts.extend(self.section_part(id, key, cat));
        }
        parts.extend(self.record_parts(cat));
        Document {
            title: cat.get("core.summary.title").to_owned(),
            fields: self.header_fields(cat),
            level_line: field(
                cat,
                cat.get("core.summary.level_of_concern"),
                &self.level_in_words(cat),
            ),
            level: in_effect,
            under_level: self.under_level(in_effect, cat),
            parts,
        }
    }

    /// What must be read with the level, directly under it.
    fn under_level(&self, in_effect: Level, cat: &Catalogue) -> Vec<Block> {
        let mut under_level = Vec::new();
        if let Some(r) = &self.incomplete_reason {
            under_level.push(Block::Strong(r.clone()));
        }
        if let Some(c) = self.caveats.iter().find(|c| c.id == "minimisation") {
            under_level.push(Block::Para(c.text.clone()));
        }
        if in_effect == Level::NoAbuseDisclosed {
            under_level.push(Block::Strong(
                cat.get("core.summary.not_a_clean_bill").to_owned(),
            ));
        }
        under_level
    }

    /// The parts after the answers: changes, suitability, actions, the worker's records,
    /// notes, sharing, follow-up and caveats.
    fn record_parts(&self, cat: &Catalogue) -> Vec<Part> {
        let get = |key: &str| cat.get(key).to_owned();
        let mut parts = Vec::new();
        // Changes print only when there were some (the JSON always carries the list).
        if !self.changes.is_empty() {
            parts.push(Part {
                id: "changes".into(),
                heading: get("core.summary.changes"),
                blocks: vec![Block::List(self.changes.clone())],
            });
        }
        parts.push(self.suitability_part(cat));
        parts.push(self.actions_part(cat));
        parts.extend(self.written_parts(cat));
        parts.push(self.notes_part(cat));
        parts.push(self.list_part(
            "sharing",
            "core.summary.sharing",
            "core.summary.no_sharing",
            self.sharing.iter().map(|d| sharing_line(d, cat)).collect(),
            cat,
        ));
        parts.push(
            self.list_part(
                "follow_up",
                "core.summary.follow_up",
                "core.summary.nothing_to_follow_up",
                self.follow_up
                    .iter()
                    .map(|f| follow_up_line(f, cat))
                    .collect(),
                cat,
            ),
        );
        parts.push(Part {
            id: "caveats".into(),
            heading: get("core.summary.caveats"),
            blocks: vec![Block::List(
                self.caveats.iter().map(|c| c.text.clone()).collect(),
            )],
        });
        parts
    }

    fn suitability_part(&self, cat: &Catalogue) -> Part {
        Part {
            id: "suitability".into(),
            heading: cat.get("core.summary.suitability").to_owned(),
            blocks: vec![Block::List(
                self.suitability
                    .iter()
                    .map(|s| {
                        format!(
                            "{} {}",
                            field(cat, &s.criterion, s.indicator.label(cat)),
                            cat.fill("core.summary.suitability_answer", &[("item", &s.item_id)])
                        )
                    })
                    .collect(),
            )],
        }
    }

    /// The worker's observation and third-party information print only when written: an
    /// empty heading would only push the summary onto another sheet.
    fn written_parts(&self, cat: &Catalogue) -> Vec<Part> {
        let get = |key: &str| cat.get(key).to_owned();
        let mut parts = Vec::new();
        if let Some(text) = &self.observation {
            parts.push(Part {
                id: "observation".into(),
                heading: get("core.summary.observation"),
                blocks: vec![Block::Verbatim(text.clone())],
            });
        }
        if let Some(text) = &self.third_party {
            parts.push(Part {
                id: "third_party".into(),
                heading: get("core.summary.third_party"),
                blocks: vec![
                    Block::Warning(get("core.summary.third_party_warning")),
                    Block::Verbatim(text.clone()),
                ],
            });
        }
        parts
    }

    fn section_part(&self, id: &str, key: &str, cat: &Catalogue) -> Option<Part> {
        let s = self.sections.iter().find(|s| s.section_id == id)?;
        let blocks = if s.lines.is_empty() && self.switched_off.iter().any(|o| o == id) {
            vec![Block::Para(cat.get("core.summary.switched_off").to_owned())]
        } else if s.lines.is_empty() {
            vec![Block::Para(cat.get("core.summary.not_asked").to_owned())]
        } else {
            vec![Block::List(
                s.lines.iter().map(|l| answer_item(l, cat)).collect(),
            )]
        };
        Some(Part {
            id: id.to_owned(),
            heading: cat.get(key).to_owned(),
            blocks,
        })
    }

    fn disclosures_part(&self, cat: &Catalogue) -> Part {
        let mut blocks = Vec::new();
        if self.disclosures.is_empty() {
            blocks.push(Block::Para(
                cat.get("core.summary.no_disclosures").to_owned(),
            ));
        } else {
            blocks.push(Block::List(
                self.disclosures
                    .iter()
                    .map(|d| answer_item(d, cat))
                    .collect(),
            ));
            blocks.push(Block::Para(cat.fill(
                "core.summary.frequency_total",
                &[("total", &self.frequency_total.to_string())],
            )));
        }
        if !self.incident.is_empty() {
            blocks.push(Block::Subheading(
                cat.get("core.summary.incident").to_owned(),
            ));
            for l in &self.incident {
                // A date fits on its line; an account keeps its own lines, verbatim.
                if l.answer.contains('\n') || l.answer.chars().count() > 80 {
                    blocks.push(Block::Para(format!("{}:", l.label)));
                    blocks.push(Block::Verbatim(l.answer.clone()));
                } else {
                    blocks.push(Block::Para(field(cat, &l.label, &l.answer)));
                }
            }
        }
        Part {
            id: "disclosures".into(),
            heading: cat.get("core.summary.disclosures").to_owned(),
            blocks,
        }
    }

    fn red_flags_part(&self, cat: &Catalogue) -> Part {
        let mut blocks = Vec::new();
        if self.red_flags.is_empty() {
            blocks.push(Block::Para(cat.get("core.summary.no_red_flags").to_owned()));
        }
        for f in &self.red_flags {
            blocks.push(Block::Subheading(f.title.clone()));
            blocks.push(Block::Para(f.explanation.clone()));
            if let Some(status) = f.status.describe(cat) {
                blocks.push(Block::Strong(status));
            }
            blocks.push(Block::List(
                f.answers
                    .iter()
                    .map(|a| {
                        format!(
                            "{} {}{}",
                            cat.fill("core.summary.q", &[("question", &a.question)]),
                            cat.fill("core.summary.a", &[("answer", &a.answer)]),
                            source_mark(a, cat)
                        )
                    })
                    .collect(),
            ));
        }
        if let Some(c) = &self.cluster {
            blocks.push(Block::Strong(format!(
                "{}{}",
                cat.get("core.summary.cluster"),
                ids(&c.item_ids(), cat)
            )));
        }
        Part {
            id: "red_flags".into(),
            heading: cat.get("core.summary.red_flags").to_owned(),
            blocks,
        }
    }

    fn level_part(&self, cat: &Catalogue) -> Part {
        let mut blocks = vec![Block::Para(cat.fill(
            "core.summary.computed",
            &[("level", &self.level.computed_label)],
        ))];
        if let (Some(label), Some(reason)) =
            (&self.level.judged_label, &self.level.judgement_reason)
        {
            blocks.push(Block::Para(
                cat.fill("core.summary.judged", &[("level", label)]),
            ));
            blocks.push(Block::Para(
                cat.fill("core.summary.judgement_reason", &[("reason", reason)]),
            ));
        }
        blocks.push(Block::Para(cat.get("core.summary.reasons").to_owned()));
        blocks.push(Block::List(
            self.level
                .reasons
                .iter()
                .map(|r| {
                    format!(
                        "{} ({}){}",
                        r.text,
                        r.supports.label(cat),
                        ids(&r.item_ids, cat)
                    )
                })
                .collect(),
        ));
        Part {
            id: "level".into(),
            heading: cat.get("core.summary.level_of_concern").to_owned(),
            blocks,
        }
    }

    fn actions_part(&self, cat: &Catalogue) -> Part {
        let mut blocks = Vec::new();
        for a in &self.actions {
            let act = &a.action;
            blocks.push(Block::Subheading(format!(
                "[{}] {}",
                act.urgency.label(cat),
                act.title
            )));
            blocks.push(Block::Para(
                cat.fill("core.summary.what_to_do", &[("text", &act.what_to_do)]),
            ));
            blocks.push(Block::Para(format!(
                "{}{}",
                cat.fill("core.summary.because", &[("text", &act.because.text)]),
                ids(&act.because.item_ids, cat)
            )));
            for c in &act.contacts {
                blocks.push(Block::Para(
                    cat.fill("core.summary.contact", &[("contact", &c.display(cat))]),
                ));
            }
            blocks.push(Block::Para(match &a.status {
                Some(s) if s.note.is_empty() => {
                    cat.fill("core.summary.status", &[("state", s.state.label(cat))])
                }
                Some(s) => cat.fill(
                    "core.summary.status_note",
                    &[("state", s.state.label(cat)), ("note", &s.note)],
                ),
                None => cat.get("core.summary.status_not_recorded").to_owned(),
            }));
        }
        Part {
            id: "actions".into(),
            heading: cat.get("core.summary.actions").to_owned(),
            blocks,
        }
    }

    fn notes_part(&self, cat: &Catalogue) -> Part {
        let mut blocks = Vec::new();
        for s in &self.sections {
            if let Some(n) = &s.note {
                blocks.push(Block::Subheading(s.title.clone()));
                blocks.push(Block::Verbatim(n.clone()));
            }
        }
        if blocks.is_empty() {
            blocks.push(Block::Para(cat.get("core.summary.no_notes").to_owned()));
        }
        Part {
            id: "notes".into(),
            heading: cat.get("core.summary.notes").to_owned(),
            blocks,
        }
    }

    fn list_part(
        &self,
        id: &str,
        heading: &str,
        empty: &str,
        lines: Vec<String>,
        cat: &Catalogue,
    ) -> Part {
        Part {
            id: id.to_owned(),
            heading: cat.get(heading).to_owned(),
            blocks: vec![if lines.is_empty() {
                Block::Para(cat.get(empty).to_owned())
            } else {
                Block::List(lines)
            }],
        }
    }
}
