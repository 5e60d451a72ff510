//! Light, dark or system: the reader's preference (`?theme=light|dark|auto`, the header's
//! switch), the scheme it resolves to, and DSFR's attributes on `<html>` (`data-fr-scheme`,
//! `data-fr-theme`). Charts take their palette from the resolved scheme.

use eig_pulse_core::chart::Theme;
use eig_pulse_core::Lang;
use wasm_bindgen::prelude::*;

/// What the reader asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Preference {
    #[default]
    System,
    Light,
    Dark,
}

impl Preference {
    pub const ALL: [Preference; 3] = [Preference::Light, Preference::Dark, Preference::System];

    /// Reads the `theme` parameter; `auto`, nothing or anything else follows the system.
    pub fn from_parameter(value: Option<&str>) -> Preference {
        match value {
            Some("dark") => Preference::Dark,
            Some("light") => Preference::Light,
            _ => Preference::System,
        }
    }

    /// The `theme` parameter's value.
    pub fn parameter(self) -> &'static str {
        match self {
            Preference::System => "auto",
            Preference::Light => "light",
            Preference::Dark => "dark",
        }
    }

    /// DSFR's `data-fr-scheme` value.
    pub fn dsfr_name(self) -> &'static str {
        match self {
            Preference::System => "system",
            Preference::Light => "light",
            Preference::Dark => "dark",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Preference::System => lang.pick("Système", "System"),
            Preference::Light => lang.pick("Clair", "Light"),
            Preference::Dark => lang.pick("Sombre", "Dark"),
        }
    }

    /// The scheme shown, given whether the system prefers dark.
    pub fn resolve(self, system_dark: bool) -> Scheme {
        match self {
            Preference::Light => Scheme::Light,
            Preference::Dark => Scheme::Dark,
            Preference::System if system_dark => Scheme::Dark,
            Preference::System => Scheme::Light,
        }
    }
}

/// The scheme shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scheme {
    #[default]
    Light,
    Dark,
}

impl Scheme {
    /// DSFR's `data-fr-theme` value.
    pub fn name(self) -> &'static str {
        match self {
            Scheme::Light => "light",
            Scheme::Dark => "dark",
        }
    }

    /// The charts' colours at a pixel density.
    pub fn theme(self, scale: f64) -> Theme {
        match self {
            Scheme::Light => Theme::light(scale),
            Scheme::Dark => Theme::dark(scale),
        }
    }
}

fn dark_query() -> Option<web_sys::MediaQueryList> {
    web_sys::window()?
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
}

/// Whether the system prefers a dark scheme now.
pub fn system_prefers_dark() -> bool {
    dark_query().is_some_and(|m| m.matches())
}

/// Calls `on_change` whenever the system's preference changes (for the page's lifetime).
pub fn watch_system(on_change: impl Fn(bool) + 'static) {
    let Some(query) = dark_query() else {
        return;
    };
    let listener = Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(
        move |event: web_sys::MediaQueryListEvent| on_change(event.matches()),
    );
    let _ = query.add_event_listener_with_callback("change", listener.as_ref().unchecked_ref());
    listener.forget();
}

/// Writes the preference and the scheme on `<html>`, where DSFR's styles read them.
pub fn apply(preference: Preference, scheme: Scheme) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("data-fr-scheme", preference.dsfr_name());
        let _ = root.set_attribute("data-fr-theme", scheme.name());
    }
}
