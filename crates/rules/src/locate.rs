//! Best-effort line numbers for paths found invalid after parsing, for TOML files
//! written with `[[array]]` headers and `key = value` lines, as ours are.

enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

fn segments(path: &str) -> Vec<Seg<'_>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (key, mut rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !key.is_empty() {
            out.push(Seg::Key(key));
        }
        while let Some(end) = rest.find(']') {
            if let Ok(i) = rest[1..end].parse() {
                out.push(Seg::Index(i));
            }
            rest = &rest[end + 1..];
        }
    }
    out
}

fn header(line: &str) -> Option<&str> {
    let t = line.trim();
    if let Some(inner) = t.strip_prefix("[[") {
        return inner.split("]]").next().map(str::trim);
    }
    t.strip_prefix('[')
        .and_then(|inner| inner.split(']').next())
        .map(str::trim)
}

fn is_key_line(line: &str, key: &str) -> bool {
    let t = line.trim_start();
    t.strip_prefix(key)
        .map(|rest| rest.trim_start().starts_with('='))
        .unwrap_or(false)
}

/// The 1-based line where `path` (e.g. `credentials[3].conditions[1].years`) is written.
pub fn line_of_path(text: &str, path: &str) -> Option<usize> {
    let lines: Vec<&str> = text.lines().collect();
    let segs = segments(path);
    let mut table = String::new();
    let mut cursor = 0usize;
    let mut i = 0;
    while i < segs.len() {
        let Seg::Key(key) = segs[i] else {
            i += 1;
            continue;
        };
        let full = if table.is_empty() {
            key.to_string()
        } else {
            format!("{table}.{key}")
        };
        if let Some(Seg::Index(n)) = segs.get(i + 1) {
            // An array of tables: the n-th `[[full]]` header after the cursor,
            // not past the next header of an enclosing array.
            let mut seen = 0;
            let mut found = None;
            // Start after the enclosing table's own header line.
            let from = if table.is_empty() { cursor } else { cursor + 1 };
            for (ln, line) in lines.iter().enumerate().skip(from) {
                if let Some(h) = header(line) {
                    if h == full {
                        if seen == *n {
                            found = Some(ln);
                            break;
                        }
                        seen += 1;
                    } else if !table.is_empty() && !h.starts_with(&format!("{table}.")) {
                        break;
                    }
                }
            }
            match found {
                Some(ln) => {
                    cursor = ln;
                    table = full;
                    i += 2;
                    continue;
                }
                // An inline array: point at its key.
                None => {
                    return find_key(&lines, cursor, key)
                        .map(|l| l + 1)
                        .or(Some(cursor + 1))
                }
            }
        }
        // A plain key, or a sub-table.
        if let Some(ln) = find_key(&lines, cursor, key) {
            cursor = ln;
            if i + 1 < segs.len() {
                return Some(cursor + 1);
            }
        } else if let Some(ln) = lines
            .iter()
            .enumerate()
            .skip(cursor)
            .find(|(_, l)| header(l) == Some(&full))
            .map(|(n, _)| n)
        {
            cursor = ln;
            table = full;
        }
        i += 1;
    }
    Some(cursor + 1)
}

/// The first `key = ...` line at or after `from`, before the next table header.
fn find_key(lines: &[&str], from: usize, key: &str) -> Option<usize> {
    for (ln, line) in lines.iter().enumerate().skip(from) {
        if ln > from && header(line).is_some() {
            return None;
        }
        if is_key_line(line, key) {
            return Some(ln);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::line_of_path;

    const DOC: &str = "version = \"1\"\n\n[[credentials]]\nid = \"a\"\n\n[[credentials.conditions]]\nkind = \"licence\"\n\n[[credentials]]\nid = \"b\"\n\n[[credentials.conditions]]\nkind = \"experience\"\n\n[[credentials.conditions]]\nkind = \"membership\"\nyears = 2\n";

    #[test]
    fn finds_lines() {
        assert_eq!(line_of_path(DOC, "version"), Some(1));
        assert_eq!(line_of_path(DOC, "credentials[1]"), Some(9));
        assert_eq!(line_of_path(DOC, "credentials[1].id"), Some(10));
        assert_eq!(
            line_of_path(DOC, "credentials[1].conditions[1].years"),
            Some(17)
        );
        assert_eq!(
            line_of_path(DOC, "credentials[0].conditions[0].kind"),
            Some(7)
        );
    }
}
