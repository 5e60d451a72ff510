//! Scales: from data values to pixels, and the ticks of an axis.

/// A linear map from `domain` to `range` (pixels).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Linear {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl Linear {
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Linear {
        Linear { domain, range }
    }

    pub fn map(&self, value: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if d1 == d0 {
            return r0;
        }
        r0 + (value - d0) / (d1 - d0) * (r1 - r0)
    }
}

/// Evenly spaced round tick values covering `[0, max]`: steps of 1, 2 or 5 × 10ⁿ, about `count`
/// of them; whole steps only when `integer`.
pub fn nice_ticks(max: f64, count: usize, integer: bool) -> Vec<f64> {
    if max <= 0.0 || !max.is_finite() {
        return vec![0.0];
    }
    let rough = max / count.max(1) as f64;
    let magnitude = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= rough)
        .unwrap_or(10.0 * magnitude);
    let step = if integer { step.max(1.0) } else { step };
    let steps = (max / step - 1e-9).ceil().max(1.0) as usize;
    (0..=steps)
        .map(|k| (k as f64 * step * 1e9).round() / 1e9)
        .collect()
}

/// Equal bands for `n` categories along `range`, with `padding` (share of a band) between bars.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Band {
    pub n: usize,
    pub range: (f64, f64),
    pub padding: f64,
}

impl Band {
    pub fn step(&self) -> f64 {
        (self.range.1 - self.range.0) / self.n.max(1) as f64
    }

    /// The start and end of the bar of category `i`.
    pub fn bar(&self, i: usize) -> (f64, f64) {
        let step = self.step();
        let start = self.range.0 + step * i as f64;
        let pad = step * self.padding / 2.0;
        (start + pad, start + step - pad)
    }

    /// The centre of category `i`.
    pub fn centre(&self, i: usize) -> f64 {
        self.range.0 + self.step() * (i as f64 + 0.5)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_maps_ends_and_middle() {
        let s = Linear::new((0.0, 10.0), (100.0, 0.0));
        assert_eq!(s.map(0.0), 100.0);
        assert_eq!(s.map(10.0), 0.0);
        assert_eq!(s.map(5.0), 50.0);
    }

    #[test]
    fn ticks_are_round_and_cover_the_max() {
        assert_eq!(
            nice_ticks(9.0, 5, true),
            vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0]
        );
        assert_eq!(
            nice_ticks(85.0, 5, true),
            vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
        );
        assert_eq!(
            nice_ticks(1.0, 5, false),
            vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]
        );
        assert_eq!(nice_ticks(3.0, 5, true), vec![0.0, 1.0, 2.0, 3.0]);
        assert_eq!(nice_ticks(0.0, 5, true), vec![0.0]);
        assert_eq!(nice_ticks(2.0, 5, true), vec![0.0, 1.0, 2.0]);
    }

    #[test]
    fn bands_split_the_range() {
        let b = Band {
            n: 4,
            range: (0.0, 100.0),
            padding: 0.2,
        };
        assert_eq!(b.step(), 25.0);
        assert_eq!(b.bar(1), (27.5, 47.5));
        assert_eq!(b.centre(3), 87.5);
    }
}
