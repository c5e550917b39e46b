//! Converts data/rules.toml to JSON for builds without the TOML parser (the
//! browser): the same content, so the same canonical hash, and the wasm needs
//! only the JSON deserializer it has anyway. Validation happens at load, where
//! the tests check it.
//!
//! Also writes the rules' content hash (sha256 of the canonical JSON form, as
//! `rules::load::content_hash` computes it), so the browser does not hash the
//! embedded file at every start. The rule-file types are the core's own (the
//! format crate, a build dependency); a test checks the two hashes agree.

use std::path::Path;

use ce_roadmap_format::file;

fn main() {
    const RULES: &str = "../../data/rules.toml";
    println!("cargo:rerun-if-changed={RULES}");
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR is set by cargo")).to_owned();
    let text = std::fs::read_to_string(RULES).expect("data/rules.toml is readable");
    // A syntax error here would also fail the native tests with line numbers;
    // write an empty document (and no hash) so that build still reaches them.
    let json = match text.parse::<toml::Table>() {
        Ok(table) => serde_json::to_string(&table).expect("TOML values convert to JSON"),
        Err(e) => {
            println!("cargo:warning=data/rules.toml does not parse: {e}");
            "{}".to_string()
        }
    };
    std::fs::write(out.join("rules.json"), json).expect("OUT_DIR is writable");
    let hash = match toml::from_str::<file::RuleFile>(&text) {
        Ok(rules) => {
            use sha2::Digest;
            let canonical = serde_json::to_vec(&rules).expect("rule files serialise");
            sha2::Sha256::digest(&canonical)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect::<String>()
        }
        Err(_) => String::new(),
    };
    std::fs::write(out.join("rules.sha256"), hash).expect("OUT_DIR is writable");
}
