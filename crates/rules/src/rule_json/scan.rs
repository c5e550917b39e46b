//! The JSON text itself: whitespace, strings, numbers, the brackets of objects and
//! arrays, each error with the path of the value being read and its line. The
//! messages are serde_json's, so a rule file's errors read as they did when
//! serde_json read it.

use crate::json_path::ReadError;

/// One step of the path to the value being read.
enum Step {
    Key(String),
    Index(usize),
}

/// A number as JSON writes it, told apart as serde_json tells them apart: a
/// whole number is an integer, anything with a point or an exponent is a float.
#[derive(Clone, Copy)]
pub enum Num {
    Unsigned(u64),
    Negative(i64),
    Float(f64),
}

impl Num {
    pub fn as_f64(self) -> f64 {
        match self {
            Num::Unsigned(n) => n as f64,
            Num::Negative(n) => n as f64,
            Num::Float(f) => f,
        }
    }
}

/// A value that is not what was expected, as serde's "invalid type" names it.
pub enum Found {
    Null,
    Bool(bool),
    Num(Num),
    Str(String),
    Seq,
    Map,
}

impl Found {
    /// serde_json's wording ("string \"x\"", "integer `3`", "null", "map").
    pub fn describe(&self) -> String {
        match self {
            Found::Null => "null".into(),
            Found::Bool(b) => format!("boolean `{b}`"),
            Found::Num(Num::Unsigned(n)) => format!("integer `{n}`"),
            Found::Num(Num::Negative(n)) => format!("integer `{n}`"),
            Found::Num(Num::Float(f)) => {
                format!("floating point `{}`", zmij::Buffer::new().format(*f))
            }
            Found::Str(s) => format!("string {}", quoted(s)),
            Found::Seq => "sequence".into(),
            Found::Map => "map".into(),
        }
    }
}

/// A string as Rust's `{:?}` writes it, which serde's messages use.
pub fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0' => out.push_str("\\0"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Errors are boxed: a small `Result` keeps every reader's code small.
pub type Res<T> = Result<T, Box<ReadError>>;

/// serde_json's limit, so deep nesting is an error, never a stack overflow.
const MAX_DEPTH: usize = 128;

pub struct Scanner<'a> {
    text: &'a str,
    pos: usize,
    path: Vec<Step>,
}

impl<'a> Scanner<'a> {
    pub fn new(text: &'a str) -> Self {
        Scanner {
            text,
            pos: 0,
            path: Vec::new(),
        }
    }

    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    /// An error at byte `at`, for the value at the current path.
    pub fn fail_at(&self, at: usize, message: String) -> Box<ReadError> {
        let mut path = String::new();
        for step in &self.path {
            match step {
                Step::Key(k) => {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(k);
                }
                Step::Index(i) => path.push_str(&format!("[{i}]")),
            }
        }
        let end = at.min(self.text.len());
        let line = 1 + self.bytes()[..end].iter().filter(|&&b| b == b'\n').count();
        Box::new(ReadError {
            path,
            line: Some(line),
            message,
        })
    }

    /// An error at the current position.
    pub fn fail(&self, message: &str) -> Box<ReadError> {
        self.fail_at(self.pos, message.to_string())
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.bytes().get(self.pos) {
            self.pos += 1;
        }
    }

    /// The next byte after whitespace, not taken.
    pub fn peek(&mut self) -> Option<u8> {
        self.skip_space();
        self.bytes().get(self.pos).copied()
    }

    /// The end of the text, after whitespace; else "trailing characters".
    pub fn end(&mut self) -> Res<()> {
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(self.fail("trailing characters")),
        }
    }

    /// "invalid type: <what is here>, expected <expected>", at the value's start.
    pub fn invalid_type(&mut self, expected: &str) -> Box<ReadError> {
        let at = self.pos;
        match self.found() {
            Ok(found) => self.fail_at(
                at,
                format!("invalid type: {}, expected {expected}", found.describe()),
            ),
            Err(e) => e,
        }
    }

    /// "invalid value: <what was read>, expected <expected>", at `at`.
    pub fn invalid_value(&self, at: usize, found: &Found, expected: &str) -> Box<ReadError> {
        self.fail_at(
            at,
            format!("invalid value: {}, expected {expected}", found.describe()),
        )
    }

    /// Reads the value here far enough to name it in an error.
    fn found(&mut self) -> Res<Found> {
        Ok(match self.peek() {
            Some(b'n') => {
                self.ident(b"null")?;
                Found::Null
            }
            Some(b't') => {
                self.ident(b"true")?;
                Found::Bool(true)
            }
            Some(b'f') => {
                self.ident(b"false")?;
                Found::Bool(false)
            }
            Some(b'-' | b'0'..=b'9') => Found::Num(self.number()?),
            Some(b'"') => Found::Str(self.string_here()?),
            Some(b'[') => Found::Seq,
            Some(b'{') => Found::Map,
            Some(_) => return Err(self.fail("expected value")),
            None => return Err(self.fail("EOF while parsing a value")),
        })
    }

    fn ident(&mut self, word: &[u8]) -> Res<()> {
        for &b in word {
            match self.bytes().get(self.pos) {
                Some(&c) if c == b => self.pos += 1,
                Some(_) => {
                    self.pos += 1;
                    return Err(self.fail("expected ident"));
                }
                None => return Err(self.fail("EOF while parsing a value")),
            }
        }
        Ok(())
    }

    /// `null` here is taken and gives true; anything else is left.
    pub fn null(&mut self) -> Res<bool> {
        if self.peek() == Some(b'n') {
            self.ident(b"null")?;
            return Ok(true);
        }
        Ok(false)
    }

    pub fn bool(&mut self, expected: &str) -> Res<bool> {
        match self.peek() {
            Some(b't') => self.ident(b"true").map(|_| true),
            Some(b'f') => self.ident(b"false").map(|_| false),
            _ => Err(self.invalid_type(expected)),
        }
    }

    /// A string value; anything else is "invalid type".
    pub fn string(&mut self, expected: &str) -> Res<String> {
        self.string_or(|| expected.to_string())
            .map(|(text, _)| text)
    }

    /// A string value and the byte it starts at; anything else is "invalid type",
    /// with what was expected worked out only then.
    pub fn string_or(&mut self, expected: impl FnOnce() -> String) -> Res<(String, usize)> {
        if self.peek() != Some(b'"') {
            return Err(self.invalid_type(&expected()));
        }
        let at = self.pos;
        Ok((self.string_here()?, at))
    }

    /// The string whose opening quote is at the position.
    fn string_here(&mut self) -> Res<String> {
        self.pos += 1;
        let mut out = String::new();
        loop {
            let start = self.pos;
            while let Some(&b) = self.bytes().get(self.pos) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            // Stops only at ASCII bytes, so these are char boundaries.
            out.push_str(&self.text[start..self.pos]);
            match self.bytes().get(self.pos) {
                None => return Err(self.fail("EOF while parsing a string")),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    self.escape(&mut out)?;
                }
                Some(_) => {
                    self.pos += 1;
                    return Err(self
                        .fail("control character (\\u0000-\\u001F) found while parsing a string"));
                }
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Res<()> {
        let Some(&b) = self.bytes().get(self.pos) else {
            return Err(self.fail("EOF while parsing a string"));
        };
        self.pos += 1;
        let c = match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => self.unicode_escape()?,
            _ => return Err(self.fail("invalid escape")),
        };
        out.push(c);
        Ok(())
    }

    /// After `\u`: one code point, or a surrogate pair, checked as serde_json
    /// checks them (and with its words: a lone trailing surrogate is a "lone
    /// leading surrogate" there too).
    fn unicode_escape(&mut self) -> Res<char> {
        let first = self.hex4()?;
        if (0xDC00..0xE000).contains(&first) {
            return Err(self.fail("lone leading surrogate in hex escape"));
        }
        if !(0xD800..0xDC00).contains(&first) {
            // Outside the surrogates every value is a char.
            return char::from_u32(first).ok_or_else(|| self.fail("invalid unicode code point"));
        }
        for expected in [b'\\', b'u'] {
            match self.bytes().get(self.pos) {
                Some(&b) if b == expected => self.pos += 1,
                Some(_) => {
                    self.pos += 1;
                    return Err(self.fail("unexpected end of hex escape"));
                }
                None => return Err(self.fail("EOF while parsing a string")),
            }
        }
        let second = self.hex4()?;
        if !(0xDC00..0xE000).contains(&second) {
            return Err(self.fail("lone leading surrogate in hex escape"));
        }
        let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
        char::from_u32(code).ok_or_else(|| self.fail("invalid unicode code point"))
    }

    /// Four hex digits, taken together as serde_json takes them: fewer than four
    /// bytes left is the end of the text, a bad one is an error after all four.
    fn hex4(&mut self) -> Res<u32> {
        let Some(digits) = self.bytes().get(self.pos..self.pos + 4) else {
            self.pos = self.text.len();
            return Err(self.fail("EOF while parsing a string"));
        };
        self.pos += 4;
        let mut n = 0;
        for &b in digits {
            match (b as char).to_digit(16) {
                Some(d) => n = n * 16 + d,
                None => return Err(self.fail("invalid escape")),
            }
        }
        Ok(n)
    }

    /// A number value; anything else is "invalid type". The position of its first
    /// byte comes with it, for "invalid value" errors.
    pub fn num(&mut self, expected: &str) -> Res<(Num, usize)> {
        match self.peek() {
            Some(b'-' | b'0'..=b'9') => {
                let at = self.pos;
                Ok((self.number()?, at))
            }
            _ => Err(self.invalid_type(expected)),
        }
    }

    /// JSON's number grammar, read as serde_json reads it without its
    /// `float_roundtrip` feature: the digits (the first 19 or so) scaled by a power
    /// of ten. Beyond 10^±22 the scaling is in steps of 10^22, not serde_json's
    /// table of every power (2.5 KB), so such a number may differ from its reading
    /// in the last digit; no rule value is near one (validation stops at 10^6).
    fn number(&mut self) -> Res<Num> {
        let negative = self.bytes().get(self.pos) == Some(&b'-');
        if negative {
            self.pos += 1;
        }
        let digit = |s: &Self| s.bytes().get(s.pos).filter(|b| b.is_ascii_digit()).copied();
        let mut significand: u64 = 0;
        let mut exponent: i32 = 0;
        let take = |significand: &mut u64, exponent: &mut i32, d: u8| {
            match significand
                .checked_mul(10)
                .and_then(|s| s.checked_add(u64::from(d - b'0')))
            {
                Some(s) => *significand = s,
                // Digits past u64 only scale the value.
                None => *exponent += 1,
            }
        };
        match digit(self) {
            None if self.pos == self.text.len() => {
                return Err(self.fail("EOF while parsing a value"))
            }
            None => {
                self.pos += 1;
                return Err(self.fail("invalid number"));
            }
            Some(b'0') => {
                self.pos += 1;
                if digit(self).is_some() {
                    return Err(self.fail("invalid number"));
                }
            }
            Some(_) => {
                while let Some(d) = digit(self) {
                    take(&mut significand, &mut exponent, d);
                    self.pos += 1;
                }
            }
        }
        // A whole number too long for u64 is a float, as in serde_json.
        let mut float = exponent != 0;
        if self.bytes().get(self.pos) == Some(&b'.') {
            float = true;
            self.pos += 1;
            if digit(self).is_none() {
                return Err(self.fail(if self.pos < self.text.len() {
                    "invalid number"
                } else {
                    "EOF while parsing a value"
                }));
            }
            while let Some(d) = digit(self) {
                if significand <= (u64::MAX - 9) / 10 {
                    take(&mut significand, &mut exponent, d);
                    exponent -= 1;
                }
                self.pos += 1;
            }
        }
        if let Some(b'e' | b'E') = self.bytes().get(self.pos) {
            float = true;
            self.pos += 1;
            let minus = match self.bytes().get(self.pos) {
                Some(b'-') => {
                    self.pos += 1;
                    true
                }
                Some(b'+') => {
                    self.pos += 1;
                    false
                }
                _ => false,
            };
            if digit(self).is_none() {
                if self.pos == self.text.len() {
                    return Err(self.fail("EOF while parsing a value"));
                }
                self.pos += 1;
                return Err(self.fail("invalid number"));
            }
            let mut e: i32 = 0;
            while let Some(d) = digit(self) {
                e = e.saturating_mul(10).saturating_add(i32::from(d - b'0'));
                self.pos += 1;
            }
            exponent = exponent.saturating_add(if minus { -e } else { e });
        }
        if !float {
            return Ok(if !negative {
                Num::Unsigned(significand)
            } else {
                match i64::try_from(significand) {
                    // serde_json reads "-0" as the float -0.0.
                    Ok(n) if n > 0 => Num::Negative(-n),
                    _ => Num::Float(-(significand as f64)),
                }
            });
        }
        let mut f = significand as f64;
        let mut e = exponent;
        while e != 0 && f != 0.0 && f.is_finite() {
            let step = e.clamp(-22, 22);
            // Powers of ten up to 10^22 are exact, so within 19 digits and 10^±22
            // this is one correctly rounded operation.
            let pow = 10f64.powi(step.abs());
            if step > 0 {
                f *= pow;
            } else {
                f /= pow;
            }
            e -= step;
        }
        if f.is_infinite() {
            return Err(self.fail("number out of range"));
        }
        Ok(Num::Float(if negative { -f } else { f }))
    }

    /// Reads an object as the struct `name` with `fields`, calling `field(i)` for
    /// each key in the order written, with the path at the key. Unknown and
    /// repeated keys are errors, as with serde's `deny_unknown_fields`.
    pub fn object(
        &mut self,
        name: &str,
        fields: &[&str],
        field: &mut dyn FnMut(&mut Scanner<'a>, usize) -> Res<()>,
    ) -> Res<u64> {
        if self.peek() != Some(b'{') {
            return Err(self.invalid_type(&format!("struct {name}")));
        }
        self.open()?;
        let mut seen: u64 = 0;
        let mut first = true;
        loop {
            match self.peek() {
                Some(b'}') if first => break,
                Some(b'"') => {}
                Some(_) => return Err(self.fail("key must be a string")),
                None if first => return Err(self.fail("EOF while parsing an object")),
                None => return Err(self.fail("EOF while parsing a value")),
            }
            let key = self.string_here()?;
            let index = fields.iter().position(|f| *f == key);
            self.path.push(Step::Key(key));
            // serde_json places an error about the key at the next token.
            self.peek();
            let Some(i) = index else {
                let Some(Step::Key(key)) = self.path.last() else {
                    unreachable!()
                };
                let msg = format!("unknown field `{key}`, expected {}", one_of(fields));
                return Err(self.fail(&msg));
            };
            if seen & (1 << i) != 0 {
                return Err(self.fail(&format!("duplicate field `{}`", fields[i])));
            }
            seen |= 1 << i;
            match self.peek() {
                Some(b':') => self.pos += 1,
                Some(_) => return Err(self.fail("expected `:`")),
                None => return Err(self.fail("EOF while parsing an object")),
            }
            field(self, i)?;
            self.path.pop();
            first = false;
            match self.peek() {
                Some(b',') => {
                    self.pos += 1;
                    if self.peek() == Some(b'}') {
                        return Err(self.fail("trailing comma"));
                    }
                }
                Some(b'}') => break,
                Some(_) => return Err(self.fail("expected `,` or `}`")),
                None => return Err(self.fail("EOF while parsing an object")),
            }
        }
        self.pos += 1;
        Ok(seen)
    }

    /// The first of the `required` fields (a bit per index of `fields`) that is not
    /// in `seen`, as "missing field".
    pub fn require(&self, seen: u64, required: u64, fields: &[&str]) -> Res<()> {
        let missing = required & !seen;
        if missing == 0 {
            return Ok(());
        }
        Err(self.missing(fields[missing.trailing_zeros() as usize]))
    }

    /// "missing field `name`", after the object's closing brace, as serde_json says it.
    pub fn missing(&self, name: &str) -> Box<ReadError> {
        self.fail(&format!("missing field `{name}`"))
    }

    /// Reads an array, calling `item` for each element with the path at its index.
    pub fn array(&mut self, item: &mut dyn FnMut(&mut Scanner<'a>) -> Res<()>) -> Res<()> {
        if self.peek() != Some(b'[') {
            return Err(self.invalid_type("a sequence"));
        }
        self.open()?;
        let mut index = 0;
        if self.peek().is_none() {
            return Err(self.fail("EOF while parsing a list"));
        }
        if self.peek() != Some(b']') {
            loop {
                if self.peek().is_none() {
                    return Err(self.fail("EOF while parsing a value"));
                }
                self.path.push(Step::Index(index));
                item(self)?;
                self.path.pop();
                index += 1;
                match self.peek() {
                    Some(b',') => {
                        self.pos += 1;
                        if self.peek() == Some(b']') {
                            return Err(self.fail("trailing comma"));
                        }
                    }
                    Some(b']') => break,
                    Some(_) => return Err(self.fail("expected `,` or `]`")),
                    None => return Err(self.fail("EOF while parsing a list")),
                }
            }
        }
        self.pos += 1;
        Ok(())
    }

    /// Takes an opening bracket, counting the depth against serde_json's limit.
    fn open(&mut self) -> Res<()> {
        self.pos += 1;
        // The path holds one step per open container above this one.
        if self.path.len() + 1 >= MAX_DEPTH {
            return Err(self.fail("recursion limit exceeded"));
        }
        Ok(())
    }
}

/// serde's "one of `a`, `b`, `c`" (or "`a` or `b`", or "`a`"): what a field or a
/// variant name could have been.
pub fn one_of(names: &[&str]) -> String {
    let mut out = String::new();
    if names.len() > 2 {
        out.push_str("one of ");
    }
    for (i, name) in names.iter().enumerate() {
        if i > 0 {
            out.push_str(if names.len() == 2 { " or " } else { ", " });
        }
        out.push('`');
        out.push_str(name);
        out.push('`');
    }
    out
}
