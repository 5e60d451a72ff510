//! The EIG Pulse dashboard: Leptos components over the core crate's plain data.
//!
//! Signals live here and only here; the model, the statistics and the drawing are in
//! `eig-pulse-core`. Everything is compiled for `wasm32` only. The modules stand on floors, each
//! importing only from the floors below it (bottom first): `browser` (the page through
//! `web_sys`), `words` (what components say, as plain data), `context` (language, scheme, fonts),
//! `export` (fetching and its states), `parts` (a chart view, its files, the table frame, the
//! modal dialog), `sections` (the dashboard's parts and dialogs), `views` (the dashboard, one
//! chart alone), `app` (the page around them).
#![cfg(target_arch = "wasm32")]

pub mod app;
pub mod browser;
pub mod context;
pub mod export;
pub mod parts;
pub mod sections;
pub mod views;
pub mod words;

pub use app::App;
