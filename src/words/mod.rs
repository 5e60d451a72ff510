//! Words as plain data: pure functions from the cohort to what a component says (no signal, no
//! component), so that components only render.

pub mod defi_sheet;
