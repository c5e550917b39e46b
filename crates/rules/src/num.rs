//! Numbers as text. `{}` on an f64 would bring core's float formatter (Grisu with a
//! bignum fallback, about 3 KB brotli) into the wasm beside zmij, the shortest-digits
//! formatter serde_json already ships; so every f64 the widget shows goes through here.

/// What `format!("{v}")` writes: the shortest digits that read back as `v`, never an
/// exponent ("2.5", "61", "0.0000001", "-0", "NaN", "inf"). Where two texts of 16 or 17
/// digits are equally short, the last digit may differ from core's (both read back as `v`).
pub fn plain(v: f64) -> String {
    let mut buffer = zmij::Buffer::new();
    let text = buffer.format(v);
    if !v.is_finite() {
        return text.to_string();
    }
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    // zmij writes "d.ddd", "ddd.d" or "d.ddde±x"; take the digits and where the point goes.
    let (mantissa, exponent) = match text.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.trim_start_matches('+').parse::<i32>().unwrap_or(0)),
        None => (text, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all: String = [whole, fraction].concat();
    let leading = all.len() - all.trim_start_matches('0').len();
    let digits = all.trim_start_matches('0').trim_end_matches('0');
    let mut out = String::with_capacity(digits.len() + 8);
    if negative {
        out.push('-');
    }
    if digits.is_empty() {
        out.push('0');
        return out;
    }
    // Digits before the point.
    let point = whole.len() as i32 + exponent - leading as i32;
    let n = digits.len() as i32;
    if point <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-point) as usize));
        out.push_str(digits);
    } else if point >= n {
        out.push_str(digits);
        out.extend(std::iter::repeat_n('0', (point - n) as usize));
    } else {
        out.push_str(&digits[..point as usize]);
        out.push('.');
        out.push_str(&digits[point as usize..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::plain;

    #[test]
    fn writes_what_display_writes() {
        let mut cases = vec![
            0.0,
            -0.0,
            1.0,
            -1.0,
            2.5,
            60.0,
            0.1,
            0.2,
            0.30000000000000004,
            1e-7,
            1.5e-300,
            5e-324,
            1e15,
            1e16,
            1e21,
            1e22,
            1e23,
            123456789012.0,
            1e308,
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            f64::EPSILON,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        // Random bit patterns (every exponent) and random short decimals (what people type).
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        for i in 0..200_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            cases.push(if i % 2 == 0 {
                f64::from_bits(x)
            } else {
                (x % 100_000) as f64 / [1.0, 2.0, 10.0, 100.0, 1000.0][(x >> 60) as usize % 5]
            });
        }
        let significant = |s: &str| {
            let d: String = s.chars().filter(char::is_ascii_digit).collect();
            d.trim_start_matches('0').trim_end_matches('0').len()
        };
        for v in cases {
            let (ours, core) = (plain(v), format!("{v}"));
            if significant(&core) <= 15 {
                assert_eq!(ours, core, "bits {:#x}", v.to_bits());
            } else {
                // A tie between shortest texts: same length, and it reads back as `v`.
                assert_eq!(ours.len(), core.len(), "{ours} vs {core}");
                assert_eq!(
                    ours.parse::<f64>().unwrap().to_bits(),
                    v.to_bits(),
                    "{ours}"
                );
            }
        }
    }
}
