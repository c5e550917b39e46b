use ce_roadmap_core::rules::{self, compiled, compiled::DecodeErrorKind, Rule};

#[test]
fn default_rules_are_valid() {
    let r = rules::default_rules().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.credentials.len(), 27);
    assert_eq!(r.sha256.len(), 64);
}

#[test]
fn the_json_form_of_the_rules_has_the_same_content_hash() {
    let from_toml = rules::default_rules().unwrap_or_else(|e| panic!("{e}"));
    let table: toml::Table = rules::DEFAULT_RULES.parse().unwrap();
    let json = serde_json::to_string(&table).unwrap();
    let as_json = rules::load("rules.json", &json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(from_toml.sha256, as_json.sha256);
}

/// The browser reads the compiled form that build.rs embedded; it must be the
/// model that loading data/rules.toml gives, down to the derived indexes.
#[test]
fn the_embedded_compiled_rules_are_the_checked_default_rules() {
    let loaded = rules::default_rules().unwrap_or_else(|e| panic!("{e}"));
    let bytes = rules::DEFAULT_RULES_COMPILED;
    assert!(
        compiled::is_compiled(bytes),
        "build.rs wrote no compiled rules"
    );
    assert_eq!(
        compiled::encode(&loaded),
        bytes,
        "build.rs is stale or encoding is not stable"
    );
    let decoded = compiled::decode(bytes).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(compiled::encode(&decoded), bytes);
    // Fields rebuilt after decoding (body_ix, source_ix) are in the Debug form.
    assert_eq!(
        format!("{:?}", decoded.credentials),
        format!("{:?}", loaded.credentials)
    );
    for c in &loaded.credentials {
        assert_eq!(
            decoded.credential_index(c.id.as_str()),
            loaded.credential_index(c.id.as_str())
        );
    }
    for s in &loaded.sources {
        assert!(decoded.source(s.id.as_str()).is_some());
    }
    for (a, b) in loaded.courses.iter().zip(&decoded.courses) {
        assert_eq!(a.id, b.id);
        assert!(decoded.course(a.id.as_str()).is_some());
    }
    assert_eq!(decoded.sha256, loaded.sha256);
}

fn kind(bytes: &[u8]) -> DecodeErrorKind {
    compiled::decode(bytes)
        .map(|_| ())
        .expect_err("refused")
        .kind
}

#[test]
fn a_compiled_file_that_is_not_what_was_written_is_refused_with_its_reason() {
    let good = rules::DEFAULT_RULES_COMPILED.to_vec();
    assert_eq!(kind(b""), DecodeErrorKind::NotCompiled);
    assert_eq!(kind(b"{\"version\": 1}"), DecodeErrorKind::NotCompiled);
    assert_eq!(kind(b"CERB"), DecodeErrorKind::Truncated);
    let mut other = good.clone();
    other[4] = 99;
    assert_eq!(kind(&other), DecodeErrorKind::Format { found: 99 });
    let msg = compiled::decode(&other).unwrap_err().to_string();
    assert!(msg.contains("ce-roadmap compile"), "{msg}");
    // Cut anywhere, or one byte changed: the checksum catches it.
    for cut in (6..good.len()).step_by(997) {
        assert!(compiled::decode(&good[..cut]).is_err(), "cut at {cut}");
    }
    let mut changed = good.clone();
    let last = changed.len() - 1;
    changed[last] ^= 1;
    assert_eq!(kind(&changed), DecodeErrorKind::Checksum);
}

/// A value the evaluator relies on is checked again when read, with the path to it.
#[test]
fn out_of_range_values_in_a_compiled_file_are_refused_with_their_path() {
    let mut set = rules::default_rules().unwrap();
    set.licence_route.exam_month = 13;
    let e = compiled::decode(&compiled::encode(&set)).unwrap_err();
    assert_eq!(e.path, "licence_route.exam_month");
    assert!(matches!(e.kind, DecodeErrorKind::Invalid { .. }));

    let mut set = rules::default_rules().unwrap();
    let i = set
        .credentials
        .iter()
        .position(|c| {
            matches!(
                c.conditions.get(1).map(|c| &c.rule),
                Some(Rule::Experience(_))
            )
        })
        .expect("a credential whose second condition is experience");
    if let Rule::Experience(r) = &mut set.credentials[i].conditions[1].rule {
        r.months = 100_000;
    }
    let e = compiled::decode(&compiled::encode(&set)).unwrap_err();
    assert_eq!(e.path, format!("credentials[{i}].conditions[1].months"));
    assert!(
        e.to_string().starts_with(&format!(
            "credentials[{i}].conditions[1].months: expected at most 1200 months (byte "
        )),
        "{e}"
    );
}

#[test]
fn nesting_beyond_the_limit_is_refused_not_a_stack_overflow() {
    let mut set = rules::default_rules().unwrap();
    let i = set
        .credentials
        .iter()
        .position(|c| !c.conditions.is_empty())
        .unwrap();
    let mut c = set.credentials[i].conditions[0].clone();
    for _ in 0..40 {
        c = rules::Condition {
            rule: Rule::AllOf(vec![c]),
            source_ix: None,
            source: None,
            note: None,
            from: None,
            until: None,
        };
    }
    set.credentials[i].conditions = vec![c];
    let e = compiled::decode(&compiled::encode(&set)).unwrap_err();
    assert_eq!(e.kind, DecodeErrorKind::TooDeep);
}

/// A kind's tag in the compiled form is its position in `ConditionKind::ALL`, written
/// as its discriminant: the two orders must agree, and every kind must be listed.
#[test]
fn condition_kind_tags_are_their_positions() {
    use ce_roadmap_core::rules::ConditionKind;
    for (i, k) in ConditionKind::ALL.iter().enumerate() {
        assert_eq!(*k as usize, i, "{}", k.as_str());
    }
    // The groups first, so that a kind added at the end of the list moves no tag.
    assert_eq!(
        ConditionKind::ALL[..2],
        [ConditionKind::AnyOf, ConditionKind::AllOf]
    );
}

/// `CriterionKind` in the d.ts is every kind's name, in the order of `ConditionKind::ALL`:
/// a kind added to `leaf_kinds!` is written there by
/// `UPDATE_SNAPSHOTS=1 cargo test --test rules_load`.
#[test]
fn dts_criterion_kind_lists_every_kind() {
    use ce_roadmap_core::rules::ConditionKind;
    const DTS: &str = "www/ce-roadmap.d.ts";
    let dts = std::fs::read_to_string(DTS).expect("www/ce-roadmap.d.ts");
    let head = "export type CriterionKind =\n";
    let start = dts.find(head).expect("the d.ts declares CriterionKind") + head.len();
    let end = start + dts[start..].find(";\n").expect("CriterionKind ends with ;");
    let names: Vec<String> = ConditionKind::ALL
        .iter()
        .map(|k| format!("\"{}\"", k.as_str()))
        .collect();
    let want = format!("  | {}", names.join(" | "));
    if dts[start..end] == want {
        return;
    }
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(DTS, format!("{}{want}{}", &dts[..start], &dts[end..]))
            .expect("www/ is writable");
        return;
    }
    panic!(
        "{DTS}: CriterionKind is\n{}\nbut the kinds are\n{want}\n(run `UPDATE_SNAPSHOTS=1 cargo test --test rules_load`)",
        &dts[start..end]
    );
}
