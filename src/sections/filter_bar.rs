//! The filters: administration (searchable, as a tree), promotion, skill, period, and reset.

use std::sync::Arc;

use eig_pulse_core::base::search::search_key;
use eig_pulse_core::page::{filter_choices, page_words, Choice};
use eig_pulse_core::{Cohort, Filters, Lang, Text};
use leptos::prelude::*;

use crate::browser::screen::watch_media;

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
                <option value="">{move || page_words(lang.get()).all}</option>
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
    // Every filter's choices as core's page lists them (the static first paint's too), in both
    // languages: only skills are named differently.
    let [fr, en] = Lang::ALL.map(|lang| filter_choices(&cohort, lang));
    let both = |fr: &[Choice], en: &[Choice]| -> Vec<(String, Text)> {
        fr.iter()
            .zip(en)
            .map(|(f, e)| (f.id.clone(), Text::new(f.label.clone(), e.label.clone())))
            .collect()
    };
    let promotions = both(&fr.promotions, &en.promotions);
    let skills = both(&fr.skills, &en.skills);
    let techs = both(&fr.technologies, &en.technologies);
    let (min_date, max_date) = (fr.first_day.clone(), fr.last_day.clone());
    let options = fr.administrations;
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
            Some(active) => format!("{} — {active}", page_words(lang).filters),
            None => page_words(lang).filters_none.to_string(),
        }
    };

    let words = move || page_words(lang.get());
    view! {
        <section class="filters" id="filtres" tabindex="-1" aria-label=move || words().filters>
            <details class="filters-disclosure" prop:open=move || wide.get()>
            <summary class="filters-summary">{summary}</summary>
            <div class="filters-fields">
            <div class="filter filter-admin fr-input-group">
                <label class="fr-label" for="filtre-admin-recherche">"Administration"
                    <span class="fr-hint-text">{move || words().admin_hint}</span>
                </label>
                <input
                    id="filtre-admin-recherche"
                    class="fr-input"
                    type="search"
                    placeholder=move || words().admin_search
                    prop:value=move || search.get()
                    on:input=move |ev| search.set(event_target_value(&ev))
                />
                <select
                    id="filtre-admin"
                    class="fr-select"
                    aria-label=move || words().admin_select
                    prop:value=move || filters.with(|f| f.admin.clone().unwrap_or_default())
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        filters.update(|f| f.admin = (!value.is_empty()).then_some(value));
                    }
                >
                    <option value="">{move || words().all_administrations}</option>
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
                label=Text::fixed(page_words(Lang::Fr).skill, page_words(Lang::En).skill)
                filters=filters
                get=|f| f.skill.as_ref()
                set=|f, value| f.skill = value
                options=skills
            />
            <IdFilter
                id="filtre-technologie"
                label=Text::fixed(page_words(Lang::Fr).technology, page_words(Lang::En).technology)
                filters=filters
                get=|f| f.tech.as_ref()
                set=|f, value| f.tech = value
                options=techs
            />
            <fieldset class="filter filter-period fr-fieldset">
                <legend class="fr-label filter-legend">{move || words().period}</legend>
                <label for="filtre-du" class="fr-sr-only">{move || words().from}</label>
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
                <label for="filtre-au" class="fr-sr-only">{move || words().to}</label>
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
                {move || words().reset}
            </button>
            </div>
            </details>
            <ul class="fr-tags-group active-filters" aria-label=move || words().active_filters>
                {move || filters.get().parts(&tag_cohort, lang.get())
                    .into_iter()
                    .map(|part| {
                        let which = part.kind;
                        let label = format!("{}{}{}", which.label(lang.get()), lang.get().pick(" : ", ": "), part.words);
                        let remove_label = format!("{} {label}", words().remove_filter);
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
