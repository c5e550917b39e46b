//! The rules: everything of `ce-roadmap-rules` (the file format, loading and
//! validation, the model, the compiled form), and the default rules embedded in
//! every build.

pub use ce_roadmap_rules::*;

/// The rules as written, for builds that read TOML (the CLI's `export`, the tests).
#[cfg(feature = "toml")]
pub const DEFAULT_RULES: &str = include_str!("../../../data/rules.toml");
#[cfg(feature = "toml")]
pub const DEFAULT_RULES_NAME: &str = "data/rules.toml";

/// The default rules checked and compiled by build.rs (empty if data/rules.toml
/// is invalid: the build goes on, and the tests report the errors with lines).
pub const DEFAULT_RULES_COMPILED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/rules.bin"));

/// The embedded default rules: where the TOML parser is built in, loaded from the
/// file as written, so an error has its line; elsewhere (the browser) read from
/// the compiled form, with nothing parsed or validated at start. A test checks
/// that both give the same model.
pub fn default_rules() -> Result<RuleSet, RuleErrors> {
    #[cfg(feature = "toml")]
    {
        load(DEFAULT_RULES_NAME, DEFAULT_RULES)
    }
    #[cfg(not(feature = "toml"))]
    {
        compiled::decode(DEFAULT_RULES_COMPILED).map_err(|e| {
            RuleErrors(vec![RuleError {
                file: "data/rules.toml (compiled)".into(),
                path: e.path.clone(),
                line: None,
                kind: RuleErrorKind::Parse {
                    message: if DEFAULT_RULES_COMPILED.is_empty() {
                        "data/rules.toml did not compile at build time; run `ce-roadmap validate`"
                            .into()
                    } else {
                        e.to_string()
                    },
                },
            }])
        })
    }
}
