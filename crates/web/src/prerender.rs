//! The first screens, rendered natively at build time by the same components
//! (Yew's server-side rendering), for the loader to show the moment it runs:
//! the visitor sees the first question while the wasm is still on its way.
//! Built only with the `ssr` feature (`scripts/build` runs `src/bin/prerender.rs`).

use ce_roadmap_core::date::Date;
use ce_roadmap_core::profile::Stage;
use ce_roadmap_widget::i18n::Lang;
use yew::LocalServerRenderer;

use crate::components::{App, AppProps};
use crate::{Options, RulesRef};
use ce_roadmap_js::rules::default_rules;

/// One first screen: the loader's key (`mode|lang|route|fy`) and its markup.
pub struct Screen {
    pub key: String,
    pub html: String,
}

/// Every first screen of the embedded rules: each mode (`choose` and the four
/// kinds) in each language; for `prospective` and `student` also each course a
/// school page can fix with `route`, because the course is chosen on that screen,
/// and each of two fiscal years, this one (`as_of`'s) and the next, because the
/// start-year choices centre on the visitor's (the only date on any first screen):
/// a build serves them until the end of the next fiscal year.
pub async fn first_screens(as_of: Date) -> Result<Vec<Screen>, String> {
    let rules = RulesRef(default_rules()?);
    // The first day of each fiscal year the school forms are rendered for.
    let days = [Some(as_of), Date::new(as_of.fiscal_year() + 1, 4, 1)];
    let routes =
        std::iter::once(None).chain(rules.0.licence_route.school_years.iter().map(|&y| Some(y)));
    // (mode, route, day): one each for the modes whose first screen has no school form.
    let mut variants: Vec<(Option<Stage>, Option<u8>, Option<Date>)> = vec![
        (None, None, None),
        (Some(Stage::Licensed), None, None),
        (Some(Stage::It), None, None),
    ];
    for mode in [Stage::Prospective, Stage::Student] {
        for route in routes.clone() {
            variants.extend(days.iter().map(|&day| (Some(mode), route, day)));
        }
    }
    let mut out = Vec::new();
    for lang in [Lang::Ja, Lang::En] {
        for &(mode, route, day) in &variants {
            let key = format!(
                "{}|{}|{}|{}",
                mode.map_or("choose", Stage::as_str),
                lang.code(),
                route.map(|r| r.to_string()).unwrap_or_default(),
                day.map(|d| d.fiscal_year().to_string()).unwrap_or_default()
            );
            let html = render(rules, lang, mode, route, day.unwrap_or(as_of)).await;
            out.push(Screen { key, html });
        }
    }
    Ok(out)
}

/// One first screen: `App` with `first_screen`, and nothing of the visitor's (a link or
/// saved answers skip the first screen in the loader).
async fn render(
    rules: RulesRef,
    lang: Lang,
    mode: Option<Stage>,
    route: Option<u8>,
    as_of: Date,
) -> String {
    let props = AppProps {
        rules,
        options: Options {
            lang,
            as_of: Some(as_of),
            read_link: false,
            mode,
            areas: None,
            save: false,
            route,
            fees: true,
        },
        rules_problem: None,
        first_screen: true,
    };
    LocalServerRenderer::<App>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

/// Where the widget keeps saved answers: the loader shows no first screen when some are
/// there, so it reads the name from here (through `prerender`'s output), not a copy.
pub fn saved_answers_key() -> &'static str {
    crate::platform::STORAGE_KEY
}
