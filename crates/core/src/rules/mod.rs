//! The credential rules as data: the file format, loading, validation and the
//! checked model the evaluator reads.

pub mod error;
pub use ce_roadmap_format::file;
pub mod load;
mod locate;
pub mod model;
mod validate;

pub use error::{RuleError, RuleErrorKind, RuleErrors};
pub use file::{ConditionKind, RuleFile, Text, Tier};
pub use load::{default_rules, load, parse, Format, DEFAULT_RULES, DEFAULT_RULES_SHA256};
pub use model::{Condition, Credential, Rule, RuleSet};
