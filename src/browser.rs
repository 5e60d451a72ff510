//! The few browser facts the dashboard needs: the URL, history, pixel density and timings.

use eig_pulse_core::model::filter::{query_pairs, query_string};
use wasm_bindgen::JsValue;

fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}

/// The current query string, with its `?`.
pub fn query() -> String {
    window().location().search().unwrap_or_default()
}

/// One parameter of the current URL.
pub fn parameter(name: &str) -> Option<String> {
    query_pairs(&query())
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
}

/// Writes the dashboard's state into the URL, keeping `data` and `lang`; `push` adds a history entry.
pub fn write_state(pairs: Vec<(&'static str, String)>, push: bool) {
    let mut all: Vec<(&str, String)> = Vec::new();
    for kept in ["data", "lang"] {
        if let Some(value) = parameter(kept) {
            all.push((kept, value));
        }
    }
    all.extend(pairs);
    let query = query_string(&all);
    if query == self::query() {
        return;
    }
    let path = window().location().pathname().unwrap_or_default();
    let url = format!("{path}{query}");
    let history = window().history().expect("history");
    let _ = if push {
        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    };
}

/// Sets one parameter of the URL without a history entry (the language, say).
pub fn replace_parameter(name: &str, value: &str) {
    let mut pairs: Vec<(String, String)> = query_pairs(&query())
        .into_iter()
        .filter(|(k, _)| k != name)
        .collect();
    pairs.push((name.to_string(), value.to_string()));
    let refs: Vec<(&str, String)> = pairs.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    let path = window().location().pathname().unwrap_or_default();
    let url = format!("{path}{}", query_string(&refs));
    let _ =
        window()
            .history()
            .expect("history")
            .replace_state_with_url(&JsValue::NULL, "", Some(&url));
}

pub fn device_pixel_ratio() -> f64 {
    window().device_pixel_ratio().max(1.0)
}

pub fn now() -> f64 {
    window().performance().map(|p| p.now()).unwrap_or(0.0)
}

/// Timings exposed to benchmarks as `window.eigPulseTimings`: when the first chart was painted,
/// and how long the last filter change took until every chart was redrawn.
pub fn record_timing(name: &str, value: f64) {
    let window = window();
    let key = JsValue::from_str("eigPulseTimings");
    let timings = js_sys::Reflect::get(&window, &key)
        .ok()
        .filter(wasm_bindgen::JsValue::is_object)
        .unwrap_or_else(|| {
            let object = js_sys::Object::new().into();
            let _ = js_sys::Reflect::set(&window, &key, &object);
            object
        });
    let _ = js_sys::Reflect::set(
        &timings,
        &JsValue::from_str(name),
        &JsValue::from_f64(value),
    );
}

thread_local! {
    static FIRST_DRAW: std::cell::Cell<Option<f64>> = const { std::cell::Cell::new(None) };
    static DRAWS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Called after each chart is painted: counts draws and remembers the first and the last.
pub fn record_draw() {
    let now = now();
    if FIRST_DRAW.with(|first| first.replace(Some(now))).is_none() {
        record_timing("firstChart", now);
    } else {
        FIRST_DRAW.with(|first| first.set(Some(first.get().unwrap_or(now))));
    }
    let draws = DRAWS.with(|d| {
        d.set(d.get() + 1);
        d.get()
    });
    record_timing("draws", f64::from(draws));
    record_timing("lastDraw", now);
}

/// Tells the page that embeds this one how tall it is, in both message forms hosts understand:
/// `{"eig-pulse-height": {"<chart>": px}}` and AMP's `{"sentinel": "amp", "type": "embed-size", "height": px}`.
pub fn post_height(chart: &str, height: f64) {
    let window = window();
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == window {
        return;
    }
    let height = height.ceil();
    // Chart ids are ASCII slugs: nothing to escape.
    for message in [
        format!("{{\"eig-pulse-height\": {{\"{chart}\": {height}}}}}"),
        format!("{{\"sentinel\": \"amp\", \"type\": \"embed-size\", \"height\": {height}}}"),
    ] {
        if let Ok(value) = js_sys::JSON::parse(&message) {
            let _ = parent.post_message(&value, "*");
        }
    }
}

/// The light embed page's `<html>` attribute `name` (`data-embed-chart`), if this is one.
fn embed_page_attribute(name: &str) -> Option<String> {
    let root = window().document()?.document_element()?;
    root.has_attribute("data-embed-chart")
        .then(|| root.get_attribute(name))
        .flatten()
}

/// The chart shown alone: `?chart=<id>`, or the light embed page's own chart.
pub fn embedded_chart() -> Option<String> {
    parameter("chart").or_else(|| embed_page_attribute("data-embed-chart"))
}

/// The language asked for: `?lang=`, else the light embed page's own.
pub fn asked_lang() -> Option<String> {
    parameter("lang").or_else(|| embed_page_attribute("lang"))
}

/// The page's base address (its `<base>`, else its own): what relative addresses resolve against.
pub fn base_uri() -> String {
    window()
        .document()
        .and_then(|d| d.base_uri().ok().flatten())
        .or_else(|| window().location().href().ok())
        .unwrap_or_default()
}

/// The folder the dashboard is served from (`https://host/path/`), whichever of its pages is
/// open (`index.html`, `embed.html`, an embed page under `embed/` whose `<base>` names the
/// folder): the full dashboard, `embed.html`, `embed.js` live there.
pub fn site_folder() -> String {
    let base = base_uri();
    let end = base.find(['?', '#']).unwrap_or(base.len());
    let folder = base[..end]
        .rfind('/')
        .map_or(&base[..end], |last| &base[..=last]);
    folder.to_string()
}

/// On the light embed page (`embed.html`), the static chart painted before the code arrived
/// gives way to the interactive one: the page's `data-embed-static` mark and `#embed-static`
/// go, and `eig-pulse-live` tells `embed-page.js` to hand over the reader's first gesture.
pub fn reveal_live_embed() {
    let Some(document) = window().document() else {
        return;
    };
    let Some(root) = document.document_element() else {
        return;
    };
    if !root.has_attribute("data-embed-static") {
        return;
    }
    let _ = root.remove_attribute("data-embed-static");
    if let Some(placeholder) = document.get_element_by_id("embed-static") {
        placeholder.remove();
    }
    if let Ok(event) = web_sys::Event::new("eig-pulse-live") {
        let _ = window().dispatch_event(&event);
    }
}

/// Calls `changed` whenever `element` changes size, for the page's whole life.
pub fn observe_size(element: &web_sys::Element, changed: impl Fn() + 'static) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
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
    let promise = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.fonts().ready().ok());
    match promise {
        Some(promise) => {
            let callback = wasm_bindgen::closure::Closure::once(move |_: JsValue| ready());
            let _ = promise.then(&callback);
            callback.forget();
        }
        None => ready(),
    }
}

/// On Tab, wraps the focus around the focusable elements of the dialog holding `title_id`.
fn keep_focus_within(ev: &web_sys::KeyboardEvent, title_id: &str) {
    use wasm_bindgen::JsCast;
    let Some(dialog) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(title_id))
        .and_then(|title| title.closest("[role=dialog]").ok().flatten())
    else {
        return;
    };
    let Ok(found) = dialog.query_selector_all(
        "a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea, [tabindex]:not([tabindex='-1'])",
    ) else {
        return;
    };
    let focusable: Vec<web_sys::HtmlElement> = (0..found.length())
        .filter_map(|i| found.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .collect();
    let (Some(first), Some(last)) = (focusable.first(), focusable.last()) else {
        return;
    };
    let active = active_element();
    let inside = active
        .as_ref()
        .is_some_and(|a| dialog.contains(Some(a.unchecked_ref())));
    let at = |target: &web_sys::HtmlElement| active.as_ref() == Some(target);
    let next = match (ev.shift_key(), inside) {
        (_, false) => Some(first),
        (true, true) if at(first) || active.as_ref().is_some_and(|a| a.id() == title_id) => {
            Some(last)
        }
        (false, true) if at(last) => Some(first),
        _ => None,
    };
    if let Some(target) = next {
        ev.prevent_default();
        let _ = target.focus();
    }
}

/// The element that has the keyboard focus, if it is an HTML element.
pub fn active_element() -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    web_sys::window()?
        .document()?
        .active_element()?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
}

/// Moves the focus to the element with `id` once the next frame is laid out.
pub fn focus_soon(id: &'static str) {
    leptos::prelude::request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        if let Some(element) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = element.focus();
        }
    });
}

/// Dialog focus: into the dialog's title when it opens, kept inside while it is open (Tab and
/// Shift+Tab wrap around), back where it was when it closes.
pub fn manage_dialog_focus(
    is_open: impl Fn() -> bool + Clone + Send + Sync + 'static,
    title_id: &'static str,
) {
    use leptos::prelude::*;
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);
    let open_now = is_open.clone();
    let _ = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Tab" && open_now() {
            keep_focus_within(&ev, title_id);
        }
    });
    Effect::watch(
        is_open,
        move |open, previous, _| {
            if *open && previous != Some(&true) {
                opener.set_value(active_element());
                focus_soon(title_id);
            } else if !*open && previous == Some(&true) {
                if let Some(element) = opener.get_value() {
                    let _ = element.focus();
                }
            }
        },
        false,
    );
}

/// Whether a media query matches now, and a call of `on_change` whenever that changes (for the
/// page's lifetime).
pub fn watch_media(query: &str, on_change: impl Fn(bool) + 'static) -> bool {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
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

/// This page's origin (`https://host`).
pub fn origin() -> String {
    window().location().origin().unwrap_or_default()
}

/// The height an embedded chart `chart` reports in a message (`{"eig-pulse-height": {chart: h}}`),
/// in whole CSS pixels, if the message is one and the height is plausible.
pub fn reported_height(data: &JsValue, chart: &str) -> Option<u32> {
    let sizes = js_sys::Reflect::get(data, &JsValue::from_str("eig-pulse-height")).ok()?;
    let height = js_sys::Reflect::get(&sizes, &JsValue::from_str(chart))
        .ok()?
        .as_f64()?;
    (height.is_finite() && height > 0.0 && height <= 20_000.0).then(|| height.ceil() as u32)
}
