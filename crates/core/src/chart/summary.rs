//! A chart said in words: what is shown, the extremes, the trend — for screen readers
//! (the canvas' `aria-label`) and for anyone who cannot tell the colours apart.

use super::stack::Stack;
use crate::base::order;
use crate::base::{format, lang::Lang};
use crate::catalogue::{Absence, Chart, Layout, OverTime, Period, SeriesAre, Unit};
use crate::tr;

/// The summary of `chart` as drawn (hidden series left out), starting with its title.
pub fn summary(chart: &Chart, hidden: &[bool], lang: Lang) -> String {
    let spec = chart.spec();
    let title = spec.title.get(lang);
    let stack = Stack::new(chart, hidden);
    let visible = &stack.visible;
    if chart.is_empty() || visible.is_empty() {
        let none = lang.pick(
            "Aucune donnée pour ces filtres.",
            "No data for these filters.",
        );
        return format!("{} {none}", ended(title));
    }
    let body = match (&spec.reading.over_time, chart.layout) {
        (Some(reading), _) => over_time(chart, &stack, reading, lang),
        (None, Layout::Normalized) => shares(chart, &stack, lang),
        (None, Layout::Grouped | Layout::Cells) => per_series(chart, visible, lang),
        (None, Layout::Stacked) => ranking(chart, &stack, lang),
        (None, Layout::Lines) => lines(chart, visible, lang),
    };
    let body = match &spec.reading.summary_note {
        Some(note) => format!("{body} {}", note.get(lang)),
        None => body,
    };
    // Each kind of absence named apart: « non documenté » is not « aucune donnée ».
    let mut notes = Vec::new();
    for kind in [Absence::Undocumented, Absence::NotObserved] {
        let names: Vec<&str> = chart
            .categories
            .iter()
            .filter(|c| c.absence == Some(kind))
            .map(|c| c.label.as_str())
            .collect();
        if names.is_empty() {
            continue;
        }
        let heading = match kind {
            Absence::Undocumented => {
                lang.pick("Non documenté (aucun relevé)", "Not documented (no record)")
            }
            Absence::NotObserved => lang.pick(
                "Aucune donnée (aucun défi observé)",
                "No data (no défi observed)",
            ),
        };
        let names = names.join(", ");
        notes.push(tr!(lang, "{heading} : {names}.", "{heading}: {names}."));
    }
    if notes.is_empty() {
        return format!("{} {body}", ended(title));
    }
    let note = notes.join(" ");
    format!("{} {body} {note}", ended(title))
}

/// A title as the summary's first sentence: with a full stop, unless it asks or exclaims
/// (« Qui a repris le code ? », not « … ?. »).
fn ended(title: &str) -> String {
    if title.ends_with(['?', '!', '.']) {
        title.to_string()
    } else {
        format!("{title}.")
    }
}

/// A value as the chart's unit writes it.
fn value_text(chart: &Chart, value: f64, lang: Lang) -> String {
    match chart.unit {
        Unit::Share => format::percent(value, lang),
        Unit::Count => format::number(value, lang),
    }
}

/// The index of the largest value (the first one on ties).
fn largest(values: impl Iterator<Item = f64>) -> Option<(usize, f64)> {
    values.enumerate().fold(None, |best, (i, v)| match best {
        Some((_, b)) if b >= v => best,
        _ => Some((i, v)),
    })
}

/// Stacked bars: the categories ranked by their total.
fn ranking(chart: &Chart, stack: &Stack, lang: Lang) -> String {
    let mut totals: Vec<(usize, f64)> = (0..chart.categories.len())
        .map(|c| (c, stack.totals[c]))
        .filter(|(_, t)| *t > 0.0)
        .collect();
    order::sort_by(&mut totals, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    // Every visible series at zero (a legend click hid the only non-empty one): nothing to rank.
    let Some(&(smallest, smallest_total)) = totals.last() else {
        return lang
            .pick(
                "Aucune valeur pour les séries affichées.",
                "No value for the series shown.",
            )
            .into();
    };
    let sum: f64 = totals.iter().map(|(_, t)| t).sum();
    let named: Vec<String> = totals
        .iter()
        .take(3)
        .map(|&(c, t)| {
            format!(
                "{} ({})",
                chart.categories[c].label,
                value_text(chart, t, lang)
            )
        })
        .collect();
    let visible = &stack.visible;
    let by_series = if visible.len() > 1 {
        let parts: Vec<String> = visible
            .iter()
            .map(|&s| {
                let total: f64 = chart.values.iter().map(|row| row[s]).sum();
                format!(
                    "{} {}",
                    chart.series[s].label,
                    value_text(chart, total, lang)
                )
            })
            .collect();
        format!(
            " {} {}.",
            lang.pick("Par série :", "Per series:"),
            parts.join(", ")
        )
    } else {
        String::new()
    };
    let text = tr!(
        lang,
        "{} au total sur {} barres. En tête : {}. Le plus petit : {} ({}).",
        "{} in total over {} bars. Highest: {}. Lowest: {} ({}).",
        value_text(chart, sum, lang),
        totals.len(),
        named.join(", "),
        chart.categories[smallest].label,
        value_text(chart, smallest_total, lang)
    );
    text + &by_series
}

/// Grouped bars: for each series, its highest and lowest category.
fn per_series(chart: &Chart, visible: &[usize], lang: Lang) -> String {
    let parts: Vec<String> = visible
        .iter()
        .map(|&s| {
            // Cells with no value (nobody observed) take part in no extreme.
            let known = |c: usize| chart.reaches(c, s);
            if !(0..chart.categories.len()).any(known) {
                return tr!(
                    lang,
                    "{} : aucune donnée",
                    "{}: no data",
                    chart.series[s].label
                );
            }
            let value = |c: usize, sign: f64| {
                if known(c) {
                    sign * chart.values[c][s]
                } else {
                    f64::NEG_INFINITY
                }
            };
            let n = chart.categories.len();
            let (high, high_value) = largest((0..n).map(|c| value(c, 1.0))).unwrap_or((0, 0.0));
            let (low, low_value) = largest((0..n).map(|c| value(c, -1.0))).unwrap_or((0, 0.0));
            let total: f64 = chart.values.iter().map(|row| row[s]).sum();
            let extremes = format!(
                "{} {} ({}), {} {} ({})",
                lang.pick("de", "from"),
                value_text(chart, -low_value, lang),
                chart.categories[low].label,
                lang.pick("à", "to"),
                value_text(chart, high_value, lang),
                chart.categories[high].label,
            );
            match chart.unit {
                Unit::Count => tr!(
                    lang,
                    "{} : {} au total, {extremes}",
                    "{}: {} in total, {extremes}",
                    chart.series[s].label,
                    format::number(total, lang),
                ),
                Unit::Share => tr!(
                    lang,
                    "{} : {extremes}",
                    "{}: {extremes}",
                    chart.series[s].label
                ),
            }
        })
        .collect();
    let sep = lang.pick(" ; ", "; ");
    format!("{}.", parts.join(sep))
}

/// 100 % bars: the series with the largest share overall, the bars each series appears in (when
/// one is missing from some), and the bars where the leading series' share is largest, ties named.
fn shares(chart: &Chart, stack: &Stack, lang: Lang) -> String {
    let visible = &stack.visible;
    let bars = chart.categories.len();
    let overall: Vec<f64> = visible
        .iter()
        .map(|&s| chart.values.iter().map(|row| row[s]).sum())
        .collect();
    let all: f64 = overall.iter().sum();
    let (lead, lead_value) = largest(overall.iter().copied()).unwrap_or((0, 0.0));
    let lead_series = &chart.series[visible[lead]].label;
    let overall_share = if all > 0.0 { lead_value / all } else { 0.0 };
    let mut text = tr!(
        lang,
        "{bars} barres. Plus grande part de l'ensemble : {lead_series} ({}).",
        "{bars} bars. Largest share overall: {lead_series} ({}).",
        format::percent(overall_share, lang),
    );
    let appears: Vec<usize> = visible
        .iter()
        .map(|&s| chart.values.iter().filter(|row| row[s] > 0.0).count())
        .collect();
    if appears.iter().any(|&n| n < bars) {
        let parts: Vec<String> = visible
            .iter()
            .zip(&appears)
            .map(|(&s, n)| format!("{} {n}", chart.series[s].label))
            .collect();
        text += &tr!(
            lang,
            " Barres où figure chaque série : {}.",
            " Bars each series appears in: {}.",
            parts.join(", ")
        );
    }
    let share_of = |c: usize| stack.share(c, chart.values[c][visible[lead]]);
    let top = (0..bars).filter_map(share_of).fold(0.0, f64::max);
    let at_top: Vec<&str> = (0..bars)
        .filter(|&c| share_of(c).is_some_and(|v| (v - top).abs() < 1e-9))
        .map(|c| chart.categories[c].label.as_str())
        .collect();
    let named = match at_top.len() {
        n if n <= NAMED_TIES => format::list(&at_top, lang),
        n => tr!(
            lang,
            "{} et {} autres",
            "{} and {} others",
            at_top[..NAMED_TIES].join(", "),
            n - NAMED_TIES
        ),
    };
    text += &tr!(
        lang,
        " Sa part la plus forte : {}, pour {named}.",
        " Its largest share: {}, for {named}.",
        format::percent(top, lang),
    );
    text
}

/// Bars tied at an extreme are named up to this many, then counted.
const NAMED_TIES: usize = 3;

/// Lines: each series' value where the highlighted span ends (the ten months) and at the last
/// category, and which series leads at the end of the span.
fn lines(chart: &Chart, visible: &[usize], lang: Lang) -> String {
    let n = chart.categories.len();
    // The last category each visible series reaches: lines may stop early (a survival curve
    // stops where no défi is followed any more).
    let reach = |s: usize| chart.reach.get(s).map_or(n - 1, |&r| r.min(n - 1));
    let shared = visible.iter().map(|&s| reach(s)).min().unwrap_or(n - 1);
    let at = chart
        .highlights
        .first()
        .map_or(shared, |h| h.to.min(shared));
    let last = visible.iter().map(|&s| reach(s)).max().unwrap_or(n - 1);
    let spread = |c: usize, s: usize| chart.spread.get(c).and_then(|row| row.get(s)).copied();
    let count = |c: usize, s: usize| {
        chart
            .counts
            .as_ref()
            .and_then(|counts| Some((counts.values.get(c)?.get(s)?, &counts.label)))
    };
    let said = |c: usize, s: usize| {
        let value = value_text(chart, chart.values[c][s], lang);
        let value = match count(c, s) {
            Some((k, label)) => format!("{value} ({k} {label})"),
            None => value,
        };
        match spread(c, s) {
            Some((low, high)) => format!(
                "{} {value} ({} {} {} {})",
                chart.series[s].label,
                "quartiles",
                value_text(chart, low, lang),
                lang.pick("à", "to"),
                value_text(chart, high, lang)
            ),
            None => format!("{} {value}", chart.series[s].label),
        }
    };
    let mut ranked: Vec<usize> = visible.to_vec();
    order::sort_by(&mut ranked, |a, b| {
        chart.values[at][*b].total_cmp(&chart.values[at][*a])
    });
    let sep = lang.pick(" ; ", "; ");
    let at_span: Vec<String> = ranked.iter().map(|&s| said(at, s)).collect();
    let at_end: Vec<String> = ranked
        .iter()
        .filter(|&&s| reach(s) >= last)
        .map(|&s| said(last, s))
        .collect();
    let lead = &chart.series[ranked[0]].label;
    tr!(
        lang,
        "{} ; à {} : {}. À {} : {}. En tête à {} : {lead}.",
        "{}; at {}: {}. At {}: {}. Ahead at {}: {lead}.",
        chart.value_label,
        chart.categories[at].label,
        at_span.join(sep),
        chart.categories[last].label,
        at_end.join(sep),
        chart.categories[at].label,
    )
}

/// Counts over time (journal entries, commits): the period, the busiest week or month and its
/// main series, the trend from the first half of the period to the second.
fn over_time(chart: &Chart, stack: &Stack, reading: &OverTime, lang: Lang) -> String {
    let visible = &stack.visible;
    let n = chart.categories.len();
    let entries = |c: usize| chart.categories[c].count.unwrap_or(stack.totals[c]);
    let (busiest, busiest_entries) = largest((0..n).map(entries)).unwrap_or((0, 0.0));
    let (main, main_value) = largest(visible.iter().map(|&s| chart.values[busiest][s]))
        .map(|(i, v)| (visible[i], v))
        .unwrap_or((0, 0.0));
    // The chart says its step: weeks, or months over long spans.
    let monthly = chart.period == Some(Period::Month);
    let when = |c: usize| match chart.categories[c].start {
        Some(d) if monthly => format::month_year(d, lang),
        Some(d) => format::date(d, lang),
        None => chart.categories[c].label.clone(),
    };
    let all: f64 = (0..n).map(entries).sum();
    let half = n / 2;
    let mean = |range: std::ops::Range<usize>| {
        let len = range.len().max(1) as f64;
        range.map(entries).sum::<f64>() / len
    };
    let (early, late) = (mean(0..half), mean(half..n));
    let trend = if n < 4 {
        None
    } else if late > early * 1.15 {
        Some(lang.pick("en hausse", "rising"))
    } else if late < early * 0.85 {
        Some(lang.pick("en baisse", "falling"))
    } else {
        Some(lang.pick("stable", "steady"))
    };
    let series = &chart.series[main].label;
    let count = |x: f64| format::number(x, lang);
    let unit = reading.items.get(lang);
    let (span, step, busiest_word) = if monthly {
        (
            lang.pick("mois", "months"),
            lang.pick("mois", "month"),
            lang.pick("Mois le plus actif", "Busiest month"),
        )
    } else {
        (
            lang.pick("semaines", "weeks"),
            lang.pick("semaine", "week"),
            lang.pick("Semaine la plus active", "Busiest week"),
        )
    };
    let of_which = match reading.series {
        SeriesAre::Kinds => {
            let series = series.to_lowercase();
            tr!(
                lang,
                "dont {} en {series}",
                "{} of them {series}",
                count(main_value)
            )
        }
        SeriesAre::Makers => tr!(
            lang,
            "dont {} pour {series}",
            "{} of them in {series}",
            count(main_value)
        ),
    };
    let range = format::span(&when(0), &when(n - 1), monthly, lang);
    let mut text = tr!(
        lang,
        "{} {unit} sur {n} {span}, {range}. {busiest_word} : {}, {} {unit} {of_which}.",
        "{} {unit} over {n} {span}, {range}. {busiest_word}: {}, {} {unit}, {of_which}.",
        count(all),
        when(busiest),
        count(busiest_entries),
    );
    // A tie is said: « Autant le 16 avril 2018. » (up to three; beyond, how many).
    let tied: Vec<String> = (0..n)
        .filter(|&c| c != busiest && entries(c) == busiest_entries && busiest_entries > 0.0)
        .map(when)
        .collect();
    if (1..=3).contains(&tied.len()) {
        text.push_str(&tr!(
            lang,
            " Autant : {}.",
            " As many: {}.",
            format::list(&tied, lang)
        ));
    } else if tied.len() > 3 {
        text.push_str(&tr!(
            lang,
            " Autant pour {} autres {span}.",
            " As many in {} other {span}.",
            tied.len()
        ));
    }
    if let Some(trend) = trend {
        text.push_str(&tr!(
            lang,
            " Tendance d'une moitié de la période à l'autre : {trend} ({} puis {} {unit} par {step} en moyenne).",
            " Trend from the first half of the period to the second: {trend} ({} then {} {unit} a {step} on average).",
            count(early),
            count(late),
        ));
    }
    text
}
