//! Scaffolding: replaced by the real screen.
use leptos::prelude::*;

#[component]
pub fn RecordPage() -> impl IntoView {
    let ctx = crate::state::use_ctx();
    view! {
        <h1 class="page__title" tabindex="-1">{ctx.def.title().to_string()}</h1>
        <p>"record"</p>

    }
}
