//! Light, dark or system: the reader's preference (`?theme=light|dark|auto`, the header's
//! switch), the scheme it resolves to, and DSFR's attributes on `<html>` (`data-fr-scheme`,
//! `data-fr-theme`). Charts take their palette from the resolved scheme.

use eig_pulse_core::chart::Palette;
use eig_pulse_core::Lang;

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

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            SchemePreference::System => lang.pick("Système", "System"),
            SchemePreference::Light => lang.pick("Clair", "Light"),
            SchemePreference::Dark => lang.pick("Sombre", "Dark"),
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

/// Whether the system prefers a dark scheme now; `on_change` hears every later change.
pub fn watch_system(on_change: impl Fn(bool) + 'static) -> bool {
    crate::browser::screen::watch_media("(prefers-color-scheme: dark)", on_change)
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
