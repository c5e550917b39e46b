//! `any_of` / `all_of`: a group of conditions, one or all of which are needed; each
//! member in force on the date it is judged for.

use std::borrow::Cow;

use crate::date::Date;
use crate::evaluate::Eval;
use crate::plan::project::{Any, Own, Proj, Projector};
use crate::roadmap::{Action, Criterion};
use crate::rules::model::Condition;

pub(super) fn evaluate<'a>(
    ev: &Eval<'a, '_>,
    list: &'a [Condition],
    any: bool,
    k: &mut Criterion<'a>,
) {
    k.options = ev.criteria(list);
    let opts = &k.options;
    k.time_based = opts.iter().any(|o| o.time_based);
    if any {
        k.met = opts.iter().any(|o| o.met);
        k.waiting = !k.met && opts.iter().any(|o| o.waiting);
        k.met_on = if k.met {
            opts.iter().filter(|o| o.met).filter_map(|o| o.met_on).min()
        } else {
            opts.iter()
                .filter(|o| o.waiting)
                .filter_map(|o| o.met_on)
                .min()
        };
    } else {
        k.met = opts.iter().all(|o| o.met);
        k.waiting = !k.met && opts.iter().all(|o| o.met || o.waiting);
        k.met_on = if opts
            .iter()
            .filter(|o| o.time_based)
            .all(|o| o.met_on.is_some() || o.met)
        {
            opts.iter().filter_map(|o| o.met_on).max()
        } else {
            None
        };
    }
    k.ongoing = k.waiting;
}

pub(super) fn project_any<'a>(
    pj: &mut Projector<'_, 'a, '_>,
    list: &'a [Condition],
    at: Date,
    own: Own<'a>,
) -> Proj {
    let mut any = Any::new(&pj.st);
    for c in list.iter().filter(|c| c.in_force(at)) {
        let from = pj.st.mark();
        let q = pj.condition(c, at, own);
        any.add(&mut pj.st, from, q);
    }
    any.done()
}

pub(super) fn project_all<'a>(
    pj: &mut Projector<'_, 'a, '_>,
    list: &'a [Condition],
    at: Date,
    own: Own<'a>,
) -> Proj {
    let mut p = Proj::at(pj.now());
    for c in list.iter().filter(|c| c.in_force(at)) {
        let q = pj.condition(c, at, own);
        p.and(q);
    }
    p
}

/// The alternative needing the fewest actions.
pub(super) fn steps_any<'a>(k: &Criterion<'a>, out: &mut Vec<(Action, Cow<'a, str>)>) {
    let mut best: Option<Vec<(Action, Cow<'a, str>)>> = None;
    for o in &k.options {
        let mut v = Vec::new();
        super::steps(o, &mut v);
        if best.as_ref().is_none_or(|b| v.len() < b.len()) {
            best = Some(v);
        }
    }
    for (a, t) in best.unwrap_or_default() {
        super::push(out, a, t);
    }
}

pub(super) fn steps_all<'a>(k: &Criterion<'a>, out: &mut Vec<(Action, Cow<'a, str>)>) {
    for o in &k.options {
        super::steps(o, out);
    }
}

pub(super) fn text(k: &Criterion, any: bool) -> (String, String) {
    match (any, k.note) {
        (true, Some(n)) => (
            format!("次のいずれか: {}", n.ja),
            format!("One of: {}", n.en),
        ),
        (true, None) => (
            "次のいずれか".to_string(),
            "One of the following".to_string(),
        ),
        (false, Some(n)) => (format!("次のすべて: {}", n.ja), format!("All of: {}", n.en)),
        (false, None) => ("次のすべて".to_string(), "All of the following".to_string()),
    }
}
