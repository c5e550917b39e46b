//! Credentials grouped by the fiscal year (年度) in which they open up.

use std::collections::BTreeMap;

use crate::date::Date;
use crate::roadmap::{CredentialResult, Status, TimelineYear};

/// Each credential sits in the fiscal year it can first be held
/// (`earliest.obtain`: a two-stage one at its certification, not its exam): by
/// time alone when nothing but time stands between (eligible or waiting, and no
/// certification step), else after the plan's steps. Held and undatable ones
/// have no year.
pub fn by_fiscal_year<'a>(results: &[CredentialResult<'a>], as_of: Date) -> Vec<TimelineYear<'a>> {
    let mut years: BTreeMap<i32, (Vec<&'a str>, Vec<&'a str>)> = BTreeMap::new();
    for r in results {
        let e = r.earliest.as_ref().filter(|_| r.status != Status::Held);
        let date = e.and_then(|e| e.obtain.date).map(|d| d.max(as_of));
        let time_only = matches!(r.status, Status::Eligible | Status::Waiting)
            && !e.is_some_and(|e| e.steps.iter().any(|s| s.for_certification));
        if let Some(d) = date {
            let y = years.entry(d.fiscal_year()).or_default();
            if time_only { &mut y.0 } else { &mut y.1 }.push(r.id);
        }
    }
    years
        .into_iter()
        .map(|(fiscal_year, (credentials, after_steps))| TimelineYear {
            fiscal_year,
            credentials,
            after_steps,
        })
        .collect()
}
