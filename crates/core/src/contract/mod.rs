//! What EIG Pulse publishes for others to rely on: the export contract (its types as serialized,
//! its bounds, the texts readers may show, reading an export against its rules) and the messages
//! an embedded chart sends its host page, the snippets a blog writer pastes to embed one, and
//! the versions pinned embeds are kept under.

pub mod clean;
pub mod embed;
pub mod export;
pub mod limits;
pub mod pinned;
pub mod snippet;
pub mod validate;
