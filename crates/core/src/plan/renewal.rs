//! Renewals: a held credential is renewed every n years from the year it was
//! obtained. With only the year known, the renewal is dated to a year; the day
//! is on the visitor's certificate.

/// The first renewal year (`since + k·every`, k ≥ 1) that is not before `year`:
/// renewals already past are taken as done.
pub fn due_year(since: i32, every: u8, year: i32) -> i32 {
    let every = i32::from(every.max(1));
    let first = since.saturating_add(every);
    if first >= year {
        return first;
    }
    // Whole cycles since the first renewal, rounded up.
    let behind = year - first;
    first.saturating_add((behind + every - 1) / every * every)
}

#[cfg(test)]
mod tests {
    use super::due_year;

    #[test]
    fn the_first_renewal_is_every_years_after_the_year_obtained() {
        assert_eq!(due_year(2024, 5, 2026), 2029);
        assert_eq!(due_year(2026, 5, 2026), 2031);
    }

    #[test]
    fn a_renewal_due_this_year_is_this_year() {
        assert_eq!(due_year(2021, 5, 2026), 2026);
    }

    #[test]
    fn past_renewals_are_taken_as_done() {
        assert_eq!(due_year(2015, 5, 2026), 2030);
        assert_eq!(due_year(2016, 5, 2026), 2026);
        assert_eq!(due_year(2010, 3, 2026), 2028);
    }

    #[test]
    fn a_zero_cycle_does_not_loop_or_divide_by_zero() {
        assert_eq!(due_year(2020, 0, 2026), 2026);
        assert_eq!(due_year(i32::MAX - 1, 5, 2026), i32::MAX);
    }
}
