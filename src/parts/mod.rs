//! The pieces pages are built from: one chart on a canvas with its legend, tooltip, keyboard and
//! table, the files it saves, and DSFR's table frame.

pub mod chart_view;
pub mod download;
pub mod table_frame;
