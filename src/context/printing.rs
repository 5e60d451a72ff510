//! Printing: true between the browser's `beforeprint` and `afterprint`, so that every chart's
//! data table is laid out on paper and the page says where and when it was printed.

use leptos::prelude::*;

use crate::browser::screen::watch_printing;

/// Whether the page is being printed.
#[derive(Clone, Copy)]
pub struct Printing(RwSignal<bool>);

impl Printing {
    /// Gives the flag to the components below, set and cleared by the browser's print events.
    pub fn provide() -> Printing {
        let printing = RwSignal::new(false);
        provide_context(Printing(printing));
        watch_printing(move |now| printing.set(now));
        Printing(printing)
    }

    /// Whether the page is being printed now (tracked).
    pub fn get(self) -> bool {
        self.0.get()
    }
}
