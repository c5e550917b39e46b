//! Condition kinds, one module each, behind one match per question: what the kind asks
//! of the profile now (`evaluate`), the earliest it can be met and the steps to it
//! (`project`), the step an unmet one asks for (`steps`), and its sentence (`text`).
//! Each kind's model, fields and compiled form are in the rules crate's `kinds`, file
//! for file.

mod cases;
mod course;
mod credential;
mod exam;
mod experience;
mod group;
mod licence;
mod membership;
mod units;

use std::borrow::Cow;

use crate::date::Date;
use crate::evaluate::Eval;
use crate::explain::Words;
use crate::plan::project::{Proj, Projector};
use crate::roadmap::{Action, Criterion};
use crate::rules::model::{Condition, Rule, RuleSet};
use crate::rules::ConditionKind;

pub(crate) fn evaluate<'a>(ev: &Eval<'a, '_>, c: &'a Condition, k: &mut Criterion<'a>) {
    match &c.rule {
        Rule::Licence(r) => licence::evaluate(ev, r, k),
        Rule::Experience(r) => experience::evaluate(ev, r, k),
        Rule::Membership(r) => membership::evaluate(ev, r, k),
        Rule::Cases(r) => cases::evaluate(ev, r, k),
        Rule::Credential(r) => credential::evaluate(ev, r, k),
        Rule::Course(r) => course::evaluate(ev, r, k),
        Rule::Units(r) => units::evaluate(ev, r, k),
        Rule::Exam(r) => exam::evaluate(ev, r, k),
        Rule::AnyOf(list) => group::evaluate(ev, list, true, k),
        Rule::AllOf(list) => group::evaluate(ev, list, false, k),
    }
}

/// `at`: the date the stage is projected for (which rules are in force); `own`: the
/// credential whose own exam this stage may ask for, and the date it is ready.
pub(crate) fn project<'a>(
    pj: &mut Projector<'_, 'a, '_>,
    c: &'a Condition,
    at: Date,
    own: Option<(&'a str, Date)>,
) -> Proj {
    match &c.rule {
        Rule::Licence(r) => licence::project(pj, r),
        Rule::Experience(r) => experience::project(pj, r),
        Rule::Membership(r) => membership::project(pj, r),
        Rule::Cases(r) => cases::project(pj, r),
        Rule::Credential(r) => credential::project(pj, r),
        Rule::Course(r) => course::project(pj, r),
        Rule::Units(r) => units::project(pj, r),
        Rule::Exam(r) => exam::project(pj, r, own),
        Rule::AnyOf(list) => group::project_any(pj, list, at, own),
        Rule::AllOf(list) => group::project_all(pj, list, at, own),
    }
}

/// The actions an unmet, non-waiting criterion asks for, each once.
pub(crate) fn steps<'a>(k: &Criterion<'a>, out: &mut Vec<(Action, Cow<'a, str>)>) {
    if k.met || k.waiting {
        return;
    }
    let one = match k.kind {
        ConditionKind::Licence => licence::step(k),
        ConditionKind::Experience => experience::step(k),
        ConditionKind::Membership => membership::step(k),
        ConditionKind::Cases => cases::step(k),
        ConditionKind::Credential => credential::step(k),
        ConditionKind::Course => course::step(k),
        ConditionKind::Units => units::step(k),
        ConditionKind::Exam => exam::step(k),
        ConditionKind::AnyOf => return group::steps_any(k, out),
        ConditionKind::AllOf => return group::steps_all(k, out),
    };
    push(out, one.0, one.1);
}

fn push<'a>(out: &mut Vec<(Action, Cow<'a, str>)>, action: Action, target: Cow<'a, str>) {
    if !out.iter().any(|(a, t)| *a == action && *t == target) {
        out.push((action, target));
    }
}

/// The criterion's sentence, Japanese and English.
pub(crate) fn text(rules: &RuleSet, k: &Criterion, w: &Words) -> (String, String) {
    match k.kind {
        ConditionKind::Licence => licence::text(rules, k, w),
        ConditionKind::Experience => experience::text(rules, k, w),
        ConditionKind::Membership => membership::text(rules, k, w),
        ConditionKind::Cases => cases::text(rules, k, w),
        ConditionKind::Credential => credential::text(rules, k, w),
        ConditionKind::Course => course::text(rules, k, w),
        ConditionKind::Units => units::text(rules, k, w),
        ConditionKind::Exam => exam::text(rules, k, w),
        ConditionKind::AnyOf => group::text(k, true),
        ConditionKind::AllOf => group::text(k, false),
    }
}
