//! The app's root: loads the questionnaire definition and shows its title and version.
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    match dva_core::definition::builtin() {
        Ok(def) => {
            let title = def.title().to_string();
            let version = format!(
                "Questionnaire {} version {} ({})",
                def.id(),
                def.version(),
                def.date()
            );
            view! {
                <main id="main" class="page">
                    <h1 class="page__title">{title}</h1>
                    <p class="page__version">{version}</p>
                </main>
            }
            .into_any()
        }
        Err(problems) => {
            let items = problems
                .into_iter()
                .map(|p| view! { <li>{p.to_string()}</li> })
                .collect_view();
            view! {
                <main id="main" class="page">
                    <h1 class="page__title">"The questionnaire could not be loaded"</h1>
                    <p>"The questionnaire definition in this build has problems, so no screening can be run. Tell your service's IT team; the problems are:"</p>
                    <ul>{items}</ul>
                </main>
            }
            .into_any()
        }
    }
}
