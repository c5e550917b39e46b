//! `ce-roadmap validate --strict`: a rule file that validates may still rest on
//! pages other than the issuing bodies' own, or on sources read in an unknown
//! week. Strict mode names each: every condition's source (and every fee-support
//! scheme's) must be marked `official = true`, and every read date must be a day.

use crate::error::{RuleError, RuleErrorKind};
use crate::file::{ConditionDef, CredentialDef, RuleFile};

/// Every strict problem, with the path to the value (lines are added by the caller,
/// which has the text).
pub fn check(name: &str, file: &RuleFile) -> Vec<RuleError> {
    let mut out = Vec::new();
    let err = |path: String, kind: RuleErrorKind| RuleError {
        file: name.to_string(),
        path,
        line: None,
        kind,
    };
    for (i, s) in file.sources.iter().enumerate() {
        if s.read.len() != "YYYY-MM-DD".len() {
            out.push(err(
                format!("sources[{i}].read"),
                RuleErrorKind::ReadMonthOnly {
                    source: s.id.to_string(),
                    value: s.read.clone(),
                },
            ));
        }
    }
    let official = |id: &str| {
        file.sources
            .iter()
            .any(|s| s.id.as_str() == id && s.official)
    };
    for (i, s) in file.fee_support.schemes.iter().enumerate() {
        if !official(s.source.as_str()) {
            out.push(err(
                format!("fee_support.schemes[{i}].source"),
                RuleErrorKind::UnofficialSource {
                    source: s.source.to_string(),
                },
            ));
        }
    }
    for (i, c) in file.credentials.iter().enumerate() {
        each_condition(c, i, &mut |path, cond| {
            if let Some(s) = cond.source.as_ref().filter(|s| !official(s.as_str())) {
                out.push(err(
                    format!("{path}.source"),
                    RuleErrorKind::UnofficialSource {
                        source: s.to_string(),
                    },
                ));
            }
        });
    }
    out
}

/// Every condition of credential `i`, its conditions then its certification's, groups'
/// members after their group, each with its path (`credentials[3].certify[1].of[0]`).
pub fn each_condition(c: &CredentialDef, i: usize, f: &mut dyn FnMut(&str, &ConditionDef)) {
    fn walk(list: &[ConditionDef], path: &str, f: &mut dyn FnMut(&str, &ConditionDef)) {
        for (j, c) in list.iter().enumerate() {
            let p = format!("{path}[{j}]");
            f(&p, c);
            if let Some(of) = &c.of {
                walk(of, &format!("{p}.of"), f);
            }
        }
    }
    walk(&c.conditions, &format!("credentials[{i}].conditions"), f);
    if let Some(cert) = &c.certify {
        walk(cert, &format!("credentials[{i}].certify"), f);
    }
}

#[cfg(all(test, feature = "toml"))]
mod tests {
    use super::*;

    const OK: &str = include_str!("../../../tests/fixtures/strict-ok.toml");

    #[test]
    fn names_each_unofficial_condition_source_and_month_only_date() {
        let file = crate::parse("t.toml", OK, crate::Format::Toml).expect("parses");
        assert!(check("t.toml", &file).is_empty());
        let weak = OK
            .replace("official = true\n", "")
            .replace("read = \"2026-11-23\"", "read = \"2026-11\"");
        let file = crate::parse("t.toml", &weak, crate::Format::Toml).expect("parses");
        let paths: Vec<String> = check("t.toml", &file).into_iter().map(|e| e.path).collect();
        assert_eq!(
            paths,
            [
                "sources[0].read",
                "credentials[0].conditions[0].source",
                "credentials[1].conditions[0].source",
            ]
        );
    }
}
