//! The filters: administration (searchable, as a tree), promotion, skill, period, and reset.

use eig_pulse_core::base::order;
use std::sync::Arc;

use eig_pulse_core::base::search::search_key;
use eig_pulse_core::{Cohort, Filters, Lang, Text};
use leptos::prelude::*;

use crate::browser::screen::watch_media;
use crate::context::i18n::say;

/// An administration option: id, label with its depth in the tree, and the words it is found by.
#[derive(Clone)]
struct AdminOption {
    id: String,
    label: String,
    search: String,
}

fn admin_options(cohort: &Cohort) -> Vec<AdminOption> {
    let counts = cohort.defis_per_administration();
    cohort
        .administration_tree()
        .into_iter()
        .map(|node| {
            let (i, depth) = (node.admin, node.depth);
            let admin = &cohort.export.administrations[i];
            let acronym = admin
                .acronym
                .as_ref()
                .map(|a| format!(" ({a})"))
                .unwrap_or_default();
            AdminOption {
                id: admin.id.clone(),
                label: format!(
                    "{}{}{acronym} · {}",
                    "\u{2003}".repeat(depth),
                    admin.name,
                    counts[i]
                ),
                search: search_key(&format!(
                    "{} {acronym} {}",
                    admin.name,
                    admin.aliases.join(" ")
                )),
            }
        })
        .collect()
}

/// A select of one filter that holds an id (promotion, skill, technology): « Toutes », then
/// `options` (id, label); `get` reads the filter, `set` writes it.
#[component]
fn IdFilter(
    id: &'static str,
    label: Text,
    filters: RwSignal<Filters>,
    get: fn(&Filters) -> Option<&String>,
    set: fn(&mut Filters, Option<String>),
    options: Vec<(String, Text)>,
) -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    view! {
        <div class="filter fr-select-group">
            <label class="fr-label" for=id>{move || label.get(lang.get()).to_string()}</label>
            <select
                id=id
                class="fr-select"
                prop:value=move || filters.with(|f| get(f).cloned().unwrap_or_default())
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    filters.update(|f| set(f, (!value.is_empty()).then_some(value)));
                }
            >
                <option value="">{say(lang, "Toutes", "All")}</option>
                {options
                    .into_iter()
                    .map(|(id, label)| {
                        let selected_id = id.clone();
                        view! {
                            <option value=id selected=move || filters.with(|f| get(f) == Some(&selected_id))>
                                {move || label.get(lang.get()).to_string()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// Wider than this, the filters are always shown; narrower, they fold (as in style.css).
const WIDE_SCREEN: &str = "(min-width: 48em)";

#[component]
pub fn FilterBar(cohort: Arc<Cohort>, filters: RwSignal<Filters>) -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let options = admin_options(&cohort);
    let search = RwSignal::new(String::new());
    let visible_options = move || {
        let query = search_key(search.get().trim());
        let selected = filters.with(|f| f.admin.clone());
        options
            .iter()
            .filter(|o| {
                query.is_empty() || o.search.contains(&query) || Some(&o.id) == selected.as_ref()
            })
            .cloned()
            .collect::<Vec<_>>()
    };
    let tag_cohort = cohort.clone();
    let promotions: Vec<(String, Text)> = cohort
        .export
        .promotions
        .iter()
        .map(|p| {
            let label = format!("{} ({})", p.label, p.year);
            (p.id.clone(), Text::new(label.clone(), label))
        })
        .collect();
    let skills: Vec<(String, Text)> = cohort
        .export
        .skills
        .iter()
        .map(|s| {
            let [fr, en] = Lang::ALL.map(|lang| cohort.skill_label(&s.id, lang));
            (s.id.clone(), Text::new(fr, en))
        })
        .collect();
    // Technologies some défi uses, by label.
    let mut techs: Vec<(String, String)> = cohort
        .technologies_in_use()
        .into_iter()
        .map(|t| &cohort.export.technologies[t])
        .map(|t| (t.id.clone(), t.label.clone()))
        .collect();
    order::sort_by_key(&mut techs, |(_, label)| label.to_lowercase());
    let techs: Vec<(String, Text)> = techs
        .into_iter()
        .map(|(id, label)| (id, Text::new(label.clone(), label)))
        .collect();
    let years = cohort.export.defis.iter().map(|d| d.year);
    let (first_year, last_year) = (
        years.clone().min().unwrap_or(2017),
        years.max().unwrap_or(2020),
    );
    let (min_date, max_date) = (format!("{first_year}-01-01"), format!("{last_year}-12-31"));
    let set_date = move |which: &'static str, value: String| {
        let date = eig_pulse_core::base::date::parse_date(&value);
        filters.update(|f| {
            if which == "from" {
                f.from = date;
            } else {
                f.to = date;
            }
        });
    };

    // On a phone the form folds under a summary naming the active filters, so that a chart is
    // in the first screen; wider, it is always open (the summary is hidden by style.css).
    let wide = RwSignal::new(true);
    wide.set(watch_media(WIDE_SCREEN, move |matches| {
        wide.set(matches);
    }));
    let summary_cohort = cohort.clone();
    let summary = move || {
        let lang = lang.get();
        match filters.with(|f| f.describe(&summary_cohort, lang)) {
            Some(active) => format!("{} — {active}", lang.pick("Filtres", "Filters")),
            None => lang.pick("Filtres (aucun)", "Filters (none)").to_string(),
        }
    };

    view! {
        <section class="filters" id="filtres" tabindex="-1" aria-label=move || lang.get().pick("Filtres", "Filters")>
            <details class="filters-disclosure" prop:open=move || wide.get()>
            <summary class="filters-summary">{summary}</summary>
            <div class="filters-fields">
            <div class="filter filter-admin fr-input-group">
                <label class="fr-label" for="filtre-admin-recherche">"Administration"
                    <span class="fr-hint-text">{say(lang, "Ses directions et services inclus", "Its directorates and services included")}</span>
                </label>
                <input
                    id="filtre-admin-recherche"
                    class="fr-input"
                    type="search"
                    placeholder=move || lang.get().pick("Rechercher (nom, sigle)…", "Search (name, acronym)…")
                    prop:value=move || search.get()
                    on:input=move |ev| search.set(event_target_value(&ev))
                />
                <select
                    id="filtre-admin"
                    class="fr-select"
                    aria-label=move || lang.get().pick("Administration (ses directions et services inclus)", "Administration (its directorates and services included)")
                    prop:value=move || filters.with(|f| f.admin.clone().unwrap_or_default())
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        filters.update(|f| f.admin = (!value.is_empty()).then_some(value));
                    }
                >
                    <option value="">{say(lang, "Toutes les administrations", "All administrations")}</option>
                    {move || {
                        let selected = filters.with(|f| f.admin.clone().unwrap_or_default());
                        visible_options()
                            .into_iter()
                            .map(|o| {
                                let is_selected = o.id == selected;
                                view! { <option value=o.id selected=is_selected>{o.label}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
            <IdFilter
                id="filtre-promo"
                label=Text::same("Promotion")
                filters=filters
                get=|f| f.promo.as_ref()
                set=|f, value| f.promo = value
                options=promotions
            />
            <IdFilter
                id="filtre-competence"
                label=Text::fixed("Compétence", "Skill")
                filters=filters
                get=|f| f.skill.as_ref()
                set=|f, value| f.skill = value
                options=skills
            />
            <IdFilter
                id="filtre-technologie"
                label=Text::fixed("Technologie (déclarée ou mesurée)", "Technology (declared or measured)")
                filters=filters
                get=|f| f.tech.as_ref()
                set=|f, value| f.tech = value
                options=techs
            />
            <fieldset class="filter filter-period fr-fieldset">
                <legend class="fr-label filter-legend">{say(lang, "Période", "Period")}</legend>
                <label for="filtre-du" class="fr-sr-only">{say(lang, "Du", "From")}</label>
                <input
                    id="filtre-du"
                    class="fr-input"
                    type="date"
                    min=min_date.clone()
                    max=max_date.clone()
                    prop:value=move || filters.with(|f| f.from.map(|d| d.to_string()).unwrap_or_default())
                    on:change=move |ev| set_date("from", event_target_value(&ev))
                />
                <span aria-hidden="true">"–"</span>
                <label for="filtre-au" class="fr-sr-only">{say(lang, "Au", "To")}</label>
                <input
                    id="filtre-au"
                    class="fr-input"
                    type="date"
                    min=min_date
                    max=max_date
                    prop:value=move || filters.with(|f| f.to.map(|d| d.to_string()).unwrap_or_default())
                    on:change=move |ev| set_date("to", event_target_value(&ev))
                />
            </fieldset>
            <button
                type="button"
                class="fr-btn fr-btn--secondary reset"
                disabled=move || filters.with(Filters::is_empty)
                on:click=move |_| {
                    search.set(String::new());
                    filters.set(Filters::default());
                }
            >
                {say(lang, "Réinitialiser", "Reset")}
            </button>
            </div>
            </details>
            <ul class="fr-tags-group active-filters" aria-label=move || lang.get().pick("Filtres actifs", "Active filters")>
                {move || filters.get().parts(&tag_cohort, lang.get())
                    .into_iter()
                    .map(|part| {
                        let which = part.kind;
                        let label = format!("{}{}{}", which.label(lang.get()), lang.get().pick(" : ", ": "), part.words);
                        let remove_label = format!("{} {label}", lang.get().pick("Retirer le filtre", "Remove the filter"));
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="fr-tag fr-tag--sm fr-tag--dismiss"
                                    aria-label=remove_label
                                    on:click=move |_| filters.update(|f| which.clear(f))
                                >
                                    {label}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
