//! The sources the export credits, each with its licence and last update (Licence Ouverte asks
//! for both), each with its kind: a chart credits the kinds it draws on.

use eig_pulse_core::contract::export::{Activity, Source, SourceKind};

/// The sources to credit (Licence Ouverte asks for the source and its last update).
pub fn sources(
    with_journal: bool,
    latest_entry: Option<time::Date>,
    with_records: bool,
    activity: &[Activity],
) -> Vec<Source> {
    let licence = || "Licence Ouverte / Open Licence 2.0".to_string();
    let mut sources = vec![
        // `_data/defis.yml` last changed on 2021-09-07; the repository's later commits did not
        // touch it.
        Source {
            kind: Some(SourceKind::Catalogue),
            name: "Catalogue des défis du site Entrepreneurs d'intérêt général (Etalab, DINUM)"
                .into(),
            url: "https://github.com/entrepreneur-interet-general/site-eig".into(),
            license: licence(),
            updated: "2021-09-07".into(),
        },
        // The dates of the promotions come from the blog (and the support team's records).
        Source {
            kind: Some(SourceKind::Blog),
            name: "Blog du programme EIG (site-eig, _posts) et dossiers de l'équipe (eig-link)"
                .into(),
            url: "https://github.com/entrepreneur-interet-general/site-eig".into(),
            license: licence(),
            updated: "2022-09-05".into(),
        },
    ];
    if with_journal {
        sources.push(Source {
            kind: Some(SourceKind::Journal),
            name: "Journal hebdomadaire de suivi des défis EIG 2 (eig-link)".into(),
            url: "https://github.com/entrepreneur-interet-general/eig-link".into(),
            license: "Licence Ouverte / Open Licence 2.0".into(),
            updated: latest_entry.map_or_else(|| "2018-08-31".into(), |d| d.to_string()),
        });
    }
    if with_records {
        sources.push(Source {
            kind: Some(SourceKind::Records),
            name: "Stacks techniques et ouverture des défis EIG 2 et EIG 3 (eig-link)".into(),
            url: "https://github.com/entrepreneur-interet-general/eig-link".into(),
            license: "Licence Ouverte / Open Licence 2.0".into(),
            updated: "2022-07-28".into(),
        });
    }
    // Each copy carries its own date; the credit gives the newest.
    if let Some(newest) = activity.iter().filter_map(|a| a.copied_at.as_deref()).max() {
        sources.push(Source {
            kind: Some(SourceKind::Repositories),
            name: "Dépôts de code publics des défis (copies datées, comptes seulement)".into(),
            url: "https://github.com".into(),
            license: "Licence de chaque dépôt ; aucun code ni nom repris".into(),
            updated: newest.to_string(),
        });
    }
    sources
}
