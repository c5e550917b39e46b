//! `membership`: years as a member of a body (0: be a member); someone in school joins
//! once licensed.

use std::borrow::Cow;

use crate::evaluate::{months_of_years, years, Eval};
use crate::explain::{body, years_en, years_ja, Words};
use crate::plan::project::{By, Own, Pending, Proj, Projector};
use crate::roadmap::{Action, AssumptionKind as Assume, CountUnit, Criterion};
use crate::rules::model::{MembershipRule, RuleSet};

pub(super) fn evaluate<'a>(ev: &Eval<'a, '_>, r: &'a MembershipRule, k: &mut Criterion<'a>) {
    k.time_based = true;
    k.unit = Some(CountUnit::Years);
    k.body = Some(r.body.as_str());
    let need = r.months as i64;
    k.need = Some(years(need));
    match ev.p.membership.get(r.body.as_str()) {
        Some(&y) => {
            let have = months_of_years(y) + ev.elapsed;
            k.have = Some(years(have));
            k.ongoing = true;
            k.met = have >= need;
            k.waiting = !k.met;
            k.met_on = Some(ev.as_of.add_months(need - have));
        }
        None => k.have = Some(0.0),
    }
}

pub(super) fn project<'a>(pj: &mut Projector<'_, 'a, '_>, r: &'a MembershipRule, _: Own<'a>) -> Proj {
    let ev = pj.ev;
    let now = pj.now();
    let need = r.months as i64;
    if let Some(&y) = ev.p.membership.get(r.body.as_str()) {
        let have = months_of_years(y) + ev.elapsed;
        return Proj::at(now.add_months((need - have).max(0)));
    }
    // Someone in school joins once licensed (full membership generally asks for the
    // licence; the rules do not say, so it is an assumption).
    let at_licence = ev
        .licence_on
        .filter(|d| ev.p.stage.is_in_school() && *d > now);
    let first = at_licence.unwrap_or(now);
    let mut p = Proj::at(first.add_months(need));
    if at_licence.is_some() {
        p.assumes.add(Assume::JoinAtLicence);
    }
    pj.step(
        p,
        Pending {
            action: Action::Join,
            target: Cow::Borrowed(r.body.as_str()),
            by: By::Before(r.months),
            first,
            within: None,
            amount: None,
            total: None,
            scheduled: true,
        },
    )
}

pub(super) fn step<'a>(k: &Criterion<'a>) -> (Action, Cow<'a, str>) {
    (Action::Join, Cow::Borrowed(k.body.unwrap_or_default()))
}

pub(super) fn text(rules: &RuleSet, k: &Criterion, w: &Words) -> (String, String) {
    let (have, need) = (w.have, w.need);
    let (bja, ben) = body(rules, k.body.unwrap_or_default());
    let member = k.ongoing || k.met;
    let (nja, nen) = if member {
        (String::new(), String::new())
    } else {
        ("（未入会）".to_string(), " (not a member)".to_string())
    };
    if need == 0.0 {
        (format!("{bja}の会員{nja}"), format!("Member of {ben}{nen}"))
    } else if member {
        (
            format!(
                "{bja}の会員歴 継続{}以上（現在 {}）",
                years_ja(need),
                years_ja(have)
            ),
            format!(
                "{} in a row as a member of {ben} (you have {})",
                years_en(need),
                years_en(have)
            ),
        )
    } else {
        (
            format!("{bja}の会員歴 継続{}以上{nja}", years_ja(need)),
            format!("{} in a row as a member of {ben}{nen}", years_en(need)),
        )
    }
}
