//! One component per step of the flow, each in its own file named after the step it serves.
use leptos::prelude::*;

use crate::route::Route;

mod ask;
mod check;
pub mod client;
mod handover;
mod postponed;
mod record;
mod respond;
mod result;
mod start;

/// The page for a worker route. Client routes render nothing here: the app's guard moves on.
pub fn page_for(route: Route) -> AnyView {
    // What the page reads goes when the page goes (state::Watched).
    crate::state::provide_page_scope();
    match route {
        Route::Start => view! { <start::StartPage /> }.into_any(),
        Route::Ask(section) => view! { <ask::AskPage section=section /> }.into_any(),
        Route::Check => view! { <check::CheckPage /> }.into_any(),
        Route::Result => view! { <result::ResultPage /> }.into_any(),
        Route::Respond => view! { <respond::RespondPage /> }.into_any(),
        Route::Record => view! { <record::RecordPage /> }.into_any(),
        Route::Postponed => view! { <postponed::PostponedPage /> }.into_any(),
        Route::Handover => view! { <handover::HandoverPage /> }.into_any(),
        // The client's pages render only in the client shell (see `client::page_for`).
        Route::ClientStart
        | Route::ClientQuestion(_)
        | Route::ClientRecent(_)
        | Route::ClientDone => ().into_any(),
    }
}
