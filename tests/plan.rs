//! "The plan works": over generated profiles on the default rules, taking each
//! step of a credential's plan on its date (join, take the course, earn the
//! units, gather cases at the given rates, hold the prerequisite) and evaluating
//! at `earliest.on` finds the credential's stage eligible; a month earlier, even
//! with every step taken at its first chance, it is not (unless `on` is today).
//! The check uses only the evaluator, never the projection's own reasoning.

use std::collections::BTreeMap;

use ce_roadmap_core::ids::*;
use ce_roadmap_core::profile::School;
use ce_roadmap_core::roadmap::{Action, Earliest, PlanStep};
use ce_roadmap_core::{evaluate, Date, Profile, Status, When};
use proptest::prelude::*;

mod common;
use common::rules;

fn some<T: Clone + std::fmt::Debug + 'static>(
    list: Vec<T>,
    most: usize,
) -> impl Strategy<Value = Vec<T>> {
    let n = list.len();
    proptest::sample::subsequence(list, 0..=n.min(most))
}

fn years_map<K: Ord + Clone + std::fmt::Debug + 'static>(
    keys: Vec<K>,
    most: usize,
) -> impl Strategy<Value = BTreeMap<K, f64>> {
    some(keys, most).prop_flat_map(|ks| {
        let n = ks.len();
        proptest::collection::vec(0u32..=16, n).prop_map(move |hs| {
            ks.iter()
                .cloned()
                .zip(hs.into_iter().map(|h| h as f64 / 2.0))
                .collect()
        })
    })
}

fn whole_map<K: Ord + Clone + std::fmt::Debug + 'static>(
    keys: Vec<K>,
    max: u32,
) -> impl Strategy<Value = BTreeMap<K, f64>> {
    some(keys, 4).prop_flat_map(move |ks| {
        let n = ks.len();
        proptest::collection::vec(0..=max, n).prop_map(move |vs| {
            ks.iter()
                .cloned()
                .zip(vs.into_iter().map(f64::from))
                .collect()
        })
    })
}

fn profile() -> impl Strategy<Value = (Profile, Date)> {
    let common::Ids {
        areas,
        bodies,
        kinds,
        courses,
        creds,
        licences,
        exams,
    } = common::ids();
    let stage = common::stage();
    let school = (prop_oneof![Just(1u8), Just(3), Just(4)], 2020i32..2031)
        .prop_map(|(years, start_year)| School { years, start_year });
    let date = (2024i32..2031, 1u8..=12, 1u8..=28)
        .prop_map(|(y, m, d)| Date::new(y, m, d).expect("valid"));
    (
        (
            stage,
            some(licences, 2),
            proptest::option::of(school),
            some(areas.clone(), 4),
        ),
        (years_map(areas, 4), years_map(bodies.clone(), 3)),
        (
            whole_map(kinds.clone(), 300),
            whole_map(kinds, 150),
            whole_map(bodies, 60),
        ),
        (some(courses, 6), some(creds, 3), some(exams, 2), date),
    )
        .prop_map(
            |(
                (stage, licences, school, plan_areas),
                (experience, membership),
                (cases, case_rates, units),
                (courses, held, passed_exams, today),
            )| {
                (
                    Profile {
                        as_of: None,
                        stage,
                        licences,
                        school,
                        plan_areas,
                        experience,
                        membership,
                        cases,
                        units,
                        courses,
                        held,
                        passed_exams,
                        case_rates,
                        ..Profile::default()
                    },
                    today,
                )
            },
        )
}

fn months(a: Date, b: Date) -> f64 {
    a.months_until(b).max(0) as f64 / 12.0
}

/// The profile as it stands at `at` if the steps are taken on the dates `when`
/// picks for them (None: not taken by then), with every clock kept running.
fn apply(
    p: &Profile,
    today: Date,
    at: Date,
    steps: &[PlanStep],
    when: impl Fn(&PlanStep) -> Option<Date>,
) -> Profile {
    let mut q = p.clone();
    q.as_of = Some(at);
    let gone = months(today, at);
    // 0 years is an area not worked in: its clock does not run.
    for v in q.experience.values_mut().filter(|v| **v > 0.0) {
        *v += gone;
    }
    for v in q.membership.values_mut() {
        *v += gone;
    }
    // Areas planned by someone working now run from today (students' from the licence,
    // which the evaluator derives from the school at any date).
    if !p.stage.is_in_school() {
        for a in &p.plan_areas {
            let e = q.experience.entry(a.clone()).or_insert(0.0);
            *e = e.max(gone);
        }
    }
    for (k, rate) in &p.case_rates {
        let have = p.cases.get(k).copied().unwrap_or(0.0);
        q.cases
            .insert(k.clone(), (have + rate * gone + 1e-9).floor());
    }
    for s in steps {
        let Some(d) = when(s).filter(|d| *d <= at) else {
            continue;
        };
        let first = s.target.split('|').next().unwrap_or_default().to_string();
        match s.action {
            Action::Join => {
                q.membership.entry(BodyId(first)).or_insert(months(d, at));
            }
            Action::Course => q.courses.push(CourseId(first)),
            Action::Units => {
                let u = q.units.entry(BodyId(first)).or_insert(0.0);
                let have = p.units.get(s.target.as_ref()).copied().unwrap_or(0.0);
                *u = u.max(have + s.amount.unwrap_or(0.0));
            }
            Action::Credential => q.held.push(CredentialId(first)),
            Action::Exam => q.passed_exams.push(first),
            // Licence (from the school), work (planned areas run) and cases (at their
            // rates) are already in the profile above.
            _ => {}
        }
    }
    q
}

fn status_at(q: &Profile, at: Date, id: &str) -> Status {
    let r = evaluate(
        rules(),
        q,
        When {
            as_of: Some(at),
            today: at,
        },
    )
    .expect("valid profile");
    r.credentials
        .iter()
        .find(|c| c.id == id)
        .expect("credential")
        .status
}

fn check(p: &Profile, today: Date, id: &str, e: &Earliest) -> Result<(), TestCaseError> {
    let Some(on) = e.on else { return Ok(()) };
    prop_assert!(on >= today, "{id}: on {on} before today {today}");
    for s in &e.steps {
        prop_assert!(
            s.from <= s.by,
            "{id}: step {} {} from {} after by {}",
            s.action,
            s.target,
            s.from,
            s.by
        );
        prop_assert!(
            s.from >= today,
            "{id}: step {} {} from {} before today",
            s.action,
            s.target,
            s.from
        );
    }
    let at_on = apply(p, today, on, &e.steps, |s| Some(s.by));
    let st = status_at(&at_on, on, id);
    prop_assert_eq!(
        st,
        Status::Eligible,
        "{}: not eligible on {} with the plan's steps: {:?}",
        id,
        on,
        at_on
    );
    if on > today {
        let before = on.add_months(-1).max(today);
        let early = apply(p, today, before, &e.steps, |s| Some(s.from));
        let st = status_at(&early, before, id);
        prop_assert_ne!(
            st,
            Status::Eligible,
            "{}: already eligible on {}, a month before {}: {:?}",
            id,
            before,
            on,
            early
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn the_plan_works((p, today) in profile()) {
        let r = evaluate(rules(), &p, When { as_of: Some(today), today }).expect("valid profile");
        for c in &r.credentials {
            if let Some(e) = &c.earliest {
                check(&p, today, c.id, e)?;
                // Waiting on time alone: never later than the clocks (a step may
                // open another way sooner: ME class 2 in September before the licence).
                if c.status == Status::Waiting {
                    let ready = c.ready_on.map(|d| d.max(today));
                    prop_assert!(e.on.is_some() && e.on <= ready, "{}: on {:?}, ready {:?}", c.id, e.on, ready);
                }
                if c.status == Status::Eligible {
                    prop_assert_eq!(e.on, Some(today), "{}", c.id);
                }
            }
        }
        // The plan holds a credential at most once, in the year it can first be held
        // (`obtain`: a two-stage one at its certification, never at its exam); without
        // targets, every one in focus that can be dated and that nothing made pointless.
        for c in &r.credentials {
            let years: Vec<i32> = r.plan.iter().filter(|y| y.opens.contains(&c.id)).map(|y| y.fiscal_year).collect();
            let Some(e) = &c.earliest else {
                prop_assert!(years.is_empty(), "{} held but in the plan", c.id);
                continue;
            };
            match e.obtain.fiscal_year {
                Some(fy) => {
                    prop_assert!(years.is_empty() || years == vec![fy], "{}: {:?}, obtain {}", c.id, years, fy);
                    let focus = p.targets.is_empty() && p.in_focus(c.areas)
                        && !ce_roadmap_core::plan::by_year::superseded(&r.credentials).contains(&c.id);
                    if focus {
                        prop_assert_eq!(years, vec![fy], "{} in focus", c.id);
                    }
                    if c.certify_criteria.is_some() {
                        prop_assert_eq!(Some(fy), e.certify_on.map(|d| d.fiscal_year()), "{}", c.id);
                    }
                }
                None => prop_assert!(years.is_empty(), "{} undated but in the plan", c.id),
            }
        }
    }
}
