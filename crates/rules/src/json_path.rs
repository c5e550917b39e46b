//! The path (`credentials[0].conditions[1].years`) of the value at a position in
//! a JSON text. serde_json reports where an error is by line and column; this
//! turns that into the path, so the browser build needs no path-tracking
//! deserializer (serde_path_to_error doubled the deserializer's code: 6.7 KB
//! brotli of wasm). A small scanner, run only when there is an error.

enum Frame {
    /// In an object: the last key read, and whether the next string is a key.
    Object {
        key: Option<String>,
        expect_key: bool,
    },
    /// In an array: the index, and whether a value at that index has begun.
    Array { index: usize, begun: bool },
}

/// A JSON text that could not be read: where (path, line) and what (serde_json's
/// message without its " at line L column C", as the line is given apart).
pub struct ReadError {
    pub path: String,
    pub line: Option<usize>,
    pub message: String,
}

/// Reads a `T` from JSON text, the whole text; on error, the path of the bad value.
pub fn read<'a, T: serde::Deserialize<'a>>(text: &'a str) -> Result<T, ReadError> {
    let fail = |path: String, e: serde_json::Error| {
        let msg = e.to_string();
        let message = match msg.rfind(" at line ") {
            Some(i) => msg[..i].to_string(),
            None => msg,
        };
        ReadError {
            path,
            line: Some(e.line()).filter(|&l| l > 0),
            message,
        }
    };
    let mut de = serde_json::Deserializer::from_str(text);
    let value = T::deserialize(crate::objects_only::ObjectsOnly(&mut de))
        .map_err(|e| fail(path_at(text, e.line(), e.column()), e))?;
    de.end().map_err(|e| fail(String::new(), e))?;
    Ok(value)
}

/// The path of the innermost value that begins before `line` (1-based) and
/// `column` (bytes, as serde_json counts); "" for the top level.
pub fn path_at(text: &str, line: usize, column: usize) -> String {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    let end = (line_start + column).min(text.len());
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        let c = bytes[i];
        // Any token but a separator starts a value in an array.
        if let Some(Frame::Array { begun, .. }) = stack.last_mut() {
            if !matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b',' | b']') {
                *begun = true;
            }
        }
        match c {
            b'{' => stack.push(Frame::Object {
                key: None,
                expect_key: true,
            }),
            b'[' => stack.push(Frame::Array {
                index: 0,
                begun: false,
            }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { expect_key, .. }) => *expect_key = true,
                Some(Frame::Array { index, begun }) => {
                    *index += 1;
                    *begun = false;
                }
                None => {}
            },
            b':' => {
                if let Some(Frame::Object { expect_key, .. }) = stack.last_mut() {
                    *expect_key = false;
                }
            }
            b'"' => {
                let start = i + 1;
                i = start;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object {
                    key,
                    expect_key: true,
                }) = stack.last_mut()
                {
                    let raw = text.get(start..i.min(text.len())).unwrap_or("");
                    *key = Some(
                        serde_json::from_str(&format!("\"{raw}\""))
                            .unwrap_or_else(|_| raw.to_string()),
                    );
                }
            }
            _ => {}
        }
        i += 1;
    }
    // An array or object refused on sight (where the other belongs) is reported at
    // the column before its bracket, unread: in an array, that value has begun.
    if let (Some(Frame::Array { begun, .. }), Some(b'[' | b'{')) =
        (stack.last_mut(), bytes.get(end))
    {
        *begun = true;
    }
    let mut path = String::new();
    for f in &stack {
        match f {
            Frame::Object { key: Some(k), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Frame::Array { index, begun: true } => {
                path.push_str(&format!("[{index}]"));
            }
            _ => break,
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::path_at;

    /// The path serde_json's error position gives, for a text that fails to parse as T.
    fn path_of<T: serde::de::DeserializeOwned>(text: &str) -> String {
        super::read::<T>(text).err().expect("an error").path
    }

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Cond {
        years: u8,
        #[serde(default)]
        area: Option<String>,
    }
    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Cred {
        id: String,
        conditions: Vec<Cond>,
    }
    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct File {
        version: String,
        credentials: Vec<Cred>,
    }

    #[test]
    fn paths_of_typical_errors() {
        let ok = r#"{"version":"1","credentials":[{"id":"a","conditions":[{"years":1}]},
            {"id":"b","conditions":[{"years":1},{"years":BAD}]}]}"#;
        assert_eq!(path_of::<File>(ok), "credentials[1].conditions[1].years");
        let wrong_type = "{\n \"version\": \"1\",\n \"credentials\": [\n  {\"id\": \"a\", \"conditions\": [{\"years\": \"x\"}]}\n ]\n}";
        assert_eq!(
            path_of::<File>(wrong_type),
            "credentials[0].conditions[0].years"
        );
        let unknown =
            r#"{"version":"1","credentials":[{"id":"a","colour":"red","conditions":[]}]}"#;
        assert_eq!(path_of::<File>(unknown), "credentials[0].colour");
        let missing = r#"{"version":"1","credentials":[{"id":"a"}]}"#;
        assert_eq!(path_of::<File>(missing), "credentials[0]");
        let top = r#"{"version":1,"credentials":[]}"#;
        assert_eq!(path_of::<File>(top), "version");
        // A struct is read from an object only (objects_only), so an array is the bad value.
        let not_object = r#"[1]"#;
        assert_eq!(path_of::<File>(not_object), "");
        let inner_array = r#"{"version":"1","credentials":[["a",[]]]}"#;
        assert_eq!(path_of::<File>(inner_array), "credentials[0]");
        assert_eq!(path_of::<File>("42"), "");
        let escaped =
            r#"{"version":"1\"]}","credentials":[{"id":"a\\","conditions":[{"ye\u0061rs":-1}]}]}"#;
        assert_eq!(
            path_of::<File>(escaped),
            "credentials[0].conditions[0].years"
        );
        let seq_for_string = r#"{"version":["x"],"credentials":[]}"#;
        assert_eq!(path_of::<File>(seq_for_string), "version");
    }

    #[test]
    fn never_panics_on_odd_positions() {
        for text in ["", "\"", "{\"a", "[[[", "{\"a\":[1,", "\"\\", "é\n\"ü\":"] {
            for line in 0..4 {
                for col in 0..12 {
                    let _ = path_at(text, line, col);
                }
            }
        }
    }
}
