//! The words around every chart: its credit line (each source it draws on with its date), and
//! the chart view's own labels (its title and guide are its spec's).

use crate::base::date::parse_date;
use crate::base::{format, lang::Lang};
use crate::catalogue::ChartSpec;
use crate::contract::export::{Export, Source, SourceKind};
use crate::tr;

/// The credit under a chart, exported or embedded: the sources its spec draws on.
pub fn chart_credit(export: &Export, spec: &ChartSpec, lang: Lang) -> String {
    credit_for(&export.sources, spec.sources, lang)
}

/// The credit of what draws on the kinds `drawn_on` (Licence Ouverte asks for the source and the
/// date of its last update): each source of those kinds, in the order of `sources`, with its date.
/// An export whose sources have no kind (written before kinds were) credits its first source's
/// date, as it always did.
pub fn credit_for(sources: &[Source], drawn_on: &[SourceKind], lang: Lang) -> String {
    let dated: Vec<String> = sources
        .iter()
        .filter_map(|source| {
            let kind = source.kind.as_ref().filter(|k| drawn_on.contains(k))?;
            let day = format::date(parse_date(&source.updated)?, lang);
            Some(format!("{} {day}", kind.label(lang)))
        })
        .collect();
    if dated.is_empty() {
        let updated = sources
            .first()
            .and_then(|s| parse_date(&s.updated))
            .map(|d| format::date(d, lang))
            .unwrap_or_default();
        return tr!(
            lang,
            "Source : EIG Pulse, d'après les données du programme EIG (Etalab, DINUM), Licence Ouverte, mise à jour du {updated}",
            "Source: EIG Pulse, from the EIG programme's data (Etalab, DINUM), Licence Ouverte, updated {updated}"
        );
    }
    let dates = dated.join(", ");
    tr!(
        lang,
        "Source : EIG Pulse, d'après les données du programme EIG (Etalab, DINUM), Licence Ouverte, mise à jour : {dates}",
        "Source: EIG Pulse, from the EIG programme's data (Etalab, DINUM), Licence Ouverte, updated: {dates}"
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

#[cfg(test)]
mod tests {
    use super::*;

    fn source(kind: Option<SourceKind>, updated: &str) -> Source {
        Source {
            kind,
            name: "s".into(),
            url: "https://example.fr".into(),
            license: "Licence Ouverte / Open Licence 2.0".into(),
            updated: updated.into(),
        }
    }

    fn sources() -> Vec<Source> {
        vec![
            source(Some(SourceKind::Catalogue), "2021-09-07"),
            source(Some(SourceKind::Blog), "2022-09-05"),
            source(Some(SourceKind::Journal), "2018-08-03"),
            source(Some(SourceKind::Records), "2022-07-28"),
            source(Some(SourceKind::Repositories), "2026-08-08"),
        ]
    }

    const HEAD_FR: &str =
        "Source : EIG Pulse, d'après les données du programme EIG (Etalab, DINUM), Licence Ouverte";
    const HEAD_EN: &str =
        "Source: EIG Pulse, from the EIG programme's data (Etalab, DINUM), Licence Ouverte";

    #[test]
    fn a_credit_names_its_sources_in_the_exports_order() {
        // One source.
        assert_eq!(
            credit_for(&sources(), &[SourceKind::Catalogue], Lang::Fr),
            [HEAD_FR, ", mise à jour : catalogue 7 septembre 2021"].concat()
        );
        // Several, in the export's order whatever the spec's.
        assert_eq!(
            credit_for(
                &sources(),
                &[SourceKind::Repositories, SourceKind::Catalogue],
                Lang::Fr
            ),
            [
                HEAD_FR,
                ", mise à jour : catalogue 7 septembre 2021, dépôts 8 août 2026"
            ]
            .concat()
        );
        assert_eq!(
            credit_for(
                &sources(),
                &[SourceKind::Catalogue, SourceKind::Journal, SourceKind::Records],
                Lang::En
            ),
            [HEAD_EN, ", updated: catalogue 7 September 2021, progress journal 3 August 2018, eig-link records 28 July 2022"].concat()
        );
        assert_eq!(
            credit_for(&sources(), &[SourceKind::Journal], Lang::Fr),
            [HEAD_FR, ", mise à jour : journal de suivi 3 août 2018"].concat()
        );
        // A kind the export lacks is not named.
        let without_journal: Vec<Source> = sources()
            .into_iter()
            .filter(|s| s.kind != Some(SourceKind::Journal))
            .collect();
        assert_eq!(
            credit_for(
                &without_journal,
                &[SourceKind::Catalogue, SourceKind::Journal],
                Lang::En
            ),
            [HEAD_EN, ", updated: catalogue 7 September 2021"].concat()
        );
    }

    #[test]
    fn an_export_without_kinds_credits_its_first_source() {
        let old = vec![source(None, "2021-09-07"), source(None, "2026-08-08")];
        assert_eq!(
            credit_for(&old, &[SourceKind::Repositories], Lang::Fr),
            [HEAD_FR, ", mise à jour du 7 septembre 2021"].concat()
        );
        assert_eq!(
            credit_for(&old, &[SourceKind::Catalogue], Lang::En),
            [HEAD_EN, ", updated 7 September 2021"].concat()
        );
    }
}
