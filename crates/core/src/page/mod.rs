//! The dashboard page as data: its fixed words, its key figures as cards, the choices of its
//! filters and the list of its défis — what the interactive page (`src/`) and its static first
//! paint (`eig-pulse page`) both show, so that they say the same. Nothing here draws.

use crate::base::lang::Lang;

/// The défis' list's id, the table of contents' last entry.
pub const DEFI_LIST: &str = "liste-des-defis";

/// The static folder's page in `lang`, each with its own static first paint: the French one is
/// the folder's `index.html`, the English one lies beside it.
pub fn page_file(lang: Lang) -> &'static str {
    lang.pick("index.html", "en.html")
}

/// How one page links to the page in `lang`: relative, the French one by its folder's address.
pub fn page_link(lang: Lang) -> &'static str {
    lang.pick("./", page_file(Lang::En))
}

pub mod parts;
pub mod words;

pub use parts::{
    code_cards, credits, defi_rows, filter_choices, key_cards, Card, Choice, DefiRow, FilterChoices,
};
pub use words::{page_words, PageWords};
