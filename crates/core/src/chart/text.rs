//! The words of each chart: title, one-line reading guide, and the credit line of exported images.

use super::ChartId;
use crate::date::parse_date;
use crate::export::Export;
use crate::{format, Lang};

/// Title and reading guide of a chart.
pub fn title_and_guide(id: ChartId, lang: Lang) -> (&'static str, &'static str) {
    match (id, lang) {
        (ChartId::DefisByAdministration, Lang::Fr) => ("Défis par administration", "Les administrations qui accueillent le plus de défis. Cliquer sur une barre filtre sur cette administration et détaille ses directions."),
        (ChartId::DefisByAdministration, Lang::En) => ("Défis per administration", "The administrations hosting the most défis. Click a bar to filter on it and see its directorates."),
        (ChartId::SkillsByPromotion, Lang::Fr) => ("Compétences par promotion", "Nombre de défis demandant chaque compétence ; un défi à trois compétences compte trois fois."),
        (ChartId::SkillsByPromotion, Lang::En) => ("Skills per promotion", "Number of défis asking for each skill; a défi with three skills counts three times."),
        (ChartId::JournalWeekly, Lang::Fr) => ("Activité hebdomadaire du journal", "Entrées du journal de suivi par semaine et par catégorie ; une entrée à plusieurs catégories compte dans chacune."),
        (ChartId::JournalWeekly, Lang::En) => ("Weekly journal activity", "Journal entries per week and per category; an entry with several categories counts in each."),
        (ChartId::JournalMixByDefi, Lang::Fr) => ("Répartition des tâches par défi", "Part de chaque catégorie dans le journal des 25 défis les plus actifs au plus : qui produit, qui s'installe ou apprend encore. Cliquer ouvre le défi."),
        (ChartId::JournalMixByDefi, Lang::En) => ("Task mix per défi", "Share of each category in the journal of the 25 most active défis at most: who is producing, who is still setting up or learning. Click to open the défi."),
        (ChartId::OpennessByPromotion, Lang::Fr) => ("Ouverture par promotion", "Part des défis de chaque promotion avec du code publié, un site web, des chiffres clés."),
        (ChartId::OpennessByPromotion, Lang::En) => ("Openness per promotion", "Share of each promotion's défis with published code, a website, key figures."),
        (ChartId::RepositoryActivity, Lang::Fr) => ("Activité des dépôts de code", "Commits par semaine (par mois sur plus de 18 mois) dans les dépôts des défis, par défi ou, s'ils sont nombreux, par administration. La zone grisée marque les dix mois de la promotion."),
        (ChartId::PerennisationByPromotion, Lang::Fr) => ("Pérennisation par promotion", "Part des défis au code analysé qui ont encore un commit dans les six mois précédant chaque échéance : 6, 12 et 24 mois après la fin de leur promotion. Ne comptent que les défis dont la copie du dépôt est postérieure à l'échéance."),
        (ChartId::PerennisationByPromotion, Lang::En) => ("Pérennisation per promotion", "Share of défis with scanned code that still have a commit in the six months before each milestone: 6, 12 and 24 months after their promotion ended. Only défis whose repository copy is later than the milestone count."),
        (ChartId::CohortsCumulativeCommits, Lang::Fr) => ("Les promotions côte à côte", "Commits cumulés par défi au code analysé, mois par mois depuis le début de chaque promotion : la ligne est la médiane des défis, la bande va du premier au troisième quartile. La zone grisée marque les dix mois. Quelle promotion a livré du code le plus vite ?"),
        (ChartId::CohortsCumulativeCommits, Lang::En) => ("Promotions side by side", "Cumulative commits per défi with scanned code, month by month since each promotion's start: the line is the défis' median, the band runs from the first to the third quartile. The shaded area marks the ten months. Which promotion shipped code fastest?"),
        (ChartId::TechnologiesByPromotion, Lang::Fr) => ("Technologies par promotion", "Les technologies les plus employées, en nombre de défis, par promotion : déclarées dans les stacks du programme (les choix « à confirmer » exclus) ou mesurées dans le code des dépôts analysés, en séries distinctes ; le type entre parenthèses."),
        (ChartId::TechnologiesByPromotion, Lang::En) => ("Technologies per promotion", "The most used technologies, in number of défis, per promotion: declared in the programme's stack records (choices « to be confirmed » left out) or measured in the code of the scanned repositories, as separate series; the kind in parentheses."),
        (ChartId::LanguagesByPromotion, Lang::Fr) => ("Langages dans le code", "Part des octets de code par langage dans les dépôts analysés des défis de chaque promotion, hors fichiers tiers, générés, minifiés et documentation (comme le fait GitHub)."),
        (ChartId::LanguagesByPromotion, Lang::En) => ("Languages in the code", "Share of the bytes of code per language in the scanned repositories of each promotion's défis, third-party, generated, minified and documentation files left out (as GitHub does)."),
        (ChartId::OpennessIndicators, Lang::Fr) => ("Ouverture", "Les quatre indicateurs d'ouverture du programme, en nombre de défis : code en ligne, bibliothèque publiée, jeu de données ouvert, contribution à un projet existant, d'après les relevés d'ouverture ; une promotion sans relevé est « non documenté »."),
        (ChartId::OpennessIndicators, Lang::En) => ("Openness", "The programme's four openness indicators, in number of défis: code online, library published, dataset opened, upstream contribution, from the openness records; a promotion without a record is « not documented »."),
        (ChartId::RepositoryActivity, Lang::En) => ("Code repository activity", "Commits per week (per month over more than 18 months) in the défis' repositories, per défi or, when there are many, per administration. The shaded area marks the promotion's ten months."),
    }
}

/// The one-line credit under an exported or embedded chart (Licence Ouverte asks for the source).
/// The credit line of an export: its first source's last update.
pub fn export_credit(export: &Export, lang: Lang) -> String {
    let updated = export
        .sources
        .first()
        .and_then(|s| parse_date(&s.updated))
        .map(|d| format::date(d, lang))
        .unwrap_or_default();
    credit(lang, &updated)
}

pub fn credit(lang: Lang, updated: &str) -> String {
    match lang {
        Lang::Fr => format!("Source : EIG Pulse, d'après les données du programme EIG (Etalab, DINUM), Licence Ouverte, mise à jour du {updated}"),
        Lang::En => format!("Source: EIG Pulse, from the EIG programme's data (Etalab, DINUM), Licence Ouverte, updated {updated}"),
    }
}

/// The words around a chart's plot: its toolbar, its legend's label and its keyboard help.
/// The dashboard's chart view and the light embed page (written by `eig-pulse embeds`) share them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChartLabels {
    pub show_data: &'static str,
    pub hide_data: &'static str,
    pub download: &'static str,
    pub embed: &'static str,
    pub legend: &'static str,
    pub keyboard: &'static str,
    /// The link under an embedded chart.
    pub full_dashboard: &'static str,
    /// Said while the interactive chart loads.
    pub loading: &'static str,
}

/// The chart labels in `lang`.
pub fn chart_labels(lang: Lang) -> ChartLabels {
    match lang {
        Lang::Fr => ChartLabels {
            show_data: "Voir les données",
            hide_data: "Masquer les données",
            download: "Télécharger :",
            embed: "Intégrer",
            legend: "Légende, dans l'ordre des segments (de bas en haut, ou de gauche à droite) ; cliquer pour masquer ou afficher",
            keyboard: "Flèches : parcourir les valeurs une à une ; Entrée : ouvrir ; Échap : fermer l'infobulle.",
            full_dashboard: "Voir le tableau de bord complet",
            loading: "Chargement du graphique…",
        },
        Lang::En => ChartLabels {
            show_data: "Show the data",
            hide_data: "Hide the data",
            download: "Download:",
            embed: "Embed",
            legend: "Legend, in the order of the segments (bottom to top, or left to right); click to hide or show",
            keyboard: "Arrows: browse the values one by one; Enter: open; Escape: close the tooltip.",
            full_dashboard: "See the full dashboard",
            loading: "Loading the chart…",
        },
    }
}
