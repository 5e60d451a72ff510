//! Keeping the first of a ranking by name and gathering the rest as « autres ».

/// A ranking cut in two: the items named, and the others counted together.
#[derive(Debug, Clone, PartialEq)]
pub struct Top<T> {
    pub named: Vec<T>,
    pub others: Vec<T>,
}

/// The first `n` items named, the rest as others.
pub fn top<T>(mut ranked: Vec<T>, n: usize) -> Top<T> {
    let others = ranked.split_off(n.min(ranked.len()));
    Top {
        named: ranked,
        others,
    }
}

/// At most `n` groups in all: every item named when they fit, else `n - 1` named and the
/// others as the `n`-th group.
pub fn top_within<T>(ranked: Vec<T>, n: usize) -> Top<T> {
    let named = if ranked.len() > n {
        n.saturating_sub(1)
    } else {
        ranked.len()
    };
    top(ranked, named)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rest_gathers_after_the_named() {
        assert_eq!(top(vec![5, 4, 3], 2).others, [3]);
        assert_eq!(top(vec![5], 2).named, [5]);
        assert_eq!(top_within(vec![5, 4, 3], 3).others, Vec::<i32>::new());
        let cut = top_within(vec![5, 4, 3, 2], 3);
        assert_eq!((cut.named, cut.others), (vec![5, 4], vec![3, 2]));
    }
}
