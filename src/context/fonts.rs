//! Charts are drawn with Marianne: a counter bumped once the page's web fonts have loaded, that
//! every chart reads so as to draw again with them.

use leptos::prelude::*;

use crate::browser::screen::when_fonts_ready;

/// Bumped when the page's fonts have loaded.
#[derive(Clone, Copy)]
pub struct FontsLoaded(RwSignal<u32>);

impl FontsLoaded {
    /// Gives the counter to the components below, bumped when the browser says the fonts are ready.
    pub fn provide() {
        let fonts = RwSignal::new(0u32);
        provide_context(FontsLoaded(fonts));
        when_fonts_ready(move || fonts.update(|n| *n += 1));
    }

    /// Makes the running effect run again when the fonts arrive.
    pub fn track(self) {
        self.0.track();
    }
}
