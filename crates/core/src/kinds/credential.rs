//! `credential`: hold one (or all) of these credentials, or with `or_passed` have
//! passed its exam; projected through the prerequisite's own plan.

use std::borrow::Cow;

use crate::evaluate::Eval;
use crate::explain::{names, Words};
use crate::plan::project::{Any, Own, Proj, Projector};
use crate::roadmap::{Action, CountUnit, Criterion, Ids};
use crate::rules::model::{CredentialRule, RuleSet};

pub(super) fn evaluate<'a>(ev: &Eval<'a, '_>, r: &'a CredentialRule, k: &mut Criterion<'a>) {
    k.unit = Some(CountUnit::Credentials);
    k.ids = Ids::Credentials(&r.ids);
    k.need_all = r.need_all;
    let have = r
        .ids
        .iter()
        .filter(|i| ev.held(i.as_str()) || (r.or_passed && ev.passed(i.as_str())))
        .count();
    k.have = Some(have as f64);
    let need = if r.need_all { r.ids.len() } else { 1 };
    k.need = Some(need as f64);
    k.met = have >= need;
}

pub(super) fn project<'a>(pj: &mut Projector<'_, 'a, '_>, r: &'a CredentialRule, _: Own<'a>) -> Proj {
    if r.need_all {
        let mut all = Proj::at(pj.now());
        for id in &r.ids {
            let q = pj.prerequisite(id.as_str(), r.or_passed);
            all.and(q);
        }
        return all;
    }
    let mut any = Any::new(&pj.st);
    for id in &r.ids {
        let from = pj.st.mark();
        let q = pj.prerequisite(id.as_str(), r.or_passed);
        any.add(&mut pj.st, from, q);
    }
    any.done()
}

pub(super) fn step<'a>(k: &Criterion<'a>) -> (Action, Cow<'a, str>) {
    (Action::Credential, k.ids.joined())
}

pub(super) fn text(rules: &RuleSet, k: &Criterion, _: &Words) -> (String, String) {
    let (ja, en) = names(rules, "credential", &k.ids.to_vec());
    if k.need_all || k.ids.len() == 1 {
        (
            format!("{}を取得済み", ja.join("・")),
            format!("Hold {}", en.join(" and ")),
        )
    } else {
        (
            format!("{}のいずれかを取得済み", ja.join("・")),
            format!("Hold one of: {}", en.join(", ")),
        )
    }
}
