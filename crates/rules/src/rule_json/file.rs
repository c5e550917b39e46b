//! `ReadJson` for the rule file's structs, one line each: the struct, and its
//! fields in declaration order, `= default` on those serde fills in when absent
//! (`#[serde(default)]`). The struct literal each line builds makes the compiler
//! hold this list to the struct's fields; that it agrees with the serde
//! attributes is tested against serde_json (tests/rule_json.rs).

use super::scan::{Res, Scanner};
use super::values::{Blank, ReadJson};
use crate::file::*;

macro_rules! read_struct {
    ($T:ident { $($field:ident $(= $default:ident)?),* $(,)? }) => {
        impl Blank for $T {
            fn blank() -> Self {
                $T { $($field: Blank::blank()),* }
            }
        }

        impl ReadJson for $T {
            // Once, not inlined into every list and option that holds it.
            #[inline(never)]
            fn read(s: &mut Scanner) -> Res<Self> {
                #[allow(non_camel_case_types)]
                enum Field { $($field),* }
                let mut out = $T::blank();
                let names = &[$(stringify!($field)),*];
                let seen = s.object(stringify!($T), names, &mut |s, i| {
                    $(if i == Field::$field as usize {
                        ReadJson::read_into(s, &mut out.$field)?;
                    })*
                    Ok(())
                })?;
                let required = 0 $(| read_struct!(@bit $field $($default)?))*;
                s.require(seen, required, names)?;
                Ok(out)
            }
        }
    };
    (@bit $field:ident default) => { 0 };
    (@bit $field:ident) => { 1u64 << (Field::$field as u32) };
}

read_struct!(Text { ja, en });
read_struct!(RuleFile {
    version,
    title,
    disclaimer,
    sources,
    licences,
    areas,
    bodies,
    case_kinds,
    courses,
    exams = default,
    licence_route,
    credentials,
    fee_support = default,
    graduate_school = default,
});
read_struct!(GraduateSchoolDef { master_years, doctor_years, notes = default, source });
read_struct!(FeeSupportDef { schemes = default, unknowns = default });
read_struct!(SchemeDef {
    id,
    ja,
    en,
    what,
    who,
    source
});
read_struct!(SourceDef { id, url, title = default, read, official = default });
read_struct!(BodyDef {
    id,
    ja,
    en,
    url = default,
    short_ja = default,
    short_en = default,
    unit = default,
});
read_struct!(AreaDef { id, ja, en, clinical = default });
read_struct!(CourseDef {
    id,
    ja,
    en,
    body = default,
    kind = default,
    amount = default,
});
read_struct!(LicenceRouteDef {
    licence,
    school_years,
    exam_month,
    results_month,
    licence_month,
    sources,
    notes = default,
    prior_study = default,
});
read_struct!(PriorStudyDef {
    course_years,
    years,
    technical_college_years,
    source,
});
read_struct!(CredentialDef {
    id,
    ja,
    en,
    body,
    tier,
    areas = default,
    exam_months = default,
    exam = default,
    applications = default,
    renewal = default,
    seed = default,
    notes = default,
    unknowns = default,
    sources,
    conditions,
    certify = default,
});
read_struct!(ApplicationDef {
    exam_month,
    opens = default,
    closes,
    example_year = default,
    source,
    note = default,
});
read_struct!(NoteDef { ja, en, source = default });
read_struct!(RenewalDef { every_years = default, ja, en, source });
read_struct!(SeedDef { clinical_year = default, ja, en, differs = default });
read_struct!(SubCountDef { case_kind, count });
read_struct!(ConditionDef {
    kind,
    source = default,
    note = default,
    from = default,
    until = default,
    any_of = default,
    all_of = default,
    area = default,
    years = default,
    within_years = default,
    still_working = default,
    body = default,
    case_kind = default,
    count = default,
    count_unknown = default,
    years_unknown = default,
    before_course = default,
    at_least = default,
    or_passed = default,
    exempt_if_held = default,
    exempt_if_passed = default,
    of = default,
});

/// Read once for every id type, as serde reads it, and named as the typed struct
/// so that errors read the same.
mod untyped {
    use super::*;

    pub struct NamedDef {
        pub id: String,
        pub ja: String,
        pub en: String,
    }
    read_struct!(NamedDef { id, ja, en });
}

impl<I: From<String>> ReadJson for NamedDef<I> {
    fn read(s: &mut Scanner) -> Res<Self> {
        let untyped::NamedDef { id, ja, en } = untyped::NamedDef::read(s)?;
        Ok(NamedDef {
            id: I::from(id),
            ja,
            en,
        })
    }
}
