//! The page's fixed words, in one language: header, skip links, filters, key figures, table of
//! contents, the code's section, the scorecard, the défis' list, the footer and the static first
//! paint's marks — said alike by the interactive page (`src/`) and its static twin.

use crate::base::lang::Lang;

/// The page's fixed words in one language (see [`page_words`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageWords {
    pub page_title: &'static str,
    pub description: &'static str,
    pub tagline: &'static str,
    pub quick_access: &'static str,
    pub skip_content: &'static str,
    pub skip_filters: &'static str,
    pub skip_footer: &'static str,
    pub theme_legend: &'static str,
    pub theme_light: &'static str,
    pub theme_dark: &'static str,
    pub theme_system: &'static str,
    /// The language switch: its text, and its title (both in the other language).
    pub other_language: &'static str,
    pub other_language_title: &'static str,
    pub filters: &'static str,
    pub filters_none: &'static str,
    pub admin_hint: &'static str,
    pub admin_search: &'static str,
    pub admin_select: &'static str,
    pub all_administrations: &'static str,
    /// « Toutes », the first choice of the other filters.
    pub all: &'static str,
    pub skill: &'static str,
    pub technology: &'static str,
    pub period: &'static str,
    pub from: &'static str,
    pub to: &'static str,
    pub reset: &'static str,
    pub active_filters: &'static str,
    pub remove_filter: &'static str,
    pub key_figures: &'static str,
    /// The figures at the head of « Le code après le programme ».
    pub code_figures: &'static str,
    pub contents: &'static str,
    pub no_activity: &'static str,
    pub windows_title: &'static str,
    pub sources: &'static str,
    pub scorecard_title: &'static str,
    pub scorecard_guide: &'static str,
    pub scorecard_table: &'static str,
    pub show_details: &'static str,
    pub hide_details: &'static str,
    pub show_all_defis: &'static str,
    pub show_first_defis: &'static str,
    /// The défis' list: its entry in the table of contents, and its heading.
    pub defi_list: &'static str,
    pub defis: &'static str,
    pub footer_about: &'static str,
    pub data: &'static str,
    pub updated: &'static str,
    pub generated: &'static str,
    pub data_json: &'static str,
    pub accessibility: &'static str,
    pub licence: &'static str,
    /// Said over the static first paint while the address's filters wait for the code.
    pub loading_filters: &'static str,
    /// Said, without JavaScript, that the page shows the whole programme whatever the address asks.
    pub without_code: &'static str,
    /// Said when the interactive page could not load: the static page stays, unfiltered.
    pub code_failed: &'static str,
    /// Under a chart of the page without its code: its summary, then its data.
    pub chart_summary: &'static str,
}

/// The page's fixed words in `lang`.
pub fn page_words(lang: Lang) -> PageWords {
    PageWords {
        page_title: lang.pick(
            "EIG Pulse — avancement technique des défis EIG",
            "EIG Pulse — technical progress of the EIG challenges",
        ),
        description: lang.pick(
            "Tableau de bord de l'avancement technique des défis Entrepreneurs d'intérêt général (Etalab, DINUM).",
            "Dashboard of the technical progress of the Entrepreneurs d'intérêt général challenges (Etalab, DINUM).",
        ),
        tagline: lang.pick(
            "L'avancement technique des défis Entrepreneurs d'intérêt général",
            "Technical progress of the Entrepreneurs d'intérêt général challenges",
        ),
        quick_access: lang.pick("Accès rapide", "Quick access"),
        skip_content: lang.pick("Contenu", "Content"),
        skip_filters: lang.pick("Filtres", "Filters"),
        skip_footer: lang.pick("Pied de page", "Footer"),
        theme_legend: lang.pick("Thème d'affichage", "Display theme"),
        theme_light: lang.pick("Clair", "Light"),
        theme_dark: lang.pick("Sombre", "Dark"),
        theme_system: lang.pick("Système", "System"),
        other_language: lang.pick("EN – English", "FR – Français"),
        other_language_title: lang.pick("Display in English", "Afficher en français"),
        filters: lang.pick("Filtres", "Filters"),
        filters_none: lang.pick("Filtres (aucun)", "Filters (none)"),
        admin_hint: lang.pick(
            "Ses directions et services inclus",
            "Its directorates and services included",
        ),
        admin_search: lang.pick("Rechercher (nom, sigle)…", "Search (name, acronym)…"),
        admin_select: lang.pick(
            "Administration (ses directions et services inclus)",
            "Administration (its directorates and services included)",
        ),
        all_administrations: lang.pick("Toutes les administrations", "All administrations"),
        all: lang.pick("Toutes", "All"),
        skill: lang.pick("Compétence", "Skill"),
        technology: lang.pick(
            "Technologie (déclarée ou mesurée)",
            "Technology (declared or measured)",
        ),
        period: lang.pick("Période", "Period"),
        from: lang.pick("Du", "From"),
        to: lang.pick("Au", "To"),
        reset: lang.pick("Réinitialiser", "Reset"),
        active_filters: lang.pick("Filtres actifs", "Active filters"),
        remove_filter: lang.pick("Retirer le filtre", "Remove the filter"),
        key_figures: lang.pick("Chiffres clés", "Key figures"),
        code_figures: lang.pick(
            "Chiffres clés du code après le programme",
            "Key figures of the code after the programme",
        ),
        contents: lang.pick("Sommaire", "Contents"),
        no_activity: lang.pick(
            "Cet export ne contient pas l'activité des dépôts : il a été produit sans « --repos ». La colonne « Code publié » vient du catalogue ; les autres critères attendent l'analyse des dépôts.",
            "This export holds no repository activity: it was produced without \"--repos\". The \"Published code\" column comes from the catalogue; the other checks wait for the repositories to be scanned.",
        ),
        windows_title: lang.pick(
            "Les dix mois de chaque promotion (zone bleutée), d'après ses sources :",
            "Each promotion's ten months (shaded), from its sources:",
        ),
        sources: lang.pick(" — sources : ", " — sources: "),
        scorecard_title: lang.pick(
            "Ouverture du code, défi par défi",
            "Code openness, défi by défi",
        ),
        scorecard_guide: lang.pick(
            "Critères inspirés de code.gouv.fr. ✓ oui, ✗ non, ? dépôt non analysé, – sans code publié. Survoler une case, ou afficher le détail, pour voir ce qui a été trouvé.",
            "Checks in the spirit of code.gouv.fr. ✓ yes, ✗ no, ? repository not scanned, – no published code. Hover a cell, or show the details, to see what was found.",
        ),
        scorecard_table: lang.pick("Tableau d'ouverture du code", "Code openness table"),
        show_details: lang.pick("Afficher le détail", "Show the details"),
        hide_details: lang.pick("Masquer le détail", "Hide the details"),
        show_all_defis: lang.pick("Afficher tous les défis", "Show all défis"),
        show_first_defis: lang.pick("N'afficher que les", "Show only the first"),
        defi_list: lang.pick("Liste des défis", "List of défis"),
        // The same word in English (« défi » is the programme's own).
        defis: "Défis",
        footer_about: lang.pick(
            "EIG Pulse montre l'avancement technique des défis du programme Entrepreneurs d'intérêt général, porté par Etalab au sein de la Direction interministérielle du numérique (DINUM).",
            "EIG Pulse shows the technical progress of the challenges of the Entrepreneurs d'intérêt général programme, run by Etalab within the French interministerial digital directorate (DINUM).",
        ),
        data: lang.pick("Données :", "Data:"),
        updated: lang.pick("mise à jour du", "updated"),
        generated: lang.pick("Export généré le", "Export generated on"),
        data_json: lang.pick("Données (JSON)", "Data (JSON)"),
        accessibility: lang.pick(
            "Accessibilité : partiellement conforme (RGAA 4.1)",
            "Accessibility: partially compliant (RGAA 4.1)",
        ),
        licence: lang.pick(
            "Sauf mention contraire, les contenus de ce site sont proposés sous la Licence Ouverte / Open Licence 2.0 (Etalab). Design : système de design de l'État (DSFR).",
            "Unless stated otherwise, this site's content is offered under the Licence Ouverte / Open Licence 2.0 (Etalab). Design: the French State design system (DSFR).",
        ),
        loading_filters: lang.pick(
            "Chargement des filtres… Les graphiques grisés ci-dessous sont ceux du programme entier ; ils suivront les filtres de l'adresse dans un instant.",
            "Loading the filters… The greyed charts below are the whole programme's; they will follow the address's filters in a moment.",
        ),
        without_code: lang.pick(
            "Sans JavaScript, cette page montre le programme entier : les filtres, et ceux de l'adresse, ne s'appliquent pas.",
            "Without JavaScript this page shows the whole programme: the filters, and the address's, do not apply.",
        ),
        code_failed: lang.pick(
            "Le tableau de bord interactif n'a pas pu être chargé. La page reste celle du programme entier, sans filtre ; recharger la page pour réessayer.",
            "The interactive dashboard could not be loaded. The page stays that of the whole programme, without filters; reload the page to try again.",
        ),
        chart_summary: lang.pick("En résumé :", "In short:"),
    }
}
