//! `units`: points or units from a body's scheme.

use crate::compiled::{bin_struct, count, within};
use crate::ids::BodyId;
use crate::kinds::Kind;
use crate::validate::Fields;

#[derive(Clone, Debug)]
pub struct UnitsRule {
    pub body: BodyId,
    pub count: f64,
    pub within_months: Option<u32>,
    /// Counted when applying for the credential's course, so needed before it.
    pub before_course: bool,
}

impl Kind for UnitsRule {
    const FIELDS: &'static [&'static str] = &["body", "count", "within_years", "before_course"];

    fn check(f: &mut Fields) -> Self {
        let body = f.body();
        let count = match f.c.count {
            Some(n) => f.count("count", n, false),
            None => {
                f.missing("count");
                0.0
            }
        };
        UnitsRule {
            body,
            count,
            within_months: f.window(),
            before_course: f.c.before_course.unwrap_or(false),
        }
    }
}

bin_struct!(UnitsRule {
    body,
    count: count, "a number from 0 to a million",
    within_months: within, "at most 1200 months",
    before_course,
});
