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
use ce_roadmap_core::profile::{Profile, Stage};
use ce_roadmap_core::rules::{self, RuleSet};
use ce_roadmap_widget::i18n::Lang;

thread_local! {
    // Host rule files by their text: each parsed once, shared by every widget (and
    // every update that passes the same file).
    static HOST_RULES: RefCell<HashMap<String, &'static RuleSet>> = RefCell::new(HashMap::new());
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
    let Some(text) = string(options, "rulesText")? else {
        return Ok((RulesRef(embedded), None));
    };
    match load_host_rules(&name, &text) {
        Ok(r) => Ok((RulesRef(r), None)),
        Err(first) => Ok((RulesRef(embedded), Some(problem(first)))),
    }
}

fn load_host_rules(name: &str, text: &str) -> Result<&'static RuleSet, String> {
    if let Some(r) = HOST_RULES.with(|c| c.borrow().get(text).copied()) {
        return Ok(r);
    }
    let set = rules::load(name, text)
        .map_err(|e| e.0.first().map(|e| e.to_string()).unwrap_or_default())?;
    let set: &'static RuleSet = Box::leak(Box::new(set));
    HOST_RULES.with(|c| c.borrow_mut().insert(text.to_string(), set));
    Ok(set)
}

/// The host's rule text when given, else the embedded rules (for the calls without a widget).
pub(crate) fn host_or_default_rules(text: Option<&str>) -> Result<&'static RuleSet, JsError> {
    match text {
        Some(text) => load_host_rules("rules", text)
            .map_err(|e| fail(&format!("ce-roadmap: invalid rules: {e}"))),
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
    let options = Options {
        lang,
        as_of,
        read_link: boolean(options, "readLink", true)?,
        mode,
        areas,
        save: boolean(options, "save", true)?,
    };
    Ok(AppProps {
        rules,
        options,
        rules_problem,
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

/// The roadmap JSON for a profile (JSON text), as `ce-roadmap eval` prints it.
/// Options: `asOf`, `rulesText` (a JSON rule file).
#[wasm_bindgen(js_name = evaluateJson)]
pub fn evaluate_json(profile: &str, options: JsValue) -> Result<String, JsError> {
    let rules = host_or_default_rules(string(&options, "rulesText")?.as_deref())?;
    let as_of = as_of(&options)?;
    let p = Profile::from_json(profile)
        .map_err(|e| fail(&format!("ce-roadmap: invalid profile: {e}")))?;
    let roadmap = evaluate(
        rules,
        &p,
        When {
            as_of,
            today: super::platform::today(),
        },
    )
    .map_err(|e| fail(&format!("ce-roadmap: invalid profile: {e}")))?;
    serde_json::to_string(&roadmap).map_err(|e| fail(&e.to_string()))
}

/// One error of `validateRulesJson`; a struct rather than `json!`, which would
/// bring serde_json's Value into the wasm for this alone.
#[derive(serde::Serialize)]
struct ErrorOut {
    path: String,
    line: Option<usize>,
    message: String,
}

/// Every error in a rule file (JSON text), as JSON: `[{path, line, message}]`.
#[wasm_bindgen(js_name = validateRulesJson)]
pub fn validate_rules_json(text: &str) -> String {
    let errors: Vec<ErrorOut> = match rules::load("rules.json", text) {
        Ok(_) => Vec::new(),
        Err(errs) => errs
            .0
            .iter()
            .map(|e| ErrorOut {
                path: ce_roadmap_widget::i18n::clip_quoted(&e.path),
                line: e.line,
                message: ce_roadmap_widget::i18n::clip_quoted(&e.kind.to_string()),
            })
            .collect(),
    };
    // Writing strings and numbers cannot fail; if it ever did, say so rather than "valid".
    serde_json::to_string(&errors).unwrap_or_else(|_| {
        r#"[{"path":"","line":null,"message":"the errors could not be written"}]"#.to_string()
    })
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
