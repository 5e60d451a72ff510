//! The page as a story: the table of contents (the sections in page order, then the défis' list)
//! and a section's opening — its heading and the one sentence core writes from the selection.

use std::sync::Arc;

use eig_pulse_core::catalogue::Section;
use eig_pulse_core::{Cohort, Lang, Selection};
use leptos::prelude::*;

use eig_pulse_core::page::{page_words, DEFI_LIST};

/// The id of a section's heading, which names the section.
pub fn heading_id(part: Section) -> String {
    format!("{}-titre", part.anchor())
}

/// The table of contents: the page's sections, then the défis' list. It stays in view on wide
/// screens (`public/style.css`).
#[component]
pub fn Contents() -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    view! {
        <nav class="contents" aria-label=move || page_words(lang.get()).contents>
            <ul>
                {Section::ALL.map(|part| view! {
                    <li><a href=format!("#{}", part.anchor())>{move || part.title(lang.get())}</a></li>
                }).to_vec()}
                <li><a href=format!("#{DEFI_LIST}")>{move || page_words(lang.get()).defi_list}</a></li>
            </ul>
        </nav>
    }
}

/// A section's heading and its opening sentence, written again when the filters or the language
/// change.
#[component]
pub fn Opening(part: Section, cohort: Arc<Cohort>, selection: Memo<Selection>) -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let sentence = Memo::new(move |_| part.opening(&cohort, &selection.get(), lang.get()));
    view! {
        <h2 id=heading_id(part)>{move || part.title(lang.get())}</h2>
        <p class="story-opening" data-opening=part.anchor()>{sentence}</p>
    }
}
