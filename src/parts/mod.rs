//! The pieces pages are built from: one chart on a canvas with its legend, tooltip, keyboard and
//! table, the files it saves, DSFR's table frame, and the browser's modal dialog.

pub mod chart_view;
pub mod download;
pub mod modal;
pub mod table_frame;
