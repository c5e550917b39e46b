//! Graduate school as the visitor's own choice, never a condition of a
//! credential: its milestones in the plan (entering and finishing each course),
//! and the pause that full-time study puts in the work clocks.

use std::borrow::Cow;

use crate::date::Date;
use crate::profile::{Degree, Profile, StudyMode};
use crate::roadmap::{Action, PlanStep};
use crate::rules::RuleSet;

/// Each course chosen: (which, first day, last day). Courses run from 1 April
/// to 31 March, the master's first, the doctoral course straight after it.
fn courses(p: &Profile, rules: &RuleSet) -> Vec<(Degree, Date, Date)> {
    let (Some(g), Some(gs)) = (p.graduate, rules.graduate_school.as_ref()) else {
        return Vec::new();
    };
    let mut out = Vec::with_capacity(2);
    let mut year = g.start_year;
    let mut add = |degree: Degree, years: u8| {
        let end = year.saturating_add(years as i32);
        if let (Some(from), Some(to)) = (Date::new(year, 4, 1), Date::new(end, 3, 31)) {
            out.push((degree, from, to));
        }
        year = end;
    };
    add(Degree::Master, gs.master_years);
    if g.degree == Degree::Doctor {
        add(Degree::Doctor, gs.doctor_years);
    }
    out
}

/// Full-time study: the days [from, to) in which no work is counted.
pub(crate) fn pause(p: &Profile, rules: &RuleSet) -> Option<(Date, Date)> {
    if p.graduate?.mode != StudyMode::FullTime {
        return None;
    }
    let c = courses(p, rules);
    let (first, last) = (c.first()?, c.last()?);
    Some((first.1, Date::new(last.2.year(), 4, 1)?))
}

/// When `months` of work from `begin` are done, with no work counted during
/// `pause` (half-open). Pauses are whole months from the 1st, so the shift is exact.
pub(crate) fn accrue(begin: Date, months: i64, pause: Option<(Date, Date)>) -> Date {
    let plain = begin.add_months(months);
    let Some((from, to)) = pause else {
        return plain;
    };
    if months <= 0 || plain <= from || to <= begin {
        return plain;
    }
    if begin >= from {
        // Begun inside the pause: the clock starts when the study ends.
        return to.add_months(months);
    }
    plain.add_months(from.months_until(to))
}

/// The first day work can count from `d`: the end of the pause if `d` is in it.
pub(crate) fn resume(d: Date, pause: Option<(Date, Date)>) -> Date {
    match pause {
        Some((from, to)) if from <= d && d < to => to,
        _ => d,
    }
}

/// The plan's graduate-school milestones from `as_of` on: entering and finishing
/// each course, each marked as the visitor's choice.
pub(crate) fn milestones<'a>(p: &Profile, rules: &RuleSet, as_of: Date) -> Vec<PlanStep<'a>> {
    let mut out = Vec::new();
    for (degree, from, to) in courses(p, rules) {
        for (action, by) in [(Action::GraduateStart, from), (Action::GraduateFinish, to)] {
            if by < as_of {
                continue;
            }
            out.push(PlanStep {
                action,
                target: Cow::Borrowed(degree.as_str()),
                by,
                from: if action == Action::GraduateStart {
                    by
                } else {
                    from
                },
                amount: None,
                need: None,
                within_years: None,
                credentials: Vec::new(),
                for_certification: false,
                choice: true,
                scheduled: true,
                text: Default::default(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn work_stops_for_the_pause_and_resumes_after_it() {
        let pause = Some((d("2030-04-01"), d("2032-04-01")));
        // Met before the pause: unchanged.
        assert_eq!(accrue(d("2026-12-04"), 24, pause), d("2028-12-04"));
        // Runs into the pause: shifted by its 24 months.
        assert_eq!(accrue(d("2029-04-01"), 24, pause), d("2033-04-01"));
        // Begins inside it: counted from its end.
        assert_eq!(accrue(d("2030-05-01"), 12, pause), d("2033-04-01"));
        // Begins after it, or no pause: unchanged.
        assert_eq!(accrue(d("2032-04-01"), 12, pause), d("2033-04-01"));
        assert_eq!(accrue(d("2029-04-01"), 24, None), d("2031-04-01"));
        // Already met (negative months left): the past date stands.
        assert_eq!(accrue(d("2031-04-01"), -3, pause), d("2031-01-01"));
        assert_eq!(resume(d("2030-05-01"), pause), d("2032-04-01"));
        assert_eq!(resume(d("2032-04-01"), pause), d("2032-04-01"));
    }

    fn profile(json: &str) -> Profile {
        Profile::from_json(json).unwrap()
    }

    #[test]
    fn milestones_are_the_visitors_choice_from_today_on() {
        let rules = crate::default_rules().unwrap();
        let p = profile(r#"{"graduate":{"degree":"doctor","mode":"working","start_year":2025}}"#);
        assert!(p.check(&rules).is_ok());
        let m = milestones(&p, &rules, d("2026-12-04"));
        let got: Vec<String> = m
            .iter()
            .map(|s| format!("{}:{}@{}", s.action, s.target, s.by))
            .collect();
        // Entering the master's in 2025 is past; the rest follow from the rules' 2 + 3 years.
        assert_eq!(
            got,
            [
                "graduate_finish:master@2027-03-31",
                "graduate_start:doctor@2027-04-01",
                "graduate_finish:doctor@2030-03-31",
            ]
        );
        assert!(m.iter().all(|s| s.choice && s.credentials.is_empty()));
        // Study while working stops nothing; full-time stops the five years.
        assert_eq!(pause(&p, &rules), None);
        let full =
            profile(r#"{"graduate":{"degree":"doctor","mode":"full_time","start_year":2025}}"#);
        assert_eq!(
            pause(&full, &rules),
            Some((d("2025-04-01"), d("2030-04-01")))
        );
        // In the plan, with their texts, in the fiscal year each falls in.
        let r = crate::evaluate(
            &rules,
            &full,
            crate::When {
                as_of: Some(d("2026-12-04")),
                today: d("2026-12-04"),
            },
        )
        .unwrap();
        let steps: Vec<_> = r
            .plan
            .iter()
            .flat_map(|y| &y.steps)
            .filter(|s| s.choice)
            .collect();
        assert_eq!(steps.len(), 3);
        assert_eq!(steps[2].text.ja, "博士後期課程を修了する（標準3年）");
        assert_eq!(
            steps[2].text.en,
            "Finish the doctoral course (3 years as standard)"
        );
    }

    #[test]
    fn a_graduate_school_before_the_school_ends_or_without_rules_is_an_error() {
        let rules = crate::default_rules().unwrap();
        let p = profile(
            r#"{"stage":"student","school":{"years":3,"start_year":2025},
                "graduate":{"degree":"master","mode":"full_time","start_year":2027}}"#,
        );
        let errs = p.check(&rules).unwrap_err().0;
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].path(), "graduate.start_year");
        assert_eq!(errs[0].code(), "graduate_before_licence");
        assert!(
            errs[0].to_string().contains("2028 at the earliest"),
            "{}",
            errs[0]
        );
        let mut bare = rules.clone();
        bare.graduate_school = None;
        let ok_year =
            profile(r#"{"graduate":{"degree":"master","mode":"working","start_year":2030}}"#);
        let errs = ok_year.check(&bare).unwrap_err().0;
        assert_eq!(errs[0].code(), "graduate_not_offered");
        // An unknown degree does not parse, and says where.
        let e = Profile::from_json(
            r#"{"graduate":{"degree":"phd","mode":"working","start_year":2030}}"#,
        )
        .unwrap_err();
        assert_eq!(e.path(), "graduate.degree");
    }
}
