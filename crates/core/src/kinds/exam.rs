//! `exam`: have passed one of these exams; projected to its next sitting.

use std::borrow::Cow;

use crate::evaluate::{years, Eval};
use crate::explain::{exam_names, Words};
use crate::plan::project::{Any, Own, Proj, Projector};
use crate::roadmap::{Action, Criterion, Ids};
use crate::rules::model::{ExamRule, RuleSet};

pub(super) fn evaluate<'a>(ev: &Eval<'a, '_>, r: &'a ExamRule, k: &mut Criterion<'a>) {
    k.ids = Ids::Exams(&r.any_of);
    k.within_years = r.within_months.map(|m| years(m as i64));
    k.met = r.any_of.iter().any(|e| ev.passed(e));
}

pub(super) fn project<'a>(
    pj: &mut Projector<'_, 'a, '_>,
    r: &'a ExamRule,
    own: Own<'a>,
) -> Proj {
    if r.any_of.iter().any(|e| pj.ev.passed(e)) {
        return Proj::at(pj.now());
    }
    let mut any = Any::new(&pj.st);
    for e in &r.any_of {
        let from = pj.st.mark();
        let q = pj.exam(e.as_str(), own, r.within_months);
        any.add(&mut pj.st, from, q);
    }
    any.done()
}

pub(super) fn step<'a>(k: &Criterion<'a>) -> (Action, Cow<'a, str>) {
    (Action::Exam, k.ids.joined())
}

pub(super) fn text(rules: &RuleSet, k: &Criterion, w: &Words) -> (String, String) {
    // As the step says it: a credential's own exam is "its exam", with "the".
    let (ja, en) = exam_names(rules, &k.ids.to_vec());
    (
        format!("{}に合格{}", ja.join(" または "), w.wja),
        format!("Pass the {}{}", en.join(" or the "), w.wen),
    )
}
