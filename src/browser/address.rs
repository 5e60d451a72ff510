//! The page's address: the whole of it, its query and parameters, the dashboard's state written
//! into the history, the base that relative addresses resolve against, the dashboard's folder and
//! origin.

use eig_pulse_core::model::filter::{query_pairs, query_string};
use wasm_bindgen::JsValue;

use super::window;

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

/// This page's origin (`https://host`).
pub fn origin() -> String {
    window().location().origin().unwrap_or_default()
}

/// The page's whole address, filters included.
pub fn current_address() -> String {
    window().location().href().unwrap_or_default()
}
