//! Runs the declarative cases in data/cases/ and checks that they cover every
//! credential's every criterion both met and unmet.

use std::collections::{BTreeMap, BTreeSet};

use ce_roadmap_core::cases::{self, criterion_key};
use ce_roadmap_core::rules::ConditionKind;
use ce_roadmap_core::{evaluate, Date, Profile, When};

fn case_files() -> Vec<(String, cases::CaseFile)> {
    cases::load_dir(cases::DIR).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn every_declarative_case_passes() {
    let rules = ce_roadmap_core::default_rules().expect("default rules valid");
    let mut failures = Vec::new();
    let mut count = 0;
    for (name, file) in case_files() {
        for case in &file.cases {
            count += 1;
            let diffs = cases::check(&rules, case);
            if !diffs.is_empty() {
                failures.push(format!("{name}: {}\n  {}", case.name, diffs.join("\n  ")));
            }
        }
    }
    assert!(
        count >= 40,
        "expected the case files to hold at least 40 cases, found {count}"
    );
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// For every credential, each criterion key (exam and certification stage) must be
/// expected met in some case and unmet in another, except a count the body does
/// not publish, which can never be shown as met.
#[test]
fn cases_cover_both_sides_of_every_criterion() {
    let rules = ce_roadmap_core::default_rules().expect("default rules valid");
    let mut seen: BTreeMap<(String, String), BTreeSet<bool>> = BTreeMap::new();
    let mut credentials_seen = BTreeSet::new();
    for (_, file) in case_files() {
        for case in &file.cases {
            let roadmap = evaluate(
                &rules,
                &case.profile,
                When {
                    as_of: Some(case.as_of),
                    today: case.as_of,
                },
            )
            .expect("valid");
            for (id, exp) in &case.expect {
                credentials_seen.insert(id.clone());
                let r = roadmap
                    .credentials
                    .iter()
                    .find(|c| c.id == id)
                    .expect("known credential");
                for (key, &met) in &exp.criteria {
                    let full = r
                        .criteria
                        .iter()
                        .find(|k| criterion_key(k) == *key || k.kind.as_str() == key)
                        .map(criterion_key)
                        .unwrap_or_else(|| key.clone());
                    seen.entry((id.clone(), full)).or_default().insert(met);
                }
                if let Some(all) = exp.all_criteria {
                    for k in &r.criteria {
                        seen.entry((id.clone(), criterion_key(k)))
                            .or_default()
                            .insert(all);
                    }
                }
            }
        }
    }
    let blank = Profile::default();
    let date = Date::parse("2026-11-21").unwrap();
    let roadmap = evaluate(
        &rules,
        &blank,
        When {
            as_of: Some(date),
            today: date,
        },
    )
    .unwrap();
    let mut missing = Vec::new();
    for c in &roadmap.credentials {
        assert!(credentials_seen.contains(c.id), "no case mentions {}", c.id);
        for k in c.criteria.iter().chain(c.certify_criteria.iter().flatten()) {
            let key = criterion_key(k);
            let sides = seen
                .get(&(c.id.to_string(), key.clone()))
                .cloned()
                .unwrap_or_default();
            // The certification stage is reached by passing the credential's own
            // exam, so there that criterion is met by construction.
            let own_exam = k.kind == ConditionKind::Exam && k.ids.to_vec() == [c.id];
            let needed: &[bool] = if k.need_unknown {
                &[false]
            } else if own_exam {
                &[true]
            } else {
                &[true, false]
            };
            for side in needed {
                if !sides.contains(side) {
                    missing.push(format!("{} {key} met={side}", c.id));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "no case covers:\n{}",
        missing.join("\n")
    );
}

/// No step of any case's roadmap reads as due on the evaluation date unless it
/// can truly be done that day: joining a body, applying in an open window, or
/// starting the work the visitor plans. A course, meeting, units or exam whose
/// dates the rules do not have carries `scheduled: false` instead of a day.
#[test]
fn no_step_is_due_today_unless_it_can_be_done_today() {
    use ce_roadmap_core::roadmap::Action;
    let rules = ce_roadmap_core::default_rules().expect("default rules valid");
    let doable = [
        Action::Join,
        Action::Apply,
        Action::WorkInArea,
        Action::Work,
    ];
    // A sitting is its month and a renewal its year, never a day ("2030年6月 受験").
    let not_a_day = [
        Action::Sit,
        Action::Renew,
        Action::GraduateStart,
        Action::GraduateFinish,
    ];
    let mut bad = Vec::new();
    let mut checked = 0;
    for (name, file) in case_files() {
        for case in &file.cases {
            let when = When {
                as_of: Some(case.as_of),
                today: case.as_of,
            };
            let Ok(r) = evaluate(&rules, &case.profile, when) else {
                continue;
            };
            let steps = r.plan.iter().flat_map(|y| &y.steps).chain(
                r.credentials
                    .iter()
                    .flat_map(|c| c.earliest.iter().flat_map(|e| &e.steps)),
            );
            for s in steps {
                checked += 1;
                if s.scheduled
                    && s.by <= r.as_of
                    && !doable.contains(&s.action)
                    && !not_a_day.contains(&s.action)
                {
                    bad.push(format!(
                        "{name}: {}: {}:{} by {} (as of {})",
                        case.name, s.action, s.target, s.by, r.as_of
                    ));
                }
            }
        }
    }
    assert!(checked > 500, "only {checked} steps checked");
    assert!(
        bad.is_empty(),
        "{} step(s) due today:\n{}",
        bad.len(),
        bad.join("\n")
    );
}
