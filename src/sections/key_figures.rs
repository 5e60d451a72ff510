//! The headline numbers for the current filters, as core's page lists them (the same cards as the
//! static first paint): the page's at its head, the code's at the head of its section.

use std::sync::Arc;

use eig_pulse_core::page::{code_cards, key_cards, page_words, Card};
use eig_pulse_core::{Cohort, Lang, Selection};
use leptos::prelude::*;

/// Which cards: the page's key figures, or those of the code after the programme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figures {
    Page,
    Code,
}

impl Figures {
    fn cards(self, cohort: &Cohort, selection: &Selection, lang: Lang) -> Vec<Card> {
        match self {
            Figures::Page => key_cards(cohort, selection, lang),
            Figures::Code => code_cards(cohort, selection, lang),
        }
    }

    fn label(self, lang: Lang) -> &'static str {
        let words = page_words(lang);
        match self {
            Figures::Page => words.key_figures,
            Figures::Code => words.code_figures,
        }
    }
}

#[component]
pub fn KeyFiguresView(
    cohort: Arc<Cohort>,
    selection: Memo<Selection>,
    figures: Figures,
) -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let cards = Memo::new(move |_| figures.cards(&cohort, &selection.get(), lang.get()));
    view! {
        // Focusable: on phones the cards scroll sideways, and a keyboard scrolls what has the focus.
        <section class="key-figures" tabindex="0" aria-label=move || figures.label(lang.get())>
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
