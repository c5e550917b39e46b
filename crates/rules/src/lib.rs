//! The credential rules as data: the file format, loading and validation, the
//! checked model the evaluator reads, and its compiled (binary) form. A crate of
//! its own so that the core's build script can check and compile the default
//! rules with the same code, and so that the browser's rule compiler module
//! (`crates/compiler`) carries this crate and nothing of the evaluator.

pub mod compiled;
pub mod error;
pub use ce_roadmap_format::{date, file, ids};
pub mod json_path;
pub mod kinds;
pub mod load;
#[cfg(feature = "toml")]
mod locate;
pub mod model;
pub mod num;
pub mod objects_only;
pub mod rule_json;
pub mod strict;
mod validate;

pub use error::{RuleError, RuleErrorKind, RuleErrors};
pub use file::{ConditionKind, RuleFile, Text, Tier};
pub use load::{load, parse, Format};
pub use model::{Condition, Credential, Rule, RuleSet};
