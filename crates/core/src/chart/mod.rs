//! Charts as data (what to draw) and their marks (how to draw it on any plotters backend).
//!
//! Statistics are computed in [`crate::catalogue`]; marks here never compute them, they only
//! place what they are given through the scales.

pub mod axis;
pub mod bars;
pub mod figure;
mod frame;
pub mod lines;
pub mod scale;
pub mod stack;
pub mod summary;
pub mod table;
pub mod text;
pub mod theme;
pub mod tooltip;

pub use bars::{draw_bars, Hit};
pub use figure::{draw_figure, plot_height, FigureText};
pub use lines::draw_lines;
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
    PerennisationByPromotion,
    CohortsCumulativeCommits,
    TechnologiesByPromotion,
    LanguagesByPromotion,
    OpennessIndicators,
}

impl ChartId {
    pub const ALL: [ChartId; 11] = [
        ChartId::DefisByAdministration,
        ChartId::SkillsByPromotion,
        ChartId::JournalWeekly,
        ChartId::JournalMixByDefi,
        ChartId::OpennessByPromotion,
        ChartId::RepositoryActivity,
        ChartId::PerennisationByPromotion,
        ChartId::CohortsCumulativeCommits,
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
            ChartId::PerennisationByPromotion => "perennisation-by-promotion",
            ChartId::CohortsCumulativeCommits => "cohorts-cumulative-commits",
            ChartId::TechnologiesByPromotion => "technologies-by-promotion",
            ChartId::LanguagesByPromotion => "languages-by-promotion",
            ChartId::OpennessIndicators => "openness-indicators",
        }
    }

    pub fn from_slug(slug: &str) -> Option<ChartId> {
        ChartId::ALL.into_iter().find(|c| c.slug() == slug)
    }
}

/// Draws `chart` with its mark (bars, or lines for [`Layout::Lines`]) over the whole area: the one
/// drawing behind the canvas, the SVG and the PNG.
pub fn draw<DB: plotters::prelude::DrawingBackend>(
    area: &plotters::prelude::DrawingArea<DB, plotters::coord::Shift>,
    chart: &BarChart,
    hidden: &[bool],
    theme: &Theme,
    lang: crate::base::lang::Lang,
) -> Result<Vec<Hit>, plotters::prelude::DrawingAreaErrorKind<DB::ErrorType>> {
    match chart.layout {
        Layout::Lines => draw_lines(area, chart, hidden, theme, lang),
        _ => draw_bars(area, chart, hidden, theme, lang),
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
    /// On a time axis, the first day of the category's period (its length is the chart's
    /// [`Period`]); `None` elsewhere.
    pub start: Option<time::Date>,
    pub target: Target,
    /// An extra tooltip line (e.g. the week's number of entries).
    pub note: Option<String>,
    /// How many items the category holds when series overlap (a journal entry with several
    /// categories counts once here, once in each series).
    pub count: Option<f64>,
}

impl Category {
    /// A category with its key and label, and nothing else: no target, note, count or start.
    pub fn new(key: impl Into<String>, label: impl Into<String>) -> Category {
        Category {
            key: key.into(),
            label: label.into(),
            start: None,
            target: Target::None,
            note: None,
            count: None,
        }
    }

    /// A period of a time axis, keyed by its first day (`YYYY-MM-DD`).
    pub fn period(start: time::Date, label: impl Into<String>) -> Category {
        Category {
            start: Some(start),
            ..Category::new(start.to_string(), label)
        }
    }

    pub fn with_target(self, target: Target) -> Category {
        Category { target, ..self }
    }

    pub fn with_note(self, note: impl Into<String>) -> Category {
        Category {
            note: Some(note.into()),
            ..self
        }
    }

    pub fn with_count(self, count: f64) -> Category {
        Category {
            count: Some(count),
            ..self
        }
    }
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
    /// One line per series through its values, categories evenly spaced along a linear axis,
    /// with the band of `spread` around it.
    Lines,
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
    /// Set when categories are periods of time, keyed by their first day (`YYYY-MM-DD`): the axis
    /// then writes the year on its first label and at each change of year.
    pub period: Option<Period>,
    /// Lines only: the low and high ends of each value's spread (`spread[category][series]`,
    /// e.g. the quartiles around a median), drawn as a band; empty when there is none.
    pub spread: Vec<Vec<(f64, f64)>>,
}

/// The length of each category of a time axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Week,
    Month,
}

/// Categories `from..=to` shaded behind the bars, with a label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Highlight {
    pub from: usize,
    pub to: usize,
    pub label: String,
}

impl BarChart {
    /// `values[category][series]` as stacked vertical bars of counts, with nothing highlighted,
    /// no period and no spread; the `with_…` methods below change each of those.
    pub fn new(
        id: ChartId,
        categories: Vec<Category>,
        series: Vec<Series>,
        values: Vec<Vec<f64>>,
        value_label: impl Into<String>,
    ) -> BarChart {
        BarChart {
            id,
            categories,
            series,
            values,
            layout: Layout::Stacked,
            orientation: Orientation::Vertical,
            unit: Unit::Count,
            value_label: value_label.into(),
            highlights: Vec::new(),
            period: None,
            spread: Vec::new(),
        }
    }

    pub fn with_layout(self, layout: Layout) -> BarChart {
        BarChart { layout, ..self }
    }

    pub fn with_orientation(self, orientation: Orientation) -> BarChart {
        BarChart {
            orientation,
            ..self
        }
    }

    pub fn with_unit(self, unit: Unit) -> BarChart {
        BarChart { unit, ..self }
    }

    /// Categories are periods of time of this length (see [`Category::period`]).
    pub fn with_period(self, period: Period) -> BarChart {
        BarChart {
            period: Some(period),
            ..self
        }
    }

    pub fn with_highlights(self, highlights: Vec<Highlight>) -> BarChart {
        BarChart { highlights, ..self }
    }

    pub fn with_spread(self, spread: Vec<Vec<(f64, f64)>>) -> BarChart {
        BarChart { spread, ..self }
    }

    /// True when there is nothing to draw (no category, or only zeros).
    pub fn is_empty(&self) -> bool {
        self.categories.is_empty() || self.values.iter().flatten().all(|v| *v == 0.0)
    }
}
