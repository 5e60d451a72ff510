//! The dashboard's side of the translation layer (`eig_pulse_core::base::lang`): a fixed text that
//! follows the language signal.

use eig_pulse_core::Lang;
use leptos::prelude::*;

/// A fixed text in the page's current language, redrawn when it changes:
/// `{say(lang, "Filtres", "Filters")}`.
pub fn say(
    lang: RwSignal<Lang>,
    fr: &'static str,
    en: &'static str,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || lang.get().pick(fr, en)
}
