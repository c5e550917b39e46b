//! `any_of` / `all_of`: a group of conditions, one or all of which are needed.

use crate::error::RuleErrorKind;
use crate::model::Condition;
use crate::validate::Fields;

pub(crate) const FIELDS: &[&str] = &["of"];

pub(crate) fn check(f: &mut Fields) -> Vec<Condition> {
    match &f.c.of {
        Some(list) if !list.is_empty() => f.conditions("of", list),
        Some(_) => {
            f.err("of", RuleErrorKind::Empty { field: "of" });
            Vec::new()
        }
        None => {
            f.missing("of");
            Vec::new()
        }
    }
}
