//! Any bytes as a compiled rule file's payload (no checksum to stop them): decoding
//! never panics, and whatever decodes can be evaluated, plan included, for a few
//! profiles. A host may serve any bytes as rules.bin.
#![no_main]

use ce_roadmap_core::{evaluate, rules, Date, Profile, When};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The whole file (header and checksum) and the payload alone.
    let _ = rules::compiled::decode(data);
    let Ok(set) = rules::compiled::decode_payload(data) else {
        return;
    };
    let today = Date::new(2026, 11, 21).expect("valid");
    for json in [
        "{}",
        r#"{"stage":"student","school":{"years":3,"start_year":2025}}"#,
        r#"{"stage":"licensed","licences":["ce"],"experience":{"blood_purification":3},"held":[],"passed_exams":[]}"#,
    ] {
        let profile = Profile::from_json(json).expect("fixed profiles parse");
        let _ = evaluate(&set, &profile, When { as_of: None, today });
    }
});
