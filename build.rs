//! Converts data/rules.toml to JSON for builds without the TOML parser (the
//! browser): the same content, so the same canonical hash, and the wasm needs
//! only the JSON deserializer it has anyway. Validation happens at load, where
//! the tests check it.

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=data/rules.toml");
    let out =
        Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR is set by cargo")).join("rules.json");
    let text = std::fs::read_to_string("data/rules.toml").expect("data/rules.toml is readable");
    // A syntax error here would also fail the native tests with line numbers;
    // write an empty document so that build still reaches them.
    let json = match text.parse::<toml::Table>() {
        Ok(table) => serde_json::to_string(&table).expect("TOML values convert to JSON"),
        Err(e) => {
            println!("cargo:warning=data/rules.toml does not parse: {e}");
            "{}".to_string()
        }
    };
    std::fs::write(out, json).expect("OUT_DIR is writable");
}
