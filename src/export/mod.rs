//! The export: where it may come from (`?data=`), its fetch with a timeout and checks, and its
//! loading, failure and foreign-source states as the dashboard and the embed show them.

pub mod load;
pub mod states;
