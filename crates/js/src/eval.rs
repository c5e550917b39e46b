//! The evaluation module's exports: the JS API's `evaluate()` and the benchmark's
//! timed loop. A profile comes in and a roadmap goes out as JavaScript objects
//! through serde-wasm-bindgen (no JSON text either way); this is the only place
//! that needs their serde code, so the widget's module does without it.

use wasm_bindgen::prelude::*;

use crate::options::{as_of, bytes, fail};
use crate::rules::host_or_default_rules;
use ce_roadmap_core::evaluate::{evaluate, evaluate_structured, judge, When};
use ce_roadmap_core::profile::{Profile, ProfileError};

/// A profile from a JavaScript object, the bad value's path in the error as
/// `Profile::from_json` gives it for JSON text. The loader hands over a plain copy
/// (through JSON), so the contract is the JSON one exactly.
fn profile_from_js(profile: JsValue) -> Result<Profile, ProfileError> {
    serde_path_to_error::deserialize(serde_wasm_bindgen::Deserializer::from(profile)).map_err(|e| {
        let path = e.path().to_string();
        let mut message = e.into_inner().to_string();
        // serde-wasm-bindgen asks any non-array for an iterator where a list is
        // expected, and a string or number answers with the browser's TypeError.
        if message.starts_with("TypeError") {
            message = "invalid type: expected a list (an array)".into();
        }
        ProfileError::Parse {
            path: if path == "." { String::new() } else { path },
            line: None,
            message,
        }
    })
}

/// The roadmap for a profile, as `ce-roadmap eval` prints it, as a JavaScript
/// object. Options: `asOf`, `rulesBytes` (compiled rules).
#[wasm_bindgen(js_name = evaluateProfile)]
pub fn evaluate_profile(profile: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let rules = host_or_default_rules(bytes(&options, "rulesBytes")?)?;
    let as_of = as_of(&options)?;
    let invalid = |e: &dyn std::fmt::Display| fail(&format!("ce-roadmap: invalid profile: {e}"));
    let p = profile_from_js(profile).map_err(|e| invalid(&e))?;
    let roadmap = evaluate(
        rules,
        &p,
        When {
            as_of,
            today: crate::today(),
        },
    )
    .map_err(|e| invalid(&e))?;
    // null for a missing value and objects for maps: what JSON.parse of the CLI's output gives.
    serde::Serialize::serialize(&roadmap, &serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| fail(&e.to_string()))
}

/// For `scripts/bench`: evaluates `profile` (an object) `n` times against the
/// embedded rules, or `compiled` rules when given, and returns the milliseconds
/// the loop took (decoding not counted). With `judge_only`, the evaluation alone
/// (`judge`: no dates, no plan), which issue 12 budgets apart.
#[wasm_bindgen(js_name = benchEvaluate)]
pub fn bench_evaluate(
    profile: JsValue,
    compiled: Option<Vec<u8>>,
    n: u32,
    judge_only: Option<bool>,
) -> Result<f64, JsError> {
    let rules = host_or_default_rules(compiled)?;
    let p = profile_from_js(profile).map_err(|e| JsError::new(&e.to_string()))?;
    let when = When {
        as_of: p.as_of,
        today: crate::today(),
    };
    let perf = web_sys::window()
        .and_then(|w| w.performance())
        .ok_or_else(|| JsError::new("no performance clock"))?;
    let start = perf.now();
    // black_box: the result is unused, and the loop must not be optimised away.
    if judge_only == Some(true) {
        for _ in 0..n {
            std::hint::black_box(judge(rules, &p, when).ok());
        }
    } else {
        for _ in 0..n {
            std::hint::black_box(evaluate_structured(rules, &p, when).ok());
        }
    }
    Ok(perf.now() - start)
}
