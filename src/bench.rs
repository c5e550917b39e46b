//! `ce-roadmap bench`: median times of one full-catalogue evaluation, alone
//! (`judge`) and whole (a licensed visitor; a prospective one with the courses
//! compared, and the same answers as a student, for what the comparison costs), and
//! of a generated 1,000-credential catalogue. Figures, not assertions: timings are
//! noisy.

use std::hint::black_box;
use std::time::Instant;

use ce_roadmap_core::rules::{self, RuleFile};
use ce_roadmap_core::{evaluate, evaluate_structured, judge, Date, Profile, RuleSet, When};

use crate::Fail;

fn median_ns(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(|a, b| a.total_cmp(b));
    samples[samples.len() / 2]
}

/// Median per-call time in ns over `rounds` rounds of `batch` calls.
fn measure(rounds: usize, batch: usize, mut f: impl FnMut()) -> (f64, f64, f64) {
    for _ in 0..batch {
        f();
    }
    let samples: Vec<f64> = (0..rounds)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..batch {
                f();
            }
            t.elapsed().as_nanos() as f64 / batch as f64
        })
        .collect();
    let mut s = samples.clone();
    s.sort_by(|a, b| a.total_cmp(b));
    (median_ns(samples), s[s.len() / 10], s[s.len() * 9 / 10])
}

fn profile() -> Profile {
    let json = r#"{"as_of":"2026-11-21","stage":"licensed","licences":["ce"],
        "experience":{"blood_purification":2.5,"intensive_care":1,"respiratory":3},
        "membership":{"jacet":3,"jhrs":1},"cases":{"cath_assists":120,"pci_assists":60},
        "units":{"jacet":25},"courses":["dialysis_course","jacet_orientation"],"held":["me2"]}"#;
    Profile::from_json(json).unwrap_or_default()
}

/// The default catalogue's credentials repeated with fresh ids up to `n`.
fn big_catalogue_file(n: usize) -> Result<RuleFile, Fail> {
    let mut file: RuleFile =
        rules::parse("data/rules.toml", rules::DEFAULT_RULES, rules::Format::Toml)?;
    let base = file.credentials.clone();
    file.credentials.clear();
    for i in 0..n {
        let mut c = base[i % base.len()].clone();
        if i >= base.len() {
            c.id.0 = format!("{}_{i}", c.id.0);
        }
        file.credentials.push(c);
    }
    Ok(file)
}

fn big_catalogue(n: usize) -> Result<RuleSet, Fail> {
    let text = serde_json::to_string(&big_catalogue_file(n)?)?;
    Ok(rules::load("generated.json", &text)?)
}

/// One measured figure, for the table and for `--json`.
struct Figure {
    key: &'static str,
    name: &'static str,
    median_ns: f64,
    p10_ns: f64,
    p90_ns: f64,
    goal_ns: Option<f64>,
}

fn figure(
    out: &mut Vec<Figure>,
    key: &'static str,
    name: &'static str,
    m: (f64, f64, f64),
    goal_ns: Option<f64>,
) {
    line(name, m, goal_ns);
    out.push(Figure {
        key,
        name,
        median_ns: m.0,
        p10_ns: m.1,
        p90_ns: m.2,
        goal_ns,
    });
}

fn to_json(figures: &[Figure]) -> String {
    let items: Vec<serde_json::Value> = figures
        .iter()
        .map(|f| {
            serde_json::json!({
                "key": f.key, "name": f.name, "median_ns": f.median_ns,
                "p10_ns": f.p10_ns, "p90_ns": f.p90_ns, "budget_ns": f.goal_ns,
                "within_budget": f.goal_ns.map(|g| f.median_ns <= g),
            })
        })
        .collect();
    serde_json::to_string_pretty(&serde_json::json!({ "native": items })).unwrap_or_default()
}

fn line(name: &str, (median, p10, p90): (f64, f64, f64), goal_ns: Option<f64>) {
    let fmt = |ns: f64| {
        if ns >= 1e6 {
            format!("{:.2} ms", ns / 1e6)
        } else {
            format!("{:.1} µs", ns / 1e3)
        }
    };
    let goal = match goal_ns {
        Some(g) if median <= g => format!("goal ≤ {}  within goal", fmt(g)),
        Some(g) => format!("goal ≤ {}  OVER goal", fmt(g)),
        None => "no goal set".to_string(),
    };
    println!(
        "{name:<44} median {:>10}  (p10 {}, p90 {})  {goal}",
        fmt(median),
        fmt(p10),
        fmt(p90)
    );
}

pub fn run(args: &[String]) -> Result<(), Fail> {
    let mut json_out = None;
    let mut catalogue_out = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = || {
            it.next()
                .cloned()
                .ok_or_else(|| Fail(format!("`{a}` needs a file name")))
        };
        match a.as_str() {
            "--json" => json_out = Some(value()?),
            "--write-catalogue" => catalogue_out = Some(value()?),
            _ => return Err(Fail(format!("unexpected argument `{a}`"))),
        }
    }
    if let Some(path) = catalogue_out {
        // For the browser benchmark: the same generated catalogue, as a host rule file.
        let file = big_catalogue_file(1000)?;
        std::fs::write(&path, serde_json::to_string(&file)?)
            .map_err(|e| Fail(format!("{path}: {e}")))?;
        println!("wrote a 1,000-credential catalogue to {path}");
        return Ok(());
    }
    if cfg!(debug_assertions) {
        eprintln!("warning: a debug build; run `cargo run --release -- bench` for real figures");
    }
    println!("(median per call over many rounds; p10/p90 show the spread; this machine is shared and noisy)");
    let rules = rules::default_rules()?;
    let p = profile();
    let when = When {
        as_of: Some(Date::parse("2026-11-21").unwrap_or(Date::from_unix_days(0))),
        today: Date::from_unix_days(0),
    };
    println!(
        "ce-roadmap bench: {} credentials in the default catalogue",
        rules.credentials.len()
    );
    let mut figures = Vec::new();
    let eval_of = |p: &Profile, rounds: usize| {
        measure(rounds, rounds - 1, || {
            black_box(evaluate_structured(black_box(&rules), black_box(p), when).ok());
        })
    };
    // Issue 12: evaluation ≤ 20 µs, and "with the plan" ≤ 50 µs. `judge` is the
    // evaluation alone (every criterion judged, the steps ranked); `evaluate_structured`,
    // what the widget calls, adds each credential's dates, the timeline and the plan.
    let judged = measure(201, 200, || {
        black_box(judge(black_box(&rules), black_box(&p), when).ok());
    });
    figure(
        &mut figures,
        "full_catalogue_judge",
        "full catalogue: judge alone (no dates, no plan)",
        judged,
        Some(20_000.0),
    );
    let full = eval_of(&p, 201);
    figure(
        &mut figures,
        "full_catalogue_eval",
        "full catalogue: evaluate, plan included",
        full,
        Some(50_000.0),
    );
    // Someone choosing a school: the roadmap also compares every course length,
    // each evaluated once more (issue 15).
    let choosing = Profile::from_json(
        r#"{"stage":"prospective","school":{"years":3,"start_year":2027},
            "plan_areas":["blood_purification","respiratory"]}"#,
    )
    .unwrap_or_default();
    let routes = eval_of(&choosing, 101);
    figure(
        &mut figures,
        "prospective_routes_eval",
        "prospective, 3 courses compared: evaluate",
        routes,
        None,
    );
    // The same answers as a student: one course, nothing compared.
    let mut student = choosing.clone();
    student.stage = ce_roadmap_core::profile::Stage::Student;
    let one = eval_of(&student, 101);
    figure(
        &mut figures,
        "student_one_course_eval",
        "student, same answers, 1 course: evaluate",
        one,
        None,
    );
    let explained = measure(101, 100, || {
        black_box(evaluate(black_box(&rules), black_box(&p), when).ok());
    });
    figure(
        &mut figures,
        "full_catalogue_explain",
        "full catalogue: evaluate + explain (texts)",
        explained,
        None,
    );
    let json = measure(51, 50, || {
        let r = evaluate(&rules, &p, when).ok();
        black_box(serde_json::to_string(&r).ok());
    });
    figure(
        &mut figures,
        "full_catalogue_json",
        "full catalogue: evaluate + explain + JSON",
        json,
        None,
    );

    let big = big_catalogue(1000)?;
    let big_eval = measure(31, 5, || {
        black_box(evaluate_structured(black_box(&big), black_box(&p), when).ok());
    });
    figure(
        &mut figures,
        "catalogue_1000_eval",
        "1,000 credentials: evaluate",
        big_eval,
        Some(1_000_000.0),
    );
    let big_full = measure(31, 5, || {
        black_box(evaluate(black_box(&big), black_box(&p), when).ok());
    });
    figure(
        &mut figures,
        "catalogue_1000_explain",
        "1,000 credentials: evaluate + explain",
        big_full,
        None,
    );
    if let Some(path) = json_out {
        std::fs::write(&path, to_json(&figures)).map_err(|e| Fail(format!("{path}: {e}")))?;
    }
    Ok(())
}
