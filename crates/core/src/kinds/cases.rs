//! `cases`: a count of cases of one kind, with sub-counts of others among them;
//! projected at the visitor's yearly rate. A count the body does not publish is never
//! shown as met.

use std::borrow::Cow;

use crate::evaluate::{years, Eval};
use crate::explain::{number, one, Words};
use crate::plan::project::{Own, Proj, Projector};
use crate::roadmap::{Action, BlockerKind, CountUnit, Criterion, SubCount};
use crate::rules::model::{CasesRule, RuleSet};

pub(super) fn evaluate<'a>(ev: &Eval<'a, '_>, r: &'a CasesRule, k: &mut Criterion<'a>) {
    let cases = &ev.p.cases;
    k.unit = Some(CountUnit::Cases);
    k.case_kind = Some(r.case_kind.as_str());
    k.within_years = r.within_months.map(|m| years(m as i64));
    let have = cases.get(r.case_kind.as_str()).copied().unwrap_or(0.0);
    k.have = Some(have);
    k.need = r.count.map(f64::from);
    k.need_unknown = r.count.is_none();
    k.sub_counts = r
        .at_least
        .iter()
        .map(|(kind, n)| {
            let h = cases.get(kind.as_str()).copied().unwrap_or(0.0);
            SubCount {
                case_kind: kind.as_str(),
                have: h,
                need: *n as f64,
                met: h >= *n as f64,
            }
        })
        .collect();
    k.met = r.count.is_some_and(|n| have >= n as f64) && k.sub_counts.iter().all(|s| s.met);
}

pub(super) fn project<'a>(pj: &mut Projector<'_, 'a, '_>, r: &'a CasesRule, _: Own<'a>) -> Proj {
    let Some(count) = r.count else {
        return pj.blocked(
            BlockerKind::CasesUnknown,
            Cow::Borrowed(r.case_kind.as_str()),
        );
    };
    let wanted = std::iter::once((r.case_kind.as_str(), count))
        .chain(r.at_least.iter().map(|(k, n)| (k.as_str(), *n)));
    let mut out = Proj::at(pj.now());
    for (kind, need) in wanted {
        let q = pj.cases(kind, need as f64, r.within_months);
        out.and(q);
    }
    out
}

pub(super) fn step<'a>(k: &Criterion<'a>) -> (Action, Cow<'a, str>) {
    (
        Action::Cases,
        Cow::Borrowed(k.case_kind.unwrap_or_default()),
    )
}

pub(super) fn text(rules: &RuleSet, k: &Criterion, w: &Words) -> (String, String) {
    let (have, need, wja, wen) = (w.have, w.need, &w.wja, &w.wen);
    let (cja, cen) = one(rules, "case_kind", k.case_kind.unwrap_or_default());
    let mut t = if k.need_unknown {
        (
            format!("{cja}（必要数は未公表。認定団体に確認）"),
            format!("{cen} (number not published: check with the body)"),
        )
    } else {
        (
            format!(
                "{cja} {}例以上{wja}（現在 {}例）",
                number(need),
                number(have)
            ),
            format!("{} {cen}{wen} (you have {})", number(need), number(have)),
        )
    };
    for s in &k.sub_counts {
        let (sja, sen) = one(rules, "case_kind", s.case_kind);
        t.0 += &format!(
            "、うち{sja} {}例以上（現在 {}例）",
            number(s.need),
            number(s.have)
        );
        t.1 += &format!(
            ", of which {} {sen} (you have {})",
            number(s.need),
            number(s.have)
        );
    }
    t
}
