//! « Qui a repris le code ? »: for each défi with human commits after its end, how they split
//! between its founding team and the people who came after, with the months until the last
//! founder's commit.

use super::{
    Category, Chart, ChartId, ChartSpec, Layout, Orientation, Reading, RowHeader, Section, Series,
    Target, Unit,
};
use crate::base::format;
use crate::base::lang::{Lang, Text};
use crate::base::order;
use crate::contract::export::SourceKind;
use crate::measures::lived_on::handovers;
use crate::model::cohort::Cohort;
use crate::model::selection::Selection;
use crate::tr;

pub static SPEC: ChartSpec = ChartSpec {
    slug: "code-handover",
    section: Section::CodeAfter,
    title: Text::fixed("Qui a repris le code ?", "Who took the code over?"),
    guide: Text::fixed(
        "Pour chaque défi au code analysé qui a des commits humains après sa fin, leur part : ceux de l'équipe fondatrice (les personnes qui ont fait un commit pendant le défi), ceux des nouvelles personnes (premier commit après la fin) et, s'il y en a, ceux de contributeurs plus anciens. Les personnes sont comptées par dépôt, sans nom. Cliquer ouvre le défi.",
        "For each défi with scanned code that has human commits after its end, their shares: the founding team's (the people who made a commit during the défi), the newcomers' (first commit after the end) and, if any, earlier contributors'. People are counted per repository, without names. Click to open the défi.",
    ),
    reading: Reading {
        category_header: Text::same("Défi"),
        row_header: RowHeader::Label,
        note_column: Some(Text::fixed("Personnes et délai", "People and time")),
        summary_note: None,
        over_time: None,
    },
    sources: &[SourceKind::Catalogue, SourceKind::Blog, SourceKind::Repositories],
    build: |cohort, selection, _, lang| code_handover(cohort, selection, lang),
};

/// How many défis the chart shows at most: those with the most commits after their end.
pub const MOST_HANDED_OVER: usize = 25;

/// The défis with human commits after their end, most first, their commits split by who made them.
pub fn code_handover(cohort: &Cohort, selection: &Selection, lang: Lang) -> Chart {
    let mut rows: Vec<_> = handovers(cohort, selection)
        .into_iter()
        .filter(|h| h.handover.after() > 0)
        .collect();
    order::sort_by(&mut rows, |a, b| {
        b.handover
            .after()
            .cmp(&a.handover.after())
            .then_with(|| a.defi.cmp(&b.defi))
    });
    rows.truncate(MOST_HANDED_OVER);
    let defis = &cohort.export.defis;
    let categories = rows
        .iter()
        .map(|row| {
            let defi = &defis[row.defi];
            let h = row.handover;
            let last = match h.last_founder_months {
                Some(months) => tr!(
                    lang,
                    "dernier commit de l'équipe fondatrice {} après la fin",
                    "the founding team's last commit {} after the end",
                    format::months(months, lang)
                ),
                None => lang
                    .pick(
                        "aucun commit de l'équipe fondatrice après la fin",
                        "no commit of the founding team after the end",
                    )
                    .to_string(),
            };
            Category::new(defi.id.clone(), cohort.defi_label(row.defi).to_string())
                .with_target(Target::Defi(defi.id.clone()))
                .with_note(tr!(
                    lang,
                    "{} après la fin ; {} ; {last}",
                    "{} after the end; {}; {last}",
                    format::commits(h.after(), lang),
                    match h.newcomers {
                        0 => lang
                            .pick("aucune nouvelle personne", "no newcomer")
                            .to_string(),
                        n => tr!(
                            lang,
                            "repris par {}",
                            "taken over by {}",
                            format::newcomers(n, lang)
                        ),
                    }
                ))
        })
        .collect();
    // Earlier contributors' commits after the end are rare: their series is drawn, listed in the
    // legend and the table only when a défi shown has some (a legend entry drawn nowhere misleads).
    let with_earlier = rows.iter().any(|row| row.handover.earlier_after > 0);
    let values = rows
        .iter()
        .map(|row| {
            let h = row.handover;
            let mut cells = vec![h.founders_after as f64, h.newcomers_after as f64];
            if with_earlier {
                cells.push(h.earlier_after as f64);
            }
            cells
        })
        .collect();
    let mut series = vec![
        Series::new(
            "founders",
            lang.pick("Équipe fondatrice", "Founding team"),
            0,
        ),
        Series::new(
            "newcomers",
            lang.pick("Nouvelles personnes", "Newcomers"),
            1,
        ),
    ];
    if with_earlier {
        series.push(Series::new(
            "earlier",
            lang.pick("Contributeurs plus anciens", "Earlier contributors"),
            2,
        ));
    }
    Chart::new(
        ChartId::CodeHandover,
        categories,
        series,
        values,
        lang.pick(
            "part des commits humains après la fin",
            "share of the human commits after the end",
        ),
    )
    .with_layout(Layout::Normalized)
    .with_orientation(Orientation::Horizontal)
    .with_unit(Unit::Share)
}
