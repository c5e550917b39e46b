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
}

impl Kind for ExperienceRule {
    const FIELDS: &'static [&'static str] = &["area", "years", "within_years", "still_working"];

    fn check(f: &mut Fields) -> Self {
        let c = f.c;
        if let Some(a) = &c.area {
            f.check_ref("area", "area", a.as_str());
        }
        let months = match c.years {
            Some(y) => f.years("years", y),
            None => {
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
        }
    }
}

bin_struct!(ExperienceRule {
    area,
    months: duration, "at most 1200 months",
    within_months: within, "at most 1200 months",
    still_working,
});
