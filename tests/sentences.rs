//! Every sentence the default rules and the widget produce, in both languages, in
//! one file (tests/sentences.txt) so a reviewer reads them all in one place and a
//! change to any shows in review. The sentences come from evaluating the
//! declarative cases' profiles and a sweep of profiles (every stage; every area,
//! body, course and credential at low and high values; every credential aimed at),
//! plus the widget's own words (`Msg`).
//!
//! After a deliberate wording change: `UPDATE_SNAPSHOTS=1 cargo test --test sentences`.

use std::collections::BTreeSet;

use ce_roadmap_core::rules::RuleSet;
use ce_roadmap_core::{cases, evaluate, Date, Profile, When};
use ce_roadmap_widget::i18n::{self, earliest_sentence, Lang, Msg};
use serde_json::{json, Value};

const SNAPSHOT: &str = "tests/sentences.txt";

fn profiles(rules: &RuleSet) -> Vec<(Date, Profile)> {
    let as_of = Date::parse("2026-11-21").expect("a date");
    let mut out = Vec::new();
    for (_, file) in cases::load_dir(cases::DIR).unwrap_or_else(|e| panic!("{e}")) {
        out.extend(file.cases.into_iter().map(|c| (c.as_of, c.profile)));
    }
    let areas: Vec<&str> = rules.areas.iter().map(|a| a.id.as_str()).collect();
    let bodies: Vec<&str> = rules.bodies.iter().map(|b| b.id.as_str()).collect();
    let courses: Vec<&str> = rules.courses.iter().map(|c| c.id.as_str()).collect();
    let kinds: Vec<&str> = rules.case_kinds.iter().map(|k| k.id.as_str()).collect();
    let creds: Vec<&str> = rules.credentials.iter().map(|c| c.id.as_str()).collect();
    let each =
        |ids: &[&str], v: f64| -> Value { ids.iter().map(|i| (i.to_string(), json!(v))).collect() };
    let mut sweep = vec![
        json!({}),
        json!({ "stage": "prospective" }),
        json!({ "stage": "it" }),
        json!({ "stage": "student", "school": { "years": 3, "start_year": 2025 }, "plan_areas": areas, "targets": creds }),
        json!({ "stage": "student", "school": { "years": 4, "start_year": 2024 }, "plan_areas": areas }),
        json!({ "stage": "licensed", "licences": ["ce"], "targets": creds }),
        json!({ "stage": "licensed", "licences": ["ce"], "plan_areas": areas, "targets": creds }),
    ];
    for (years, member, count) in [(0.5, 0.5, 1.0), (3.0, 3.0, 30.0), (12.0, 12.0, 1000.0)] {
        sweep.push(json!({
            "stage": "licensed", "licences": ["ce"],
            "experience": each(&areas, years), "membership": each(&bodies, member),
            "cases": each(&kinds, count), "units": each(&bodies, count),
            "targets": creds,
        }));
        sweep.push(json!({
            "stage": "licensed", "licences": ["ce"],
            "experience": each(&areas, years), "membership": each(&bodies, member),
            "cases": each(&kinds, count), "case_rates": each(&kinds, count),
            "units": each(&bodies, count), "courses": courses, "targets": creds,
        }));
    }
    for p in sweep {
        let profile = Profile::from_json(&p.to_string()).unwrap_or_else(|e| panic!("{p}: {e:?}"));
        out.push((as_of, profile));
    }
    out
}

/// Every {ja, en} pair in the roadmap JSON, filed under where it sits
/// (`credentials[].criteria[].text` → `credentials.criteria.text`).
fn collect(v: &Value, path: &str, out: &mut BTreeSet<(String, String, String)>) {
    match v {
        Value::Object(m) => {
            if let (Some(Value::String(ja)), Some(Value::String(en))) = (m.get("ja"), m.get("en")) {
                out.insert((path.to_string(), ja.clone(), en.clone()));
            }
            for (k, x) in m {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                collect(x, &p, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| collect(x, path, out)),
        _ => {}
    }
}

/// The same sentence for every profile: dates, fiscal years and the visitor's own
/// figures ("you have 3", "12.5 more") become placeholders, so each wording is
/// listed once while the rules' own numbers stay.
fn norm(s: &str) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let c: Vec<char> = s.chars().collect();
    let run = |i: usize| {
        c[i.min(c.len())..]
            .iter()
            .take_while(|x| x.is_ascii_digit() || **x == '.')
            .count()
    };
    let at = |i: usize, t: &str| t.chars().enumerate().all(|(k, x)| c.get(i + k) == Some(&x));
    // "Sep 2027", also before a full stop (which `run` would count as a decimal point).
    let year4 = |i: usize| {
        (i..i + 4).all(|k| c.get(k).is_some_and(char::is_ascii_digit))
            && !c.get(i + 4).is_some_and(char::is_ascii_digit)
    };
    let month =
        |i: usize| MONTHS.iter().any(|m| at(i, m)) && c.get(i + 3) == Some(&' ') && year4(i + 4);
    let mut out = String::new();
    let mut i = 0;
    while i < c.len() {
        let fresh = i == 0 || !c[i - 1].is_ascii_digit();
        let n = if fresh { run(i) } else { 0 };
        if n == 4 && c.get(i + 4) == Some(&'年') {
            let mut j = i + 5;
            if c.get(j) == Some(&'度') {
                out.push_str("{fy}");
                i = j + 1;
                continue;
            }
            let m = run(j);
            if m > 0 && c.get(j + m) == Some(&'月') {
                j += m + 1;
                let d = run(j);
                if d > 0 && c.get(j + d) == Some(&'日') {
                    j += d + 1;
                }
            }
            out.push_str("{date}");
            i = j;
        } else if at(i, "FY") && run(i + 2) == 4 {
            out.push_str("{fy}");
            i += 6;
        } else if n > 0 && n <= 2 && c.get(i + n) == Some(&' ') && month(i + n + 1) {
            out.push_str("{date}");
            i += n + 1 + 8;
        } else if (i == 0 || !c[i - 1].is_alphabetic()) && month(i) {
            out.push_str("{date}");
            i += 8;
        } else if n > 0 && (at(i + n, " more") || (i >= 2 && at(i - 2, "あと"))) {
            out.push_str("{n}");
            i += n;
        } else if let Some(k) = [("現在 ", 3), ("you have ", 9)]
            .iter()
            .find(|(p, k)| at(i, p) && run(i + k) > 0)
            .map(|&(_, k)| k)
        {
            // Only before a figure: "the cases you have still count" stays as written.
            out.extend(&c[i..i + k]);
            out.push_str("{n}");
            i += k + run(i + k);
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    out
}

fn snapshot() -> String {
    let rules = ce_roadmap_core::default_rules().expect("default rules valid");
    let mut found = BTreeSet::new();
    for (as_of, profile) in profiles(&rules) {
        let when = When {
            as_of: Some(as_of),
            today: as_of,
        };
        let r = evaluate(&rules, &profile, when).unwrap_or_else(|e| panic!("{e:?}"));
        for c in &r.credentials {
            if let Some(e) = &c.earliest {
                let (ja, en) = (
                    earliest_sentence(Lang::Ja, &rules, e),
                    earliest_sentence(Lang::En, &rules, e),
                );
                if !ja.is_empty() {
                    found.insert((
                        "credentials.earliest (sentence)".to_string(),
                        norm(&ja),
                        norm(&en),
                    ));
                }
                let (ja, en) = (
                    i18n::certify_sentence(Lang::Ja, &rules, e),
                    i18n::certify_sentence(Lang::En, &rules, e),
                );
                if !ja.is_empty() {
                    found.insert((
                        "credentials.earliest (certification sentence)".to_string(),
                        norm(&ja),
                        norm(&en),
                    ));
                }
            }
        }
        // The course comparison's lines, as the route table writes them.
        for x in &r.routes {
            found.insert((
                "routes (start)".to_string(),
                norm(&i18n::route_start(
                    Lang::Ja,
                    x.prior_study.as_ref(),
                    x.start_year,
                )),
                norm(&i18n::route_start(
                    Lang::En,
                    x.prior_study.as_ref(),
                    x.start_year,
                )),
            ));
            for u in &x.undated {
                found.insert((
                    "routes (undated)".to_string(),
                    norm(&i18n::route_undated(&rules, Lang::Ja, u)),
                    norm(&i18n::route_undated(&rules, Lang::En, u)),
                ));
            }
        }
        let json = serde_json::to_value(&r).expect("roadmaps serialise");
        collect(&json, "", &mut found);
    }
    // Rule texts the widget shows outside the roadmap.
    for (path, v) in [
        ("fee_support", serde_json::to_value(&rules.fee_support)),
        (
            "graduate_school",
            serde_json::to_value(&rules.graduate_school),
        ),
    ] {
        collect(&v.expect("rule texts serialise"), path, &mut found);
    }
    for m in Msg::ALL {
        found.insert((
            "widget".to_string(),
            m.text(Lang::Ja).to_string(),
            m.text(Lang::En).to_string(),
        ));
    }
    // The widget's formatted lines, with stand-ins for the figures.
    let formatted =
        |f: &dyn Fn(Lang) -> String| ("widget (formatted)".to_string(), f(Lang::Ja), f(Lang::En));
    found.insert(formatted(&|l| i18n::summary_counts(l, 1, 2, 3).join(" / ")));
    for steps in [false, true] {
        for lower in [false, true] {
            found.insert(formatted(&|l| {
                i18n::summary_next(l, "{name}", 2028, steps, lower)
            }));
        }
    }
    for typed in [false, true] {
        found.insert(formatted(&|l| {
            i18n::with_answered(l, Msg::Courses, 2, typed)
        }));
    }
    found.insert(formatted(&|l| {
        i18n::source_label(l, Some(("{body}", "{body}")), "", false)
    }));
    for official in [false, true] {
        found.insert(formatted(&|l| {
            i18n::source_label(l, None, "{host}", official)
        }));
    }
    found.insert(formatted(&|l| i18n::unofficial_mark(l, &["{host}"])));
    found.insert(formatted(&|l| i18n::member_label(l, "{body}")));
    found.insert(formatted(&|l| i18n::exam_label(l, "{name}")));
    found.insert(formatted(&|l| i18n::area_years_label(l, "{area}")));
    found.insert(formatted(&|l| i18n::member_years_label(l, "{body}")));
    found.insert(formatted(&|l| i18n::units_label(l, "{body}", "{unit}")));
    for up in [false, true] {
        found.insert(formatted(&|l| i18n::stepper_label(l, "{field}", up)));
    }
    found.insert(formatted(&|l| i18n::rules_edition(l, "2026.12.5")));
    found.insert(formatted(&|l| i18n::rules_edition(l, "{version}")));
    for (chosen, open) in [(0, false), (1, false), (0, true)] {
        found.insert(formatted(&|l| i18n::show_all(l, 18, chosen, open)));
    }
    found.insert(formatted(&|l| i18n::read_on(l, "{date}")));
    found.insert(formatted(&|l| {
        let (open, close) = i18n::title_quotes(l);
        format!("{{label}}{open}{{title}}{close}")
    }));
    let (month, by) = (
        ce_roadmap_core::date::Month::parse("2028-03").expect("a month"),
        ce_roadmap_core::Date::new(2027, 9, 30),
    );
    found.insert(formatted(&|l| i18n::sitting(l, month, by)));
    for c in rules
        .credentials
        .iter()
        .filter(|c| !c.applications.is_empty())
    {
        found.insert(formatted(&|l| {
            i18n::application_windows(l, &c.applications)
        }));
    }
    let mut out = String::from(
        "# Every sentence the default rules and the widget produce (tests/sentences.rs).\n\
         # Under each heading, a line of Japanese, then its English, then a blank line.\n\
         # {date}, {fy} and {n} stand for dates, fiscal years and the visitor's own figures.\n",
    );
    let mut heading = String::new();
    let found: BTreeSet<(String, String, String)> = found
        .into_iter()
        .map(|(p, ja, en)| (p, norm(&ja), norm(&en)))
        .collect();
    for (path, ja, en) in found {
        if path != heading {
            out.push_str(&format!("\n## {path}\n\n"));
            heading = path;
        }
        out.push_str(&format!("{ja}\n{en}\n\n"));
    }
    out
}

#[test]
fn every_sentence_is_in_the_snapshot() {
    let now = snapshot();
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(SNAPSHOT, &now).expect("tests/ is writable");
        return;
    }
    let was = std::fs::read_to_string(SNAPSHOT).unwrap_or_default();
    if was != now {
        let old: BTreeSet<&str> = was.lines().collect();
        let new: BTreeSet<&str> = now.lines().collect();
        let gone: Vec<&&str> = old.difference(&new).take(10).collect();
        let added: Vec<&&str> = new.difference(&old).take(10).collect();
        panic!(
            "{SNAPSHOT} is out of date; after a deliberate wording change run\n  \
             UPDATE_SNAPSHOTS=1 cargo test --test sentences\nand review the diff.\n\
             gone (first 10): {gone:#?}\nnew (first 10): {added:#?}"
        );
    }
}
