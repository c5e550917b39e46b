//! The `ce-roadmap` binary: commands, the JSON contract, and exit code 2 with one
//! clear message for bad input.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_ce-roadmap"))
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("runs")
}

fn run_stdin(args: &[&str], input: &str) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawns");
    // The binary may exit before reading (a missing file, a bad flag): a broken
    // pipe here is expected; its exit code and message are what is checked.
    let _ = child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes());
    child.wait_with_output().expect("runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

fn tmp(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("ce-roadmap-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp dir");
    let p = dir.join(name);
    std::fs::write(&p, text).expect("writes");
    p.display().to_string()
}

#[test]
fn validate_the_default_rules() {
    let o = run(&["validate", "data/rules.toml"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("27 credentials") && out.contains("sha256"),
        "{out}"
    );
}

#[test]
fn validate_reports_every_error_with_path_and_line() {
    let bad = std::fs::read_to_string("data/rules.toml")
        .unwrap()
        .replacen("area = \"blood_purification\"", "area = \"dialysis\"", 1);
    let o = run(&["validate", &tmp("bad.toml", &bad)]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(
        e.contains("bad.toml:")
            && e.contains(".conditions[")
            && e.contains("unknown area `dialysis`"),
        "{e}"
    );
}

#[test]
fn eval_prints_the_roadmap_contract() {
    let profile = r#"{ "as_of": "2026-11-21", "stage": "licensed", "licences": ["ce"],
        "experience": {"blood_purification": 2.5}, "membership": {"jacet": 3},
        "cases": {"pci_assists": 120}, "units": {"jacet": 25}, "courses": ["dialysis_course"],
        "held": ["me2"], "passed_exams": [] }"#;
    let o = run(&["eval", "--profile", &tmp("p.json", profile)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["as_of"], "2026-11-21");
    assert_eq!(v["rules"]["version"], "2026.12.7");
    assert_eq!(v["rules"]["sha256"].as_str().map(str::len), Some(64));
    let creds = v["credentials"].as_array().expect("array");
    assert_eq!(creds.len(), 27);
    let dialysis = creds
        .iter()
        .find(|c| c["id"] == "dialysis_tech")
        .expect("dialysis_tech");
    assert_eq!(dialysis["status"], "eligible");
    assert_eq!(dialysis["ready_on"], "2026-05-21");
    let exp = dialysis["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["kind"] == "experience")
        .expect("experience criterion");
    assert_eq!(
        (
            exp["met"].as_bool(),
            exp["have"].as_f64(),
            exp["need"].as_f64()
        ),
        (Some(true), Some(2.5), Some(2.0))
    );
    assert_eq!(exp["area"], "blood_purification");
    assert!(exp["source"]["url"]
        .as_str()
        .unwrap()
        .starts_with("https://"));
    assert!(dialysis["next_steps"].as_array().unwrap().is_empty());
    let me2 = creds.iter().find(|c| c["id"] == "me2").unwrap();
    assert_eq!(me2["status"], "held");
    for c in creds {
        let s = c["status"].as_str().unwrap();
        assert!(["held", "eligible", "waiting", "action"].contains(&s));
        for k in c["criteria"].as_array().unwrap() {
            assert!(k["met"].is_boolean() && k["kind"].is_string());
        }
    }
}

#[test]
fn eval_as_of_sets_the_date_for_a_profile_without_one() {
    let o = run_stdin(
        &["eval", "--profile", "-", "--as-of", "2027-04-01"],
        r#"{"licences":["ce"]}"#,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["as_of"], "2027-04-01");
}

#[test]
fn eval_with_a_host_rule_file() {
    let o = run(&[
        "eval",
        "--profile",
        &tmp("e.json", "{}"),
        "--rules",
        "data/rules.toml",
        "--as-of",
        "2026-11-21",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn bad_input_exits_2_with_one_clear_message() {
    let cases: &[(&[&str], &str, &str)] = &[
        (
            &["eval", "--profile", "/no/such/file.json"],
            "",
            "cannot read /no/such/file.json",
        ),
        (
            &["eval", "--profile", "-"],
            "{not json",
            "key must be a string",
        ),
        (
            &["eval", "--profile", "-"],
            r#"{"experience":{"blood_purification":-1}}"#,
            "experience.blood_purification: -1 is negative",
        ),
        (
            &["eval", "--profile", "-"],
            r#"{"experience":{"blood_purification":1e999}}"#,
            "experience.blood_purification",
        ),
        (
            &["eval", "--profile", "-"],
            r#"{"experience":{"blood_purification":"two"}}"#,
            "experience.blood_purification: invalid type",
        ),
        (
            &["eval", "--profile", "-"],
            r#"{"experience":{"dialysis":2}}"#,
            "unknown area `dialysis`",
        ),
        (
            &["eval", "--profile", "-"],
            r#"{"held":["nope"]}"#,
            "held[0]: unknown credential `nope`",
        ),
        (
            &["eval", "--profile", "-"],
            r#"{"stage":"doctor"}"#,
            "stage: unknown variant",
        ),
        (
            &["eval", "--profile", "-"],
            r#"{"colour":"red"}"#,
            "unknown field `colour`",
        ),
        (
            &["eval", "--profile", "-", "--as-of", "2026-13-01"],
            "{}",
            "--as-of",
        ),
        (&["eval"], "", "needs --profile"),
        (
            &["eval", "--profile", "-", "--rules", "/no/rules.toml"],
            "{}",
            "cannot read /no/rules.toml",
        ),
        (&["frobnicate"], "", "unknown command"),
        (&["validate", "/no/such.toml"], "", "cannot read"),
        (&["test", "/no/cases.toml"], "", "cannot read"),
    ];
    for (args, input, expect) in cases {
        let o = run_stdin(args, input);
        let e = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?} {input}: {e}");
        assert!(
            e.contains(expect),
            "{args:?} {input}: expected `{expect}` in: {e}"
        );
        assert!(!e.contains("panicked"), "{e}");
        assert!(e.starts_with("ce-roadmap: "), "{e}");
    }
}

#[test]
fn schema_is_json_schema_of_the_rule_file() {
    let o = run(&["schema"]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v["$schema"].as_str().unwrap().contains("json-schema.org"));
    assert_eq!(v["additionalProperties"], false);
    assert!(v["properties"]["credentials"].is_object());
    assert!(v["required"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r == "version"));
}

#[test]
fn test_command_runs_the_cases_and_reports_failures() {
    let o = run(&["test"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{out}");
    assert!(out.trim_end().ends_with(" 0 failed"), "{out}");
    let failing = "[[case]]\nname = \"wrong on purpose\"\nas_of = \"2026-11-21\"\nprofile = {}\nexpect.me2 = { status = \"held\" }\n";
    let o = run(&["test", &tmp("fail.toml", failing)]);
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("FAIL")
            && out.contains("me2: status eligible (expected held)")
            && out.contains("0 passed, 1 failed"),
        "{out}"
    );
}

#[test]
fn export_prints_json_that_loads_with_the_same_hash() {
    let o = run(&["export", "data/rules.toml"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let json = String::from_utf8(o.stdout).unwrap();
    let from_json = ce_roadmap_core::rules::load("r.json", &json).unwrap_or_else(|e| panic!("{e}"));
    let from_toml = ce_roadmap_core::default_rules().unwrap();
    assert_eq!(from_json.sha256, from_toml.sha256);
    let bad = run(&["export", &tmp("bad.json", "{}")]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn the_association_demo_rule_file_is_valid() {
    let text = std::fs::read_to_string("www/rules/association.json").expect("demo rule file");
    let r = ce_roadmap_core::rules::load("www/rules/association.json", &text)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(r.version.contains("association"), "{}", r.version);
    // Made from the built-in rules (`ce-roadmap export`, then the host's edits), and
    // never left older than them: the portal reads as the default widget does.
    let date = |v: &str| -> Vec<u32> {
        v.split(['.', '-'])
            .take(3)
            .map(|p| p.parse().expect("a dated version"))
            .collect()
    };
    let built_in = ce_roadmap_core::default_rules().unwrap();
    assert!(
        date(&r.version) >= date(&built_in.version),
        "{} is older than the built-in {}",
        r.version,
        built_in.version
    );
    assert!(
        r.sources.iter().filter(|s| s.official).count() * 2 > r.sources.len(),
        "the official pages are marked so"
    );
}

#[test]
fn compile_writes_what_eval_and_the_browser_read() {
    let dir = std::env::temp_dir().join(format!("ce-roadmap-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp dir");
    let out = dir.join("rules.bin");
    let out = out.to_str().expect("utf-8 path");
    let o = run(&["compile", "www/rules/association.json", "-o", out]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("compiled www/rules/association.json: version 2026.12.7-association.2")
    );
    let bytes = std::fs::read(out).expect("written");
    assert!(ce_roadmap_core::rules::compiled::is_compiled(&bytes));
    // To stdout (not a terminal here), the same bytes.
    let o = run(&["compile", "www/rules/association.json"]);
    assert!(o.status.success());
    assert_eq!(o.stdout, bytes);
    // The compiled file evaluates exactly as the JSON it came from.
    let profile = tmp(
        "p-compiled.json",
        r#"{"stage":"licensed","licences":["ce"],"experience":{"blood_purification":3}}"#,
    );
    let eval = |rules: &str| {
        run(&[
            "eval",
            "--profile",
            &profile,
            "--rules",
            rules,
            "--as-of",
            "2026-11-21",
        ])
        .stdout
    };
    assert_eq!(eval(out), eval("www/rules/association.json"));
    // A damaged one is refused with the reason.
    let cut = dir.join("cut.bin");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).expect("written");
    let o = run(&[
        "eval",
        "--profile",
        &profile,
        "--rules",
        cut.to_str().expect("utf-8"),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("checksum does not match"),
        "{}",
        stderr(&o)
    );
    // An invalid rule file compiles to nothing, with every error.
    let bad = tmp("bad-compile.json", r#"{"version": ""}"#);
    let o = run(&["compile", &bad, "-o", out]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("bad-compile.json"), "{}", stderr(&o));
}

#[test]
fn validate_strict_names_unofficial_sources_and_month_only_dates_with_paths_and_lines() {
    let ok = std::fs::read_to_string("tests/fixtures/strict-ok.toml").expect("fixture");
    let o = run(&["validate", &tmp("strict-ok.toml", &ok), "--strict"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("strict: every condition"));
    // The same file with its one source unmarked and read in a month only: valid, not strict.
    let weak = ok
        .replace("official = true\n", "")
        .replace("read = \"2026-11-23\"", "read = \"2026-11\"");
    let path = tmp("strict-weak.toml", &weak);
    assert_eq!(run(&["validate", &path]).status.code(), Some(0));
    let o = run(&["validate", &path, "--strict"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.starts_with("strict: 3 problems"), "{err}");
    assert!(
        err.contains(":8: sources[0].read: source `S1` was read on `2026-11`"),
        "{err}"
    );
    for c in [0, 1] {
        assert!(
            err.contains(&format!(
                "credentials[{c}].conditions[0].source: source `S1` is not marked `official = true`"
            )),
            "{err}"
        );
    }
}

#[test]
fn docs_rules_sources_is_the_sources_table_of_the_default_rules() {
    let o = run(&["sources"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let now = String::from_utf8(o.stdout).expect("UTF-8");
    let doc = std::fs::read_to_string("docs/rules-sources.md").unwrap_or_default();
    assert!(
        doc == now,
        "docs/rules-sources.md is out of date: run `cargo run --release -- sources > docs/rules-sources.md`"
    );
    let rows = now
        .lines()
        .filter(|l| l.starts_with("| ") && l.contains(" (`"))
        .count();
    assert_eq!(rows, 27, "a row per credential");
}

#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    // `ce-roadmap export | head -1`: the export is larger than a pipe's buffer, so the
    // binary is still writing when the reader goes away.
    let mut child = bin()
        .arg("export")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawns");
    let mut out = child.stdout.take().expect("stdout");
    let mut first = [0u8; 16];
    std::io::Read::read_exact(&mut out, &mut first).expect("some output");
    drop(out);
    let o = child.wait_with_output().expect("runs");
    assert!(
        !stderr(&o).contains("panicked"),
        "a closed pipe made the binary panic: {}",
        stderr(&o)
    );
}

/// Without targets the plan holds the profile's areas and the general credentials;
/// `--all` holds the whole catalogue.
#[test]
fn plan_holds_the_focus_and_all_the_catalogue() {
    let profile = r#"{"as_of":"2026-12-07","experience":{"blood_purification":2}}"#;
    let focus = run_stdin(&["plan", "--profile", "-", "--lang", "en"], profile);
    assert!(
        focus.status.success(),
        "{}",
        String::from_utf8_lossy(&focus.stderr)
    );
    let focus = String::from_utf8_lossy(&focus.stdout).to_string();
    let all = run_stdin(
        &["plan", "--profile", "-", "--lang", "en", "--all"],
        profile,
    );
    assert!(
        all.status.success(),
        "{}",
        String::from_utf8_lossy(&all.stderr)
    );
    let all = String::from_utf8_lossy(&all.stdout).to_string();
    assert!(
        focus.contains("dialysis technician certification course"),
        "{focus}"
    );
    for other in ["endoscopy", "hyperbaric"] {
        assert!(
            !focus.to_lowercase().contains(other),
            "{other} in the focused plan:\n{focus}"
        );
        assert!(
            all.to_lowercase().contains(other),
            "{other} not in --all:\n{all}"
        );
    }
    // The same for the JSON of `eval`.
    let holds = |args: &[&str], id: &str| {
        let out = run_stdin(args, profile);
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        v["plan"]
            .as_array()
            .unwrap()
            .iter()
            .any(|y| y["opens"].as_array().unwrap().iter().any(|o| o == id))
    };
    assert!(!holds(&["eval", "--profile", "-"], "cied_specialist"));
    assert!(holds(
        &["eval", "--profile", "-", "--all"],
        "cied_specialist"
    ));
}
