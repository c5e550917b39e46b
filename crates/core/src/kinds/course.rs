//! `course`: one of these courses or meetings, unless a held credential or a passed
//! exam exempts; assumed taken when needed (the rules carry no course dates).

use std::borrow::Cow;

use crate::evaluate::{years, Eval};
use crate::explain::{course_phrase, Words};
use crate::plan::project::{join, By, Own, Pending, Proj, Projector};
use crate::roadmap::{Action, AssumptionKind as Assume, Criterion, Ids};
use crate::rules::file::CourseKind;
use crate::rules::model::{CourseRule, RuleSet};

fn done_or_exempt(ev: &Eval, r: &CourseRule) -> (bool, bool) {
    let done = r.any_of.iter().any(|c| ev.p.courses.iter().any(|d| d == c));
    let exempt = r.exempt_if_held.iter().any(|h| ev.held(h.as_str()))
        || r.exempt_if_passed.iter().any(|e| ev.passed(e));
    (done, exempt)
}

pub(super) fn evaluate<'a>(ev: &Eval<'a, '_>, r: &'a CourseRule, k: &mut Criterion<'a>) {
    k.ids = Ids::Courses(&r.any_of);
    k.within_years = r.within_months.map(|m| years(m as i64));
    let (done, exempt) = done_or_exempt(ev, r);
    k.exempt = !done && exempt;
    k.met = done || k.exempt;
}

pub(super) fn project<'a>(pj: &mut Projector<'_, 'a, '_>, r: &'a CourseRule, _: Own<'a>) -> Proj {
    let now = pj.now();
    let (done, exempt) = done_or_exempt(pj.ev, r);
    if done || exempt {
        return Proj::at(now);
    }
    // Not before what the course application counts is met (3学会: the years and
    // points at the application).
    let first = pj.course_from.map_or(now, |d| d.max(now));
    pj.step(
        Proj::at(first).assume(Assume::CourseDates),
        Pending {
            action: Action::Course,
            target: join(&r.any_of),
            by: By::Before(0),
            first,
            within: r.within_months,
            amount: None,
            total: None,
            // The rules carry no course or meeting dates.
            scheduled: false,
        },
    )
}

pub(super) fn step<'a>(k: &Criterion<'a>) -> (Action, Cow<'a, str>) {
    (Action::Course, k.ids.joined())
}

pub(super) fn text(rules: &RuleSet, k: &Criterion, w: &Words) -> (String, String) {
    let (wja, wen) = (&w.wja, &w.wen);
    let (kind, ja, en) = course_phrase(rules, &k.ids.to_vec());
    let (eja, een) = if k.exempt {
        ("（免除）", " (exempt)")
    } else {
        ("", "")
    };
    match kind {
        CourseKind::Meeting => (
            format!("{ja}参加{wja}{eja}"),
            format!("Attend the {en}{wen}{een}"),
        ),
        CourseKind::Course => (
            format!("{ja}受講{wja}{eja}"),
            format!("Take the {en}{wen}{een}"),
        ),
    }
}
