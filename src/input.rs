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
    if plain.len() > 12 {
        return Err(InputError::TooLarge { max });
    }
    let v: f64 = s.parse().map_err(|_| InputError::NotANumber)?;
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

pub fn parse_years(text: &str) -> Result<f64, InputError> {
    parse_number(text, crate::profile::MAX_YEARS, false)
}

pub fn parse_count(text: &str) -> Result<f64, InputError> {
    parse_number(text, crate::profile::MAX_CASES, true)
}

pub fn parse_units(text: &str) -> Result<f64, InputError> {
    parse_number(text, crate::profile::MAX_UNITS, false)
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
    }
}
