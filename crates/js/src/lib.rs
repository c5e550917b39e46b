//! The JavaScript boundary both wasm modules share: options read from a JS object
//! with clear errors (`options`), the rules by their compiled bytes (`rules`) and
//! today's date in Japan. With the `eval-module` feature this crate is also the
//! evaluation module (`eval`): the JS API's `evaluate()` fetches it the first time
//! it is called, so the widget's module carries no serde for profiles and roadmaps.

pub mod options;
pub mod rules;

#[cfg(feature = "eval-module")]
mod eval;

use ce_roadmap_core::date::Date;

/// Today in Japan (UTC+9), from the browser's clock.
pub fn today() -> Date {
    let ms = js_sys::Date::now();
    let days = ((ms / 1000.0 + 9.0 * 3600.0) / 86_400.0).floor();
    Date::from_unix_days(if days.is_finite() { days as i64 } else { 0 })
}
