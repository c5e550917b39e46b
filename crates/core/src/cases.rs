//! Declarative cases kept beside the rules (data/cases/*.toml): a profile, a
//! date, and the statuses, dates and criteria expected, so a maintainer who edits
//! a rule adds a case next to it.
//!
//! ```toml
//! [[case]]
//! name = "two years of dialysis and the course: eligible"
//! as_of = "2026-11-21"
//! profile = { licences = ["ce"], experience = { blood_purification = 2 }, courses = ["dialysis_course"] }
//! [case.expect.dialysis_tech]
//! status = "eligible"
//! ready_on = "2026-11-21"          # or "none"
//! criteria = { "experience:blood_purification" = true, course = true }
//! next_steps = []                  # "action:target", in order
//! ```

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::date::Date;
use crate::evaluate::{evaluate, When};
use crate::profile::Profile;
use crate::roadmap::{Criterion, Roadmap};
use crate::rules::RuleSet;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseFile {
    #[serde(rename = "case")]
    pub cases: Vec<Case>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub name: String,
    /// The evaluation date; fixed so the case does not depend on today.
    pub as_of: Date,
    pub profile: Profile,
    #[serde(default)]
    pub expect: BTreeMap<String, Expect>,
    /// The route comparison (`prospective` with a school), by course length.
    #[serde(default)]
    pub routes: BTreeMap<String, RouteExpect>,
}

/// One route of the comparison.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RouteExpect {
    #[serde(default)]
    pub exam: Option<String>,
    #[serde(default)]
    pub licence_on: Option<String>,
    /// "area:credential@fiscal_year" per planned area, in order; exact.
    #[serde(default)]
    pub first: Option<Vec<String>>,
    /// The April the course itself starts (after any study it needs first).
    #[serde(default)]
    pub start_year: Option<String>,
    /// "area:credential:blocker" per planned area with no date, in order; exact.
    #[serde(default)]
    pub undated: Option<Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    #[serde(default)]
    pub status: Option<String>,
    /// A date, or "none" for null.
    #[serde(default)]
    pub ready_on: Option<String>,
    #[serde(default)]
    pub stage: Option<String>,
    #[serde(default)]
    pub next_sitting: Option<String>,
    /// The last day to apply for next_sitting, or "none".
    #[serde(default)]
    pub apply_by: Option<String>,
    /// The year a held credential's renewal falls due, or "none".
    #[serde(default)]
    pub renewal_due: Option<String>,
    /// "kind" or "kind:target" → met.
    #[serde(default)]
    pub criteria: BTreeMap<String, bool>,
    /// Every criterion is met (true) or every one unmet (false).
    #[serde(default)]
    pub all_criteria: Option<bool>,
    /// "action:target" in order; exact.
    #[serde(default)]
    pub next_steps: Option<Vec<String>>,
    /// The projection: `earliest.on` as a date, or "none" when it cannot be dated.
    #[serde(default)]
    pub earliest_on: Option<String>,
    /// `earliest.sitting` ("YYYY-MM" or "none").
    #[serde(default)]
    pub sitting: Option<String>,
    /// `earliest.certify_on` (a date or "none").
    #[serde(default)]
    pub certify_on: Option<String>,
    /// `earliest.steps` as "action:target@by", in order; exact.
    #[serde(default)]
    pub plan_steps: Option<Vec<String>>,
    /// `earliest.blocked_by` as "kind:target" (or "kind"), in order; exact.
    #[serde(default)]
    pub blocked_by: Option<Vec<String>>,
    /// `earliest.obtain` as "basis@date" ("certification@2031-06-01"), or
    /// "basis@none" when it cannot be dated.
    #[serde(default)]
    pub obtain: Option<String>,
    /// `earliest.lower_bound`.
    #[serde(default)]
    pub lower_bound: Option<bool>,
    /// The `earliest.steps` with `scheduled: false`, as "action:target"; exact.
    #[serde(default)]
    pub unscheduled: Option<Vec<String>>,
    /// Whether the roadmap's plan holds this credential (a step for it, or it opens).
    #[serde(default)]
    pub in_plan: Option<bool>,
}

/// The key a criterion answers to: `kind:target`, target being its area, body,
/// case kind or ids joined with `|` (empty for groups).
pub fn criterion_key(k: &Criterion) -> String {
    let target = k
        .area
        .or(k.body)
        .or(k.case_kind)
        .map(str::to_string)
        .unwrap_or_else(|| k.ids.to_vec().join("|"));
    if target.is_empty() {
        k.kind.as_str().to_string()
    } else {
        format!("{}:{target}", k.kind.as_str())
    }
}

fn find<'r>(criteria: &'r [Criterion<'r>], key: &str) -> Result<&'r Criterion<'r>, String> {
    let matches: Vec<&Criterion> = if key.contains(':') {
        criteria
            .iter()
            .filter(|k| criterion_key(k) == key)
            .collect()
    } else {
        criteria.iter().filter(|k| k.kind.as_str() == key).collect()
    };
    match matches.len() {
        1 => Ok(matches[0]),
        0 => Err(format!(
            "no criterion `{key}` (have: {})",
            criteria
                .iter()
                .map(criterion_key)
                .collect::<Vec<_>>()
                .join(", ")
        )),
        _ => Err(format!(
            "`{key}` matches {} criteria: name it as kind:target",
            matches.len()
        )),
    }
}

/// Checks one case; returns the differences found (empty when it passes).
pub fn check(rules: &RuleSet, case: &Case) -> Vec<String> {
    let roadmap = match evaluate(
        rules,
        &case.profile,
        When {
            as_of: Some(case.as_of),
            today: case.as_of,
        },
    ) {
        Ok(r) => r,
        Err(e) => return vec![format!("profile rejected: {e}")],
    };
    let mut diffs = Vec::new();
    for (id, exp) in &case.expect {
        compare(&roadmap, id, exp, &mut diffs);
        if let Some(want) = exp.in_plan {
            let got = roadmap.plan.iter().any(|y| {
                y.opens.contains(&id.as_str())
                    || y.steps.iter().any(|s| s.credentials.contains(&id.as_str()))
            });
            if got != want {
                diffs.push(format!("{id}: in the plan {got} (expected {want})"));
            }
        }
    }
    compare_routes(&roadmap, &case.routes, &mut diffs);
    diffs
}

fn compare_routes(
    roadmap: &Roadmap,
    want: &BTreeMap<String, RouteExpect>,
    diffs: &mut Vec<String>,
) {
    let none = || "none".to_string();
    for (years, exp) in want {
        let Some(r) = roadmap
            .routes
            .iter()
            .find(|r| r.school_years.to_string() == *years)
        else {
            diffs.push(format!("routes.{years}: no such route"));
            continue;
        };
        let mut field = |name: &str, got: String, want: &Option<String>| {
            if let Some(w) = want.as_ref().filter(|w| **w != got) {
                diffs.push(format!("routes.{years}: {name} {got} (expected {w})"));
            }
        };
        field(
            "exam",
            r.exam.map_or_else(none, |m| m.to_string()),
            &exp.exam,
        );
        field(
            "licence_on",
            r.licence_on.map_or_else(none, |d| d.to_string()),
            &exp.licence_on,
        );
        field("start_year", r.start_year.to_string(), &exp.start_year);
        if let Some(undated) = &exp.undated {
            let got: Vec<String> = r
                .undated
                .iter()
                .map(|u| {
                    let why = u.blocked_by.as_ref().map_or("none", |b| b.kind.as_str());
                    format!("{}:{}:{why}", u.area, u.credential.unwrap_or("none"))
                })
                .collect();
            if &got != undated {
                diffs.push(format!(
                    "routes.{years}: undated {got:?} (expected {undated:?})"
                ));
            }
        }
        if let Some(first) = &exp.first {
            let got: Vec<String> = r
                .first
                .iter()
                .map(|f| format!("{}:{}@{}", f.area, f.credential, f.fiscal_year))
                .collect();
            if &got != first {
                diffs.push(format!(
                    "routes.{years}: first {got:?} (expected {first:?})"
                ));
            }
        }
    }
}

fn compare(roadmap: &Roadmap, id: &str, exp: &Expect, diffs: &mut Vec<String>) {
    let Some(r) = roadmap.credentials.iter().find(|c| c.id == id) else {
        diffs.push(format!("{id}: no such credential"));
        return;
    };
    if let Some(s) = &exp.status {
        if r.status.as_str() != s {
            diffs.push(format!("{id}: status {} (expected {s})", r.status.as_str()));
        }
    }
    if let Some(d) = &exp.ready_on {
        let got = r.ready_on.map_or("none".to_string(), |d| d.to_string());
        if &got != d {
            diffs.push(format!("{id}: ready_on {got} (expected {d})"));
        }
    }
    if let Some(s) = &exp.stage {
        if r.stage.as_str() != s {
            diffs.push(format!("{id}: stage {} (expected {s})", r.stage.as_str()));
        }
    }
    if let Some(s) = &exp.next_sitting {
        let got = r
            .next_sitting
            .map_or_else(|| "none".into(), |m| m.to_string());
        if &got != s {
            diffs.push(format!("{id}: next_sitting {got} (expected {s})"));
        }
    }
    if let Some(s) = &exp.apply_by {
        let got = r.apply_by.map_or_else(|| "none".into(), |d| d.to_string());
        if &got != s {
            diffs.push(format!("{id}: apply_by {got} (expected {s})"));
        }
    }
    if let Some(s) = &exp.renewal_due {
        let got = r
            .renewal_due
            .map_or_else(|| "none".into(), |y| y.to_string());
        if &got != s {
            diffs.push(format!("{id}: renewal_due {got} (expected {s})"));
        }
    }
    for (key, &met) in &exp.criteria {
        match find(&r.criteria, key) {
            Ok(k) if k.met != met => diffs.push(format!(
                "{id}: criterion {key} met={} (expected {met})",
                k.met
            )),
            Ok(_) => {}
            Err(e) => diffs.push(format!("{id}: {e}")),
        }
    }
    if let Some(all) = exp.all_criteria {
        for k in r.criteria.iter().filter(|k| k.met != all) {
            diffs.push(format!(
                "{id}: criterion {} met={} (expected all {all})",
                criterion_key(k),
                k.met
            ));
        }
    }
    compare_earliest(r, id, exp, diffs);
    if let Some(steps) = &exp.next_steps {
        let got: Vec<String> = r
            .next_steps
            .iter()
            .map(|s| format!("{}:{}", s.action, s.target))
            .collect();
        if &got != steps {
            diffs.push(format!("{id}: next_steps {got:?} (expected {steps:?})"));
        }
    }
}

fn compare_earliest(
    r: &crate::roadmap::CredentialResult,
    id: &str,
    exp: &Expect,
    diffs: &mut Vec<String>,
) {
    let wants = exp.earliest_on.is_some()
        || exp.sitting.is_some()
        || exp.certify_on.is_some()
        || exp.plan_steps.is_some()
        || exp.blocked_by.is_some()
        || exp.obtain.is_some()
        || exp.lower_bound.is_some()
        || exp.unscheduled.is_some();
    if !wants {
        return;
    }
    let Some(e) = &r.earliest else {
        diffs.push(format!("{id}: no earliest (held)"));
        return;
    };
    let none = || "none".to_string();
    let mut field = |name: &str, got: String, want: &Option<String>| {
        if let Some(w) = want {
            if &got != w {
                diffs.push(format!("{id}: {name} {got} (expected {w})"));
            }
        }
    };
    field(
        "earliest.on",
        e.on.map_or_else(none, |d| d.to_string()),
        &exp.earliest_on,
    );
    field(
        "earliest.sitting",
        e.sitting.map_or_else(none, |m| m.to_string()),
        &exp.sitting,
    );
    field(
        "earliest.certify_on",
        e.certify_on.map_or_else(none, |d| d.to_string()),
        &exp.certify_on,
    );
    let basis = match e.obtain.basis {
        crate::roadmap::ObtainBasis::Certification => "certification",
        crate::roadmap::ObtainBasis::Sitting => "sitting",
        crate::roadmap::ObtainBasis::Conditions => "conditions",
    };
    field(
        "earliest.obtain",
        format!(
            "{basis}@{}",
            e.obtain.date.map_or_else(none, |d| d.to_string())
        ),
        &exp.obtain,
    );
    field(
        "earliest.lower_bound",
        e.lower_bound.to_string(),
        &exp.lower_bound.map(|b| b.to_string()),
    );
    if let Some(want) = &exp.unscheduled {
        let got: Vec<String> = e
            .steps
            .iter()
            .filter(|s| !s.scheduled)
            .map(|s| format!("{}:{}", s.action, s.target))
            .collect();
        if &got != want {
            diffs.push(format!(
                "{id}: unscheduled steps {got:?} (expected {want:?})"
            ));
        }
    }
    if let Some(want) = &exp.plan_steps {
        let got: Vec<String> = e
            .steps
            .iter()
            .map(|s| format!("{}:{}@{}", s.action, s.target, s.by))
            .collect();
        if &got != want {
            diffs.push(format!("{id}: earliest.steps {got:?} (expected {want:?})"));
        }
    }
    if let Some(want) = &exp.blocked_by {
        let got: Vec<String> = e
            .blocked_by
            .iter()
            .map(|b| {
                if b.target.is_empty() {
                    b.kind.as_str().to_string()
                } else {
                    format!("{}:{}", b.kind.as_str(), b.target)
                }
            })
            .collect();
        if &got != want {
            diffs.push(format!(
                "{id}: earliest.blocked_by {got:?} (expected {want:?})"
            ));
        }
    }
}

/// Where the declarative cases live, relative to the repository.
pub const DIR: &str = "data/cases";

/// The case files in `dir` (`*.toml`), in name order.
pub fn files_in(dir: &str) -> Result<Vec<std::path::PathBuf>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot read {dir}: {e}"))?;
    let mut files: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    Ok(files)
}

/// Every case file in `dir`, read and parsed, with its path.
pub fn load_dir(dir: &str) -> Result<Vec<(String, CaseFile)>, String> {
    files_in(dir)?
        .into_iter()
        .map(|p| {
            let name = p.display().to_string();
            let text =
                std::fs::read_to_string(&p).map_err(|e| format!("cannot read {name}: {e}"))?;
            parse(&name, &text).map(|f| (name, f))
        })
        .collect()
}

/// Parses a case file, naming the path and line of a bad value.
pub fn parse(name: &str, text: &str) -> Result<CaseFile, String> {
    let de = toml::Deserializer::parse(text)
        .map_err(|e| format!("{name}: {}", e.message().trim_end()))?;
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let line = inner
            .span()
            .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
        match line {
            Some(l) => format!("{name}:{l}: {path}: {}", inner.message().trim_end()),
            None => format!("{name}: {path}: {}", inner.message().trim_end()),
        }
    })
}
