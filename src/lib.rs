//! ce-roadmap's core: credential rules as data, a visitor's profile, and the
//! evaluation that turns one into a dated roadmap with a reason for every verdict.
//! Nothing here knows of the browser; the widget and the CLI are thin edges.

pub mod answers;
#[cfg(feature = "toml")]
pub mod cases;
pub mod date;
pub mod evaluate;
pub mod explain;
pub mod focus;
pub mod i18n;
pub mod ids;
pub mod input;
pub mod json_path;
pub mod num;
pub mod plan;
pub mod profile;
pub mod roadmap;
pub mod rules;
pub mod share;
pub mod timeline;

#[cfg(target_arch = "wasm32")]
pub mod web;

pub use date::Date;
pub use evaluate::{evaluate, evaluate_structured, When};
pub use profile::{Profile, ProfileError, ProfileErrors, Stage};
pub use roadmap::{Roadmap, Status};
pub use rules::{default_rules, RuleSet};
