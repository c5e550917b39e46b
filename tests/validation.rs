//! Rule-file validation: each kind of error names the path (and line, for TOML).

use ce_roadmap_core::rules::{self, RuleErrorKind, RuleErrors, DEFAULT_RULES};

/// A minimal valid rule file to break in one place per test.
const MINI: &str = r#"
version = "t1"
title = { ja = "テスト", en = "Test" }
disclaimer = { ja = "目安", en = "A guide" }

[[sources]]
id = "S1"
url = "https://example.org/a"
read = "2026-11"

[[licences]]
id = "ce"
ja = "臨床工学技士"
en = "CE"

[[areas]]
id = "blood_purification"
ja = "血液浄化"
en = "Dialysis"

[[bodies]]
id = "jacet"
ja = "技士会"
en = "JACET"

[[case_kinds]]
id = "pci"
ja = "PCI"
en = "PCI"

[[courses]]
id = "c1"
ja = "講習"
en = "Course"

[licence_route]
licence = "ce"
school_years = [3, 4]
exam_month = 3
results_month = 3
licence_month = 4
sources = ["S1"]

[[credentials]]
id = "a"
ja = "A"
en = "A"
body = "jacet"
tier = "certification"
sources = ["S1"]

[[credentials.conditions]]
kind = "experience"
area = "blood_purification"
years = 2
source = "S1"

[[credentials]]
id = "b"
ja = "B"
en = "B"
body = "jacet"
tier = "specialist"
sources = ["S1"]

[[credentials.conditions]]
kind = "credential"
all_of = ["a"]
source = "S1"
"#;

fn errors(text: &str) -> RuleErrors {
    match rules::load("mini.toml", text) {
        Ok(_) => panic!("expected errors"),
        Err(e) => e,
    }
}

#[test]
fn the_mini_file_is_valid() {
    let r = rules::load("mini.toml", MINI).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.credentials.len(), 2);
}

#[test]
fn unknown_key_is_rejected_with_path_and_line() {
    let text = MINI.replacen("years = 2\n", "years = 2\nyeras = 3\n", 1);
    let e = &errors(&text).0[0];
    assert_eq!(e.path, "credentials[0].conditions[0].yeras");
    assert_eq!(
        e.line,
        Some(text.lines().position(|l| l.starts_with("yeras")).unwrap() + 1)
    );
    assert!(e.to_string().contains("unknown field `yeras`"), "{e}");
    assert!(e.to_string().starts_with("mini.toml:"), "{e}");
}

#[test]
fn wrong_type_names_path_and_expectation() {
    let text = MINI.replacen("years = 2\n", "years = \"two\"\n", 1);
    let e = &errors(&text).0[0];
    assert_eq!(e.path, "credentials[0].conditions[0].years");
    assert!(e.line.is_some());
    assert!(e.to_string().contains("expected f64"), "{e}");
}

#[test]
fn syntax_error_has_a_line() {
    let text = MINI.replacen("tier = \"certification\"", "tier = certification", 1);
    let e = &errors(&text).0[0];
    assert!(e.line.is_some(), "{e}");
}

#[test]
fn duplicate_ids() {
    let text = MINI.replacen("id = \"b\"", "id = \"a\"", 1);
    let errs = errors(&text);
    let e = errs
        .0
        .iter()
        .find(|e| matches!(e.kind, RuleErrorKind::DuplicateId { .. }))
        .expect("duplicate reported");
    assert_eq!(e.path, "credentials[1].id");
    assert!(e.line.is_some());
}

#[test]
fn unknown_references_name_what_they_miss() {
    let text = MINI
        .replacen("area = \"blood_purification\"", "area = \"dialysis\"", 1)
        .replacen("all_of = [\"a\"]", "all_of = [\"zz\"]", 1);
    let errs = errors(&text);
    let paths: Vec<&str> = errs.0.iter().map(|e| e.path.as_str()).collect();
    assert!(
        paths.contains(&"credentials[0].conditions[0].area"),
        "{errs}"
    );
    assert!(
        paths.contains(&"credentials[1].conditions[0].all_of[0]"),
        "{errs}"
    );
    assert!(
        errs.to_string().contains("unknown area `dialysis`"),
        "{errs}"
    );
}

#[test]
fn prerequisite_cycles_are_refused() {
    let text = MINI.replacen(
        "[[credentials.conditions]]\nkind = \"experience\"",
        "[[credentials.conditions]]\nkind = \"credential\"\nall_of = [\"b\"]\nsource = \"S1\"\n\n[[credentials.conditions]]\nkind = \"experience\"",
        1,
    );
    let errs = errors(&text);
    let cycle = errs.0.iter().find_map(|e| match &e.kind {
        RuleErrorKind::Cycle { chain } => Some(chain.clone()),
        _ => None,
    });
    let chain = cycle.unwrap_or_else(|| panic!("no cycle reported: {errs}"));
    assert_eq!(chain.first(), chain.last());
    assert!(chain.contains(&"a".to_string()) && chain.contains(&"b".to_string()));
}

#[test]
fn a_window_shorter_than_the_years_is_refused() {
    let text = MINI.replacen("years = 2\n", "years = 2\nwithin_years = 1\n", 1);
    let errs = errors(&text);
    let e = errs
        .0
        .iter()
        .find(|e| matches!(e.kind, RuleErrorKind::WindowTooShort { .. }))
        .expect("window error");
    assert_eq!(e.path, "credentials[0].conditions[0].within_years");
}

#[test]
fn fields_that_do_not_fit_the_kind_and_missing_fields() {
    let text = MINI.replacen("years = 2\n", "body = \"jacet\"\n", 1);
    let errs = errors(&text);
    let kinds: Vec<String> = errs
        .0
        .iter()
        .map(|e| format!("{} {}", e.path, e.kind))
        .collect();
    assert!(
        kinds
            .iter()
            .any(|k| k.starts_with("credentials[0].conditions[0].body")
                && k.contains("does not apply")),
        "{kinds:?}"
    );
    assert!(
        kinds
            .iter()
            .any(|k| k.starts_with("credentials[0].conditions[0].years")
                && k.contains("missing field")),
        "{kinds:?}"
    );
}

#[test]
fn every_condition_needs_a_source() {
    let text = MINI.replacen("years = 2\nsource = \"S1\"\n", "years = 2\n", 1);
    let errs = errors(&text);
    assert!(
        errs.0
            .iter()
            .any(|e| e.path == "credentials[0].conditions[0].source"),
        "{errs}"
    );
}

#[test]
fn bad_numbers_months_dates_and_urls() {
    let text = MINI
        .replacen("years = 2\n", "years = -1\n", 1)
        .replacen("exam_month = 3", "exam_month = 13", 1)
        .replacen("read = \"2026-11\"", "read = \"Nov 2026\"", 1)
        .replacen("https://example.org/a", "example.org", 1);
    let errs = errors(&text);
    let paths: Vec<&str> = errs.0.iter().map(|e| e.path.as_str()).collect();
    for p in [
        "credentials[0].conditions[0].years",
        "licence_route.exam_month",
        "sources[0].read",
        "sources[0].url",
    ] {
        assert!(paths.contains(&p), "missing {p} in {errs}");
    }
}

#[test]
fn a_short_name_must_appear_in_the_full_name() {
    // "JACET" is in the English name; "日臨工" is not in "技士会", so no card would teach it.
    let ok = MINI.replacen(
        "en = \"JACET\"\n",
        "en = \"JACET\"\nshort_en = \"JACET\"\n",
        1,
    );
    rules::load("mini.toml", &ok).unwrap_or_else(|e| panic!("{e}"));
    let text = ok.replacen(
        "short_en = \"JACET\"\n",
        "short_en = \"JACET\"\nshort_ja = \"日臨工\"\n",
        1,
    );
    let errs = errors(&text);
    assert_eq!(errs.0.len(), 1, "{errs}");
    let e = &errs.0[0];
    assert_eq!(e.path, "bodies[0].short_ja");
    assert!(
        matches!(e.kind, RuleErrorKind::ShortNotInName { .. }),
        "{e}"
    );
    assert!(
        e.to_string()
            .contains("`日臨工` does not appear in the full name `技士会`"),
        "{e}"
    );
}

#[test]
fn application_windows_belong_to_an_exam_month_once_with_a_real_day() {
    let with = |w: &str| {
        MINI.replacen(
            "tier = \"certification\"\nsources = [\"S1\"]\n",
            &format!("tier = \"certification\"\nsources = [\"S1\"]\nexam_months = [3]\n{w}"),
            1,
        )
    };
    let ok = with("applications = [{ exam_month = 3, opens = \"08-29\", closes = \"09-30\", source = \"S1\" }]\n");
    let r = rules::load("mini.toml", &ok).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.credentials[0].applications[0].closes.to_string(), "09-30");

    let e = &errors(&with(
        "applications = [{ exam_month = 4, closes = \"09-30\", source = \"S1\" }]\n",
    ))
    .0[0];
    assert_eq!(e.path, "credentials[0].applications[0].exam_month");
    assert!(
        matches!(e.kind, RuleErrorKind::NotAnExamMonth { value: 4 }),
        "{e}"
    );

    let errs = errors(&with("applications = [{ exam_month = 3, closes = \"09-30\", source = \"S1\" }, { exam_month = 3, closes = \"10-01\", source = \"S1\" }]\n"));
    assert_eq!(
        errs.0[0].path, "credentials[0].applications[1].exam_month",
        "{errs}"
    );
    assert!(
        matches!(errs.0[0].kind, RuleErrorKind::SecondWindow { month: 3 }),
        "{errs}"
    );

    let e = &errors(&with(
        "applications = [{ exam_month = 3, closes = \"02-29\", source = \"S1\" }]\n",
    ))
    .0[0];
    assert!(e.path.starts_with("credentials[0].applications[0]"), "{e}");
    assert!(e.to_string().contains("MM-DD"), "{e}");
}

#[test]
fn json_rule_files_are_read_too_with_paths() {
    let file = rules::parse("mini.toml", MINI, rules::Format::Toml).unwrap();
    let json = serde_json::to_string_pretty(&file).unwrap();
    let r = rules::load("mini.json", &json).unwrap_or_else(|e| panic!("{e}"));
    // The canonical hash does not depend on the format.
    assert_eq!(r.sha256, rules::load("mini.toml", MINI).unwrap().sha256);
    let bad = json.replacen("\"years\": 2.0", "\"years\": \"x\"", 1);
    let e = &errors_json(&bad).0[0];
    assert_eq!(e.path, "credentials[0].conditions[0].years");
    assert!(e.line.is_some());
}

fn errors_json(text: &str) -> RuleErrors {
    match rules::load("mini.json", text) {
        Ok(_) => panic!("expected errors"),
        Err(e) => e,
    }
}

#[test]
fn hash_ignores_comments_and_layout_but_not_content() {
    let a = rules::load("a.toml", DEFAULT_RULES).unwrap().sha256;
    let commented = format!("# a comment\n\n{}", DEFAULT_RULES.replace("\n\n", "\n\n\n"));
    assert_eq!(a, rules::load("b.toml", &commented).unwrap().sha256);
    let changed = DEFAULT_RULES.replacen("version = \"", "version = \"0.", 1);
    assert_ne!(a, rules::load("c.toml", &changed).unwrap().sha256);
}

#[test]
fn every_default_condition_carries_a_source_with_address_and_date() {
    let r = ce_roadmap_core::default_rules().unwrap();
    fn walk(list: &[ce_roadmap_core::rules::Condition], r: &ce_roadmap_core::RuleSet, id: &str) {
        for c in list {
            match &c.rule {
                ce_roadmap_core::rules::Rule::AnyOf(l) | ce_roadmap_core::rules::Rule::AllOf(l) => {
                    walk(l, r, id)
                }
                _ => {
                    let s = c
                        .source
                        .as_ref()
                        .unwrap_or_else(|| panic!("{id}: a condition without source"));
                    let src = r.source(s.as_str()).expect("source resolves");
                    assert!(src.url.starts_with("http"));
                    assert!(src.read.len() >= 7);
                }
            }
        }
    }
    for c in &r.credentials {
        walk(&c.conditions, &r, c.id.as_str());
        if let Some(cert) = &c.certify {
            walk(cert, &r, c.id.as_str());
        }
    }
}

#[test]
fn the_required_credential_ids_are_all_present() {
    let r = ce_roadmap_core::default_rules().unwrap();
    let ids = [
        "me2",
        "me1",
        "ecg_test",
        "mdic",
        "clinical_me",
        "gi_endoscopy_tech",
        "dialysis_tech",
        "respiratory_therapist",
        "perfusionist",
        "ite",
        "jhrs_ecg_specialist",
        "cied_specialist",
        "cdr",
        "jacet_cert_blood_purification",
        "jacet_cert_intensive_care",
        "jacet_cert_device_management",
        "jacet_spec_respiratory",
        "jacet_spec_blood_purification",
        "jacet_spec_operating_room",
        "jacet_spec_arrhythmia",
        "jacet_spec_cardiac_cath",
        "jacet_spec_hyperbaric",
        "jacet_spec_endoscopy",
        "jsicm_intensive_care",
        "hcit",
        "senior_hcit",
    ];
    for id in ids {
        assert!(r.credential(id).is_some(), "missing {id}");
    }
    // The usual course first: the school form and the route table list them in this order.
    assert_eq!(r.licence_route.school_years, vec![3, 4, 2, 1]);
}

/// MINI with a fee-support section appended.
fn with_fees(scheme: &str) -> String {
    format!(
        "{MINI}\n[fee_support]\nunknowns = [{{ ja = \"学校に確認\", en = \"Ask the school\" }}]\n\n{scheme}"
    )
}

const SCHEME: &str = r#"[[fee_support.schemes]]
id = "grant"
ja = "給付"
en = "Grant"
what = { ja = "返さなくてよい", en = "Not repaid" }
who = { ja = "学生", en = "Students" }
source = "S1"
"#;

#[test]
fn fee_support_schemes_are_checked_like_the_rest() {
    let r = rules::load("mini.toml", &with_fees(SCHEME)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.fee_support.schemes[0].id.as_str(), "grant");
    assert_eq!(r.fee_support.unknowns.len(), 1);
    // Compiled and decoded, it survives.
    let back = rules::compiled::decode(&rules::compiled::encode(&r)).unwrap();
    assert_eq!(back.fee_support, r.fee_support);

    let unknown_key =
        with_fees(&SCHEME.replace("source = \"S1\"", "source = \"S1\"\nsince = 2020"));
    let e = &errors(&unknown_key).0[0];
    assert_eq!(e.path, "fee_support.schemes[0].since");

    let bad_source = with_fees(&SCHEME.replace("source = \"S1\"", "source = \"S99\""));
    let errs = errors(&bad_source);
    assert_eq!(errs.0[0].path, "fee_support.schemes[0].source", "{errs}");

    let twice = with_fees(&format!("{SCHEME}\n{SCHEME}"));
    let errs = errors(&twice);
    assert!(
        errs.0.iter().any(|e| e.path == "fee_support.schemes[1].id"
            && matches!(e.kind, RuleErrorKind::DuplicateId { .. })),
        "{errs}"
    );

    let empty = with_fees(&SCHEME.replace("who = { ja = \"学生\"", "who = { ja = \" \""));
    assert_eq!(errors(&empty).0[0].path, "fee_support.schemes[0].who.ja");
}

const GRADUATE: &str = r#"
[graduate_school]
master_years = 2
doctor_years = 3
notes = [{ ja = "標準2年", en = "2 years as standard", source = "S1" }]
source = "S1"
"#;

#[test]
fn the_graduate_school_section_is_checked_and_survives_compiling() {
    let text = format!("{MINI}\n{GRADUATE}");
    let r = rules::load("mini.toml", &text).unwrap_or_else(|e| panic!("{e}"));
    let g = r.graduate_school.as_ref().expect("graduate school read");
    assert_eq!((g.master_years, g.doctor_years), (2, 3));
    let back = rules::compiled::decode(&rules::compiled::encode(&r)).unwrap();
    assert_eq!(back.graduate_school, r.graduate_school);
    // Absent, it is None and the widget does not offer it.
    assert!(rules::load("mini.toml", MINI)
        .unwrap()
        .graduate_school
        .is_none());

    let zero = format!(
        "{MINI}\n{}",
        GRADUATE.replace("doctor_years = 3", "doctor_years = 0")
    );
    let errs = errors(&zero);
    assert_eq!(errs.0[0].path, "graduate_school.doctor_years", "{errs}");
    let bad_source = format!(
        "{MINI}\n{}",
        GRADUATE.replace("source = \"S1\"\n", "source = \"S9\"\n")
    );
    let errs = errors(&bad_source);
    assert_eq!(errs.0[0].path, "graduate_school.source", "{errs}");
    let unknown_key = format!(
        "{MINI}\n{}",
        GRADUATE.replace("doctor_years = 3", "doctor_years = 3\nphd = 1")
    );
    assert_eq!(errors(&unknown_key).0[0].path, "graduate_school.phd");
}

#[test]
fn a_bodys_own_word_for_units_is_checked_and_survives_compiling() {
    let body = "id = \"jacet\"\nja = \"技士会\"\nen = \"JACET\"\n";
    let with = |unit: &str| MINI.replacen(body, &format!("{body}unit = {unit}\n"), 1);
    let text = with("{ ja = \"点数\", en = \"points\" }");
    let r = rules::load("mini.toml", &text).unwrap_or_else(|e| panic!("{e}"));
    let unit = r.bodies[0].unit.as_ref().expect("unit read");
    assert_eq!((unit.ja.as_str(), unit.en.as_str()), ("点数", "points"));
    let back = rules::compiled::decode(&rules::compiled::encode(&r)).unwrap();
    assert_eq!(back.bodies[0].unit, r.bodies[0].unit);
    let errs = errors(&with("{ ja = \" \", en = \"points\" }"));
    assert_eq!(errs.0[0].path, "bodies[0].unit.ja", "{errs}");
}

/// A seed's "from clinical year n" means n - 1 completed years (clinical year 1 starts
/// with the licence). A credential whose exam stage asks for more years of work than
/// that, in every case, must say its rule differs from the seed.
#[test]
fn a_seed_year_short_of_the_rule_is_marked_differs() {
    use ce_roadmap_core::rules::model::{Condition, Rule};
    // The fewest months of work the conditions, all needed, ask for.
    fn months(list: &[Condition]) -> u32 {
        list.iter()
            .map(|c| match &c.rule {
                Rule::Experience(r) => r.months,
                Rule::AllOf(of) => months(of),
                Rule::AnyOf(of) => of
                    .iter()
                    .map(|c| months(std::slice::from_ref(c)))
                    .min()
                    .unwrap_or(0),
                _ => 0,
            })
            .max()
            .unwrap_or(0)
    }
    let rules = ce_roadmap_core::default_rules().unwrap();
    let mut wrong = Vec::new();
    for c in &rules.credentials {
        let Some(seed) = &c.seed else { continue };
        let Some(year) = seed.clinical_year else {
            continue;
        };
        let needed = months(&c.conditions);
        if needed > (u32::from(year) - 1) * 12 && !seed.differs {
            wrong.push(format!(
                "{}: clinical year {year}, the rule asks {needed} months",
                c.id
            ));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn prior_study_must_name_a_course_of_the_route_once_with_a_known_source() {
    let ok = MINI.replacen(
        "sources = [\"S1\"]\n\n[[credentials]]",
        "sources = [\"S1\"]\nprior_study = [{ course_years = 4, years = 1, technical_college_years = 4, source = \"S1\" }]\n\n[[credentials]]",
        1,
    );
    let r = rules::load("mini.toml", &ok).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.prior_years(4), 1);
    assert_eq!(r.prior_years(3), 0);

    let bad = MINI.replacen(
        "sources = [\"S1\"]\n\n[[credentials]]",
        "sources = [\"S1\"]\nprior_study = [\n  { course_years = 1, years = 2, technical_college_years = 5, source = \"S1\" },\n  { course_years = 3, years = 0, technical_college_years = 4, source = \"S9\" },\n  { course_years = 3, years = 1, technical_college_years = 4, source = \"S1\" },\n]\n\n[[credentials]]",
        1,
    );
    let errs = errors(&bad);
    let paths: Vec<&str> = errs.0.iter().map(|e| e.path.as_str()).collect();
    for p in [
        "licence_route.prior_study[0].course_years",
        "licence_route.prior_study[1].years",
        "licence_route.prior_study[1].source",
        "licence_route.prior_study[2].course_years",
    ] {
        assert!(paths.contains(&p), "{p} not in {errs}");
    }
    assert!(
        errs.to_string()
            .contains("duplicate prior study for course id `3`"),
        "{errs}"
    );
}
