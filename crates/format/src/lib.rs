//! The vocabulary the rules are written in: dates and fiscal years, typed ids, and
//! the rule file as written (serde types). A crate of its own so that the core's
//! build script can read the default rules with the same types the core uses.

pub mod date;
pub mod file;
pub mod ids;
