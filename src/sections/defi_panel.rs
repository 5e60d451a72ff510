//! The défis of the selection as a list, and one défi's panel: team, skills, host, links, journal.

use std::sync::Arc;

use eig_pulse_core::validate::has_http_scheme;
use eig_pulse_core::{format, progress, stats, technologies, Cohort, Filters, Lang, Selection};
use leptos::prelude::*;

use crate::parts::modal::Modal;

#[component]
pub fn DefiList(
    cohort: Arc<Cohort>,
    selection: Memo<Selection>,
    defi: RwSignal<Option<String>>,
) -> impl IntoView {
    let rows = move || {
        let selection = selection.get();
        let mut rows: Vec<(String, String, String, String)> = selection
            .defis
            .iter()
            .map(|&i| {
                let d = &cohort.export.defis[i];
                let promotion = cohort
                    .promotion(&d.promotion_id)
                    .map_or(d.promotion_id.clone(), |p| p.label.clone());
                let admin = cohort
                    .administration_index(&d.administration_id)
                    .map_or(String::new(), |a| {
                        cohort.export.administrations[a].name.clone()
                    });
                (d.id.clone(), d.title.clone(), promotion, admin)
            })
            .collect();
        // Ids are slugs of the names: their order ignores case and accents.
        rows.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        rows
    };
    view! {
        <section class="defi-list">
            <h2>{move || format!("Défis ({})", selection.with(|s| s.defis.len()))}</h2>
            <ul>
                {move || rows().into_iter().map(|(id, title, promotion, admin)| {
                    let open = id.clone();
                    view! {
                        <li>
                            <button type="button" class="link-button" data-defi=id on:click=move |_| defi.set(Some(open.clone()))>
                                {title}
                            </button>
                            <span class="defi-meta">{format!(" · {promotion} · {admin}")}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
pub fn DefiPanel(
    cohort: Arc<Cohort>,
    defi: RwSignal<Option<String>>,
    filters: RwSignal<Filters>,
) -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let modal = Modal::opened_on_mount();
    let close = move || modal.close();
    let panel = move || {
        let id = defi.get()?;
        let index = cohort.defi_index(&id)?;
        let lang = lang.get();
        let d = cohort.export.defis[index].clone();
        let chain: Vec<(String, String)> = cohort
            .defi_administration(index)
            .map(|a| {
                cohort
                    .ancestors(a)
                    .iter()
                    .rev()
                    .map(|i| {
                        let admin = &cohort.export.administrations[*i];
                        (admin.id.clone(), admin.name.clone())
                    })
                    .collect()
            })
            .unwrap_or_default();
        let promotion = cohort
            .promotion(&d.promotion_id)
            .map_or(d.promotion_id.clone(), |p| {
                // The window with how its dates are known, else the year alone.
                eig_pulse_core::windows::window_words(p, lang)
                    .unwrap_or_else(|| format!("{} ({})", p.label, p.year))
            });
        let skills: Vec<String> = d
            .skills
            .iter()
            .map(|s| stats::skill_label(&cohort, s, lang))
            .collect();
        let journal: Vec<(time::Date, String, String)> = cohort
            .defi_journal(index)
            .iter()
            .map(|&e| {
                let entry = &cohort.export.journal[e];
                (
                    cohort.journal_date(e),
                    entry.task.clone(),
                    entry.raw_category.clone(),
                )
            })
            .collect();
        let journal_count = journal.len();
        let only = Selection {
            defis: vec![index],
            journal: Vec::new(),
        };
        let progress = progress::defi_progress(&cohort, &only).into_iter().next();
        let card = technologies::defi_card(&cohort.export, &d.id, lang);
        Some(view! {
            <dialog
                class="defi-panel"
                node_ref=modal.node_ref()
                aria-labelledby="defi-panel-title"
                data-defi=d.id.clone()
                on:close=move |_| defi.set(None)
                on:click=move |ev| modal.close_on_backdrop(&ev)
            >
                <div class="fr-modal__header">
                    <button type="button" class="fr-btn--close fr-btn panel-close" on:click=move |_| close() title=lang.pick("Fermer la fiche", "Close the card")>{lang.pick("Fermer", "Close")}</button>
                </div>
                <h2 id="defi-panel-title" tabindex="-1" autofocus>{d.title.clone()}</h2>
                {d.description.clone().map(|text| view! { <p class="defi-description">{text}</p> })}
                <dl class="defi-facts">
                    <dt>"Promotion"</dt>
                    <dd>{promotion}</dd>
                    <dt>"Administration"</dt>
                    <dd>
                        {chain.into_iter().enumerate().map(|(i, (admin_id, name))| view! {
                            {(i > 0).then_some(" › ")}
                            <button type="button" class="link-button" on:click=move |_| {
                                // One history entry: the filter and the closed panel together.
                                filters.update(|f| f.admin = Some(admin_id.clone()));
                                defi.set(None);
                                close();
                            }>{name}</button>
                        }).collect_view()}
                    </dd>
                    <dt>{lang.pick("Compétences", "Skills")}</dt>
                    <dd>{skills.join(", ")}</dd>
                    <dt>{lang.pick("Équipe", "Team")}</dt>
                    <dd>
                        <ul class="team">
                            {d.eigs.iter().map(|m| {
                                let profile = m.profile.clone().unwrap_or_else(|| lang.pick("profil inconnu", "unknown profile").to_string());
                                view! { <li>{format!("{} — {profile}", m.name)}</li> }
                            }).collect_view()}
                        </ul>
                    </dd>
                    <dt>"Mentors"</dt>
                    <dd>{d.mentors.join(", ")}</dd>
                    <dt>{lang.pick("Liens", "Links")}</dt>
                    <dd>
                        // Only http(s) becomes a link (the contract already refuses the rest).
                        {d.source_code.iter().filter(|u| has_http_scheme(u)).map(|url| view! { <a href=url.clone() rel="noopener noreferrer">{lang.pick("Code source", "Source code")}</a>" " }).collect_view()}
                        {d.website.clone().filter(|u| has_http_scheme(u)).map(|url| view! { <a href=url rel="noopener noreferrer">{lang.pick("Site web", "Website")}</a> })}
                        {(d.source_code.is_empty() && d.website.is_none()).then(|| lang.pick("aucun lien publié", "no published link"))}
                    </dd>
                </dl>
                <h3>{lang.pick("Technologies et ouverture", "Technologies and openness")}</h3>
                <dl class="defi-facts defi-technologies">
                    <dt>{lang.pick("Stack déclarée", "Declared stack")}</dt>
                    <dd>{match card.documented {
                        None => lang.pick("pas de relevé pour cette promotion", "no record for this promotion").to_string(),
                        Some(false) => lang.pick("non documentée", "not documented").to_string(),
                        Some(true) => card.declared.iter().map(|(name, kind, tentative)| {
                            let mut words = name.clone();
                            if !kind.is_empty() {
                                words.push_str(&format!(" ({kind})"));
                            }
                            if *tentative {
                                words.push_str(lang.pick(" — envisagée", " — considered"));
                            }
                            words
                        }).collect::<Vec<_>>().join(", "),
                    }}</dd>
                    <dt>{lang.pick("Langages mesurés dans le code", "Languages measured in the code")}</dt>
                    <dd>{if card.languages.is_empty() {
                        lang.pick("aucun dépôt analysé", "no repository scanned").to_string()
                    } else {
                        card.languages.iter().map(|(l, share)| format!("{l} {}", format::percent(*share, lang))).collect::<Vec<_>>().join(", ")
                    }}</dd>
                    <dt>{lang.pick("Frameworks (dépendances directes)", "Frameworks (direct dependencies)")}</dt>
                    <dd>{if card.frameworks.is_empty() {
                        lang.pick("aucun reconnu", "none recognised").to_string()
                    } else {
                        card.frameworks.join(", ")
                    }}</dd>
                    <dt>{lang.pick("Ouverture", "Openness")}</dt>
                    <dd>
                        {if card.openness.is_empty() {
                            view! { <span>{lang.pick("aucun élément relevé", "no item recorded")}</span> }.into_any()
                        } else {
                            view! {
                                <ul class="defi-openness">
                                    {card.openness.iter().map(|(kind, text, url)| view! {
                                        <li>
                                            {format!("{kind}{}", lang.pick(" : ", ": "))}
                                            {match url.clone() {
                                                Some(href) => view! { <a href=href rel="noopener">{text.clone()}</a> }.into_any(),
                                                None => view! { <span>{text.clone()}</span> }.into_any(),
                                            }}
                                        </li>
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                    </dd>
                </dl>
                {(!d.key_figures.is_empty()).then(|| view! {
                    <h3>{lang.pick("Chiffres clés", "Key figures")}</h3>
                    <ul class="defi-key-figures">
                        {d.key_figures.iter().map(|k| view! { <li><strong>{format::number(k.amount, lang)}</strong>" "{k.label.clone()}</li> }).collect_view()}
                    </ul>
                })}
                {progress.map(|p| {
                    let day = |date: Option<time::Date>| date.map_or_else(|| "—".to_string(), |d| format::date(d, lang));
                    let window = p.window.map(|(start, end)| format!(
                        "{} {} {} {}",
                        lang.pick("du", "from"),
                        format::date(start, lang),
                        lang.pick("au", "to"),
                        format::date(end - time::Duration::days(1), lang)
                    ));
                    view! {
                        <h3>{lang.pick("Le code après les dix mois", "The code after the ten months")}</h3>
                        <dl class="defi-facts defi-progress">
                            <dt>{lang.pick("Commits pendant les dix mois", "Commits during the ten months")}</dt>
                            <dd data-progress="during">{format::count(p.commits_during, lang)}{window.map(|w| format!(" ({w})"))}</dd>
                            <dt>{lang.pick("Commits dans les 12 mois qui suivent", "Commits in the 12 months after")}</dt>
                            <dd data-progress="after">{format::count(p.commits_after, lang)}</dd>
                            <dt>{lang.pick("Encore actif", "Still active")}</dt>
                            <dd data-progress="active">{format!(
                                "{} ({} {}, {} {})",
                                if p.still_active { lang.pick("oui", "yes") } else { lang.pick("non", "no") },
                                lang.pick("dernier commit le", "last commit on"),
                                day(p.last_commit),
                                lang.pick("copie du", "copy of"),
                                day(p.copied),
                            )}</dd>
                        </dl>
                    }
                })}
                {(!d.issues.is_empty()).then(|| view! {
                    <h3>{lang.pick("Problèmes dans la source", "Problems in the source")}</h3>
                    <ul class="defi-issues">
                        {d.issues.iter().map(|i| view! { <li>{i.describe(lang)}</li> }).collect_view()}
                    </ul>
                })}
                <h3>{move || format!("Journal ({journal_count})")}</h3>
                {if journal.is_empty() {
                    view! { <p>{lang.pick("Aucune entrée de journal pour ce défi.", "No journal entry for this défi.")}</p> }.into_any()
                } else {
                    view! {
                        <ol class="timeline">
                            {journal.into_iter().map(|(date, task, category)| view! {
                                <li>
                                    <time datetime=date.to_string()>{format::date(date, lang)}</time>
                                    " "<span class="category" title=lang.pick("Catégorie", "Category")>{category}</span>
                                    " "{task}
                                </li>
                            }).collect_view()}
                        </ol>
                    }.into_any()
                }}
            </dialog>
        })
    };
    view! { {panel} }
}
