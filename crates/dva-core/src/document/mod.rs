//! The referral summary as one document: a title, the header fields, the level with what must
//! be read with it, then parts of simple blocks. Built once from a [`Summary`]; the plain text
//! (here), the HTML download and the record screen (in the shell) are small renderers of it,
//! so a new field appears in all three by construction.
//!
//! Free text from a person stays verbatim in [`Block::Verbatim`]; escaping is the renderer's job.
//!
//! `model` is the document's shape, `build` makes it from a [`Summary`](crate::summary::Summary)
//! part by part, and `plain` renders it as plain text.

mod build;
mod model;
mod plain;

pub use model::{Block, Document, Part, SUMMARY_SECTIONS};
pub use plain::texts;
