//! Charts as data (what to draw) and their marks (how to draw it on any plotters backend).
//!
//! Statistics are computed in [`crate::stats`]; marks here never compute them, they only
//! place what they are given through the scales.

pub mod bars;
pub mod figure;
pub mod scale;
pub mod summary;
pub mod table;
pub mod text;
pub mod theme;
pub mod tooltip;

pub use bars::{draw_bars, Hit};
pub use figure::{draw_figure, plot_height, FigureText};
pub use theme::Theme;

/// The charts of the dashboard, with their stable ids (used in URLs and embeds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChartId {
    DefisByAdministration,
    SkillsByPromotion,
    JournalWeekly,
    JournalMixByDefi,
    OpennessByPromotion,
    RepositoryActivity,
    TechnologiesByPromotion,
    LanguagesByPromotion,
    OpennessIndicators,
}

impl ChartId {
    pub const ALL: [ChartId; 9] = [
        ChartId::DefisByAdministration,
        ChartId::SkillsByPromotion,
        ChartId::JournalWeekly,
        ChartId::JournalMixByDefi,
        ChartId::OpennessByPromotion,
        ChartId::RepositoryActivity,
        ChartId::TechnologiesByPromotion,
        ChartId::LanguagesByPromotion,
        ChartId::OpennessIndicators,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            ChartId::DefisByAdministration => "defis-by-administration",
            ChartId::SkillsByPromotion => "skills-by-promotion",
            ChartId::JournalWeekly => "journal-weekly",
            ChartId::JournalMixByDefi => "journal-mix-by-defi",
            ChartId::OpennessByPromotion => "openness-by-promotion",
            ChartId::RepositoryActivity => "repository-activity",
            ChartId::TechnologiesByPromotion => "technologies-by-promotion",
            ChartId::LanguagesByPromotion => "languages-by-promotion",
            ChartId::OpennessIndicators => "openness-indicators",
        }
    }

    pub fn from_slug(slug: &str) -> Option<ChartId> {
        ChartId::ALL.into_iter().find(|c| c.slug() == slug)
    }
}

/// What a click on a category leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    None,
    Administration(String),
    Defi(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Category {
    pub key: String,
    pub label: String,
    pub target: Target,
    /// An extra tooltip line (e.g. the week's number of entries).
    pub note: Option<String>,
    /// How many items the category holds when series overlap (a journal entry with several
    /// categories counts once here, once in each series).
    pub count: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Series {
    pub key: String,
    pub label: String,
    /// Index into the theme's palette.
    pub color: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Series on top of each other.
    Stacked,
    /// Series side by side.
    Grouped,
    /// Stacked, each category scaled to 100 %.
    Normalized,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orientation {
    /// Categories along the x axis, bars upwards.
    Vertical,
    /// Categories down the y axis, bars rightwards.
    Horizontal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Count,
    /// Values are shares in [0, 1].
    Share,
}

/// A bar chart's data and encoding: categories × series → values.
#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    pub id: ChartId,
    pub categories: Vec<Category>,
    pub series: Vec<Series>,
    /// `values[category][series]`.
    pub values: Vec<Vec<f64>>,
    pub layout: Layout,
    pub orientation: Orientation,
    pub unit: Unit,
    /// The value axis' title.
    pub value_label: String,
    /// Spans of categories to shade behind the bars (a promotion's ten months).
    pub highlights: Vec<Highlight>,
}

/// Categories `from..=to` shaded behind the bars, with a label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Highlight {
    pub from: usize,
    pub to: usize,
    pub label: String,
}

impl BarChart {
    /// The total of a category over the visible series.
    pub fn total(&self, category: usize, hidden: &[bool]) -> f64 {
        self.values[category]
            .iter()
            .enumerate()
            .filter(|(s, _)| !hidden.get(*s).copied().unwrap_or(false))
            .map(|(_, v)| v)
            .sum()
    }

    pub fn is_empty(&self) -> bool {
        self.categories.is_empty() || self.values.iter().flatten().all(|v| *v == 0.0)
    }
}
