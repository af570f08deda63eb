//! Step 5, respond and refer: how to respond to a disclosure, the recommended actions (from
//! `dva-core`) each markable offered / done / declined with a note (`action`), and the
//! information-sharing record (`sharing`).
use leptos::prelude::*;

use crate::components::{ErrorSummary, FieldError, Glossary};
use crate::nav;
use crate::outcome;
use crate::route::Route;
use crate::state::use_ctx;
use crate::text::{t, tf};

mod action;
mod sharing;

use action::ActionCard;
use sharing::{Sharing, SharingForm};

#[component]
pub fn RespondPage() -> impl IntoView {
    let ctx = use_ctx();
    let actions = Memo::new(move |_| outcome::actions(&ctx));
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let form = SharingForm::new();

    let go_on = move |_| {
        if form.started() {
            errors.set(vec![FieldError {
                field_id: "share-with".into(),
                message: t("respond.sharing.error_unsaved"),
            }]);
            return;
        }
        errors.set(Vec::new());
        nav::navigate(&ctx, &Route::Record);
    };

    view! {
        <h1 class="page__title" tabindex="-1">{t("respond.title")}</h1>
        <ErrorSummary errors=errors.into() />
        <section class="respond__guidance" aria-labelledby="guidance-heading">
            <h2 id="guidance-heading">{t("respond.guidance.heading")}</h2>
            <ul class="respond__guidance-list">
                <li>{t("respond.guidance.acknowledge")}</li>
                <li>{t("respond.guidance.no_collusion")}</li>
                <li><strong>{t("respond.guidance.never_partner_words")}</strong></li>
                <li>{t("respond.guidance.safety_first")}</li>
                <li><strong>{t("respond.guidance.no_partner_contact")}</strong></li>
            </ul>
        </section>
        <section class="respond__actions wide" aria-labelledby="actions-heading">
            <h2 id="actions-heading">{t("respond.actions.heading")}</h2>
            <p>{move || tf("respond.actions.intro", &[("n", &actions.with(Vec::len).to_string())])}</p>
            <ol class="respond__action-list">
                <For each=move || actions.get() key=|a| a.id.clone() let:action>
                    <ActionCard action=action />
                </For>
            </ol>
        </section>
        <Sharing form=form />
        <Glossary />
        <div class="button-group">
            <button class="button" type="button" on:click=go_on>{t("respond.continue")}</button>
        </div>
    }
}
