//! The dashboard's static first paint (`#static-page`, written into `index.html` at build time by
//! `eig-pulse page`) and its hand-over to the interactive page: while the code draws, the
//! interactive page is laid out unseen beside it (`html[data-first-paint]`, style.css); once
//! every chart is drawn, the static page goes within one frame, the reading position and the
//! focused control are kept, and what the reader clicked meanwhile is done again.

use wasm_bindgen::{JsCast, JsValue};

use super::screen::place_in_window;
use super::timings::{now, record_timing};
use super::window;

/// The `<html>` attribute that says the static page is shown (`static`), marked as loading the
/// address's filters (`filtered`) or left out (`off`); set by `page-head.js`.
const MARK: &str = "data-first-paint";
const STATIC_PAGE: &str = "static-page";
/// What `page.js` keeps of a click made before the code arrived: the clicked control's key.
const REPLAY: &str = "eigPulseReplay";

fn document() -> Option<web_sys::Document> {
    window().document()
}

/// Where an element stands: its own id, or its place among the focusable controls of its
/// nearest ancestor with an id; the same place finds its twin in the other page.
fn place_of(
    element: &web_sys::Element,
    within: &web_sys::Element,
) -> Option<(String, Option<u32>)> {
    if !within.contains(Some(element)) {
        return None;
    }
    if !element.id().is_empty() {
        return Some((element.id(), None));
    }
    let mut anchor = element.parent_element();
    while let Some(candidate) = anchor {
        if !within.contains(Some(&candidate)) {
            return None;
        }
        if !candidate.id().is_empty() {
            let controls = candidate.query_selector_all(FOCUSABLE).ok()?;
            let index = (0..controls.length()).find(|&i| {
                controls
                    .item(i)
                    .is_some_and(|node| node.is_same_node(Some(element)))
            })?;
            return Some((candidate.id(), Some(index)));
        }
        anchor = candidate.parent_element();
    }
    None
}

/// The controls a reader can reach, in the order both pages write them.
const FOCUSABLE: &str = "a[href], button, input, select, textarea, summary, [tabindex]";

/// The element at `place`, once the static page is gone.
fn twin(
    document: &web_sys::Document,
    (id, index): &(String, Option<u32>),
) -> Option<web_sys::Element> {
    let anchor = document.get_element_by_id(id)?;
    match index {
        None => Some(anchor),
        Some(index) => anchor
            .query_selector_all(FOCUSABLE)
            .ok()?
            .item(*index)?
            .dyn_into()
            .ok(),
    }
}

/// The first element with an id whose top is in view (else the last above it), and its top:
/// the reading position, kept through the hand-over.
fn reading_position(page: &web_sys::Element) -> Option<(String, f64)> {
    let marked = page
        .query_selector_all("section[id], figure[id], [data-figure]")
        .ok()?;
    let mut above = None;
    for i in 0..marked.length() {
        let Some(element) = marked
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let key = if element.id().is_empty() {
            match element.get_attribute("data-figure") {
                Some(figure) => format!("[data-figure=\"{figure}\"]"),
                None => continue,
            }
        } else {
            format!("[id=\"{}\"]", element.id())
        };
        let top = place_in_window(&element).top;
        if top >= 0.0 {
            return Some((key, top));
        }
        above = Some((key, top));
    }
    above
}

/// Focuses `element` without scrolling to it.
fn focus_in_place(element: &web_sys::Element) {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"preventScroll".into(), &JsValue::TRUE);
    if let Ok(focus) = js_sys::Reflect::get(element, &"focus".into()) {
        if let Some(focus) = focus.dyn_ref::<js_sys::Function>() {
            let _ = focus.call1(element, &options);
        }
    }
}

/// Hands the page over from the static first paint to the interactive one, once: keeps the
/// reading position and the focus, and does again what the reader clicked meanwhile.
pub fn hand_over() {
    let Some(document) = document() else {
        return;
    };
    let Some(root) = document.document_element() else {
        return;
    };
    let Some(page) = document.get_element_by_id(STATIC_PAGE) else {
        let _ = root.remove_attribute(MARK);
        return;
    };
    // Left out (`off`: one chart alone), the static page was never seen: there is no reading
    // position to keep (its hidden elements all stand at the top).
    let position = if root.get_attribute(MARK).as_deref() == Some("off") {
        None
    } else {
        reading_position(&page)
    };
    let focused = document
        .active_element()
        .and_then(|element| place_of(&element, &page));
    let replay = js_sys::Reflect::get(&window(), &REPLAY.into())
        .ok()
        .and_then(|value| value.dyn_into::<web_sys::Element>().ok())
        .and_then(|element| place_of(&element, &page));
    page.remove();
    let _ = root.remove_attribute(MARK);
    if let Some((key, top)) = position {
        if let Ok(Some(element)) = document.query_selector(&key) {
            let moved = place_in_window(&element).top - top;
            if moved.abs() >= 1.0 {
                window().scroll_by_with_x_and_y(0.0, moved);
            }
        }
    }
    if let Some(element) = focused.and_then(|place| twin(&document, &place)) {
        focus_in_place(&element);
    }
    if let Some(element) = replay.and_then(|place| twin(&document, &place)) {
        if let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() {
            element.click();
        }
    }
    record_timing("handOver", now());
}
