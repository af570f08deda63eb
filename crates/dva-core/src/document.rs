//! The referral summary as one document: a title, the header fields, the level with what must
//! be read with it, then parts of simple blocks. Built once from a [`Summary`]; the plain text
//! (here), the HTML download and the record screen (in the shell) are small renderers of it,
//! so a new field appears in all three by construction.
//!
//! Free text from a person stays verbatim in [`Block::Verbatim`]; escaping is the renderer's job.
use std::fmt::Write as _;

use crate::answers::Source;
use crate::scoring::Level;
use crate::summary::{field, follow_up_line, sharing_line, AnswerLine, Summary};
use crate::text::{join_list, Catalogue};

/// One block of a part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A heading within a part (a red flag, an action): an H3.
    Subheading(String),
    Para(String),
    /// A sentence that must not be missed (incomplete, a flag's status, a caveat).
    Strong(String),
    List(Vec<String>),
    /// Words a person typed, kept exactly (line breaks too).
    Verbatim(String),
    /// A warning that travels with what follows it (third-party information).
    Warning(String),
}

/// A part of the summary under its own heading (an H2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// Stable id, for styling and for tests.
    pub id: String,
    pub heading: String,
    pub blocks: Vec<Block>,
}

/// The whole summary, ready to render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub title: String,
    pub fields: Vec<(String, String)>,
    /// "Level of concern: ..." in words.
    pub level_line: String,
    /// The level in effect, for the renderers' emphasis.
    pub level: Level,
    /// What must be read with the level, directly under it: why the screen is incomplete,
    /// the minimisation caveat, and "not a clean bill" when nothing was disclosed.
    pub under_level: Vec<Block>,
    pub parts: Vec<Part>,
}

/// The sections printed in full, in order, with their heading keys. The first two come before
/// the disclosures, the rest after the level of concern.
pub const SUMMARY_SECTIONS: [(&str, &str); 7] = [
    ("setting", "core.summary.section.setting"),
    ("relationship", "core.summary.section.relationship"),
    ("impact", "core.summary.section.impact"),
    ("children", "core.summary.section.children"),
    ("substance_use", "core.summary.section.substance_use"),
    ("own_safety", "core.summary.section.own_safety"),
    ("readiness", "core.summary.section.readiness"),
];

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
        let get = |key: &str| cat.get(key).to_owned();
        let mut under_level = Vec::new();
        if let Some(r) = &self.incomplete_reason {
            under_level.push(Block::Strong(r.clone()));
        }
        if let Some(c) = self.caveats.iter().find(|c| c.id == "minimisation") {
            under_level.push(Block::Para(c.text.clone()));
        }
        let in_effect = self.level.judged.unwrap_or(self.level.computed);
        if in_effect == Level::NoAbuseDisclosed {
            under_level.push(Block::Strong(get("core.summary.not_a_clean_bill")));
        }

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
        // Changes print only when there were some (the JSON always carries the list).
        if !self.changes.is_empty() {
            parts.push(Part {
                id: "changes".into(),
                heading: get("core.summary.changes"),
                blocks: vec![Block::List(self.changes.clone())],
            });
        }
        parts.push(Part {
            id: "suitability".into(),
            heading: get("core.summary.suitability"),
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
        });
        parts.push(self.actions_part(cat));
        // The worker's observation and third-party information print only when written: an
        // empty heading would only push the summary onto another sheet.
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
        Document {
            title: get("core.summary.title"),
            fields: self.header_fields(cat),
            level_line: field(
                cat,
                cat.get("core.summary.level_of_concern"),
                &self.level_in_words(cat),
            ),
            level: in_effect,
            under_level,
            parts,
        }
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

/// Every piece of text in a document, in order: what each rendering must contain.
pub fn texts(doc: &Document) -> Vec<String> {
    let mut out = vec![doc.title.clone()];
    for (k, v) in &doc.fields {
        out.push(k.clone());
        out.push(v.clone());
    }
    out.push(doc.level_line.clone());
    let blocks = doc
        .under_level
        .iter()
        .chain(doc.parts.iter().flat_map(|p| p.blocks.iter()));
    for p in &doc.parts {
        out.push(p.heading.clone());
    }
    for b in blocks {
        match b {
            Block::List(items) => out.extend(items.iter().cloned()),
            Block::Subheading(t)
            | Block::Para(t)
            | Block::Strong(t)
            | Block::Verbatim(t)
            | Block::Warning(t) => out.push(t.clone()),
        }
    }
    out
}

impl Document {
    /// The plain text for pasting into a case system: headings in capitals, underlined; free
    /// text verbatim.
    pub fn to_plain_text(&self) -> String {
        let mut out = String::new();
        heading(&mut out, &self.title, '=');
        for (k, v) in &self.fields {
            let _ = writeln!(out, "{k}: {v}");
        }
        let _ = writeln!(out, "{}", self.level_line);
        blocks_text(&mut out, &self.under_level);
        for p in &self.parts {
            out.push('\n');
            heading(&mut out, &p.heading, '-');
            blocks_text(&mut out, &p.blocks);
        }
        out
    }
}

fn heading(out: &mut String, title: &str, rule: char) {
    let title = title.to_uppercase();
    out.push_str(&title);
    out.push('\n');
    out.extend(std::iter::repeat_n(rule, title.chars().count()));
    out.push('\n');
}

/// Blocks as text. What follows a subheading is indented under it, as in a case note; free
/// text is never indented, so that it pastes back exactly as typed.
fn blocks_text(out: &mut String, blocks: &[Block]) {
    let mut indent = "";
    for b in blocks {
        let _ = match b {
            Block::Subheading(t) => {
                indent = "  ";
                writeln!(out, "* {t}")
            }
            Block::Para(t) | Block::Strong(t) => writeln!(out, "{indent}{t}"),
            Block::Verbatim(t) => writeln!(out, "{t}"),
            Block::Warning(t) => writeln!(out, "{indent}!! {t}"),
            Block::List(items) => {
                for i in items {
                    let _ = writeln!(out, "{indent}- {i}");
                }
                Ok(())
            }
        };
    }
}
