//! Step 6, record: the referral summary on screen (built by `dva-core`), and ways to file it:
//! print (A4 stylesheet), copy the plain text (with a fallback where the clipboard is refused),
//! and download .txt, .html and .json, all made in the browser. Then start a new screening.
//!
//! The summary's date and time is when the screening started; if that was never recorded, the
//! moment this page was opened. It is fixed once per visit so that the screen, the copied text
//! and every file agree to the minute.
use dva_core::summary::{field, follow_up_line, sharing_line, AnswerLine};
use dva_core::Summary;
use leptos::prelude::*;

use crate::app::navigate;
use crate::browser;
use crate::export;
use crate::outcome;
use crate::route::Route;
use crate::screens::result::{level_modifier, BehaviourChart};
use crate::state::use_ctx;
use crate::text::{catalogue, t};

#[component]
pub fn RecordPage() -> impl IntoView {
    let ctx = use_ctx();
    let opened_at = outcome::now();
    let summary = Memo::new(move |_| outcome::summary(&ctx, opened_at));
    let plain = Memo::new(move |_| summary.with(|s| s.to_plain_text(catalogue())));
    let message = RwSignal::new(String::new());
    let fallback = RwSignal::new(false);
    let confirm_reset = RwSignal::new(false);
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

    let save = move |ext: &'static str| {
        let s = summary.get();
        let name = export::file_name(&s.header.client_reference, &s.header.at, ext);
        let (mime, body) = match ext {
            "txt" => ("text/plain;charset=utf-8", plain.get()),
            "html" => ("text/html;charset=utf-8", export::summary_html(&s)),
            _ => (
                "application/json;charset=utf-8",
                s.to_json().unwrap_or_default(),
            ),
        };
        if browser::download(&name, mime, &body) {
            message.set(t("record.download.done").replace("{name}", &name));
        } else {
            message.set(t("record.download.failed"));
        }
    };

    view! {
        <div class="record">
            // The summary's title is the page's one H1, on screen and on paper; its sections are
            // H2s under it and their parts H3s, so the printed PDF has a nested outline.
            <h1 class="page__title" id="summary-heading" tabindex="-1">{t("record.summary_heading")}</h1>
            <p class="no-print">{t("record.intro")}</p>
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
            {move || view! { <SummaryView summary=summary.get() /> }}
            <details class="record__plain no-print">
                <summary>{t("record.plain_heading")}</summary>
                <pre class="record__plain-text" id="record-plain-text">{move || plain.get()}</pre>
            </details>
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
                                crate::components::drafts::stop_and_delete();
                                ctx.reset();
                                navigate(&Route::Start);
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
        </div>
    }
}

fn answer_list(lines: Vec<AnswerLine>) -> impl IntoView {
    view! {
        <ul class="record__list record__list--answers">
            {lines.into_iter().map(|l| view! { <li><span class="record__key">{l.label}</span>": "{l.answer}</li> }).collect_view()}
        </ul>
    }
}

/// The summary as semantic sections, in the same order as the plain text.
#[component]
fn SummaryView(summary: Summary) -> impl IntoView {
    let s = summary;
    let h = &s.header;
    let level_text = s.level_in_words(catalogue());
    let in_effect = s.level.judged.unwrap_or(s.level.computed);
    let section = |id: &str, title_key: &str| {
        let sec = s.sections.iter().find(|x| x.section_id == id).cloned();
        let title = t(title_key);
        sec.map(|sec| {
            let body = if sec.lines.is_empty() {
                view! { <p>{t("record.not_asked")}</p> }.into_any()
            } else {
                answer_list(sec.lines).into_any()
            };
            view! { <section class="record__section"><h2>{title}</h2>{body}</section> }
        })
    };
    let header_rows = vec![
        (t("record.header.service"), h.service.clone()),
        (t("record.header.worker"), h.worker.clone()),
        (
            t("record.header.at"),
            dva_core::text::date_time(catalogue(), &h.at),
        ),
        (t("record.header.client"), h.client_reference.clone()),
        (
            t("record.header.questionnaire"),
            s.questionnaire(catalogue()),
        ),
        (
            t("record.header.completed"),
            h.completed_by.label(catalogue()).to_owned(),
        ),
    ];
    view! {
        <article class="record__summary" aria-labelledby="summary-heading">
            <div class="record__section record__header">
                <dl class="record__meta">
                    {header_rows.into_iter().map(|(k, v)| view! {
                        <div class="record__meta-row"><dt>{k}</dt><dd>{v}</dd></div>
                    }).collect_view()}
                </dl>
                <p class=format!("record__level record__level--{}", level_modifier(in_effect))>
                    <span class="record__level-key">{t("record.level")}</span>" "{level_text}
                </p>
                {s.incomplete_reason.clone().map(|r| view! { <p class="record__incomplete"><strong>{r}</strong></p> })}
            </div>
            {section("setting", "record.sec.setting")}
            {section("relationship", "record.sec.relationship")}
            <section class="record__section">
                <h2>{t("record.disclosures")}</h2>
                {if s.disclosures.is_empty() {
                    view! { <p>{t("record.no_disclosures")}</p> }.into_any()
                } else {
                    view! {
                        {answer_list(s.disclosures.clone())}
                        <p>{format!("{} {}", t("record.frequency_total"), s.frequency_total)}</p>
                    }.into_any()
                }}
                <div class="record__chart"><BehaviourChart /></div>
            </section>
            <section class="record__section">
                <h2>{t("record.red_flags")}</h2>
                {s.red_flags.is_empty().then(|| view! { <p>{t("record.no_red_flags")}</p> })}
                {s.red_flags.clone().into_iter().map(|f| view! {
                    <div class="record__flag">
                        <h3>{f.title}</h3>
                        <p>{f.explanation}</p>
                        <ul class="record__list">
                            {f.answers.into_iter().map(|a| view! {
                                <li>{t("record.question")}" "{a.question}<br />{t("record.answer")}" "{a.answer}</li>
                            }).collect_view()}
                        </ul>
                    </div>
                }).collect_view()}
                {s.cluster.is_some().then(|| view! { <p>{t("result.cluster.body")}</p> })}
            </section>
            <section class="record__section">
                <h2>{t("record.level_heading")}</h2>
                <p>{t("record.computed")}" "{s.level.computed_label.clone()}</p>
                {s.level.judged_label.clone().zip(s.level.judgement_reason.clone()).map(|(l, r)| view! {
                    <p>{t("record.judged")}" "{l}</p>
                    <p>{t("record.judged_reason")}" "{r}</p>
                })}
                <ul class="record__list">
                    {s.level.reasons.clone().into_iter().map(|r| view! { <li>{format!("{} ({})", r.text, r.supports.label(catalogue()))}</li> }).collect_view()}
                </ul>
            </section>
            {section("impact", "record.sec.impact")}
            {section("children", "record.sec.children")}
            {section("substance_use", "record.sec.substance_use")}
            {section("own_safety", "record.sec.own_safety")}
            {section("readiness", "record.sec.readiness")}
            <section class="record__section">
                <h2>{t("record.suitability")}</h2>
                <ul class="record__list">
                    {s.suitability.clone().into_iter().map(|i| view! { <li>{field(catalogue(), &i.criterion, i.indicator.label(catalogue()))}</li> }).collect_view()}
                </ul>
            </section>
            <section class="record__section record__section--actions">
                <h2>{t("record.actions")}</h2>
                {s.actions.clone().into_iter().map(|a| {
                    let act = a.action;
                    let status = match a.status {
                        Some(st) if st.note.is_empty() => st.state.label(catalogue()).to_owned(),
                        Some(st) => format!("{}. {} {}", st.state.label(catalogue()), t("record.note"), st.note),
                        None => t("record.status_not_recorded"),
                    };
                    view! {
                        <div class="record__action">
                            <h3>{format!("[{}] {}", act.urgency.label(catalogue()), act.title)}</h3>
                            <p>{t("record.what_to_do")}" "{act.what_to_do}</p>
                            <p>{t("record.because")}" "{act.because.text}</p>
                            {act.contacts.into_iter().map(|c| view! { <p>{t("record.contact")}" "{c.display(catalogue())}</p> }).collect_view()}
                            <p class="record__action-status">{t("record.status")}" "{status}</p>
                        </div>
                    }
                }).collect_view()}
            </section>
            <section class="record__section">
                <h2>{t("record.notes")}</h2>
                {let notes: Vec<_> = s.sections.iter().filter_map(|x| x.note.clone().map(|n| (x.title.clone(), n))).collect();
                if notes.is_empty() {
                    view! { <p>{t("record.none_recorded")}</p> }.into_any()
                } else {
                    notes.into_iter().map(|(title, n)| view! {
                        <h3>{title}</h3><p class="record__note">{n}</p>
                    }).collect_view().into_any()
                }}
            </section>
            <section class="record__section">
                <h2>{t("record.sharing")}</h2>
                {if s.sharing.is_empty() {
                    view! { <p>{t("record.no_sharing")}</p> }.into_any()
                } else {
                    view! {
                        <ul class="record__list">
                            {s.sharing.clone().into_iter().map(|d| view! {
                                <li>{sharing_line(&d, catalogue())}</li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
            <section class="record__section">
                <h2>{t("record.follow_up")}</h2>
                {if s.follow_up.is_empty() {
                    view! { <p>{t("record.nothing_unanswered")}</p> }.into_any()
                } else {
                    view! {
                        <ul class="record__list">
                            {s.follow_up.clone().into_iter().map(|f| view! { <li>{follow_up_line(&f, catalogue())}</li> }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
            <section class="record__section">
                <h2>{t("record.caveats")}</h2>
                <ul class="record__list">
                    {s.caveats.clone().into_iter().map(|c| view! { <li>{c.text}</li> }).collect_view()}
                </ul>
            </section>
        </article>
    }
}
