//! Condition kinds, one module each: the kind's checked model (`…Rule`), the fields it
//! takes in a rule file and their checks, and its compiled form. What a kind asks of a
//! visitor (evaluation, projection, wording) is in core's `kinds` folder, file for file.
//!
//! A new kind: its variant and fields in the file format (`format/src/file.rs`), a module
//! here with its line in `Rule` and in each match below, and its module in core's `kinds`.
//! Every match on `Rule` and `ConditionKind` is exhaustive, so the compiler lists the rest.

mod cases;
mod course;
mod credential;
mod exam;
mod experience;
mod group;
mod licence;
mod membership;
mod units;

pub use cases::CasesRule;
pub use course::CourseRule;
pub use credential::CredentialRule;
pub use exam::ExamRule;
pub use experience::ExperienceRule;
pub use licence::LicenceRule;
pub use membership::MembershipRule;
pub use units::UnitsRule;

use crate::compiled::{Bin, DecodeError, Reader};
use crate::file::ConditionKind;
use crate::model::Condition;
use crate::validate::Fields;

/// A condition as the evaluator reads it: one variant per kind.
#[derive(Clone, Debug)]
pub enum Rule {
    Licence(LicenceRule),
    Experience(ExperienceRule),
    Membership(MembershipRule),
    Cases(CasesRule),
    Credential(CredentialRule),
    Course(CourseRule),
    Units(UnitsRule),
    Exam(ExamRule),
    AnyOf(Vec<Condition>),
    AllOf(Vec<Condition>),
}

impl Rule {
    pub fn kind(&self) -> ConditionKind {
        match self {
            Rule::Licence(_) => ConditionKind::Licence,
            Rule::Experience(_) => ConditionKind::Experience,
            Rule::Membership(_) => ConditionKind::Membership,
            Rule::Cases(_) => ConditionKind::Cases,
            Rule::Credential(_) => ConditionKind::Credential,
            Rule::Course(_) => ConditionKind::Course,
            Rule::Units(_) => ConditionKind::Units,
            Rule::Exam(_) => ConditionKind::Exam,
            Rule::AnyOf(_) => ConditionKind::AnyOf,
            Rule::AllOf(_) => ConditionKind::AllOf,
        }
    }
}

/// The rule-file fields a kind takes (besides `kind`, `source`, `note`, `from`, `until`).
pub(crate) fn fields(kind: ConditionKind) -> &'static [&'static str] {
    match kind {
        ConditionKind::Licence => licence::FIELDS,
        ConditionKind::Experience => experience::FIELDS,
        ConditionKind::Membership => membership::FIELDS,
        ConditionKind::Cases => cases::FIELDS,
        ConditionKind::Credential => credential::FIELDS,
        ConditionKind::Course => course::FIELDS,
        ConditionKind::Units => units::FIELDS,
        ConditionKind::Exam => exam::FIELDS,
        ConditionKind::AnyOf | ConditionKind::AllOf => group::FIELDS,
    }
}

/// The kind's fields checked and typed; every problem reported through `f`.
pub(crate) fn check(f: &mut Fields) -> Rule {
    match f.c.kind {
        ConditionKind::Licence => Rule::Licence(licence::check(f)),
        ConditionKind::Experience => Rule::Experience(experience::check(f)),
        ConditionKind::Membership => Rule::Membership(membership::check(f)),
        ConditionKind::Cases => Rule::Cases(cases::check(f)),
        ConditionKind::Credential => Rule::Credential(credential::check(f)),
        ConditionKind::Course => Rule::Course(course::check(f)),
        ConditionKind::Units => Rule::Units(units::check(f)),
        ConditionKind::Exam => Rule::Exam(exam::check(f)),
        ConditionKind::AnyOf => Rule::AnyOf(group::check(f)),
        ConditionKind::AllOf => Rule::AllOf(group::check(f)),
    }
}

/// The kind's position in `ConditionKind::ALL` is its tag in the compiled form.
impl Bin for Rule {
    fn put(&self, w: &mut Vec<u8>) {
        w.push(self.kind() as u8);
        match self {
            Rule::Licence(r) => r.put(w),
            Rule::Experience(r) => r.put(w),
            Rule::Membership(r) => r.put(w),
            Rule::Cases(r) => r.put(w),
            Rule::Credential(r) => r.put(w),
            Rule::Course(r) => r.put(w),
            Rule::Units(r) => r.put(w),
            Rule::Exam(r) => r.put(w),
            Rule::AnyOf(of) | Rule::AllOf(of) => of.put(w),
        }
    }
    #[inline(never)]
    fn get(r: &mut Reader) -> Result<Self, DecodeError> {
        let at = r.pos;
        let kind = ConditionKind::ALL
            .get(usize::from(r.byte()?))
            .copied()
            .ok_or_else(|| r.invalid(at, "a condition kind"))?;
        Ok(match kind {
            ConditionKind::Licence => Rule::Licence(Bin::get(r)?),
            ConditionKind::Experience => Rule::Experience(Bin::get(r)?),
            ConditionKind::Membership => Rule::Membership(Bin::get(r)?),
            ConditionKind::Cases => Rule::Cases(Bin::get(r)?),
            ConditionKind::Credential => Rule::Credential(Bin::get(r)?),
            ConditionKind::Course => Rule::Course(Bin::get(r)?),
            ConditionKind::Units => Rule::Units(Bin::get(r)?),
            ConditionKind::Exam => Rule::Exam(Bin::get(r)?),
            ConditionKind::AnyOf => Rule::AnyOf(r.field("of")?),
            ConditionKind::AllOf => Rule::AllOf(r.field("of")?),
        })
    }
}
