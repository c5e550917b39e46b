//! Rule-file errors: each names the file, the path to the bad value and, where the
//! format has one, the line, and says what was expected.

use std::fmt;

use crate::num::plain;

#[derive(Clone, Debug, PartialEq)]
pub struct RuleError {
    pub file: String,
    /// e.g. `credentials[12].conditions[0].years`; empty for the whole document.
    pub path: String,
    pub line: Option<usize>,
    pub kind: RuleErrorKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum RuleErrorKind {
    /// Syntax, a wrong type or an unknown key, as the parser reports it.
    Parse {
        message: String,
    },
    MissingField {
        field: &'static str,
        kind: &'static str,
    },
    FieldNotForKind {
        field: &'static str,
        kind: &'static str,
    },
    DuplicateId {
        what: &'static str,
        id: String,
    },
    UnknownRef {
        what: &'static str,
        id: String,
    },
    /// Prerequisites that lead back to where they started.
    Cycle {
        chain: Vec<String>,
    },
    /// A window (within_years) shorter than the years it asks for.
    WindowTooShort {
        years: f64,
        window: f64,
    },
    BadNumber {
        value: f64,
        expected: &'static str,
    },
    BadMonth {
        value: u8,
    },
    BadReadDate {
        value: String,
    },
    BadUrl {
        value: String,
    },
    /// An application window for a month the credential's exam is not held in.
    NotAnExamMonth {
        value: u8,
    },
    /// Two application windows for the same sitting.
    SecondWindow {
        month: u8,
    },
    /// A body's short name that its full name does not show, so no card would teach it.
    ShortNotInName {
        short: String,
        name: String,
    },
    Empty {
        field: &'static str,
    },
    /// `from` is after `until`.
    BadEffectiveRange {
        from: String,
        until: String,
    },
    /// Strict mode: a condition cites a source not marked `official = true`.
    UnofficialSource {
        source: String,
    },
    /// Strict mode: a source read in a known month but not on a known day.
    ReadMonthOnly {
        source: String,
        value: String,
    },
}

impl fmt::Display for RuleErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use RuleErrorKind::*;
        match self {
            Parse { message } => f.write_str(message.trim_end()),
            MissingField { field, kind } => {
                write!(
                    f,
                    "missing field `{field}`, which a `{kind}` condition needs"
                )
            }
            FieldNotForKind { field, kind } => {
                write!(f, "field `{field}` does not apply to a `{kind}` condition")
            }
            DuplicateId { what, id } => write!(f, "duplicate {what} id `{id}`"),
            UnknownRef { what, id } => write!(
                f,
                "unknown {what} `{id}`: expected an id defined in the file's {what} list"
            ),
            Cycle { chain } => write!(f, "prerequisites form a cycle: {}", chain.join(" -> ")),
            WindowTooShort { years, window } => write!(
                f,
                "window of {} years is shorter than the {} years it asks for",
                plain(*window),
                plain(*years)
            ),
            BadNumber { value, expected } => {
                write!(f, "invalid number {}: expected {expected}", plain(*value))
            }
            BadMonth { value } => write!(f, "invalid month {value}: expected 1 to 12"),
            BadReadDate { value } => {
                write!(
                    f,
                    "invalid read date `{value}`: expected \"YYYY-MM-DD\" or \"YYYY-MM\""
                )
            }
            BadUrl { value } => write!(f, "invalid address `{value}`: expected an http(s) URL"),
            NotAnExamMonth { value } => write!(
                f,
                "month {value} is not one of the credential's `exam_months`: an application window belongs to a sitting"
            ),
            SecondWindow { month } => {
                write!(f, "a second application window for the month {month} exam")
            }
            ShortNotInName { short, name } => write!(
                f,
                "short name `{short}` does not appear in the full name `{name}`: write it there too, e.g. \"{name} ({short})\""
            ),
            Empty { field } => write!(f, "`{field}` must not be empty"),
            BadEffectiveRange { from, until } => {
                write!(f, "`from` {from} is after `until` {until}")
            }
            UnofficialSource { source } => write!(
                f,
                "source `{source}` is not marked `official = true`: cite the issuing body's own page"
            ),
            ReadMonthOnly { source, value } => write!(
                f,
                "source `{source}` was read on `{value}`: strict mode wants the day (\"YYYY-MM-DD\")"
            ),
        }
    }
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if !self.path.is_empty() {
            write!(f, ": {}", self.path)?;
        }
        write!(f, ": {}", self.kind)
    }
}

impl std::error::Error for RuleError {}

/// Every error found in one rule file (validation does not stop at the first).
#[derive(Clone, Debug, PartialEq)]
pub struct RuleErrors(pub Vec<RuleError>);

impl fmt::Display for RuleErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for RuleErrors {}

/// A message fit to show: a quoted value (in `backticks` or "quotes") over 60
/// characters is cut to its first 40, and the whole to 600, so a hostile 1 MB
/// value never comes back inside its own error message.
pub fn clip_quoted(msg: &str) -> String {
    const LONG: usize = 60;
    let mut out = String::with_capacity(msg.len().min(700));
    let mut rest = msg;
    while let Some(open) = rest.find(['`', '"']) {
        let q = &rest[open..open + 1];
        out.push_str(&rest[..=open]);
        rest = &rest[open + 1..];
        let end = rest.find(q).unwrap_or(rest.len());
        let inner = &rest[..end];
        let n = inner.chars().count();
        if n > LONG {
            out.extend(inner.chars().take(40));
            out.push_str(&format!("… ({n} characters)"));
        } else {
            out.push_str(inner);
        }
        rest = &rest[end..];
        if let Some(close) = rest.strip_prefix(q) {
            out.push_str(q);
            rest = close;
        }
    }
    out.push_str(rest);
    if out.chars().count() > 600 {
        out = out.chars().take(600).collect::<String>() + "…";
    }
    out
}
