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

thread_local! {
    /// Set by quick exit, never cleared: the page is on its way out. From then on nothing may
    /// write a title, a fragment or a page back (see [`leave`]).
    static LEAVING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether quick exit has begun.
pub fn leaving() -> bool {
    LEAVING.with(std::cell::Cell::get)
}

/// Whether the first paint's frame (index.html, boot.js) began Quick exit before the app
/// started; if so, quick exit is under way for the app too (see [`leave`]).
pub fn left_before_start() -> bool {
    let left = document()
        .and_then(|d| d.document_element())
        .is_some_and(|e| e.has_attribute("data-dva-leaving"));
    if left {
        LEAVING.with(|l| l.set(true));
        // Says that the app saw it and stayed out (tests/e2e/first-paint.test.mjs waits for it).
        if let Some(e) = document().and_then(|d| d.document_element()) {
            let _ = e.set_attribute("data-dva-leaving", "app");
        }
    }
    left
}

/// Moves to a new fragment, adding a history entry so Back returns here.
pub fn push_hash(hash: &str) {
    if leaving() {
        return;
    }
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(hash);
    }
}

/// Replaces the current history entry's fragment (no new Back step).
pub fn replace_hash(hash: &str) {
    if leaving() {
        return;
    }
    if let Some(w) = web_sys::window() {
        if let Ok(history) = w.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash));
        }
    }
}

/// Sets the document title. Ignored once quick exit has begun: the neutral title it set stays
/// until the browser has left.
pub fn set_title(title: &str) {
    if leaving() {
        return;
    }
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

/// Moves focus to the element with this id, if it is there and can take focus. Used after an
/// in-page action removes or replaces the focused control, so focus never falls to the page.
pub fn focus_id(id: &str) {
    if let Some(el) = document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// [`focus_id`] once the page has rendered the change that was just made (the next frame).
pub fn focus_id_after_render(id: &'static str) {
    leptos::prelude::request_animation_frame(move || focus_id(id));
}

/// Scrolls to the top of the page after a page change.
pub fn scroll_to_top() {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Quick exit's first, synchronous step: from this call until the browser has left, the
/// document holds nothing of the screening and its title is `neutral_title`.
///
/// The body is emptied and the title set in the same task as the click or key press, so the
/// next frame the browser paints is already blank. [`LEAVING`] is set first, so no later effect
/// (a reset re-running the title effect, the client guard, the cover) can write a title or a
/// fragment back, and the app's root is no longer in the document, so nothing it renders after
/// this can be seen.
pub fn leave(neutral_title: &str, url: &str) {
    LEAVING.with(|l| l.set(true));
    if let Some(d) = document() {
        if let Some(body) = d.body() {
            body.set_inner_html("");
        }
        d.set_title(neutral_title);
    }
    let Some(w) = web_sys::window() else { return };
    // Embedded in an intranet page: take the whole tab away, not only the frame, if the embedding
    // page lets a frame do that (same origin, or allowed by its sandbox); otherwise this frame.
    // The address is made absolute here, so it means the same page from either document.
    let target = web_sys::Url::new_with_base(url, &w.location().href().unwrap_or_default())
        .map(|u| u.href())
        .unwrap_or_else(|_| url.to_string());
    if let Ok(Some(top)) = w.top() {
        if top != w {
            // The embedding page's title goes neutral too when the app may reach it (same
            // origin): it is the tab's title. Its content stays: emptying it would remove this
            // frame, and with it the navigation this frame is about to start. Read through
            // Reflect (a cross-origin `top.document` throws) and unchecked (the Document is from
            // another realm, so `instanceof` in this frame's realm would say no).
            if let Some(doc) = js_sys::Reflect::get(&top, &"document".into())
                .ok()
                .filter(wasm_bindgen::JsValue::is_object)
                .map(|d| d.unchecked_into::<web_sys::Document>())
            {
                doc.set_title(neutral_title);
            }
            if top.location().replace(&target).is_ok() {
                return;
            }
            // The frame may not take the page away (a sandbox without
            // `allow-top-navigation-by-user-activation`): ask the embedding page to leave, and
            // blank this frame with the app's own neutral page (the exit address may refuse to
            // be framed).
            if crate::embed::ask_host_to_leave(&target) {
                let _ = w.location().replace(&crate::app_url("neutral.html"));
                return;
            }
        }
    }
    let _ = w.location().replace(&target);
}

/// Opens the browser's print dialog (the print stylesheet decides what is printed).
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Saves `text` as a file named `name` with the given MIME type, entirely in the browser: a Blob,
/// an object URL, a temporary `<a download>` clicked, then the URL revoked.
pub fn download(name: &str, mime: &str, text: &str) -> bool {
    let Some(doc) = document() else { return false };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let Some(a) = doc
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        let _ = web_sys::Url::revoke_object_url(&url);
        return false;
    };
    a.set_href(&url);
    a.set_download(name);
    a.set_hidden(true);
    if let Some(body) = doc.body() {
        let _ = body.append_child(&a);
    }
    a.click();
    a.remove();
    // Revoked shortly after, once the browser has started the download: nothing lingers.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_millis(1500),
    );
    true
}

/// Writes `text` to the clipboard with the Clipboard API. `done(true)` when it was written,
/// `done(false)` when the API is missing, throws or refuses (the caller then offers a fallback).
pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsValue;
    let promise = (|| {
        let navigator = web_sys::window()?.navigator();
        let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")).ok()?;
        if clipboard.is_undefined() || clipboard.is_null() {
            return None;
        }
        let write = js_sys::Reflect::get(&clipboard, &JsValue::from_str("writeText"))
            .ok()?
            .dyn_into::<js_sys::Function>()
            .ok()?;
        let promise = write.call1(&clipboard, &JsValue::from_str(text)).ok()?;
        let then = js_sys::Reflect::get(&promise, &JsValue::from_str("then"))
            .ok()?
            .dyn_into::<js_sys::Function>()
            .ok()?;
        Some((promise, then))
    })();
    let Some((promise, then)) = promise else {
        done(false);
        return;
    };
    // Exactly one of the two callbacks runs; the shared cell hands `done` to whichever does.
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let on_ok = {
        let done = done.clone();
        Closure::once_into_js(move |_: JsValue| {
            if let Some(f) = done.borrow_mut().take() {
                f(true);
            }
        })
    };
    let done_again = done.clone();
    let on_err = Closure::once_into_js(move |_: JsValue| {
        if let Some(f) = done.borrow_mut().take() {
            f(false);
        }
    });
    if then.call2(&promise, &on_ok, &on_err).is_err() {
        // `then` itself threw: the rejection callback never runs, so report the failure here.
        if let Some(f) = done_again.borrow_mut().take() {
            f(false);
        }
    }
}
