//! Light, dark or system: the reader's preference (`?theme=light|dark|auto`, the header's
//! switch), the scheme it resolves to — `auto` follows the host page's theme in an embed whose
//! host says it, else the system's —, and DSFR's attributes on `<html>` (`data-fr-scheme`,
//! `data-fr-theme`). Charts take their palette from the resolved scheme.

use std::cell::Cell;
use std::rc::Rc;

use eig_pulse_core::chart::Palette;
use eig_pulse_core::page::page_words;
use eig_pulse_core::Lang;

use crate::browser::light_page::watch_host_theme;
use crate::browser::screen::watch_media;

/// The scheme the reader asked for: light, dark, or the system's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SchemePreference {
    #[default]
    System,
    Light,
    Dark,
}

impl SchemePreference {
    pub const ALL: [SchemePreference; 3] = [
        SchemePreference::Light,
        SchemePreference::Dark,
        SchemePreference::System,
    ];

    /// Reads the `theme` parameter; `auto`, nothing or anything else follows the system.
    pub fn from_parameter(value: Option<&str>) -> SchemePreference {
        match value {
            Some("dark") => SchemePreference::Dark,
            Some("light") => SchemePreference::Light,
            _ => SchemePreference::System,
        }
    }

    /// The `theme` parameter's value.
    pub fn parameter(self) -> &'static str {
        match self {
            SchemePreference::System => "auto",
            SchemePreference::Light => "light",
            SchemePreference::Dark => "dark",
        }
    }

    /// DSFR's `data-fr-scheme` value.
    pub fn data_fr_scheme(self) -> &'static str {
        match self {
            SchemePreference::System => "system",
            SchemePreference::Light => "light",
            SchemePreference::Dark => "dark",
        }
    }

    /// Its label in the switch, as core's page words say it (the static first paint too).
    pub fn label(self, lang: Lang) -> &'static str {
        let words = page_words(lang);
        match self {
            SchemePreference::System => words.theme_system,
            SchemePreference::Light => words.theme_light,
            SchemePreference::Dark => words.theme_dark,
        }
    }

    /// The scheme shown, given whether the system prefers dark.
    pub fn resolve(self, system_dark: bool) -> Scheme {
        match self {
            SchemePreference::Light => Scheme::Light,
            SchemePreference::Dark => Scheme::Dark,
            SchemePreference::System if system_dark => Scheme::Dark,
            SchemePreference::System => Scheme::Light,
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
    /// DSFR's `data-fr-theme` value (DSFR calls the scheme shown a theme).
    pub fn data_fr_theme(self) -> &'static str {
        match self {
            Scheme::Light => "light",
            Scheme::Dark => "dark",
        }
    }

    /// The charts' palette in this scheme, at a pixel density.
    pub fn palette(self, scale: f64) -> Palette {
        match self {
            Scheme::Light => Palette::light(scale),
            Scheme::Dark => Palette::dark(scale),
        }
    }
}

/// Whether the surroundings prefer a dark scheme now — the host page's theme in an embed whose
/// host told it (through its `embed.js`), else the system's —; `on_change` hears every later
/// change. A host's theme, once told, outweighs the system's.
pub fn watch_surroundings(on_change: impl Fn(bool) + Clone + 'static) -> bool {
    let on_system = on_change.clone();
    let host = Rc::new(Cell::new(None::<bool>));
    let host_said = host.clone();
    host.set(watch_host_theme(move |dark| {
        host_said.set(Some(dark));
        on_change(dark);
    }));
    let host_heard = host.clone();
    let system = watch_media("(prefers-color-scheme: dark)", move |dark| {
        if host_heard.get().is_none() {
            on_system(dark);
        }
    });
    host.get().unwrap_or(system)
}

/// Writes the preference and the scheme on `<html>`, where DSFR's styles read them.
pub fn apply(preference: SchemePreference, scheme: Scheme) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("data-fr-scheme", preference.data_fr_scheme());
        let _ = root.set_attribute("data-fr-theme", scheme.data_fr_theme());
    }
}
