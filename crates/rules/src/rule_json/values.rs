//! `ReadJson`: a value read from the scanner, with serde's error texts. The
//! values a rule file holds (text, numbers, yes/no, lists, optional values, ids,
//! dates and the rule file's enums) are here; its structs are in `file.rs`.

use super::scan::{one_of, Found, Num, Res, Scanner};
use crate::date::{Date, MonthDay};
use crate::file::{ConditionKind, CourseKind, Tier};
use crate::ids::*;

pub trait ReadJson: Sized {
    fn read(s: &mut Scanner) -> Res<Self>;

    /// Reads into a struct's field. One function per type, called by every field
    /// of that type, rather than the read inlined into each field (-0.6 KB brotli).
    #[inline(never)]
    fn read_into(s: &mut Scanner, field: &mut Self) -> Res<()> {
        *field = Self::read(s)?;
        Ok(())
    }
}

/// What a struct's field holds until it is read: a struct is read into one made
/// of these, field by field in the order written, and a required field that was
/// not written is an error before the struct is returned, so no blank value ever
/// leaves the reader. (Reading into `Option`s and building the struct at the end
/// cost 2.9 KB brotli more.)
pub trait Blank {
    fn blank() -> Self;
}

macro_rules! blank_as_default {
    ($($t:ty),*) => {$(
        impl Blank for $t {
            fn blank() -> Self {
                Default::default()
            }
        }
    )*};
}
blank_as_default!(String, bool, u8, f64);

impl<T> Blank for Option<T> {
    fn blank() -> Self {
        None
    }
}

impl<T> Blank for Vec<T> {
    fn blank() -> Self {
        Vec::new()
    }
}

impl Blank for MonthDay {
    fn blank() -> Self {
        MonthDay::NEW_YEAR
    }
}

impl Blank for ConditionKind {
    fn blank() -> Self {
        ConditionKind::AnyOf
    }
}

impl Blank for Tier {
    fn blank() -> Self {
        Tier::Open
    }
}

impl Blank for CourseKind {
    fn blank() -> Self {
        CourseKind::Course
    }
}

impl ReadJson for String {
    fn read(s: &mut Scanner) -> Res<Self> {
        s.string("a string")
    }
}

impl ReadJson for bool {
    fn read(s: &mut Scanner) -> Res<Self> {
        s.bool("a boolean")
    }
}

impl ReadJson for f64 {
    fn read(s: &mut Scanner) -> Res<Self> {
        Ok(s.num("f64")?.0.as_f64())
    }
}

/// Unsigned integers as serde reads them, with its error texts.
macro_rules! read_unsigned {
    ($($t:ident),*) => {$(
        impl ReadJson for $t {
            fn read(s: &mut Scanner) -> Res<Self> {
                let (n, at) = s.num(stringify!($t))?;
                match n {
                    Num::Unsigned(v) if v <= u64::from($t::MAX) => Ok(v as $t),
                    Num::Float(_) => Err(s.fail_at(
                        at,
                        format!(
                            concat!("invalid type: {}, expected ", stringify!($t)),
                            Found::Num(n).describe()
                        ),
                    )),
                    _ => Err(s.invalid_value(at, &Found::Num(n), stringify!($t))),
                }
            }
        }
    )*};
}
read_unsigned!(u8, u32);

/// `null` or absent is `None`, as serde reads an `Option`.
impl<T: ReadJson> ReadJson for Option<T> {
    fn read(s: &mut Scanner) -> Res<Self> {
        if s.null()? {
            return Ok(None);
        }
        T::read(s).map(Some)
    }
}

impl<T: ReadJson> ReadJson for Vec<T> {
    fn read(s: &mut Scanner) -> Res<Self> {
        let mut items = Vec::new();
        s.array(&mut |s| {
            items.push(T::read(s)?);
            Ok(())
        })?;
        Ok(items)
    }
}

macro_rules! read_ids {
    ($($(#[$doc:meta])* $id:ident,)*) => {$(
        impl ReadJson for $id {
            fn read(s: &mut Scanner) -> Res<Self> {
                String::read(s).map($id)
            }
        }

        impl Blank for $id {
            fn blank() -> Self {
                $id(String::new())
            }
        }
    )*};
}
ce_roadmap_format::id_types!(read_ids);

macro_rules! read_text_values {
    ($($t:ty),*) => {$(
        /// Written as its text ("YYYY-MM-DD", "MM-DD"), as its serde form.
        impl ReadJson for $t {
            fn read(s: &mut Scanner) -> Res<Self> {
                let (text, at) = s.string_or(<$t>::expecting)?;
                <$t>::parse(&text)
                    .ok_or_else(|| s.invalid_value(at, &Found::Str(text), &<$t>::expecting()))
            }
        }
    )*};
}
read_text_values!(Date, MonthDay);

/// One of `names`, written as a string: the index of the name. The list of names
/// is written out only for an error.
fn variant(s: &mut Scanner, names: &[&str]) -> Res<usize> {
    let (name, at) = s.string_or(|| one_of(names))?;
    names.iter().position(|n| *n == name).ok_or_else(|| {
        s.fail_at(
            at,
            format!("unknown variant `{name}`, expected {}", one_of(names)),
        )
    })
}

impl ReadJson for ConditionKind {
    fn read(s: &mut Scanner) -> Res<Self> {
        variant(s, ConditionKind::NAMES).map(|i| ConditionKind::ALL[i])
    }
}

impl ReadJson for Tier {
    fn read(s: &mut Scanner) -> Res<Self> {
        const ALL: [Tier; 3] = [Tier::Open, Tier::Certification, Tier::Specialist];
        variant(s, &["open", "certification", "specialist"]).map(|i| ALL[i])
    }
}

impl ReadJson for CourseKind {
    fn read(s: &mut Scanner) -> Res<Self> {
        const ALL: [CourseKind; 2] = [CourseKind::Course, CourseKind::Meeting];
        variant(s, &["course", "meeting"]).map(|i| ALL[i])
    }
}
