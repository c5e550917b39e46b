//! `exam`: have passed one of these exams (a credential's own, or one from `exams`).

use crate::compiled::{bin_struct, within};
use crate::validate::Fields;

#[derive(Clone, Debug)]
pub struct ExamRule {
    /// Credential ids (their own exam) or ids from the exams list.
    pub any_of: Vec<String>,
    pub within_months: Option<u32>,
}

pub(crate) const FIELDS: &[&str] = &["any_of", "within_years"];

pub(crate) fn check(f: &mut Fields) -> ExamRule {
    if f.c.any_of.is_none() {
        f.missing("any_of");
    }
    let list = f.c.any_of.clone();
    ExamRule {
        any_of: f.ids("any_of", &list, "exam"),
        within_months: f.window(),
    }
}

bin_struct!(ExamRule {
    any_of,
    within_months: within, "at most 1200 months",
});
