//! The browser edge: mounting the Yew app and the thin calls into the page.
//! Everything it shows is computed by the core; nothing here decides a verdict.

mod components;
mod platform;

use std::cell::OnceCell;

use wasm_bindgen::prelude::*;

use crate::date::Date;
use crate::i18n::Lang;
use crate::rules::RuleSet;

/// The rules, shared by every widget on the page. Compared by address.
#[derive(Clone, Copy, Debug)]
pub struct RulesRef(pub &'static RuleSet);

impl PartialEq for RulesRef {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

/// Shares a computed value between components; equal when it is the same value,
/// so a prop changes exactly when the roadmap is recomputed.
#[derive(Debug)]
pub struct ByPtr<T>(pub std::rc::Rc<T>);

impl<T> Clone for ByPtr<T> {
    fn clone(&self) -> Self {
        ByPtr(self.0.clone())
    }
}

impl<T> PartialEq for ByPtr<T> {
    fn eq(&self, other: &Self) -> bool {
        std::rc::Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The roadmap as the components receive it.
pub type SharedRoadmap = ByPtr<Result<crate::roadmap::Roadmap<'static>, String>>;

/// Whether a credential concerns the visitor: a general one (no areas), or one in
/// an area they work in or plan to.
pub fn in_focus(c: &crate::roadmap::CredentialResult, answers: &crate::answers::Answers) -> bool {
    c.areas.is_empty()
        || c.areas
            .iter()
            .any(|a| answers.experience.contains_key(a) || answers.plan_areas.contains(a))
}

/// How a widget is configured by the page.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    pub lang: Lang,
    /// A fixed evaluation date, for demos and tests; default today (JST).
    pub as_of: Option<Date>,
    /// Read answers from the URL fragment on load.
    pub read_link: bool,
}

thread_local! {
    // Parsed once per page; leaked so roadmaps can borrow it for 'static.
    static DEFAULT_RULES: OnceCell<Result<&'static RuleSet, String>> = const { OnceCell::new() };
}

fn default_rules() -> Result<&'static RuleSet, String> {
    DEFAULT_RULES.with(|cell| {
        cell.get_or_init(|| {
            crate::rules::default_rules()
                .map(|r| &*Box::leak(Box::new(r)))
                .map_err(|e| e.to_string())
        })
        .clone()
    })
}

fn option_str(options: &JsValue, key: &str) -> Option<String> {
    if !options.is_object() {
        return None;
    }
    js_sys::Reflect::get(options, &JsValue::from_str(key))
        .ok()
        .and_then(|v| v.as_string())
}

/// Mounts a widget into `element`. Options: `{ lang: "ja" | "en", asOf: "YYYY-MM-DD" }`.
/// Bad options give an Error, never a dead module.
#[wasm_bindgen]
pub fn mount(element: web_sys::Element, options: JsValue) -> Result<(), JsError> {
    let rules = default_rules()
        .map_err(|e| JsError::new(&format!("ce-roadmap: the embedded rules are invalid: {e}")))?;
    let lang = option_str(&options, "lang")
        .map(|s| Lang::parse(&s))
        .unwrap_or_default();
    let as_of = match option_str(&options, "asOf") {
        Some(s) => Some(Date::parse(&s).ok_or_else(|| {
            JsError::new(&format!(
                "ce-roadmap: asOf `{s}` is not a date (YYYY-MM-DD)"
            ))
        })?),
        None => None,
    };
    let props = components::app::AppProps {
        rules: RulesRef(rules),
        options: Options {
            lang,
            as_of,
            read_link: true,
        },
    };
    yew::Renderer::<components::app::App>::with_root_and_props(element, props).render();
    Ok(())
}
