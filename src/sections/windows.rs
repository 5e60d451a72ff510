//! The promotions' ten months under the activity charts: dates, how each is known, sources.

use std::sync::Arc;

use eig_pulse_core::measures::promotion_windows::selected_windows;
use eig_pulse_core::{Cohort, Lang, Selection};
use leptos::prelude::*;

#[component]
pub fn PromotionWindows(cohort: Arc<Cohort>, selection: Memo<Selection>) -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let windows = Memo::new(move |_| selected_windows(&cohort, &selection.get(), lang.get()));
    view! {
        <div class="promotion-windows">
            <p class="fr-text--sm windows-title">
                {move || lang.get().pick(
                    "Les dix mois de chaque promotion (zone grisée), d'après ses sources :",
                    "Each promotion's ten months (shaded), from its sources:",
                )}
            </p>
            <ul class="fr-text--sm">
                {move || windows.get().into_iter().map(|window| {
                    let (words, sources) = (window.words, window.sources);
                    let label = lang.get().pick(" — sources : ", " — sources: ");
                    view! {
                        <li>{words}<span class="window-sources">{format!("{label}{}", sources.join(", "))}</span></li>
                    }
                }).collect_view()}
            </ul>
        </div>
    }
}
