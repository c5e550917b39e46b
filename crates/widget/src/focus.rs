//! Which credentials the widget shows in full: pure, so `cargo test` reaches it.
//! The components only ask.

use crate::answers::Answers;
use ce_roadmap_core::ids::AreaId;
use ce_roadmap_core::roadmap::CredentialResult;

/// Whether a credential concerns the visitor: a general one (no areas), or one in
/// an area they work in or plan to.
pub fn in_focus(c: &CredentialResult, answers: &Answers) -> bool {
    c.areas.is_empty()
        || c.areas
            .iter()
            .any(|a| answers.experience.contains_key(a) || answers.plan_areas.contains(a))
}

/// Whether the host's area filter lets a credential through (general ones always).
pub fn allowed(c: &CredentialResult, areas: Option<&[AreaId]>) -> bool {
    match areas {
        None => true,
        Some(list) => c.areas.is_empty() || c.areas.iter().any(|a| list.contains(a)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ce_roadmap_core::{evaluate, Date, Profile, When};

    fn area(s: &str) -> AreaId {
        AreaId(s.to_string())
    }

    #[test]
    fn focus_and_host_filter() {
        let rules = ce_roadmap_core::rules::default_rules().unwrap();
        let r = evaluate(
            &rules,
            &Profile::default(),
            When {
                as_of: Date::parse("2026-11-21"),
                today: Date::from_unix_days(0),
            },
        )
        .unwrap();
        let get = |id: &str| r.credentials.iter().find(|c| c.id == id).unwrap();
        let (general, dialysis, ite) = (get("me2"), get("dialysis_tech"), get("ite"));
        assert!(general.areas.is_empty());

        let mut a = Answers::new(2026);
        assert!(in_focus(general, &a));
        assert!(!in_focus(dialysis, &a));
        a.experience.insert(area("blood_purification"), 1.0);
        assert!(in_focus(dialysis, &a));
        assert!(!in_focus(ite, &a));
        a.plan_areas.insert(area("cardiac_cath"));
        assert!(in_focus(ite, &a));

        assert!(allowed(dialysis, None));
        let only = [area("respiratory")];
        assert!(allowed(general, Some(&only)));
        assert!(!allowed(dialysis, Some(&only)));
        assert!(allowed(dialysis, Some(&[area("blood_purification")])));
        assert!(allowed(general, Some(&[])));
        assert!(!allowed(dialysis, Some(&[])));
    }
}
