//! The screening was postponed because privacy, consent or a safe interpreter could not be had.
//! Nothing was kept; the page says so and what to do next.
use dva_core::ContactRole;
use leptos::prelude::*;

use crate::nav;
use crate::route::Route;
use crate::text::{catalogue, t, tf};

#[component]
pub fn PostponedPage() -> impl IntoView {
    let ctx = crate::state::use_ctx();
    // The national number, as the core words it ("Respect Phoneline: 0808 802 4040").
    let phoneline = crate::config::contacts()
        .get(ContactRole::RespectPhoneline, catalogue())
        .display(catalogue());
    view! {
        <h1 class="page__title" tabindex="-1">{t("postponed.title")}</h1>
        <div class="notification postponed__kept">
            <p class="postponed__kept-text">{t("postponed.intro")}</p>
        </div>
        <h2>{t("postponed.next.heading")}</h2>
        <ul class="postponed__list">
            <li>{t("postponed.next.alone")}</li>
            <li>{t("postponed.next.interpreter")}</li>
            <li>{tf("postponed.next.consent", &[("contact", &phoneline)])}</li>
            <li>{t("postponed.next.safeguarding")}</li>
        </ul>
        <div class="button-group">
            <button type="button" class="button button--secondary" on:click=move |_| nav::navigate(&ctx, &Route::Start)>
                {t("postponed.start_again")}
            </button>
        </div>
    }
}
