//! Plain numbers computed from a selection: figures, repository activity, what became of the
//! code, technologies, the openness scorecard, the promotions' windows. Nothing here draws.

pub mod progress;
pub mod promotion_windows;
pub mod repositories;
pub mod technologies;
