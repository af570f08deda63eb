//! "Did this happen in the last 12 months?", its own page after a disclosure. His "prefer not to
//! say" is kept with the handover (there is no answer value for it), so it shows when he comes
//! back to the page.
use dva_core::answers::prefer_not_to_say_label;
use dva_core::{Answer, Item, Source, YesNo};
use leptos::prelude::*;

use super::parts::{choose_error, BackLink, ClientRadios, StopLink};
use crate::components::{ErrorSummary, FieldError, RadioOption};
use crate::form::PREFER_NOT;
use crate::handover::{self, needs_recent};
use crate::nav;
use crate::route::Route;
use crate::state::{use_ctx, Ctx};
use crate::text::{catalogue, t, tf};

#[component]
pub fn ClientRecentPage(item_id: String) -> impl IntoView {
    let ctx = use_ctx();
    let here = Route::ClientRecent(item_id.clone());
    let Some(item) = untrack(|| {
        ctx.def
            .item(&item_id)
            .filter(|i| nav::client_number(&ctx, &i.id).is_some())
            .filter(|i| needs_recent(i, ctx.answer_of(&i.id).as_ref()))
    }) else {
        // The guard (nav::guard) lets only a follow-up he now has through.
        return ().into_any();
    };
    let item_for_progress = item.id.clone();
    let progress_text = move || nav::client_progress(&ctx, &item_for_progress).unwrap_or_default();
    let said = untrack(|| disclosed_band(&ctx, item))
        .map(|b| b.client_label(catalogue()))
        .unwrap_or_default();
    let hint = tf(
        "client.recent.hint",
        &[("question", &item.client_wording), ("answer", said)],
    );
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let error = Signal::derive(move || errors.with(|e| e.first().map(|e| e.message.clone())));
    let selected = Signal::derive(move || chosen(&ctx, item));
    let on_select = Callback::new(move |value: String| {
        if record(&ctx, item, &value) {
            errors.set(Vec::new());
        }
    });
    let back = handover::previous_page(&nav::client_pages(&ctx), &here);
    let next_here = here.clone();
    let on_continue = move |_| {
        if selected.get_untracked().is_some() {
            nav::navigate(
                &ctx,
                &handover::next_page(&nav::client_pages(&ctx), &next_here),
            );
        } else {
            errors.set(choose_error());
        }
    };
    view! {
        <BackLink route=back />
        <ErrorSummary errors=Signal::derive(move || errors.get()) />
        <p class="page__caption client__progress" id="client-progress">
            <span class="client__count">{progress_text}</span>
        </p>
        <ClientRadios legend=t("client.recent.legend") hint=hint options=recent_options()
            selected=selected on_select=on_select error=error />
        <button type="button" class="button client__button" on:click=on_continue>{t("app.continue")}</button>
        <StopLink />
    }
    .into_any()
}

/// How often he said it happened, if that was a disclosure.
fn disclosed_band(ctx: &Ctx, item: &Item) -> Option<dva_core::Band> {
    match ctx.answer_of(&item.id) {
        Some(Answer::Frequency { band, .. }) if band.is_disclosed() => Some(band),
        _ => None,
    }
}

/// His answer on this page so far: yes, no, "prefer not to say", or nothing.
fn chosen(ctx: &Ctx, item: &Item) -> Option<String> {
    match ctx.answer_of(&item.id) {
        Some(Answer::Frequency {
            last_12_months: Some(v),
            ..
        }) => Some(v.id().to_string()),
        _ => ctx
            .handover
            .with(|h| {
                h.as_ref()
                    .is_some_and(|h| h.recent_declined.contains(&item.id))
            })
            .then(|| PREFER_NOT.to_string()),
    }
}

/// Records his choice with the band he gave; `false` if there is no disclosure to add it to.
fn record(ctx: &Ctx, item: &Item, value: &str) -> bool {
    let Some(b) = disclosed_band(ctx, item) else {
        return false;
    };
    let last = YesNo::from_id(value);
    let _ = ctx.answer_from(
        &item.id,
        Answer::Frequency {
            band: b,
            last_12_months: last,
        },
        Source::ClientSelfCompleted,
    );
    ctx.handover.update(|h| {
        if let Some(h) = h {
            if last.is_none() {
                h.recent_declined.insert(item.id.clone());
            } else {
                h.recent_declined.remove(&item.id);
            }
        }
    });
    true
}

/// Yes, no, and "prefer not to say", in his wording.
fn recent_options() -> Vec<RadioOption> {
    let mut options: Vec<RadioOption> = YesNo::ALL
        .iter()
        .map(|v| RadioOption {
            value: v.id().to_string(),
            label: v.client_label(catalogue()).to_string(),
        })
        .collect();
    options.push(RadioOption {
        value: PREFER_NOT.to_string(),
        label: prefer_not_to_say_label(catalogue()).to_string(),
    });
    options
}
