//! The promotions' ten months under the activity charts: dates, how each is known, sources
//! (linked to their posts on the programme's site).

use std::sync::Arc;

use eig_pulse_core::measures::promotion_windows::selected_windows;
use eig_pulse_core::page::page_words;
use eig_pulse_core::{Cohort, Lang, Selection};
use leptos::prelude::*;

#[component]
pub fn PromotionWindows(cohort: Arc<Cohort>, selection: Memo<Selection>) -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let windows = Memo::new(move |_| selected_windows(&cohort, &selection.get(), lang.get()));
    view! {
        <div class="promotion-windows">
            <p class="fr-text--sm windows-title">
                {move || page_words(lang.get()).windows_title}
            </p>
            <ul class="fr-text--sm">
                {move || windows.get().into_iter().map(|window| view! {
                    <li>
                        {window.words}
                        <span class="window-sources">
                            {move || page_words(lang.get()).sources}
                            {window.sources.into_iter().enumerate().map(|(i, cited)| view! {
                                {(i > 0).then_some(", ")}
                                {match cited.post {
                                    Some(href) => view! { <a href=href rel="noopener noreferrer">{cited.name}</a> }.into_any(),
                                    None => view! { <span>{cited.name}</span> }.into_any(),
                                }}
                            }).collect_view()}
                        </span>
                    </li>
                }).collect_view()}
            </ul>
        </div>
    }
}
