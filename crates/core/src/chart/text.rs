//! The words around every chart: the credit line of exported images, and the chart view's own
//! labels (its title and guide are its spec's).

use crate::base::date::parse_date;
use crate::base::{format, lang::Lang};
use crate::contract::export::Export;
use crate::tr;

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
    /// Puts the image, with its title, filters and credit, on the clipboard.
    pub copy_image: &'static str,
    /// Said once the image is on the clipboard.
    pub image_copied: &'static str,
    /// Said when the clipboard was not allowed and the image was downloaded instead.
    pub image_downloaded: &'static str,
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
        copy_image: lang.pick("Copier l'image", "Copy the image"),
        image_copied: lang.pick(
            "Image copiée, avec son titre, ses filtres et sa source.",
            "Image copied, with its title, filters and source.",
        ),
        image_downloaded: lang.pick(
            "La copie n'a pas été permise : l'image est téléchargée.",
            "The copy was not allowed: the image is downloaded.",
        ),
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
