//! Light or dark: from `?theme=light|dark|auto` (auto follows the system), applied to the page
//! (`data-theme` on `<html>`) and to the charts' palette.

use eig_pulse_core::chart::Theme;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scheme {
    #[default]
    Light,
    Dark,
}

impl Scheme {
    /// Reads the `theme` parameter; `auto` (or nothing) asks the system.
    pub fn from_parameter(value: Option<&str>) -> Scheme {
        match value {
            Some("dark") => Scheme::Dark,
            Some("light") => Scheme::Light,
            _ => {
                let prefers_dark = web_sys::window()
                    .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
                    .is_some_and(|m| m.matches());
                if prefers_dark {
                    Scheme::Dark
                } else {
                    Scheme::Light
                }
            }
        }
    }

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
