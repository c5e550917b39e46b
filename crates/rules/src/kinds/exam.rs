//! `exam`: have passed one of these exams (a credential's own, or one from `exams`).

use crate::compiled::{bin_struct, within};
use crate::kinds::Kind;
use crate::model::Requires;
use crate::validate::Fields;

#[derive(Clone, Debug)]
pub struct ExamRule {
    /// Credential ids (their own exam) or ids from the exams list.
    pub any_of: Vec<String>,
    pub within_months: Option<u32>,
}

impl Kind for ExamRule {
    const FIELDS: &'static [&'static str] = &["any_of", "within_years"];

    fn check(f: &mut Fields) -> Self {
        if f.c.any_of.is_none() {
            f.missing("any_of");
        }
        let list = f.c.any_of.clone();
        ExamRule {
            any_of: f.ids("any_of", &list, "exam"),
            within_months: f.window(),
        }
    }

    fn requires<'a>(&'a self, out: &mut Requires<'a>) {
        out.exams(self.any_of.iter().map(String::as_str));
    }
}

bin_struct!(ExamRule {
    any_of,
    within_months: within, "at most 1200 months",
});
