//! What the client's pages share: the back link, the radio group with the page's heading as its
//! legend, the "nothing chosen" error and the quiet link to stop early.
use leptos::prelude::*;

use crate::components::{FieldError, RadioOption, Radios};
use crate::form::PREFER_NOT;
use crate::route::Route;
use crate::text::t;

/// The element id of the first option on a question page (the error summary links here).
pub(super) const FIRST_OPTION: &str = "client-answer";

/// A GOV.UK back link that goes to `route`.
#[component]
pub(super) fn BackLink(route: Route) -> impl IntoView {
    view! { <a class="back-link client__back" href=route.to_hash()>{t("app.back")}</a> }
}

/// A client question's radio group: the page's heading as its legend, large options, "Prefer
/// not to say" set apart, described by his progress line.
#[component]
pub(super) fn ClientRadios(
    legend: String,
    #[prop(optional, into)] hint: MaybeProp<String>,
    options: Vec<RadioOption>,
    selected: Signal<Option<String>>,
    on_select: Callback<String>,
    error: Signal<Option<String>>,
    #[prop(optional)] grid: bool,
) -> impl IntoView {
    view! {
        <Radios id=FIRST_OPTION legend=legend hint=hint options=options selected=selected
            on_select=on_select error=error page_heading=true grid=grid apart=PREFER_NOT
            described_by="client-progress" />
    }
}

/// The error summary for a question page with nothing chosen.
pub(super) fn choose_error() -> Vec<FieldError> {
    vec![FieldError {
        field_id: FIRST_OPTION.to_string(),
        message: t("client.error.choose"),
    }]
}

/// A quiet way to stop early and give the device back.
#[component]
pub(super) fn StopLink() -> impl IntoView {
    view! {
        <p class="client__stop"><a class="link" href=Route::ClientDone.to_hash()>{t("client.stop")}</a></p>
    }
}
