use ce_roadmap::rules;

#[test]
fn default_rules_are_valid() {
    let r = rules::default_rules().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.credentials.len(), 26);
    assert_eq!(r.sha256.len(), 64);
}
