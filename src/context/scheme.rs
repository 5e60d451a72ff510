//! Light, dark or system: the reader's preference (`?theme=light|dark|auto`, the header's
//! switch), the scheme it resolves to, and DSFR's attributes on `<html>` (`data-fr-scheme`,
//! `data-fr-theme`). Charts take their palette from the resolved scheme.

use eig_pulse_core::chart::Theme;
use eig_pulse_core::Lang;

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

/// Whether the system prefers a dark scheme now; `on_change` hears every later change.
pub fn watch_system(on_change: impl Fn(bool) + 'static) -> bool {
    crate::browser::screen::watch_media("(prefers-color-scheme: dark)", on_change)
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
