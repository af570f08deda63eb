//! Step 6, record: the referral summary on screen (built by `dva-core`), and ways to file it:
//! print (A4 stylesheet), copy the plain text (with a fallback where the clipboard is refused),
//! and download .txt, .html and .json, all made in the browser. Then start a new screening.
//!
//! The summary's date and time is when the screening started; if that was never recorded, the
//! moment this page was opened. It is fixed once per visit so that the screen, the copied text
//! and every file agree to the minute.
use dva_core::document::SUMMARY_SECTIONS;
use dva_core::{Block, Summary};
use leptos::prelude::*;

use crate::browser;
use crate::components::chart::BehaviourChart;
use crate::export;
use crate::nav;
use crate::outcome;
use crate::outcome::level_modifier;
use crate::route::Route;
use crate::state::use_ctx;
use crate::text::{catalogue, t};

#[component]
pub fn RecordPage() -> impl IntoView {
    let opened_at = outcome::now();
    let ctx = use_ctx();
    let summary = Memo::new(move |_| outcome::summary(&ctx, opened_at));
    let plain = Memo::new(move |_| summary.with(|s| s.to_plain_text(catalogue())));
    view! {
        <div class="record">
            // The summary's title is the page's one H1, on screen and on paper; its sections are
            // H2s under it and their parts H3s, so the printed PDF has a nested outline.
            <h1 class="page__title" id="summary-heading" tabindex="-1">{t("record.summary_heading")}</h1>
            <p class="no-print">{t("record.intro")}</p>
            <RecordTools summary=summary plain=plain />
            {move || view! { <SummaryView summary=summary.get() /> }}
            <details class="record__plain no-print">
                <summary>{t("record.plain_heading")}</summary>
                <pre class="record__plain-text" id="record-plain-text">{move || plain.get()}</pre>
            </details>
            <NewScreening />
        </div>
    }
}

/// Print, copy (with a read-only box to copy from where the clipboard is refused) and the three
/// downloads, with a status line that says what happened.
#[component]
fn RecordTools(summary: Memo<Summary>, plain: Memo<String>) -> impl IntoView {
    let message = RwSignal::new(String::new());
    let fallback = RwSignal::new(false);
    let fallback_ref = NodeRef::<leptos::html::Textarea>::new();

    let copy = move |_| {
        let text = plain.get();
        message.set(String::new());
        browser::copy_text(&text, move |ok| {
            if ok {
                fallback.set(false);
                message.set(t("record.copy.done"));
            } else {
                fallback.set(true);
                message.set(t("record.copy.fallback_message"));
                // Select the text once the read-only box is on screen.
                request_animation_frame(move || {
                    if let Some(el) = fallback_ref.get() {
                        let _ = el.focus();
                        el.select();
                    }
                });
            }
        });
    };
    let save = move |ext: &'static str| message.set(save_file(&summary.get(), plain, ext));

    view! {
        <div class="record__tools no-print" role="group" aria-label=t("record.tools_label")>
            <div class="button-group">
                <button class="button" type="button" on:click=move |_| browser::print()>{t("record.print")}</button>
                <button class="button button--secondary" type="button" on:click=copy>{t("record.copy.button")}</button>
            </div>
            <div class="button-group">
                <button class="button button--secondary" type="button" on:click=move |_| save("txt")>{t("record.download.txt")}</button>
                <button class="button button--secondary" type="button" on:click=move |_| save("html")>{t("record.download.html")}</button>
                <button class="button button--secondary" type="button" on:click=move |_| save("json")>{t("record.download.json")}</button>
            </div>
            <p class="record__status" role="status" aria-live="polite">{move || message.get()}</p>
            <Show when=move || fallback.get()>
                <div class="form-group record__fallback">
                    <label class="label" for="record-fallback">{t("record.copy.fallback_label")}</label>
                    <p class="hint" id="record-fallback-hint">{t("record.copy.fallback_hint")}</p>
                    <textarea class="textarea record__fallback-text" id="record-fallback" readonly rows="10"
                        aria-describedby="record-fallback-hint" node_ref=fallback_ref
                        prop:value=move || plain.get()></textarea>
                </div>
            </Show>
        </div>
    }
}

/// Downloads the summary as .txt, .html or .json; returns the status line to show.
fn save_file(s: &Summary, plain: Memo<String>, ext: &str) -> String {
    let name = export::file_name(&s.header.client_reference, &s.header.at, ext);
    let (mime, body) = match ext {
        "txt" => ("text/plain;charset=utf-8", plain.get()),
        "html" => ("text/html;charset=utf-8", export::summary_html(s)),
        _ => (
            "application/json;charset=utf-8",
            s.to_json().unwrap_or_default(),
        ),
    };
    if browser::download(&name, mime, &body) {
        t("record.download.done").replace("{name}", &name)
    } else {
        t("record.download.failed")
    }
}

/// "Start a new screening", behind a confirmation box.
#[component]
fn NewScreening() -> impl IntoView {
    let ctx = use_ctx();
    let drafts = crate::components::drafts::use_drafts();
    let confirm_reset = RwSignal::new(false);
    view! {
        <section class="record__new no-print" aria-labelledby="new-heading">
            <h2 id="new-heading">{t("record.new.heading")}</h2>
            // The confirmation box takes focus on its first button when it opens; Cancel
            // returns focus to the button that opened it.
            <Show when=move || confirm_reset.get()
                fallback=move || view! {
                    <button class="button button--secondary" type="button" id="record-new" on:click=move |_| {
                        confirm_reset.set(true);
                        browser::focus_id_after_render("record-new-confirm");
                    }>
                        {t("record.new.button")}
                    </button>
                }>
                <div class="record__confirm" role="alertdialog" aria-labelledby="confirm-text">
                    <p class="warning-text" id="confirm-text">
                        <span class="warning-text__icon" aria-hidden="true">"!"</span>
                        <span>{t("record.new.confirm_text")}</span>
                    </p>
                    <div class="button-group">
                        <button class="button button--warning" type="button" id="record-new-confirm" on:click=move |_| {
                            // "Cleared from this computer": this screening's draft goes too.
                            drafts.stop();
                            ctx.reset();
                            nav::navigate(&ctx, &Route::Start);
                        }>{t("record.new.confirm")}</button>
                        <button class="button button--secondary" type="button" on:click=move |_| {
                            confirm_reset.set(false);
                            browser::focus_id_after_render("record-new");
                        }>
                            {t("record.new.cancel")}
                        </button>
                    </div>
                </div>
            </Show>
        </section>
    }
}

/// The summary on screen: the core's document, the same one the text and the HTML download
/// render, as semantic sections. The behaviour chart goes with the disclosures.
#[component]
fn SummaryView(summary: Summary) -> impl IntoView {
    let doc = summary.document(catalogue());
    let level_class = format!("record__level record__level--{}", level_modifier(doc.level));
    view! {
        <article class="record__summary" aria-labelledby="summary-heading">
            <div class="record__section record__header">
                <dl class="record__meta">
                    {doc.fields.into_iter().map(|(k, v)| view! {
                        <div class="record__meta-row"><dt>{k}</dt><dd>{v}</dd></div>
                    }).collect_view()}
                </dl>
                <p class=level_class>{doc.level_line}</p>
                {blocks(doc.under_level, false)}
            </div>
            {doc.parts.into_iter().map(|p| {
                // Short "question: answer" lists run in two columns on paper.
                let answers = p.id == "disclosures"
                    || SUMMARY_SECTIONS.iter().any(|(id, _)| *id == p.id);
                let chart = (p.id == "disclosures").then(|| view! { <div class="record__chart"><BehaviourChart /></div> });
                view! {
                    <section class=format!("record__section record__section--{}", p.id)>
                        <h2>{p.heading}</h2>
                        {blocks(p.blocks, answers)}
                        {chart}
                    </section>
                }
            }).collect_view()}
        </article>
    }
}

fn blocks(blocks: Vec<Block>, answers: bool) -> impl IntoView {
    blocks
        .into_iter()
        .map(|b| match b {
            Block::Subheading(t) => view! { <h3>{t}</h3> }.into_any(),
            Block::Para(t) => view! { <p>{t}</p> }.into_any(),
            Block::Strong(t) => view! { <p><strong>{t}</strong></p> }.into_any(),
            Block::Verbatim(t) => view! { <p class="record__note">{t}</p> }.into_any(),
            Block::Warning(t) => view! {
                <div class="warning-text record__warning">
                    <span class="warning-text__icon" aria-hidden="true">"!"</span>
                    <strong class="warning-text__text">{t}</strong>
                </div>
            }
            .into_any(),
            Block::List(items) => view! {
                <ul class="record__list" class:record__list--answers=answers>
                    {items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}
                </ul>
            }
            .into_any(),
        })
        .collect_view()
}
