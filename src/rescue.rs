//! Keeping the answers reachable when the app itself fails. A copy of the screening is kept
//! outside the reactive system, refreshed whenever the screening changes, so that the panic
//! screen (which runs when Leptos' state can no longer be trusted) can still offer it as a file.
//! It is kept as a value and serialised only when the panic screen offers it: copying a value
//! on every change costs far less than writing its JSON on every key typed into a note.
use std::cell::RefCell;
use wasm_bindgen::JsCast;

use crate::state::Screening;

thread_local! {
    static SNAPSHOT: RefCell<Option<Screening>> = const { RefCell::new(None) };
}

/// Records the latest screening. `None` means nothing worth offering.
pub fn remember(screening: Option<Screening>) {
    SNAPSHOT.with(|s| {
        if let Ok(mut s) = s.try_borrow_mut() {
            *s = screening;
        }
    });
}

/// The snapshot as the JSON download, empty when there is none.
fn snapshot_json() -> String {
    SNAPSHOT.with(|s| {
        s.try_borrow()
            .ok()
            .and_then(|s| {
                s.as_ref()
                    .map(|s| serde_json::to_string(s).unwrap_or_default())
            })
            .unwrap_or_default()
    })
}

/// Adds a "Download the answers" link to the panic screen, built from the snapshot with plain DOM
/// calls: a Blob URL made now stays valid after the wasm instance has stopped.
pub fn offer_download(container: &web_sys::Element) {
    let json = snapshot_json();
    let Some(doc) = container.owner_document() else {
        return;
    };
    let paragraph = |text: &str| {
        if let Ok(p) = doc.create_element("p") {
            p.set_text_content(Some(text));
            let _ = container.append_child(&p);
        }
    };
    if json.is_empty() {
        paragraph(&crate::text::t("rescue.nothing"));
        return;
    }
    let Some(url) = blob_url(&json, "application/json") else {
        paragraph(&crate::text::t("rescue.failed"));
        return;
    };
    paragraph(&crate::text::t("rescue.intro"));
    let Some(a) = doc
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return;
    };
    a.set_href(&url);
    a.set_download("dva-screen-answers.json");
    a.set_class_name("button panic__download");
    a.set_text_content(Some(&crate::text::t("rescue.download")));
    let _ = container.append_child(&a);
    paragraph(&crate::text::t("rescue.after"));
}

/// An object URL for `text`, or `None` if the browser refuses.
fn blob_url(text: &str, mime: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .ok()
        .and_then(|b| web_sys::Url::create_object_url_with_blob(&b).ok())
}

/// Test builds only: opening the app at this fragment loads a broken definition (see `app`).
#[cfg(feature = "test-hooks")]
pub const BROKEN_DEFINITION_HASH: &str = "#/__test/broken-definition";

/// Test builds only: going to `#/__test/panic` panics, so the browser tests can see the panic
/// screen. Compiled only with the `test-hooks` feature, which a service's build never has.
#[cfg(feature = "test-hooks")]
pub fn install_test_hooks() {
    let listener = leptos::prelude::window_event_listener(leptos::ev::hashchange, |_| {
        if crate::browser::current_hash() == "#/__test/panic" {
            panic!("test hook: deliberate panic");
        }
    });
    // For the life of the page.
    std::mem::forget(listener);
}
