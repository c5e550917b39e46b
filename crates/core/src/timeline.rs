//! Credentials grouped by the fiscal year (年度) in which they open up.

use std::collections::BTreeMap;

use crate::date::Date;
use crate::roadmap::{CredentialResult, Status, TimelineYear};

/// Eligible credentials sit in the current fiscal year, waiting ones in the
/// year of their ready_on (time alone); action ones in the year of their
/// earliest date after the plan's steps; held and blocked ones have no year.
pub fn by_fiscal_year<'a>(results: &[CredentialResult<'a>], as_of: Date) -> Vec<TimelineYear<'a>> {
    let mut years: BTreeMap<i32, (Vec<&'a str>, Vec<&'a str>)> = BTreeMap::new();
    for r in results {
        let (date, time_only) = match r.status {
            Status::Eligible => (Some(as_of), true),
            Status::Waiting => (r.ready_on.map(|d| d.max(as_of)), true),
            Status::Action => (
                r.earliest.as_ref().and_then(|e| e.on).map(|d| d.max(as_of)),
                false,
            ),
            Status::Held => (None, true),
        };
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
