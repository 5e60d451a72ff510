//! The light embed page (`embed/<id>.<lang>.html`, written by `eig-pulse embeds`) as the
//! dashboard's code finds it: which chart and language its `<html>` names (the language, too, of
//! the dashboard's own `index.html` and `en.html`), the export a pinned
//! page keeps, the host page's theme it was told, and the hand-over from its static chart to the
//! interactive one.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use eig_pulse_core::Lang;

use super::address::parameter;
use super::window;

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

/// A pinned page's copy of its export (`data-embed-export`, from the dashboard's folder): its
/// interactive chart reads it, so that its figures stay those of its day.
pub fn pinned_export() -> Option<String> {
    embed_page_attribute("data-embed-export")
}

/// The language asked for: a known `?lang=`, else the one the page is written in (`<html lang>`:
/// the English dashboard `en.html`, a light embed page).
pub fn asked_lang() -> Option<Lang> {
    let page = || {
        window()
            .document()?
            .document_element()?
            .get_attribute("lang")
    };
    [parameter("lang"), page()]
        .into_iter()
        .flatten()
        .find_map(|code| Lang::parse(&code))
}

/// On the light embed page, the static chart painted before the code arrived gives way to the
/// interactive one: the page's `data-embed-static` mark and `#embed-static` go, and
/// `eig-pulse-live` tells `embed-page.js` to hand over the reader's first gesture.
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

/// Whether the host page around a light embed page is dark, as its `embed.js` told
/// `embed-page.js` (which writes it on `<html>` as `data-host-theme`), and a call of `on_change`
/// at each later change (`embed-page.js` fires `eig-pulse-host-theme`). `None` while the host has
/// said nothing: a host without `embed.js`, or not a light embed page.
pub fn watch_host_theme(on_change: impl Fn(bool) + 'static) -> Option<bool> {
    let host_dark = || {
        let root = window().document()?.document_element()?;
        root.get_attribute("data-host-theme").map(|t| t == "dark")
    };
    let listener = Closure::<dyn Fn()>::new(move || {
        if let Some(dark) = host_dark() {
            on_change(dark);
        }
    });
    let _ = window().add_event_listener_with_callback(
        "eig-pulse-host-theme",
        listener.as_ref().unchecked_ref(),
    );
    // Lives as long as the page.
    listener.forget();
    host_dark()
}
