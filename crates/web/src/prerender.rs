//! The first screens, rendered natively at build time by the same components
//! (Yew's server-side rendering), for the loader to show the moment it runs:
//! the visitor sees the first question while the wasm is still on its way.
//! Built only with the `ssr` feature (`scripts/build` runs `src/bin/prerender.rs`).

use ce_roadmap_core::date::Date;
use ce_roadmap_core::profile::Stage;
use ce_roadmap_widget::i18n::Lang;
use yew::LocalServerRenderer;

use crate::components::app::{App, AppProps};
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
    let modes = [
        None,
        Some(Stage::Prospective),
        Some(Stage::Student),
        Some(Stage::Licensed),
        Some(Stage::It),
    ];
    let mut out = Vec::new();
    for mode in modes {
        let school = matches!(mode, Some(Stage::Prospective | Stage::Student));
        let routes: Vec<Option<u8>> = if school {
            std::iter::once(None)
                .chain(rules.0.licence_route.school_years.iter().map(|&y| Some(y)))
                .collect()
        } else {
            vec![None]
        };
        let fy = as_of.fiscal_year();
        // The first day of each fiscal year the school forms are rendered for.
        let years: Vec<Option<Date>> = if school {
            vec![Some(as_of), Date::new(fy + 1, 4, 1)]
        } else {
            vec![None]
        };
        for lang in [Lang::Ja, Lang::En] {
            for &route in &routes {
                for &day in &years {
                    let props = AppProps {
                        rules,
                        options: Options {
                            lang,
                            as_of: Some(day.unwrap_or(as_of)),
                            // Nothing of the visitor's: a link or saved answers skip this screen.
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
                    let html = LocalServerRenderer::<App>::with_props(props)
                        .hydratable(false)
                        .render()
                        .await;
                    let key = format!(
                        "{}|{}|{}|{}",
                        mode.map_or("choose", Stage::as_str),
                        lang.code(),
                        route.map(|r| r.to_string()).unwrap_or_default(),
                        day.map(|d| d.fiscal_year().to_string()).unwrap_or_default()
                    );
                    out.push(Screen { key, html });
                }
            }
        }
    }
    Ok(out)
}
