//! ce-roadmap's core: credential rules as data, a visitor's profile, and the
//! evaluation that turns one into a dated roadmap with a reason for every verdict.
//! Nothing here knows of the browser or of the widget; they depend on this crate,
//! never the other way.

#[cfg(feature = "toml")]
pub mod cases;
pub mod evaluate;
pub mod explain;
mod kinds;
pub mod plan;
pub mod profile;
pub mod roadmap;
pub mod rules;
pub mod timeline;

pub use ce_roadmap_rules::{date, ids, json_path, num};
pub use date::Date;
pub use evaluate::{evaluate, evaluate_structured, judge, When};
pub use profile::{Profile, ProfileError, ProfileErrors, Stage};
pub use roadmap::{Roadmap, Status};
pub use rules::{default_rules, RuleSet};
