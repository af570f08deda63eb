//! The GOV.UK error summary: every problem on the page, at the top, each linking to its field.
use leptos::prelude::*;

use crate::text::t;

/// One problem with one field: the field's element id and what to do about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field_id: String,
    pub message: String,
}

/// How many error summaries the page shows. While any does, the document title starts with
/// "Error: " (as on GOV.UK), so a refused form is announced as refused by the title too. Provided
/// once at the root; the app's title effect reads it.
#[derive(Clone, Copy)]
pub struct Refusals(RwSignal<usize>);

impl Refusals {
    pub fn provide() -> Refusals {
        let r = Refusals(RwSignal::new(0));
        provide_context(r);
        r
    }

    /// Whether any form on the page is refused.
    pub fn any(&self) -> bool {
        self.0.get() > 0
    }

    fn count(self, showing: bool) {
        self.0
            .update(|n| *n = if showing { *n + 1 } else { n.saturating_sub(1) });
    }
}

/// One field's error message (GOV.UK): "Error:" for screen readers, then what to do. The field
/// names `id` in its `aria-describedby` while the message shows.
#[component]
pub fn ErrorMessage(#[prop(into)] id: String, #[prop(into)] message: String) -> impl IntoView {
    view! {
        <p class="error-message" id=id>
            <span class="visually-hidden">{t("error.prefix")}</span>{message}
        </p>
    }
}

/// Renders nothing when there are no errors. Takes focus when it appears, so the problem is
/// read out first, and counts itself in [`Refusals`] while it shows.
#[component]
pub fn ErrorSummary(errors: Signal<Vec<FieldError>>) -> impl IntoView {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;
    let node = NodeRef::<leptos::html::Div>::new();
    let refusals = use_context::<Refusals>();
    let showing = Arc::new(AtomicBool::new(false));
    let shown = showing.clone();
    Effect::new(move |_| {
        let now = !errors.with(|e| e.is_empty());
        if shown.swap(now, Ordering::Relaxed) != now {
            if let Some(r) = refusals {
                r.count(now);
            }
        }
        if now {
            if let Some(el) = node.get() {
                let _ = el.focus();
            }
        }
    });
    on_cleanup(move || {
        if let (true, Some(r)) = (showing.load(Ordering::Relaxed), refusals) {
            r.count(false);
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
