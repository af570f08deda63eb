//! The few browser calls the shell makes directly, in one place. Everything here fails softly:
//! a missing window or element is ignored rather than a panic.
use wasm_bindgen::JsCast;

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// The location fragment, e.g. `#/ask/behaviours`.
pub fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Moves to a new fragment, adding a history entry so Back returns here.
pub fn push_hash(hash: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(hash);
    }
}

/// Replaces the current history entry's fragment (no new Back step).
pub fn replace_hash(hash: &str) {
    if let Some(w) = web_sys::window() {
        if let Ok(history) = w.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash));
        }
    }
}

/// The document title.
pub fn title() -> String {
    document().map(|d| d.title()).unwrap_or_default()
}

/// Sets the document title (announced by screen readers on page change).
pub fn set_title(title: &str) {
    if let Some(d) = document() {
        d.set_title(title);
    }
}

/// Moves focus to the page's main heading so keyboard and screen-reader users start there.
pub fn focus_main_heading() {
    if let Some(el) = document()
        .and_then(|d| d.query_selector("main h1").ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Scrolls to the top of the page after a page change.
pub fn scroll_to_top() {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Empties the page at once (quick exit): nothing of the screening stays on screen.
pub fn blank_page() {
    if let Some(body) = document().and_then(|d| d.body()) {
        body.set_inner_html("");
    }
    set_title("");
}

/// Leaves for `url`, replacing the current history entry so Back does not return to it.
pub fn replace_location(url: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().replace(url);
    }
}
