//! « Répartition des tâches par défi »: each défi's journal entries by category, as shares.

use crate::base::order;
use std::collections::HashMap;

use super::categories::{entry_series, journal_series};
use super::{
    Category, Chart, ChartId, ChartSpec, Layout, Orientation, Reading, Section, Target, Unit,
};
use crate::base::format;
use crate::base::lang::{Lang, Text};
use crate::contract::export::SourceKind;
use crate::model::cohort::Cohort;
use crate::model::selection::Selection;
use crate::tr;

pub static SPEC: ChartSpec = ChartSpec {
    slug: "journal-mix-by-defi",
    section: Section::Journal,
    title: Text::fixed("Répartition des tâches par défi", "Task mix per défi"),
    guide: Text::fixed(
        "Part de chaque catégorie dans le journal des 25 défis les plus actifs au plus : qui produit, qui s'installe ou apprend encore. Cliquer ouvre le défi.",
        "Share of each category in the journal of the 25 most active défis at most: who is producing, who is still setting up or learning. Click to open the défi.",
    ),
    reading: Reading::by_label(Text::same("Défi")),
    sources: &[SourceKind::Catalogue, SourceKind::Journal],
    build: |cohort, selection, _, lang| journal_mix_by_defi(cohort, selection, lang),
};

/// How many défis the task-mix chart shows at most: the most active ones.
pub const MOST_ACTIVE_DEFIS: usize = 25;

/// Each défi's journal entries by category, as shares (100 % bars), for the
/// [`MOST_ACTIVE_DEFIS`] défis with the most entries; the largest share of production first.
pub fn journal_mix_by_defi(cohort: &Cohort, selection: &Selection, lang: Lang) -> Chart {
    let series = journal_series(cohort, lang);
    // Per défi: entries per category (an entry counts in each of its categories), and entries.
    let mut per_defi: HashMap<usize, (Vec<f64>, usize)> = HashMap::new();
    for &e in &selection.journal {
        let Some(d) = cohort.journal_defi(e) else {
            continue;
        };
        let (row, entries) = per_defi
            .entry(d)
            .or_insert_with(|| (vec![0.0; series.len()], 0));
        *entries += 1;
        for s in entry_series(cohort, e, series.len()) {
            row[s] += 1.0;
        }
    }
    let production = series.iter().position(|s| s.key == "P").unwrap_or(0);
    let share = |row: &Vec<f64>| row[production] / row.iter().sum::<f64>().max(1.0);
    let mut rows: Vec<(usize, (Vec<f64>, usize))> = per_defi.into_iter().collect();
    // The most active défis only, so that the chart stays readable on a large cohort.
    order::sort_by(&mut rows, |a, b| {
        b.1 .1.cmp(&a.1 .1).then_with(|| a.0.cmp(&b.0))
    });
    rows.truncate(MOST_ACTIVE_DEFIS);
    order::sort_by(&mut rows, |a, b| {
        share(&b.1 .0)
            .total_cmp(&share(&a.1 .0))
            .then_with(|| a.0.cmp(&b.0))
    });
    let defis = &cohort.export.defis;
    Chart::new(
        ChartId::JournalMixByDefi,
        rows.iter()
            .map(|(d, (_, entries))| {
                Category::new(defis[*d].id.clone(), cohort.defi_label(*d).to_string())
                    .with_target(Target::Defi(defis[*d].id.clone()))
                    .with_note(tr!(
                        lang,
                        "{} entrées",
                        "{} entries",
                        format::count(*entries as u64, lang)
                    ))
                    .with_count(*entries as f64)
            })
            .collect(),
        series,
        rows.into_iter().map(|(_, (row, _))| row).collect(),
        lang.pick("part des entrées du journal", "share of journal entries"),
    )
    .with_layout(Layout::Normalized)
    .with_orientation(Orientation::Horizontal)
    .with_unit(Unit::Share)
}
