//! Any text as a share link: decoding never panics; what decodes evaluates, and
//! encodes back to text that decodes to the same answers.
#![no_main]

use std::sync::OnceLock;

use ce_roadmap_core::{evaluate, Date, RuleSet, When};
use ce_roadmap_widget::share;
use libfuzzer_sys::fuzz_target;

fn rules() -> &'static RuleSet {
    static R: OnceLock<RuleSet> = OnceLock::new();
    R.get_or_init(|| ce_roadmap_core::default_rules().expect("the default rules are valid"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(answers) = share::decode(text, 2026) else {
        return;
    };
    let profile = answers.profile(rules());
    let today = Date::new(2026, 11, 21).expect("valid");
    let _ = evaluate(rules(), &profile, When { as_of: None, today });
    let again = share::decode(&share::encode(&answers), 2026).expect("an encoded text decodes");
    assert_eq!(again, answers, "round trip changed the answers");
});
