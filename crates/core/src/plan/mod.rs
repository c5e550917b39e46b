//! The roadmap as a plan: when each credential can be had at the earliest
//! (`project`), and what to do in each fiscal year (`by_year`).

pub mod by_year;
pub(crate) mod project;

pub use by_year::{by_year, Include};
