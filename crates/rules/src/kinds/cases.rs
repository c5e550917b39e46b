//! `cases`: a count of cases of one kind, with sub-counts of others among them; the
//! count may be required but not published.

use crate::compiled::{bin_struct, within};
use crate::error::RuleErrorKind;
use crate::ids::CaseKindId;
use crate::kinds::Kind;
use crate::validate::Fields;

#[derive(Clone, Debug)]
pub struct CasesRule {
    pub case_kind: CaseKindId,
    /// `None`: required, number not published.
    pub count: Option<u32>,
    pub within_months: Option<u32>,
    pub at_least: Vec<(CaseKindId, u32)>,
}

impl Kind for CasesRule {
    const FIELDS: &'static [&'static str] = &[
        "case_kind",
        "count",
        "count_unknown",
        "within_years",
        "at_least",
    ];

    fn check(f: &mut Fields) -> Self {
        let c = f.c;
        let case_kind = c.case_kind.clone().unwrap_or_else(|| {
            f.missing("case_kind");
            CaseKindId::new("")
        });
        if !case_kind.as_str().is_empty() {
            f.check_ref("case_kind", "case kind", case_kind.as_str());
        }
        let unknown = c.count_unknown.unwrap_or(false);
        let count = match (c.count, unknown) {
            (Some(n), false) => Some(f.count("count", n, true) as u32),
            (None, true) => None,
            (Some(_), true) => {
                f.err(
                    "count_unknown",
                    RuleErrorKind::Parse {
                        message: "`count_unknown = true` and a `count` contradict each other".into(),
                    },
                );
                None
            }
            (None, false) => {
                f.missing("count");
                None
            }
        };
        let mut at_least = Vec::new();
        for (j, s) in c.at_least.iter().flatten().enumerate() {
            f.check_ref(
                &format!("at_least[{j}].case_kind"),
                "case kind",
                s.case_kind.as_str(),
            );
            let n = f.count(&format!("at_least[{j}].count"), s.count, true) as u32;
            if count.is_some_and(|total| n > total) {
                f.err(
                    &format!("at_least[{j}].count"),
                    RuleErrorKind::BadNumber {
                        value: s.count,
                        expected: "a sub-count no larger than the total count",
                    },
                );
            }
            at_least.push((s.case_kind.clone(), n));
        }
        CasesRule {
            case_kind,
            count,
            within_months: f.window(),
            at_least,
        }
    }
}

bin_struct!(CasesRule {
    case_kind,
    count: |c: &Option<u32>| c.is_none_or(|c| c <= 1_000_000), "at most a million",
    within_months: within, "at most 1200 months",
    at_least,
});
