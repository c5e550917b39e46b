//! A fixed workload for instruction-count profiling (valgrind --tool=callgrind).
use ce_roadmap::{evaluate_structured, Date, Profile, When};
fn main() {
    let rules = ce_roadmap::default_rules().expect("valid");
    let p = Profile::from_json(r#"{"as_of":"2026-11-21","licences":["ce"],"experience":{"blood_purification":2.5,"intensive_care":1,"respiratory":3},"membership":{"jacet":3,"jhrs":1},"cases":{"cath_assists":120,"pci_assists":60},"units":{"jacet":25},"courses":["dialysis_course","jacet_orientation"],"held":["me2"]}"#).expect("valid");
    let when = When {
        as_of: Date::parse("2026-11-21"),
        today: Date::from_unix_days(0),
    };
    for _ in 0..2000 {
        std::hint::black_box(evaluate_structured(&rules, &p, when).ok());
    }
}
