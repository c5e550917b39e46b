//! The browser edge: mounting the Yew app and the thin calls into the page.
//! Everything it shows is computed by the core; nothing here decides a verdict.

mod components;
pub mod crash;
pub mod embed;
mod platform;
#[cfg(feature = "ssr")]
pub mod prerender;

use ce_roadmap_core::date::Date;
use ce_roadmap_core::rules::RuleSet;
use ce_roadmap_widget::i18n::Lang;

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
pub type SharedRoadmap = ByPtr<
    Result<ce_roadmap_core::roadmap::Roadmap<'static>, ce_roadmap_core::profile::ProfileErrors>,
>;

/// The display model as the components receive it (see `ce_roadmap_widget::display`).
pub type SharedDisplay = ByPtr<ce_roadmap_widget::display::Display>;

/// What every component reads from `App` through a Yew context, not props: the
/// language (the visitor may switch it), the rules, the host's areas and course.
#[derive(Clone, Debug, PartialEq)]
pub struct Env {
    pub lang: Lang,
    pub rules: RulesRef,
    pub areas: Option<std::rc::Rc<Vec<ce_roadmap_core::ids::AreaId>>>,
    /// The host school's own course length (`route`), marked in the comparison.
    pub route: Option<u8>,
    /// The host shows the fee-support schemes (`fees`).
    pub fees: bool,
}

/// How a widget is configured by the page.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    pub lang: Lang,
    /// A fixed evaluation date, for demos and tests; default today (JST).
    pub as_of: Option<Date>,
    /// Read answers from the URL fragment on load.
    pub read_link: bool,
    /// A fixed kind of visitor (the host's audience); None lets the visitor choose.
    pub mode: Option<ce_roadmap_core::profile::Stage>,
    /// Only these areas (and general credentials); None for all.
    pub areas: Option<Vec<ce_roadmap_core::ids::AreaId>>,
    /// Offer "save on this device".
    pub save: bool,
    /// The host school's own course length, chosen first and marked.
    pub route: Option<u8>,
    /// Show prospective students the fee-support schemes.
    pub fees: bool,
}
