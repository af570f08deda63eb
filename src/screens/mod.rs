//! One component per step of the flow, each in its own file named after the step it serves, and
//! the view of every route. Screens depend on `nav`, the state and the core, never on each other
//! or on the app's root.
use leptos::prelude::*;

use crate::route::Route;

mod ask;
mod check;
mod client;
mod handover;
mod postponed;
mod record;
mod respond;
mod result;
mod start;

/// The page for a route: the view column of the route table (`nav` holds its title and step).
/// The guard (`nav::guard`) lets only the client's pages through in client mode, and none of
/// them out of it, so each shell meets only its own. Called under the owner that the app
/// cleans up when the page changes.
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
        Route::ClientStart => view! { <client::ClientStartPage /> }.into_any(),
        Route::ClientQuestion(id) => view! { <client::ClientQuestionPage item_id=id /> }.into_any(),
        Route::ClientRecent(id) => view! { <client::ClientRecentPage item_id=id /> }.into_any(),
        Route::ClientDone => view! { <client::ClientDonePage /> }.into_any(),
    }
}
