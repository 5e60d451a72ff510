//! « Défis par administration »: the administrations hosting the most défis, drilling down the tree.

use crate::base::order;
use std::collections::HashMap;

use super::{Category, Chart, ChartId, ChartSpec, Orientation, Reading, Section, Series, Target};
use crate::base::lang::{Lang, Text};
use crate::contract::export::{Administration, SourceKind};
use crate::measures::ranking::top;
use crate::model::cohort::Cohort;
use crate::model::filter::Filters;
use crate::model::selection::Selection;
use crate::tr;

pub static SPEC: ChartSpec = ChartSpec {
    slug: "defis-by-administration",
    section: Section::Defis,
    title: Text::fixed("Défis par administration", "Défis per administration"),
    guide: Text::fixed(
        "Les administrations qui accueillent le plus de défis. Cliquer sur une barre filtre sur cette administration et détaille ses directions.",
        "The administrations hosting the most défis. Click a bar to filter on it and see its directorates.",
    ),
    reading: Reading::by_label(Text::same("Administration")),
    sources: &[SourceKind::Catalogue],
    build: |cohort, selection, filters, lang| {
        defis_by_administration(cohort, selection, filters, TOP_ADMINISTRATIONS, lang)
    },
};

/// How many administrations the chart names before « autres ».
pub const TOP_ADMINISTRATIONS: usize = 12;

/// Défis per administration, biggest first: the `top` largest, then « autres ».
///
/// Without an administration filter, défis count for their top-level administration; with one,
/// for the child of the chosen administration they lie under (or the chosen one itself), so
/// that clicking a bar drills down the tree.
pub fn defis_by_administration(
    cohort: &Cohort,
    selection: &Selection,
    filters: &Filters,
    top_count: usize,
    lang: Lang,
) -> Chart {
    let chosen = filters
        .admin
        .as_deref()
        .and_then(|id| cohort.administration_index(id));
    let mut counts: HashMap<usize, usize> = HashMap::new();
    for &d in &selection.defis {
        let Some(own) = cohort.defi_administration(d) else {
            continue;
        };
        let chain = cohort.ancestors(own);
        let group = match chosen {
            Some(c) => match chain.iter().position(|&a| a == c) {
                Some(0) | None => c,
                Some(k) => chain[k - 1],
            },
            None => *chain.last().unwrap_or(&own),
        };
        *counts.entry(group).or_default() += 1;
    }
    let admins = &cohort.export.administrations;
    let mut rows: Vec<(usize, usize)> = counts.into_iter().collect();
    order::sort_by(&mut rows, |a, b| {
        b.1.cmp(&a.1)
            .then_with(|| admins[a.0].id.cmp(&admins[b.0].id))
    });
    let ranking = top(rows, top_count);
    let rest: usize = ranking.others.iter().map(|r| r.1).sum();
    let others = ranking.others.len();
    let mut categories: Vec<Category> = ranking
        .named
        .iter()
        .map(|&(a, _)| {
            Category::new(admins[a].id.clone(), display_name(&admins[a]))
                .with_target(if Some(a) == chosen {
                    Target::None
                } else {
                    Target::Administration(admins[a].id.clone())
                })
                .with_note(admins[a].name.clone())
        })
        .collect();
    let mut values: Vec<Vec<f64>> = ranking.named.iter().map(|r| vec![r.1 as f64]).collect();
    if rest > 0 {
        categories.push(Category::new(
            "autres",
            tr!(
                lang,
                "Autres ({others} administrations)",
                "Others ({others} administrations)"
            ),
        ));
        values.push(vec![rest as f64]);
    }
    Chart::new(
        ChartId::DefisByAdministration,
        categories,
        vec![Series::new("defis", "Défis", 0)],
        values,
        lang.pick("nombre de défis", "number of défis"),
    )
    .with_orientation(Orientation::Horizontal)
}

/// A short label: the acronym when there is one, else the name.
fn display_name(admin: &Administration) -> String {
    match &admin.acronym {
        Some(acronym) if admin.name.chars().count() > 34 => acronym.clone(),
        _ => admin.name.clone(),
    }
}
