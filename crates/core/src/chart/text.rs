//! The words of each chart: title, one-line reading guide, and the credit line of exported images.

use super::ChartId;
use crate::base::date::parse_date;
use crate::contract::export::Export;
use crate::{base::format, tr, base::lang::Lang};

/// Title and reading guide of a chart.
pub fn title_and_guide(id: ChartId, lang: Lang) -> (&'static str, &'static str) {
    match id {
        ChartId::DefisByAdministration => (
            lang.pick("Défis par administration", "Défis per administration"),
            lang.pick(
                "Les administrations qui accueillent le plus de défis. Cliquer sur une barre filtre sur cette administration et détaille ses directions.",
                "The administrations hosting the most défis. Click a bar to filter on it and see its directorates.",
            ),
        ),
        ChartId::SkillsByPromotion => (
            lang.pick("Compétences par promotion", "Skills per promotion"),
            lang.pick(
                "Nombre de défis demandant chaque compétence ; un défi à trois compétences compte trois fois.",
                "Number of défis asking for each skill; a défi with three skills counts three times.",
            ),
        ),
        ChartId::JournalWeekly => (
            lang.pick("Activité hebdomadaire du journal", "Weekly journal activity"),
            lang.pick(
                "Entrées du journal de suivi par semaine et par catégorie ; une entrée à plusieurs catégories compte dans chacune.",
                "Journal entries per week and per category; an entry with several categories counts in each.",
            ),
        ),
        ChartId::JournalMixByDefi => (
            lang.pick("Répartition des tâches par défi", "Task mix per défi"),
            lang.pick(
                "Part de chaque catégorie dans le journal des 25 défis les plus actifs au plus : qui produit, qui s'installe ou apprend encore. Cliquer ouvre le défi.",
                "Share of each category in the journal of the 25 most active défis at most: who is producing, who is still setting up or learning. Click to open the défi.",
            ),
        ),
        ChartId::OpennessByPromotion => (
            lang.pick("Ouverture par promotion", "Openness per promotion"),
            lang.pick(
                "Part des défis de chaque promotion avec du code publié, un site web, des chiffres clés.",
                "Share of each promotion's défis with published code, a website, key figures.",
            ),
        ),
        ChartId::RepositoryActivity => (
            lang.pick("Activité des dépôts de code", "Code repository activity"),
            lang.pick(
                "Commits par semaine (par mois sur plus de 18 mois) dans les dépôts des défis, par défi ou, s'ils sont nombreux, par administration. La zone grisée marque les dix mois de la promotion.",
                "Commits per week (per month over more than 18 months) in the défis' repositories, per défi or, when there are many, per administration. The shaded area marks the promotion's ten months.",
            ),
        ),
        ChartId::PerennisationByPromotion => (
            lang.pick("Pérennisation par promotion", "Pérennisation per promotion"),
            lang.pick(
                "Part des défis au code analysé qui ont encore un commit dans les six mois précédant chaque échéance : 6, 12 et 24 mois après la fin de leur promotion. Ne comptent que les défis dont la copie du dépôt est postérieure à l'échéance.",
                "Share of défis with scanned code that still have a commit in the six months before each milestone: 6, 12 and 24 months after their promotion ended. Only défis whose repository copy is later than the milestone count.",
            ),
        ),
        ChartId::CohortsCumulativeCommits => (
            lang.pick("Les promotions côte à côte", "Promotions side by side"),
            lang.pick(
                "Commits cumulés par défi au code analysé, mois par mois depuis le début de chaque promotion : la ligne est la médiane des défis, la bande va du premier au troisième quartile. La zone grisée marque les dix mois. Quelle promotion a livré du code le plus vite ?",
                "Cumulative commits per défi with scanned code, month by month since each promotion's start: the line is the défis' median, the band runs from the first to the third quartile. The shaded area marks the ten months. Which promotion shipped code fastest?",
            ),
        ),
        ChartId::TechnologiesByPromotion => (
            lang.pick("Technologies par promotion", "Technologies per promotion"),
            lang.pick(
                "Les technologies les plus employées, en nombre de défis, par promotion : déclarées dans les stacks du programme (les choix « à confirmer » exclus) ou mesurées dans le code des dépôts analysés, en séries distinctes ; le type entre parenthèses.",
                "The most used technologies, in number of défis, per promotion: declared in the programme's stack records (choices « to be confirmed » left out) or measured in the code of the scanned repositories, as separate series; the kind in parentheses.",
            ),
        ),
        ChartId::LanguagesByPromotion => (
            lang.pick("Langages dans le code", "Languages in the code"),
            lang.pick(
                "Part des octets de code par langage dans les dépôts analysés des défis de chaque promotion, hors fichiers tiers, générés, minifiés et documentation (comme le fait GitHub).",
                "Share of the bytes of code per language in the scanned repositories of each promotion's défis, third-party, generated, minified and documentation files left out (as GitHub does).",
            ),
        ),
        ChartId::OpennessIndicators => (
            lang.pick("Ouverture", "Openness"),
            lang.pick(
                "Les quatre indicateurs d'ouverture du programme, en nombre de défis : code en ligne, bibliothèque publiée, jeu de données ouvert, contribution à un projet existant, d'après les relevés d'ouverture ; une promotion sans relevé est « non documenté ».",
                "The programme's four openness indicators, in number of défis: code online, library published, dataset opened, upstream contribution, from the openness records; a promotion without a record is « not documented ».",
            ),
        ),

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
    tr!(
        lang,
        "Source : EIG Pulse, d'après les données du programme EIG (Etalab, DINUM), Licence Ouverte, mise à jour du {updated}",
        "Source: EIG Pulse, from the EIG programme's data (Etalab, DINUM), Licence Ouverte, updated {updated}"
    )
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
    ChartLabels {
        show_data: lang.pick("Voir les données", "Show the data"),
        hide_data: lang.pick("Masquer les données", "Hide the data"),
        download: lang.pick("Télécharger :", "Download:"),
        embed: lang.pick("Intégrer", "Embed"),
        legend: lang.pick(
            "Légende, dans l'ordre des segments (de bas en haut, ou de gauche à droite) ; cliquer pour masquer ou afficher",
            "Legend, in the order of the segments (bottom to top, or left to right); click to hide or show",
        ),
        keyboard: lang.pick(
            "Flèches : parcourir les valeurs une à une ; Entrée : ouvrir ; Échap : fermer l'infobulle.",
            "Arrows: browse the values one by one; Enter: open; Escape: close the tooltip.",
        ),
        full_dashboard: lang.pick("Voir le tableau de bord complet", "See the full dashboard"),
        loading: lang.pick("Chargement du graphique…", "Loading the chart…"),
    }
}
