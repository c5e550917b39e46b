//! The visitor's answers in the widget: one state, changed only through `Action`s
//! by `Answers::apply` (the reducer behind Yew's `use_reducer`). The roadmap is
//! derived from this, never stored beside it.

use std::collections::{BTreeMap, BTreeSet};

use ce_roadmap_core::ids::*;
use ce_roadmap_core::profile::{Graduate, Profile, School, Stage};
use ce_roadmap_core::rules::RuleSet;

#[derive(Clone, Debug, PartialEq)]
pub struct Answers {
    /// None until the visitor says who they are.
    pub stage: Option<Stage>,
    pub school: School,
    pub plan_areas: BTreeSet<AreaId>,
    /// Licences besides the CE licence that `licensed` implies (nurse, lab, ...).
    pub licences: BTreeSet<LicenceId>,
    /// Years per area; an area absent is an area not worked in.
    pub experience: BTreeMap<AreaId, f64>,
    /// Years of clinical practice since the licence, any area; None: not answered.
    pub clinical_years: Option<f64>,
    /// Years of membership; a body absent is a body not joined.
    pub membership: BTreeMap<BodyId, f64>,
    pub cases: BTreeMap<CaseKindId, f64>,
    pub units: BTreeMap<BodyId, f64>,
    pub courses: BTreeSet<CourseId>,
    pub held: BTreeSet<CredentialId>,
    /// The year each held credential was obtained (or last renewed). Kept when the
    /// credential is unticked, so ticking it again loses nothing.
    pub held_since: BTreeMap<CredentialId, f64>,
    pub passed: BTreeSet<String>,
    /// Credentials the visitor aims for ("aim for this" on a card).
    pub targets: BTreeSet<CredentialId>,
    /// Cases a year, by case kind, for dating case counts.
    pub case_rates: BTreeMap<CaseKindId, f64>,
    /// Graduate school, if the visitor chooses it.
    pub graduate: Option<Graduate>,
}

impl Answers {
    /// A clean start; `year` is the default school start year (next April's, for
    /// someone choosing a school).
    pub fn new(year: i32) -> Answers {
        Answers {
            stage: None,
            school: School {
                years: 3,
                start_year: year,
            },
            plan_areas: BTreeSet::new(),
            licences: BTreeSet::new(),
            experience: BTreeMap::new(),
            clinical_years: None,
            membership: BTreeMap::new(),
            cases: BTreeMap::new(),
            units: BTreeMap::new(),
            courses: BTreeSet::new(),
            held: BTreeSet::new(),
            held_since: BTreeMap::new(),
            passed: BTreeSet::new(),
            targets: BTreeSet::new(),
            case_rates: BTreeMap::new(),
            graduate: None,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetStage(Stage),
    /// The visitor's kind chosen in the form, in this fiscal year: the school's start
    /// year moves to one that fits it (someone choosing a school starts next April at
    /// the earliest; a student started this April at the latest).
    ChooseStage(Stage, i32),
    SetSchoolYears(u8),
    SetStartYear(i32),
    TogglePlanArea(AreaId),
    /// A licensed visitor's area choice: on, it is an area worked in (a plan area,
    /// whose clock runs from now until years are given); off, its years go too.
    ToggleWorkArea(AreaId),
    ToggleLicence(LicenceId),
    /// 0 removes the area (not worked in).
    SetExperience(AreaId, f64),
    /// None: not answered.
    SetClinicalYears(Option<f64>),
    /// None: not a member.
    SetMembership(BodyId, Option<f64>),
    SetCases(CaseKindId, f64),
    SetUnits(BodyId, f64),
    ToggleCourse(CourseId),
    ToggleHeld(CredentialId),
    /// None forgets the year.
    SetHeldSince(CredentialId, Option<i32>),
    TogglePassed(String),
    ToggleTarget(CredentialId),
    /// 0 removes the rate.
    SetCaseRate(CaseKindId, f64),
    /// None: no graduate school.
    SetGraduate(Option<Graduate>),
    /// Back to a clean start.
    Reset,
    /// Restore saved or shared answers.
    Replace(Box<Answers>),
}

/// The start years the school form offers: someone choosing a school, from next
/// April; a student, up to this April.
pub fn start_years(stage: Stage, this_year: i32) -> std::ops::RangeInclusive<i32> {
    match stage {
        Stage::Student => this_year - 6..=this_year,
        _ => this_year + 1..=this_year + 6,
    }
}

fn toggle<T: Ord>(set: &mut BTreeSet<T>, v: T) {
    if !set.remove(&v) {
        set.insert(v);
    }
}

fn set_or_remove<K: Ord>(map: &mut BTreeMap<K, f64>, k: K, v: f64) {
    // Non-finite or negative values never reach the state: inputs reject them first.
    if v.is_finite() && v > 0.0 {
        map.insert(k, v);
    } else {
        map.remove(&k);
    }
}

impl Answers {
    /// The reducer.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::SetStage(s) => self.stage = Some(s),
            Action::ChooseStage(s, this_year) => {
                self.stage = Some(s);
                let years = start_years(s, this_year);
                if !years.contains(&self.school.start_year) {
                    let start_year = match s {
                        Stage::Student => this_year,
                        _ => this_year + 1,
                    };
                    self.set_school(School {
                        start_year,
                        ..self.school
                    });
                }
            }
            Action::SetSchoolYears(y) => self.set_school(School {
                years: y,
                ..self.school
            }),
            Action::SetStartYear(y) => self.set_school(School {
                start_year: y,
                ..self.school
            }),
            Action::TogglePlanArea(a) => toggle(&mut self.plan_areas, a),
            Action::ToggleWorkArea(a) => {
                if self.works_in(&a) {
                    self.plan_areas.remove(&a);
                    self.experience.remove(&a);
                } else {
                    self.plan_areas.insert(a);
                }
            }
            Action::ToggleLicence(l) => toggle(&mut self.licences, l),
            Action::SetExperience(a, y) => {
                // Stepped down to 0, the area stays chosen: its stepper must not vanish.
                if self.experience.contains_key(&a) {
                    self.plan_areas.insert(a.clone());
                }
                set_or_remove(&mut self.experience, a, y)
            }
            Action::SetClinicalYears(y) => {
                self.clinical_years = y.filter(|y| y.is_finite() && *y >= 0.0)
            }
            Action::SetMembership(b, None) => {
                self.membership.remove(&b);
            }
            Action::SetMembership(b, Some(y)) => {
                self.membership
                    .insert(b, if y.is_finite() && y > 0.0 { y } else { 0.0 });
            }
            Action::SetCases(k, n) => set_or_remove(&mut self.cases, k, n),
            Action::SetUnits(b, n) => set_or_remove(&mut self.units, b, n),
            Action::ToggleCourse(c) => toggle(&mut self.courses, c),
            Action::ToggleHeld(c) => toggle(&mut self.held, c),
            Action::SetHeldSince(c, Some(y)) => {
                self.held_since.insert(c, f64::from(y));
            }
            Action::SetHeldSince(c, None) => {
                self.held_since.remove(&c);
            }
            Action::TogglePassed(e) => toggle(&mut self.passed, e),
            Action::ToggleTarget(c) => toggle(&mut self.targets, c),
            Action::SetCaseRate(k, n) => set_or_remove(&mut self.case_rates, k, n),
            Action::SetGraduate(g) => self.graduate = g,
            Action::Reset => *self = Answers::new(self.school.start_year),
            Action::Replace(a) => *self = *a,
        }
    }

    /// A new course or start year; graduate school chosen straight after the old
    /// course stays straight after the new one. (A later year is kept as answered;
    /// `graduate` takes it as no earlier than the course ends.)
    fn set_school(&mut self, school: School) {
        let old_end = self.school.end_year();
        self.school = school;
        if let Some(g) = self.graduate.as_mut().filter(|g| g.start_year == old_end) {
            g.start_year = school.end_year();
        }
    }

    /// An area chosen as worked in, or with years answered: its stepper shows.
    pub fn works_in(&self, a: &AreaId) -> bool {
        self.plan_areas.contains(a) || self.experience.contains_key(a)
    }

    /// The engine's profile for these answers. A licensed visitor holds the
    /// route's licence (臨床工学技士); someone in school has a school.
    /// The course as the profile takes it. Someone choosing gives the April they
    /// start studying after high school; a course that follows study elsewhere
    /// (the 1- and 2-year ones) starts after that study. A student gives the
    /// course's own start.
    pub fn course(&self, rules: &RuleSet) -> School {
        let mut s = self.school;
        if self.stage.unwrap_or(Stage::Prospective) == Stage::Prospective {
            s.start_year = s
                .start_year
                .saturating_add(i32::from(rules.prior_years(s.years)));
        }
        s
    }

    pub fn profile(&self, rules: &RuleSet) -> Profile {
        let stage = self.stage.unwrap_or(Stage::Prospective);
        let mut licences: Vec<LicenceId> = self.licences.iter().cloned().collect();
        if stage == Stage::Licensed && !self.licences.contains(&rules.licence_route.licence) {
            licences.insert(0, rules.licence_route.licence.clone());
        }
        let in_school = stage.is_in_school() && self.stage.is_some();
        Profile {
            as_of: None,
            stage,
            licences,
            school: in_school.then(|| self.course(rules)),
            plan_areas: self.plan_areas.iter().cloned().collect(),
            experience: if in_school {
                BTreeMap::new()
            } else {
                self.experience.clone()
            },
            clinical_years: self.clinical_years.filter(|_| !in_school),
            membership: self.membership.clone(),
            cases: self.cases.clone(),
            units: self.units.clone(),
            courses: self.courses.iter().cloned().collect(),
            held: self.held.iter().cloned().collect(),
            // Only for credentials held: a year kept for an unticked one is not an answer.
            held_since: self
                .held_since
                .iter()
                .filter(|(c, _)| self.held.contains(*c))
                .map(|(c, y)| (c.clone(), *y))
                .collect(),
            passed_exams: self.passed.iter().cloned().collect(),
            targets: self.targets.iter().cloned().collect(),
            case_rates: self.case_rates.clone(),
            graduate: self.graduate(rules),
        }
    }

    /// The graduate school as the profile takes it: none where the rules offer
    /// none, and for someone in school never before the course ends (the school
    /// years may have changed since the year was chosen).
    pub fn graduate(&self, rules: &RuleSet) -> Option<Graduate> {
        rules.graduate_school.as_ref()?;
        let g = self.graduate?;
        let end = self.course(rules).end_year();
        Some(if self.stage.is_some_and(Stage::is_in_school) {
            // The same course: only "never before it ends" applies.
            g.after_course(end, end)
        } else {
            g
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_start_year_fits_the_kind_chosen() {
        // December 2026: fiscal year 2026, next April is 2027.
        let mut a = Answers::new(2027);
        a.apply(Action::ChooseStage(Stage::Prospective, 2026));
        assert_eq!(a.school.start_year, 2027);
        a.apply(Action::ChooseStage(Stage::Student, 2026));
        assert_eq!(
            a.school.start_year, 2026,
            "a student started this April at the latest"
        );
        a.apply(Action::SetStartYear(2024));
        a.apply(Action::ChooseStage(Stage::Student, 2026));
        assert_eq!(a.school.start_year, 2024, "an answer that fits is kept");
        a.apply(Action::ChooseStage(Stage::Prospective, 2026));
        assert_eq!(a.school.start_year, 2027);
    }

    #[test]
    fn the_reducer_sets_toggles_and_resets() {
        let rules = ce_roadmap_core::default_rules().unwrap();
        let mut a = Answers::new(2026);
        a.apply(Action::SetStage(Stage::Licensed));
        a.apply(Action::SetExperience(
            AreaId::new("blood_purification"),
            2.5,
        ));
        a.apply(Action::SetMembership(BodyId::new("jacet"), Some(0.0)));
        a.apply(Action::ToggleCourse(CourseId::new("dialysis_course")));
        let p = a.profile(&rules);
        assert_eq!(p.licences, vec![LicenceId::new("ce")]);
        assert_eq!(p.experience.get("blood_purification"), Some(&2.5));
        assert_eq!(p.membership.get("jacet"), Some(&0.0));
        assert_eq!(p.courses.len(), 1);
        a.apply(Action::SetExperience(
            AreaId::new("blood_purification"),
            0.0,
        ));
        a.apply(Action::ToggleCourse(CourseId::new("dialysis_course")));
        a.apply(Action::SetMembership(BodyId::new("jacet"), None));
        assert!(a.experience.is_empty() && a.courses.is_empty() && a.membership.is_empty());
        a.apply(Action::SetExperience(AreaId::new("icu"), f64::NAN));
        assert!(a.experience.is_empty());
        a.apply(Action::Reset);
        assert_eq!(a, Answers::new(2026));
    }

    #[test]
    fn an_area_chosen_shows_until_unchosen_and_takes_its_years_with_it() {
        let rules = ce_roadmap_core::default_rules().unwrap();
        let dialysis = AreaId::new("blood_purification");
        let mut a = Answers::new(2026);
        a.apply(Action::SetStage(Stage::Licensed));
        assert!(!a.works_in(&dialysis));
        a.apply(Action::ToggleWorkArea(dialysis.clone()));
        assert!(a.works_in(&dialysis));
        // Chosen without years: a clock from now, which the engine reads as a plan area.
        assert_eq!(a.profile(&rules).plan_areas, vec![dialysis.clone()]);
        a.apply(Action::SetExperience(dialysis.clone(), 2.0));
        a.apply(Action::SetExperience(dialysis.clone(), 0.0));
        assert!(a.works_in(&dialysis), "stepped to 0, still chosen");
        a.apply(Action::SetExperience(dialysis.clone(), 3.0));
        a.apply(Action::ToggleWorkArea(dialysis.clone()));
        assert!(!a.works_in(&dialysis));
        assert!(a.experience.is_empty() && a.plan_areas.is_empty());
        // Years from a saved link without the choice: shown as chosen, and kept so at 0.
        a.experience.insert(dialysis.clone(), 1.0);
        assert!(a.works_in(&dialysis));
        a.apply(Action::SetExperience(dialysis.clone(), 0.0));
        assert!(a.works_in(&dialysis));
    }

    #[test]
    fn students_get_a_school_and_no_experience() {
        let rules = ce_roadmap_core::default_rules().unwrap();
        let mut a = Answers::new(2026);
        a.apply(Action::SetStage(Stage::Student));
        a.apply(Action::SetSchoolYears(4));
        a.apply(Action::SetStartYear(2025));
        a.apply(Action::SetExperience(
            AreaId::new("blood_purification"),
            2.0,
        ));
        let p = a.profile(&rules);
        assert_eq!(
            p.school,
            Some(School {
                years: 4,
                start_year: 2025
            })
        );
        assert!(p.experience.is_empty());
        assert!(p.licences.is_empty());
    }

    #[test]
    fn a_course_after_study_elsewhere_starts_after_it_for_someone_choosing() {
        let rules = ce_roadmap_core::default_rules().unwrap();
        let mut a = Answers::new(2026);
        a.apply(Action::SetStage(Stage::Prospective));
        a.apply(Action::SetStartYear(2027));
        a.apply(Action::SetSchoolYears(1));
        // Two years at a university first (臨床工学技士法 第14条第2号), then the course.
        assert_eq!(a.profile(&rules).school.map(|s| s.start_year), Some(2029));
        a.apply(Action::SetSchoolYears(3));
        assert_eq!(a.profile(&rules).school.map(|s| s.start_year), Some(2027));
        // A student gives the course's own start.
        a.apply(Action::SetStage(Stage::Student));
        a.apply(Action::SetSchoolYears(1));
        a.apply(Action::SetStartYear(2026));
        assert_eq!(a.profile(&rules).school.map(|s| s.start_year), Some(2026));
    }

    #[test]
    fn graduate_school_waits_for_a_course_that_follows_study_elsewhere() {
        use ce_roadmap_core::profile::{Degree, StudyMode};
        let rules = ce_roadmap_core::default_rules().unwrap();
        let mut a = Answers::new(2026);
        a.apply(Action::SetStage(Stage::Prospective));
        a.apply(Action::SetStartYear(2027));
        a.apply(Action::SetSchoolYears(1));
        a.graduate = Some(Graduate {
            degree: Degree::Master,
            mode: StudyMode::FullTime,
            start_year: 2028,
        });
        // Two years at a university, then the 1-year course: it ends in March 2030.
        assert_eq!(a.graduate(&rules).map(|g| g.start_year), Some(2030));
        let p = a.profile(&rules);
        assert_eq!(p.school.map(School::end_year), Some(2030));
        assert_eq!(p.graduate.map(|g| g.start_year), Some(2030));
    }

    #[test]
    fn graduate_school_never_starts_before_the_school_ends() {
        use ce_roadmap_core::profile::{Degree, StudyMode};
        let rules = ce_roadmap_core::default_rules().unwrap();
        let mut a = Answers::new(2026);
        a.apply(Action::SetStage(Stage::Student));
        a.apply(Action::SetStartYear(2025));
        let g = Graduate {
            degree: Degree::Master,
            mode: StudyMode::FullTime,
            start_year: 2028,
        };
        a.apply(Action::SetGraduate(Some(g)));
        assert_eq!(a.profile(&rules).graduate, Some(g));
        assert!(a.profile(&rules).check(&rules).is_ok());
        // Chosen straight after the 3-year course (2028), it follows a 4-year course to 2029.
        a.apply(Action::SetSchoolYears(4));
        assert_eq!(a.profile(&rules).graduate.map(|g| g.start_year), Some(2029));
        assert!(a.profile(&rules).check(&rules).is_ok());
        // A later year chosen stays; one made too early by a longer course is taken as
        // that course's end, and kept as answered.
        let later = Graduate {
            start_year: 2031,
            ..g
        };
        a.apply(Action::SetGraduate(Some(later)));
        a.apply(Action::SetSchoolYears(3));
        assert_eq!(a.graduate, Some(later));
        a.apply(Action::SetStartYear(2030));
        assert_eq!(a.profile(&rules).graduate.map(|g| g.start_year), Some(2033));
        assert_eq!(a.graduate, Some(later));
        // Rules without graduate school: nothing reaches the profile.
        let mut bare = rules.clone();
        bare.graduate_school = None;
        assert_eq!(a.profile(&bare).graduate, None);
        a.apply(Action::SetGraduate(None));
        assert_eq!(a.profile(&rules).graduate, None);
    }
}
