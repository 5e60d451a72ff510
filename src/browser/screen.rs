//! The screen and what changes on it for the page's whole life: pixel density, media queries,
//! an element's size and place in the window, the next frame and task, the web fonts' arrival,
//! printing.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::window;

/// Device pixels per CSS pixel, at least 1.
pub fn device_pixel_ratio() -> f64 {
    window().device_pixel_ratio().max(1.0)
}

/// Where an element's box is, in CSS pixels from the window's top edge (negative above it).
#[derive(Clone, Copy, Debug)]
pub struct PlaceInWindow {
    pub top: f64,
    pub bottom: f64,
    /// The window's height, for the same instant.
    pub window_height: f64,
}

impl PlaceInWindow {
    /// Whether the box is in the window or within half a window's height of it: a chart there
    /// is drawn at once, one farther a frame later (`parts/chart_view.rs`).
    pub fn near_view(self) -> bool {
        let margin = self.window_height / 2.0;
        self.bottom > -margin && self.top < self.window_height + margin
    }
}

/// Where `element` is in the window now.
pub fn place_in_window(element: &web_sys::Element) -> PlaceInWindow {
    let window_height = window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let rect = element.get_bounding_client_rect();
    PlaceInWindow {
        top: rect.top(),
        bottom: rect.bottom(),
        window_height,
    }
}

/// Resolves in a task of its own (`setTimeout 0`): what follows does not lengthen the current
/// task, and the browser may paint and answer the reader in between.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Runs `work` after the next frame is painted, in a task of its own: what a reader sees comes
/// first, and `work` makes no long task with it.
pub fn after_next_paint(work: impl FnOnce() + 'static) {
    let task = Closure::once_into_js(work);
    let frame = Closure::once_into_js(move || {
        let _ =
            window().set_timeout_with_callback_and_timeout_and_arguments_0(task.unchecked_ref(), 0);
    });
    if window()
        .request_animation_frame(frame.unchecked_ref())
        .is_err()
    {
        let _ = frame
            .unchecked_ref::<js_sys::Function>()
            .call0(&JsValue::NULL);
    }
}

/// Whether a media query matches now, and a call of `on_change` whenever that changes (for the
/// page's lifetime).
pub fn watch_media(query: &str, on_change: impl Fn(bool) + 'static) -> bool {
    let Some(list) = window().match_media(query).ok().flatten() else {
        return false;
    };
    let listener = Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(
        move |event: web_sys::MediaQueryListEvent| on_change(event.matches()),
    );
    let _ = list.add_event_listener_with_callback("change", listener.as_ref().unchecked_ref());
    listener.forget();
    list.matches()
}

/// Calls `changed` whenever `element` changes size, for the page's whole life.
pub fn observe_size(element: &web_sys::Element, changed: impl Fn() + 'static) {
    let callback = Closure::<dyn Fn()>::new(changed);
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(element);
        // Lives as long as the page: the observer and its callback are never released.
        std::mem::forget(observer);
        callback.forget();
    }
}

/// Calls `ready` once the page's web fonts have loaded (at once where the browser cannot say).
pub fn when_fonts_ready(ready: impl FnOnce() + 'static) {
    let promise = window().document().and_then(|d| d.fonts().ready().ok());
    match promise {
        Some(promise) => {
            let callback = Closure::once(move |_: JsValue| ready());
            let _ = promise.then(&callback);
            callback.forget();
        }
        None => ready(),
    }
}

/// Calls `changed(true)` when the browser is about to print the page (`beforeprint`) and
/// `changed(false)` once it has (`afterprint`), for the page's whole life.
pub fn watch_printing(changed: impl Fn(bool) + 'static) {
    let changed = std::rc::Rc::new(changed);
    for (event, printing) in [("beforeprint", true), ("afterprint", false)] {
        let changed = changed.clone();
        let listener = Closure::<dyn Fn()>::new(move || changed(printing));
        let _ = window().add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
        listener.forget();
    }
}
