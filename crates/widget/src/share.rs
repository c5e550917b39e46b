//! The answers as a short, versioned, readable text for the URL fragment and for
//! saving: `v1;k=l;ex=blood_purification:2.5;me=jacet:3;co=dialysis_course`.
//! Decoding never trusts its input: any fault is an error, never a panic.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use crate::answers::Answers;
use ce_roadmap_core::ids::*;
use ce_roadmap_core::profile::{
    Degree, Graduate, School, Stage, StudyMode, MAX_CASES, MAX_UNITS, MAX_YEARS,
};

pub const VERSION: &str = "v1";
/// Longer texts are refused before parsing.
pub const MAX_LEN: usize = 4096;

#[derive(Clone, Debug, PartialEq)]
pub enum ShareError {
    TooLong,
    /// Not a `v1` text (another version, or not ours).
    Version,
    /// A field we do not know: the text is from a newer version or damaged.
    UnknownField(String),
    BadValue {
        field: String,
        value: String,
    },
    Duplicate(String),
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ShareError::TooLong => write!(f, "longer than {MAX_LEN} characters"),
            ShareError::Version => write!(f, "not a {VERSION} link"),
            ShareError::UnknownField(k) => write!(f, "unknown field `{k}`"),
            ShareError::BadValue { field, value } => write!(f, "bad value `{value}` for `{field}`"),
            ShareError::Duplicate(k) => write!(f, "field `{k}` given twice"),
        }
    }
}

fn stage_code(s: Stage) -> &'static str {
    match s {
        Stage::Prospective => "p",
        Stage::Student => "s",
        Stage::Licensed => "l",
        Stage::It => "i",
    }
}

fn list<'a>(out: &mut String, key: &str, items: impl Iterator<Item = &'a str>) {
    let items: Vec<&str> = items.collect();
    if !items.is_empty() {
        let _ = write!(out, ";{key}={}", items.join(","));
    }
}

fn pairs<'a>(out: &mut String, key: &str, items: impl Iterator<Item = (&'a str, f64)>) {
    // `num::plain` writes the shortest text that parses back to the same number, with
    // no exponent: rounding here lost precision (found by fuzzing the round trip).
    let items: Vec<String> = items
        .map(|(k, v)| format!("{k}:{}", ce_roadmap_core::num::plain(v)))
        .collect();
    if !items.is_empty() {
        let _ = write!(out, ";{key}={}", items.join(","));
    }
}

pub fn encode(a: &Answers) -> String {
    let mut out = String::from(VERSION);
    if let Some(s) = a.stage {
        let _ = write!(out, ";k={}", stage_code(s));
    }
    // Always, so nothing is lost: a visitor who switches back to "student"
    // finds their school as they left it (found by fuzzing the round trip).
    let _ = write!(out, ";sc={}:{}", a.school.years, a.school.start_year);
    list(&mut out, "pa", a.plan_areas.iter().map(|x| x.as_str()));
    list(&mut out, "li", a.licences.iter().map(|x| x.as_str()));
    pairs(
        &mut out,
        "ex",
        a.experience.iter().map(|(k, v)| (k.as_str(), *v)),
    );
    if let Some(y) = a.clinical_years {
        let _ = write!(out, ";cy={}", ce_roadmap_core::num::plain(y));
    }
    pairs(
        &mut out,
        "me",
        a.membership.iter().map(|(k, v)| (k.as_str(), *v)),
    );
    pairs(
        &mut out,
        "ca",
        a.cases.iter().map(|(k, v)| (k.as_str(), *v)),
    );
    pairs(
        &mut out,
        "un",
        a.units.iter().map(|(k, v)| (k.as_str(), *v)),
    );
    list(&mut out, "co", a.courses.iter().map(|x| x.as_str()));
    list(&mut out, "he", a.held.iter().map(|x| x.as_str()));
    pairs(
        &mut out,
        "hs",
        a.held_since.iter().map(|(k, v)| (k.as_str(), *v)),
    );
    list(&mut out, "pe", a.passed.iter().map(|x| x.as_str()));
    list(&mut out, "tg", a.targets.iter().map(|x| x.as_str()));
    pairs(
        &mut out,
        "cr",
        a.case_rates.iter().map(|(k, v)| (k.as_str(), *v)),
    );
    if let Some(g) = a.graduate {
        let degree = match g.degree {
            Degree::Master => "m",
            Degree::Doctor => "d",
        };
        let mode = match g.mode {
            StudyMode::FullTime => "f",
            StudyMode::Working => "w",
        };
        let _ = write!(out, ";gs={degree}:{mode}:{}", g.start_year);
    }
    out
}

/// `gs=m:f:2031`: degree (m, d), mode (f full-time, w working), start year.
fn graduate(value: &str) -> Option<Graduate> {
    let mut it = value.split(':');
    let degree = match it.next()? {
        "m" => Degree::Master,
        "d" => Degree::Doctor,
        _ => return None,
    };
    let mode = match it.next()? {
        "f" => StudyMode::FullTime,
        "w" => StudyMode::Working,
        _ => return None,
    };
    let start_year: i32 = it.next()?.parse().ok()?;
    ((1950..=2150).contains(&start_year) && it.next().is_none()).then_some(Graduate {
        degree,
        mode,
        start_year,
    })
}

fn is_id(s: &str) -> bool {
    !s.is_empty() && s.len() <= 64 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

fn bad(field: &str, value: &str) -> ShareError {
    let value: String = value.chars().take(40).collect();
    ShareError::BadValue {
        field: field.to_string(),
        value,
    }
}

fn ids<T: Ord>(
    field: &str,
    value: &str,
    make: impl Fn(String) -> T,
) -> Result<BTreeSet<T>, ShareError> {
    value
        .split(',')
        .map(|s| {
            if is_id(s) {
                Ok(make(s.to_string()))
            } else {
                Err(bad(field, s))
            }
        })
        .collect()
}

fn numbers<T: Ord>(
    field: &str,
    value: &str,
    max: f64,
    whole: bool,
    make: impl Fn(String) -> T,
) -> Result<BTreeMap<T, f64>, ShareError> {
    let mut out = BTreeMap::new();
    for item in value.split(',') {
        let (id, n) = item.split_once(':').ok_or_else(|| bad(field, item))?;
        let n = crate::input::parse_number(n, max, whole).map_err(|_| bad(field, item))?;
        if !is_id(id) {
            return Err(bad(field, item));
        }
        out.insert(make(id.to_string()), n);
    }
    Ok(out)
}

/// `id:year,...`: whole years in 1950..=2150, as the profile allows.
fn years<T: Ord>(
    field: &str,
    value: &str,
    make: impl Fn(String) -> T,
) -> Result<BTreeMap<T, f64>, ShareError> {
    let out = numbers(field, value, 2150.0, true, make)?;
    if out.values().any(|&y| y < 1950.0) {
        return Err(bad(field, value));
    }
    Ok(out)
}

/// Parses a text made by `encode`. `default_year` fills a missing school year.
pub fn decode(text: &str, default_year: i32) -> Result<Answers, ShareError> {
    if text.len() > MAX_LEN {
        return Err(ShareError::TooLong);
    }
    let mut parts = text.split(';');
    if parts.next() != Some(VERSION) {
        return Err(ShareError::Version);
    }
    let mut a = Answers::new(default_year);
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    for part in parts.filter(|p| !p.is_empty()) {
        let (key, value) = part
            .split_once('=')
            .ok_or_else(|| ShareError::UnknownField(part.chars().take(20).collect()))?;
        if !seen.insert(key) {
            return Err(ShareError::Duplicate(key.to_string()));
        }
        match key {
            "k" => {
                a.stage = Some(match value {
                    "p" => Stage::Prospective,
                    "s" => Stage::Student,
                    "l" => Stage::Licensed,
                    "i" => Stage::It,
                    _ => return Err(bad(key, value)),
                })
            }
            "sc" => {
                let (y, s) = value.split_once(':').ok_or_else(|| bad(key, value))?;
                let years: u8 = y.parse().map_err(|_| bad(key, value))?;
                let start_year: i32 = s.parse().map_err(|_| bad(key, value))?;
                if !(1..=6).contains(&years) || !(1950..=2150).contains(&start_year) {
                    return Err(bad(key, value));
                }
                a.school = School { years, start_year };
            }
            "pa" => a.plan_areas = ids(key, value, AreaId)?,
            "li" => a.licences = ids(key, value, LicenceId)?,
            "ex" => a.experience = numbers(key, value, MAX_YEARS, false, AreaId)?,
            // Added with clinical years since the licence.
            "cy" => {
                let y = crate::input::parse_number(value, MAX_YEARS, false)
                    .map_err(|_| bad(key, value))?;
                a.clinical_years = Some(y);
            }
            "me" => a.membership = numbers(key, value, MAX_YEARS, false, BodyId)?,
            "ca" => a.cases = numbers(key, value, MAX_CASES, true, CaseKindId)?,
            "un" => a.units = numbers(key, value, MAX_UNITS, false, BodyId)?,
            "co" => a.courses = ids(key, value, CourseId)?,
            "he" => a.held = ids(key, value, CredentialId)?,
            // Added with renewals.
            "hs" => a.held_since = years(key, value, CredentialId)?,
            "pe" => a.passed = ids(key, value, |s| s)?,
            // Added with the plan; links made before it simply lack them.
            "tg" => a.targets = ids(key, value, CredentialId)?,
            "cr" => a.case_rates = numbers(key, value, MAX_CASES, false, CaseKindId)?,
            // Added with graduate school.
            "gs" => a.graduate = Some(graduate(value).ok_or_else(|| bad(key, value))?),
            other => return Err(ShareError::UnknownField(other.chars().take(20).collect())),
        }
    }
    Ok(a)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Action;

    fn sample() -> Answers {
        let mut a = Answers::new(2026);
        a.apply(Action::SetStage(Stage::Licensed));
        a.apply(Action::SetExperience(
            AreaId::new("blood_purification"),
            2.5,
        ));
        a.apply(Action::SetExperience(AreaId::new("intensive_care"), 1.0));
        a.apply(Action::SetMembership(BodyId::new("jacet"), Some(3.0)));
        a.apply(Action::SetMembership(BodyId::new("jhrs"), Some(0.0)));
        a.apply(Action::SetCases(CaseKindId::new("pci_assists"), 120.0));
        a.apply(Action::SetUnits(BodyId::new("jacet"), 12.5));
        a.apply(Action::ToggleCourse(CourseId::new("dialysis_course")));
        a.apply(Action::ToggleHeld(CredentialId::new("me2")));
        a.apply(Action::SetHeldSince(CredentialId::new("me2"), Some(2019)));
        a.apply(Action::TogglePassed("ibhre".into()));
        a.apply(Action::ToggleLicence(LicenceId::new("nurse")));
        a.apply(Action::ToggleTarget(CredentialId::new("ite")));
        a.apply(Action::SetCaseRate(CaseKindId::new("cath_assists"), 80.0));
        a.apply(Action::SetGraduate(Some(Graduate {
            degree: Degree::Doctor,
            mode: StudyMode::Working,
            start_year: 2028,
        })));
        a
    }

    #[test]
    fn round_trip() {
        let a = sample();
        let text = encode(&a);
        assert!(text.starts_with("v1;k=l;"), "{text}");
        assert!(text.contains(";tg=ite;cr=cath_assists:80"), "{text}");
        assert!(text.contains(";he=me2;hs=me2:2019;"), "{text}");
        assert!(text.ends_with(";gs=d:w:2028"), "{text}");
        assert!(text.len() < 285, "{} chars: {text}", text.len());
        assert_eq!(decode(&text, 2026).unwrap(), a);
        let mut s = Answers::new(2026);
        s.apply(Action::SetStage(Stage::Student));
        s.apply(Action::SetSchoolYears(4));
        s.apply(Action::TogglePlanArea(AreaId::new("respiratory")));
        assert_eq!(decode(&encode(&s), 1999).unwrap(), s);
        assert_eq!(decode("v1", 2026).unwrap(), Answers::new(2026));
        // Found by fuzzing: a value read from a short text is written back longer.
        let small = decode("v1;ex=di:+.00000000001", 2026).unwrap();
        assert_eq!(decode(&encode(&small), 2026).unwrap(), small);
    }

    #[test]
    fn the_round_trip_keeps_the_school_of_a_visitor_not_in_school() {
        // The input the share fuzzer found.
        let text = "v1;k=l;pe=iip;sc=1:2025;pa=bloodun,perfusionrese";
        let a = decode(text, 2026).unwrap();
        assert_eq!(decode(&encode(&a), 2026).unwrap(), a);
        let precise = decode("v1;k=l;ex=bloon:+.037", 2026).unwrap();
        assert_eq!(decode(&encode(&precise), 2026).unwrap(), precise);
        let bare = decode("v1;sc=4:2030", 2026).unwrap();
        assert_eq!(decode(&encode(&bare), 2026).unwrap(), bare);
    }

    #[test]
    fn links_from_before_the_plan_still_read() {
        let old = "v1;k=l;sc=3:2026;ex=blood_purification:2.5;me=jacet:3;co=dialysis_course";
        let a = decode(old, 2026).unwrap();
        assert!(a.targets.is_empty() && a.case_rates.is_empty());
        assert_eq!(a.experience.len(), 1);
    }

    #[test]
    fn broken_texts_are_errors() {
        for bad in [
            "",
            "v2;k=l",
            "hello",
            "v1;k=x",
            "v1;zz=1",
            "v1;ex=blood_purification",
            "v1;ex=blood_purification:-1",
            "v1;ex=blood_purification:1e9",
            "v1;ex=blood_purification:NaN",
            "v1;ca=pci:1.5",
            "v1;co=<script>",
            "v1;k=l;k=s",
            "v1;sc=9:2025",
            "v1;sc=3:99999",
            "v1;ex=a:1,b",
            "v1;noequals",
            "v1;tg=<x>",
            "v1;cr=cath_assists:-1",
            "v1;cr=cath_assists",
            "v1;hs=me2",
            "v1;hs=me2:1800",
            "v1;hs=me2:2019.5",
            "v1;hs=<x>:2019",
            "v1;gs=x:f:2031",
            "v1;gs=m:x:2031",
            "v1;gs=m:f",
            "v1;gs=m:f:1800",
            "v1;gs=m:f:2031:1",
        ] {
            assert!(decode(bad, 2026).is_err(), "{bad:?} should fail");
        }
        assert_eq!(
            decode(&"x".repeat(MAX_LEN + 1), 2026),
            Err(ShareError::TooLong)
        );
    }
}
