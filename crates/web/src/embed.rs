//! What a host page calls in the widget's module: mount a widget (and update or
//! destroy it), and the version. Options come as a JS object (read by
//! `ce_roadmap_js::options`); every bad argument is an Error with a clear message,
//! never a panic. `evaluate()` is the evaluation module's (`ce_roadmap_js`), and
//! `validateRules` the rule compiler's.

use wasm_bindgen::prelude::*;
use yew::AppHandle;

use super::components::{App, AppProps, RulesProblem};
use super::{Options, RulesRef};
use ce_roadmap_core::ids::AreaId;
use ce_roadmap_core::profile::Stage;
use ce_roadmap_core::rules::RuleSet;
use ce_roadmap_js::options::{as_of, boolean, bytes, fail, string};
use ce_roadmap_js::rules::{default_rules, host_rules};
use ce_roadmap_widget::i18n::Lang;

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
    let problem = |message: String| {
        // The rule compiler's message starts with the file's name and line, as the
        // CLI's does; the others (a failed download, a compiled file refused) get it here.
        let detail = if message.starts_with(name.as_str()) {
            message
        } else {
            format!("{name}: {message}")
        };
        RulesProblem {
            detail: ce_roadmap_widget::i18n::clip_quoted(&detail),
            fallback,
        }
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
