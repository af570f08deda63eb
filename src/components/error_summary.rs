//! The GOV.UK error summary: every problem on the page, at the top, each linking to its field.
use leptos::prelude::*;

use crate::text::t;

/// One problem with one field: the field's element id and what to do about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field_id: String,
    pub message: String,
}

/// Renders nothing when there are no errors. Takes focus when it appears, so the problem is
/// read out first.
#[component]
pub fn ErrorSummary(errors: Signal<Vec<FieldError>>) -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if !errors.with(|e| e.is_empty()) {
            if let Some(el) = node.get() {
                let _ = el.focus();
            }
        }
    });
    view! {
        <Show when=move || !errors.with(|e| e.is_empty())>
            <div class="error-summary" node_ref=node tabindex="-1" role="alert" aria-labelledby="error-summary-title">
                <h2 class="error-summary__title" id="error-summary-title">{t("error_summary.title")}</h2>
                <ul class="error-summary__list">
                    {move || errors.get().into_iter().map(|e| {
                        let href = format!("#{}", e.field_id);
                        view! { <li><a href=href data-field=e.field_id.clone() on:click=move |ev| {
                            // Fragment links would change the route: focus the field instead.
                            ev.prevent_default();
                            if let Some(el) = document().get_element_by_id(&e.field_id) {
                                use wasm_bindgen::JsCast;
                                if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                                    let _ = el.focus();
                                }
                            }
                        }>{e.message.clone()}</a></li> }
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}
