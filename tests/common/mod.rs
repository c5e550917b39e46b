//! What the property tests share: the default rules, loaded once, and the ids
//! a generated profile can name.

use std::sync::OnceLock;

use ce_roadmap_core::ids::*;
use ce_roadmap_core::{RuleSet, Stage};
use proptest::prelude::*;

pub fn rules() -> &'static RuleSet {
    static R: OnceLock<RuleSet> = OnceLock::new();
    R.get_or_init(|| ce_roadmap_core::default_rules().expect("valid"))
}

/// Every id of each kind in the default rules; exams include the credentials' own.
pub struct Ids {
    pub areas: Vec<AreaId>,
    pub bodies: Vec<BodyId>,
    pub kinds: Vec<CaseKindId>,
    pub courses: Vec<CourseId>,
    pub creds: Vec<CredentialId>,
    pub licences: Vec<LicenceId>,
    pub exams: Vec<String>,
}

pub fn ids() -> Ids {
    let r = rules();
    let creds: Vec<CredentialId> = r.credentials.iter().map(|a| a.id.clone()).collect();
    Ids {
        areas: r.areas.iter().map(|a| a.id.clone()).collect(),
        bodies: r.bodies.iter().map(|a| a.id.clone()).collect(),
        kinds: r.case_kinds.iter().map(|a| a.id.clone()).collect(),
        courses: r.courses.iter().map(|a| a.id.clone()).collect(),
        licences: r.licences.iter().map(|a| a.id.clone()).collect(),
        exams: r
            .exams
            .iter()
            .map(|e| e.id.0.clone())
            .chain(creds.iter().map(|c| c.0.clone()))
            .collect(),
        creds,
    }
}

pub fn stage() -> impl Strategy<Value = Stage> {
    prop_oneof![
        Just(Stage::Prospective),
        Just(Stage::Student),
        Just(Stage::Licensed),
        Just(Stage::It)
    ]
}
