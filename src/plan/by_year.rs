//! The plan by fiscal year (年度): each step once in the year it is due, each
//! credential in the year it opens, for the credentials chosen and what they need.

use std::collections::BTreeMap;

use crate::roadmap::{CredentialResult, PlanStep, PlanYear, Status};
use crate::rules::model::FastMap;

use super::project::{add_step, sitting_date};

/// Which credentials the plan holds (with, always, the credentials they need first).
#[derive(Clone, Copy, Debug)]
pub enum Include<'t> {
    /// Every credential not held.
    All,
    /// These ids.
    Only(&'t [&'t str]),
}

/// The order of steps due the same day: the licence before what it opens.
fn rank(action: &str) -> u8 {
    match action {
        "licence" => 0,
        "work_in_area" | "work" => 1,
        "join" => 2,
        "course" => 3,
        "units" => 4,
        "cases" => 5,
        "credential" => 6,
        "exam" => 7,
        _ => 8,
    }
}

/// The plan for the chosen credentials: their steps, their sittings ("sit") and
/// the year each opens, by fiscal year in order. Blocked credentials have no year.
pub fn by_year<'a>(results: &[CredentialResult<'a>], include: Include) -> Vec<PlanYear<'a>> {
    // By index: a catalogue may hold a thousand credentials.
    let index: FastMap<&str, usize> = results.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
    let mut chosen: Vec<bool> = results
        .iter()
        .map(|r| {
            r.status != Status::Held
                && match include {
                    Include::All => true,
                    Include::Only(ids) => ids.contains(&r.id),
                }
        })
        .collect();
    // What the chosen ones need first joins the plan (requires is already transitive).
    for i in 0..results.len() {
        if !chosen[i] {
            continue;
        }
        for r in results[i].earliest.iter().flat_map(|e| &e.requires) {
            if let Some(&j) = index.get(r) {
                chosen[j] = true;
            }
        }
    }
    let mut years: BTreeMap<i32, PlanYear<'a>> = BTreeMap::new();
    fn year<'y, 'a>(years: &'y mut BTreeMap<i32, PlanYear<'a>>, fy: i32) -> &'y mut PlanYear<'a> {
        years.entry(fy).or_insert_with(|| PlanYear {
            fiscal_year: fy,
            steps: Vec::new(),
            opens: Vec::new(),
            certifies: Vec::new(),
        })
    }
    // Steps are merged across credentials first, then filed by the year they are due.
    let mut steps: Vec<PlanStep<'a>> = Vec::new();
    for r in results
        .iter()
        .zip(&chosen)
        .filter(|(_, c)| **c)
        .map(|(r, _)| r)
    {
        let Some(e) = &r.earliest else { continue };
        let Some(on) = e.on else { continue };
        year(&mut years, on.fiscal_year()).opens.push(r.id);
        if let Some(c) = e.certify_on {
            year(&mut years, c.fiscal_year()).certifies.push(r.id);
        }
        for s in &e.steps {
            let mut s = s.clone();
            s.credentials = vec![r.id];
            add_step(&mut steps, s);
        }
        if let Some(d) = e.sitting.as_deref().and_then(sitting_date) {
            add_step(
                &mut steps,
                PlanStep {
                    action: "sit",
                    target: std::borrow::Cow::Borrowed(r.id),
                    by: d,
                    from: d,
                    amount: None,
                    credentials: vec![r.id],
                    text: Default::default(),
                },
            );
        }
    }
    steps.sort_by_key(|s| (s.by, rank(s.action)));
    for s in steps {
        year(&mut years, s.by.fiscal_year()).steps.push(s);
    }
    years.into_values().collect()
}
