//! Checks data/rules.toml and writes its compiled form (`rules::compiled`), which
//! the browser reads at start instead of parsing and validating the file. The
//! checks are the rules crate's own (a build dependency), so the embedded rules
//! pass exactly what a host's rule file must.

use std::path::Path;

use ce_roadmap_rules::{compiled, load};

fn main() {
    const RULES: &str = "../../data/rules.toml";
    println!("cargo:rerun-if-changed={RULES}");
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR is set by cargo")).to_owned();
    let text = std::fs::read_to_string(RULES).expect("data/rules.toml is readable");
    // Invalid rules fail the native tests with paths and lines; write an empty file
    // (which the browser build reports as not compiled) so the build reaches them.
    let bytes = match load("data/rules.toml", &text) {
        Ok(set) => compiled::encode(&set),
        Err(e) => {
            println!("cargo:warning=data/rules.toml is invalid: {e}");
            Vec::new()
        }
    };
    std::fs::write(out.join("rules.bin"), bytes).expect("OUT_DIR is writable");
}
