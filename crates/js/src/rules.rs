//! The rules a widget or an evaluation uses: the embedded ones, decoded once per
//! page, or a host's compiled rule file, decoded once per distinct file.

use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;

use ce_roadmap_core::rules::{self, RuleSet};
use wasm_bindgen::JsError;

use crate::options::fail;

thread_local! {
    // Decoded once per page; leaked so roadmaps can borrow it for 'static.
    static DEFAULT_RULES: OnceCell<Result<&'static RuleSet, String>> = const { OnceCell::new() };
    // Host rule files by their compiled bytes: each decoded once, shared by every
    // widget (and every update that passes the same file).
    static HOST_RULES: RefCell<HashMap<Vec<u8>, &'static RuleSet>> = RefCell::new(HashMap::new());
}

/// The embedded rules (compiled at build time; decoding them cannot fail unless the build is broken).
pub fn default_rules() -> Result<&'static RuleSet, String> {
    DEFAULT_RULES.with(|cell| {
        cell.get_or_init(|| {
            ce_roadmap_core::rules::default_rules()
                .map(|r| &*Box::leak(Box::new(r)))
                .map_err(|e| e.to_string())
        })
        .clone()
    })
}

/// A host's compiled rule file, decoded (once per distinct file).
pub fn host_rules(compiled: Vec<u8>) -> Result<&'static RuleSet, String> {
    if let Some(r) = HOST_RULES.with(|c| c.borrow().get(&compiled).copied()) {
        return Ok(r);
    }
    let set = rules::compiled::decode(&compiled).map_err(|e| e.to_string())?;
    let set: &'static RuleSet = Box::leak(Box::new(set));
    HOST_RULES.with(|c| c.borrow_mut().insert(compiled, set));
    Ok(set)
}

/// The host's compiled rules when given, else the embedded rules (for the calls without a widget).
pub fn host_or_default_rules(compiled: Option<Vec<u8>>) -> Result<&'static RuleSet, JsError> {
    match compiled {
        Some(bytes) => {
            host_rules(bytes).map_err(|e| fail(&format!("ce-roadmap: invalid rules: {e}")))
        }
        None => default_rules().map_err(|e| fail(&e)),
    }
}
