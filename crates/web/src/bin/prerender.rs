//! `prerender [--as-of YYYY-MM-DD]`: the widget's first screens as JSON,
//! `{ "screens": { "choose|ja||": "<div …>", "student|ja|3|2026": "=prospective|ja|3|2026", … } }`
//! (a repeat names the first key with the same markup) and `savedAnswersKey` (where the
//! widget keeps saved answers), for
//! scripts/build to inline in the loader. The school forms' screens are keyed by the
//! fiscal year of their year choices, this one and the next (see ARCHITECTURE.md).

use std::process::ExitCode;

use ce_roadmap_core::date::Date;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let as_of = match args.as_slice() {
        [] => Date::today_jst(),
        [flag, d] if flag == "--as-of" => match Date::parse(d) {
            Some(d) => d,
            None => {
                eprintln!("prerender: --as-of `{d}` is not a date (YYYY-MM-DD)");
                return ExitCode::from(2);
            }
        },
        _ => {
            eprintln!("usage: prerender [--as-of YYYY-MM-DD]");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_current_thread().build() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("prerender: {e}");
            return ExitCode::FAILURE;
        }
    };
    let screens = match runtime.block_on(ce_roadmap_web::prerender::first_screens(as_of)) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("prerender: the embedded rules: {e}");
            return ExitCode::FAILURE;
        }
    };
    // Many screens are the same markup (a student's and a prospective student's school
    // form, a course fixed at the default): the repeats name the first key instead, so a
    // host that serves the loader uncompressed does not pay for them twice.
    let mut first_key: std::collections::HashMap<String, String> = Default::default();
    let map: serde_json::Map<String, serde_json::Value> = screens
        .into_iter()
        .map(|s| {
            let value = match first_key.get(&s.html) {
                Some(k) => format!("={k}"),
                None => {
                    first_key.insert(s.html.clone(), s.key.clone());
                    s.html
                }
            };
            (s.key, serde_json::Value::String(value))
        })
        .collect();
    let out = serde_json::json!({
        "screens": map,
        "savedAnswersKey": ce_roadmap_web::prerender::saved_answers_key(),
    });
    println!("{out}");
    ExitCode::SUCCESS
}
