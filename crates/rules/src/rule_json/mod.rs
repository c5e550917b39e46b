//! A JSON rule file read into `RuleFile` without serde's derive. The derived
//! deserializers were most of the rule compiler module's bytes (23 KB of its
//! 55 KB brotli, issue 12); this reader is a scanner of the JSON text and one
//! line per struct. Errors keep serde_json's texts, with the path of the bad
//! value and its line. TOML rule files are still read through serde
//! (`load::parse`), and the tests hold the two readers to the same results.

mod file;
mod scan;
mod values;

use crate::file::RuleFile;
use crate::json_path::ReadError;
use values::ReadJson;

/// Reads a whole JSON text as a rule file; the first error, as a parser cannot go on.
pub fn read(text: &str) -> Result<RuleFile, ReadError> {
    let mut s = scan::Scanner::new(text);
    let file = RuleFile::read(&mut s).map_err(|e| *e)?;
    s.end().map_err(|e| *e)?;
    Ok(file)
}
