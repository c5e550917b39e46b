//! `credential`: hold one (or all) of these credentials, or with `or_passed` have passed
//! its exam.

use crate::compiled::bin_struct;
use crate::error::RuleErrorKind;
use crate::ids::CredentialId;
use crate::kinds::Kind;
use crate::model::Requires;
use crate::validate::Fields;

#[derive(Clone, Debug)]
pub struct CredentialRule {
    pub ids: Vec<CredentialId>,
    pub need_all: bool,
    pub or_passed: bool,
}

impl Kind for CredentialRule {
    const FIELDS: &'static [&'static str] = &["any_of", "all_of", "or_passed"];

    fn check(f: &mut Fields) -> Self {
        let c = f.c;
        let (list, need_all) = match (&c.any_of, &c.all_of) {
            (Some(_), None) => (f.ids("any_of", &c.any_of, "credential"), false),
            (None, Some(_)) => (f.ids("all_of", &c.all_of, "credential"), true),
            (Some(_), Some(_)) => {
                f.err(
                    "all_of",
                    RuleErrorKind::Parse {
                        message: "give either `any_of` or `all_of`, not both".into(),
                    },
                );
                (Vec::new(), true)
            }
            (None, None) => {
                f.missing("all_of");
                (Vec::new(), true)
            }
        };
        CredentialRule {
            ids: list.into_iter().map(CredentialId).collect(),
            need_all,
            or_passed: c.or_passed.unwrap_or(false),
        }
    }

    fn requires<'a>(&'a self, out: &mut Requires<'a>) {
        out.credentials(self.ids.iter().map(|i| i.as_str()));
        // "Hold it, or have passed its exam."
        if self.or_passed {
            out.exams(self.ids.iter().map(|i| i.as_str()));
        }
    }
}

bin_struct!(CredentialRule {
    ids,
    need_all,
    or_passed,
});
