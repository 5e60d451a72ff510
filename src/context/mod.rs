//! What every component reads from the page's context: the language's fixed words (`say`), the
//! colour scheme with the reader's preference, the fonts' arrival, and printing.

pub mod fonts;
pub mod i18n;
pub mod printing;
pub mod scheme;
