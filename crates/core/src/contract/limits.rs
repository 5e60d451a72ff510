//! Upper bounds of the contract, far above the programme's size, so that a hostile export cannot
//! make a reader loop, sort or sum for minutes: every list a reader iterates and every number it
//! sums is bounded here, and the published schema states the same bounds (a test keeps them equal).

/// How deep the administration tree may go (ministry → direction → service → …).
pub const MAX_ADMINISTRATION_DEPTH: usize = 16;

pub const MAX_DEFIS: usize = 100_000;
pub const MAX_ADMINISTRATIONS: usize = 100_000;
pub const MAX_JOURNAL_ENTRIES: usize = 1_000_000;
pub const MAX_REPOSITORIES: usize = 100_000;
pub const MAX_SKILLS: usize = 64;
pub const MAX_PROMOTIONS: usize = 64;
pub const MAX_SOURCES: usize = 64;
pub const MAX_TECHNOLOGIES: usize = 100_000;
pub const MAX_STACKS: usize = 100_000;
pub const MAX_OPENNESS_ITEMS: usize = 100_000;
pub const MAX_UNSCANNED: usize = 100_000;
pub const MAX_POSTS: usize = 100_000;
/// People of one repository, and its tags.
pub const MAX_PEOPLE: usize = 100_000;
pub const MAX_TAGS: usize = 100_000;

/// Any list held by one item: a défi's people, links, key figures and issues, an
/// administration's aliases, a promotion's dates, a stack's mentions, a repository's languages,
/// frameworks, CI systems and bots.
pub const MAX_ITEM_LIST: usize = 1_000;

/// The most bytes one language may count in one repository (1 PiB): sums of them stay exact in
/// an `f64` and far from `u64::MAX`.
pub const MAX_LANGUAGE_BYTES: u64 = 1 << 50;
