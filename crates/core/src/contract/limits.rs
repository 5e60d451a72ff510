//! Upper bounds of the contract, far above the programme's size, so that a hostile export cannot
//! make a reader loop for minutes; the schema states the same bounds.

/// How deep the administration tree may go (ministry → direction → service → …).
pub const MAX_ADMINISTRATION_DEPTH: usize = 16;

pub const MAX_DEFIS: usize = 100_000;
pub const MAX_ADMINISTRATIONS: usize = 100_000;
pub const MAX_JOURNAL_ENTRIES: usize = 1_000_000;
pub const MAX_REPOSITORIES: usize = 100_000;
pub const MAX_SKILLS: usize = 64;
pub const MAX_PROMOTIONS: usize = 64;
