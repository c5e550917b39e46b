//! The rule file's JSON reader (`rule_json`, written for the browser's rule
//! compiler) against serde_json with the derived deserializers (what TOML files
//! are still read with): the same file or the same error (message, path and line)
//! for the default rules and for every field of every struct in them removed,
//! written with a value of each JSON type, or joined by an unknown key.

use std::collections::BTreeSet;

use ce_roadmap_core::rules::{self, json_path, rule_json, RuleFile};
use serde_json::Value;

/// Both readers on `text`: equal files, or equal errors. The one difference
/// allowed: an enum written as something else than a string, where serde_json
/// says only "expected value" and the reader names the value and the variants.
fn same(text: &str) -> Result<(), String> {
    let ours = rule_json::read(text);
    let serde = json_path::read::<RuleFile>(text);
    match (ours, serde) {
        (Ok(a), Ok(b)) => {
            let (a, b) = (
                serde_json::to_string(&a).unwrap(),
                serde_json::to_string(&b).unwrap(),
            );
            if a == b {
                Ok(())
            } else {
                Err("read as different files".into())
            }
        }
        (Err(a), Err(b)) => {
            if a.path == b.path && a.line == b.line && a.message == b.message {
                return Ok(());
            }
            // serde_json's syntax errors get their paths from the error's position
            // (json_path::path_at), which guesses inside a key ("areas[2].", "1");
            // the reader knows where it is. Their texts and lines must agree.
            if SYNTAX.contains(&b.message.as_str()) && a.line == b.line && a.message == b.message {
                return Ok(());
            }
            let enum_not_string = b.message == "expected value"
                && a.path == b.path
                && a.message.starts_with("invalid type: ")
                && (a.message.contains(", expected one of `") || a.message.contains("` or `"));
            // A key's error is placed at the next token; where that is a line
            // below, past the object's end, serde's path has lost the key.
            let key_after_a_newline = (a.message.starts_with("unknown field")
                || a.message.starts_with("duplicate field"))
                && a.message == b.message
                && a.line == b.line
                && a.path.starts_with(&b.path);
            if enum_not_string
                || key_after_a_newline
                || same_but_a_huge_float(&a.message, &b.message)
            {
                return Ok(());
            }
            Err(format!(
                "ours: {} (line {:?}): {}\nserde: {} (line {:?}): {}",
                a.path, a.line, a.message, b.path, b.line, b.message
            ))
        }
        (Ok(_), Err(b)) => Err(format!(
            "ours read it; serde: {} (line {:?}): {}",
            b.path, b.line, b.message
        )),
        (Err(a), Ok(_)) => Err(format!(
            "serde read it; ours: {} (line {:?}): {}",
            a.path, a.line, a.message
        )),
    }
}

/// serde_json's messages for text that is not JSON.
const SYNTAX: &[&str] = &[
    "EOF while parsing a list",
    "EOF while parsing an object",
    "EOF while parsing a string",
    "EOF while parsing a value",
    "expected `:`",
    "expected `,` or `]`",
    "expected `,` or `}`",
    "expected ident",
    "expected value",
    "invalid escape",
    "invalid number",
    "number out of range",
    "invalid unicode code point",
    "control character (\\u0000-\\u001F) found while parsing a string",
    "key must be a string",
    "lone leading surrogate in hex escape",
    "trailing comma",
    "trailing characters",
    "unexpected end of hex escape",
    "recursion limit exceeded",
];

/// The reader scales a number beyond 10^22 by steps of 10^22 where serde_json
/// uses a table of every power of ten (2.5 KB the browser need not carry): such a
/// number may differ in its last digit. No rule holds one (validation stops at 10^6).
fn same_but_a_huge_float(ours: &str, serde: &str) -> bool {
    let split = |m: &str| -> Option<(String, f64, String)> {
        let (before, rest) = m.split_once("floating point `")?;
        let (number, after) = rest.split_once('`')?;
        Some((before.to_string(), number.parse().ok()?, after.to_string()))
    };
    match (split(ours), split(serde)) {
        (Some((b1, x, a1)), Some((b2, y, a2))) => {
            b1 == b2 && a1 == a2 && y.abs() >= 1e22 && ((x - y) / y).abs() < 1e-14
        }
        _ => false,
    }
}

fn default_rules_json() -> Value {
    let table: toml::Table = rules::DEFAULT_RULES.parse().unwrap();
    serde_json::to_value(&table).unwrap()
}

/// Every object in `v` with its JSON pointer and its pattern (the pointer with
/// array indexes as `*`), the first of each pattern only.
fn objects(v: &Value, pointer: String, pattern: String, out: &mut Vec<(String, String)>) {
    match v {
        Value::Object(map) => {
            if !out.iter().any(|(_, p)| *p == pattern) {
                out.push((pointer.clone(), pattern.clone()));
            }
            for (k, child) in map {
                objects(
                    child,
                    format!("{pointer}/{k}"),
                    format!("{pattern}/{k}"),
                    out,
                );
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                objects(child, format!("{pointer}/{i}"), format!("{pattern}/*"), out);
            }
        }
        _ => {}
    }
}

/// The field names serde lists for the object at `pointer`, from its unknown-field error.
fn field_names(base: &Value, pointer: &str) -> Vec<String> {
    let mut v = base.clone();
    v.pointer_mut(pointer)
        .unwrap()
        .as_object_mut()
        .unwrap()
        .insert("zz_unknown".into(), Value::Null);
    let text = serde_json::to_string_pretty(&v).unwrap();
    let err = json_path::read::<RuleFile>(&text)
        .map(|_| ())
        .expect_err("an unknown key is an error");
    let list = err
        .message
        .split(", expected ")
        .nth(1)
        .unwrap_or("")
        .to_string();
    list.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

#[test]
fn the_default_rules_read_the_same() {
    let text = serde_json::to_string_pretty(&default_rules_json()).unwrap();
    same(&text).unwrap();
    let compact = serde_json::to_string(&default_rules_json()).unwrap();
    same(&compact).unwrap();
}

#[test]
fn every_field_removed_retyped_or_joined_by_an_unknown_key_reads_the_same() {
    let base = default_rules_json();
    let mut found = Vec::new();
    objects(&base, String::new(), String::new(), &mut found);
    let values = [
        Value::Null,
        Value::Bool(true),
        serde_json::json!(1.5),
        serde_json::json!(-1),
        serde_json::json!(300),
        serde_json::json!(2),
        Value::String("x".into()),
        Value::String("2026-04-01".into()),
        Value::String("04-01".into()),
        serde_json::json!([]),
        serde_json::json!(["x"]),
        serde_json::json!({}),
    ];
    let mut failures = Vec::new();
    let mut checked = 0;
    let mut fields_seen = BTreeSet::new();
    for (pointer, pattern) in &found {
        let names = field_names(&base, pointer);
        assert!(!names.is_empty(), "{pattern}: no field names");
        let mut try_text = |v: &Value, what: String| {
            checked += 1;
            let text = serde_json::to_string_pretty(v).unwrap();
            if let Err(e) = same(&text) {
                failures.push(format!("{what}\n{e}"));
            }
        };
        // An unknown key.
        let mut v = base.clone();
        let obj = v.pointer_mut(pointer).unwrap().as_object_mut().unwrap();
        obj.insert("zz_unknown".into(), Value::Null);
        try_text(&v, format!("{pattern}: unknown key"));
        for name in &names {
            fields_seen.insert(format!("{pattern}/{name}"));
            // Removed.
            let mut v = base.clone();
            let obj = v.pointer_mut(pointer).unwrap().as_object_mut().unwrap();
            if obj.remove(name).is_some() {
                try_text(&v, format!("{pattern}/{name} removed"));
            }
            // Written with a value of each type.
            for value in &values {
                let mut v = base.clone();
                let obj = v.pointer_mut(pointer).unwrap().as_object_mut().unwrap();
                obj.insert(name.clone(), value.clone());
                try_text(&v, format!("{pattern}/{name} = {value}"));
            }
        }
    }
    assert!(
        fields_seen.len() > 100,
        "only {} fields tried",
        fields_seen.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {checked} texts read differently:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn broken_json_reads_the_same() {
    let file = serde_json::to_string(&default_rules_json()).unwrap();
    let mut failures = Vec::new();
    let mut check = |text: &str| {
        if let Err(e) = same(text) {
            let tail: String = text
                .chars()
                .rev()
                .take(40)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            failures.push(format!("…{tail}\n{e}"));
        }
    };
    for text in [
        "",
        " ",
        "{",
        "}",
        "[",
        "[]",
        "null",
        "true",
        "1",
        "\"x\"",
        "{\"version\"",
        "{\"version\":",
        "{\"version\":\"1\"",
        "{\"version\":\"1\",",
        "{\"version\":\"1\",}",
        "{\"version\" \"1\"}",
        "{version:\"1\"}",
        "{\"version\":\"1\"]",
        "{\"version\":tru}",
        "{\"version\":nul}",
        "{\"version\":\"a\\qb\"}",
        "{\"version\":\"a\nb\"}",
        "{\"version\":\"\\ud800\"}",
        "{\"version\":\"\\ud800\\u0041\"}",
        "{\"version\":\"\\u12\"}",
        "{\"version\":\"\\ud83d\\ude00\"}",
        "{\"version\":\"\\u00e9\"}",
        "{\"version\":01}",
        "{\"version\":-}",
        "{\"version\":1.}",
        "{\"version\":1e}",
        "{\"version\":.5}",
        "{\"version\":1e400}",
        "{\"version\":-0}",
        "{\"version\":-0.0}",
        "{\"version\":1E+2}",
        "{\"version\":18446744073709551616}",
        "{\"version\":-9223372036854775809}",
        "{\"version\":12345678901234567890123}",
        "{\"version\":\"é\"} x",
        "{\"version\":\"1\"}}",
    ] {
        check(text);
    }
    // Each of the first few hundred prefixes of the real file, cut anywhere.
    for end in (1..file.len()).step_by(7).take(400) {
        if file.is_char_boundary(end) {
            check(&file[..end]);
        }
    }
    // Numbers where the rules hold them, in several spellings.
    for n in [
        "0.5",
        "1e1",
        "25E-1",
        "2.50",
        "100",
        "1e-7",
        "0.1",
        "3.000000000000001",
    ] {
        let text = file.replacen("\"years\":3", &format!("\"years\":{n}"), 1);
        check(&text);
    }
    // Deep nesting, within and past serde_json's limit.
    for depth in [20, 127, 128, 129, 200] {
        let mut text = String::from("{\"version\":\"1\",\"title\":");
        text.push_str(&"[".repeat(depth));
        check(&text);
        let conds = format!(
            "{{\"kind\":\"any_of\",\"of\":{}]}}",
            "[{\"kind\":\"any_of\",\"of\":".repeat(depth / 2)
        );
        check(&file.replacen("\"conditions\":[", &format!("\"conditions\":[{conds},"), 1));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The fuzzer's corpus of rule files (mostly broken JSON), every one.
#[test]
fn the_fuzz_corpus_reads_the_same() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/corpus/rules");
    let mut failures = Vec::new();
    let mut read = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        read += 1;
        if let Err(e) = same(&text) {
            failures.push(format!("{}\n{e}", path.display()));
        }
    }
    assert!(read > 1000, "only {read} files in {dir}");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
