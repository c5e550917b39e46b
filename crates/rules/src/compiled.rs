//! The compiled form of a checked rule set: what `ce-roadmap compile` writes and
//! what the browser reads at start instead of parsing and validating JSON.
//!
//! Layout: `CERB`, a format byte, the FNV-1a 64 checksum of the payload (little
//! endian), then the payload: the model's fields in declaration order, integers
//! as LEB128, strings as length and UTF-8, options as a 0/1 byte, enums as a tag
//! byte. Indexes and resolved positions are not stored; `RuleSet::relink`
//! rebuilds them, so they always point in range.
//!
//! Decoding never panics and never trusts the file: lengths are bounded by the
//! bytes left, nesting is limited, and every value the evaluator relies on
//! (months 1 to 12, durations, counts) is checked again. Our own codec rather
//! than a serde format: the model reuses the rule file's serde types, whose
//! skipped fields a non-self-describing format would misread, and the decoder
//! here is a few kilobytes of wasm where the JSON path was about 110 KB.

use std::fmt;
use std::hash::Hasher;

use crate::date::{Date, MonthDay};
use crate::file::*;
use crate::ids::*;
use crate::model::*;

/// The first bytes of every compiled rule file.
pub const MAGIC: [u8; 4] = *b"CERB";
/// The payload's shape. Raised whenever the model changes; a file of another
/// format is refused with a message to compile it again, never misread.
pub const FORMAT: u8 = 9;
const HEADER: usize = 4 + 1 + 8;
/// AnyOf / AllOf nesting deeper than any rule file needs (validation allows what
/// a person writes; a crafted file must not exhaust the stack).
const MAX_DEPTH: u8 = 16;
/// Durations above a century are not rules; they also keep date arithmetic small.
const MAX_MONTHS: u32 = 1200;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError {
    /// Byte offset in the file where the bad value starts.
    pub offset: usize,
    /// Path to the bad value in the model, as `credentials[3].conditions[0].months`.
    pub path: String,
    pub kind: DecodeErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeErrorKind {
    /// Does not start with `CERB`: not a compiled rule file.
    NotCompiled,
    /// Compiled by another version of ce-roadmap.
    Format { found: u8 },
    /// The bytes are not the ones that were written (a cut or altered file).
    Checksum,
    /// The file ends inside a value.
    Truncated,
    /// Text that is not UTF-8.
    Utf8,
    /// A tag, date or number outside what the model allows.
    Invalid { expected: &'static str },
    /// Conditions nested deeper than `MAX_DEPTH`.
    TooDeep,
    /// Bytes after the rule set.
    Trailing,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        match &self.kind {
            DecodeErrorKind::NotCompiled => f.write_str("not a compiled rule file (no CERB header)"),
            DecodeErrorKind::Format { found } => write!(
                f,
                "compiled for format {found}, this build reads format {FORMAT}; compile the rules again with this version's `ce-roadmap compile`"
            ),
            DecodeErrorKind::Checksum => {
                f.write_str("the checksum does not match: the file was cut short or changed")
            }
            DecodeErrorKind::Truncated => f.write_str("the file ends inside a value"),
            DecodeErrorKind::Utf8 => f.write_str("text that is not UTF-8"),
            DecodeErrorKind::Invalid { expected } => write!(f, "expected {expected}"),
            DecodeErrorKind::TooDeep => write!(f, "conditions nested deeper than {MAX_DEPTH}"),
            DecodeErrorKind::Trailing => f.write_str("bytes after the end of the rule set"),
        }?;
        write!(f, " (byte {})", self.offset)
    }
}

impl std::error::Error for DecodeError {}

impl DecodeError {
    /// Prepends a field name or `[i]` while the error travels up.
    fn within(mut self, seg: &str) -> Self {
        self.path = if self.path.is_empty() {
            seg.to_string()
        } else if self.path.starts_with('[') {
            format!("{seg}{}", self.path)
        } else {
            format!("{seg}.{}", self.path)
        };
        self
    }
}

impl DecodeError {
    /// `within("[i]")`, kept out of line: one copy, not one per element type.
    #[cold]
    #[inline(never)]
    fn at_index(self, i: usize) -> Self {
        self.within(&format!("[{i}]"))
    }
}

/// Whether `bytes` are (or claim to be) a compiled rule file.
pub fn is_compiled(bytes: &[u8]) -> bool {
    bytes.starts_with(&MAGIC)
}

fn checksum(payload: &[u8]) -> u64 {
    let mut h = Fnv::default();
    h.write(payload);
    h.finish()
}

/// The compiled form of a checked rule set.
pub fn encode(set: &RuleSet) -> Vec<u8> {
    let mut payload = Vec::with_capacity(32 * 1024);
    set.put(&mut payload);
    let mut out = Vec::with_capacity(HEADER + payload.len());
    out.extend_from_slice(&MAGIC);
    out.push(FORMAT);
    out.extend_from_slice(&checksum(&payload).to_le_bytes());
    out.extend_from_slice(&payload);
    out
}

/// Reads a compiled rule file: header, checksum, then the payload.
pub fn decode(bytes: &[u8]) -> Result<RuleSet, DecodeError> {
    let at = |offset, kind| DecodeError {
        offset,
        path: String::new(),
        kind,
    };
    if !is_compiled(bytes) {
        return Err(at(0, DecodeErrorKind::NotCompiled));
    }
    match bytes.get(4) {
        None => return Err(at(4, DecodeErrorKind::Truncated)),
        Some(&FORMAT) => {}
        Some(&found) => return Err(at(4, DecodeErrorKind::Format { found })),
    }
    let (Some(sum), Some(payload)) = (bytes.get(5..HEADER), bytes.get(HEADER..)) else {
        return Err(at(bytes.len(), DecodeErrorKind::Truncated));
    };
    if sum != checksum(payload).to_le_bytes() {
        return Err(at(5, DecodeErrorKind::Checksum));
    }
    read_payload(payload, HEADER)
}

/// The payload alone, without header or checksum: for the fuzz target, which
/// must reach the decoder with bytes a checksum would turn away.
pub fn decode_payload(payload: &[u8]) -> Result<RuleSet, DecodeError> {
    read_payload(payload, 0)
}

fn read_payload(payload: &[u8], base: usize) -> Result<RuleSet, DecodeError> {
    let mut r = Reader {
        buf: payload,
        pos: 0,
        base,
        depth: 0,
    };
    let mut set = RuleSet::get(&mut r)?;
    if r.pos != payload.len() {
        return Err(r.error(r.pos, DecodeErrorKind::Trailing));
    }
    set.relink();
    Ok(set)
}

pub(crate) struct Reader<'a> {
    buf: &'a [u8],
    pub(crate) pos: usize,
    /// Offset of `buf` in the file, for error offsets.
    base: usize,
    depth: u8,
}

impl Reader<'_> {
    fn error(&self, pos: usize, kind: DecodeErrorKind) -> DecodeError {
        DecodeError {
            offset: self.base + pos,
            path: String::new(),
            kind,
        }
    }
    pub(crate) fn byte(&mut self) -> Result<u8, DecodeError> {
        let b = *self
            .buf
            .get(self.pos)
            .ok_or_else(|| self.error(self.pos, DecodeErrorKind::Truncated))?;
        self.pos += 1;
        Ok(b)
    }
    fn bytes(&mut self, n: usize) -> Result<&[u8], DecodeError> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.buf.len());
        let Some(end) = end else {
            return Err(self.error(self.pos, DecodeErrorKind::Truncated));
        };
        let s = &self.buf[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    pub(crate) fn invalid(&self, pos: usize, expected: &'static str) -> DecodeError {
        self.error(pos, DecodeErrorKind::Invalid { expected })
    }
    /// A field, its name added to the path of any error inside it.
    pub(crate) fn field<T: Bin>(&mut self, name: &str) -> Result<T, DecodeError> {
        T::get(self).map_err(|e| e.within(name))
    }
    /// A field whose value must pass `ok`.
    pub(crate) fn checked<T: Bin>(
        &mut self,
        name: &str,
        ok: fn(&T) -> bool,
        expected: &'static str,
    ) -> Result<T, DecodeError> {
        let start = self.pos;
        let v = self.field(name)?;
        if ok(&v) {
            Ok(v)
        } else {
            Err(self.invalid(start, expected).within(name))
        }
    }
}

pub(crate) trait Bin: Sized {
    fn put(&self, w: &mut Vec<u8>);
    fn get(r: &mut Reader) -> Result<Self, DecodeError>;
}

impl Bin for u8 {
    fn put(&self, w: &mut Vec<u8>) {
        w.push(*self);
    }
    #[inline(never)]
    fn get(r: &mut Reader) -> Result<Self, DecodeError> {
        r.byte()
    }
}

impl Bin for bool {
    fn put(&self, w: &mut Vec<u8>) {
        w.push(*self as u8);
    }
    #[inline(never)]
    fn get(r: &mut Reader) -> Result<Self, DecodeError> {
        let at = r.pos;
        match r.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(r.invalid(at, "0 or 1")),
        }
    }
}

impl Bin for u32 {
    fn put(&self, w: &mut Vec<u8>) {
        let mut v = *self;
        while v >= 0x80 {
            w.push(v as u8 | 0x80);
            v >>= 7;
        }
        w.push(v as u8);
    }
    #[inline(never)]
    fn get(r: &mut Reader) -> Result<Self, DecodeError> {
        let at = r.pos;
        let mut v: u64 = 0;
        for shift in (0..35).step_by(7) {
            let b = r.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return u32::try_from(v).map_err(|_| r.invalid(at, "a 32-bit number"));
            }
        }
        Err(r.invalid(at, "a 32-bit number"))
    }
}

impl Bin for f64 {
    fn put(&self, w: &mut Vec<u8>) {
        w.extend_from_slice(&self.to_le_bytes());
    }
    #[inline(never)]
    fn get(r: &mut Reader) -> Result<Self, DecodeError> {
        let mut b = [0u8; 8];
        b.copy_from_slice(r.bytes(8)?);
        Ok(f64::from_le_bytes(b))
    }
}

impl Bin for String {
    fn put(&self, w: &mut Vec<u8>) {
        (self.len() as u32).put(w);
        w.extend_from_slice(self.as_bytes());
    }
    #[inline(never)]
    fn get(r: &mut Reader) -> Result<Self, DecodeError> {
        let at = r.pos;
        let n = u32::get(r)? as usize;
        let bytes = r.bytes(n)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| r.error(at, DecodeErrorKind::Utf8))
    }
}

impl<T: Bin> Bin for Vec<T> {
    fn put(&self, w: &mut Vec<u8>) {
        (self.len() as u32).put(w);
        for x in self {
            x.put(w);
        }
    }
    #[inline(never)]
    fn get(r: &mut Reader) -> Result<Self, DecodeError> {
        let at = r.pos;
        let n = u32::get(r)? as usize;
        // Every element takes a byte at least: a length beyond the bytes left is a
        // cut or crafted file, refused before allocating.
        if n > r.buf.len() - r.pos {
            return Err(r.error(at, DecodeErrorKind::Truncated));
        }
        let mut v = Vec::with_capacity(n);
        for i in 0..n {
            v.push(T::get(r).map_err(|e| e.at_index(i))?);
        }
        Ok(v)
    }
}

impl<T: Bin> Bin for Option<T> {
    fn put(&self, w: &mut Vec<u8>) {
        match self {
            None => w.push(0),
            Some(x) => {
                w.push(1);
                x.put(w);
            }
        }
    }
    #[inline(never)]
    fn get(r: &mut Reader) -> Result<Self, DecodeError> {
        Ok(if bool::get(r)? {
            Some(T::get(r)?)
        } else {
            None
        })
    }
}

impl<A: Bin, B: Bin> Bin for (A, B) {
    fn put(&self, w: &mut Vec<u8>) {
        self.0.put(w);
        self.1.put(w);
    }
    #[inline(never)]
    fn get(r: &mut Reader) -> Result<Self, DecodeError> {
        Ok((A::get(r)?, B::get(r)?))
    }
}

impl Bin for Date {
    fn put(&self, w: &mut Vec<u8>) {
        // Zigzag, so that the (never negative) year stays two bytes.
        let y = self.year();
        (((y << 1) ^ (y >> 31)) as u32).put(w);
        w.push(self.month());
        w.push(self.day());
    }
    #[inline(never)]
    fn get(r: &mut Reader) -> Result<Self, DecodeError> {
        let at = r.pos;
        let z = u32::get(r)?;
        let y = ((z >> 1) as i32) ^ -((z & 1) as i32);
        let (m, d) = (r.byte()?, r.byte()?);
        Date::new(y, m, d).ok_or_else(|| r.invalid(at, "a date"))
    }
}

impl Bin for MonthDay {
    fn put(&self, w: &mut Vec<u8>) {
        w.push(self.month());
        w.push(self.day());
    }
    #[inline(never)]
    fn get(r: &mut Reader) -> Result<Self, DecodeError> {
        let at = r.pos;
        let (m, d) = (r.byte()?, r.byte()?);
        MonthDay::new(m, d).ok_or_else(|| r.invalid(at, "a day of the year"))
    }
}

macro_rules! bin_ids {
    ($($t:ident),*) => {$(
        impl Bin for $t {
            fn put(&self, w: &mut Vec<u8>) {
                self.0.put(w);
            }
            #[inline(never)]
    fn get(r: &mut Reader) -> Result<Self, DecodeError> {
                Ok($t(String::get(r)?))
            }
        }
    )*};
}
bin_ids!(
    SourceId,
    LicenceId,
    AreaId,
    BodyId,
    CaseKindId,
    CourseId,
    ExamId,
    CredentialId,
    SchemeId
);

/// Fields in declaration order; `name: check` for a field whose value must pass
/// a check (`fn(&T) -> bool`, what it expects); `derived = value` for fields
/// rebuilt after reading rather than stored.
macro_rules! bin_struct {
    ($t:ident $(<$g:ident>)? { $($f:ident $(: $ok:expr, $what:literal)?),* $(,)? } $($d:ident = $v:expr),*) => {
        impl$(<$g: $crate::compiled::Bin>)? $crate::compiled::Bin for $t$(<$g>)? {
            fn put(&self, w: &mut Vec<u8>) {
                $(self.$f.put(w);)*
            }
            #[inline(never)]
            fn get(r: &mut $crate::compiled::Reader) -> Result<Self, $crate::compiled::DecodeError> {
                Ok($t {
                    $($f: bin_struct!(@field r, $f $(, $ok, $what)?),)*
                    $($d: $v,)*
                })
            }
        }
    };
    (@field $r:ident, $f:ident) => { $r.field(stringify!($f))? };
    (@field $r:ident, $f:ident, $ok:expr, $what:literal) => { $r.checked(stringify!($f), $ok, $what)? };
}
pub(crate) use bin_struct;

fn month(m: &u8) -> bool {
    (1..=12).contains(m)
}
pub(crate) fn duration(m: &u32) -> bool {
    *m <= MAX_MONTHS
}
pub(crate) fn within(m: &Option<u32>) -> bool {
    m.is_none_or(|m| m <= MAX_MONTHS)
}
pub(crate) fn count(c: &f64) -> bool {
    c.is_finite() && (0.0..=1e6).contains(c)
}

bin_struct!(Text { ja, en });
bin_struct!(SourceDef {
    id,
    url,
    title,
    read,
    official
});
bin_struct!(NamedDef<I> { id, ja, en });
bin_struct!(BodyDef {
    id,
    ja,
    en,
    url,
    short_ja,
    short_en,
    unit
});
bin_struct!(AreaDef {
    id,
    ja,
    en,
    clinical
});
bin_struct!(CourseDef {
    id,
    ja,
    en,
    body,
    kind,
    amount
});
bin_struct!(NoteDef { ja, en, source });
bin_struct!(ApplicationDef {
    exam_month: month, "a month from 1 to 12",
    opens,
    closes,
    example_year: |y: &Option<u32>| y.is_none_or(|y| (1950..=2150).contains(&y)), "a year from 1950 to 2150",
    source,
    note
});
bin_struct!(RenewalDef {
    every_years,
    ja,
    en,
    source
});
bin_struct!(SeedDef {
    clinical_year,
    ja,
    en,
    differs
});
bin_struct!(LicenceRouteDef {
    licence,
    school_years: |y: &Vec<u8>| !y.is_empty() && y.iter().all(|y| (1..=6).contains(y)), "1 to 6 years",
    exam_month: month, "a month from 1 to 12",
    results_month: month, "a month from 1 to 12",
    licence_month: month, "a month from 1 to 12",
    sources,
    notes,
    prior_study,
});
bin_struct!(PriorStudyDef {
    course_years: |y: &u8| (1..=6).contains(y), "1 to 6 years",
    years: |y: &u8| (1..=6).contains(y), "1 to 6 years",
    technical_college_years: |y: &u8| (1..=6).contains(y), "1 to 6 years",
    source,
});
bin_struct!(Credential {
    id,
    name,
    body,
    tier,
    areas,
    exam_months: |m: &Option<Vec<u8>>| m.iter().flatten().all(month), "months from 1 to 12",
    exam,
    applications,
    renewal,
    seed,
    notes,
    unknowns,
    sources,
    conditions,
    certify,
} body_ix = None);
bin_struct!(SchemeDef {
    id,
    ja,
    en,
    what,
    who,
    source
});
bin_struct!(FeeSupportDef { schemes, unknowns });
bin_struct!(GraduateSchoolDef {
    master_years,
    doctor_years,
    notes,
    source
});
bin_struct!(RuleSet {
    version,
    sha256,
    title,
    disclaimer,
    sources,
    licences,
    areas,
    bodies,
    case_kinds,
    courses,
    exams,
    licence_route,
    credentials,
    fee_support,
    graduate_school,
} index = Default::default());

impl Bin for Condition {
    fn put(&self, w: &mut Vec<u8>) {
        self.rule.put(w);
        self.source.put(w);
        self.note.put(w);
        self.from.put(w);
        self.until.put(w);
    }
    #[inline(never)]
    fn get(r: &mut Reader) -> Result<Self, DecodeError> {
        if r.depth >= MAX_DEPTH {
            return Err(r.error(r.pos, DecodeErrorKind::TooDeep));
        }
        r.depth += 1;
        let c = Condition {
            rule: Rule::get(r)?,
            source_ix: None,
            source: r.field("source")?,
            note: r.field("note")?,
            from: r.field("from")?,
            until: r.field("until")?,
        };
        r.depth -= 1;
        Ok(c)
    }
}

/// Simple enums as their position.
macro_rules! bin_enum {
    ($t:ident { $($v:ident),* }) => {
        impl Bin for $t {
            fn put(&self, w: &mut Vec<u8>) {
                w.push(*self as u8);
            }
            #[inline(never)]
    fn get(r: &mut Reader) -> Result<Self, DecodeError> {
                let at = r.pos;
                let b = r.byte()?;
                [$($t::$v),*]
                    .into_iter()
                    .find(|v| *v as u8 == b)
                    .ok_or_else(|| r.invalid(at, concat!("a ", stringify!($t))))
            }
        }
    };
}
bin_enum!(Tier {
    Open,
    Certification,
    Specialist
});
bin_enum!(CourseKind { Course, Meeting });
