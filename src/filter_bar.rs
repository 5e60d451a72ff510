//! The filters: administration (searchable, as a tree), promotion, skill, period, and reset.

use std::sync::Arc;

use eig_pulse_core::text::search_key;
use eig_pulse_core::{stats, Cohort, Filters, Lang};
use leptos::prelude::*;

/// An administration option: id, label with its depth in the tree, and the words it is found by.
#[derive(Clone)]
struct AdminOption {
    id: String,
    label: String,
    search: String,
}

fn admin_options(cohort: &Cohort) -> Vec<AdminOption> {
    // Défis per administration, its descendants included.
    let mut counts = vec![0usize; cohort.export.administrations.len()];
    for d in 0..cohort.export.defis.len() {
        if let Some(own) = cohort.defi_administration(d) {
            for a in cohort.ancestors(own) {
                counts[*a] += 1;
            }
        }
    }
    cohort
        .administration_tree()
        .into_iter()
        .map(|(i, depth)| {
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
    let promotions = cohort.export.promotions.clone();
    let skills: Vec<(String, String, String)> = cohort
        .export
        .skills
        .iter()
        .map(|s| {
            (
                s.id.clone(),
                stats::skill_label(&cohort, &s.id, Lang::Fr),
                stats::skill_label(&cohort, &s.id, Lang::En),
            )
        })
        .collect();
    let years = cohort.export.defis.iter().map(|d| d.year);
    let (first_year, last_year) = (
        years.clone().min().unwrap_or(2017),
        years.max().unwrap_or(2020),
    );
    let (min_date, max_date) = (format!("{first_year}-01-01"), format!("{last_year}-12-31"));
    let t = move |fr: &'static str, en: &'static str| move || lang.get().pick(fr, en);
    let set_date = move |which: &'static str, value: String| {
        let date = eig_pulse_core::validate::parse_date(&value);
        filters.update(|f| {
            if which == "from" {
                f.from = date
            } else {
                f.to = date
            }
        });
    };

    view! {
        <section class="filters" aria-label=move || lang.get().pick("Filtres", "Filters")>
            <div class="filter filter-admin">
                <label for="filtre-admin-recherche">{t("Administration", "Administration")}</label>
                <input
                    id="filtre-admin-recherche"
                    type="search"
                    placeholder=move || lang.get().pick("Rechercher (nom, sigle)…", "Search (name, acronym)…")
                    prop:value=move || search.get()
                    on:input=move |ev| search.set(event_target_value(&ev))
                />
                <select
                    id="filtre-admin"
                    aria-label=move || lang.get().pick("Administration (ses directions et services inclus)", "Administration (its directorates and services included)")
                    prop:value=move || filters.with(|f| f.admin.clone().unwrap_or_default())
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        filters.update(|f| f.admin = (!value.is_empty()).then_some(value));
                    }
                >
                    <option value="">{t("Toutes les administrations", "All administrations")}</option>
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
            <div class="filter">
                <label for="filtre-promo">{t("Promotion", "Promotion")}</label>
                <select
                    id="filtre-promo"
                    prop:value=move || filters.with(|f| f.promo.clone().unwrap_or_default())
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        filters.update(|f| f.promo = (!value.is_empty()).then_some(value));
                    }
                >
                    <option value="">{t("Toutes", "All")}</option>
                    {promotions
                        .into_iter()
                        .map(|p| {
                            let id = p.id.clone();
                            view! {
                                <option value=p.id selected=move || filters.with(|f| f.promo.as_ref() == Some(&id))>
                                    {format!("{} ({})", p.label, p.year)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="filter">
                <label for="filtre-competence">{t("Compétence", "Skill")}</label>
                <select
                    id="filtre-competence"
                    prop:value=move || filters.with(|f| f.skill.clone().unwrap_or_default())
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        filters.update(|f| f.skill = (!value.is_empty()).then_some(value));
                    }
                >
                    <option value="">{t("Toutes", "All")}</option>
                    {skills
                        .into_iter()
                        .map(|(id, fr, en)| {
                            let selected_id = id.clone();
                            view! {
                                <option value=id selected=move || filters.with(|f| f.skill.as_ref() == Some(&selected_id))>
                                    {move || if lang.get() == Lang::Fr { fr.clone() } else { en.clone() }}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="filter filter-period">
                <span class="filter-legend">{t("Période", "Period")}</span>
                <label for="filtre-du" class="sr-only">{t("Du", "From")}</label>
                <input
                    id="filtre-du"
                    type="date"
                    min=min_date.clone()
                    max=max_date.clone()
                    prop:value=move || filters.with(|f| f.from.map(|d| d.to_string()).unwrap_or_default())
                    on:change=move |ev| set_date("from", event_target_value(&ev))
                />
                <span aria-hidden="true">"–"</span>
                <label for="filtre-au" class="sr-only">{t("Au", "To")}</label>
                <input
                    id="filtre-au"
                    type="date"
                    min=min_date
                    max=max_date
                    prop:value=move || filters.with(|f| f.to.map(|d| d.to_string()).unwrap_or_default())
                    on:change=move |ev| set_date("to", event_target_value(&ev))
                />
            </div>
            <button
                type="button"
                class="button button-secondary reset"
                disabled=move || filters.with(Filters::is_empty)
                on:click=move |_| {
                    search.set(String::new());
                    filters.set(Filters::default());
                }
            >
                {t("Réinitialiser", "Reset")}
            </button>
        </section>
    }
}
