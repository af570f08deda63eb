//! The referral summary as files: names, and a self-contained HTML document. Pure string work,
//! tested natively; the browser glue that saves the files is in `browser.rs`.
//!
//! Every piece of text that came from a person (worker, service, client reference, notes,
//! reasons) goes through [`escape_html`] before it reaches the HTML document, so a hostile note
//! stays text. The document carries a CSP that forbids scripts and every external resource.
use std::fmt::Write as _;

use chrono::{DateTime, FixedOffset};
use dva_core::Summary;

/// Escapes text for HTML element content and double- or single-quoted attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The client reference as it may appear in a file name: only `A-Z a-z 0-9 _ -`, everything
/// else becomes `_`, runs of `_` collapse, at most 40 characters; "no-reference" when nothing
/// usable is left.
pub fn sanitise_reference(reference: &str) -> String {
    let mut out = String::new();
    for c in reference.trim().chars() {
        let c = if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
            c
        } else {
            '_'
        };
        if c == '_' && out.ends_with('_') {
            continue;
        }
        out.push(c);
    }
    let out: String = out.trim_matches('_').chars().take(40).collect();
    if out.trim_matches(['_', '-']).is_empty() {
        "no-reference".to_owned()
    } else {
        out
    }
}

/// `dva-screen-<reference>-<YYYY-MM-DD-HHMM>.<ext>`, in the summary's own local time.
pub fn file_name(reference: &str, at: &DateTime<FixedOffset>, ext: &str) -> String {
    format!(
        "dva-screen-{}-{}.{ext}",
        sanitise_reference(reference),
        at.format("%Y-%m-%d-%H%M")
    )
}

const HTML_CSS: &str = "body{font-family:system-ui,Arial,sans-serif;line-height:1.5;color:#0b0c0c;max-width:48rem;margin:1.5rem auto;padding:0 1rem}\
h1{font-size:1.6rem}h2{font-size:1.25rem;border-top:1px solid #b1b4b6;padding-top:.75rem;margin-top:1.5rem}\
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:700}dd{margin:0}\
p,li,dd{overflow-wrap:anywhere}.level{font-size:1.3rem;font-weight:700;border-left:8px solid #0b0c0c;padding-left:.75rem}\
.note{white-space:pre-wrap;border-left:4px solid #b1b4b6;padding-left:.75rem}\
section{break-inside:avoid}@page{size:A4;margin:15mm}";

/// A self-contained HTML document of the summary: inline CSS, no scripts, a restrictive CSP.
pub fn summary_html(s: &Summary) -> String {
    let e = escape_html;
    let h = &s.header;
    let mut o = String::new();
    let title = format!("DVA Screen referral summary: {}", h.client_reference);
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{HTML_CSS}</style>\n</head>\n<body>\n<h1>DVA Screen: referral summary</h1>\n",
        e(&title)
    );
    o.push_str("<section><dl>");
    let at = h.at.format("%d %B %Y, %H:%M (UTC%:z)").to_string();
    let questionnaire = format!("{} version {}", s.definition_id, s.definition_version);
    for (k, v) in [
        ("Service", h.service.as_str()),
        ("Worker", h.worker.as_str()),
        ("Date and time", at.as_str()),
        ("Client reference", h.client_reference.as_str()),
        ("Questionnaire", questionnaire.as_str()),
        ("Completed", h.completed_by.label()),
    ] {
        let _ = write!(o, "<dt>{}</dt><dd>{}</dd>", e(k), e(v));
    }
    o.push_str("</dl>");
    let _ = write!(
        o,
        "<p class=\"level\">Level of concern: {}</p>",
        e(&s.level_in_words())
    );
    if let Some(r) = &s.incomplete_reason {
        let _ = write!(o, "<p><strong>{}</strong></p>", e(r));
    }
    o.push_str("</section>\n");

    let section_block = |o: &mut String, id: &str, title: &str| {
        let Some(sec) = s.sections.iter().find(|x| x.section_id == id) else {
            return;
        };
        let _ = write!(o, "<section><h2>{}</h2>", e(title));
        if sec.lines.is_empty() {
            o.push_str("<p>Not asked.</p>");
        } else {
            o.push_str("<ul>");
            for l in &sec.lines {
                let _ = write!(o, "<li>{}: {}</li>", e(&l.label), e(&l.answer));
            }
            o.push_str("</ul>");
        }
        o.push_str("</section>\n");
    };
    section_block(&mut o, "setting", "Setting and consent");
    section_block(&mut o, "relationship", "Relationship");

    o.push_str("<section><h2>Disclosures</h2>");
    if s.disclosures.is_empty() {
        o.push_str("<p>No abusive behaviour was disclosed in this screen.</p>");
    } else {
        o.push_str("<ul>");
        for d in &s.disclosures {
            let _ = write!(o, "<li>{}: {}</li>", e(&d.label), e(&d.answer));
        }
        let _ = write!(
            o,
            "</ul><p>Frequency total: {} (once 1, 2 to 10 times 2, 11 to 20 times 3, more than 20 times 4)</p>",
            s.frequency_total
        );
    }
    o.push_str("</section>\n<section><h2>Red flags</h2>");
    if s.red_flags.is_empty() {
        o.push_str("<p>None raised by the answers given.</p>");
    }
    for f in &s.red_flags {
        let _ = write!(
            o,
            "<h3>{}</h3><p>{}</p><ul>",
            e(&f.title),
            e(&f.explanation)
        );
        for a in &f.answers {
            let _ = write!(
                o,
                "<li>Question: {}<br>Answer: {}</li>",
                e(&a.question),
                e(&a.answer)
            );
        }
        o.push_str("</ul>");
    }
    if s.cluster.is_some() {
        o.push_str("<p>Separation, coercive control and physical or sexual violence together: an especially dangerous combination.</p>");
    }
    o.push_str("</section>\n<section><h2>Level of concern</h2>");
    let _ = write!(
        o,
        "<p>Computed from the answers: {}</p>",
        e(&s.level.computed_label)
    );
    if let (Some(label), Some(reason)) = (&s.level.judged_label, &s.level.judgement_reason) {
        let _ = write!(
            o,
            "<p>Professional judgement: {}</p><p>Reason for judgement: {}</p>",
            e(label),
            e(reason)
        );
    }
    o.push_str("<ul>");
    for r in &s.level.reasons {
        let _ = write!(o, "<li>{} ({})</li>", e(&r.text), e(r.supports.label()));
    }
    o.push_str("</ul></section>\n");

    section_block(&mut o, "impact", "Impact and outside involvement");
    section_block(&mut o, "children", "Children");
    section_block(&mut o, "substance_use", "Substance use");
    section_block(&mut o, "own_safety", "His own safety");
    section_block(&mut o, "readiness", "Readiness to change");

    o.push_str("<section><h2>Programme suitability indicators (not a decision)</h2><ul>");
    for i in &s.suitability {
        let _ = write!(
            o,
            "<li>{}: {}</li>",
            e(&i.criterion),
            e(i.indicator.label())
        );
    }
    o.push_str("</ul></section>\n<section><h2>Actions</h2>");
    for a in &s.actions {
        let act = &a.action;
        let _ = write!(
            o,
            "<h3>[{}] {}</h3><p>What to do: {}</p><p>Why: {}</p>",
            e(act.urgency.label()),
            e(&act.title),
            e(&act.what_to_do),
            e(&act.because.text)
        );
        for c in &act.contacts {
            let _ = write!(o, "<p>Contact: {}</p>", e(&c.display()));
        }
        match &a.status {
            Some(st) if st.note.is_empty() => {
                let _ = write!(o, "<p>Status: {}</p>", e(st.state.label()));
            }
            Some(st) => {
                let _ = write!(
                    o,
                    "<p>Status: {}. Note:</p><p class=\"note\">{}</p>",
                    e(st.state.label()),
                    e(&st.note)
                );
            }
            None => o.push_str("<p>Status: not recorded</p>"),
        }
    }
    o.push_str("</section>\n<section><h2>Notes in the client's own words (verbatim)</h2>");
    let mut any_note = false;
    for sec in &s.sections {
        if let Some(n) = &sec.note {
            any_note = true;
            let _ = write!(
                o,
                "<h3>{}</h3><p class=\"note\">{}</p>",
                e(&sec.title),
                e(n)
            );
        }
    }
    if !any_note {
        o.push_str("<p>None recorded.</p>");
    }
    o.push_str("</section>\n<section><h2>Information sharing</h2>");
    if s.sharing.is_empty() {
        o.push_str("<p>No information-sharing decisions recorded.</p>");
    } else {
        o.push_str("<ul>");
        for d in &s.sharing {
            let _ = write!(
                o,
                "<li>{}: {}; {}. Reason: {}</li>",
                e(&d.with_whom),
                e(d.consent.label()),
                if d.shared { "shared" } else { "not shared" },
                e(&d.reason)
            );
        }
        o.push_str("</ul>");
    }
    o.push_str("</section>\n<section><h2>To follow up</h2>");
    if s.follow_up.is_empty() {
        o.push_str("<p>Nothing left unanswered.</p>");
    } else {
        o.push_str("<ul>");
        for f in &s.follow_up {
            let _ = write!(
                o,
                "<li>{} ({}): {}</li>",
                e(&f.label),
                e(&f.section_title),
                e(f.gap.label())
            );
        }
        o.push_str("</ul>");
    }
    o.push_str("</section>\n<section><h2>Caveats</h2><ul>");
    for c in &s.caveats {
        let _ = write!(o, "<li>{}</li>", e(&c.text));
    }
    o.push_str("</ul></section>\n</body>\n</html>\n");
    o
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn escapes_every_html_special_character() {
        assert_eq!(
            escape_html(r#"<a href="x" title='y'>Tom & Jerry</a>"#),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;"
        );
    }

    #[test]
    fn a_script_tag_becomes_text() {
        let out = escape_html("<script>alert('x')</script><img src=x onerror=alert(1)>");
        assert!(!out.contains('<') && !out.contains('>'), "{out}");
        assert!(out.starts_with("&lt;script&gt;"));
    }

    #[test]
    fn escaping_leaves_other_text_alone_and_does_not_double_escape_input_once() {
        assert_eq!(escape_html("Zoë, ‏שלום, 🙂\n"), "Zoë, ‏שלום, 🙂\n");
        assert_eq!(escape_html("&amp;"), "&amp;amp;");
    }

    #[test]
    fn references_keep_only_safe_characters() {
        assert_eq!(sanitise_reference("AB-123_x"), "AB-123_x");
        assert_eq!(sanitise_reference("J.S. / 42"), "J_S_42");
        assert_eq!(sanitise_reference("../../etc/passwd"), "etc_passwd");
        assert_eq!(sanitise_reference("<script>"), "script");
        assert_eq!(sanitise_reference("Zoë"), "Zo");
        assert_eq!(sanitise_reference(""), "no-reference");
        assert_eq!(sanitise_reference("🙂🙂"), "no-reference");
        assert_eq!(sanitise_reference(&"a".repeat(500)).len(), 40);
    }

    #[test]
    fn file_names_carry_reference_and_local_minute() {
        let at = FixedOffset::east_opt(3600)
            .unwrap()
            .with_ymd_and_hms(2026, 3, 7, 9, 5, 59)
            .unwrap();
        assert_eq!(
            file_name("JS 42", &at, "txt"),
            "dva-screen-JS_42-2026-03-07-0905.txt"
        );
    }
}
