//! The keyboard focus around the dashboard's dialogs: taken into a dialog's title when it opens,
//! kept inside while it is open, given back when it closes.

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
