//! The messages between an embedded chart and the page around its frame: the height it posts
//! (`{"eig-pulse-height": {"<chart>": px}}`, and AMP's `{"sentinel": "amp", "type": "embed-size",
//! "height": px}`), and the height a frame's message reports. The host's theme message comes the
//! other way, to `embed-page.js`, which hands it over on `<html>` (`light_page::watch_host_theme`).

use wasm_bindgen::JsValue;

use super::window;
use eig_pulse_core::contract::embed::{HEIGHT_LIMIT, HEIGHT_MESSAGE};

/// Tells the page that embeds this one how tall it is, in both message forms hosts understand.
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
        format!("{{\"{HEIGHT_MESSAGE}\": {{\"{chart}\": {height}}}}}"),
        format!("{{\"sentinel\": \"amp\", \"type\": \"embed-size\", \"height\": {height}}}"),
    ] {
        if let Ok(value) = js_sys::JSON::parse(&message) {
            let _ = parent.post_message(&value, "*");
        }
    }
}

/// The height an embedded chart `chart` reports in a message (`{"eig-pulse-height": {chart: h}}`),
/// in whole CSS pixels, if the message is one and the height is plausible.
pub fn reported_height(data: &JsValue, chart: &str) -> Option<u32> {
    let sizes = js_sys::Reflect::get(data, &JsValue::from_str(HEIGHT_MESSAGE)).ok()?;
    let height = js_sys::Reflect::get(&sizes, &JsValue::from_str(chart))
        .ok()?
        .as_f64()?;
    (height.is_finite() && height > 0.0 && height <= f64::from(HEIGHT_LIMIT))
        .then(|| height.ceil() as u32)
}
