//! `licence`: one of these national licences; a student's comes on the school's
//! timetable.

use std::borrow::Cow;

use crate::date::Date;
use crate::evaluate::Eval;
use crate::explain::{names, or_list, Words};
use crate::plan::project::{join, By, Own, Pending, Proj, Projector};
use crate::roadmap::{Action, BlockerKind, Criterion, Ids};
use crate::rules::model::{LicenceRule, RuleSet};

pub(super) fn evaluate<'a>(ev: &Eval<'a, '_>, r: &'a LicenceRule, k: &mut Criterion<'a>) {
    k.time_based = true;
    k.ids = Ids::Licences(&r.any_of);
    let states = r.any_of.iter().map(|l| ev.licence_state(l.as_str()));
    k.met = states.clone().any(|s| s.0);
    if k.met {
        k.met_on = states.filter(|s| s.0).map(|s| s.1).min().flatten();
    } else {
        k.met_on = states.filter_map(|s| s.1).min();
        k.waiting = k.met_on.is_some();
        k.ongoing = k.waiting;
    }
}

pub(super) fn project<'a>(pj: &mut Projector<'_, 'a, '_>, r: &'a LicenceRule, _: Own<'a>) -> Proj {
    let ev = pj.ev;
    let mut first = None;
    for l in &r.any_of {
        match ev.licence_state(l.as_str()) {
            (true, _) => return Proj::at(pj.now()),
            (false, Some(d)) => first = Some(first.map_or(d, |f: Date| f.min(d))),
            (false, None) => {}
        }
    }
    match first {
        // The registration day is the rules' assumption, and says so.
        Some(d) => pj.step(
            Proj::at(d).assume(crate::roadmap::AssumptionKind::Registration),
            Pending {
                action: Action::Licence,
                target: Cow::Borrowed(ev.rules.licence_route.licence.as_str()),
                by: By::Fixed(d),
                first: d,
                within: None,
                amount: None,
                total: None,
                scheduled: true,
            },
        ),
        None if ev.p.stage.is_in_school() && ev.p.school.is_none() => {
            pj.blocked(BlockerKind::School, Cow::Borrowed(""))
        }
        None => pj.blocked(BlockerKind::Licence, join(&r.any_of)),
    }
}

pub(super) fn step<'a>(k: &Criterion<'a>) -> (Action, Cow<'a, str>) {
    (Action::Licence, k.ids.joined())
}

pub(super) fn text(rules: &RuleSet, k: &Criterion, _: &Words) -> (String, String) {
    let (ja, en) = names(rules, "licence", &k.ids.to_vec());
    let mut t = (
        format!("免許: {}", ja.join("・")),
        format!("Licence: {}", or_list(&en)),
    );
    if k.waiting {
        if let Some(d) = k.met_on {
            t.0 += &format!("（{d} 取得見込み）");
            t.1 += &format!(" (expected {d})");
        }
    }
    t
}
