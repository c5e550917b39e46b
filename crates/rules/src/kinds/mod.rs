//! Condition kinds, one module each: the kind's checked model (`…Rule`), the fields it
//! takes in a rule file and their checks, and its compiled form. What a kind asks of a
//! visitor (evaluation, projection, wording) is in core's `kinds` folder, file for file.
//!
//! A new kind: its line in `leaf_kinds!` (format crate), a module here (a model that
//! implements `Kind` and `Bin`), and its module in core's `kinds`. The modules, `Rule`
//! and every match over the kinds are built from that list.

mod group;

use crate::compiled::{Bin, DecodeError, Reader};
use crate::file::ConditionKind;
use crate::model::{Condition, Requires};
use crate::validate::Fields;

/// What each kind's module gives for its model: the fields it takes in a rule file
/// (besides `kind`, `source`, `note`, `from`, `until`), their check, and what it
/// refers to among credentials and exams (by default nothing). Its compiled form is
/// its `Bin`.
pub(crate) trait Kind: Sized + Bin {
    const FIELDS: &'static [&'static str];
    /// The kind's fields checked and typed; every problem reported through `f`.
    fn check(f: &mut Fields) -> Self;
    fn requires<'a>(&'a self, _: &mut Requires<'a>) {}
}

// The kinds' modules, `Rule` and the matches over it, from the one list of kinds
// (`leaf_kinds!` in the format crate); the two groups are written out.
macro_rules! rule {
    ($($name:ident $Kind:ident $Rule:ident,)*) => {
        $(mod $name; pub use $name::$Rule;)*

        /// A condition as the evaluator reads it: one variant per kind.
        #[derive(Clone, Debug)]
        pub enum Rule {
            AnyOf(Vec<Condition>),
            AllOf(Vec<Condition>),
            $($Kind($Rule),)*
        }

        impl Rule {
            pub fn kind(&self) -> ConditionKind {
                match self {
                    Rule::AnyOf(_) => ConditionKind::AnyOf,
                    Rule::AllOf(_) => ConditionKind::AllOf,
                    $(Rule::$Kind(_) => ConditionKind::$Kind,)*
                }
            }

            /// The credentials and exams it refers to (a group's: its conditions').
            pub(crate) fn requires<'a>(&'a self, out: &mut Requires<'a>) {
                match self {
                    Rule::AnyOf(of) | Rule::AllOf(of) => of.iter().for_each(|c| c.rule.requires(out)),
                    $(Rule::$Kind(r) => r.requires(out),)*
                }
            }
        }

        pub(crate) fn fields(kind: ConditionKind) -> &'static [&'static str] {
            match kind {
                ConditionKind::AnyOf | ConditionKind::AllOf => group::FIELDS,
                $(ConditionKind::$Kind => $Rule::FIELDS,)*
            }
        }

        pub(crate) fn check(f: &mut Fields) -> Rule {
            match f.c.kind {
                ConditionKind::AnyOf => Rule::AnyOf(group::check(f)),
                ConditionKind::AllOf => Rule::AllOf(group::check(f)),
                $(ConditionKind::$Kind => Rule::$Kind($Rule::check(f)),)*
            }
        }

        /// The kind's position in `ConditionKind::ALL` is its tag in the compiled form.
        impl Bin for Rule {
            fn put(&self, w: &mut Vec<u8>) {
                w.push(self.kind() as u8);
                match self {
                    Rule::AnyOf(of) | Rule::AllOf(of) => of.put(w),
                    $(Rule::$Kind(r) => r.put(w),)*
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
                    ConditionKind::AnyOf => Rule::AnyOf(r.field("of")?),
                    ConditionKind::AllOf => Rule::AllOf(r.field("of")?),
                    $(ConditionKind::$Kind => Rule::$Kind(Bin::get(r)?),)*
                })
            }
        }
    };
}
ce_roadmap_format::leaf_kinds!(rule);

impl Rule {
    /// Counted when applying for the credential's course (its `before_course`):
    /// the projection meets it before the stage's courses are taken.
    pub fn before_course(&self) -> bool {
        match self {
            Rule::Experience(r) => r.before_course,
            Rule::Units(r) => r.before_course,
            _ => false,
        }
    }
}
