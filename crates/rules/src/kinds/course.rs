//! `course`: one of these courses or meetings, unless a held credential or passed exam
//! exempts.

use crate::compiled::{bin_struct, within};
use crate::ids::{CourseId, CredentialId};
use crate::kinds::Kind;
use crate::model::Requires;
use crate::validate::Fields;

#[derive(Clone, Debug)]
pub struct CourseRule {
    pub any_of: Vec<CourseId>,
    pub within_months: Option<u32>,
    pub exempt_if_held: Vec<CredentialId>,
    pub exempt_if_passed: Vec<String>,
}

impl Kind for CourseRule {
    const FIELDS: &'static [&'static str] = &[
        "any_of",
        "within_years",
        "exempt_if_held",
        "exempt_if_passed",
    ];

    fn check(f: &mut Fields) -> Self {
        let c = f.c;
        if c.any_of.is_none() {
            f.missing("any_of");
        }
        let any_of = f
            .ids("any_of", &c.any_of, "course")
            .into_iter()
            .map(CourseId)
            .collect();
        let held: Option<Vec<String>> = c
            .exempt_if_held
            .as_ref()
            .map(|v| v.iter().map(|x| x.0.clone()).collect());
        let exempt_if_held = f
            .ids("exempt_if_held", &held, "credential")
            .into_iter()
            .map(CredentialId)
            .collect();
        let exempt_if_passed = f.ids("exempt_if_passed", &c.exempt_if_passed, "exam");
        CourseRule {
            any_of,
            within_months: f.window(),
            exempt_if_held,
            exempt_if_passed,
        }
    }

    fn requires<'a>(&'a self, out: &mut Requires<'a>) {
        out.credentials(self.exempt_if_held.iter().map(|i| i.as_str()));
        out.exams(self.exempt_if_passed.iter().map(String::as_str));
    }
}

bin_struct!(CourseRule {
    any_of,
    within_months: within, "at most 1200 months",
    exempt_if_held,
    exempt_if_passed,
});
