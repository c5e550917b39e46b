//! `experience`: years of work, in one area or in any.

use crate::compiled::{bin_struct, duration, within};
use crate::error::RuleErrorKind;
use crate::ids::AreaId;
use crate::kinds::Kind;
use crate::validate::Fields;

/// Durations are whole months: profiles allow half-years, the rules whole years.
#[derive(Clone, Debug)]
pub struct ExperienceRule {
    /// `None`: work in any area counts.
    pub area: Option<AreaId>,
    pub months: u32,
    pub within_months: Option<u32>,
    pub still_working: bool,
    /// Required, but the number of years is not published: never dated.
    pub unknown: bool,
    /// Counted when applying for the credential's course, so needed before it.
    pub before_course: bool,
}

impl Kind for ExperienceRule {
    const FIELDS: &'static [&'static str] = &[
        "area",
        "years",
        "years_unknown",
        "within_years",
        "still_working",
        "before_course",
    ];

    fn check(f: &mut Fields) -> Self {
        let c = f.c;
        if let Some(a) = &c.area {
            f.check_ref("area", "area", a.as_str());
        }
        let unknown = c.years_unknown.unwrap_or(false);
        let months = match (c.years, unknown) {
            (Some(y), false) => f.years("years", y),
            (None, true) => 0,
            (Some(_), true) => {
                f.err(
                    "years_unknown",
                    RuleErrorKind::Parse {
                        message: "`years_unknown = true` and `years` contradict each other".into(),
                    },
                );
                0
            }
            (None, false) => {
                f.missing("years");
                0
            }
        };
        let within_months = f.window();
        if let (Some(w), Some(y)) = (c.within_years, c.years) {
            if w < y {
                f.err(
                    "within_years",
                    RuleErrorKind::WindowTooShort {
                        years: y,
                        window: w,
                    },
                );
            }
        }
        ExperienceRule {
            area: c.area.clone(),
            months,
            within_months,
            still_working: c.still_working.unwrap_or(false),
            unknown,
            before_course: c.before_course.unwrap_or(false),
        }
    }
}

bin_struct!(ExperienceRule {
    area,
    months: duration, "at most 1200 months",
    within_months: within, "at most 1200 months",
    still_working,
    unknown,
    before_course,
});
