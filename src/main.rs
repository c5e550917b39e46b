//! `ce-roadmap`: the maintainers' tool. validate, eval, schema, test, bench.
//! Bad input prints one clear message on stderr and exits with 2; never a panic.

mod bench;
mod plan;
mod sources;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use ce_roadmap_core::rules::{self, RuleFile, RuleSet};
use ce_roadmap_core::{cases, evaluate, Date, Profile, Roadmap, When};

const USAGE: &str = "\
ce-roadmap: credential roadmap rules for clinical engineering technologists

Usage:
  ce-roadmap validate [FILE] [--strict]       check a rule file (default: data/rules.toml, else the embedded rules);
                                              --strict: every condition's source official, every read date a day
  ce-roadmap eval --profile FILE [--rules FILE] [--as-of YYYY-MM-DD] [--all]
                                              print the roadmap JSON for a profile (FILE may be - for stdin)
  ce-roadmap plan --profile FILE [--rules FILE] [--as-of YYYY-MM-DD] [--lang ja|en] [--ics] [--all]
                                              print the plan by fiscal year: what to do, what can be held;
                                              without targets it holds the credentials in focus (the
                                              profile's areas, the general ones, what they need); --all:
                                              the whole catalogue; --ics: as an iCalendar file (one event
                                              per step with published dates)
  ce-roadmap sources [FILE]                   print the table of docs/rules-sources.md: each credential's cited
                                              pages (official or not, day read) and its unknowns
  ce-roadmap schema                           print the JSON Schema of the rule file
  ce-roadmap export [FILE]                    validate a rule file and print it as JSON
  ce-roadmap compile [FILE] [-o OUT]          validate a rule file and write its compiled form (what the
                                              widget reads without its rule compiler): rules.bin
  ce-roadmap test [--rules FILE] [FILES...]   run declarative cases (default: data/cases/*.toml)
  ce-roadmap bench                            print median evaluation times
  ce-roadmap --version

Exit codes: 0 ok, 1 test cases failed, 2 bad input.";

/// An error for the user: printed once, exit code 2.
struct Fail(String);

impl<E: std::fmt::Display> From<E> for Fail {
    fn from(e: E) -> Self {
        Fail(e.to_string())
    }
}

fn main() -> ExitCode {
    quiet_on_closed_pipe();
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(Fail(msg)) => {
            eprintln!("ce-roadmap: {msg}");
            ExitCode::from(2)
        }
    }
}

/// `ce-roadmap export | head` ends quietly when `head` closes the pipe, as other Unix tools
/// do: Rust's runtime ignores SIGPIPE, so every later print would panic instead.
#[cfg(unix)]
fn quiet_on_closed_pipe() {
    unsafe extern "C" {
        fn signal(signum: i32, handler: usize) -> usize;
    }
    const SIGPIPE: i32 = 13; // the same on Linux and macOS
    const SIG_DFL: usize = 0;
    // SAFETY: restores the default action for one signal before any thread is started.
    unsafe {
        signal(SIGPIPE, SIG_DFL);
    }
}
#[cfg(not(unix))]
fn quiet_on_closed_pipe() {}

fn run(args: &[String]) -> Result<ExitCode, Fail> {
    let Some(cmd) = args.first() else {
        return Err(Fail(format!("no command given\n\n{USAGE}")));
    };
    let rest = &args[1..];
    match cmd.as_str() {
        "validate" => validate(rest),
        "eval" => eval(rest),
        "plan" => plan::run(rest),
        "schema" => schema(rest),
        "export" => export(rest),
        "compile" => compile(rest),
        "sources" => sources_table(rest),
        "test" => test(rest),
        "bench" => bench::run(rest).map(|_| ExitCode::SUCCESS),
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        "-V" | "--version" => {
            println!("ce-roadmap {}", env!("CARGO_PKG_VERSION"));
            Ok(ExitCode::SUCCESS)
        }
        other => Err(Fail(format!("unknown command `{other}`\n\n{USAGE}"))),
    }
}

fn read(path: &str) -> Result<String, Fail> {
    if path == "-" {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut s)
            .map_err(|e| Fail(format!("cannot read stdin: {e}")))?;
        return Ok(s);
    }
    let bytes = std::fs::read(path).map_err(|e| Fail(format!("cannot read {path}: {e}")))?;
    String::from_utf8(bytes).map_err(|_| Fail(format!("{path}: not UTF-8 text")))
}

/// The rules named by --rules (a rule file, or one compiled by `compile`), else
/// the embedded defaults.
fn load_rules(path: Option<&str>) -> Result<RuleSet, Fail> {
    let Some(p) = path else {
        return Ok(rules::default_rules()?);
    };
    if p == "-" {
        return Ok(rules::load(p, &read(p)?)?);
    }
    // Read once: compiled (by its first bytes) or a rule file's text.
    let bytes = std::fs::read(p).map_err(|e| Fail(format!("cannot read {p}: {e}")))?;
    if rules::compiled::is_compiled(&bytes) {
        return rules::compiled::decode(&bytes).map_err(|e| Fail(format!("{p}: {e}")));
    }
    let text = String::from_utf8(bytes).map_err(|_| Fail(format!("{p}: not UTF-8 text")))?;
    Ok(rules::load(p, &text)?)
}

/// `--flag value` pairs, and the positional arguments.
type Parsed<'a> = (Vec<(&'a str, &'a str)>, Vec<&'a str>);

/// Splits `--flag value` options from positional arguments.
fn options<'a>(args: &'a [String], flags: &[&str]) -> Result<Parsed<'a>, Fail> {
    let mut opts = Vec::new();
    let mut pos = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        if let Some((flag, value)) = a.split_once('=').filter(|(f, _)| flags.contains(f)) {
            opts.push((flag, value));
        } else if flags.contains(&a) {
            let v = args
                .get(i + 1)
                .ok_or_else(|| Fail(format!("{a} needs a value")))?;
            opts.push((a, v.as_str()));
            i += 1;
        } else if a.starts_with("--") {
            return Err(Fail(format!("unknown option `{a}`")));
        } else {
            pos.push(a);
        }
        i += 1;
    }
    Ok((opts, pos))
}

fn opt<'a>(opts: &[(&str, &'a str)], name: &str) -> Option<&'a str> {
    opts.iter().rev().find(|(f, _)| *f == name).map(|(_, v)| *v)
}

/// The rule file to check: the one named, else data/rules.toml, else the embedded one.
fn rule_text(cmd: &str, pos: &[&str]) -> Result<(String, String), Fail> {
    if pos.len() > 1 {
        return Err(Fail(format!("{cmd} takes one file")));
    }
    Ok(match pos.first() {
        Some(p) => (p.to_string(), read(p)?),
        None if Path::new("data/rules.toml").exists() => {
            ("data/rules.toml".to_string(), read("data/rules.toml")?)
        }
        None => (
            "(embedded) data/rules.toml".to_string(),
            rules::DEFAULT_RULES.to_string(),
        ),
    })
}

/// Every error of a rule file, counted.
fn rule_errors(name: &str, errs: rules::RuleErrors) -> Fail {
    let n = errs.0.len();
    Fail(format!(
        "{n} error{} in {name}:\n{errs}",
        if n == 1 { "" } else { "s" }
    ))
}

fn sources_table(args: &[String]) -> Result<ExitCode, Fail> {
    let (_, pos) = options(args, &[])?;
    let (name, text) = rule_text("sources", &pos)?;
    rules::load(&name, &text).map_err(|errs| rule_errors(&name, errs))?;
    let file = rules::parse(&name, &text, rules::Format::guess(&name, &text))
        .map_err(|e| Fail(e.to_string()))?;
    print!("{}", sources::table(&file));
    Ok(ExitCode::SUCCESS)
}

fn validate(args: &[String]) -> Result<ExitCode, Fail> {
    let strict = args.iter().any(|a| a == "--strict");
    let rest: Vec<String> = args.iter().filter(|a| *a != "--strict").cloned().collect();
    let (_, pos) = options(&rest, &[])?;
    let (name, text) = rule_text("validate", &pos)?;
    let r = rules::load(&name, &text).map_err(|errs| rule_errors(&name, errs))?;
    println!(
        "ok: {name}: version {}, {} credentials, sha256 {}",
        r.version,
        r.credentials.len(),
        r.sha256
    );
    if !strict {
        return Ok(ExitCode::SUCCESS);
    }
    // Valid, but resting on pages other than the bodies' own, or read on no known day:
    // exit 1, like a failed check, not 2 (the file itself is fine).
    match rules::load::strict(&name, &text) {
        Ok(()) => {
            println!("strict: every condition cites an official source, every source has its day");
            Ok(ExitCode::SUCCESS)
        }
        Err(problems) => {
            let n = problems.0.len();
            eprintln!(
                "strict: {n} problem{} in {name}:\n{problems}",
                if n == 1 { "" } else { "s" }
            );
            Ok(ExitCode::from(1))
        }
    }
}

/// Writes the compiled form (`rules::compiled`) to `-o FILE` or stdout; never
/// binary to a terminal.
fn compile(args: &[String]) -> Result<ExitCode, Fail> {
    use std::io::{IsTerminal, Write};
    let (opts, pos) = options(args, &["-o"])?;
    let (name, text) = rule_text("compile", &pos)?;
    let set = rules::load(&name, &text).map_err(|errs| rule_errors(&name, errs))?;
    let bytes = rules::compiled::encode(&set);
    match opt(&opts, "-o") {
        Some(out) => {
            std::fs::write(out, &bytes).map_err(|e| Fail(format!("cannot write {out}: {e}")))?
        }
        None if std::io::stdout().is_terminal() => {
            return Err(Fail(
                "compile writes binary: redirect it (> rules.bin) or use -o FILE".into(),
            ))
        }
        None => std::io::stdout()
            .write_all(&bytes)
            .map_err(|e| Fail(format!("cannot write the compiled rules: {e}")))?,
    }
    eprintln!(
        "compiled {name}: version {}, {} credentials, {} bytes (format {})",
        set.version,
        set.credentials.len(),
        bytes.len(),
        rules::compiled::FORMAT
    );
    Ok(ExitCode::SUCCESS)
}

/// What `eval` and `plan` read: the rules, the profile and the evaluation date.
struct Inputs {
    rules: RuleSet,
    profile: Profile,
    profile_path: String,
    when: When,
}

impl Inputs {
    /// The roadmap with its texts; a profile error names the profile file.
    fn evaluate(&self) -> Result<Roadmap<'_>, Fail> {
        evaluate(&self.rules, &self.profile, self.when)
            .map_err(|e| Fail(format!("{}: {e}", self.profile_path)))
    }

    /// With `--all` and no targets, the plan holds the whole catalogue instead of
    /// the credentials in focus (the visitor's areas, the general ones).
    fn evaluate_scoped(&self, all: bool) -> Result<Roadmap<'_>, Fail> {
        let mut r = self.evaluate()?;
        if all && self.profile.targets.is_empty() {
            r.plan = ce_roadmap_core::plan::rescoped(
                &self.rules,
                &r,
                ce_roadmap_core::plan::Include::All,
            );
        }
        Ok(r)
    }
}

/// `--all`, the one flag without a value, taken out of the arguments.
fn take_all(args: &[String]) -> (bool, Vec<String>) {
    let all = args.iter().any(|a| a == "--all");
    (
        all,
        args.iter().filter(|a| *a != "--all").cloned().collect(),
    )
}

fn inputs(cmd: &str, opts: &[(&str, &str)], pos: &[&str]) -> Result<Inputs, Fail> {
    if let Some(p) = pos.first() {
        return Err(Fail(format!("unexpected argument `{p}`")));
    }
    let profile_path =
        opt(opts, "--profile").ok_or_else(|| Fail(format!("{cmd} needs --profile FILE")))?;
    let as_of =
        match opt(opts, "--as-of") {
            Some(s) => Some(Date::parse(s).ok_or_else(|| {
                Fail(format!("--as-of: `{s}` is not a date: expected YYYY-MM-DD"))
            })?),
            None => None,
        };
    let rules = load_rules(opt(opts, "--rules"))?;
    let text = read(profile_path)?;
    let profile = Profile::from_json(&text).map_err(|e| Fail(format!("{profile_path}: {e}")))?;
    Ok(Inputs {
        rules,
        profile,
        profile_path: profile_path.to_string(),
        when: When {
            as_of,
            today: Date::today_jst(),
        },
    })
}

fn eval(args: &[String]) -> Result<ExitCode, Fail> {
    let (all, args) = take_all(args);
    let (opts, pos) = options(&args, &["--profile", "--rules", "--as-of"])?;
    let inputs = inputs("eval", &opts, &pos)?;
    let roadmap = inputs.evaluate_scoped(all)?;
    println!("{}", serde_json::to_string_pretty(&roadmap)?);
    Ok(ExitCode::SUCCESS)
}

/// The rule file as JSON, for hosts: the widget in the browser reads JSON only.
fn export(args: &[String]) -> Result<ExitCode, Fail> {
    let (_, pos) = options(args, &[])?;
    if pos.len() > 1 {
        return Err(Fail("export takes one file".into()));
    }
    let path = pos.first().copied().unwrap_or("data/rules.toml");
    let text = read(path)?;
    rules::load(path, &text)?;
    let file = rules::parse(path, &text, rules::Format::guess(path, &text))?;
    println!("{}", serde_json::to_string_pretty(&file)?);
    Ok(ExitCode::SUCCESS)
}

fn schema(args: &[String]) -> Result<ExitCode, Fail> {
    if let Some(a) = args.first() {
        return Err(Fail(format!("unexpected argument `{a}`")));
    }
    let schema = schemars::schema_for!(RuleFile);
    println!("{}", serde_json::to_string_pretty(&schema)?);
    Ok(ExitCode::SUCCESS)
}

fn case_files(pos: &[&str]) -> Result<Vec<PathBuf>, Fail> {
    if !pos.is_empty() {
        return Ok(pos.iter().map(PathBuf::from).collect());
    }
    cases::files_in(cases::DIR).map_err(Fail)
}

fn test(args: &[String]) -> Result<ExitCode, Fail> {
    let (opts, pos) = options(args, &["--rules"])?;
    let rules = load_rules(opt(&opts, "--rules"))?;
    let (mut passed, mut failed) = (0, 0);
    for path in case_files(&pos)? {
        let name = path.display().to_string();
        let file = cases::parse(&name, &read(&name)?).map_err(Fail)?;
        for case in &file.cases {
            let diffs = cases::check(&rules, case);
            if diffs.is_empty() {
                passed += 1;
            } else {
                failed += 1;
                println!("FAIL {name}: {}", case.name);
                for d in diffs {
                    println!("     {d}");
                }
            }
        }
    }
    println!("{passed} passed, {failed} failed");
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
