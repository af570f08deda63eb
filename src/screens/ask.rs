//! Ask: one section of questions per page, after the setting section. Every change is saved into
//! the shared state at once, so Back and Forward never lose an answer. Nothing here blocks
//! Continue: gaps are listed on check-your-answers and followed up later.
use dva_core::Item;
use leptos::prelude::*;

use crate::components::question::{follow, Question};
use crate::dom_ids::notes_dom_id;
use crate::flow::{group_by_domain, is_inventory, next_route, previous_route, progress};
use crate::nav;
use crate::route::Route;
use crate::state::{use_ctx, Ctx};
use crate::text::{catalogue, t, tf};

#[component]
pub fn AskPage(section: String) -> impl IntoView {
    let ctx = use_ctx();
    let def = ctx.def;
    // The guard (nav::guard) lets only a started screening's question sections through.
    let (Some(section), Some((n, total))) = (def.section(&section), progress(def, &section)) else {
        return ().into_any();
    };
    nav::focus_pending(&ctx);

    let questions = question_groups(ctx, def.items_in(&section.id).collect());

    let back_href = previous_route(def, &section.id).to_hash();
    let next = next_route(def, &section.id);
    let returning = move || ctx.return_to.with(Option::is_some);
    let on_continue = move |_| match ctx.return_to.get_untracked() {
        Some(route) => {
            ctx.return_to.set(None);
            nav::navigate(&ctx, &route);
        }
        None => nav::navigate(&ctx, &next),
    };
    let compact = is_inventory(def, &section.id);
    let switched_off = def.switched_off().any(|s| s.id == section.id);
    view! {
        <a class="back-link" href=back_href>{t("app.back")}</a>
        // The heading takes focus on arrival; describing it by the progress reads both out.
        <p class="page__caption" id="ask-progress">{tf("ask.progress", &[("n", &n.to_string()), ("total", &total.to_string())])}</p>
        <h1 class="page__title" tabindex="-1" aria-describedby="ask-progress">{section.title.clone()}</h1>
        // A section the service switched off keeps only the worker's own records.
        {switched_off.then(|| view! { <p class="inset">{t("ask.switched_off")}</p> })}
        {section.guidance.clone().filter(|_| !switched_off).map(|g| view! {
            <div class="inset ask__guidance">
                <h2 class="ask__guidance-title">{t("ask.guidance.heading")}</h2>
                <p class="ask__guidance-text">{g}</p>
            </div>
        })}
        <div class="ask__questions wide" class:ask__questions--compact=compact>{questions}</div>
        <Notes section_id=section.id.clone() />
        <div class="button-group">
            <button type="button" class="button" on:click=on_continue>
                {move || if returning() { t("ask.save_return") } else { t("app.continue") }}
            </button>
            <button type="button" class="button button--secondary" on:click=move |_| nav::navigate(&ctx, &Route::Handover)>
                {t("handover.open")}
            </button>
        </div>
    }
    .into_any()
}

/// The section's questions, in groups by domain with a heading each when there is more than one
/// group.
fn question_groups(ctx: Ctx, items: Vec<&'static Item>) -> impl IntoView {
    let def = ctx.def;
    let groups = group_by_domain(&items);
    let with_headings = groups.len() > 1;
    groups
        .into_iter()
        .map(|(domain, items)| {
            let versions = follow(&items);
            let items_of_group = items.clone();
            let list = items
                .into_iter()
                .zip(versions)
                .map(|(item, changed)| view! { <Question item=item changed=changed /> })
                .collect_view();
            // A group whose questions are all hidden (his words, before any disclosure) is not
            // shown at all, so no heading stands over nothing.
            let shown = move || {
                ctx.screening
                    .with(|s| items_of_group.iter().any(|i| def.is_shown(i, &s.answers)))
            };
            if with_headings {
                view! {
                    <section class="ask__group" aria-labelledby=format!("group-{}", domain.id())
                        prop:hidden=move || !shown()>
                        <h2 class="ask__group-title" id=format!("group-{}", domain.id())>{domain.label(catalogue())}</h2>
                        {list}
                    </section>
                }
                .into_any()
            } else {
                list.into_any()
            }
        })
        .collect_view()
}

/// The section's notes box: the client's own words, kept exactly as typed.
#[component]
fn Notes(section_id: String) -> impl IntoView {
    let ctx = use_ctx();
    let def = ctx.def;
    let id = notes_dom_id(&section_id);
    let hint_id = format!("{id}-hint");
    let initial = ctx.screening.with_untracked(|s| {
        s.answers
            .note(&section_id)
            .map(str::to_owned)
            .unwrap_or_default()
    });
    view! {
        <div class="form-group ask__notes">
            <label class="label" for=id.clone()>{t("ask.notes.label")}</label>
            <p class="hint" id=hint_id.clone()>{t("ask.notes.hint")}</p>
            <textarea class="textarea" id=id rows="4" aria-describedby=hint_id
                prop:value=initial
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    ctx.screening.update(|s| {
                        // The section exists (this page was built from it).
                        let _ = s.answers.set_note(def, &section_id, text);
                    });
                }></textarea>
        </div>
    }
}
