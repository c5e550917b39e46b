//! What a visitor types into a number field: parsed leniently (full-width digits
//! from Japanese keyboards, commas as decimal points), checked strictly.

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum InputError {
    NotANumber,
    Negative,
    TooLarge { max: f64 },
    NotWhole,
}

/// Full-width digits and signs to ASCII, spaces trimmed.
fn normalise(text: &str) -> String {
    text.trim()
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' | '，' | ',' => '.',
            '－' | 'ー' | '−' => '-',
            '＋' => '+',
            other => other,
        })
        .collect()
}

/// A number from 0 to `max`; an empty field is 0. `whole` for counts.
pub fn parse_number(text: &str, max: f64, whole: bool) -> Result<f64, InputError> {
    let s = normalise(text);
    if s.is_empty() {
        return Ok(0.0);
    }
    // Only plain decimals: no exponents, no "inf", no hex.
    let plain = s.strip_prefix(['-', '+']).unwrap_or(&s);
    if plain.is_empty()
        || !plain.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        || plain.matches('.').count() > 1
        || plain == "."
    {
        return Err(InputError::NotANumber);
    }
    // At most 12 significant digits and 12 after the point, so `plain_decimal` is exact;
    // counted without leading zeros, so every value read here is accepted again when a
    // share link writes it back ("+.00000000001" comes back as "0.00000000001", found
    // by fuzzing the round trip).
    let (units, fraction) = plain.split_once('.').unwrap_or((plain, ""));
    let significant = units.len() + fraction.len()
        - units
            .bytes()
            .chain(fraction.bytes())
            .take_while(|&b| b == b'0')
            .count();
    if plain.len() > 40 || significant > 12 || fraction.len() > 12 {
        return Err(InputError::TooLarge { max });
    }
    let v = plain_decimal(plain, s.starts_with('-'));
    if v < 0.0 {
        return Err(InputError::Negative);
    }
    if v > max {
        return Err(InputError::TooLarge { max });
    }
    if whole && v.fract() != 0.0 {
        return Err(InputError::NotWhole);
    }
    Ok(v)
}

/// The value of at most 12 significant digits, at most 12 of them after the one '.', as
/// `str::parse::<f64>` gives it: the digits fit in a u64 below 2^53 and 10^k is exact, so
/// the one division rounds correctly. Written out because core's float parser brings ~20 KB of tables into the wasm.
fn plain_decimal(digits: &str, negative: bool) -> f64 {
    let (mut mantissa, mut scale, mut after_point) = (0u64, 1u64, false);
    for b in digits.bytes() {
        if b == b'.' {
            after_point = true;
        } else {
            mantissa = mantissa * 10 + u64::from(b - b'0');
            if after_point {
                scale *= 10;
            }
        }
    }
    let v = mantissa as f64 / scale as f64;
    if negative {
        -v
    } else {
        v
    }
}

pub fn parse_years(text: &str) -> Result<f64, InputError> {
    parse_number(text, ce_roadmap_core::profile::MAX_YEARS, false)
}

pub fn parse_count(text: &str) -> Result<f64, InputError> {
    parse_number(text, ce_roadmap_core::profile::MAX_CASES, true)
}

pub fn parse_units(text: &str) -> Result<f64, InputError> {
    parse_number(text, ce_roadmap_core::profile::MAX_UNITS, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lenient_in_form_strict_in_value() {
        assert_eq!(parse_years("2.5"), Ok(2.5));
        assert_eq!(parse_years(" ２．５ "), Ok(2.5));
        assert_eq!(parse_years("2,5"), Ok(2.5));
        assert_eq!(parse_years(""), Ok(0.0));
        assert_eq!(parse_years("abc"), Err(InputError::NotANumber));
        assert_eq!(parse_years("1e9"), Err(InputError::NotANumber));
        assert_eq!(parse_years("inf"), Err(InputError::NotANumber));
        assert_eq!(parse_years("NaN"), Err(InputError::NotANumber));
        assert_eq!(parse_years("-1"), Err(InputError::Negative));
        assert_eq!(parse_years("61"), Err(InputError::TooLarge { max: 60.0 }));
        assert_eq!(parse_years("1.2.3"), Err(InputError::NotANumber));
        assert_eq!(parse_years("."), Err(InputError::NotANumber));
        assert_eq!(parse_count("120"), Ok(120.0));
        assert_eq!(parse_count("1.5"), Err(InputError::NotWhole));
        assert!(parse_count(&"9".repeat(100_000)).is_err());
        assert_eq!(parse_years("2年"), Err(InputError::NotANumber));
        assert_eq!(parse_years(".5"), Ok(0.5));
        assert_eq!(parse_years("5."), Ok(5.0));
        assert!(parse_years("-0").is_ok_and(|v| v == 0.0));
        // Leading zeros do not count against the 12 digits; 13 significant digits do.
        assert_eq!(parse_years("0.00000000001"), Ok(1e-11));
        assert_eq!(parse_years("0000000000000000000000000002"), Ok(2.0));
        assert!(parse_years("1.000000000001").is_err());
        assert!(parse_years(&format!("0.{}1", "0".repeat(12))).is_err());
    }

    #[test]
    fn plain_decimal_matches_the_standard_parser() {
        // Every shape the form accepts, including the longest and the awkward roundings.
        let mut cases: Vec<String> = [
            "0",
            "0.1",
            "0.2",
            "0.3",
            "2.675",
            "1.005",
            "59.99",
            "60",
            "999999999999",
            "99999999999.9",
            "0.00000000001",
            "123456.789012",
            ".5",
            "5.",
            "000012.5000",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let digits = (x % 1_000_000_000_000).to_string();
            let point = (x >> 40) as usize % (digits.len() + 1);
            cases.push(format!("{}.{}", &digits[..point], &digits[point..]));
        }
        for c in cases {
            if c == "." || c.len() > 12 {
                continue;
            }
            let want: f64 = c.parse().unwrap();
            assert_eq!(plain_decimal(&c, false).to_bits(), want.to_bits(), "{c}");
            assert_eq!(plain_decimal(&c, true).to_bits(), (-want).to_bits(), "-{c}");
        }
    }
}
