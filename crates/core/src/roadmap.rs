//! The roadmap: the output half of the public contract. Field names here are
//! checked by outside cases; add fields freely, never rename.

use std::borrow::Cow;

use serde::ser::SerializeSeq;
use serde::{Serialize, Serializer};

use crate::ids::{CourseId, CredentialId, LicenceId, SourceId};
use crate::rules::model::RuleSet;

use crate::date::{Date, Month};
use crate::rules::file::{ApplicationDef, ConditionKind, NoteDef, RenewalDef, SeedDef, Text, Tier};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Something must be done: a course, cases, a membership, work in an area...
    Action,
    /// Only time-based criteria are unmet, and their clocks run.
    Waiting,
    /// Every criterion is met now.
    Eligible,
    Held,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Action => "action",
            Status::Waiting => "waiting",
            Status::Eligible => "eligible",
            Status::Held => "held",
        }
    }
}

/// The ids a criterion names, borrowed from the rules (no allocation per criterion).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Ids<'a> {
    #[default]
    None,
    Licences(&'a [LicenceId]),
    Credentials(&'a [CredentialId]),
    Courses(&'a [CourseId]),
    Exams(&'a [String]),
}

impl<'a> Ids<'a> {
    pub fn get(self, i: usize) -> Option<&'a str> {
        match self {
            Ids::None => None,
            Ids::Licences(l) => l.get(i).map(|x| x.as_str()),
            Ids::Credentials(l) => l.get(i).map(|x| x.as_str()),
            Ids::Courses(l) => l.get(i).map(|x| x.as_str()),
            Ids::Exams(l) => l.get(i).map(|x| x.as_str()),
        }
    }
    pub fn iter(self) -> impl Iterator<Item = &'a str> {
        (0..self.len()).filter_map(move |i| self.get(i))
    }
    pub fn len(self) -> usize {
        match self {
            Ids::None => 0,
            Ids::Licences(l) => l.len(),
            Ids::Credentials(l) => l.len(),
            Ids::Courses(l) => l.len(),
            Ids::Exams(l) => l.len(),
        }
    }
    pub fn is_empty(self) -> bool {
        self.len() == 0
    }
    fn is_empty_ref(&self) -> bool {
        self.is_empty()
    }
    pub fn to_vec(self) -> Vec<&'a str> {
        self.iter().collect()
    }
    /// One id borrowed, several joined with `|`.
    pub fn joined(self) -> Cow<'a, str> {
        if self.len() == 1 {
            Cow::Borrowed(self.get(0).unwrap_or_default())
        } else {
            Cow::Owned(self.to_vec().join("|"))
        }
    }
}

impl Serialize for Ids<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.len()))?;
        for id in self.iter() {
            seq.serialize_element(id)?;
        }
        seq.end()
    }
}

/// A credential's sources, resolved against the rules when serialised.
#[derive(Clone, Copy, Debug)]
pub struct Sources<'a> {
    pub rules: &'a RuleSet,
    pub ids: &'a [SourceId],
}

/// The same ids of the same rules (no need to compare the rules themselves).
impl PartialEq for Sources<'_> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.rules, other.rules) && self.ids == other.ids
    }
}

impl<'a> Sources<'a> {
    pub fn iter(self) -> impl Iterator<Item = SourceRef<'a>> {
        self.ids
            .iter()
            .filter_map(move |id| self.rules.source(id.as_str()))
            .map(SourceRef::from)
    }
}

impl Serialize for Sources<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

impl<'a> From<&'a crate::rules::file::SourceDef> for SourceRef<'a> {
    fn from(s: &'a crate::rules::file::SourceDef) -> Self {
        SourceRef {
            id: s.id.as_str(),
            url: &s.url,
            read: &s.read,
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct RulesInfo<'a> {
    pub version: &'a str,
    pub sha256: &'a str,
}

#[derive(Clone, Debug, Serialize)]
pub struct Roadmap<'a> {
    pub rules: RulesInfo<'a>,
    pub as_of: Date,
    /// The date the profile's answers describe (≤ as_of).
    pub profile_as_of: Date,
    pub stage: &'static str,
    pub licence: LicenceInfo<'a>,
    pub credentials: Vec<CredentialResult<'a>>,
    /// Every distinct unmet action, ordered by how much it unblocks.
    pub next_steps: Vec<Step<'a>>,
    /// Credentials by the fiscal year (年度) in which they open up.
    pub timeline: Vec<TimelineYear<'a>>,
    /// What to do each fiscal year and what opens then: the profile's targets and
    /// what they need, or, without targets, every credential that can be dated.
    pub plan: Vec<PlanYear<'a>>,
    /// For someone choosing a school (`prospective` with a school): each course
    /// length the licence route allows, side by side, in the rules' order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub routes: Vec<Route<'a>>,
    pub disclaimer: &'a Text,
}

#[derive(Clone, Debug, Serialize)]
pub struct LicenceInfo<'a> {
    /// The licence the route leads to (`ce`).
    pub id: &'a str,
    pub status: LicenceStatus,
    /// For students: the day the licence is counted from (April 1 of the graduation year).
    pub on: Option<Date>,
    /// For students: the month of the national exam before it ("YYYY-MM").
    pub exam: Option<Month>,
    pub fiscal_year: Option<i32>,
}

/// One licence route, counted from the same April after high school.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Route<'a> {
    /// The course's length (`school.years`).
    pub school_years: u8,
    /// The April the course itself starts: after the study it needs first, if any.
    pub start_year: i32,
    /// What the course needs before it (the rules' `licence_route.prior_study`).
    pub prior_study: Option<PriorStudy<'a>>,
    /// The route the profile's school gives.
    pub chosen: bool,
    /// The national exam ("YYYY-MM") and the day the licence is counted from.
    pub exam: Option<Month>,
    pub licence_on: Option<Date>,
    pub licence_fiscal_year: Option<i32>,
    /// Per planned area, the first credential that opens on this route.
    pub first: Vec<RouteFirst<'a>>,
    /// Planned areas with no dated credential on this route, each with why.
    pub undated: Vec<RouteUndated<'a>>,
}

/// Study a course needs before it: years at a university or similar (at a
/// technical college, more) with the subjects the state designates.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PriorStudy<'a> {
    pub years: u8,
    pub technical_college_years: u8,
    pub source: Option<SourceRef<'a>>,
}

/// A planned area the route cannot date: its first credential (none when the
/// rules hold none there) and the first thing blocking that credential's date.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RouteUndated<'a> {
    pub area: &'a str,
    pub credential: Option<&'a str>,
    pub blocked_by: Option<Blocker<'a>>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RouteFirst<'a> {
    pub area: &'a str,
    pub credential: &'a str,
    /// On this route: its `earliest.certify_on` if it has two stages, else its
    /// `earliest.on`.
    pub on: Date,
    pub fiscal_year: i32,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SourceRef<'a> {
    pub id: &'a str,
    pub url: &'a str,
    pub read: &'a str,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BodyRef<'a> {
    pub id: &'a str,
    pub ja: &'a str,
    pub en: &'a str,
    pub url: Option<&'a str>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CredentialResult<'a> {
    pub id: &'a str,
    pub name: &'a Text,
    pub body: BodyRef<'a>,
    pub tier: Tier,
    pub areas: &'a [crate::ids::AreaId],
    pub status: Status,
    pub stage: CredentialStage,
    /// When every time-based criterion is (or was) met if the person keeps going;
    /// null when a time-based criterion has no clock running.
    pub ready_on: Option<Date>,
    /// The first exam sitting open to someone ready on ready_on, "YYYY-MM", where
    /// months are known (after the application deadline where one is published).
    pub next_sitting: Option<Month>,
    /// The last day to apply for next_sitting, where the rules publish it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub apply_by: Option<Date>,
    pub criteria: Vec<Criterion<'a>>,
    /// For two-stage credentials at the exam stage: what certification will ask.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub certify_criteria: Option<Vec<Criterion<'a>>>,
    pub next_steps: Vec<Step<'a>>,
    pub exam_months: Option<&'a [u8]>,
    /// Published application windows, one per exam month at most.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub applications: &'a [ApplicationDef],
    pub exam: Option<&'a NoteDef>,
    pub renewal: Option<&'a RenewalDef>,
    /// Held credentials with a year obtained (`held_since`) and a published cycle:
    /// the calendar year the renewal falls due (the day is on the certificate).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub renewal_due: Option<i32>,
    pub seed: Option<&'a SeedDef>,
    pub notes: &'a [NoteDef],
    /// Requirements not published: check with the body.
    pub unknowns: &'a [NoteDef],
    pub sources: Sources<'a>,
    /// The earliest date if every missing step is taken at its first chance;
    /// absent for held credentials.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub earliest: Option<Earliest<'a>>,
}

/// When a credential can be had at the earliest, and what that takes.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Earliest<'a> {
    /// The first date every criterion of the current stage can be met; null when blocked.
    pub on: Option<Date>,
    pub fiscal_year: Option<i32>,
    /// The first sitting ("YYYY-MM") open to someone ready on `on`: where the rules
    /// publish an application window, the first whose applications close on or
    /// after `on`; null when exam months are not published.
    pub sitting: Option<Month>,
    /// The last day to apply for `sitting`, where the rules publish it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub apply_by: Option<Date>,
    /// Two-stage credentials: the earliest certification after the exam.
    pub certify_on: Option<Date>,
    /// When the visitor can first hold the title (not when its exam opens).
    pub obtain: Obtain,
    /// The dates rest on something without published dates (a course, meeting,
    /// exam month or deadline): they are the earliest possible, not a promise
    /// (「早くても」 / "at the earliest").
    pub lower_bound: bool,
    /// Every step still to take, each with the date it must be done by.
    pub steps: Vec<PlanStep<'a>>,
    /// What no plan can date: an unpublished count, an area not planned, no case rate...
    pub blocked_by: Vec<Blocker<'a>>,
    /// What the dates take for granted (course dates, passing at the first sitting...).
    pub assumptions: Vec<Assumption>,
    /// Credentials this one needs first (chained), so a plan can hold them too.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub requires: Vec<&'a str>,
}

/// What `Obtain`'s date rests on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ObtainBasis {
    /// A two-stage credential: its certification, after the exam.
    Certification,
    /// The first known sitting of its exam.
    Sitting,
    /// The date its conditions are met: the sitting is not published.
    Conditions,
}

/// When a credential can first be held.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Obtain {
    pub fiscal_year: Option<i32>,
    pub date: Option<Date>,
    pub basis: ObtainBasis,
}

impl Obtain {
    /// A two-stage credential (`certification` is `Some`, with its date if it
    /// can be dated) at its certification; else at its first known sitting; else
    /// when its conditions are met (`on`).
    pub fn of(
        certification: Option<Option<Date>>,
        on: Option<Date>,
        sitting: Option<Month>,
    ) -> Obtain {
        let (date, basis) = match (certification, sitting) {
            (Some(c), _) => (c, ObtainBasis::Certification),
            (None, Some(s)) => (on.map(|_| s.first_day()), ObtainBasis::Sitting),
            (None, None) => (on, ObtainBasis::Conditions),
        };
        Obtain {
            fiscal_year: date.map(Date::fiscal_year),
            date,
            basis,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlanStep<'a> {
    pub action: Action,
    /// The id acted on; alternatives joined with `|`.
    pub target: Cow<'a, str>,
    /// The step must be done by this date for the dates above to hold.
    pub by: Date,
    /// Not before this date: the first chance, or the start of the rule's window.
    pub from: Date,
    /// units, cases: how many more.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<f64>,
    /// units: the total the rule asks (the visitor has `need - amount`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub need: Option<f64>,
    /// units, courses: counted only within this many years before the date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub within_years: Option<f64>,
    /// False when its timing rests on no published schedule (a course, meeting,
    /// units or an exam without dates in the rules): `by` is then only the fiscal
    /// year it belongs to, worded "at the next session (dates not published)".
    pub scheduled: bool,
    /// In the plan: the credentials that need this step.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub credentials: Vec<&'a str>,
    /// A two-stage credential's step that its certification needs, after the exam
    /// (membership, units...), as against one the exam itself needs.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub for_certification: bool,
    /// The visitor's own choice (graduate school), not something a credential needs.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub choice: bool,
    pub text: Text,
}

/// Why a credential cannot be dated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockerKind {
    /// No licence and no route to one.
    Licence,
    /// A student without school dates.
    School,
    /// Work in an area the visitor has not chosen.
    Area,
    /// Work in some area, none chosen.
    Work,
    /// A case count with no yearly rate to date it.
    CasesRate,
    /// A case count for someone not yet working (still choosing or in school),
    /// who has no yearly number to give.
    CasesOnceWorking,
    /// A case count the body does not publish.
    CasesUnknown,
    /// The rate cannot reach the count within the window.
    CasesWindow,
    /// Prerequisites that require each other.
    Cycle,
    /// A prerequisite that cannot be dated.
    Credential,
    /// Years of work are required but their number is not published.
    ExperienceUnknown,
}

impl BlockerKind {
    /// The name the JSON gives it.
    pub fn as_str(self) -> &'static str {
        match self {
            BlockerKind::Licence => "licence",
            BlockerKind::School => "school",
            BlockerKind::Area => "area",
            BlockerKind::Work => "work",
            BlockerKind::CasesRate => "cases_rate",
            BlockerKind::CasesOnceWorking => "cases_once_working",
            BlockerKind::CasesUnknown => "cases_unknown",
            BlockerKind::CasesWindow => "cases_window",
            BlockerKind::Cycle => "cycle",
            BlockerKind::Credential => "credential",
            BlockerKind::ExperienceUnknown => "experience_unknown",
        }
    }
}

/// What a projected date takes for granted. The order here is the order shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AssumptionKind {
    JoinAtLicence,
    CourseDates,
    UnitsInTime,
    CasesInWindow,
    ExamDates,
    Results,
    PassFirst,
    ApplicationDates,
    /// Full-time graduate study stops the work clocks (and case counts).
    FullTimeStudy,
    /// A student's licence counts from its registration, whose timing is not
    /// published (the rules' `licence_month`).
    Registration,
}

impl AssumptionKind {
    /// Every kind, in the order shown.
    pub const ALL: [AssumptionKind; 10] = [
        AssumptionKind::JoinAtLicence,
        AssumptionKind::CourseDates,
        AssumptionKind::UnitsInTime,
        AssumptionKind::CasesInWindow,
        AssumptionKind::ExamDates,
        AssumptionKind::Results,
        AssumptionKind::PassFirst,
        AssumptionKind::ApplicationDates,
        AssumptionKind::FullTimeStudy,
        AssumptionKind::Registration,
    ];
}

/// What a criterion's `have` and `need` count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CountUnit {
    Years,
    Cases,
    Units,
    Credentials,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Blocker<'a> {
    pub kind: BlockerKind,
    /// The id concerned (an area, a case kind, a credential...), when there is one.
    #[serde(skip_serializing_if = "str::is_empty")]
    pub target: Cow<'a, str>,
    pub text: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Assumption {
    pub kind: AssumptionKind,
    pub text: Text,
}

/// One fiscal year of the plan.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlanYear<'a> {
    pub fiscal_year: i32,
    pub steps: Vec<PlanStep<'a>>,
    /// Credentials whose current stage can first be met this year.
    pub opens: Vec<&'a str>,
    /// Two-stage credentials that can first be certified this year.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub certifies: Vec<&'a str>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SubCount<'a> {
    pub case_kind: &'a str,
    pub have: f64,
    pub need: f64,
    pub met: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Criterion<'a> {
    pub kind: ConditionKind,
    pub met: bool,
    /// Unmet, but will be met by time alone (its clock runs).
    pub waiting: bool,
    /// licence, experience, membership: criteria that time can satisfy.
    pub time_based: bool,
    pub have: Option<f64>,
    pub need: Option<f64>,
    /// What have/need count.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<CountUnit>,
    /// When the criterion is or was met if the person keeps going.
    pub met_on: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub area: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub case_kind: Option<&'a str>,
    /// licence, credential, course, exam: the ids that satisfy it.
    #[serde(skip_serializing_if = "Ids::is_empty_ref")]
    pub ids: Ids<'a>,
    /// credential: all of `ids` are needed (else any one).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub need_all: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub within_years: Option<f64>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub still_working: bool,
    /// The clock behind a time criterion runs (working in the area, a member...).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub ongoing: bool,
    /// course: not needed because of a held credential or passed exam.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub exempt: bool,
    /// cases, experience: the number is not published.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub need_unknown: bool,
    /// experience in any clinical area without `clinical_years`: `have` is the
    /// clinical area with the most years (never their sum).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub largest_area: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sub_counts: Vec<SubCount<'a>>,
    /// any_of, all_of: the grouped criteria.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<Criterion<'a>>,
    pub source: Option<SourceRef<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'a Text>,
    /// The criterion in words, both languages.
    pub text: Text,
}

/// The visitor's licence: held, expected (a student with a school), or neither.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LicenceStatus {
    Held,
    Expected,
    None,
}

/// Which of a credential's stages is evaluated: the conditions to sit the exam
/// or apply, or, once its exam is passed, those to be certified.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CredentialStage {
    Exam,
    Certify,
}

impl CredentialStage {
    pub fn as_str(self) -> &'static str {
        match self {
            CredentialStage::Exam => "exam",
            CredentialStage::Certify => "certify",
        }
    }
}

/// What a step asks of the visitor. The order is the order of steps due on
/// the same day: the licence before what it opens, an exam's sitting last.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Licence,
    WorkInArea,
    Work,
    Join,
    Course,
    Units,
    Cases,
    Credential,
    Exam,
    /// Plan only: the last day to apply for a sitting, where the rules publish it.
    Apply,
    /// Plan only: the sitting of an exam.
    Sit,
    /// Plan only: renewing a held credential, in the year it falls due.
    Renew,
    /// Plan only, the visitor's choice: entering a graduate course (target
    /// `master` or `doctor`).
    GraduateStart,
    /// Plan only, the visitor's choice: finishing it.
    GraduateFinish,
}

impl Action {
    /// The name the JSON gives it.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Licence => "licence",
            Action::WorkInArea => "work_in_area",
            Action::Work => "work",
            Action::Join => "join",
            Action::Course => "course",
            Action::Units => "units",
            Action::Cases => "cases",
            Action::Credential => "credential",
            Action::Exam => "exam",
            Action::Apply => "apply",
            Action::Sit => "sit",
            Action::Renew => "renew",
            Action::GraduateStart => "graduate_start",
            Action::GraduateFinish => "graduate_finish",
        }
    }
}

impl std::fmt::Display for Action {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Step<'a> {
    pub action: Action,
    /// The id acted on; alternatives joined with `|`.
    pub target: Cow<'a, str>,
    /// Credentials this step alone turns from "action" into waiting or eligible.
    pub unblocks: usize,
    /// Credentials in which this step is an unmet action.
    pub affects: usize,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub credentials: Vec<&'a str>,
    pub text: Text,
}

#[derive(Clone, Debug, Serialize)]
pub struct TimelineYear<'a> {
    /// 年度: April of this year to March of the next.
    pub fiscal_year: i32,
    /// Open now, or by time alone (nothing to do but keep going).
    pub credentials: Vec<&'a str>,
    /// Open this year at the earliest, after the steps of their plan.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub after_steps: Vec<&'a str>,
}
