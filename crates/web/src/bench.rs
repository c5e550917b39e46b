//! For `scripts/bench`: evaluation timed inside the browser, in the shipped wasm.

use wasm_bindgen::prelude::*;

use ce_roadmap_core::evaluate::{evaluate_structured, When};

/// Evaluates `profile` (an object) `n` times against the embedded rules, or `compiled`
/// rules when given, and returns the milliseconds the loop took (decoding not counted).
#[wasm_bindgen(js_name = benchEvaluate)]
pub fn bench_evaluate(profile: JsValue, compiled: Option<Vec<u8>>, n: u32) -> Result<f64, JsError> {
    let rules = super::embed::host_or_default_rules(compiled)?;
    let p = super::embed::profile_from_js(profile).map_err(|e| JsError::new(&e.to_string()))?;
    let when = When {
        as_of: p.as_of,
        today: super::platform::today(),
    };
    let perf = web_sys::window()
        .and_then(|w| w.performance())
        .ok_or_else(|| JsError::new("no performance clock"))?;
    let start = perf.now();
    for _ in 0..n {
        // black_box: the result is unused, and the loop must not be optimised away.
        std::hint::black_box(evaluate_structured(rules, &p, when).ok());
    }
    Ok(perf.now() - start)
}
