//! Any bytes as a rule file (JSON and TOML): loading and validating never panic,
//! and a rule set that validates can be evaluated for any of a few profiles.
#![no_main]

use ce_roadmap_core::{evaluate, rules, Date, Profile, When};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for name in ["fuzz.json", "fuzz.toml"] {
        if let Ok(set) = rules::load(name, text) {
            let today = Date::new(2026, 11, 21).expect("valid");
            for json in [
                "{}",
                r#"{"stage":"student","school":{"years":3,"start_year":2025}}"#,
                r#"{"stage":"licensed","experience":{},"held":[],"passed_exams":[]}"#,
            ] {
                let profile = Profile::from_json(json).expect("fixed profiles parse");
                let _ = evaluate(&set, &profile, When { as_of: None, today });
            }
        }
    }
});
