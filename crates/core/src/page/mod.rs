//! The dashboard page as data: its fixed words, its key figures as cards, the choices of its
//! filters and the list of its défis — what the interactive page (`src/`) and its static first
//! paint (`eig-pulse page`) both show, so that they say the same. Nothing here draws.

/// The défis' list's id, the table of contents' last entry.
pub const DEFI_LIST: &str = "liste-des-defis";

pub mod parts;
pub mod words;

pub use parts::{
    credits, defi_rows, filter_choices, key_cards, Card, Choice, DefiRow, FilterChoices,
};
pub use words::{page_words, PageWords};
