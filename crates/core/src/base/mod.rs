//! The ground floor: words in two languages, numbers and dates as people read them, calendar
//! arithmetic, bounded tree climbing, search keys, CSV cells, the URL guard, a blog post's file
//! name and the one sort. Knows nothing of the export.

pub mod csv;
pub mod date;
pub mod format;
pub mod lang;
pub mod order;
pub mod post;
pub mod search;
pub mod tree;
pub mod url;
