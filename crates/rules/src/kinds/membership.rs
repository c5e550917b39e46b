//! `membership`: years as a member of a body (0: be a member).

use crate::compiled::{bin_struct, duration};
use crate::ids::BodyId;
use crate::kinds::Kind;
use crate::validate::Fields;

#[derive(Clone, Debug)]
pub struct MembershipRule {
    pub body: BodyId,
    pub months: u32,
}

impl Kind for MembershipRule {
    const FIELDS: &'static [&'static str] = &["body", "years"];

    fn check(f: &mut Fields) -> Self {
        let body = f.body();
        let months = match f.c.years {
            Some(y) => f.years("years", y),
            None => {
                f.missing("years");
                0
            }
        };
        MembershipRule { body, months }
    }
}

bin_struct!(MembershipRule {
    body,
    months: duration, "at most 1200 months",
});
