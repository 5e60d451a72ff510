//! The EIG Pulse dashboard: Leptos components over the core crate's plain data.
//!
//! Signals live here and only here; the model, the statistics and the drawing are in
//! `eig-pulse-core`. Everything is compiled for `wasm32` only.
#![cfg(target_arch = "wasm32")]

mod app;
mod browser;
pub mod chart_view;
mod dashboard;
mod defi_panel;
mod download;
pub mod embed;
mod filter_bar;
mod i18n;
pub mod key_figures;
pub mod load;
pub mod panic_page;
pub mod scheme;
mod scorecard;
mod states;
mod table_frame;
mod windows;

pub use app::App;
pub use load::{load_export, LoadFailure};
