//! The licence routes side by side, for someone choosing a school: for each
//! course length the rules allow (3-year vocational school or junior college, 4-year
//! university or vocational school, 2 or 1 years after study elsewhere), the
//! national exam, the licence, and the first credential that opens in each area they plan.

use crate::roadmap::{CredentialResult, RouteFirst};
use crate::rules::model::RuleSet;

/// Per planned area (in the visitor's order), the credential that can be had
/// first on this route: a two-stage credential at its certification (its exam
/// stage alone is not the title), any other when its conditions are met. Ties go
/// to the catalogue's order; areas with no datable credential are left out.
pub(crate) fn first_per_area<'a>(
    rules: &'a RuleSet,
    plan_areas: &[crate::ids::AreaId],
    results: &[CredentialResult<'a>],
) -> Vec<RouteFirst<'a>> {
    plan_areas
        .iter()
        .filter_map(|a| rules.area(a.as_str()))
        .filter_map(|area| {
            let (on, c) = results
                .iter()
                .filter(|r| r.areas.contains(&area.id))
                .filter_map(|r| {
                    let e = r.earliest.as_ref()?;
                    Some((e.certify_on.or(e.on)?, r))
                })
                .min_by_key(|(on, _)| *on)?;
            Some(RouteFirst {
                area: area.id.as_str(),
                credential: c.id,
                on,
                fiscal_year: on.fiscal_year(),
            })
        })
        .collect()
}
