//! The dashboard's sections: the filters, the key figures, the table of contents and each
//! section's opening sentence, the promotions' windows, the openness scorecard, the défis' list
//! and a défi's panel, the « Intégrer » dialog.

pub mod defi_panel;
pub mod embed_dialog;
pub mod filter_bar;
pub mod key_figures;
pub mod scorecard;
pub mod story;
pub mod windows;
