//! Labels along the category axis, never overlapping: on time axes, every k-th period with the
//! year on the first label and wherever it changes (« févr. 2018 … mars »); elsewhere every
//! category, its label kept whole, or its absence put on a second line, or both abbreviated —
//! never dropped.

use crate::base::format::truncate;
use crate::base::lang::Lang;
use crate::catalogue::{Absence, Category, Chart, Period};

/// A written label: the category it stands under and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tick {
    pub category: usize,
    pub text: String,
    /// A second line under it: why the category has no value, when the first line does not say
    /// it (« aucune donnée » under « DIG »).
    pub note: Option<String>,
}

/// How a category's label is written under a narrow band, widest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// « DIG (aucune donnée) » on one line.
    Whole,
    /// « DIG » over « aucune donnée ».
    TwoLines,
    /// « DIG » over « n.obs. ».
    TwoLinesShort,
}

impl Form {
    fn write(self, category: &Category, lang: Lang) -> (String, Option<String>) {
        match (self, category.absence) {
            (Form::Whole, _) | (_, None) => (category.axis_label(lang), None),
            (Form::TwoLines, Some(absence)) => (
                category.label.clone(),
                Some(absence.words(lang).to_string()),
            ),
            (Form::TwoLinesShort, Some(absence)) => (
                category.label.clone(),
                Some(short_words(absence, lang).to_string()),
            ),
        }
    }
}

/// Why a category has no value, in six letters: the width of a promotion's column at 360 px,
/// where « n. doc. » was cut to « n. do… ».
fn short_words(absence: Absence, lang: Lang) -> &'static str {
    match absence {
        Absence::Undocumented => lang.pick("n.doc.", "undoc."),
        Absence::NotObserved => lang.pick("n.obs.", "no obs"),
    }
}

/// Strides to try, smallest first: months go by 1, 2, 3, 6 or 12 so that labels fall on
/// quarters and years.
fn strides(n: usize, months: bool) -> Vec<usize> {
    if months {
        let mut out = vec![1, 2, 3, 6];
        out.extend((1..=n.div_ceil(12).max(1)).map(|k| k * 12));
        out
    } else {
        (1..=n.max(1)).collect()
    }
}

/// The labels to write along an axis where each category takes `step` pixels and a text
/// `width(text)` pixels, with `gap` pixels at least between two labels: the smallest stride
/// whose neighbouring labels do not overlap. `months` rounds the stride to calendar steps
/// (monthly time axes, months since a start).
pub fn category_ticks(
    chart: &Chart,
    step: f64,
    width: &impl Fn(&str) -> f64,
    gap: f64,
    months: bool,
    lang: Lang,
) -> Vec<Tick> {
    let months = months || chart.period == Some(Period::Month);
    if !months && chart.period.is_none() {
        return every_label(chart, step - gap, width, lang);
    }
    let n = chart.categories.len();
    let mut ticks = Vec::new();
    for stride in strides(n, months) {
        ticks = written(chart, stride, lang);
        let fits = ticks.windows(2).all(|pair| {
            (width(&pair[0].text) + width(&pair[1].text)) / 2.0 + gap <= step * stride as f64
        });
        if fits {
            break;
        }
    }
    ticks
}

/// Every category's label within `room` pixels: in the widest form where all fit, else in the
/// shortest, each line cut to the room with an ellipsis.
fn every_label(chart: &Chart, room: f64, width: &impl Fn(&str) -> f64, lang: Lang) -> Vec<Tick> {
    let within = |text: &str| width(text) <= room;
    let ticks = |form: Form| -> Vec<Tick> {
        chart
            .categories
            .iter()
            .enumerate()
            .map(|(category, c)| {
                let (text, note) = form.write(c, lang);
                Tick {
                    category,
                    text,
                    note,
                }
            })
            .collect()
    };
    let fits = |tick: &Tick| within(&tick.text) && tick.note.as_deref().is_none_or(within);
    for form in [Form::Whole, Form::TwoLines] {
        let written = ticks(form);
        if written.iter().all(fits) {
            return written;
        }
    }
    ticks(Form::TwoLinesShort)
        .into_iter()
        .map(|tick| Tick {
            text: truncate(&tick.text, within),
            note: tick.note.map(|note| truncate(&note, within)),
            ..tick
        })
        .collect()
}

/// Every `stride`-th label, the year added to the first and wherever it changes.
fn written(chart: &Chart, stride: usize, lang: Lang) -> Vec<Tick> {
    let mut previous_year = None;
    chart
        .categories
        .iter()
        .enumerate()
        .filter(|(i, _)| i % stride == 0)
        .map(|(i, c)| {
            let year = chart.period.and(c.start).map(time::Date::year);
            let text = match year {
                Some(y) if previous_year != Some(y) => format!("{} {y}", c.axis_label(lang)),
                _ => c.axis_label(lang),
            };
            previous_year = year.or(previous_year);
            Tick {
                category: i,
                text,
                note: None,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::date::parse_date;
    use crate::catalogue::{Category, ChartId};

    /// A chart over the periods starting on these days, or with these plain keys without period.
    fn chart(keys_and_labels: &[(&str, &str)], period: Option<Period>) -> Chart {
        let categories = keys_and_labels
            .iter()
            .map(|(key, label)| match (period, parse_date(key)) {
                (Some(_), Some(start)) => Category::period(start, *label),
                _ => Category::new(*key, *label),
            })
            .collect();
        let chart = Chart::new(
            ChartId::RepositoryActivity,
            categories,
            Vec::new(),
            vec![Vec::new(); keys_and_labels.len()],
            "",
        );
        match period {
            Some(period) => chart.with_period(period),
            None => chart,
        }
    }

    /// Every character 6 px wide.
    fn mono(text: &str) -> f64 {
        text.chars().count() as f64 * 6.0
    }

    fn texts(ticks: &[Tick]) -> Vec<&str> {
        ticks.iter().map(|t| t.text.as_str()).collect()
    }

    #[test]
    fn the_year_is_written_first_and_where_it_changes() {
        let months = chart(
            &[
                ("2018-11-01", "nov."),
                ("2018-12-01", "déc."),
                ("2019-01-01", "janv."),
                ("2019-02-01", "févr."),
            ],
            Some(Period::Month),
        );
        // Room for every label.
        assert_eq!(
            texts(&category_ticks(&months, 100.0, &mono, 8.0, false, Lang::Fr)),
            ["nov. 2018", "déc.", "janv. 2019", "févr."]
        );
        // Every other label: the year moves to the first label written in the new year.
        assert_eq!(
            texts(&category_ticks(&months, 40.0, &mono, 8.0, false, Lang::Fr)),
            ["nov. 2018", "janv. 2019"]
        );
        let weeks = chart(
            &[
                ("2018-12-24", "24 déc."),
                ("2018-12-31", "31 déc."),
                ("2019-01-07", "7 janv."),
            ],
            Some(Period::Week),
        );
        assert_eq!(
            texts(&category_ticks(&weeks, 200.0, &mono, 8.0, false, Lang::Fr)),
            ["24 déc. 2018", "31 déc.", "7 janv. 2019"]
        );
    }

    /// A category axis never drops a label: its absence goes under it, then both are shortened.
    #[test]
    fn every_category_keeps_its_label_its_absence_below_when_narrow() {
        let mut promotions = chart(&[("1", "EIG 1"), ("2", "EIG 2"), ("dig", "DIG")], None);
        promotions.categories[2] = promotions.categories[2]
            .clone()
            .with_absence(Absence::NotObserved);
        let lines = |ticks: Vec<Tick>| -> Vec<(String, Option<String>)> {
            ticks.into_iter().map(|t| (t.text, t.note)).collect()
        };
        let one = |text: &str| (text.to_string(), None);
        let two = |text: &str, note: &str| (text.to_string(), Some(note.to_string()));
        // Each band's width (px), and DIG's label under it; EIG 1 and EIG 2 keep theirs whole.
        for (step, dig) in [
            (200.0, one("DIG (aucune donnée)")),
            (100.0, two("DIG", "aucune donnée")),
            (60.0, two("DIG", "n.obs.")),
            (46.0, two("DIG", "n.obs.")),
            (38.0, two("DIG", "n.ob…")),
        ] {
            assert_eq!(
                lines(category_ticks(
                    &promotions,
                    step,
                    &mono,
                    8.0,
                    false,
                    Lang::Fr
                )),
                [one("EIG 1"), one("EIG 2"), dig],
                "{step} px"
            );
        }
    }

    #[test]
    fn categories_that_are_not_dates_keep_their_labels_and_months_go_by_quarters() {
        let plain = chart(&[("1", "EIG 1"), ("2", "EIG 2")], None);
        assert_eq!(
            texts(&category_ticks(&plain, 100.0, &mono, 8.0, false, Lang::Fr)),
            ["EIG 1", "EIG 2"]
        );
        let since: Vec<(String, String)> =
            (0..=24).map(|m| (m.to_string(), m.to_string())).collect();
        let pairs: Vec<(&str, &str)> = since
            .iter()
            .map(|(k, l)| (k.as_str(), l.as_str()))
            .collect();
        let ticks = category_ticks(&chart(&pairs, None), 10.0, &mono, 8.0, true, Lang::Fr);
        // 20 px needed for a label: a stride of 2 rounds to 2 (months: 1, 2, 3, 6, 12).
        assert_eq!(ticks.len(), 13);
        let ticks = category_ticks(&chart(&pairs, None), 6.0, &mono, 8.0, true, Lang::Fr);
        assert_eq!(texts(&ticks), ["0", "6", "12", "18", "24"]);
    }
}
