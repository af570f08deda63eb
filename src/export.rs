//! The referral summary as files: names, and a self-contained HTML document. Pure string work,
//! tested natively; the browser glue that saves the files is in `browser.rs`.
//!
//! Every piece of text that came from a person (worker, service, client reference, notes,
//! reasons) goes through [`escape_html`] before it reaches the HTML document, so a hostile note
//! stays text. The document carries a CSP that forbids scripts and every external resource.
use std::fmt::Write as _;

use chrono::{DateTime, Datelike, FixedOffset, Timelike};
use dva_core::summary::{field, follow_up_line, sharing_line, SUMMARY_SECTIONS};
use dva_core::Summary;

use crate::text::{catalogue, language};

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
    // By hand rather than with chrono's `format`, which costs tens of KiB of wasm.
    format!(
        "dva-screen-{}-{:04}-{:02}-{:02}-{:02}{:02}.{ext}",
        sanitise_reference(reference),
        at.year(),
        at.month(),
        at.day(),
        at.hour(),
        at.minute()
    )
}

const HTML_CSS: &str = "body{font-family:system-ui,Arial,sans-serif;line-height:1.5;color:#0b0c0c;max-width:48rem;margin:1.5rem auto;padding:0 1rem}\
h1{font-size:1.6rem}h2{font-size:1.25rem;border-top:1px solid #b1b4b6;padding-top:.75rem;margin-top:1.5rem}\
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:700}dd{margin:0}\
p,li,dd{overflow-wrap:anywhere}.level{font-size:1.3rem;font-weight:700;border-left:8px solid #0b0c0c;padding-left:.75rem}\
.note{white-space:pre-wrap;border-left:4px solid #b1b4b6;padding-left:.75rem}\
section{break-inside:avoid}@page{size:A4;margin:15mm}";

/// A self-contained HTML document of the summary: inline CSS, no scripts, a restrictive CSP.
/// Its words come from the catalogue: the core's summary keys (the same as the plain text) and
/// the record screen's labels.
pub fn summary_html(s: &Summary) -> String {
    let cat = catalogue();
    let e = escape_html;
    let g = |key: &'static str| e(cat.get(key));
    let h = &s.header;
    let mut o = String::new();
    let title = cat.fill(
        "export.document_title",
        &[("reference", &h.client_reference)],
    );
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{HTML_CSS}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        e(language()),
        e(&title),
        g("core.summary.title")
    );
    o.push_str("<section><dl>");
    for (k, v) in s.header_fields(cat) {
        let _ = write!(o, "<dt>{}</dt><dd>{}</dd>", e(&k), e(&v));
    }
    o.push_str("</dl>");
    let _ = write!(
        o,
        "<p class=\"level\">{}</p>",
        e(&field(
            cat,
            cat.get("core.summary.level_of_concern"),
            &s.level_in_words(cat)
        ))
    );
    if let Some(r) = &s.incomplete_reason {
        let _ = write!(o, "<p><strong>{}</strong></p>", e(r));
    }
    o.push_str("</section>\n");

    let section_block = |o: &mut String, id: &str, title_key: &str| {
        let Some(sec) = s.sections.iter().find(|x| x.section_id == id) else {
            return;
        };
        let _ = write!(o, "<section><h2>{}</h2>", e(cat.get(title_key)));
        if sec.lines.is_empty() {
            let _ = write!(o, "<p>{}</p>", g("core.summary.not_asked"));
        } else {
            o.push_str("<ul>");
            for l in &sec.lines {
                let _ = write!(o, "<li>{}</li>", e(&field(cat, &l.label, &l.answer)));
            }
            o.push_str("</ul>");
        }
        o.push_str("</section>\n");
    };
    let (before, after) = SUMMARY_SECTIONS.split_at(2);
    for (id, key) in before {
        section_block(&mut o, id, key);
    }

    let _ = write!(o, "<section><h2>{}</h2>", g("core.summary.disclosures"));
    if s.disclosures.is_empty() {
        let _ = write!(o, "<p>{}</p>", g("core.summary.no_disclosures"));
    } else {
        o.push_str("<ul>");
        for d in &s.disclosures {
            let _ = write!(o, "<li>{}</li>", e(&field(cat, &d.label, &d.answer)));
        }
        let _ = write!(
            o,
            "</ul><p>{}</p>",
            e(&cat.fill(
                "core.summary.frequency_total",
                &[("total", &s.frequency_total.to_string())]
            ))
        );
    }
    let _ = write!(
        o,
        "</section>\n<section><h2>{}</h2>",
        g("core.summary.red_flags")
    );
    if s.red_flags.is_empty() {
        let _ = write!(o, "<p>{}</p>", g("core.summary.no_red_flags"));
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
                "<li>{} {}<br>{} {}</li>",
                g("record.question"),
                e(&a.question),
                g("record.answer"),
                e(&a.answer)
            );
        }
        o.push_str("</ul>");
    }
    if s.cluster.is_some() {
        let _ = write!(o, "<p>{}</p>", g("result.cluster.body"));
    }
    let _ = write!(
        o,
        "</section>\n<section><h2>{}</h2>",
        g("core.summary.level_of_concern")
    );
    let _ = write!(
        o,
        "<p>{}</p>",
        e(&cat.fill(
            "core.summary.computed",
            &[("level", &s.level.computed_label)]
        ))
    );
    if let (Some(label), Some(reason)) = (&s.level.judged_label, &s.level.judgement_reason) {
        let _ = write!(
            o,
            "<p>{}</p><p>{}</p>",
            e(&cat.fill("core.summary.judged", &[("level", label)])),
            e(&cat.fill("core.summary.judgement_reason", &[("reason", reason)]))
        );
    }
    o.push_str("<ul>");
    for r in &s.level.reasons {
        let _ = write!(o, "<li>{} ({})</li>", e(&r.text), e(r.supports.label(cat)));
    }
    o.push_str("</ul></section>\n");

    for (id, key) in after {
        section_block(&mut o, id, key);
    }

    let _ = write!(o, "<section><h2>{}</h2><ul>", g("core.summary.suitability"));
    for i in &s.suitability {
        let _ = write!(
            o,
            "<li>{}</li>",
            e(&field(cat, &i.criterion, i.indicator.label(cat)))
        );
    }
    let _ = write!(
        o,
        "</ul></section>\n<section><h2>{}</h2>",
        g("core.summary.actions")
    );
    for a in &s.actions {
        let act = &a.action;
        let _ = write!(
            o,
            "<h3>[{}] {}</h3><p>{}</p><p>{} {}</p>",
            e(act.urgency.label(cat)),
            e(&act.title),
            e(&cat.fill("core.summary.what_to_do", &[("text", &act.what_to_do)])),
            g("respond.why"),
            e(&act.because.text)
        );
        for c in &act.contacts {
            let _ = write!(
                o,
                "<p>{}</p>",
                e(&cat.fill("core.summary.contact", &[("contact", &c.display(cat))]))
            );
        }
        match &a.status {
            Some(st) => {
                let status = cat.fill("core.summary.status", &[("state", st.state.label(cat))]);
                if st.note.is_empty() {
                    let _ = write!(o, "<p>{}</p>", e(&status));
                } else {
                    let _ = write!(
                        o,
                        "<p>{}. {}</p><p class=\"note\">{}</p>",
                        e(&status),
                        g("record.note"),
                        e(&st.note)
                    );
                }
            }
            None => {
                let _ = write!(o, "<p>{}</p>", g("core.summary.status_not_recorded"));
            }
        }
    }
    let _ = write!(
        o,
        "</section>\n<section><h2>{}</h2>",
        g("core.summary.notes")
    );
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
        let _ = write!(o, "<p>{}</p>", g("core.summary.no_notes"));
    }
    let _ = write!(
        o,
        "</section>\n<section><h2>{}</h2>",
        g("core.summary.sharing")
    );
    if s.sharing.is_empty() {
        let _ = write!(o, "<p>{}</p>", g("core.summary.no_sharing"));
    } else {
        o.push_str("<ul>");
        for d in &s.sharing {
            let _ = write!(o, "<li>{}</li>", e(&sharing_line(d, cat)));
        }
        o.push_str("</ul>");
    }
    let _ = write!(
        o,
        "</section>\n<section><h2>{}</h2>",
        g("core.summary.follow_up")
    );
    if s.follow_up.is_empty() {
        let _ = write!(o, "<p>{}</p>", g("core.summary.nothing_to_follow_up"));
    } else {
        o.push_str("<ul>");
        for f in &s.follow_up {
            let _ = write!(o, "<li>{}</li>", e(&follow_up_line(f, cat)));
        }
        o.push_str("</ul>");
    }
    let _ = write!(
        o,
        "</section>\n<section><h2>{}</h2><ul>",
        g("core.summary.caveats")
    );
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

    /// A summary with a red flag, a self-completed answer, an action status with a note, a
    /// sharing decision and gaps, built by the core with the English catalogue.
    fn rich_summary() -> Summary {
        use dva_core::{
            ActionState, ActionStatus, Answer, Answers, Band, CompletedBy, Consent, Contacts,
            SharingDecision, Source, SummaryHeader, SummaryInput, YesNo,
        };
        let cat = catalogue();
        let def = dva_core::builtin().expect("built-in definition");
        let mut a = Answers::new();
        let frequency = Answer::Frequency {
            band: Band::TwoToTen,
            last_12_months: Some(YesNo::Yes),
        };
        a.set(&def, "b.strangling", frequency, Source::ClientSelfCompleted)
            .expect("answer");
        let r = dva_core::assess(&def, &a, cat);
        let acts = dva_core::recommend(&def, &r, &a, &Contacts::default(), cat);
        dva_core::build(SummaryInput {
            definition: &def,
            answers: &a,
            assessment: &r,
            judged: None,
            actions: &acts,
            action_statuses: &[ActionStatus {
                action_id: "safeguarding_lead".into(),
                state: ActionState::Done,
                note: "Spoke to M. Lead".into(),
            }],
            header: SummaryHeader {
                service: "Riverside".into(),
                worker: "J. Worker".into(),
                at: FixedOffset::east_opt(3600)
                    .unwrap()
                    .with_ymd_and_hms(2026, 3, 7, 9, 5, 0)
                    .unwrap(),
                client_reference: "RR-1".into(),
                completed_by: CompletedBy::WorkerAdministered,
            },
            sharing: &[SharingDecision {
                with_whom: "GP".into(),
                consent: Consent::NotGiven,
                shared: false,
                reason: "Not needed {reason}".into(),
            }],
            catalogue: cat,
        })
    }

    #[test]
    fn the_html_summary_takes_its_words_from_the_catalogue() {
        let html = summary_html(&rich_summary());
        for want in [
            "<html lang=\"en-GB\">",
            "<title>DVA Screen referral summary: RR-1</title>",
            "<h1>DVA Screen: referral summary</h1>",
            "<dt>Date and time</dt><dd>07 March 2026, 09:05 (UTC+01:00)</dd>",
            "<dt>Questionnaire</dt><dd>",
            "<dt>Completed</dt><dd>worker-administered</dd>",
            "<p class=\"level\">Level of concern: High risk: act today</p>",
            "<section><h2>Disclosures</h2><ul><li>",
            ": 2 to 10 times; in the last 12 months: yes</li>",
            "<p>Count of answers (not a risk score): 2, each behaviour counted by how often (once 1, 2 to 10 times 2, 11 to 20 times 3, more than 20 times 4)</p>",
            "<li>Question: ",
            "<br>Answer: 2 to 10 times; in the last 12 months: yes</li>",
            "<h2>Level of concern</h2><p>Computed from the answers: High risk: act today</p>",
            " (High risk: act today)</li>",
            "<h2>Programme suitability indicators (not a decision)</h2>",
            "<li>Stabilised or abstinent: unknown</li>",
            "<h3>[Today] Discuss with your safeguarding lead today</h3>",
            "<p>Why: High risk</p>",
            "<p>Contact: Safeguarding lead: not set (ask your service to add it)</p>",
            "<p>Status: done. Note:</p><p class=\"note\">Spoke to M. Lead</p>",
            "<p>Status: not recorded</p>",
            "<p>None recorded.</p>",
            "<li>GP: consent not given; not shared. Reason: Not needed {reason}</li>",
            ": not yet answered</li>",
            "<h2>Caveats</h2><ul><li>This screen relies on what he says about himself.",
        ] {
            assert!(html.contains(want), "missing {want:?} in\n{html}");
        }
        assert!(!html.contains("core."), "a raw key in\n{html}");
        assert!(!html.contains("export."), "a raw key in\n{html}");
    }

    #[test]
    fn the_plain_text_summary_shows_no_raw_key() {
        let text = rich_summary().to_plain_text(catalogue());
        assert!(!text.contains("core."), "{text}");
        assert!(text.starts_with("DVA SCREEN: REFERRAL SUMMARY\n============================\n"));
        assert!(text.contains("Date and time: 07 March 2026, 09:05 (UTC+01:00)\n"));
    }
}
