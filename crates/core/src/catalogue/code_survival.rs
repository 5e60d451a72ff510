//! « Le code vit-il encore ? »: per promotion, the share of défis whose code is still alive month
//! by month after their end — a Kaplan–Meier estimate censored at each copy's date —, as steps,
//! with the number of défis still followed under each point.

use super::categories::promotion_series;
use super::{
    Category, Chart, ChartId, ChartSpec, Layout, PointCounts, Reading, RowHeader, Section, Series,
    Unit,
};
use crate::base::format;
use crate::base::lang::{Lang, Text};
use crate::contract::export::SourceKind;
use crate::measures::definitions::SURVIVAL_MONTHS;
use crate::measures::lived_on::survival_by_promotion;
use crate::model::cohort::Cohort;
use crate::model::selection::Selection;
use crate::tr;

pub static SPEC: ChartSpec = ChartSpec {
    slug: "code-survival",
    section: Section::CodeAfter,
    title: Text::fixed("Le code vit-il encore ?", "Is the code still alive?"),
    guide: Text::fixed(
        "Part des défis dont le code est resté vivant sans interruption depuis la fin du défi (vivant : au moins 2 mois avec un commit humain dans les 6 mois précédents), mois après mois, par promotion : un défi sort de la courbe au premier mois où il n'est plus vivant, même s'il reprend ensuite, et un défi inactif dès sa fin s'éteint au mois 0 ; c'est pourquoi « Vivants après la fin » peut donner davantage au même mois. Estimation de Kaplan–Meier : un défi dont la copie du dépôt s'arrête sort du compte sans être compté éteint. Sous chaque point, le nombre de défis encore suivis.",
        "Share of défis whose code stayed alive without a break since the défi's end (alive: at least 2 months with a human commit in the 6 before), month by month, per promotion: a défi leaves the curve the first month it is no longer alive, even if it resumes later, and one inactive at its end dies at month 0; this is why \"Alive after the end\" can give more at the same month. A Kaplan–Meier estimate: a défi whose repository copy stops leaves the count without being counted dead. Under each point, the number of défis still followed.",
    ),
    reading: Reading {
        category_header: Text::fixed("Depuis la fin", "Since the end"),
        row_header: RowHeader::Label,
        note_column: None,
        summary_note: Some(Text::fixed("Un défi dont la copie du dépôt s'arrête n'est plus suivi : il n'est jamais compté éteint.", "A défi whose repository copy stops is no longer followed: it is never counted dead.")),
        over_time: None,
    },
    sources: &[SourceKind::Catalogue, SourceKind::Blog, SourceKind::Repositories],
    build: |cohort, selection, _, lang| code_survival(cohort, selection, lang),
};

/// Per promotion with défis to follow, the survival estimate for months 0 to [`SURVIVAL_MONTHS`].
pub fn code_survival(cohort: &Cohort, selection: &Selection, lang: Lang) -> Chart {
    let curves = survival_by_promotion(cohort, selection);
    let promotions = &cohort.export.promotions;
    let months = SURVIVAL_MONTHS as usize + 1;
    let series: Vec<Series> = curves
        .iter()
        .map(|curve| {
            // A promotion keeps its colour whatever the filters leave out.
            let promotion = curve.promotion;
            promotion_series(&promotions[promotion], curve.defis, promotion, lang)
        })
        .collect();
    let mut values = vec![vec![0.0; series.len()]; months];
    let mut at_risk = vec![vec![0; series.len()]; months];
    for (s, curve) in curves.iter().enumerate() {
        for point in &curve.points {
            values[point.month as usize][s] = point.survival;
            at_risk[point.month as usize][s] = point.at_risk;
        }
    }
    let reach = curves
        .iter()
        .map(|curve| curve.points.last().map_or(0, |p| p.month as usize))
        .collect();
    let followed: Vec<usize> = (0..months).map(|m| at_risk[m].iter().sum()).collect();
    Chart::new(
        ChartId::CodeSurvival,
        (0..months)
            .map(|m| {
                let month = m as u32;
                Category::new(m.to_string(), format::months(month, lang)).with_note(tr!(
                    lang,
                    "{} après la fin ; {} défis encore suivis",
                    "{} after the end; {} défis still followed",
                    format::months(month, lang),
                    followed[m]
                ))
            })
            .collect(),
        series,
        values,
        lang.pick(
            "part des défis au code vivant sans interruption depuis la fin",
            "share of défis whose code stayed alive without a break since the end",
        ),
    )
    .with_layout(Layout::Lines)
    .with_unit(Unit::Share)
    .with_steps()
    .with_reach(reach)
    .with_counts(PointCounts {
        label: lang.pick("suivis", "followed").to_string(),
        key: "at_risk",
        values: at_risk,
    })
}
