//! The headline numbers for the current filters, as core's page lists them (the same cards as the
//! static first paint).

use std::sync::Arc;

use eig_pulse_core::page::{key_cards, page_words};
use eig_pulse_core::{Cohort, Lang, Selection};
use leptos::prelude::*;

#[component]
pub fn KeyFiguresView(cohort: Arc<Cohort>, selection: Memo<Selection>) -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let cards = Memo::new(move |_| key_cards(&cohort, &selection.get(), lang.get()));
    view! {
        // Focusable: on phones the cards scroll sideways, and a keyboard scrolls what has the focus.
        <section class="key-figures" tabindex="0" aria-label=move || page_words(lang.get()).key_figures>
            {move || cards.get().into_iter().map(|card| view! {
                <div class="figure" data-figure=card.key>
                    <p class="figure-value">{card.value}</p>
                    <p class="figure-label">{card.label}</p>
                    {card.basis.map(|basis| view! { <p class="figure-basis">{basis}</p> })}
                </div>
            }).collect_view()}
        </section>
    }
}
