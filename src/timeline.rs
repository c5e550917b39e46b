//! Credentials grouped by the fiscal year (年度) in which they open up.

use std::collections::BTreeMap;

use crate::date::Date;
use crate::roadmap::{CredentialResult, Status, TimelineYear};

/// Eligible credentials sit in the current fiscal year, waiting ones in the
/// year of their ready_on; held and action ones have no date to place.
pub fn by_fiscal_year<'a>(results: &[CredentialResult<'a>], as_of: Date) -> Vec<TimelineYear<'a>> {
    let mut years: BTreeMap<i32, Vec<&'a str>> = BTreeMap::new();
    for r in results {
        let date = match r.status {
            Status::Eligible => Some(as_of),
            Status::Waiting => r.ready_on.map(|d| d.max(as_of)),
            Status::Held | Status::Action => None,
        };
        if let Some(d) = date {
            years.entry(d.fiscal_year()).or_default().push(r.id);
        }
    }
    years
        .into_iter()
        .map(|(fiscal_year, credentials)| TimelineYear {
            fiscal_year,
            credentials,
        })
        .collect()
}
