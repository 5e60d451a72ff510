//! Timings exposed to benchmarks as `window.eigPulseTimings`: when the export arrived and was
//! read, when the first chart was painted, how many draws and when the last one was (of all, and
//! of those drawn at once).

use wasm_bindgen::JsValue;

use super::window;

/// Milliseconds since the page started (`performance.now()`).
pub fn now() -> f64 {
    window().performance().map(|p| p.now()).unwrap_or(0.0)
}

/// Sets `window.eigPulseTimings[name]` to `value`.
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
    static DRAWS_AT_ONCE: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// When a chart was drawn: at once (in or near the window, or printing), or a frame later.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum DrawWhen {
    AtOnce,
    Later,
}

/// Called after each chart is painted: counts draws and remembers the first and the last; the
/// same of those drawn at once (`drawsAtOnce`, `lastDrawAtOnce`: the charts a reader sees).
pub fn record_draw(when: DrawWhen) {
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
    if when == DrawWhen::AtOnce {
        let at_once = DRAWS_AT_ONCE.with(|d| {
            d.set(d.get() + 1);
            d.get()
        });
        record_timing("drawsAtOnce", f64::from(at_once));
        record_timing("lastDrawAtOnce", now);
    }
}
