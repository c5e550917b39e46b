//! The rule compiler as a wasm module of its own. The widget's module reads only
//! the compiled form (`rules::compiled`); parsing a JSON rule file and checking
//! it (`rules::rule_json`, validation, the content hash: most of the bytes a rule
//! file costs) live here, and the loader fetches this module only when a page
//! brings a JSON rule file or calls `validateRules`. A page with the plain
//! snippet never downloads it.

use ce_roadmap_rules::error::clip_quoted;
use ce_roadmap_rules::{compiled, load};
use wasm_bindgen::prelude::*;

/// A JSON rule file's compiled form, ready for the widget's module. An invalid
/// file throws an Error with its first problem (path, line and what is wrong);
/// `validateRulesJson` lists them all.
#[wasm_bindgen(js_name = compileRules)]
pub fn compile_rules(name: &str, text: &str) -> Result<Vec<u8>, JsError> {
    match load(name, text) {
        Ok(set) => Ok(compiled::encode(&set)),
        Err(errs) => {
            let first = errs.0.first().map(|e| e.to_string()).unwrap_or_default();
            Err(JsError::new(&clip_quoted(&first)))
        }
    }
}

/// One error of `validateRulesJson`.
#[derive(serde::Serialize)]
struct ErrorOut {
    path: String,
    line: Option<usize>,
    message: String,
}

/// Every error in a rule file (JSON text), as JSON: `[{path, line, message}]`.
#[wasm_bindgen(js_name = validateRulesJson)]
pub fn validate_rules_json(text: &str) -> String {
    let errors: Vec<ErrorOut> = match load("rules.json", text) {
        Ok(_) => Vec::new(),
        Err(errs) => errs
            .0
            .iter()
            .map(|e| ErrorOut {
                path: clip_quoted(&e.path),
                line: e.line,
                message: clip_quoted(&e.kind.to_string()),
            })
            .collect(),
    };
    // Writing strings and numbers cannot fail; if it ever did, say so rather than "valid".
    serde_json::to_string(&errors).unwrap_or_else(|_| {
        r#"[{"path":"","line":null,"message":"the errors could not be written"}]"#.to_string()
    })
}
