//! `units`: points or units from a body's scheme, assumed earned by the date needed.

use std::borrow::Cow;

use crate::evaluate::{years, Eval};
use crate::explain::{body, number, unit, Words};
use crate::plan::project::{By, Own, Pending, Proj, Projector};
use crate::roadmap::{Action, AssumptionKind as Assume, CountUnit, Criterion};
use crate::rules::model::{RuleSet, UnitsRule};

pub(super) fn evaluate<'a>(ev: &Eval<'a, '_>, r: &'a UnitsRule, k: &mut Criterion<'a>) {
    k.unit = Some(CountUnit::Units);
    k.body = Some(r.body.as_str());
    k.within_years = r.within_months.map(|m| years(m as i64));
    let have = ev.p.units.get(r.body.as_str()).copied().unwrap_or(0.0);
    k.have = Some(have);
    k.need = Some(r.count);
    k.met = have >= r.count;
}

pub(super) fn project<'a>(pj: &mut Projector<'_, 'a, '_>, r: &'a UnitsRule, _: Own<'a>) -> Proj {
    let now = pj.now();
    let have = pj.ev.p.units.get(r.body.as_str()).copied().unwrap_or(0.0);
    if have >= r.count {
        return Proj::at(now);
    }
    pj.step(
        Proj::at(now).assume(Assume::UnitsInTime),
        Pending {
            action: Action::Units,
            target: Cow::Borrowed(r.body.as_str()),
            by: By::Before(0),
            first: now,
            within: r.within_months,
            amount: Some(r.count - have),
            total: Some(r.count),
            // Earned at meetings and courses whose dates the rules do not have.
            scheduled: false,
        },
    )
}

pub(super) fn step<'a>(k: &Criterion<'a>) -> (Action, Cow<'a, str>) {
    (Action::Units, Cow::Borrowed(k.body.unwrap_or_default()))
}

pub(super) fn text(rules: &RuleSet, k: &Criterion, w: &Words) -> (String, String) {
    let (have, need, wja, wen) = (w.have, w.need, &w.wja, &w.wen);
    let id = k.body.unwrap_or_default();
    let ((bja, ben), (uja, uen)) = (body(rules, id), unit(rules, id));
    (
        format!(
            "{bja}の{uja} {}以上{wja}（現在 {}）",
            number(need),
            number(have)
        ),
        format!(
            "{} {uen} from {ben}{wen} (you have {})",
            number(need),
            number(have)
        ),
    )
}
