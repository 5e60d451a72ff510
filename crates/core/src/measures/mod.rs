//! Plain numbers computed from a selection: the headline figures, the repositories' activity,
//! what became of the code, technologies, the openness scorecard, the promotions' windows in
//! words, the blog's posts, the sentence each part of the page opens with; and the transforms
//! several charts share (ranking with « autres », time bins).
//! Nothing here draws or knows a chart.

pub mod activity;
pub mod code_life;
pub mod definitions;
pub mod figures;
pub mod key_figures;
pub mod lived_on;
pub mod posts;
pub mod promotion_windows;
pub mod ranking;
pub mod scorecard;
pub mod story;
pub mod survival;
pub mod technologies;
pub mod time_bins;
