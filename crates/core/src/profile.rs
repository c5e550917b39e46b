//! The visitor's answers: the profile half of the public contract, and its
//! checks against a rule set. Bad values are errors with the path to them.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::ids::*;
use crate::num::plain;
use crate::rules::RuleSet;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Thinking about the profession (high school).
    Prospective,
    /// At a designated school.
    Student,
    /// Holds a licence and works.
    #[default]
    Licensed,
    /// Works in hospital IT, with or without a medical licence.
    It,
}

impl Stage {
    pub fn is_in_school(self) -> bool {
        matches!(self, Stage::Prospective | Stage::Student)
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Prospective => "prospective",
            Stage::Student => "student",
            Stage::Licensed => "licensed",
            Stage::It => "it",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct School {
    /// Length of the course in years: one of the rules' `licence_route.school_years`.
    pub years: u8,
    /// The calendar year the course starts (in April).
    pub start_year: i32,
}

impl School {
    /// The calendar year the course ends (in March): the licence's year, and the
    /// first April graduate school can start.
    pub fn end_year(self) -> i32 {
        self.start_year.saturating_add(i32::from(self.years))
    }
}

/// How far a visitor means to go in graduate school.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Degree {
    /// 修士 (博士前期).
    Master,
    /// 修士, then 博士後期.
    Doctor,
}

impl Degree {
    pub fn as_str(self) -> &'static str {
        match self {
            Degree::Master => "master",
            Degree::Doctor => "doctor",
        }
    }
}

/// Full-time study stops the work clocks; study while working does not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StudyMode {
    FullTime,
    Working,
}

/// Graduate school as the visitor's own choice (never a requirement).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Graduate {
    pub degree: Degree,
    pub mode: StudyMode,
    /// The calendar year the master's course starts (in April).
    pub start_year: i32,
}

impl Graduate {
    /// After the school course changes from one ending in `old_end` to one ending
    /// in `new_end`: a start straight after the old course is straight after the
    /// new one, and never before it ends; a later start stays.
    pub fn after_course(self, old_end: i32, new_end: i32) -> Graduate {
        let start_year = if self.start_year == old_end {
            new_end
        } else {
            self.start_year.max(new_end)
        };
        Graduate { start_year, ..self }
    }
}

/// A profile as given. Maps are ordered so output and hashing are stable.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// The date the answers describe; default: the evaluation date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Date>,
    #[serde(default)]
    pub stage: Stage,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub licences: Vec<LicenceId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub school: Option<School>,
    /// Areas a student means to work in from the licence on (or a worker from now on).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plan_areas: Vec<AreaId>,
    /// Completed years per area, assumed ongoing.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub experience: BTreeMap<AreaId, f64>,
    /// Completed years of clinical practice since the licence, in any area,
    /// assumed ongoing: what a rule asking for clinical work in any area counts.
    /// Without it, the clinical area with the most years stands (never the sum).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clinical_years: Option<f64>,
    /// Consecutive years of membership with dues paid, assumed ongoing. Present = member.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub membership: BTreeMap<BodyId, f64>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub cases: BTreeMap<CaseKindId, f64>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub units: BTreeMap<BodyId, f64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub courses: Vec<CourseId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub held: Vec<CredentialId>,
    /// The calendar year each held credential was obtained (or last renewed), for
    /// the year its renewal falls due. A whole number; f64 like every other map of
    /// the profile, so the wasm carries one map's code for them all.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub held_since: BTreeMap<CredentialId, f64>,
    /// Exams passed (credential ids, or external exams such as `ibhre`), not yet certified.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub passed_exams: Vec<String>,
    /// Credentials the visitor aims for: the plan holds these and what they need.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<CredentialId>,
    /// Cases a year by case kind, so the plan can date a case count.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub case_rates: BTreeMap<CaseKindId, f64>,
    /// Graduate school, if the visitor chooses it: milestones in the plan, and
    /// full-time study pauses the work clocks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub graduate: Option<Graduate>,
}

/// The largest values a person can have; beyond are typos or attacks.
pub const MAX_YEARS: f64 = 60.0;
pub const MAX_CASES: f64 = 1_000_000.0;
pub const MAX_UNITS: f64 = 100_000.0;

#[derive(Clone, Debug, PartialEq)]
pub enum ProfileError {
    /// Not JSON, a wrong type or an unknown key.
    Parse {
        path: String,
        line: Option<usize>,
        message: String,
    },
    NotFinite {
        path: String,
    },
    Negative {
        path: String,
        value: f64,
    },
    TooLarge {
        path: String,
        value: f64,
        max: f64,
    },
    NotWhole {
        path: String,
        value: f64,
    },
    UnknownId {
        path: String,
        what: &'static str,
        id: String,
    },
    BadSchoolYears {
        path: String,
        value: u8,
        allowed: Vec<u8>,
    },
    BadYear {
        path: String,
        value: i32,
    },
    /// A year obtained for a credential the profile does not hold.
    NotHeld {
        path: String,
        id: String,
    },
    /// Graduate school in a profile whose rules have no `graduate_school`.
    GraduateNotOffered {
        path: String,
    },
    /// Graduate school that starts before the school course ends.
    GraduateBeforeLicence {
        path: String,
        value: i32,
        earliest: i32,
    },
    /// The evaluation date is before the date the profile describes.
    AsOfBeforeProfile {
        as_of: Date,
        profile: Date,
    },
}

impl ProfileError {
    pub fn path(&self) -> &str {
        use ProfileError::*;
        match self {
            Parse { path, .. }
            | NotFinite { path }
            | Negative { path, .. }
            | TooLarge { path, .. }
            | NotWhole { path, .. }
            | UnknownId { path, .. }
            | BadSchoolYears { path, .. }
            | BadYear { path, .. }
            | NotHeld { path, .. }
            | GraduateNotOffered { path }
            | GraduateBeforeLicence { path, .. } => path,
            AsOfBeforeProfile { .. } => "as_of",
        }
    }

    /// A short stable code, for the widget to pick its own wording.
    pub fn code(&self) -> &'static str {
        use ProfileError::*;
        match self {
            Parse { .. } => "parse",
            NotFinite { .. } => "not_finite",
            Negative { .. } => "negative",
            TooLarge { .. } => "too_large",
            NotWhole { .. } => "not_whole",
            UnknownId { .. } => "unknown_id",
            BadSchoolYears { .. } => "bad_school_years",
            BadYear { .. } => "bad_year",
            NotHeld { .. } => "not_held",
            GraduateNotOffered { .. } => "graduate_not_offered",
            GraduateBeforeLicence { .. } => "graduate_before_licence",
            AsOfBeforeProfile { .. } => "as_of_before_profile",
        }
    }
}

impl fmt::Display for ProfileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ProfileError::*;
        let path = self.path();
        if !path.is_empty() {
            write!(f, "{path}: ")?;
        }
        match self {
            Parse { line, message, .. } => {
                write!(f, "{message}")?;
                if let Some(l) = line {
                    write!(f, " (line {l})")?;
                }
                Ok(())
            }
            NotFinite { .. } => write!(f, "expected a finite number"),
            Negative { value, .. } => {
                write!(f, "{} is negative: expected 0 or more", plain(*value))
            }
            TooLarge { value, max, .. } => {
                let (value, max) = (plain(*value), plain(*max));
                write!(f, "{value} is too large: expected at most {max}")
            }
            NotWhole { value, .. } => write!(f, "{} is not a whole number", plain(*value)),
            UnknownId { what, id, .. } => write!(f, "unknown {what} `{id}`"),
            BadSchoolYears { value, allowed, .. } => {
                write!(
                    f,
                    "a school course of {value} years does not exist: expected one of "
                )?;
                // Written out rather than `{:?}`: the browser build drops Debug formatting.
                for (i, y) in allowed.iter().enumerate() {
                    write!(f, "{}{y}", if i == 0 { "" } else { ", " })?;
                }
                Ok(())
            }
            BadYear { value, .. } => {
                write!(f, "year {value} is out of range: expected 1950 to 2150")
            }
            NotHeld { id, .. } => {
                write!(f, "`{id}` has a year obtained but is not in held")
            }
            GraduateNotOffered { .. } => {
                write!(f, "these rules have no graduate_school section")
            }
            GraduateBeforeLicence {
                value, earliest, ..
            } => write!(
                f,
                "graduate school from {value} starts before the school course ends: {earliest} at the earliest"
            ),
            AsOfBeforeProfile { as_of, profile } => {
                write!(
                    f,
                    "evaluation date {as_of} is before the profile's as_of {profile}"
                )
            }
        }
    }
}

impl std::error::Error for ProfileError {}

#[derive(Clone, Debug, PartialEq)]
pub struct ProfileErrors(pub Vec<ProfileError>);

impl fmt::Display for ProfileErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ProfileErrors {}

impl Profile {
    /// Parses the JSON form; the error names the path and line of the bad value.
    pub fn from_json(text: &str) -> Result<Profile, ProfileError> {
        crate::json_path::read(text).map_err(|e| ProfileError::Parse {
            path: e.path,
            line: e.line,
            message: e.message,
        })
    }

    /// Checks every value and id against the rules; returns all problems found.
    pub fn check(&self, rules: &RuleSet) -> Result<(), ProfileErrors> {
        let mut errs = Vec::new();
        // Paths are formatted only for errors: checking runs on every keystroke.
        let mut number = |path: &dyn Fn() -> String, v: f64, max: f64, whole: bool| {
            let ok = v.is_finite() && v >= 0.0 && v <= max && (!whole || v.fract() == 0.0);
            if ok {
                return;
            }
            let path = path();
            if !v.is_finite() {
                errs.push(ProfileError::NotFinite { path });
            } else if v < 0.0 {
                errs.push(ProfileError::Negative { path, value: v });
            } else if v > max {
                errs.push(ProfileError::TooLarge {
                    path,
                    value: v,
                    max,
                });
            } else if whole && v.fract() != 0.0 {
                errs.push(ProfileError::NotWhole { path, value: v });
            }
        };
        for (k, &v) in &self.experience {
            number(&|| format!("experience.{k}"), v, MAX_YEARS, false);
        }
        if let Some(v) = self.clinical_years {
            number(&|| "clinical_years".to_string(), v, MAX_YEARS, false);
        }
        for (k, &v) in &self.membership {
            number(&|| format!("membership.{k}"), v, MAX_YEARS, false);
        }
        for (k, &v) in &self.cases {
            number(&|| format!("cases.{k}"), v, MAX_CASES, true);
        }
        for (k, &v) in &self.units {
            number(&|| format!("units.{k}"), v, MAX_UNITS, false);
        }
        for (k, &v) in &self.case_rates {
            number(&|| format!("case_rates.{k}"), v, MAX_CASES, false);
        }
        if let Some(s) = &self.school {
            let allowed = &rules.licence_route.school_years;
            if !allowed.contains(&s.years) {
                errs.push(ProfileError::BadSchoolYears {
                    path: "school.years".into(),
                    value: s.years,
                    allowed: allowed.clone(),
                });
            }
            if !(1950..=2150).contains(&s.start_year) {
                errs.push(ProfileError::BadYear {
                    path: "school.start_year".into(),
                    value: s.start_year,
                });
            }
        }
        let mut unknown = |path: &dyn Fn() -> String, what: &'static str, id: &str, ok: bool| {
            if !ok {
                errs.push(ProfileError::UnknownId {
                    path: path(),
                    what,
                    id: id.to_string(),
                });
            }
        };
        for (i, l) in self.licences.iter().enumerate() {
            unknown(
                &|| format!("licences[{i}]"),
                "licence",
                l.as_str(),
                rules.licence(l.as_str()).is_some(),
            );
        }
        for (i, a) in self.plan_areas.iter().enumerate() {
            unknown(
                &|| format!("plan_areas[{i}]"),
                "area",
                a.as_str(),
                rules.area(a.as_str()).is_some(),
            );
        }
        for a in self.experience.keys() {
            unknown(
                &|| format!("experience.{a}"),
                "area",
                a.as_str(),
                rules.area(a.as_str()).is_some(),
            );
        }
        for b in self.membership.keys() {
            unknown(
                &|| format!("membership.{b}"),
                "body",
                b.as_str(),
                rules.body(b.as_str()).is_some(),
            );
        }
        for b in self.units.keys() {
            unknown(
                &|| format!("units.{b}"),
                "body",
                b.as_str(),
                rules.body(b.as_str()).is_some(),
            );
        }
        for k in self.cases.keys() {
            unknown(
                &|| format!("cases.{k}"),
                "case kind",
                k.as_str(),
                rules.case_kind(k.as_str()).is_some(),
            );
        }
        for k in self.case_rates.keys() {
            unknown(
                &|| format!("case_rates.{k}"),
                "case kind",
                k.as_str(),
                rules.case_kind(k.as_str()).is_some(),
            );
        }
        for (i, c) in self.targets.iter().enumerate() {
            unknown(
                &|| format!("targets[{i}]"),
                "credential",
                c.as_str(),
                rules.credential(c.as_str()).is_some(),
            );
        }
        for (i, c) in self.courses.iter().enumerate() {
            unknown(
                &|| format!("courses[{i}]"),
                "course",
                c.as_str(),
                rules.course(c.as_str()).is_some(),
            );
        }
        for (i, c) in self.held.iter().enumerate() {
            unknown(
                &|| format!("held[{i}]"),
                "credential",
                c.as_str(),
                rules.credential(c.as_str()).is_some(),
            );
        }
        for (i, e) in self.passed_exams.iter().enumerate() {
            unknown(
                &|| format!("passed_exams[{i}]"),
                "exam",
                e,
                rules.is_exam(e),
            );
        }
        for (c, &year) in &self.held_since {
            let path = || format!("held_since.{c}");
            if rules.credential(c.as_str()).is_none() {
                errs.push(ProfileError::UnknownId {
                    path: path(),
                    what: "credential",
                    id: c.to_string(),
                });
            } else if !self.held.contains(c) {
                errs.push(ProfileError::NotHeld {
                    path: path(),
                    id: c.to_string(),
                });
            }
            if year.fract() != 0.0 {
                errs.push(ProfileError::NotWhole {
                    path: path(),
                    value: year,
                });
            } else if !(1950.0..=2150.0).contains(&year) {
                errs.push(ProfileError::BadYear {
                    path: path(),
                    value: year as i32,
                });
            }
        }
        if let Some(g) = &self.graduate {
            let path = || "graduate.start_year".to_string();
            if rules.graduate_school.is_none() {
                errs.push(ProfileError::GraduateNotOffered {
                    path: "graduate".into(),
                });
            }
            if !(1950..=2150).contains(&g.start_year) {
                errs.push(ProfileError::BadYear {
                    path: path(),
                    value: g.start_year,
                });
            } else if let Some(s) = self.school.filter(|_| self.stage.is_in_school()) {
                let earliest = s.end_year();
                if g.start_year < earliest {
                    errs.push(ProfileError::GraduateBeforeLicence {
                        path: path(),
                        value: g.start_year,
                        earliest,
                    });
                }
            }
        }
        if errs.is_empty() {
            Ok(())
        } else {
            Err(ProfileErrors(errs))
        }
    }

    /// The date the licence arrives for someone in school: April of the
    /// graduation year (start_year + years), per the licence route.
    /// Whether a credential of these areas concerns the visitor: a general one (no
    /// areas), or one in an area they work in or plan to. The plan without targets
    /// holds these (and what they need).
    pub fn in_focus(&self, areas: &[AreaId]) -> bool {
        areas.is_empty()
            || areas
                .iter()
                .any(|a| self.experience.contains_key(a) || self.plan_areas.contains(a))
    }

    pub fn expected_licence_date(&self, rules: &RuleSet) -> Option<Date> {
        if !self.stage.is_in_school() {
            return None;
        }
        let s = self.school?;
        Date::new(
            s.start_year.checked_add(s.years as i32)?,
            rules.licence_route.licence_month,
            1,
        )
    }
}
