//! The plan as a calendar file (iCalendar, RFC 5545): one all-day event per dated
//! step (deadlines, application deadlines, sittings, renewals), each with the
//! sources it rests on. A step without a published schedule (`scheduled: false`:
//! a course, meeting or exam whose dates the rules do not have) has no event: a
//! calendar would have to invent its day. Made on the device, in the browser or
//! by the CLI.

use ce_roadmap_core::date::Date;
use ce_roadmap_core::roadmap::{Action, PlanStep, PlanYear};
use ce_roadmap_core::rules::model::RuleSet;

use crate::i18n::{self, Lang, Msg};

/// The file's name when downloaded.
pub const FILE_NAME: &str = "ce-roadmap-plan.ics";

/// The calendar of a plan, or None when nothing in it is dated (a calendar
/// must hold at least one event). `stamp` is the day the file is made (DTSTAMP).
pub fn ics(rules: &RuleSet, plan: &[PlanYear], lang: Lang, stamp: Date) -> Option<String> {
    let steps: Vec<&PlanStep> = plan
        .iter()
        .flat_map(|y| &y.steps)
        .filter(|s| s.scheduled)
        .collect();
    if steps.is_empty() {
        return None;
    }
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(
        &mut out,
        lang.pick2(
            "PRODID:-//ce-roadmap//plan//JA",
            "PRODID:-//ce-roadmap//plan//EN",
        ),
    );
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    prop(&mut out, "X-WR-CALNAME", &[Msg::CalendarName.text(lang)]);
    let mut bases: Vec<String> = Vec::with_capacity(steps.len());
    for s in steps {
        // Stable across downloads, so importing a newer plan updates an event
        // rather than adding a second; numbered where a step recurs.
        let mut uid = String::from(s.action.as_str());
        uid.push('-');
        uid.extend(s.target.chars().map(|c| match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' | '_' | '-' => c,
            _ => '+',
        }));
        let n = bases.iter().filter(|b| **b == uid).count();
        bases.push(uid.clone());
        if n > 0 {
            uid.push('-');
            uid.push_str(&(n + 1).to_string());
        }
        event(&mut out, rules, lang, stamp, s, &uid);
    }
    line(&mut out, "END:VCALENDAR");
    Some(out)
}

// Built from pieces with `push_str` rather than `format!`: this runs in the
// browser, where each formatting call costs bytes of wasm.
fn event(out: &mut String, rules: &RuleSet, lang: Lang, stamp: Date, s: &PlanStep, uid: &str) {
    // A deadline is its day; a sitting is known to the month and a renewal to
    // the year, so their event is a reminder on the first day.
    let (label, day, note) = match s.action {
        Action::Sit => (Msg::CalendarExamMonth, s.from, Some(Msg::CalendarExamDay)),
        Action::Renew => (
            Msg::CalendarRenewalYear,
            s.from,
            Some(Msg::CalendarRenewalDay),
        ),
        Action::GraduateStart | Action::GraduateFinish => (Msg::CalendarChoice, s.by, None),
        _ => (Msg::CalendarDeadline, s.by, None),
    };
    let (open, close) = (lang.pick2("【", ""), lang.pick2("】", ": "));
    let (l, r, comma) = (
        lang.pick2("（", " ("),
        lang.pick2("）", ")"),
        lang.pick2("、", ", "),
    );
    let when = i18n::plan_when(lang, s);
    let mut desc: Vec<&str> = vec![&when];
    if let Some(n) = note {
        desc.extend(["\n", n.text(lang)]);
    }
    let names: Vec<String> = s
        .credentials
        .iter()
        .map(|c| i18n::credential_name(rules, lang, c))
        .collect();
    for (i, n) in names.iter().enumerate() {
        desc.extend([
            if i == 0 {
                lang.pick2("\n対象: ", "\nFor: ")
            } else {
                comma
            },
            n,
        ]);
    }
    let cited: Vec<_> = sources(rules, s)
        .into_iter()
        .filter_map(|id| rules.source(id))
        .collect();
    let reads: Vec<String> = cited.iter().map(|c| i18n::read_on(lang, &c.read)).collect();
    for (src, read) in cited.iter().zip(&reads) {
        let label = Msg::SourceOne.text(lang);
        desc.extend(["\n", label, ": ", &src.url, l, read, r]);
    }
    desc.extend(["\n", Msg::CalendarMadeBy.text(lang)]);
    line(out, "BEGIN:VEVENT");
    prop(out, "UID", &[uid, "@ce-roadmap"]);
    prop(out, "DTSTAMP", &[&compact(stamp), "T000000Z"]);
    prop(out, "DTSTART;VALUE=DATE", &[&compact(day)]);
    prop(out, "DTEND;VALUE=DATE", &[&compact(day.next_day())]);
    prop(
        out,
        "SUMMARY",
        &[open, label.text(lang), close, lang.pick(&s.text)],
    );
    prop(out, "DESCRIPTION", &desc);
    line(out, "TRANSP:TRANSPARENT");
    line(out, "END:VEVENT");
}

/// The sources a step rests on: an application deadline's and a renewal's own,
/// a sitting's exam note, otherwise each credential's first source.
fn sources<'r>(rules: &'r RuleSet, s: &PlanStep) -> Vec<&'r str> {
    let own = rules.credential(&s.target);
    let specific: Vec<&str> = match (s.action, own) {
        (Action::Apply, Some(c)) => c.applications.iter().map(|a| a.source.as_str()).collect(),
        (Action::Renew, Some(c)) => c.renewal.iter().map(|r| r.source.as_str()).collect(),
        (Action::Sit, Some(c)) => c
            .exam
            .iter()
            .filter_map(|e| e.source.as_ref().map(|x| x.as_str()))
            .collect(),
        (Action::GraduateStart | Action::GraduateFinish, _) => rules
            .graduate_school
            .iter()
            .map(|g| g.source.as_str())
            .collect(),
        _ => Vec::new(),
    };
    let mut ids: Vec<&str> = if specific.is_empty() {
        s.credentials
            .iter()
            .filter_map(|c| rules.credential(c)?.sources.first())
            .map(|id| id.as_str())
            .collect()
    } else {
        specific
    };
    let mut seen = Vec::with_capacity(ids.len());
    ids.retain(|id| {
        let new = !seen.contains(id);
        seen.push(*id);
        new
    });
    ids
}

/// YYYYMMDD.
fn compact(d: Date) -> String {
    let mut s = d.to_string();
    s.retain(|c| c != '-');
    s
}

/// A property: its name, then its value's pieces as TEXT (RFC 5545 3.3.11:
/// `\\`, `;` and `,` escaped, a line break as `\\n`).
fn prop(out: &mut String, name: &str, pieces: &[&str]) {
    let mut v = String::from(name);
    v.push(':');
    for p in pieces {
        for c in p.chars() {
            match c {
                '\\' | ';' | ',' => {
                    v.push('\\');
                    v.push(c);
                }
                '\n' => v.push_str("\\n"),
                '\r' => {}
                c => v.push(c),
            }
        }
    }
    line(out, &v);
}

/// A content line, folded at 75 octets without splitting a character (3.1), CRLF.
fn line(out: &mut String, content: &str) {
    let mut used = 0;
    for c in content.chars() {
        if used + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use ce_roadmap_core::profile::Profile;

    fn plan(json: &str, lang: Lang) -> Option<String> {
        let rules = ce_roadmap_core::default_rules().unwrap();
        let p = Profile::from_json(json).unwrap();
        let on = Date::parse("2026-11-23").unwrap();
        let when = ce_roadmap_core::evaluate::When {
            as_of: Some(on),
            today: on,
        };
        let r = ce_roadmap_core::evaluate::evaluate(&rules, &p, when).unwrap();
        ics(&rules, &r.plan, lang, on)
    }

    /// Lines unfolded, as a reader sees them.
    fn unfolded(ics: &str) -> Vec<String> {
        ics.replace("\r\n ", "")
            .split("\r\n")
            .map(String::from)
            .collect()
    }

    /// A course, meeting or units whose dates are not published get no event: the
    /// file would have to invent their day. Joining JACET (today) and the licence do.
    #[test]
    fn no_event_for_a_step_without_published_dates() {
        let ics = plan(
            r#"{"stage":"licensed","experience":{"blood_purification":2},"targets":["jacet_cert_blood_purification"]}"#,
            Lang::En,
        )
        .unwrap();
        let summaries: Vec<String> = unfolded(&ics)
            .into_iter()
            .filter(|l| l.starts_with("SUMMARY:"))
            .collect();
        assert!(
            summaries.iter().any(|s| s.contains("Join JACET")),
            "{summaries:?}"
        );
        for word in [
            "Take the",
            "Attend the",
            "Earn ",
            "exam (dates not published)",
        ] {
            assert!(
                !summaries.iter().any(|s| s.contains(word)),
                "{word}: {summaries:?}"
            );
        }
        // Nothing scheduled at all: no file.
        assert_eq!(
            plan(
                r#"{"stage":"licensed","membership":{"jacet":2},"experience":{"blood_purification":2},"targets":["jacet_cert_blood_purification"]}"#,
                Lang::En
            ),
            None
        );
    }

    #[test]
    fn every_line_is_folded_within_75_octets_and_ends_in_crlf() {
        let ics = plan(
            r#"{"stage":"licensed","experience":{"blood_purification":1},"targets":["dialysis_tech","hcit"]}"#,
            Lang::Ja,
        )
        .unwrap();
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        for l in ics.split("\r\n") {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        assert!(!ics.replace("\r\n", "").contains('\n'), "a bare LF");
    }

    #[test]
    fn each_step_is_one_event_with_a_date_a_summary_and_a_unique_uid() {
        let ics = plan(
            r#"{"stage":"it","targets":["hcit"],"held":["me2"],"held_since":{"me2":2022}}"#,
            Lang::En,
        )
        .unwrap();
        let lines = unfolded(&ics);
        let begins = lines.iter().filter(|l| *l == "BEGIN:VEVENT").count();
        let uids: Vec<&String> = lines.iter().filter(|l| l.starts_with("UID:")).collect();
        assert!(begins >= 2, "{ics}");
        assert_eq!(uids.len(), begins);
        let mut unique = uids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), uids.len(), "{uids:?}");
        for key in [
            "DTSTART;VALUE=DATE:",
            "DTEND;VALUE=DATE:",
            "SUMMARY:",
            "DTSTAMP:",
        ] {
            assert_eq!(
                lines.iter().filter(|l| l.starts_with(key)).count(),
                begins,
                "{key}"
            );
        }
        // HCIT: applications close on 26 June for the August sitting (S54).
        assert!(
            lines.contains(&"DTSTART;VALUE=DATE:20270626".to_string()),
            "{ics}"
        );
        assert!(
            lines.contains(&"DTSTART;VALUE=DATE:20270801".to_string()),
            "{ics}"
        );
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("SUMMARY:Deadline: Apply to sit")),
            "{ics}"
        );
        assert!(lines.iter().any(|l| l.contains("https://")), "{ics}");
    }

    #[test]
    fn a_renewal_is_a_reminder_on_the_first_day_of_its_year() {
        let ics = plan(
            r#"{"stage":"licensed","held":["dialysis_tech"],"held_since":{"dialysis_tech":2024}}"#,
            Lang::Ja,
        )
        .unwrap();
        let lines = unfolded(&ics);
        assert!(
            lines.contains(&"DTSTART;VALUE=DATE:20290101".to_string()),
            "{ics}"
        );
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("SUMMARY:【更新の年】透析技術認定士を更新する")),
            "{ics}"
        );
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("DESCRIPTION:2029年中\\n有効期限")),
            "{ics}"
        );
    }

    #[test]
    fn text_is_escaped() {
        let mut out = String::new();
        prop(&mut out, "SUMMARY", &["a,b;c\\d\ne", "\n", "f"]);
        assert_eq!(out, "SUMMARY:a\\,b\\;c\\\\d\\ne\\nf\r\n");
    }

    #[test]
    fn a_long_japanese_line_folds_between_characters() {
        let mut out = String::new();
        line(&mut out, &format!("SUMMARY:{}", "資格".repeat(40)));
        for l in out.trim_end_matches("\r\n").split("\r\n") {
            assert!(l.len() <= 75);
            assert!(std::str::from_utf8(l.as_bytes()).is_ok());
        }
        assert_eq!(unfolded(&out)[0], format!("SUMMARY:{}", "資格".repeat(40)));
    }

    #[test]
    fn a_plan_with_nothing_dated_has_no_calendar() {
        let rules = ce_roadmap_core::default_rules().unwrap();
        let on = Date::parse("2026-11-23").unwrap();
        assert_eq!(ics(&rules, &[], Lang::Ja, on), None);
    }
}
