//! `experience`: years of work, in one area or in any; planned areas count from the
//! day work there starts.

use std::borrow::Cow;

use crate::evaluate::{years, Clock, Eval};
use crate::explain::{mid_sentence, one, years_en, years_ja, Words};
use crate::plan::graduate;
use crate::plan::project::{By, Own, Pending, Proj, Projector};
use crate::roadmap::{Action, AssumptionKind as Assume, BlockerKind, CountUnit, Criterion};
use crate::rules::model::{ExperienceRule, RuleSet};

pub(super) fn evaluate<'a>(ev: &Eval<'a, '_>, r: &'a ExperienceRule, k: &mut Criterion<'a>) {
    k.time_based = true;
    k.unit = Some(CountUnit::Years);
    k.area = r.area.as_ref().map(|a| a.as_str());
    k.still_working = r.still_working;
    k.within_years = r.within_months.map(|m| years(m as i64));
    let need = r.months as i64;
    let clock = match &r.area {
        Some(a) => ev.area_clock(a.as_str()),
        None => {
            let (c, _, largest) = ev.best_clock(need);
            k.largest_area = largest;
            c
        }
    };
    if r.unknown {
        // Required, number not published: never met, never dated.
        k.need_unknown = true;
        k.have = Some(years(clock.months));
        k.ongoing = clock.running;
        return;
    }
    k.need = Some(years(need));
    let have = r
        .within_months
        .map_or(clock.months, |w| clock.months.min(w as i64));
    k.have = Some(years(have));
    k.ongoing = clock.running;
    k.met = have >= need && (!r.still_working || clock.running);
    k.met_on = clock.met_on(need, ev.as_of);
    k.waiting = !k.met && clock.running;
}

pub(super) fn project<'a>(pj: &mut Projector<'_, 'a, '_>, r: &'a ExperienceRule, _: Own<'a>) -> Proj {
    let ev = pj.ev;
    let now = pj.now();
    let need = r.months as i64;
    // The area is the rule's, or for "any clinical work" the visitor's best.
    let (clock, target): (_, Cow<'a, str>) = match &r.area {
        Some(a) => (ev.area_clock(a.as_str()), Cow::Borrowed(a.as_str())),
        None => {
            let (c, a, _) = ev.best_clock(need);
            (c, Cow::Owned(a.unwrap_or_default().to_string()))
        }
    };
    if r.unknown {
        let area = r.area.as_ref().map_or("", |a| a.as_str());
        return pj.blocked(BlockerKind::ExperienceUnknown, Cow::Borrowed(area));
    }
    if r.within_months.is_some_and(|w| (w as i64) < need) {
        return pj.blocked(BlockerKind::Area, target);
    }
    let Some(met) = clock.met_on(need, now) else {
        return match &r.area {
            Some(a) => pj.blocked(BlockerKind::Area, Cow::Borrowed(a.as_str())),
            None => pj.blocked(BlockerKind::Work, Cow::Borrowed("")),
        };
    };
    let mut p = Proj::at(met.max(now));
    let unpaused = Clock {
        pause: None,
        ..clock
    };
    if clock.pause.is_some() && Some(met) != unpaused.met_on(need, now) {
        p.assumes.add(Assume::FullTimeStudy);
    }
    // A planned area not yet under way is a step: start working there. (Once its
    // clock has run, as when a later date is evaluated, the work has begun.)
    if !clock.planned || clock.months > 0 {
        return p;
    }
    let start = graduate::resume(clock.starts.unwrap_or(now).max(now), clock.pause);
    pj.step(
        p,
        Pending {
            action: if target.is_empty() {
                Action::Work
            } else {
                Action::WorkInArea
            },
            target,
            by: By::Before(r.months),
            first: start,
            within: None,
            amount: None,
            total: None,
            scheduled: true,
        },
    )
}

pub(super) fn step<'a>(k: &Criterion<'a>) -> (Action, Cow<'a, str>) {
    match k.area {
        Some(a) => (Action::WorkInArea, Cow::Borrowed(a)),
        None => (Action::Work, Cow::Borrowed("")),
    }
}

pub(super) fn text(rules: &RuleSet, k: &Criterion, w: &Words) -> (String, String) {
    let (have, need, wja, wen) = (w.have, w.need, &w.wja, &w.wen);
    // "2 years of blood purification (dialysis) work"; a name that already ends in
    // "work" ("General IT work") is not given a second one.
    let (aja, aen) = match k.area {
        Some(a) => {
            let (ja, en) = one(rules, "area", a);
            let en = mid_sentence(&en);
            let en = en.strip_suffix(" work").unwrap_or(&en).to_string();
            (ja, format!("of {en} work"))
        }
        None => ("臨床".to_string(), "of clinical work".to_string()),
    };
    if k.need_unknown {
        return (
            format!("{aja}の実務（必要な年数は未公表）"),
            format!("Years {aen} (the number required is not published)"),
        );
    }
    // Without the years since the licence, the longest single area stands.
    let (lja, len) = if k.largest_area {
        ("、最も長い分野の年数", ", your longest single area")
    } else {
        ("", "")
    };
    let (sja, sen) = if k.still_working {
        ("、現在も従事", ", still working in it")
    } else {
        ("", "")
    };
    (
        format!(
            "{aja}の実務 {}以上{wja}{sja}（現在 {}{lja}）",
            years_ja(need),
            years_ja(have)
        ),
        format!(
            "{} {aen}{wen}{sen} (you have {}{len})",
            years_en(need),
            years_en(have)
        ),
    )
}
