//! Every chart of the dashboard as one spec in one place — its id, section, words, how its table
//! and summary read it, and the builder that turns a selection into a [`Chart`] — one file per
//! chart. Adding a chart is adding its file and one line to [`catalogue!`].

mod categories;
mod chart;

pub use chart::{
    Absence, Category, Chart, Highlight, Layout, Orientation, Period, PointCounts, Series, Target,
    Unit, OTHER_COLOR,
};

use crate::base::lang::{Lang, Text};
use crate::contract::export::SourceKind;
use crate::measures::story;
use crate::model::cohort::Cohort;
use crate::model::filter::Filters;
use crate::model::selection::Selection;

/// The part of the dashboard a chart belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    Defis,
    /// The weekly journal of 2018.
    Journal,
    /// The code after the programme: the repositories' activity and what became of it.
    CodeAfter,
    Technologies,
    Openness,
}

impl Section {
    /// The page's sections, in the order it tells them.
    pub const ALL: [Section; 5] = [
        Section::Defis,
        Section::Journal,
        Section::Technologies,
        Section::CodeAfter,
        Section::Openness,
    ];

    /// Its heading, and its entry in the table of contents (« Défis » and « Technologies » are
    /// the same words in both languages).
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Section::Defis => "Défis",
            Section::Journal => lang.pick("Suivi 2018", "2018 follow-up"),
            Section::Technologies => "Technologies",
            Section::CodeAfter => {
                lang.pick("Le code après le programme", "The code after the programme")
            }
            Section::Openness => lang.pick("Ouverture", "Openness"),
        }
    }

    /// Its id in the page (`#suivi-2018`).
    pub fn anchor(self) -> &'static str {
        match self {
            Section::Defis => "defis",
            Section::Journal => "suivi-2018",
            Section::Technologies => "technologies",
            Section::CodeAfter => "code-apres",
            Section::Openness => "ouverture",
        }
    }

    /// The sentence it opens with, written from the selection's figures.
    pub fn opening(self, cohort: &Cohort, selection: &Selection, lang: Lang) -> String {
        let write = match self {
            Section::Defis => story::defis,
            Section::Journal => story::journal,
            Section::Technologies => story::technologies,
            Section::CodeAfter => story::code_after,
            Section::Openness => story::openness,
        };
        write(cohort, selection, lang)
    }

    /// Its charts, in the catalogue's order.
    pub fn charts(self) -> impl Iterator<Item = ChartId> {
        ChartId::ALL
            .into_iter()
            .filter(move |id| id.spec().section == self)
    }
}

/// What heads each row of a chart's data table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowHeader {
    /// The category's label.
    Label,
    /// The first day of the category's period, written in full (« 12 février 2018 »).
    StartDate,
    /// The category's note (« semaine du 12 février 2018 », « mars 2019 »).
    Note,
}

/// What the series of a chart over time are, for its summary: kinds of what is counted (the
/// journal's categories: « dont 12 en production ») or who made it (« dont 12 pour Monitorfish »).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeriesAre {
    Kinds,
    Makers,
}

/// How the summary reads a chart over time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverTime {
    /// What is counted: « entrées », « commits ».
    pub items: Text,
    pub series: SeriesAre,
}

/// Builds a chart's data for a selection.
pub type Builder = fn(&Cohort, &Selection, &Filters, Lang) -> Chart;

/// How a chart's data table and summary read it, beyond its values.
#[derive(Debug, Clone)]
pub struct Reading {
    /// What a category is: the first column's header of its data table.
    pub category_header: Text,
    pub row_header: RowHeader,
    /// A last column of the data table holding each category's note (its denominators).
    pub note_column: Option<Text>,
    /// Said by the summary after its reading of the values.
    pub summary_note: Option<Text>,
    /// Set for charts over time, summarised by period.
    pub over_time: Option<OverTime>,
}

impl Reading {
    /// Rows headed by their categories' labels under `category_header`, and nothing more: the
    /// reading of most charts.
    pub const fn by_label(category_header: Text) -> Reading {
        Reading {
            category_header,
            row_header: RowHeader::Label,
            note_column: None,
            summary_note: None,
            over_time: None,
        }
    }
}

/// One chart: everything that differs from one chart to another.
#[derive(Debug, Clone)]
pub struct ChartSpec {
    /// Its stable id in URLs, embeds and file names.
    pub slug: &'static str,
    pub section: Section,
    pub title: Text,
    /// One line on how to read it.
    pub guide: Text,
    pub reading: Reading,
    /// The sources it draws on, in any order: its credit names each with its date (the
    /// catalogue always, for the défis and their promotions).
    pub sources: &'static [SourceKind],
    pub build: Builder,
}

/// The catalogue: each chart's id and the file that holds its spec (`SPEC`), in dashboard order.
macro_rules! catalogue {
    ($($variant:ident => $module:ident,)+) => {
        $(pub mod $module;)+

        /// The charts of the dashboard, in dashboard order.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum ChartId {
            $($variant,)+
        }

        impl ChartId {
            pub const ALL: [ChartId; [$(stringify!($variant)),+].len()] = [$(ChartId::$variant),+];

            pub fn spec(self) -> &'static ChartSpec {
                match self {
                    $(ChartId::$variant => &$module::SPEC,)+
                }
            }
        }
    };
}

catalogue! {
    DefisByAdministration => defis_by_administration,
    SkillsByPromotion => skills_by_promotion,
    BlogPosts => blog_posts,
    JournalWeekly => journal_weekly,
    JournalMixByDefi => journal_mix_by_defi,
    OpennessByPromotion => openness_by_promotion,
    RepositoryActivity => repository_activity,
    CodeSurvival => code_survival,
    CodeHandover => code_handover,
    CohortsCumulativeCommits => cohorts_cumulative_commits,
    PerennisationByPromotion => perennisation_by_promotion,
    TechnologiesByPromotion => technologies_by_promotion,
    LanguagesByPromotion => languages_by_promotion,
    OpennessIndicators => openness_indicators,
}

impl ChartId {
    /// Its stable id in URLs, embeds and file names.
    pub fn slug(self) -> &'static str {
        self.spec().slug
    }

    pub fn from_slug(slug: &str) -> Option<ChartId> {
        ChartId::ALL.into_iter().find(|c| c.slug() == slug)
    }

    /// The chart's data for the current selection.
    pub fn build(
        self,
        cohort: &Cohort,
        selection: &Selection,
        filters: &Filters,
        lang: Lang,
    ) -> Chart {
        (self.spec().build)(cohort, selection, filters, lang)
    }
}

/// All charts for the current selection, in dashboard order.
pub fn build_all(
    cohort: &Cohort,
    selection: &Selection,
    filters: &Filters,
    lang: Lang,
) -> Vec<Chart> {
    ChartId::ALL
        .iter()
        .map(|&id| id.build(cohort, selection, filters, lang))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_unique_and_found_back() {
        for id in ChartId::ALL {
            assert_eq!(ChartId::from_slug(id.slug()), Some(id));
            assert_eq!(
                ChartId::ALL
                    .iter()
                    .filter(|c| c.slug() == id.slug())
                    .count(),
                1
            );
        }
    }

    #[test]
    fn every_chart_credits_the_catalogue_and_known_sources_once() {
        for id in ChartId::ALL {
            let sources = id.spec().sources;
            assert!(sources.contains(&SourceKind::Catalogue), "{id:?}");
            assert!(sources.iter().all(SourceKind::is_known), "{id:?}");
            for kind in sources {
                assert_eq!(
                    sources.iter().filter(|k| *k == kind).count(),
                    1,
                    "{id:?}: {kind}"
                );
            }
        }
    }
}
