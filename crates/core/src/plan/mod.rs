//! The roadmap as a plan: when each credential can be had at the earliest
//! (`project`), what to do in each fiscal year (`by_year`), and when a held
//! credential is renewed (`renewal`); graduate school as the visitor's choice
//! (`graduate`).

pub mod by_year;
pub(crate) mod graduate;
pub(crate) mod project;
pub mod renewal;
pub(crate) mod routes;

pub use by_year::{by_year, rescoped, Include};
