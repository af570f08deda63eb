//! Step 4, the result: the level of concern in words, what raised it (each red flag and reason
//! with the answers behind it), gaps to follow up, the caveats, a chart of what was disclosed,
//! and the worker's professional judgement. Every decision shown here was made by `dva-core`.
use dva_core::{Level, Urgency};
use leptos::prelude::*;

use crate::components::chart::BehaviourChart;
use crate::components::Glossary;
use crate::nav;
use crate::outcome::{self, level_modifier};
use crate::route::Route;
use crate::state::use_ctx;
use crate::text::{catalogue, t, tf};

mod answers;
mod judgement;
mod raised_by;

use answers::AnswerLink;
use judgement::JudgementForm;
use raised_by::RaisedBy;

#[component]
pub fn ResultPage() -> impl IntoView {
    let ctx = use_ctx();
    let level = Memo::new(move |_| outcome::level_in_effect(&ctx));
    let computed = Memo::new(move |_| ctx.assessment.with(|a| a.level));

    // Announce level changes after the page has opened (the heading is read on arrival).
    let announcement = RwSignal::new(String::new());
    Effect::new(move |prev: Option<Level>| {
        let now = level.get();
        if prev.is_some_and(|p| p != now) {
            announcement.set(tf("result.level_now", &[("level", now.label(catalogue()))]));
        }
        now
    });

    view! {
        <div class="result">
            <div class=move || format!("result__panel result__panel--{}", level_modifier(level.get()))>
                <h1 class="page__title result__title" tabindex="-1">
                    <span class="result__caption">{t("result.caption")}</span>
                    <span class="result__level">{move || level.get().label(catalogue()).to_owned()}</span>
                </h1>
                <Show when=move || outcome::judged(&ctx).is_some_and(|j| j.is_ok())>
                    <p class="result__panel-note">{t("result.panel_judged_note")}</p>
                </Show>
            </div>
            <p class="visually-hidden" aria-live="polite" aria-atomic="true">{move || announcement.get()}</p>
            <Show when=move || computed.get() == Level::NoAbuseDisclosed>
                <div class="warning-text result__minimisation">
                    <span class="warning-text__icon" aria-hidden="true">"!"</span>
                    <p><span class="visually-hidden">{t("result.warning")}</span>{t("result.no_abuse_caveat")}</p>
                </div>
            </Show>
            <FirstSteps />
            <RaisedBy />
            <Incomplete />
            <section class="result__section wide" aria-labelledby="chart-heading">
                <h2 id="chart-heading">{t("result.chart.heading")}</h2>
                <BehaviourChart />
            </section>
            <Caveats />
            <JudgementForm />
            <Glossary />
            <div class="button-group no-print">
                <button class="button" type="button" on:click=move |_| nav::navigate(&ctx, &Route::Respond)>
                    {t("result.continue")}
                </button>
            </div>
        </div>
    }
}

/// The most urgent actions, straight under the level, so that a tired worker sees what to do
/// first without reading on: everything due now or today, otherwise the most urgent group. The
/// core chooses and orders the actions; this only picks the first few.
#[component]
fn FirstSteps() -> impl IntoView {
    let ctx = use_ctx();
    let first = Memo::new(move |_| {
        let actions = outcome::actions(&ctx);
        let most_urgent = actions.first().map(|a| a.urgency.max(Urgency::Today));
        actions
            .into_iter()
            .filter(|a| Some(a.urgency) <= most_urgent)
            .take(FIRST_STEPS)
            .map(|a| {
                (
                    a.id,
                    tf(
                        "result.first.line",
                        &[("when", a.urgency.label(catalogue())), ("what", &a.title)],
                    ),
                )
            })
            .collect::<Vec<_>>()
    });
    view! {
        <section class="result__first" aria-labelledby="first-heading">
            <h2 id="first-heading">{t("result.first.heading")}</h2>
            <ul class="result__first-list">
                <For each=move || first.get() key=|(id, _)| id.clone() let:step>
                    <li>{step.1}</li>
                </For>
            </ul>
            <p class="no-print">{t("result.first.more")}</p>
        </section>
    }
}

/// At most this many first steps: more would bury the first.
const FIRST_STEPS: usize = 3;

/// Gaps to follow up when the core says the screen is incomplete, grouped by section so a
/// long list stays readable; each section links to its questions.
#[component]
fn Incomplete() -> impl IntoView {
    let ctx = use_ctx();
    move || {
        let (incomplete, follow) = ctx.assessment.with(|a| (a.incomplete, a.follow_up.clone()));
        if !incomplete {
            return None;
        }
        let total = follow.len();
        let groups = ctx
            .def
            .sections()
            .iter()
            .filter_map(|sec| {
                let items: Vec<String> = follow
                    .iter()
                    .filter(|f| f.section == sec.id)
                    .map(|f| {
                        // A gap that could hide a red flag is named with the flags and the
                        // questions it kept from being asked, in the core's words.
                        if !f.could_hide.is_empty() {
                            return dva_core::scoring::describe_gap(ctx.def, f, catalogue());
                        }
                        let label = ctx
                            .def
                            .item(&f.item_id)
                            .map_or(f.item_id.clone(), |i| i.label.clone());
                        format!("{label} ({})", f.gap.label(catalogue()))
                    })
                    .collect();
                (!items.is_empty()).then(|| {
                    let n = items.len().to_string();
                    view! {
                        <li class="result__gap-group">
                            <AnswerLink section=sec.id.clone() text=sec.title.clone() />
                            {format!(": {}", tf("result.incomplete.count", &[("n", &n)]))}
                            <p class="result__gap-items">{items.join("; ")}</p>
                        </li>
                    }
                })
            })
            .collect_view();
        Some(view! {
            <section class="result__section result__incomplete" aria-labelledby="incomplete-heading">
                <h2 id="incomplete-heading">{t("result.incomplete.heading")}</h2>
                <p class="result__incomplete-reason">{if total == 1 {
                    t("result.incomplete.body.one")
                } else {
                    tf("result.incomplete.body.other", &[("n", &total.to_string())])
                }}</p>
                <ul class="result__follow-up">{groups}</ul>
            </section>
        })
    }
}

#[component]
fn Caveats() -> impl IntoView {
    let ctx = use_ctx();
    let caveats = ctx.assessment.with(|a| a.caveats.clone());
    view! {
        <section class="result__section result__caveats" aria-labelledby="caveats-heading">
            <h2 id="caveats-heading">{t("result.caveats.heading")}</h2>
            <ul>{caveats.into_iter().map(|c| view! { <li>{c.text}</li> }).collect_view()}</ul>
        </section>
    }
}
