use ce_roadmap_core::rules;

#[test]
fn default_rules_are_valid() {
    let r = rules::default_rules().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.credentials.len(), 26);
    assert_eq!(r.sha256.len(), 64);
}

#[test]
fn the_build_time_hash_of_the_embedded_rules_is_their_content_hash() {
    // The browser takes the embedded rules' hash from build.rs instead of hashing
    // at start; it must be the hash the loader computes, for TOML and its JSON form.
    let from_toml = rules::default_rules().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(rules::DEFAULT_RULES_SHA256, from_toml.sha256);
    let table: toml::Table = rules::DEFAULT_RULES.parse().unwrap();
    let json = serde_json::to_string(&table).unwrap();
    let as_json = rules::load("rules.json", &json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(rules::DEFAULT_RULES_SHA256, as_json.sha256);
}
