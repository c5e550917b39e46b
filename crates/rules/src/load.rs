//! Reading a rule file (TOML or JSON) into `RuleFile`, with the path and line of
//! the first parse error, then validating it into a `RuleSet`.

use sha2::{Digest, Sha256};

use crate::error::{RuleError, RuleErrorKind, RuleErrors};
use crate::file::RuleFile;
#[cfg(feature = "toml")]
use crate::locate;
use crate::model::RuleSet;
use crate::validate;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Toml,
    Json,
}

impl Format {
    /// By file name, else by content: JSON documents start with `{`.
    pub fn guess(name: &str, text: &str) -> Format {
        if name.ends_with(".json") {
            Format::Json
        } else if name.ends_with(".toml") {
            Format::Toml
        } else if text.trim_start().starts_with('{') {
            Format::Json
        } else {
            Format::Toml
        }
    }
}

#[cfg(feature = "toml")]
fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[cfg(feature = "toml")]
fn path_string(p: &serde_path_to_error::Path) -> String {
    let s = p.to_string();
    if s == "." {
        String::new()
    } else {
        s
    }
}

/// Parses without validating references; the first error only (a parser cannot go on).
pub fn parse(name: &str, text: &str, format: Format) -> Result<RuleFile, RuleError> {
    let err = |path: String, line: Option<usize>, message: String| RuleError {
        file: name.to_string(),
        path,
        line,
        kind: RuleErrorKind::Parse { message },
    };
    match format {
        #[cfg(not(feature = "toml"))]
        Format::Toml => Err(err(
            String::new(),
            None,
            "this build reads JSON rule files only; convert TOML with `ce-roadmap export`".into(),
        )),
        #[cfg(feature = "toml")]
        Format::Toml => {
            let de = toml::Deserializer::parse(text).map_err(|e| {
                err(
                    String::new(),
                    e.span().map(|s| line_of(text, s.start)),
                    e.message().to_string(),
                )
            })?;
            serde_path_to_error::deserialize(de).map_err(|e| {
                let path = path_string(e.path());
                let inner = e.into_inner();
                let line = inner
                    .span()
                    .map(|s| line_of(text, s.start))
                    .or_else(|| locate::line_of_path(text, &path));
                err(path, line, inner.message().to_string())
            })
        }
        Format::Json => crate::rule_json::read(text).map_err(|e| err(e.path, e.line, e.message)),
    }
}

/// sha256 of the canonical form: the parsed file serialised as compact JSON with
/// fields in declaration order, so comments, layout and format do not change it.
pub fn content_hash(file: &RuleFile) -> String {
    let canonical = serde_json::to_vec(file).unwrap_or_default();
    let digest = Sha256::digest(&canonical);
    let mut hex = String::with_capacity(64);
    for b in digest.iter() {
        hex.push(char::from_digit((b >> 4) as u32, 16).unwrap_or('0'));
        hex.push(char::from_digit((b & 15) as u32, 16).unwrap_or('0'));
    }
    hex
}

/// Parses and validates. Validation reports every error it finds.
pub fn load(name: &str, text: &str) -> Result<RuleSet, RuleErrors> {
    let format = Format::guess(name, text);
    let file = parse(name, text, format).map_err(|e| RuleErrors(vec![e]))?;
    let source_text = (format == Format::Toml).then_some(text);
    let sha256 = content_hash(&file);
    validate::validate(name, source_text, file, sha256)
}

/// `validate --strict`: the file's strict problems (`strict::check`), with lines for
/// TOML. Run after `load` has accepted the file.
pub fn strict(name: &str, text: &str) -> Result<(), RuleErrors> {
    let format = Format::guess(name, text);
    let file = parse(name, text, format).map_err(|e| RuleErrors(vec![e]))?;
    let problems = crate::strict::check(name, &file);
    #[cfg(feature = "toml")]
    let problems = match format {
        Format::Toml => problems
            .into_iter()
            .map(|mut p| {
                p.line = crate::locate::line_of_path(text, &p.path);
                p
            })
            .collect(),
        Format::Json => problems,
    };
    if problems.is_empty() {
        Ok(())
    } else {
        Err(RuleErrors(problems))
    }
}
