//! `ce-roadmap bench`: median times of one full-catalogue evaluation and of a
//! generated 1,000-credential catalogue. Figures, not assertions: timings are noisy.

use std::hint::black_box;
use std::time::Instant;

use ce_roadmap::rules::{self, RuleFile};
use ce_roadmap::{evaluate, evaluate_structured, Date, Profile, RuleSet, When};

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
fn big_catalogue(n: usize) -> Result<RuleSet, Fail> {
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
    let text = serde_json::to_string(&file)?;
    Ok(rules::load("generated.json", &text)?)
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
    if let Some(a) = args.first() {
        return Err(Fail(format!("unexpected argument `{a}`")));
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
    let full = measure(201, 200, || {
        black_box(evaluate_structured(black_box(&rules), black_box(&p), when).ok());
    });
    line("full catalogue: evaluate", full, Some(20_000.0));
    let explained = measure(101, 100, || {
        black_box(evaluate(black_box(&rules), black_box(&p), when).ok());
    });
    line(
        "full catalogue: evaluate + explain (texts)",
        explained,
        None,
    );
    let json = measure(51, 50, || {
        let r = evaluate(&rules, &p, when).ok();
        black_box(serde_json::to_string(&r).ok());
    });
    line("full catalogue: evaluate + explain + JSON", json, None);

    let big = big_catalogue(1000)?;
    let big_eval = measure(31, 5, || {
        black_box(evaluate_structured(black_box(&big), black_box(&p), when).ok());
    });
    line("1,000 credentials: evaluate", big_eval, Some(1_000_000.0));
    let big_full = measure(31, 5, || {
        black_box(evaluate(black_box(&big), black_box(&p), when).ok());
    });
    line("1,000 credentials: evaluate + explain", big_full, None);
    Ok(())
}
