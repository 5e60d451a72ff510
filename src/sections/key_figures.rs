//! The headline numbers for the current filters.

use std::sync::Arc;

use eig_pulse_core::measures::activity::repository_figures;
use eig_pulse_core::measures::progress::progress_figures;
use eig_pulse_core::{base::format, Cohort, Lang, Selection, Text};
use leptos::prelude::*;

#[component]
pub fn KeyFiguresView(cohort: Arc<Cohort>, selection: Memo<Selection>) -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let repository_cohort = cohort.clone();
    let progress_cohort = cohort.clone();
    let figures = Memo::new(move |_| {
        eig_pulse_core::measures::key_figures::key_figures(&cohort, &selection.get())
    });
    let repositories = Memo::new(move |_| repository_figures(&repository_cohort, &selection.get()));
    let progress = Memo::new(move |_| progress_figures(&progress_cohort, &selection.get()));
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
            {card("repositories", Text::fixed("dépôts de code analysés", "code repositories scanned"), Box::new(move |lang| {
                format::count(repositories.with(|r| r.repositories) as u64, lang)
            }))}
            {card("commits", Text::fixed("commits pendant les dix mois du défi", "commits during the défi's ten months"), Box::new(move |lang| {
                format::count(repositories.with(|r| r.commits_during_defi), lang)
            }))}
            {card("commits-after", Text::fixed("commits dans les 12 mois après les dix mois", "commits in the 12 months after the ten months"), Box::new(move |lang| {
                format::count(progress.with(|p| p.commits_after), lang)
            }))}
            {card("still-active", Text::fixed("des défis au code analysé encore actifs (un commit dans l'année avant la copie)", "of défis with scanned code still active (a commit in the year before the copy)"), Box::new(move |lang| {
                progress.with(|p| if p.defis == 0 {
                    "—".to_string()
                } else {
                    format::percent(p.still_active as f64 / p.defis as f64, lang)
                })
            }))}
            {card("licensed", Text::fixed("des défis au code analysé ont une licence", "of défis with scanned code have a licence"), Box::new(move |lang| {
                repositories.with(|r| r.licensed_share.map_or_else(|| "—".to_string(), |s| format::percent(s, lang)))
            }))}
        </section>
    }
}
