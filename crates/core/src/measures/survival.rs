//! The Kaplan–Meier estimate of how long défis' code stays alive after their end: a défi whose
//! copies stop is censored there, never counted as dead.

/// The estimate at one month after the end.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SurvivalPoint {
    pub month: u32,
    /// Défis still followed and alive at the start of the month: the denominator.
    pub at_risk: usize,
    /// Défis first seen inactive this month.
    pub deaths: usize,
    /// Défis whose copies stop this month while alive.
    pub censored: usize,
    /// The estimated share still alive.
    pub survival: f64,
}

/// The estimate for months 0 to `months`, from each défi's `(month, died)`; it stops where no
/// défi is followed any more.
pub fn kaplan_meier(times: &[(u32, bool)], months: u32) -> Vec<SurvivalPoint> {
    let mut points = Vec::new();
    let mut survival = 1.0;
    for month in 0..=months {
        let at_risk = times.iter().filter(|(t, _)| *t >= month).count();
        if at_risk == 0 {
            break;
        }
        let deaths = times
            .iter()
            .filter(|&&(t, died)| t == month && died)
            .count();
        let censored = times
            .iter()
            .filter(|&&(t, died)| t == month && !died)
            .count();
        survival *= 1.0 - deaths as f64 / at_risk as f64;
        points.push(SurvivalPoint {
            month,
            at_risk,
            deaths,
            censored,
            survival,
        });
    }
    points
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The textbook case: six subjects, deaths at 1, 3 and 4, censored at 2 and 5, 5 again.
    #[test]
    fn censored_subjects_leave_the_denominator_not_the_estimate() {
        let times = [
            (1, true),
            (2, false),
            (3, true),
            (4, true),
            (5, false),
            (5, false),
        ];
        let points = kaplan_meier(&times, 6);
        let at = |m: usize| (points[m].at_risk, points[m].survival);
        assert_eq!(at(0), (6, 1.0));
        assert_eq!(at(1), (6, 5.0 / 6.0));
        assert_eq!(at(2), (5, 5.0 / 6.0));
        assert_eq!(at(3).0, 4);
        assert!((at(3).1 - 5.0 / 6.0 * 3.0 / 4.0).abs() < 1e-12);
        assert!((at(4).1 - 5.0 / 6.0 * 3.0 / 4.0 * 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(points.len(), 6, "nobody is followed past month 5");
        assert_eq!(kaplan_meier(&[], 6), Vec::new());
        // Dead at the end itself: the curve starts below 1.
        assert_eq!(kaplan_meier(&[(0, true), (3, false)], 3)[0].survival, 0.5);
    }
}
