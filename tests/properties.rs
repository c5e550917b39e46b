//! Properties over generated profiles on the default rules:
//! more years, cases, units or membership never make a credential less available;
//! evaluating again at ready_on finds the time criteria met; judging alone agrees
//! with the full evaluation; nothing panics.

use std::collections::BTreeMap;

use ce_roadmap_core::ids::*;
use ce_roadmap_core::profile::School;
use ce_roadmap_core::{evaluate, evaluate_structured, judge, Date, Profile, Stage, Status, When};
use proptest::prelude::*;

mod common;
use common::rules;

fn ids<T: Clone + std::fmt::Debug + 'static>(list: Vec<T>) -> impl Strategy<Value = Vec<T>> {
    let n = list.len();
    proptest::sample::subsequence(list, 0..=n.min(6))
}

fn half_years() -> impl Strategy<Value = f64> {
    (0u32..=24).prop_map(|h| h as f64 / 2.0)
}

fn date() -> impl Strategy<Value = Date> {
    (2020i32..2035, 1u8..=12, 1u8..=31).prop_map(|(y, m, d)| {
        Date::new(y, m, d)
            .or_else(|| Date::new(y, m, 28))
            .expect("valid")
    })
}

fn profile() -> impl Strategy<Value = Profile> {
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
    let school = proptest::option::of(
        (prop_oneof![Just(1u8), Just(3), Just(4)], 2018i32..2032)
            .prop_map(|(years, start_year)| School { years, start_year }),
    );
    (
        (stage, ids(licences), school, ids(areas.clone())),
        proptest::collection::btree_map(proptest::sample::select(areas), half_years(), 0..5),
        proptest::collection::btree_map(
            proptest::sample::select(bodies.clone()),
            half_years(),
            0..4,
        ),
        proptest::collection::btree_map(
            proptest::sample::select(kinds),
            (0u32..400).prop_map(f64::from),
            0..4,
        ),
        proptest::collection::btree_map(
            proptest::sample::select(bodies),
            (0u32..120).prop_map(|u| u as f64 / 2.0),
            0..4,
        ),
        (
            ids(courses),
            ids(creds),
            ids(exams),
            proptest::option::of(date()),
        ),
    )
        .prop_map(
            |(
                (stage, licences, school, plan_areas),
                experience,
                membership,
                cases,
                units,
                (courses, held, passed_exams, as_of),
            )| Profile {
                as_of,
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
                ..Profile::default()
            },
        )
}

fn when(p: &Profile) -> When {
    When {
        as_of: None,
        today: p.as_of.unwrap_or(Date::new(2026, 11, 21).expect("valid")),
    }
}

/// One way of having more: a longer experience, membership, or more cases or units.
#[derive(Debug, Clone)]
enum More {
    Experience(usize, f64),
    Membership(usize, f64),
    Cases(usize, f64),
    Units(usize, f64),
}

fn more() -> impl Strategy<Value = More> {
    prop_oneof![
        (0usize..12, (1u32..20).prop_map(|h| h as f64 / 2.0))
            .prop_map(|(i, d)| More::Experience(i, d)),
        (0usize..16, (0u32..20).prop_map(|h| h as f64 / 2.0))
            .prop_map(|(i, d)| More::Membership(i, d)),
        (0usize..4, (1u32..300).prop_map(f64::from)).prop_map(|(i, d)| More::Cases(i, d)),
        (0usize..16, (1u32..60).prop_map(f64::from)).prop_map(|(i, d)| More::Units(i, d)),
    ]
}

fn add<K: Ord + Clone>(map: &mut BTreeMap<K, f64>, key: &K, d: f64) {
    *map.entry(key.clone()).or_insert(0.0) += d;
}

fn apply(p: &Profile, m: &More) -> Profile {
    let r = rules();
    let mut q = p.clone();
    match *m {
        More::Experience(i, d) => add(&mut q.experience, &r.areas[i % r.areas.len()].id, d),
        More::Membership(i, d) => add(&mut q.membership, &r.bodies[i % r.bodies.len()].id, d),
        More::Cases(i, d) => add(&mut q.cases, &r.case_kinds[i % r.case_kinds.len()].id, d),
        More::Units(i, d) => add(&mut q.units, &r.bodies[i % r.bodies.len()].id, d),
    }
    q
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(400),
        .. ProptestConfig::default()
    })]

    #[test]
    fn more_never_makes_a_credential_less_available(p in profile(), m in more()) {
        let r = rules();
        let before = evaluate(r, &p, when(&p)).expect("generated profiles are valid");
        let q = apply(&p, &m);
        let after = evaluate(r, &q, when(&q)).expect("still valid");
        for (b, a) in before.credentials.iter().zip(&after.credentials) {
            prop_assert!(a.status >= b.status, "{}: {:?} -> {:?} after {:?}", b.id, b.status, a.status, m);
            if let (Some(db), Some(da)) = (b.ready_on, a.ready_on) {
                prop_assert!(da <= db, "{}: ready_on {} -> {} after {:?}", b.id, db, da, m);
            }
            if b.ready_on.is_some() {
                prop_assert!(a.ready_on.is_some(), "{}: ready_on lost after {:?}", b.id, m);
            }
        }
    }

    #[test]
    fn judging_alone_is_the_evaluation_without_its_dates(p in profile()) {
        let r = rules();
        let full = evaluate_structured(r, &p, when(&p)).expect("valid");
        let (mut judged, steps) = judge(r, &p, when(&p)).expect("valid");
        prop_assert!(judged.iter().all(|c| c.earliest.is_none()));
        for (j, f) in judged.iter_mut().zip(&full.credentials) {
            j.earliest = f.earliest.clone();
        }
        prop_assert_eq!(&judged, &full.credentials);
        prop_assert_eq!(&steps, &full.next_steps);
    }

    #[test]
    fn at_ready_on_the_time_criteria_are_met(p in profile()) {
        let r = rules();
        let first = evaluate(r, &p, when(&p)).expect("valid");
        // The answers describe the first date; later evaluations project them forward.
        let pinned = Profile { as_of: Some(first.profile_as_of), ..p.clone() };
        for c in first.credentials.iter().filter(|c| c.status == Status::Waiting) {
            let ready = c.ready_on.expect("waiting credentials have a date");
            prop_assert!(ready >= first.as_of);
            let later = evaluate(r, &pinned, When { as_of: Some(ready), today: ready }).expect("valid");
            let again = later.credentials.iter().find(|x| x.id == c.id).expect("same catalogue");
            for k in again.criteria.iter().filter(|k| k.time_based) {
                prop_assert!(k.met, "{}: {} not met at ready_on {}", c.id, k.kind.as_str(), ready);
            }
            prop_assert_eq!(again.status, Status::Eligible, "{} at {}", c.id, ready);
        }
    }

    #[test]
    fn no_numbers_make_evaluation_panic(
        v in prop::num::f64::ANY,
        w in prop::num::f64::ANY,
        years in any::<u8>(),
        start in any::<i32>(),
        as_of in proptest::option::of(date()),
    ) {
        let r = rules();
        let mut p = Profile { as_of, stage: Stage::Student, school: Some(School { years, start_year: start }), ..Profile::default() };
        p.experience.insert(AreaId::new("blood_purification"), v);
        p.membership.insert(BodyId::new("jacet"), w);
        p.cases.insert(CaseKindId::new("pci_assists"), v);
        p.units.insert(BodyId::new("jacet"), w);
        let _ = evaluate(r, &p, When { as_of: None, today: Date::new(2026, 11, 21).expect("valid") });
    }

    /// A compiled rule file changed anywhere (a host may ship any bytes) is either
    /// refused or evaluates without a panic, plan included.
    #[test]
    fn no_compiled_rule_file_makes_decoding_or_evaluation_panic(
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
        p in profile(),
    ) {
        let mut payload = ce_roadmap_core::rules::DEFAULT_RULES_COMPILED[13..].to_vec();
        for (at, b) in &edits {
            let i = at.index(payload.len());
            payload[i] = *b;
        }
        if let Ok(r) = ce_roadmap_core::rules::compiled::decode_payload(&payload) {
            let _ = evaluate(&r, &p, when(&p));
        }
    }

    #[test]
    fn no_text_makes_profile_parsing_panic(s in "\\PC{0,200}") {
        let r = rules();
        if let Ok(p) = Profile::from_json(&s) {
            let _ = evaluate(r, &p, when(&p));
        }
    }

    #[test]
    fn no_json_shape_makes_parsing_panic(json in arb_json()) {
        let r = rules();
        if let Ok(p) = Profile::from_json(&json.to_string()) {
            let _ = evaluate(r, &p, when(&p));
        }
    }
}

fn arb_json() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let keys = prop_oneof![
        Just("as_of".to_string()),
        Just("stage".to_string()),
        Just("experience".to_string()),
        Just("school".to_string()),
        Just("membership".to_string()),
        Just("cases".to_string()),
        Just("held".to_string()),
        Just("blood_purification".to_string()),
        Just("years".to_string()),
        Just("start_year".to_string()),
        "[a-z_]{1,8}",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| serde_json::json!(f)),
        any::<i64>().prop_map(|i| serde_json::json!(i)),
        "[a-z0-9_-]{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 32, 6, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::btree_map(keys.clone(), inner, 0..5)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}
