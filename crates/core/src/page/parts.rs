//! The page's parts that are lists of the export's data: the key figures as cards, the choices of
//! each filter, the défis of the selection, the footer's credits.

use super::words::page_words;
use crate::base::date::parse_date;
use crate::base::format;
use crate::base::lang::Lang;
use crate::base::order;
use crate::base::search::search_key;
use crate::contract::export::{Source, SourceKind};
use crate::measures::figures::selection_figures;
use crate::measures::key_figures::key_figures;
use crate::model::cohort::Cohort;
use crate::model::selection::Selection;

/// A key figure as the page shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    /// Its stable key (`data-figure`).
    pub key: String,
    pub value: String,
    pub label: String,
    /// Its denominator or the copies it rests on.
    pub basis: Option<String>,
}

/// The selection's key figures, at the head of the page: défis, people, journal, published code.
pub fn key_cards(cohort: &Cohort, selection: &Selection, lang: Lang) -> Vec<Card> {
    let figures = key_figures(cohort, selection);
    let card = |key: &str, value: String, label: &str| Card {
        key: key.into(),
        value,
        label: label.into(),
        basis: None,
    };
    let count = |n: usize| format::count(n as u64, lang);
    vec![
        card("defis", count(figures.defis), "défis"),
        card(
            "administrations",
            count(figures.administrations),
            "administrations",
        ),
        card("eigs", count(figures.eigs), "entrepreneurs (EIG)"),
        card("mentors", count(figures.mentors), "mentors"),
        card(
            "journal",
            count(figures.journal_entries),
            lang.pick("entrées de journal", "journal entries"),
        ),
        card(
            "code",
            figures
                .with_code
                .map_or_else(|| "—".to_string(), |s| format::percent(s, lang)),
            lang.pick(
                "des défis publient leur code",
                "of défis publish their code",
            ),
        ),
    ]
}

/// The figures of the code after the programme as core words them (`measures::figures`), at the
/// head of their section; none when the export holds no repository activity.
pub fn code_cards(cohort: &Cohort, selection: &Selection, lang: Lang) -> Vec<Card> {
    if cohort.export.activity.is_empty() {
        return Vec::new();
    }
    selection_figures(cohort, selection, lang)
        .into_iter()
        .map(|figure| Card {
            key: figure.key,
            value: figure.shown,
            label: figure.label,
            basis: figure.basis,
        })
        .collect()
}

/// One choice of a filter's list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// Its value in the address.
    pub id: String,
    pub label: String,
    /// The words it is found by (administrations: name, acronym, aliases, folded).
    pub search: String,
}

/// The choices of every filter, in the order the page lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilterChoices {
    /// Administrations as a tree: each label indented by its depth, with its number of défis.
    pub administrations: Vec<Choice>,
    pub promotions: Vec<Choice>,
    pub skills: Vec<Choice>,
    /// The technologies some défi uses, by label.
    pub technologies: Vec<Choice>,
    /// The period's bounds (`YYYY-MM-DD`): the first and last years of the défis.
    pub first_day: String,
    pub last_day: String,
}

pub fn filter_choices(cohort: &Cohort, lang: Lang) -> FilterChoices {
    let export = &cohort.export;
    let counts = cohort.defis_per_administration();
    let administrations = cohort
        .administration_tree()
        .into_iter()
        .map(|node| {
            let admin = &export.administrations[node.admin];
            let acronym = admin
                .acronym
                .as_ref()
                .map(|a| format!(" ({a})"))
                .unwrap_or_default();
            Choice {
                id: admin.id.clone(),
                label: format!(
                    "{}{}{acronym} · {}",
                    "\u{2003}".repeat(node.depth),
                    admin.name,
                    counts[node.admin]
                ),
                search: search_key(&format!(
                    "{} {acronym} {}",
                    admin.name,
                    admin.aliases.join(" ")
                )),
            }
        })
        .collect();
    let plain = |id: &str, label: String| Choice {
        id: id.into(),
        label,
        search: String::new(),
    };
    let promotions = export
        .promotions
        .iter()
        .map(|p| plain(&p.id, format!("{} ({})", p.label, p.year)))
        .collect();
    let skills = export
        .skills
        .iter()
        .map(|s| plain(&s.id, cohort.skill_label(&s.id, lang)))
        .collect();
    let mut technologies: Vec<Choice> = cohort
        .technologies_in_use()
        .into_iter()
        .map(|t| &export.technologies[t])
        .map(|t| plain(&t.id, t.label.clone()))
        .collect();
    order::sort_by_key(&mut technologies, |c| c.label.to_lowercase());
    let years = export.defis.iter().map(|d| d.year);
    let (first, last) = (
        years.clone().min().unwrap_or(2017),
        years.max().unwrap_or(2020),
    );
    FilterChoices {
        administrations,
        promotions,
        skills,
        technologies,
        first_day: format!("{first}-01-01"),
        last_day: format!("{last}-12-31"),
    }
}

/// A défi of the list: its id, title, promotion and host.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefiRow {
    pub id: String,
    pub title: String,
    pub promotion: String,
    pub administration: String,
}

/// The selection's défis, by id (ids are slugs of the names: their order ignores case and
/// accents).
pub fn defi_rows(cohort: &Cohort, selection: &Selection) -> Vec<DefiRow> {
    let mut rows: Vec<DefiRow> = selection
        .defis
        .iter()
        .map(|&i| {
            let d = &cohort.export.defis[i];
            DefiRow {
                id: d.id.clone(),
                title: d.title.clone(),
                promotion: cohort
                    .promotion(&d.promotion_id)
                    .map_or(d.promotion_id.clone(), |p| p.label.clone()),
                administration: cohort
                    .administration_index(&d.administration_id)
                    .map_or(String::new(), |a| {
                        cohort.export.administrations[a].name.clone()
                    }),
            }
        })
        .collect();
    order::sort_by(&mut rows, |a, b| a.id.cmp(&b.id));
    rows
}

/// The footer's credit of the export's sources, with their licences and dates, and the export's
/// own date (Licence Ouverte asks for the source).
pub fn credits(sources: &[Source], generated_at: &str, lang: Lang) -> String {
    let when = |text: &str| {
        parse_date(text.get(..10).unwrap_or(text))
            .map_or_else(|| text.to_string(), |d| format::date(d, lang))
    };
    let words = page_words(lang);
    let parts: Vec<String> = sources
        .iter()
        .map(|s| {
            let (name, license) = source_words(s, lang);
            format!(
                "{name} ({}, {license}, {} {})",
                s.url,
                words.updated,
                when(&s.updated)
            )
        })
        .collect();
    format!(
        "{} {}. {} {}.",
        words.data,
        parts.join(lang.pick(" ; ", "; ")),
        words.generated,
        when(generated_at)
    )
}

/// A source's name and licence: as the export writes them (in French), or in English for the
/// kinds the exporter writes (an unknown source keeps its own words).
fn source_words(source: &Source, lang: Lang) -> (String, String) {
    let english_name = match source.kind {
        Some(SourceKind::Catalogue) => {
            "Défi catalogue of the Entrepreneurs d'intérêt général website (Etalab, DINUM)"
        }
        Some(SourceKind::Blog) => {
            "Blog of the EIG programme (site-eig, _posts) and the team's records (eig-link)"
        }
        Some(SourceKind::Journal) => "Weekly progress journal of the EIG 2 défis (eig-link)",
        Some(SourceKind::Records) => {
            "Technical stacks and openness of the EIG 2 and EIG 3 défis (eig-link)"
        }
        Some(SourceKind::Repositories) => {
            "Public code repositories of the défis (dated copies, counts only)"
        }
        _ => source.name.as_str(),
    };
    let english_license = match source.kind {
        Some(SourceKind::Repositories) => "each repository's licence; no code or name taken",
        _ => source.license.as_str(),
    };
    (
        lang.pick(&source.name, english_name).to_string(),
        lang.pick(&source.license, english_license).to_string(),
    )
}
