//! Options from a JS object. Every bad value is an Error naming the option, never
//! a panic; values echoed in a message are clipped (`clip_quoted`).

use ce_roadmap_core::date::Date;
use wasm_bindgen::prelude::*;

/// An Error for the host page; values echoed in it are clipped.
pub fn fail(message: &str) -> JsError {
    JsError::new(&ce_roadmap_core::rules::error::clip_quoted(message))
}

pub fn get(options: &JsValue, key: &str) -> JsValue {
    if options.is_object() {
        js_sys::Reflect::get(options, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    }
}

pub fn string(options: &JsValue, key: &str) -> Result<Option<String>, JsError> {
    let v = get(options, key);
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    v.as_string()
        .map(Some)
        .ok_or_else(|| fail(&format!("ce-roadmap: option `{key}` must be a string")))
}

/// A compiled rule file (`Uint8Array`): the loader compiles JSON rule files in
/// the compiler module, or fetches a host's `ce-roadmap compile` output as is.
pub fn bytes(options: &JsValue, key: &str) -> Result<Option<Vec<u8>>, JsError> {
    let v = get(options, key);
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    v.dyn_ref::<js_sys::Uint8Array>()
        .map(|a| Some(a.to_vec()))
        .ok_or_else(|| fail(&format!("ce-roadmap: option `{key}` must be a Uint8Array")))
}

pub fn boolean(options: &JsValue, key: &str, default: bool) -> Result<bool, JsError> {
    let v = get(options, key);
    if v.is_undefined() || v.is_null() {
        return Ok(default);
    }
    v.as_bool()
        .ok_or_else(|| fail(&format!("ce-roadmap: option `{key}` must be true or false")))
}

/// The `asOf` option, read the same way by every entry point: surrounding
/// spaces ignored, empty meaning "today".
pub fn as_of(options: &JsValue) -> Result<Option<Date>, JsError> {
    match string(options, "asOf")? {
        Some(s) if !s.trim().is_empty() => Date::parse(s.trim()).map(Some).ok_or_else(|| {
            fail(&format!(
                "ce-roadmap: asOf `{s}` is not a date (YYYY-MM-DD)"
            ))
        }),
        _ => Ok(None),
    }
}
