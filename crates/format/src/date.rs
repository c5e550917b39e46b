//! Calendar dates at day precision, month arithmetic and Japanese fiscal years.
//!
//! A small type of our own instead of a date crate: the engine only needs
//! parsing, ordering, adding months and the fiscal year, and every byte ships to phones.

use std::fmt;

use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

/// A proleptic Gregorian date between years 1900 and 2200.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Years outside this range are rejected: they are typos, not plans.
pub const MIN_YEAR: i32 = 1900;
pub const MAX_YEAR: i32 = 2200;

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if is_leap(y) => 29,
        _ => 28,
    }
}

impl Date {
    /// A checked constructor: `None` for impossible dates or years out of range.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    pub fn year(self) -> i32 {
        self.year
    }
    pub fn month(self) -> u8 {
        self.month
    }
    pub fn day(self) -> u8 {
        self.day
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = &s[r];
            if !part.bytes().all(|c| c.is_ascii_digit()) {
                return None;
            }
            part.parse().ok()
        };
        Date::new(num(0..4)? as i32, num(5..7)? as u8, num(8..10)? as u8)
    }

    /// Months since year 0, for month arithmetic.
    fn month_index(self) -> i64 {
        self.year as i64 * 12 + (self.month as i64 - 1)
    }

    /// Adds (or subtracts) whole months, clamping the day to the month's length
    /// (2024-01-31 + 1 month = 2024-02-29). Saturates at the supported range.
    pub fn add_months(self, months: i64) -> Date {
        let idx = self
            .month_index()
            .saturating_add(months)
            .clamp(MIN_YEAR as i64 * 12, MAX_YEAR as i64 * 12 + 11);
        let year = (idx / 12) as i32;
        let month = (idx % 12) as u8 + 1;
        let day = self.day.min(days_in_month(year, month));
        Date { year, month, day }
    }

    /// Whole months from `self` to `later` (negative if `later` is earlier);
    /// a partial month does not count.
    pub fn months_until(self, later: Date) -> i64 {
        let mut m = later.month_index() - self.month_index();
        if m > 0 && later.day < self.day && later.day < days_in_month(later.year, later.month) {
            m -= 1;
        } else if m < 0 && later.day > self.day {
            m += 1;
        }
        m
    }

    /// The Japanese fiscal year (年度, April to March) the date falls in.
    pub fn fiscal_year(self) -> i32 {
        if self.month >= 4 {
            self.year
        } else {
            self.year - 1
        }
    }

    /// The next day (inclusive `until` dates end the day before it). Saturates.
    pub fn next_day(self) -> Date {
        if self.day < days_in_month(self.year, self.month) {
            return Date {
                day: self.day + 1,
                ..self
            };
        }
        Date::new(self.year, self.month, 1)
            .map(|d| d.add_months(1))
            .filter(|d| *d > self)
            .unwrap_or(self)
    }

    /// The first day of the month `self` falls in.
    pub fn month_start(self) -> Date {
        Date { day: 1, ..self }
    }

    /// The first day of the given month on or after `self`.
    pub fn next_month_start(self, month: u8) -> Date {
        let mut year = self.year;
        if month < self.month || (month == self.month && self.day > 1) {
            year += 1;
        }
        Date::new(year.min(MAX_YEAR), month, 1).unwrap_or(self)
    }

    /// Today's date in Japan (UTC+9), from the system clock. Native only.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn today_jst() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        Date::from_unix_days((secs + 9 * 3600).div_euclid(86_400))
    }

    /// The date `days` days after 1970-01-01 (Howard Hinnant's civil-from-days).
    pub fn from_unix_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + if month <= 2 { 1 } else { 0 }) as i32;
        let year = year.clamp(MIN_YEAR, MAX_YEAR);
        Date::new(year, month, day).unwrap_or(Date {
            year,
            month: 1,
            day: 1,
        })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A calendar month (an exam sitting), written "YYYY-MM". Kept as its first
/// day, so it orders and compares with dates without parsing text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month(Date);

impl Month {
    /// The month `d` falls in.
    pub fn of(d: Date) -> Month {
        Month(d.month_start())
    }
    pub fn first_day(self) -> Date {
        self.0
    }
    pub fn year(self) -> i32 {
        self.0.year
    }
    pub fn month(self) -> u8 {
        self.0.month
    }
    /// Parses `YYYY-MM`.
    pub fn parse(s: &str) -> Option<Month> {
        let (y, m) = s.split_once('-')?;
        if y.len() != 4 || m.len() != 2 {
            return None;
        }
        Date::new(y.parse().ok()?, m.parse().ok()?, 1).map(Month)
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.0.year, self.0.month)
    }
}

/// A day of the year without a year ("09-30"): when an application window
/// closes, the same every year. February 29 is refused: it is not in every year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MonthDay {
    month: u8,
    day: u8,
}

impl MonthDay {
    /// January 1.
    pub const NEW_YEAR: MonthDay = MonthDay { month: 1, day: 1 };

    pub fn new(month: u8, day: u8) -> Option<MonthDay> {
        // 2001 is not a leap year: a day valid then is valid every year.
        Date::new(2001, month, day).map(|_| MonthDay { month, day })
    }
    pub fn month(self) -> u8 {
        self.month
    }
    pub fn day(self) -> u8 {
        self.day
    }
    /// Parses `MM-DD`.
    pub fn parse(s: &str) -> Option<MonthDay> {
        let (m, d) = s.split_once('-')?;
        if m.len() != 2 || d.len() != 2 {
            return None;
        }
        MonthDay::new(m.parse().ok()?, d.parse().ok()?)
    }
    /// This day in the year `y`.
    pub fn in_year(self, y: i32) -> Option<Date> {
        Date::new(y, self.month, self.day)
    }
    /// The last time this day falls before the first day of `month` (an exam's
    /// application deadline): in the same year if earlier in it, else the year before.
    pub fn before(self, month: Month) -> Option<Date> {
        let first = month.first_day();
        let same = self.in_year(first.year())?;
        if same < first {
            Some(same)
        } else {
            self.in_year(first.year() - 1)
        }
    }
}

impl fmt::Display for MonthDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}-{:02}", self.month, self.day)
    }
}

/// Serde as the text each type prints and parses ("YYYY-MM-DD", "YYYY-MM", "MM-DD"),
/// so TOML and JSON rule files and the roadmap JSON read alike; `expecting` is what
/// a parse error says was wanted.
macro_rules! text_serde {
    ($t:ty, $expecting:expr) => {
        impl $t {
            /// What a rule file's reader says it wanted, where this type's text is bad.
            pub fn expecting() -> String {
                $expecting.to_string()
            }
        }

        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<$t, D::Error> {
                struct V;
                impl de::Visitor<'_> for V {
                    type Value = $t;
                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        f.write_str(&$expecting)
                    }
                    fn visit_str<E: de::Error>(self, s: &str) -> Result<$t, E> {
                        <$t>::parse(s)
                            .ok_or_else(|| E::invalid_value(de::Unexpected::Str(s), &self))
                    }
                }
                d.deserialize_str(V)
            }
        }
    };
}

text_serde!(
    Date,
    format!("a date as \"YYYY-MM-DD\" between {MIN_YEAR} and {MAX_YEAR}")
);
text_serde!(Month, "a month as \"YYYY-MM\"");
text_serde!(MonthDay, "a day of the year as \"MM-DD\" (not 02-29)");

#[cfg(feature = "schema")]
impl schemars::JsonSchema for MonthDay {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "MonthDay".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({"type": "string", "pattern": "^[0-9]{2}-[0-9]{2}$"})
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"})
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_days_and_their_deadlines() {
        let d = MonthDay::parse("09-30").unwrap();
        assert_eq!(d.to_string(), "09-30");
        // A March exam's September deadline is the year before; a November exam's the same year.
        let march = Month::parse("2027-03").unwrap();
        assert_eq!(d.before(march), Date::new(2026, 9, 30));
        let nov = Month::parse("2027-11").unwrap();
        assert_eq!(d.before(nov), Date::new(2027, 9, 30));
        // A deadline on the 1st of the exam month itself is the year before: it is not before it.
        assert_eq!(
            MonthDay::parse("11-01").unwrap().before(nov),
            Date::new(2026, 11, 1)
        );
        for bad in ["02-29", "13-01", "9-30", "09-31", "0930", "", "00-10"] {
            assert_eq!(MonthDay::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn month_text() {
        let m = Month::parse("2027-09").unwrap();
        assert_eq!(m.to_string(), "2027-09");
        assert_eq!(m.first_day(), Date::new(2027, 9, 1).unwrap());
        assert_eq!(Month::of(Date::new(2027, 9, 30).unwrap()), m);
        for bad in ["2027-9", "2027-13", "27-09", "2027/09", "", "2027-09-01"] {
            assert_eq!(Month::parse(bad), None, "{bad}");
        }
    }

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn parses_and_rejects() {
        assert_eq!(d("2026-11-21").to_string(), "2026-11-21");
        for bad in [
            "2026-02-30",
            "2026-13-01",
            "26-11-21",
            "2026-1-021",
            "abcd-ef-gh",
            "1800-01-01",
            "+026-01-01",
        ] {
            assert!(Date::parse(bad).is_none(), "{bad}");
        }
        assert!(Date::parse("2024-02-29").is_some());
        assert!(Date::parse("2023-02-29").is_none());
    }

    #[test]
    fn month_arithmetic_clamps_days() {
        assert_eq!(d("2024-01-31").add_months(1), d("2024-02-29"));
        assert_eq!(d("2026-11-21").add_months(24), d("2028-11-21"));
        assert_eq!(d("2026-11-21").add_months(-6), d("2026-05-21"));
        assert_eq!(d("2026-11-21").add_months(i64::MAX).year(), MAX_YEAR);
    }

    #[test]
    fn months_between() {
        assert_eq!(d("2026-04-01").months_until(d("2028-04-01")), 24);
        assert_eq!(d("2026-04-15").months_until(d("2026-05-14")), 0);
        assert_eq!(d("2026-04-15").months_until(d("2026-05-15")), 1);
        assert_eq!(d("2026-05-15").months_until(d("2026-04-15")), -1);
        assert_eq!(d("2024-01-31").months_until(d("2024-02-29")), 1);
    }

    #[test]
    fn fiscal_years() {
        assert_eq!(d("2027-03-31").fiscal_year(), 2026);
        assert_eq!(d("2027-04-01").fiscal_year(), 2027);
    }

    #[test]
    fn unix_days() {
        assert_eq!(Date::from_unix_days(0), d("1970-01-01"));
        assert_eq!(Date::from_unix_days(20_413), d("2025-11-21"));
    }

    #[test]
    fn next_days() {
        assert_eq!(d("2026-06-30").next_day(), d("2026-07-01"));
        assert_eq!(d("2026-12-31").next_day(), d("2027-01-01"));
        assert_eq!(d("2024-02-28").next_day(), d("2024-02-29"));
        assert_eq!(d("2026-11-21").next_day(), d("2026-11-22"));
        assert_eq!(d("2200-12-31").next_day(), d("2200-12-31"));
    }

    #[test]
    fn next_sitting() {
        assert_eq!(d("2026-11-21").next_month_start(9), d("2027-09-01"));
        assert_eq!(d("2026-11-01").next_month_start(11), d("2026-11-01"));
        assert_eq!(d("2026-11-02").next_month_start(11), d("2027-11-01"));
    }
}
