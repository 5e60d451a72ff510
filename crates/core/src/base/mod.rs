//! The ground floor: words in two languages, numbers and dates as people read them, calendar
//! arithmetic, bounded tree climbing, search keys, CSV cells, the URL guard and a blog post's file name. Knows nothing of
//! the export.

pub mod csv;
pub mod date;
pub mod format;
pub mod lang;
pub mod post;
pub mod search;
pub mod tree;
pub mod url;
