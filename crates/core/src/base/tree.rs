//! Walking up a parent chain, the one way: bounded, and saying how it ended. The cohort's
//! chains, the contract's check and the exporter's cycle breaking all climb through here.

/// How a climb ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End<K> {
    /// The last node of the chain has no parent.
    Root,
    /// The next parent is already in the chain; `K` is that node (the start itself when the
    /// start lies on the cycle).
    Cycle(K),
    /// `limit` parents were climbed and there is one more.
    TooDeep,
}

/// The chain from `start` up through `parent`, `start` first, with at most `limit` parents above
/// it, and how the climb ended. Each node appears once.
pub fn climb<K: Copy + PartialEq>(
    start: K,
    limit: usize,
    parent: impl Fn(K) -> Option<K>,
) -> (Vec<K>, End<K>) {
    let mut chain = vec![start];
    let mut current = start;
    loop {
        let Some(next) = parent(current) else {
            return (chain, End::Root);
        };
        if chain.contains(&next) {
            return (chain, End::Cycle(next));
        }
        if chain.len() > limit {
            return (chain, End::TooDeep);
        }
        chain.push(next);
        current = next;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parents as a list: `parents[i]` is `i`'s parent.
    fn up(parents: &[Option<usize>]) -> impl Fn(usize) -> Option<usize> + '_ {
        move |i| parents[i]
    }

    #[test]
    fn climbs_to_the_root_to_a_cycle_or_to_the_limit() {
        // 0 ← 1 ← 2 (a chain), 3 ↔ 4 (a cycle), 5 → 3 (into the cycle).
        let parents = [None, Some(0), Some(1), Some(4), Some(3), Some(3)];
        assert_eq!(climb(2, 16, up(&parents)), (vec![2, 1, 0], End::Root));
        assert_eq!(climb(3, 16, up(&parents)), (vec![3, 4], End::Cycle(3)));
        assert_eq!(climb(5, 16, up(&parents)), (vec![5, 3, 4], End::Cycle(3)));
        assert_eq!(climb(2, 2, up(&parents)), (vec![2, 1, 0], End::Root));
        assert_eq!(climb(2, 1, up(&parents)), (vec![2, 1], End::TooDeep));
        assert_eq!(climb(0, 0, up(&parents)), (vec![0], End::Root));
    }
}
