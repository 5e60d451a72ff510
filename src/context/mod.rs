//! What every component reads from the page's context: the language's fixed words (`say`), the
//! colour scheme with the reader's preference, and the fonts' arrival.

pub mod fonts;
pub mod i18n;
pub mod scheme;
