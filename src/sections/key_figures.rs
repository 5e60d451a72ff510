//! The headline numbers for the current filters.

use std::sync::Arc;

use eig_pulse_core::measures::figures::selection_figures;
use eig_pulse_core::{base::format, Cohort, Lang, Selection, Text};
use leptos::prelude::*;

#[component]
pub fn KeyFiguresView(cohort: Arc<Cohort>, selection: Memo<Selection>) -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let code_cohort = cohort.clone();
    let figures = Memo::new(move |_| {
        eig_pulse_core::measures::key_figures::key_figures(&cohort, &selection.get())
    });
    // The code's figures, worded by core (the same as `eig-pulse figures`).
    let scanned = !code_cohort.export.activity.is_empty();
    let code_figures = Memo::new(move |_| {
        if scanned {
            selection_figures(&code_cohort, &selection.get(), lang.get())
        } else {
            Vec::new()
        }
    });
    let card =
        move |key: &'static str, label: Text, value: Box<dyn Fn(Lang) -> String + Send + Sync>| {
            view! {
                <div class="figure" data-figure=key>
                    <p class="figure-value">{move || value(lang.get())}</p>
                    <p class="figure-label">{move || label.get(lang.get()).to_string()}</p>
                </div>
            }
        };
    let count =
        move |pick: fn(&eig_pulse_core::measures::key_figures::KeyFigures) -> usize| -> Box<dyn Fn(Lang) -> String + Send + Sync> {
            Box::new(move |lang| format::count(figures.with(pick) as u64, lang))
        };
    view! {
        <section class="key-figures" aria-label=move || lang.get().pick("Chiffres clés", "Key figures")>
            {card("defis", Text::same("défis"), count(|f| f.defis))}
            {card("administrations", Text::same("administrations"), count(|f| f.administrations))}
            {card("eigs", Text::same("entrepreneurs (EIG)"), count(|f| f.eigs))}
            {card("mentors", Text::same("mentors"), count(|f| f.mentors))}
            {card("journal", Text::fixed("entrées de journal", "journal entries"), count(|f| f.journal_entries))}
            {card("code", Text::fixed("des défis publient leur code", "of défis publish their code"), Box::new(move |lang| {
                figures.with(|f| f.with_code.map_or_else(|| "—".to_string(), |s| format::percent(s, lang)))
            }))}
            {move || code_figures.get().into_iter().map(|figure| view! {
                <div class="figure" data-figure=figure.key>
                    <p class="figure-value">{figure.shown}</p>
                    <p class="figure-label">{figure.label}</p>
                    {figure.basis.map(|basis| view! { <p class="figure-basis">{basis}</p> })}
                </div>
            }).collect_view()}
        </section>
    }
}
