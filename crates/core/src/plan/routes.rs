//! The licence routes side by side, for someone choosing a school: for each
//! course length the rules allow (3-year vocational school or junior college, 4-year
//! university or vocational school, 2 or 1 years after study elsewhere), the
//! national exam, the licence, and the first credential that opens in each area they plan.

use crate::roadmap::{CredentialResult, RouteFirst, RouteUndated};
use crate::rules::model::RuleSet;

/// Per planned area (in the visitor's order), the credential that can be had
/// first on this route: a two-stage credential at its certification (its exam
/// stage alone is not the title), any other when its conditions are met. Ties go
/// to the catalogue's order. An area with no datable credential is returned
/// apart, with the reason its first credential has no date.
pub(crate) fn first_per_area<'a>(
    rules: &'a RuleSet,
    plan_areas: &[crate::ids::AreaId],
    results: &[CredentialResult<'a>],
) -> (Vec<RouteFirst<'a>>, Vec<RouteUndated<'a>>) {
    let mut first = Vec::with_capacity(plan_areas.len());
    let mut undated = Vec::new();
    for area in plan_areas.iter().filter_map(|a| rules.area(a.as_str())) {
        let mut of_area = results.iter().filter(|r| r.areas.contains(&area.id));
        let dated = of_area
            .clone()
            .filter_map(|r| {
                let e = r.earliest.as_ref()?;
                Some((e.certify_on.or(e.on)?, r))
            })
            .min_by_key(|(on, _)| *on);
        match dated {
            Some((on, c)) => first.push(RouteFirst {
                area: area.id.as_str(),
                credential: c.id,
                on,
                fiscal_year: on.fiscal_year(),
            }),
            None => {
                let c = of_area.next();
                undated.push(RouteUndated {
                    area: area.id.as_str(),
                    credential: c.map(|c| c.id),
                    blocked_by: c
                        .and_then(|c| c.earliest.as_ref())
                        .and_then(|e| e.blocked_by.first())
                        .cloned(),
                });
            }
        }
    }
    (first, undated)
}
