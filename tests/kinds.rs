//! One credential per condition kind on a small rule set: have, need, met,
//! waiting and met_on for each kind, on both sides of its threshold.

use ce_roadmap_core::roadmap::{CredentialResult, Criterion};
use ce_roadmap_core::{evaluate, rules, Date, Profile, RuleSet, Status, When};

const RULES: &str = r#"
version = "kinds"
title = { ja = "t", en = "t" }
disclaimer = { ja = "t", en = "t" }
sources = [{ id = "S", url = "https://example.org", read = "2026-11-21" }]
licences = [{ id = "ce", ja = "CE", en = "CE" }, { id = "nurse", ja = "N", en = "N" }]
areas = [{ id = "icu", ja = "ICU", en = "ICU" }, { id = "or", ja = "OR", en = "OR" }]
bodies = [{ id = "soc", ja = "S", en = "S" }]
case_kinds = [{ id = "all", ja = "A", en = "A" }, { id = "pci", ja = "P", en = "P" }]
courses = [{ id = "c1", ja = "C1", en = "C1" }, { id = "c2", ja = "C2", en = "C2" }]
exams = [{ id = "x", ja = "X", en = "X" }]
licence_route = { licence = "ce", school_years = [3, 4], exam_month = 3, results_month = 3, licence_month = 4, sources = ["S"] }

[[credentials]]
id = "lic"
ja = "l"
en = "l"
body = "soc"
tier = "certification"
sources = ["S"]
conditions = [{ kind = "licence", any_of = ["ce", "nurse"], source = "S" }]

[[credentials]]
id = "exp"
ja = "e"
en = "e"
body = "soc"
tier = "certification"
sources = ["S"]
conditions = [{ kind = "experience", area = "icu", years = 2, within_years = 5, still_working = true, source = "S" }]

[[credentials]]
id = "any_area"
ja = "e"
en = "e"
body = "soc"
tier = "certification"
sources = ["S"]
conditions = [{ kind = "experience", years = 3, source = "S" }]

[[credentials]]
id = "mem"
ja = "m"
en = "m"
body = "soc"
tier = "certification"
sources = ["S"]
conditions = [{ kind = "membership", body = "soc", years = 2, source = "S" }]

[[credentials]]
id = "cas"
ja = "c"
en = "c"
body = "soc"
tier = "certification"
sources = ["S"]
conditions = [{ kind = "cases", case_kind = "all", count = 200, within_years = 5, at_least = [{ case_kind = "pci", count = 100 }], source = "S" }]

[[credentials]]
id = "cred"
ja = "c"
en = "c"
body = "soc"
tier = "specialist"
sources = ["S"]
conditions = [{ kind = "credential", all_of = ["lic", "mem"], source = "S" }]

[[credentials]]
id = "cour"
ja = "c"
en = "c"
body = "soc"
tier = "certification"
sources = ["S"]
conditions = [{ kind = "course", any_of = ["c1", "c2"], exempt_if_held = ["lic"], exempt_if_passed = ["x"], source = "S" }]

[[credentials]]
id = "uni"
ja = "u"
en = "u"
body = "soc"
tier = "certification"
sources = ["S"]
conditions = [{ kind = "units", body = "soc", count = 12.5, within_years = 5, source = "S" }]

[[credentials]]
id = "two_stage"
ja = "t"
en = "t"
body = "soc"
tier = "specialist"
sources = ["S"]
conditions = [{ kind = "course", any_of = ["c1"], source = "S" }]
certify = [{ kind = "exam", any_of = ["two_stage"], within_years = 5, source = "S" }, { kind = "membership", body = "soc", years = 5, source = "S" }]

[[credentials]]
id = "groups"
ja = "g"
en = "g"
body = "soc"
tier = "certification"
sources = ["S"]
conditions = [{ kind = "any_of", of = [{ kind = "exam", any_of = ["x"], source = "S" }, { kind = "all_of", of = [{ kind = "licence", any_of = ["ce"], source = "S" }, { kind = "experience", area = "or", years = 1, source = "S" }] }] }]

[[credentials]]
id = "dated"
ja = "d"
en = "d"
body = "soc"
tier = "certification"
sources = ["S"]
conditions = [{ kind = "course", any_of = ["c1"], until = "2026-06-30", source = "S" }, { kind = "course", any_of = ["c2"], from = "2026-07-01", source = "S" }]
"#;

fn rules() -> RuleSet {
    rules::load("kinds.toml", RULES).unwrap_or_else(|e| panic!("{e}"))
}

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn run<'a>(rules: &'a RuleSet, json: &str, as_of: &str) -> Vec<CredentialResult<'a>> {
    let p = Profile::from_json(json).unwrap_or_else(|e| panic!("{e}"));
    evaluate(
        rules,
        &p,
        When {
            as_of: Some(d(as_of)),
            today: d(as_of),
        },
    )
    .unwrap_or_else(|e| panic!("{e}"))
    .credentials
}

fn get<'r, 'a>(r: &'r [CredentialResult<'a>], id: &str) -> &'r CredentialResult<'a> {
    r.iter().find(|c| c.id == id).unwrap()
}

fn first<'r, 'a>(r: &'r [CredentialResult<'a>], id: &str) -> &'r Criterion<'a> {
    &get(r, id).criteria[0]
}

const NOW: &str = "2026-11-21";

#[test]
fn licence_any_of_and_a_students_expected_licence() {
    let rules = rules();
    let r = run(&rules, r#"{"licences":["nurse"]}"#, NOW);
    assert!(first(&r, "lic").met);
    let r = run(&rules, r#"{"stage":"it"}"#, NOW);
    let k = first(&r, "lic");
    assert!(!k.met && !k.waiting && k.met_on.is_none());
    assert_eq!(get(&r, "lic").status, Status::Action);
    let r = run(
        &rules,
        r#"{"stage":"student","school":{"years":4,"start_year":2026}}"#,
        NOW,
    );
    let k = first(&r, "lic");
    assert!(!k.met && k.waiting);
    assert_eq!(k.met_on, Some(d("2030-04-01")));
    assert_eq!(get(&r, "lic").status, Status::Waiting);
    assert_eq!(get(&r, "lic").ready_on, Some(d("2030-04-01")));
}

#[test]
fn experience_in_an_area_with_window_and_clock() {
    let rules = rules();
    let r = run(
        &rules,
        r#"{"licences":["ce"],"experience":{"icu":1.5}}"#,
        NOW,
    );
    let k = first(&r, "exp");
    assert_eq!(
        (k.have, k.need, k.met, k.waiting),
        (Some(1.5), Some(2.0), false, true)
    );
    assert_eq!(k.met_on, Some(d("2027-05-21")));
    // Over the window: only 5 years count.
    let r = run(&rules, r#"{"experience":{"icu":9}}"#, NOW);
    let k = first(&r, "exp");
    assert_eq!((k.have, k.met), (Some(5.0), true));
    assert_eq!(k.met_on, Some(d("2019-11-21")));
    // Not working there: no clock, an action.
    let r = run(&rules, r#"{"experience":{"or":4}}"#, NOW);
    let k = first(&r, "exp");
    assert!(!k.met && !k.waiting && k.met_on.is_none());
    assert_eq!(get(&r, "exp").ready_on, None);
    // A planned area starts its clock today for a worker.
    let r = run(&rules, r#"{"plan_areas":["icu"]}"#, NOW);
    assert_eq!(first(&r, "exp").met_on, Some(d("2028-11-21")));
}

#[test]
fn experience_in_any_area_takes_the_furthest() {
    let rules = rules();
    let r = run(&rules, r#"{"experience":{"icu":1,"or":2.5}}"#, NOW);
    let k = first(&r, "any_area");
    assert_eq!((k.have, k.met, k.waiting), (Some(2.5), false, true));
    assert_eq!(k.met_on, Some(d("2027-05-21")));
}

#[test]
fn membership_present_means_member_and_the_clock_runs() {
    let rules = rules();
    let r = run(&rules, r#"{"membership":{"soc":2}}"#, NOW);
    assert!(first(&r, "mem").met);
    let r = run(&rules, r#"{"membership":{"soc":0}}"#, NOW);
    let k = first(&r, "mem");
    assert!(!k.met && k.waiting);
    assert_eq!(k.met_on, Some(d("2028-11-21")));
    let r = run(&rules, r#"{}"#, NOW);
    let k = first(&r, "mem");
    assert!(!k.met && !k.waiting);
    assert_eq!(get(&r, "mem").next_steps[0].action.as_str(), "join");
}

#[test]
fn cases_with_sub_counts() {
    let rules = rules();
    let r = run(&rules, r#"{"cases":{"all":200,"pci":100}}"#, NOW);
    assert!(first(&r, "cas").met);
    let r = run(&rules, r#"{"cases":{"all":250,"pci":99}}"#, NOW);
    let k = first(&r, "cas");
    assert!(!k.met && !k.waiting && !k.sub_counts[0].met);
    let r = run(&rules, r#"{"cases":{"all":199,"pci":150}}"#, NOW);
    assert!(!first(&r, "cas").met);
}

#[test]
fn credentials_all_of() {
    let rules = rules();
    let r = run(&rules, r#"{"held":["lic"]}"#, NOW);
    let k = first(&r, "cred");
    assert_eq!((k.have, k.need, k.met), (Some(1.0), Some(2.0), false));
    assert_eq!(get(&r, "cred").next_steps[0].target, "lic|mem");
    let r = run(&rules, r#"{"held":["lic","mem"]}"#, NOW);
    assert!(first(&r, "cred").met);
    assert_eq!(get(&r, "lic").status, Status::Held);
}

#[test]
fn courses_any_of_and_exemptions() {
    let rules = rules();
    assert!(first(&run(&rules, r#"{"courses":["c2"]}"#, NOW), "cour").met);
    assert!(!first(&run(&rules, r#"{}"#, NOW), "cour").met);
    let r = run(&rules, r#"{"held":["lic"]}"#, NOW);
    assert!(first(&r, "cour").met && first(&r, "cour").exempt);
    assert!(first(&run(&rules, r#"{"passed_exams":["x"]}"#, NOW), "cour").exempt);
}

#[test]
fn units_threshold() {
    let rules = rules();
    assert!(first(&run(&rules, r#"{"units":{"soc":12.5}}"#, NOW), "uni").met);
    assert!(!first(&run(&rules, r#"{"units":{"soc":12.4}}"#, NOW), "uni").met);
}

#[test]
fn exam_then_certification() {
    let rules = rules();
    let r = run(&rules, r#"{"courses":["c1"]}"#, NOW);
    let c = get(&r, "two_stage");
    assert_eq!((c.stage.as_str(), c.status), ("exam", Status::Eligible));
    assert_eq!(c.certify_criteria.as_ref().map(|v| v.len()), Some(2));
    let r = run(
        &rules,
        r#"{"passed_exams":["two_stage"],"membership":{"soc":3}}"#,
        NOW,
    );
    let c = get(&r, "two_stage");
    assert_eq!((c.stage.as_str(), c.status), ("certify", Status::Waiting));
    assert!(c.criteria[0].met);
    assert_eq!(c.ready_on, Some(d("2028-11-21")));
}

#[test]
fn any_of_and_all_of_groups() {
    let rules = rules();
    let r = run(&rules, r#"{"passed_exams":["x"]}"#, NOW);
    assert!(first(&r, "groups").met);
    let r = run(
        &rules,
        r#"{"licences":["ce"],"experience":{"or":0.5}}"#,
        NOW,
    );
    let k = first(&r, "groups");
    assert!(!k.met && k.waiting);
    assert_eq!(k.met_on, Some(d("2027-05-21")));
    assert_eq!(get(&r, "groups").status, Status::Waiting);
    let r = run(&rules, r#"{}"#, NOW);
    let c = get(&r, "groups");
    assert_eq!(c.status, Status::Action);
    // The alternative needing fewest actions: pass the exam (one step).
    assert_eq!(
        c.next_steps
            .iter()
            .map(|s| s.action.as_str())
            .collect::<Vec<_>>(),
        vec!["exam"]
    );
}

#[test]
fn effective_dates_pick_the_rule_in_force() {
    let rules = rules();
    let before = run(&rules, r#"{"courses":["c1"]}"#, "2026-06-30");
    assert_eq!(get(&before, "dated").status, Status::Eligible);
    assert_eq!(get(&before, "dated").criteria.len(), 1);
    let after = run(
        &rules,
        r#"{"as_of":"2026-06-30","courses":["c1"]}"#,
        "2026-07-01",
    );
    assert_eq!(get(&after, "dated").status, Status::Action);
    assert_eq!(get(&after, "dated").criteria[0].ids.to_vec(), vec!["c2"]);
}

#[test]
fn answers_project_forward_to_a_later_date() {
    let rules = rules();
    let r = run(
        &rules,
        r#"{"as_of":"2026-11-21","experience":{"icu":1.5},"membership":{"soc":1}}"#,
        "2027-11-21",
    );
    assert_eq!(first(&r, "exp").have, Some(2.5));
    assert!(first(&r, "mem").met);
}

#[test]
fn an_evaluation_date_before_the_profile_is_an_error() {
    let rules = rules();
    let p = Profile::from_json(r#"{"as_of":"2026-11-21"}"#).unwrap();
    let e = evaluate(
        &rules,
        &p,
        When {
            as_of: Some(d("2026-01-01")),
            today: d("2026-01-01"),
        },
    )
    .unwrap_err();
    assert_eq!(e.0[0].code(), "as_of_before_profile");
}

#[test]
fn a_year_obtained_needs_a_held_credential_a_known_id_and_a_sane_year() {
    let rules = ce_roadmap_core::default_rules().unwrap();
    let p = Profile::from_json(
        r#"{"held":["me2"],"held_since":{"me2":1800,"dialysis_tech":2020,"nope":2020}}"#,
    )
    .unwrap();
    let e = p.check(&rules).unwrap_err();
    let got: Vec<(&str, &str)> = e.0.iter().map(|e| (e.code(), e.path())).collect();
    assert_eq!(
        got,
        vec![
            ("not_held", "held_since.dialysis_tech"),
            ("bad_year", "held_since.me2"),
            ("unknown_id", "held_since.nope"),
        ]
    );
}

#[test]
fn a_held_credential_with_its_year_puts_its_renewal_in_the_plan() {
    let rules = ce_roadmap_core::default_rules().unwrap();
    let p = Profile::from_json(
        r#"{"held":["dialysis_tech"],"held_since":{"dialysis_tech":2024},"targets":["hcit"]}"#,
    )
    .unwrap();
    let when = When {
        as_of: Some(d("2026-11-23")),
        today: d("2026-11-23"),
    };
    let r = evaluate(&rules, &p, when).unwrap();
    let renew: Vec<_> = r
        .plan
        .iter()
        .flat_map(|y| y.steps.iter().map(move |s| (y.fiscal_year, s)))
        .filter(|(_, s)| s.action.as_str() == "renew")
        .collect();
    assert_eq!(renew.len(), 1);
    let (fy, s) = renew[0];
    assert_eq!((fy, s.target.as_ref()), (2029, "dialysis_tech"));
    assert_eq!((s.from, s.by), (d("2029-01-01"), d("2029-12-31")));
    assert!(
        s.text
            .ja
            .starts_with("透析技術認定士を更新する（5年ごとに50単位"),
        "{}",
        s.text.ja
    );
    assert!(s.text.en.starts_with("Renew your "), "{}", s.text.en);
}

#[test]
fn only_someone_choosing_a_school_gets_the_routes_compared() {
    let rules = ce_roadmap_core::default_rules().unwrap();
    let when = When {
        as_of: Some(d("2026-11-23")),
        today: d("2026-11-23"),
    };
    let routes = |json: &str| {
        let p = Profile::from_json(json).unwrap();
        let r = evaluate(&rules, &p, when).unwrap();
        r.routes
            .iter()
            .map(|x| (x.school_years, x.chosen))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        routes(r#"{"stage":"prospective","school":{"years":4,"start_year":2027}}"#),
        vec![(3, false), (4, true), (2, false), (1, false)]
    );
    assert!(routes(r#"{"stage":"student","school":{"years":3,"start_year":2025}}"#).is_empty());
    assert!(routes(r#"{"stage":"prospective"}"#).is_empty());
    assert!(routes(r#"{"stage":"licensed"}"#).is_empty());
}
