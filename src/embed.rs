//! Talking to an intranet page that embeds the app in an iframe. The app sends it only two
//! messages, and only to the origin the service configured (`host_origin`), never to `*`:
//! `{type: "dva-screen:height", height}` whenever the app's height changes (so the frame can fit
//! it, shrinking as well as growing), and `{type: "dva-screen:exit", url}` when Quick exit may not
//! take the whole page away itself. `examples/host-resize.js` is the host's side.
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::config;

/// The embedding page's window and the origin to send to, when the app is in a frame and the
/// service said which page embeds it.
fn host() -> Option<(web_sys::Window, String)> {
    let origin = config::settings().host_origin.clone()?;
    let window = web_sys::window()?;
    let parent = window.parent().ok().flatten()?;
    // Not in a frame: the parent is the window itself.
    if JsValue::from(&parent) == JsValue::from(&window) {
        return None;
    }
    Some((parent, origin))
}

fn message(kind: &str, key: &str, value: &JsValue) -> JsValue {
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"type".into(), &kind.into());
    let _ = js_sys::Reflect::set(&msg, &key.into(), value);
    msg.into()
}

/// Tells the embedding page the height of `root` now and on every change, for the page's life.
pub fn report_height(root: &web_sys::Element) {
    let Some((parent, origin)) = host() else {
        return;
    };
    let last = std::cell::Cell::new(-1.0f64);
    let measured = root.clone();
    let send = Closure::<dyn FnMut()>::new(move || {
        let height = f64::from(measured.scroll_height());
        if height != last.get() {
            last.set(height);
            let _ = parent.post_message(
                &message("dva-screen:height", "height", &height.into()),
                &origin,
            );
        }
    });
    let Ok(observer) = web_sys::ResizeObserver::new(send.as_ref().unchecked_ref()) else {
        return;
    };
    observer.observe(root);
    // The observer and its callback live as long as the page.
    send.forget();
    std::mem::forget(observer);
}

/// Asks the embedding page to leave for `url` (Quick exit, when this frame may not navigate the
/// page itself). Returns whether there was a page to ask.
pub fn ask_host_to_leave(url: &str) -> bool {
    let Some((parent, origin)) = host() else {
        return false;
    };
    parent
        .post_message(&message("dva-screen:exit", "url", &url.into()), &origin)
        .is_ok()
}
