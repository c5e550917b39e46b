//! What a host page calls: mount a widget (and update or destroy it), evaluate a
//! profile, validate a rule file. Options come as a JS object; every bad argument
//! is an Error with a clear message, never a panic.

use std::cell::RefCell;
use std::collections::HashMap;

use wasm_bindgen::prelude::*;
use yew::AppHandle;

use super::components::app::{App, AppProps, RulesProblem};
use super::{default_rules, Options, RulesRef};
use ce_roadmap_core::date::Date;
use ce_roadmap_core::evaluate::{evaluate, When};
use ce_roadmap_core::ids::AreaId;
use ce_roadmap_core::profile::{Profile, ProfileError, Stage};
use ce_roadmap_core::rules::{self, RuleSet};
use ce_roadmap_widget::i18n::Lang;

thread_local! {
    // Host rule files by their compiled bytes: each decoded once, shared by every
    // widget (and every update that passes the same file).
    static HOST_RULES: RefCell<HashMap<Vec<u8>, &'static RuleSet>> = RefCell::new(HashMap::new());
}

/// An Error for the host page; values echoed in it are clipped (see `clip_quoted`).
fn fail(message: &str) -> JsError {
    JsError::new(&ce_roadmap_widget::i18n::clip_quoted(message))
}

fn get(options: &JsValue, key: &str) -> JsValue {
    if options.is_object() {
        js_sys::Reflect::get(options, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    }
}

fn string(options: &JsValue, key: &str) -> Result<Option<String>, JsError> {
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
fn bytes(options: &JsValue, key: &str) -> Result<Option<Vec<u8>>, JsError> {
    let v = get(options, key);
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    v.dyn_ref::<js_sys::Uint8Array>()
        .map(|a| Some(a.to_vec()))
        .ok_or_else(|| fail(&format!("ce-roadmap: option `{key}` must be a Uint8Array")))
}

fn boolean(options: &JsValue, key: &str, default: bool) -> Result<bool, JsError> {
    let v = get(options, key);
    if v.is_undefined() || v.is_null() {
        return Ok(default);
    }
    v.as_bool()
        .ok_or_else(|| fail(&format!("ce-roadmap: option `{key}` must be true or false")))
}

fn parse_mode(s: &str) -> Result<Option<Stage>, JsError> {
    Ok(Some(match s.trim() {
        "" | "choose" => return Ok(None),
        "prospective" => Stage::Prospective,
        "student" => Stage::Student,
        "licensed" => Stage::Licensed,
        "it" => Stage::It,
        other => {
            return Err(fail(&format!(
            "ce-roadmap: mode `{other}` is not one of prospective, student, licensed, it, choose"
        )))
        }
    }))
}

/// The widget's rules: the host's when given and valid; else the embedded ones,
/// with the problem to show (as an error, or as a notice when falling back).
fn rules_for(options: &JsValue) -> Result<(RulesRef, Option<RulesProblem>), JsError> {
    let embedded = default_rules()
        .map_err(|e| fail(&format!("ce-roadmap: the embedded rules are invalid: {e}")))?;
    let fallback = boolean(options, "fallback", false)?;
    let name = string(options, "rulesName")?.unwrap_or_else(|| "rules".to_string());
    let problem = |message: String| RulesProblem {
        source: ce_roadmap_widget::i18n::clip_quoted(&name),
        message: ce_roadmap_widget::i18n::clip_quoted(&message),
        fallback,
    };
    if let Some(err) = string(options, "rulesError")? {
        return Ok((RulesRef(embedded), Some(problem(err))));
    }
    let Some(compiled) = bytes(options, "rulesBytes")? else {
        return Ok((RulesRef(embedded), None));
    };
    match host_rules(compiled) {
        Ok(r) => Ok((RulesRef(r), None)),
        Err(e) => Ok((RulesRef(embedded), Some(problem(e)))),
    }
}

fn host_rules(compiled: Vec<u8>) -> Result<&'static RuleSet, String> {
    if let Some(r) = HOST_RULES.with(|c| c.borrow().get(&compiled).copied()) {
        return Ok(r);
    }
    let set = rules::compiled::decode(&compiled).map_err(|e| e.to_string())?;
    let set: &'static RuleSet = Box::leak(Box::new(set));
    HOST_RULES.with(|c| c.borrow_mut().insert(compiled, set));
    Ok(set)
}

/// The host's compiled rules when given, else the embedded rules (for the calls without a widget).
pub(crate) fn host_or_default_rules(
    compiled: Option<Vec<u8>>,
) -> Result<&'static RuleSet, JsError> {
    match compiled {
        Some(bytes) => {
            host_rules(bytes).map_err(|e| fail(&format!("ce-roadmap: invalid rules: {e}")))
        }
        None => default_rules().map_err(|e| fail(&e)),
    }
}

/// The `asOf` option, read the same way by every entry point: surrounding
/// spaces ignored, empty meaning "today".
fn as_of(options: &JsValue) -> Result<Option<Date>, JsError> {
    match string(options, "asOf")? {
        Some(s) if !s.trim().is_empty() => Date::parse(s.trim()).map(Some).ok_or_else(|| {
            fail(&format!(
                "ce-roadmap: asOf `{s}` is not a date (YYYY-MM-DD)"
            ))
        }),
        _ => Ok(None),
    }
}

/// A course length the rules' licence route allows.
fn route(rules: &RuleSet, s: &str) -> Result<u8, JsError> {
    let allowed = &rules.licence_route.school_years;
    match s.parse::<u8>() {
        Ok(y) if allowed.contains(&y) => Ok(y),
        _ => {
            let list: Vec<String> = allowed.iter().map(|y| y.to_string()).collect();
            Err(fail(&format!(
                "ce-roadmap: route `{s}` is not a course length of the rules: {}",
                list.join(", ")
            )))
        }
    }
}

fn props(options: &JsValue) -> Result<AppProps, JsError> {
    if !(options.is_undefined() || options.is_null() || options.is_object()) {
        return Err(fail("ce-roadmap: options must be an object"));
    }
    let lang = string(options, "lang")?
        .map(|s| Lang::parse(&s))
        .unwrap_or_default();
    let mode = match string(options, "mode")? {
        Some(m) => parse_mode(&m)?,
        None => None,
    };
    let as_of = as_of(options)?;
    let (rules, rules_problem) = rules_for(options)?;
    let areas = match string(options, "areas")? {
        Some(list) if !list.trim().is_empty() => {
            let mut out = Vec::new();
            for a in list
                .split([',', ' '])
                .map(str::trim)
                .filter(|a| !a.is_empty())
            {
                if rules.0.area(a).is_none() {
                    let known: Vec<&str> = rules.0.areas.iter().map(|x| x.id.as_str()).collect();
                    return Err(fail(&format!(
                        "ce-roadmap: unknown area `{a}` in areas; known: {}",
                        known.join(", ")
                    )));
                }
                out.push(AreaId::new(a));
            }
            Some(out)
        }
        _ => None,
    };
    let route = match string(options, "route")? {
        Some(s) if !s.trim().is_empty() => Some(route(rules.0, s.trim())?),
        _ => None,
    };
    let options = Options {
        lang,
        as_of,
        read_link: boolean(options, "readLink", true)?,
        mode,
        areas,
        save: boolean(options, "save", true)?,
        route,
        fees: boolean(options, "fees", true)?,
    };
    Ok(AppProps {
        rules,
        options,
        rules_problem,
        first_screen: false,
    })
}

/// A mounted widget: `update(options)` re-configures it live, `destroy()` removes it.
#[wasm_bindgen]
pub struct Widget {
    handle: Option<AppHandle<App>>,
}

#[wasm_bindgen]
impl Widget {
    pub fn update(&mut self, options: JsValue) -> Result<(), JsError> {
        let props = props(&options)?;
        match &mut self.handle {
            Some(h) => {
                h.update(props);
                Ok(())
            }
            None => Err(fail("ce-roadmap: this widget was destroyed")),
        }
    }

    pub fn destroy(&mut self) {
        if let Some(h) = self.handle.take() {
            h.destroy();
        }
    }
}

/// Mounts a widget into `element` (the loader passes a node inside a shadow root).
#[wasm_bindgen(js_name = mountWidget)]
pub fn mount_widget(element: web_sys::Element, options: JsValue) -> Result<Widget, JsError> {
    let props = props(&options)?;
    Ok(Widget {
        handle: Some(yew::Renderer::<App>::with_root_and_props(element, props).render()),
    })
}

/// A profile from a JavaScript object (serde-wasm-bindgen), the bad value's path
/// in the error as `Profile::from_json` gives it for JSON text. The loader hands
/// over a plain copy (through JSON), so the contract is the JSON one exactly.
pub(crate) fn profile_from_js(profile: JsValue) -> Result<Profile, ProfileError> {
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
/// object (no JSON text either way, so serde_json stays out of this module).
/// Options: `asOf`, `rulesBytes` (compiled rules).
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
            today: super::platform::today(),
        },
    )
    .map_err(|e| invalid(&e))?;
    // null for a missing value and objects for maps: what JSON.parse of the CLI's output gives.
    serde::Serialize::serialize(&roadmap, &serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| fail(&e.to_string()))
}

/// The crate version and the embedded rules' version and hash.
#[wasm_bindgen]
pub fn version() -> String {
    match default_rules() {
        Ok(r) => format!(
            "{} (rules {} {})",
            env!("CARGO_PKG_VERSION"),
            r.version,
            &r.sha256[..12.min(r.sha256.len())]
        ),
        Err(_) => env!("CARGO_PKG_VERSION").to_string(),
    }
}
