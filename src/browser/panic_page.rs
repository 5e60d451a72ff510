//! The last resort: a panic replaces the page (or the embed) with a message in the reader's
//! language and a reload button, instead of leaving a frozen page.

use eig_pulse_core::catalogue::ChartId;
use eig_pulse_core::Lang;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::address::parameter;
use super::host_message::post_height;
use super::light_page::embedded_chart;

/// Installs the hook; called once, before the app is mounted.
pub fn install() {
    install_into(None);
}

thread_local! {
    /// Where the message goes: the body when `None` (tests give an element).
    static PLACE: std::cell::RefCell<Option<web_sys::Element>> = const { std::cell::RefCell::new(None) };
}

/// The hook, replacing the content of `place` (the body when `None`; tests give an element).
pub fn install_into(place: Option<web_sys::Element>) {
    PLACE.with(|p| *p.borrow_mut() = place);
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("EIG Pulse: {info}").into());
        let place = PLACE
            .try_with(|p| p.try_borrow().ok().and_then(|p| p.clone()))
            .ok()
            .flatten();
        show(place);
    }));
}

/// The reader's language: the page's `lang` (kept in step with the switch), else `?lang=`.
fn reader_lang() -> Lang {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|root| root.get_attribute("lang"))
        .or_else(|| parameter("lang"))
        .and_then(|code| Lang::parse(&code))
        .unwrap_or_default()
}

/// Replaces the body (or `place`) with the message. Touches the DOM only (never Leptos, whose
/// state the panic may have left half-updated).
pub fn show(place: Option<web_sys::Element>) {
    let lang = reader_lang();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = place.or_else(|| document.body().map(Into::into)) else {
        return;
    };
    body.set_text_content(None);
    let element = |tag: &str, class: &str, text: &str| {
        let node = document.create_element(tag).ok()?;
        node.set_class_name(class);
        node.set_text_content(Some(text));
        Some(node)
    };
    let Some(main) = element("main", "failure panic-message fr-container", "") else {
        return;
    };
    let _ = main.set_attribute("role", "alert");
    let parts = [
        element(
            "h1",
            "fr-alert__title",
            lang.pick(
                "Le tableau de bord s'est arrêté sur une erreur",
                "The dashboard stopped on an error",
            ),
        ),
        element(
            "p",
            "",
            lang.pick(
                "Rien de ce qui était affiché n'est plus à jour. Recharger la page la relance ; si l'erreur revient, signalez-la avec l'adresse de cette page.",
                "Nothing shown any longer is up to date. Reloading the page starts it again; if the error comes back, report it with this page's address.",
            ),
        ),
        element(
            "button",
            "fr-btn panic-reload",
            lang.pick("Recharger la page", "Reload the page"),
        ),
    ];
    for part in parts.into_iter().flatten() {
        if part.tag_name() == "BUTTON" {
            let _ = part.set_attribute("type", "button");
            let reload = Closure::<dyn Fn()>::new(|| {
                if let Some(window) = web_sys::window() {
                    let _ = window.location().reload();
                }
            });
            let _ = part.add_event_listener_with_callback("click", reload.as_ref().unchecked_ref());
            reload.forget();
        }
        let _ = main.append_child(&part);
    }
    let _ = body.append_child(&main);
    // An embed tells its host the message's height, so that the frame shows it whole.
    if let Some(chart) = embedded_chart().and_then(|s| ChartId::from_slug(&s)) {
        post_height(chart.slug(), f64::from(body.scroll_height()));
    }
}
