//! A chart as data, bars or lines: categories × series → values, with the encoding that says how
//! to draw them (layout, orientation, unit, time period, highlighted spans, spread). What every
//! spec builds and every mark, table and summary reads.

use super::{ChartId, ChartSpec};
use crate::base::lang::Lang;
pub use crate::measures::time_bins::Period;

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
    /// Why the category has no values to show, when it has none.
    pub absence: Option<Absence>,
}

/// Why a category has no values: said in words wherever its values would be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Absence {
    /// Its promotion has no record (« non documenté »), which is not « none ».
    Undocumented,
    /// No défi of it is observed there (« aucune donnée »), which is not 0 %.
    NotObserved,
}

impl Absence {
    pub fn words(self, lang: Lang) -> &'static str {
        match self {
            Absence::Undocumented => lang.pick("non documenté", "not documented"),
            Absence::NotObserved => lang.pick("aucune donnée", "no data"),
        }
    }
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
            absence: None,
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

    /// Its label on an axis: with why it has no values, « DIG (aucune donnée) ».
    pub fn axis_label(&self, lang: Lang) -> String {
        match self.absence {
            Some(absence) => format!("{} ({})", self.label, absence.words(lang)),
            None => self.label.clone(),
        }
    }

    pub fn with_absence(self, absence: Absence) -> Category {
        Category {
            absence: Some(absence),
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

/// The rows of `rows` whose place `kept` marks (a row past its end is dropped).
fn kept_only<T>(rows: Vec<T>, kept: &[bool]) -> Vec<T> {
    rows.into_iter()
        .zip(kept)
        .filter_map(|(row, &k)| k.then_some(row))
        .collect()
}

/// The colour index of the series that gathers the rest (« Autre(s) »): grey in every palette.
pub const OTHER_COLOR: usize = 9;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Series {
    pub key: String,
    pub label: String,
    /// Index into the palette's series colours.
    pub color: usize,
}

impl Series {
    pub fn new(key: impl Into<String>, label: impl Into<String>, color: usize) -> Series {
        Series {
            key: key.into(),
            label: label.into(),
            color,
        }
    }
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
    /// A matrix: a row per category, a column per series, each cell shaded by its value and
    /// showing it.
    Cells,
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

/// A chart's data and encoding, bars or lines: categories × series → values.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
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
    /// Lines only: drawn as steps (a value holds until the next), as a survival curve is.
    pub steps: bool,
    /// Lines only: the last category each series reaches; its values after are not known and
    /// are neither drawn nor listed. Empty when every series reaches the last category.
    pub reach: Vec<usize>,
    /// The cells with no value to show (`(category, series)`): no défi observed there. The table
    /// says « aucune donnée », the CSV and the summary leave them out, no bar is drawn.
    pub missing: Vec<(usize, usize)>,
    /// A zero outside `missing` is a value (a measured 0 %), drawn, listed and counted as one;
    /// set with the missing cells. Elsewhere a zero is nothing to draw.
    pub zero_is_value: bool,
    /// Lines only: a count under each point (`counts.values[category][series]`), said with its
    /// label under the axis, in the table and in the CSV (the number of défis at risk).
    pub counts: Option<PointCounts>,
}

/// A count under each point of a line chart.
#[derive(Debug, Clone, PartialEq)]
pub struct PointCounts {
    /// What is counted (« à risque »), written under the axis before the counts.
    pub label: String,
    /// Its column name in the CSV.
    pub key: &'static str,
    /// `values[category][series]`.
    pub values: Vec<Vec<usize>>,
}

/// Categories `from..=to` shaded behind the bars, with a label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Highlight {
    pub from: usize,
    pub to: usize,
    pub label: String,
}

impl Chart {
    /// `values[category][series]` as stacked vertical bars of counts, with nothing highlighted,
    /// no period and no spread; the `with_…` methods below change each of those.
    pub fn new(
        id: ChartId,
        categories: Vec<Category>,
        series: Vec<Series>,
        values: Vec<Vec<f64>>,
        value_label: impl Into<String>,
    ) -> Chart {
        Chart {
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
            steps: false,
            reach: Vec::new(),
            counts: None,
            missing: Vec::new(),
            zero_is_value: false,
        }
    }

    pub fn with_layout(self, layout: Layout) -> Chart {
        Chart { layout, ..self }
    }

    pub fn with_orientation(self, orientation: Orientation) -> Chart {
        Chart {
            orientation,
            ..self
        }
    }

    pub fn with_unit(self, unit: Unit) -> Chart {
        Chart { unit, ..self }
    }

    /// Categories are periods of time of this length (see [`Category::period`]).
    pub fn with_period(self, period: Period) -> Chart {
        Chart {
            period: Some(period),
            ..self
        }
    }

    pub fn with_highlights(self, highlights: Vec<Highlight>) -> Chart {
        Chart { highlights, ..self }
    }

    pub fn with_spread(self, spread: Vec<Vec<(f64, f64)>>) -> Chart {
        Chart { spread, ..self }
    }

    /// Lines drawn as steps.
    pub fn with_steps(self) -> Chart {
        Chart {
            steps: true,
            ..self
        }
    }

    /// The last category each series reaches.
    pub fn with_reach(self, reach: Vec<usize>) -> Chart {
        Chart { reach, ..self }
    }

    pub fn with_counts(self, counts: PointCounts) -> Chart {
        Chart {
            counts: Some(counts),
            ..self
        }
    }

    /// True when series `s` has a known value at category `c`.
    pub fn reaches(&self, c: usize, s: usize) -> bool {
        self.reach.get(s).is_none_or(|&last| c <= last) && !self.missing.contains(&(c, s))
    }

    /// The cells with no value to show; every other cell holds a value, zero included.
    pub fn with_missing(self, missing: Vec<(usize, usize)>) -> Chart {
        Chart {
            missing,
            zero_is_value: true,
            ..self
        }
    }

    /// The chart without the categories `keep` refuses, their values and missing cells with them
    /// (for charts of categories, not of periods: spans and line reaches are not moved).
    pub fn only_categories(self, keep: impl Fn(&Category) -> bool) -> Chart {
        let kept: Vec<bool> = self.categories.iter().map(&keep).collect();
        if kept.iter().all(|&k| k) {
            return self;
        }
        debug_assert!(self.highlights.is_empty() && self.reach.is_empty());
        let mut place = vec![None; kept.len()];
        let mut next = 0;
        for (c, &k) in kept.iter().enumerate() {
            if k {
                place[c] = Some(next);
                next += 1;
            }
        }
        Chart {
            categories: kept_only(self.categories, &kept),
            values: kept_only(self.values, &kept),
            spread: kept_only(self.spread, &kept),
            missing: self
                .missing
                .into_iter()
                .filter_map(|(c, s)| Some((place[c]?, s)))
                .collect(),
            counts: self.counts.map(|counts| PointCounts {
                values: kept_only(counts.values, &kept),
                ..counts
            }),
            ..self
        }
    }

    /// The chart's spec: its words and how its table and summary read it.
    pub fn spec(&self) -> &'static ChartSpec {
        self.id.spec()
    }

    /// True when there is nothing to draw: no category, or only zeros (only missing cells where
    /// a zero is a value: « 0 % encore vivants » is a figure, not an absence).
    pub fn is_empty(&self) -> bool {
        if self.zero_is_value {
            let cells = self.series.len();
            self.categories.is_empty()
                || (0..self.categories.len()).all(|c| (0..cells).all(|s| !self.reaches(c, s)))
        } else {
            self.categories.is_empty() || self.values.iter().flatten().all(|v| *v == 0.0)
        }
    }
}
