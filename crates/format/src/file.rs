//! The rule file as written by hand (TOML) or shipped as JSON: every field explicit,
//! unknown keys rejected. `validate` turns it into the typed model in `model`.
//! Serialising this struct to JSON is also the canonical form behind the content hash.

use serde::{Deserialize, Serialize};

use crate::date::{Date, MonthDay};
use crate::ids::*;

#[cfg(feature = "schema")]
use schemars::JsonSchema;

/// A text in both languages. Japanese first: it is the widget's default.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub ja: String,
    pub en: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    /// Version of the rule set, shown in every roadmap, e.g. "2026.11.1".
    pub version: String,
    pub title: Text,
    /// Shown under every roadmap: the issuing bodies' current rules decide.
    pub disclaimer: Text,
    pub sources: Vec<SourceDef>,
    pub licences: Vec<NamedDef<LicenceId>>,
    pub areas: Vec<AreaDef>,
    pub bodies: Vec<BodyDef>,
    pub case_kinds: Vec<NamedDef<CaseKindId>>,
    pub courses: Vec<CourseDef>,
    /// Exams that are not themselves credentials of this catalogue (e.g. IBHRE).
    #[serde(default)]
    pub exams: Vec<NamedDef<ExamId>>,
    pub licence_route: LicenceRouteDef,
    pub credentials: Vec<CredentialDef>,
    /// Help with school fees, for someone choosing a school.
    #[serde(default)]
    pub fee_support: FeeSupportDef,
    /// Graduate school after the licence, offered as the visitor's own choice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub graduate_school: Option<GraduateSchoolDef>,
}

/// Graduate school (修士, then 博士後期): the standard years of each course and
/// where they are stated. Never a condition of a credential: a plan shows it only
/// when the visitor chooses it, and full-time study pauses their work clocks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GraduateSchoolDef {
    /// Standard years of a master's course (修士課程 / 博士前期課程).
    pub master_years: u8,
    /// Standard years of a doctoral course after the master's (博士後期課程).
    pub doctor_years: u8,
    /// What the standard years leave open (longer courses for working students).
    #[serde(default)]
    pub notes: Vec<NoteDef>,
    pub source: SourceId,
}

/// Public help with school fees: each scheme in general terms with its official
/// source, and what the sources leave to the visitor to check.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FeeSupportDef {
    #[serde(default)]
    pub schemes: Vec<SchemeDef>,
    #[serde(default)]
    pub unknowns: Vec<NoteDef>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SchemeDef {
    pub id: SchemeId,
    pub ja: String,
    pub en: String,
    /// What it gives.
    pub what: Text,
    /// Who it is for, in general terms.
    pub who: Text,
    pub source: SourceId,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SourceDef {
    pub id: SourceId,
    pub url: String,
    #[serde(default)]
    pub title: Option<String>,
    /// When the source was read: "YYYY-MM-DD", or "YYYY-MM" where only the month is known.
    pub read: String,
    /// The issuing body's own page or its published rules (要項, 規則), not a
    /// commentary or job site. `validate --strict` wants every condition's source so.
    #[serde(default, skip_serializing_if = "is_false")]
    pub official: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NamedDef<I> {
    pub id: I,
    pub ja: String,
    pub en: String,
}

// Read through one untyped struct: derived per id type, the same parser was
// compiled four times over (about 8 KB of wasm).
impl<'de, I: From<String>> Deserialize<'de> for NamedDef<I> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = untyped::NamedDef::deserialize(d)?;
        Ok(NamedDef {
            id: I::from(raw.id),
            ja: raw.ja,
            en: raw.en,
        })
    }
}

mod untyped {
    /// Named as the typed struct, so parse errors read the same.
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct NamedDef {
        pub id: String,
        pub ja: String,
        pub en: String,
    }
}

/// A work area. Clinical unless it says otherwise: work in a non-clinical area
/// (hospital IT) never counts as clinical practice.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AreaDef {
    pub id: AreaId,
    pub ja: String,
    pub en: String,
    /// `false` for work that is not clinical practice (medical IT, general IT);
    /// absent: clinical.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clinical: Option<bool>,
}

impl AreaDef {
    pub fn is_clinical(&self) -> bool {
        self.clinical != Some(false)
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BodyDef {
    pub id: BodyId,
    /// The full name, as on a card and in the details form.
    pub ja: String,
    pub en: String,
    #[serde(default)]
    pub url: Option<String>,
    /// The name people use in a sentence ("Join JACET"), where the body has one.
    /// It must appear in the full name of the same language, so the card that
    /// shows the full name also teaches the short one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_ja: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_en: Option<String>,
    /// What the body calls what it counts for a `units` condition ("点数" /
    /// "points"), where that is not 単位 / units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Text>,
}

impl BodyDef {
    /// The name for a Japanese sentence: the short one if any, else the full one.
    pub fn said_ja(&self) -> &str {
        self.short_ja.as_deref().unwrap_or(&self.ja)
    }

    /// The name for an English sentence, without an article: a short name ("JACET")
    /// takes none, a full one ("the Japanese Society ...") is given it by the caller.
    pub fn said_en(&self) -> (&str, bool) {
        match self.short_en.as_deref() {
            Some(s) => (s, false),
            None => (&self.en, true),
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CourseDef {
    pub id: CourseId,
    pub ja: String,
    pub en: String,
    #[serde(default)]
    pub body: Option<BodyId>,
    /// What kind of thing it is, so the words fit: a course is taken, a meeting attended.
    #[serde(default, skip_serializing_if = "CourseKind::is_course")]
    pub kind: CourseKind,
    /// How much of it is needed, placed where each language puts it:
    /// 「医学講義を**20時間以上**受講する」 / "Take the medical lectures **for 20 hours or more**".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Text>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CourseKind {
    /// A course, seminar, training or lectures: taken (受講する).
    #[default]
    Course,
    /// A congress or society meeting: attended (参加する).
    Meeting,
}

impl CourseKind {
    fn is_course(&self) -> bool {
        *self == CourseKind::Course
    }
}

/// School → national exam → licence.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LicenceRouteDef {
    /// The licence the route leads to (臨床工学技士: `ce`).
    pub licence: LicenceId,
    /// Lengths of the designated school courses, in years.
    pub school_years: Vec<u8>,
    /// Month of the national exam (early March).
    pub exam_month: u8,
    /// Month the results are published.
    pub results_month: u8,
    /// Month from which the licence is counted (April of the graduation year).
    pub licence_month: u8,
    pub sources: Vec<SourceId>,
    #[serde(default)]
    pub notes: Vec<NoteDef>,
    /// What a course needs before it, by course length (the 1- and 2-year courses
    /// follow study elsewhere); a course not listed starts straight after high school.
    #[serde(default)]
    pub prior_study: Vec<PriorStudyDef>,
}

/// Study a licence course needs before it (臨床工学技士法 第14条第2号・第3号): years at
/// a university or similar, with the subjects the state designates.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PriorStudyDef {
    /// The course it applies to: one of `school_years`.
    pub course_years: u8,
    /// Years of study first at a university, junior college or similar.
    pub years: u8,
    /// The same at a technical college (高専), which counts from age 15.
    pub technical_college_years: u8,
    pub source: SourceId,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// Open to anyone, students included.
    Open,
    Certification,
    Specialist,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CredentialDef {
    pub id: CredentialId,
    pub ja: String,
    pub en: String,
    pub body: BodyId,
    pub tier: Tier,
    /// Work areas the credential belongs to; empty for general ones.
    #[serde(default)]
    pub areas: Vec<AreaId>,
    /// Months in which the exam is usually held; absent when not published.
    #[serde(default)]
    pub exam_months: Option<Vec<u8>>,
    /// How the exam runs (format, timing), where known.
    #[serde(default)]
    pub exam: Option<NoteDef>,
    /// When applications for a sitting close, where published: eligibility is
    /// counted at application, so a sitting is open only to those ready by then.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub applications: Vec<ApplicationDef>,
    #[serde(default)]
    pub renewal: Option<RenewalDef>,
    /// What seed 000 ("from clinical year N") says, kept to show where it differs.
    #[serde(default)]
    pub seed: Option<SeedDef>,
    #[serde(default)]
    pub notes: Vec<NoteDef>,
    /// Requirements the sources do not publish: shown as "check with the body".
    #[serde(default)]
    pub unknowns: Vec<NoteDef>,
    /// The main pages for this credential.
    pub sources: Vec<SourceId>,
    /// What it takes to sit the exam or apply.
    pub conditions: Vec<ConditionDef>,
    /// For credentials that certify after a passed exam (JACET 専門): the
    /// certification stage. Passing this credential's exam is implied.
    #[serde(default)]
    pub certify: Option<Vec<ConditionDef>>,
}

/// The application window for the sitting in `exam_month`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ApplicationDef {
    /// One of the credential's `exam_months`.
    pub exam_month: u8,
    /// First day forms are accepted ("MM-DD"), where published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opens: Option<MonthDay>,
    /// Last day ("MM-DD"): the last such day before the exam month.
    pub closes: MonthDay,
    /// The year of the notice the dates come from, where they are an old year's
    /// example rather than this year's: the plan and the calendar say so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub example_year: Option<u32>,
    pub source: SourceId,
    /// What the dates rest on (the year they were read for, a deadline that varies).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NoteDef {
    pub ja: String,
    pub en: String,
    #[serde(default)]
    pub source: Option<SourceId>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RenewalDef {
    #[serde(default)]
    pub every_years: Option<u8>,
    pub ja: String,
    pub en: String,
    pub source: SourceId,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SeedDef {
    /// The clinical year ("n年目") seed 000 gives; absent for "as a student".
    #[serde(default)]
    pub clinical_year: Option<u8>,
    pub ja: String,
    pub en: String,
    /// True where the body's own rule differs from the seed's year.
    #[serde(default)]
    pub differs: bool,
}

/// Every condition kind but the two groups, once: its name in a rule file (which is
/// also its module in the rules crate's and the core's `kinds` folders), its
/// `ConditionKind` variant, and its checked model in the rules crate. Each of those
/// places builds what it needs from this list (`leaf_kinds!(a_local_macro)`), so a new
/// kind is a line here, at the end (its position is its tag in the compiled form),
/// and its two files.
#[macro_export]
macro_rules! leaf_kinds {
    ($then:ident) => {
        $then! {
            licence Licence LicenceRule,
            experience Experience ExperienceRule,
            membership Membership MembershipRule,
            cases Cases CasesRule,
            credential Credential CredentialRule,
            course Course CourseRule,
            units Units UnitsRule,
            exam Exam ExamRule,
        }
    };
}

macro_rules! condition_kind {
    ($($name:ident $Kind:ident $Rule:ident,)*) => {
        /// What a condition asks for: the two groups, then the kinds of `leaf_kinds!`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(JsonSchema))]
        #[serde(rename_all = "snake_case")]
        pub enum ConditionKind {
            AnyOf,
            AllOf,
            $($Kind,)*
        }

        impl ConditionKind {
            /// Every kind, in declaration order (a kind's position is its tag in the
            /// compiled form).
            pub const ALL: &'static [ConditionKind] =
                &[ConditionKind::AnyOf, ConditionKind::AllOf, $(ConditionKind::$Kind,)*];

            /// Their names in a rule file, in the same order.
            pub const NAMES: &'static [&'static str] = &["any_of", "all_of", $(stringify!($name),)*];

            pub fn as_str(self) -> &'static str {
                // A fieldless enum's discriminants are its positions in declaration order.
                Self::NAMES[self as usize]
            }
        }
    };
}
leaf_kinds!(condition_kind);

// `ConditionDef` and the list of the kind fields a condition has, from one list of
// fields: a new field is a line here (and its use in its kind's `check`).
macro_rules! condition_def {
    ($($(#[doc = $doc:literal])* $field:ident: $ty:ty,)*) => {
        /// One condition as written. Which fields apply depends on `kind`; a field that
        /// does not apply to the kind is an error, with its path.
        #[derive(Clone, Debug, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(JsonSchema))]
        #[serde(deny_unknown_fields)]
        pub struct ConditionDef {
            pub kind: ConditionKind,
            /// Where this requirement is stated (an id from `sources`). Required on every
            /// condition except the any_of / all_of groups.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub source: Option<SourceId>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub note: Option<Text>,
            /// The condition is in force from this date on (inclusive).
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub from: Option<Date>,
            /// The condition is in force until this date (inclusive).
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub until: Option<Date>,
            $(
                $(#[doc = $doc])*
                #[serde(default, skip_serializing_if = "Option::is_none")]
                pub $field: Option<$ty>,
            )*
        }

        impl ConditionDef {
            /// The kind fields this condition has (those besides `kind`, `source`,
            /// `note`, `from` and `until`), by their names in a rule file.
            pub fn kind_fields(&self) -> Vec<&'static str> {
                let mut v = Vec::new();
                $(if self.$field.is_some() { v.push(stringify!($field)); })*
                v
            }
        }
    };
}
condition_def! {
    /// licence, course, exam, credential: one of these ids is enough.
    any_of: Vec<String>,
    /// credential: all of these ids are needed.
    all_of: Vec<String>,
    /// experience: the area; absent means work in any area counts.
    area: AreaId,
    /// experience, membership: years needed (membership: 0 means "be a member").
    years: f64,
    /// experience, cases, course, units, exam: counted within the last N years.
    within_years: f64,
    /// experience: the person must still be working in the area.
    still_working: bool,
    /// membership, units: the body.
    body: BodyId,
    /// cases: the kind of case counted.
    case_kind: CaseKindId,
    /// cases, units: how many.
    count: f64,
    /// cases: the count is required but its number is not published.
    count_unknown: bool,
    /// experience: years are required but their number is not published.
    years_unknown: bool,
    /// experience, units: counted when applying for the credential's course, so
    /// the course can be taken only once this is met (3学会: 2 years and 12.5
    /// points at the course application).
    before_course: bool,
    /// cases: sub-counts among the counted cases (ITE: at least 100 PCI).
    at_least: Vec<SubCountDef>,
    /// credential: a passed exam for the credential counts as well as holding it.
    or_passed: bool,
    /// course: not needed by holders of any of these credentials.
    exempt_if_held: Vec<CredentialId>,
    /// course: not needed by those who passed any of these exams.
    exempt_if_passed: Vec<String>,
    /// any_of, all_of: the grouped conditions.
    of: Vec<ConditionDef>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SubCountDef {
    pub case_kind: CaseKindId,
    pub count: f64,
}
