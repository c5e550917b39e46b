//! Condition kinds, one module each, behind one match per question: what the kind asks
//! of the profile now (`evaluate`), the earliest it can be met and the steps to it
//! (`project`), the step an unmet one asks for (`steps`), and its sentence (`text`).
//! Each kind's model, fields and compiled form are in the rules crate's `kinds`, file
//! for file.

mod group;

use std::borrow::Cow;

use crate::date::Date;
use crate::evaluate::Eval;
use crate::explain::Words;
use crate::plan::project::{Own, Proj, Projector};
use crate::roadmap::{Action, Criterion};
use crate::rules::model::{Condition, Rule, RuleSet};
use crate::rules::ConditionKind;

// The kinds' modules and the four matches, from the one list of kinds (`leaf_kinds!`
// in the format crate); each module has the same four functions. The groups are
// written out.
macro_rules! dispatch {
    ($($name:ident $Kind:ident $Rule:ident,)*) => {
        $(mod $name;)*

        pub(crate) fn evaluate<'a>(ev: &Eval<'a, '_>, c: &'a Condition, k: &mut Criterion<'a>) {
            match &c.rule {
                Rule::AnyOf(list) => group::evaluate(ev, list, true, k),
                Rule::AllOf(list) => group::evaluate(ev, list, false, k),
                $(Rule::$Kind(r) => $name::evaluate(ev, r, k),)*
            }
        }

        /// `at`: the date the stage is projected for (which rules are in force).
        pub(crate) fn project<'a>(
            pj: &mut Projector<'_, 'a, '_>,
            c: &'a Condition,
            at: Date,
            own: Own<'a>,
        ) -> Proj {
            match &c.rule {
                Rule::AnyOf(list) => group::project_any(pj, list, at, own),
                Rule::AllOf(list) => group::project_all(pj, list, at, own),
                $(Rule::$Kind(r) => $name::project(pj, r, own),)*
            }
        }

        /// The actions an unmet, non-waiting criterion asks for, each once.
        pub(crate) fn steps<'a>(k: &Criterion<'a>, out: &mut Vec<(Action, Cow<'a, str>)>) {
            if k.met || k.waiting {
                return;
            }
            let one = match k.kind {
                ConditionKind::AnyOf => return group::steps_any(k, out),
                ConditionKind::AllOf => return group::steps_all(k, out),
                $(ConditionKind::$Kind => $name::step(k),)*
            };
            push(out, one.0, one.1);
        }

        /// The criterion's sentence, Japanese and English.
        pub(crate) fn text(rules: &RuleSet, k: &Criterion, w: &Words) -> (String, String) {
            match k.kind {
                ConditionKind::AnyOf => group::text(k, true),
                ConditionKind::AllOf => group::text(k, false),
                $(ConditionKind::$Kind => $name::text(rules, k, w),)*
            }
        }
    };
}
ce_roadmap_format::leaf_kinds!(dispatch);

fn push<'a>(out: &mut Vec<(Action, Cow<'a, str>)>, action: Action, target: Cow<'a, str>) {
    if !out.iter().any(|(a, t)| *a == action && *t == target) {
        out.push((action, target));
    }
}
