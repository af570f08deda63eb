//! Leaving quickly and hiding the screen, for a shared office where someone may walk in.
//!
//! - Quick exit (a button always visible, or Shift pressed on its own three times within five seconds, the
//!   GOV.UK "Exit this page" pattern; Escape is avoided because it also stops page loads): blanks
//!   the page at once, forgets the screening, and replaces the current history entry with a
//!   neutral page so Back does not return to it.
//! - Hide screen: a cover that hides everything at once and lifts only on a deliberate click.
//! - Idle cover: the same cover after a spell without input.
use leptos::prelude::*;
use std::time::Duration;

use crate::browser;
use crate::config;
use crate::text::{t, tf};

/// How often the idle check runs.
const IDLE_CHECK_EVERY: Duration = Duration::from_secs(5);
/// Three Shift presses within this window trigger quick exit.
const SHIFT_WINDOW_MS: f64 = 5_000.0;

/// Blanks the page, forgets the screening and leaves for the neutral page.
pub fn quick_exit() {
    // Blank first, in this task: the next frame painted is already blank with the neutral
    // title, and from now on nothing can write a title, a fragment or content back while the
    // exit page loads (for as long as that takes).
    browser::leave(&t("app.neutral_title"), &config::settings().quick_exit);
    // Then forget. The effects this re-runs find the page gone and the title locked.
    if let Some(ctx) = use_context::<crate::state::Ctx>() {
        ctx.reset();
    }
}

/// The quick-exit button and the Shift×3 shortcut. Mount once, in the header.
#[component]
pub fn QuickExit() -> impl IntoView {
    let presses = StoredValue::new(Vec::<f64>::new());
    // Each press short of three is announced politely ("Shift, press 2 more times to exit"), as
    // GOV.UK's "Exit this page" does; the message clears when the count lapses or another key
    // is pressed, so the same count is announced again next time.
    let announced = RwSignal::new(String::new());
    let generation = StoredValue::new(0u32);
    // Only Shift pressed and released on its own counts (as in GOV.UK's "Exit this page"):
    // Shift held to type a capital or to move back with Shift+Tab is a modifier, and any other
    // key starts the count again, so a keyboard user tabbing backwards never exits by accident.
    let modifier = StoredValue::new(false);
    let down = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Shift" {
            if !ev.repeat() {
                modifier.set_value(false);
            }
        } else {
            modifier.set_value(true);
            presses.update_value(Vec::clear);
            if !announced.with_untracked(String::is_empty) {
                announced.set(String::new());
            }
        }
    });
    let listener = window_event_listener(leptos::ev::keyup, move |ev| {
        if ev.key() != "Shift" || modifier.get_value() {
            return;
        }
        let now = js_sys::Date::now();
        let mut count = 0;
        presses.update_value(|p| {
            p.retain(|t| now - t < SHIFT_WINDOW_MS);
            p.push(now);
            count = p.len();
        });
        if count >= 3 {
            quick_exit();
            return;
        }
        let key = if count == 2 {
            "safety.shift_left.one"
        } else {
            "safety.shift_left.other"
        };
        announced.set(tf(key, &[("n", &(3 - count).to_string())]));
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        set_timeout(
            move || {
                if generation.try_get_value() == Some(mine) {
                    announced.set(String::new());
                }
            },
            Duration::from_millis(SHIFT_WINDOW_MS as u64),
        );
    });
    on_cleanup(move || down.remove());
    on_cleanup(move || listener.remove());
    view! {
        <div class="quick-exit">
            <button type="button" class="button button--warning quick-exit__button" aria-describedby="quick-exit-hint" on:click=|_| quick_exit()>
                {t("safety.quick_exit")}
            </button>
            <p class="quick-exit__hint" id="quick-exit-hint">{t("safety.quick_exit_hint")}</p>
            <p class="visually-hidden" role="status">{move || announced.get()}</p>
        </div>
    }
}

/// The "Hide screen" button, in the header.
#[component]
pub fn HideScreenButton(covered: RwSignal<bool>) -> impl IntoView {
    view! {
        <button type="button" class="button button--secondary hide-screen__button" on:click=move |_| covered.set(true)>
            {t("safety.hide")}
        </button>
    }
}

/// The neutral cover and the idle timer that raises it. Lives outside the part of the page that
/// becomes inert while the cover is up, so its own button stays usable.
#[component]
pub fn HideScreenCover(covered: RwSignal<bool>) -> impl IntoView {
    let stamp = cover_when_idle_or_leaving(covered);
    let restore_focus = follow_focus();
    let uncover = NodeRef::<leptos::html::Button>::new();
    // The tab's title would give the screening away too: app.rs makes it neutral while covered.
    Effect::new(move |_| {
        if covered.get() {
            if let Some(b) = uncover.get() {
                let _ = b.focus();
            }
        }
    });
    view! {
        <Show when=move || covered.get()>
            <div class="cover" role="dialog" aria-modal="true" aria-labelledby="cover-text">
                <div class="cover__inner">
                    <p class="cover__text" id="cover-text">{t("safety.cover_text")}</p>
                    <button type="button" class="button button--secondary cover__button" node_ref=uncover
                        on:click=move |_| {
                            covered.set(false);
                            stamp();
                            // Once the page is no longer inert.
                            request_animation_frame(restore_focus);
                        }>
                        {t("safety.uncover")}
                    </button>
                </div>
            </div>
        </Show>
    }
}

/// Raises the cover after the service's idle time and when the page is left; returns the
/// function that stamps the time of the last input. Everything it starts stops with its owner.
fn cover_when_idle_or_leaving(covered: RwSignal<bool>) -> impl Fn() + Copy + 'static {
    // Idle check: any input stamps the time; a slow interval raises the cover once the last
    // input is the service's idle time old. One interval and one timestamp cannot drift or double up.
    let last_input = StoredValue::new(js_sys::Date::now());
    let stamp = move || last_input.set_value(js_sys::Date::now());
    let idle_ms = config::settings().idle_after.as_millis() as f64;
    let interval = set_interval_with_handle(
        move || {
            if js_sys::Date::now() - last_input.get_value() >= idle_ms && !browser::leaving() {
                covered.set(true);
            }
        },
        IDLE_CHECK_EVERY,
    )
    .ok();
    let listeners = [
        window_event_listener(leptos::ev::keydown, move |_| stamp()),
        window_event_listener(leptos::ev::pointerdown, move |_| stamp()),
        window_event_listener(leptos::ev::wheel, move |_| stamp()),
        window_event_listener(leptos::ev::touchstart, move |_| stamp()),
    ];
    // Leaving the page any other way (a link, a typed address, closing the tab) may put it in
    // the back/forward cache, and Back would bring it back as it was. So it is covered on the
    // way out, and the cover is still up when the browser restores it (`pageshow` with
    // `persisted`; nothing lowers it but the worker's click). Covering loses nothing: the screening is
    // behind the cover, untouched. The title is made neutral here, in the event itself, in case
    // the page is frozen before the cover's effect runs.
    let hide = window_event_listener(leptos::ev::pagehide, move |_| {
        if browser::leaving() {
            // Quick exit has already emptied the page; the cover has nothing left to cover.
            return;
        }
        browser::set_title(&t("app.neutral_title"));
        covered.set(true);
    });
    on_cleanup(move || {
        hide.remove();
        for l in listeners {
            l.remove();
        }
        if let Some(h) = interval {
            h.clear();
        }
    });
    stamp
}

/// Follows where focus is outside the cover; returns the function that gives it back there when
/// the cover lifts (or to the page's heading if that element has gone).
fn follow_focus() -> impl Fn() + Copy + 'static {
    // Followed with focusin rather than read when covering: by then the page may be inert and
    // have lost it.
    let last_focus = StoredValue::new_local(None::<web_sys::Element>);
    let focus_listener = window_event_listener(leptos::ev::focusin, move |ev| {
        use wasm_bindgen::JsCast;
        if let Some(el) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            if el.closest(".cover").ok().flatten().is_none() {
                last_focus.set_value(Some(el));
            }
        }
    });
    on_cleanup(move || focus_listener.remove());
    move || {
        use wasm_bindgen::JsCast;
        match last_focus
            .get_value()
            .filter(|el| el.is_connected())
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        {
            Some(el) => {
                let _ = el.focus();
            }
            None => browser::focus_main_heading(),
        }
    }
}
