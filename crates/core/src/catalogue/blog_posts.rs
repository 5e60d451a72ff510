//! « Billets du blog par promotion »: the programme's posts per month, each counted once under the
//! promotion of the défis it names, with each promotion's défis that no post names.

use super::{
    Category, Chart, ChartId, ChartSpec, OverTime, Reading, RowHeader, Section, Series, SeriesAre,
    OTHER_COLOR,
};
use crate::base::format;
use crate::base::lang::{Lang, Text};
use crate::contract::export::SourceKind;
use crate::measures::posts::{post_subject, untold_defis, PostSubject};
use crate::measures::time_bins::{Period, TimeBins};
use crate::model::cohort::Cohort;
use crate::model::selection::Selection;
use crate::tr;

pub static SPEC: ChartSpec = ChartSpec {
    slug: "blog-posts",
    section: Section::Defis,
    title: Text::fixed("Billets du blog par promotion", "Blog posts per promotion"),
    guide: Text::fixed(
        "Billets publiés sur le blog du programme, par mois, selon la promotion des défis qu'ils nomment ou dont ils citent la page : chaque billet compte une fois, dans « Plusieurs promotions » s'il nomme des défis de plusieurs, dans « Sans défi » s'il n'en nomme aucun. Entre parenthèses, les défis de la promotion qu'aucun billet ne nomme.",
        "Posts published on the programme's blog, per month, by the promotion of the défis they name or whose page they cite: each post counts once, in “Several promotions” when it names défis of several, in “No défi” when it names none. In brackets, the promotion's défis that no post names.",
    ),
    reading: Reading {
        category_header: Text::fixed("Mois", "Month"),
        row_header: RowHeader::Note,
        note_column: None,
        summary_note: None,
        over_time: Some(OverTime {
            items: Text::fixed("billets", "posts"),
            series: SeriesAre::Makers,
        }),
    },
    sources: &[SourceKind::Catalogue, SourceKind::Blog],
    build: |cohort, selection, _, lang| blog_posts(cohort, selection, lang),
};

/// Posts per month (months without posts kept, at zero), stacked by what each is about: one
/// promotion (named with its défis and those no post names), several, or no défi.
pub fn blog_posts(cohort: &Cohort, selection: &Selection, lang: Lang) -> Chart {
    let promotions = &cohort.export.promotions;
    let mut defis = vec![0usize; promotions.len()];
    let mut untold = vec![0usize; promotions.len()];
    for &d in &selection.defis {
        if let Some(p) = cohort.promotion_index(&cohort.export.defis[d].promotion_id) {
            defis[p] += 1;
        }
    }
    for d in untold_defis(cohort, selection) {
        if let Some(p) = cohort.promotion_index(&cohort.export.defis[d].promotion_id) {
            untold[p] += 1;
        }
    }
    let dated: Vec<(time::Date, PostSubject)> = selection
        .posts
        .iter()
        .filter_map(|&p| {
            let day = time::Date::from_julian_day(cohort.post_day(p)?).ok()?;
            Some((day, post_subject(cohort, p)))
        })
        .collect();
    let shown: Vec<usize> = (0..promotions.len())
        .filter(|&p| {
            defis[p] > 0
                || dated
                    .iter()
                    .any(|(_, subject)| *subject == PostSubject::Promotion(p))
        })
        .collect();
    // A promotion keeps its colour whatever the filters leave out (its place in the export),
    // « Plusieurs promotions » the next one.
    let mut series: Vec<Series> = shown
        .iter()
        .map(|&p| {
            let label = tr!(
                lang,
                "{} ({}, {} sans billet)",
                "{} ({}, {} without a post)",
                promotions[p].label,
                format::defis(defis[p], lang),
                untold[p]
            );
            Series::new(promotions[p].id.clone(), label, p)
        })
        .collect();
    let several = series.len();
    series.push(Series::new(
        "plusieurs",
        lang.pick("Plusieurs promotions", "Several promotions"),
        promotions.len(),
    ));
    series.push(Series::new(
        "sans-defi",
        lang.pick("Sans défi", "No défi"),
        OTHER_COLOR,
    ));
    let series_of = |subject: PostSubject| match subject {
        PostSubject::Promotion(p) => shown.iter().position(|&s| s == p).unwrap_or(several),
        PostSubject::Several => several,
        PostSubject::Programme => several + 1,
    };
    let value_label = lang.pick("billets par mois", "posts per month");
    let (Some(first), Some(last)) = (
        dated.iter().map(|d| d.0).min(),
        dated.iter().map(|d| d.0).max(),
    ) else {
        return Chart::new(
            ChartId::BlogPosts,
            Vec::new(),
            series,
            Vec::new(),
            value_label,
        )
        .with_period(Period::Month);
    };
    let months = TimeBins::covering(first, last, Period::Month);
    let mut values = vec![vec![0.0; series.len()]; months.starts.len()];
    for &(day, subject) in &dated {
        if let Some(m) = months.position(Period::Month.start_of(day)) {
            values[m][series_of(subject)] += 1.0;
        }
    }
    let categories = months
        .starts
        .iter()
        .zip(&values)
        .map(|(&start, row)| {
            let posts: f64 = row.iter().sum();
            Category::period(start, format::month_short(start, lang))
                .with_note(format::month_year(start, lang))
                .with_count(posts)
        })
        .collect();
    Chart::new(ChartId::BlogPosts, categories, series, values, value_label)
        .with_period(Period::Month)
}
