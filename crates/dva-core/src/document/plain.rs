//! The document as plain text for pasting into a case system, and every text it holds.

use std::fmt::Write as _;

use super::model::{Block, Document};

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
