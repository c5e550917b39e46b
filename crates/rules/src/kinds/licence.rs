//! `licence`: one of these national licences.

use crate::compiled::bin_struct;
use crate::ids::LicenceId;
use crate::kinds::Kind;
use crate::validate::Fields;

#[derive(Clone, Debug)]
pub struct LicenceRule {
    pub any_of: Vec<LicenceId>,
}

impl Kind for LicenceRule {
    const FIELDS: &'static [&'static str] = &["any_of"];

    fn check(f: &mut Fields) -> Self {
        if f.c.any_of.is_none() {
            f.missing("any_of");
        }
        let list = f.c.any_of.clone();
        LicenceRule {
            any_of: f
                .ids("any_of", &list, "licence")
                .into_iter()
                .map(LicenceId)
                .collect(),
        }
    }
}

bin_struct!(LicenceRule { any_of });
