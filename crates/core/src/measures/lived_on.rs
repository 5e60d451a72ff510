//! Did each promotion's code live on after the programme, and who carried it: défis alive at each
//! horizon among those observed, the survival estimate, the promotions' cumulative commits since
//! their start (each curve on a fixed set of défis), the handover after the end, the medians the
//! headline figures show. Numbers only, all through `code_life` and `definitions`.

use super::code_life::{defi_codes, DefiCode, Handover, Status};
use super::definitions::{COHORT_MONTHS, HORIZONS, SURVIVAL_MONTHS};
use super::survival::{kaplan_meier, SurvivalPoint};
use crate::base::date::add_months;
use crate::base::order;
use crate::model::cohort::Cohort;
use crate::model::selection::Selection;

/// At one horizon: the défis alive among those observed, out of those with code.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HorizonCount {
    pub alive: usize,
    pub observed: usize,
    /// Défis with code and a known window: the observed ones, and those whose copies stop sooner.
    pub with_code: usize,
}

impl HorizonCount {
    /// The share alive among the observed; `None` when none is observed (« aucune donnée »).
    pub fn share(self) -> Option<f64> {
        (self.observed > 0).then(|| self.alive as f64 / self.observed as f64)
    }
}

/// The promotion (index in the export) of a défi.
fn promotion_index(cohort: &Cohort, defi: usize) -> Option<usize> {
    let id = &cohort.export.defis.get(defi)?.promotion_id;
    cohort.export.promotions.iter().position(|p| &p.id == id)
}

/// Per promotion (the export's order), per horizon of [`HORIZONS`]: défis alive, observed, with code.
pub fn horizon_counts(cohort: &Cohort, selection: &Selection) -> Vec<[HorizonCount; 3]> {
    let mut counts =
        vec![[HorizonCount::default(); HORIZONS.len()]; cohort.export.promotions.len()];
    for code in defi_codes(cohort, selection) {
        let Some(p) = promotion_index(cohort, code.defi) else {
            continue;
        };
        if !code.holds_code() || code.window.is_none() {
            continue;
        }
        for (h, months) in HORIZONS.iter().enumerate() {
            let count = &mut counts[p][h];
            count.with_code += 1;
            match code.status_after(*months) {
                Status::Alive => {
                    count.alive += 1;
                    count.observed += 1;
                }
                Status::Inactive => count.observed += 1,
                Status::NotObserved => {}
            }
        }
    }
    counts
}

/// One promotion's survival estimate.
#[derive(Debug, Clone, PartialEq)]
pub struct PromotionSurvival {
    /// The promotion's index in the export.
    pub promotion: usize,
    /// Défis with code whose copies reach their end: those the estimate starts from.
    pub defis: usize,
    pub points: Vec<SurvivalPoint>,
}

/// The survival estimate of each promotion with défis to follow, in the export's order.
pub fn survival_by_promotion(cohort: &Cohort, selection: &Selection) -> Vec<PromotionSurvival> {
    let mut times: Vec<Vec<(u32, bool)>> = vec![Vec::new(); cohort.export.promotions.len()];
    for code in defi_codes(cohort, selection) {
        if !code.holds_code() {
            continue;
        }
        if let (Some(p), Some(time)) = (
            promotion_index(cohort, code.defi),
            code.survival_time(SURVIVAL_MONTHS),
        ) {
            times[p].push(time);
        }
    }
    times
        .iter()
        .enumerate()
        .filter(|(_, t)| !t.is_empty())
        .map(|(promotion, t)| PromotionSurvival {
            promotion,
            defis: t.len(),
            points: kaplan_meier(t, SURVIVAL_MONTHS),
        })
        .collect()
}

/// One promotion's défis aligned on its start: for months 0 to [`COHORT_MONTHS`], each défi's
/// cumulative human commits since the start, sorted; the same défis at every month.
#[derive(Debug, Clone, PartialEq)]
pub struct CohortCurve {
    /// The promotion's index in the export.
    pub promotion: usize,
    /// Défis with code whose copies reach the curve's last month: the curve's fixed set.
    pub defis: usize,
    /// Défis with code whose copies stop before: left out, and said.
    pub left_out: usize,
    /// `months[m]`: the sorted cumulative human commits at month `m`.
    pub months: Vec<Vec<f64>>,
}

/// The curves of the promotions with défis to draw, in the export's order.
pub fn cohort_curves(cohort: &Cohort, selection: &Selection) -> Vec<CohortCurve> {
    let mut curves: Vec<CohortCurve> = cohort
        .export
        .promotions
        .iter()
        .enumerate()
        .map(|(promotion, _)| CohortCurve {
            promotion,
            defis: 0,
            left_out: 0,
            months: vec![Vec::new(); COHORT_MONTHS as usize + 1],
        })
        .collect();
    for code in defi_codes(cohort, selection) {
        let (Some(p), Some(window)) = (promotion_index(cohort, code.defi), code.window) else {
            continue;
        };
        if !code.holds_code() {
            continue;
        }
        let reaches =
            add_months(window.start, COHORT_MONTHS).is_some_and(|at| code.observed_at(at));
        if !reaches {
            curves[p].left_out += 1;
            continue;
        }
        curves[p].defis += 1;
        for month in 0..=COHORT_MONTHS {
            if let Some(at) = add_months(window.start, month) {
                curves[p].months[month as usize].push(code.human_between(window.start, at) as f64);
            }
        }
    }
    for curve in &mut curves {
        for values in &mut curve.months {
            order::sort_by(values, f64::total_cmp);
        }
    }
    curves.retain(|c| c.defis + c.left_out > 0);
    curves
}

/// One défi's handover, for the chart and the tables.
#[derive(Debug, Clone, PartialEq)]
pub struct DefiHandover {
    pub defi: usize,
    pub handover: Handover,
}

/// The handover of each selected défi with code and people told apart, in selection order.
pub fn handovers(cohort: &Cohort, selection: &Selection) -> Vec<DefiHandover> {
    defi_codes(cohort, selection)
        .iter()
        .filter(|code| code.holds_code())
        .filter_map(|code| {
            Some(DefiHandover {
                defi: code.defi,
                handover: code.handover()?,
            })
        })
        .collect()
}

/// The `q`-quantile (0 to 1) of sorted values, interpolated between neighbours.
pub fn quantile(sorted: &[f64], q: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let position = q.clamp(0.0, 1.0) * last as f64;
    let (low, high) = (position.floor() as usize, position.ceil() as usize);
    let weight = position - low as f64;
    Some(sorted[low] * (1.0 - weight) + sorted[high] * weight)
}

/// The median of values in any order.
pub fn median(mut values: Vec<f64>) -> Option<f64> {
    order::sort_by(&mut values, f64::total_cmp);
    quantile(&values, 0.5)
}

/// The selection's code after the programme, as headline figures: medians of per-défi measures
/// and counts with their denominators.
#[derive(Debug, Clone, PartialEq)]
pub struct LivedOn {
    /// Selected défis with at least one repository holding code.
    pub defis_with_code: usize,
    /// Selected défis.
    pub defis: usize,
    /// Median of the défis' human commits during their windows.
    pub median_commits_during: Option<f64>,
    /// Median of the défis' active months in the 12 months after their end, among those observed
    /// 12 months after it.
    pub median_active_months: Option<f64>,
    /// Alive at their copies' date, among those with code.
    pub alive_at_copy: HorizonCount,
    /// Alive 12 months after their end, among those observed then.
    pub alive_at_12: HorizonCount,
    /// Défis with commits after their end made by newcomers, among those with people told apart
    /// and copies past their end.
    pub taken_over: usize,
    /// Défis with human commits after their end, by anyone, among those with people told apart
    /// and copies past their end: the bars of « Qui a repris le code ? ».
    pub with_commits_after: usize,
    pub with_people: usize,
    /// The oldest and newest copy the figures rest on.
    pub copies: Option<(time::Date, time::Date)>,
}

pub fn lived_on(cohort: &Cohort, selection: &Selection) -> LivedOn {
    let codes: Vec<DefiCode> = defi_codes(cohort, selection)
        .into_iter()
        .filter(DefiCode::holds_code)
        .collect();
    let twelve = |code: &DefiCode| {
        code.window
            .and_then(|w| add_months(w.end, 12))
            .is_some_and(|at| code.observed_at(at))
    };
    let mut alive_at_copy = HorizonCount::default();
    let mut alive_at_12 = HorizonCount::default();
    for code in &codes {
        alive_at_copy.with_code += 1;
        match code.status_at_copy() {
            Status::Alive => {
                alive_at_copy.alive += 1;
                alive_at_copy.observed += 1;
            }
            Status::Inactive => alive_at_copy.observed += 1,
            Status::NotObserved => {}
        }
        if code.window.is_some() {
            alive_at_12.with_code += 1;
            match code.status_after(12) {
                Status::Alive => {
                    alive_at_12.alive += 1;
                    alive_at_12.observed += 1;
                }
                Status::Inactive => alive_at_12.observed += 1,
                Status::NotObserved => {}
            }
        }
    }
    let handovers: Vec<Handover> = codes.iter().filter_map(DefiCode::handover).collect();
    let copies = codes.iter().flat_map(|c| c.copies.iter().copied());
    LivedOn {
        defis_with_code: codes.len(),
        defis: selection.defis.len(),
        median_commits_during: median(
            codes
                .iter()
                .filter_map(|c| c.human_during().map(|n| n as f64))
                .collect(),
        ),
        median_active_months: median(
            codes
                .iter()
                .filter(|c| twelve(c))
                .filter_map(|c| c.active_months_after(12).map(|n| n as f64))
                .collect(),
        ),
        alive_at_copy,
        alive_at_12,
        taken_over: handovers.iter().filter(|h| h.newcomers_after > 0).count(),
        with_commits_after: handovers.iter().filter(|h| h.after() > 0).count(),
        with_people: handovers.len(),
        copies: copies.clone().min().zip(copies.max()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_interpolate() {
        assert_eq!(quantile(&[], 0.5), None);
        assert_eq!(quantile(&[4.0], 0.25), Some(4.0));
        assert_eq!(quantile(&[1.0, 2.0, 3.0, 4.0], 0.5), Some(2.5));
        assert_eq!(quantile(&[1.0, 2.0, 3.0, 4.0, 5.0], 0.25), Some(2.0));
        assert_eq!(quantile(&[0.0, 10.0], 0.75), Some(7.5));
        assert_eq!(median(vec![3.0, 1.0, 2.0]), Some(2.0));
    }
}
