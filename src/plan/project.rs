//! Projection: for each credential not held, the earliest date its current stage
//! can be met if every missing step is taken at its first chance, the steps with
//! the date each must be done by, and what no plan can date.
//!
//! It reads the rule model, not the evaluated criteria, so a rule with effective
//! dates is taken as in force on the projected date, not on today's. Texts are
//! left empty here and written by `explain`, as for the rest of the roadmap.

use std::borrow::Cow;

use crate::date::Date;
use crate::evaluate::Eval;
use crate::roadmap::{Assumption, Blocker, Earliest, PlanStep};
use crate::rules::model::{Condition, Rule};

/// When a step must be done, relative to the date D of the stage it serves.
#[derive(Clone, Copy, Debug)]
enum By {
    /// On a date of its own (the licence; a prerequisite's own steps).
    Fixed(Date),
    /// `n` months before D (a membership that must have run n months by then; 0: by D).
    Before(u32),
}

/// A step whose dates are known once the stage date is.
#[derive(Clone, Debug)]
struct Pending<'a> {
    action: &'static str,
    target: Cow<'a, str>,
    by: By,
    /// The first chance to take it.
    first: Date,
    /// The rule counts it only within this many months before D.
    within: Option<u32>,
    amount: Option<f64>,
}

/// One condition (or a stage) projected: the earliest date it is met, or None
/// when it cannot be dated, with what that takes.
#[derive(Clone, Debug, Default)]
struct Proj<'a> {
    date: Option<Date>,
    pending: Vec<Pending<'a>>,
    /// Steps already dated (a prerequisite credential's own plan).
    dated: Vec<PlanStep<'a>>,
    blockers: Vec<Blocker<'a>>,
    assumptions: Vec<&'static str>,
    requires: Vec<&'a str>,
}

impl<'a> Proj<'a> {
    fn at(date: Date) -> Self {
        Proj {
            date: Some(date),
            ..Default::default()
        }
    }
    fn blocked(kind: &'static str, target: Cow<'a, str>) -> Self {
        Proj {
            date: None,
            blockers: vec![Blocker {
                kind,
                target,
                text: Default::default(),
            }],
            ..Default::default()
        }
    }
    fn step(mut self, p: Pending<'a>) -> Self {
        self.pending.push(p);
        self
    }
    fn assume(mut self, kind: &'static str) -> Self {
        self.assumption(kind);
        self
    }
    fn assumption(&mut self, kind: &'static str) {
        if !self.assumptions.contains(&kind) {
            self.assumptions.push(kind);
        }
    }
    /// Both must be met: the later date, everything either needs.
    fn and(&mut self, o: Proj<'a>) {
        self.date = match (self.date, o.date) {
            (Some(a), Some(b)) => Some(a.max(b)),
            _ => None,
        };
        self.pending.extend(o.pending);
        self.dated.extend(o.dated);
        self.absorb(o.blockers, o.assumptions, o.requires);
    }
    /// Another part's blockers, assumptions and prerequisites, each once.
    fn absorb(
        &mut self,
        blockers: Vec<Blocker<'a>>,
        assumptions: Vec<&'static str>,
        requires: Vec<&'a str>,
    ) {
        self.blockers.extend(blockers);
        for a in assumptions {
            self.assumption(a);
        }
        for r in requires {
            if !self.requires.contains(&r) {
                self.requires.push(r);
            }
        }
    }
}

/// Every condition met: an empty list is met at once.
fn all<'a>(start: Date, parts: impl IntoIterator<Item = Proj<'a>>) -> Proj<'a> {
    let mut out = Proj::at(start);
    for p in parts {
        out.and(p);
    }
    out
}

/// One alternative: the earliest that can be dated (fewer steps on a tie); when
/// none can, every alternative's blockers.
fn any<'a>(parts: Vec<Proj<'a>>) -> Proj<'a> {
    let best = parts
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.date.map(|d| (d, p.pending.len() + p.dated.len(), i)))
        .min()
        .map(|(_, _, i)| i);
    match best {
        Some(i) => parts.into_iter().nth(i).unwrap_or_default(),
        None => {
            let mut out = Proj::default();
            for p in parts {
                out.blockers.extend(p.blockers);
            }
            out
        }
    }
}

/// Per credential while projecting: not started, under way (a cycle if met
/// again), or done.
#[derive(Clone)]
pub(crate) enum Memo<'a> {
    Todo,
    Doing,
    Done(Box<Earliest<'a>>),
}

/// What the projection of a whole catalogue carries along.
pub(crate) struct Projector<'e, 'a, 'p> {
    pub(crate) ev: &'e Eval<'a, 'p>,
    pub(crate) memo: Vec<Memo<'a>>,
}

fn years_to_months(y: f64) -> i64 {
    (y * 12.0).round() as i64
}

impl<'a> Projector<'_, 'a, '_> {
    /// The earliest of every credential, in catalogue order (None for held ones).
    pub(crate) fn all(mut self) -> Vec<Option<Earliest<'a>>> {
        for i in 0..self.ev.rules.credentials.len() {
            if !self.ev.held(self.ev.rules.credentials[i].id.as_str()) {
                self.credential(i);
            }
        }
        self.memo
            .into_iter()
            .map(|m| match m {
                Memo::Done(e) => Some(*e),
                _ => None,
            })
            .collect()
    }

    fn now(&self) -> Date {
        self.ev.as_of
    }

    /// A credential's earliest, computed once into the memo; None while it is
    /// being computed: a prerequisite cycle (validation refuses cycles, but hosts'
    /// files vary), which the caller blocks rather than follows.
    fn credential(&mut self, i: usize) -> Option<&Earliest<'a>> {
        if let Memo::Todo = self.memo[i] {
            self.memo[i] = Memo::Doing;
            let e = self.compute(i);
            self.memo[i] = Memo::Done(Box::new(e));
        }
        match &self.memo[i] {
            Memo::Done(e) => Some(e),
            _ => None,
        }
    }

    fn compute(&mut self, i: usize) -> Earliest<'a> {
        let ev = self.ev;
        let c = &ev.rules.credentials[i];
        let id = c.id.as_str();
        let months = c.exam_months.as_deref();
        match &c.certify {
            // Exam passed: the certification stage is the one to meet.
            Some(cert) if ev.passed(id) => {
                let st = self.stage(cert, Some((id, self.now())));
                let on = st.date;
                to_earliest(st, on, None)
            }
            Some(cert) => {
                let st = self.stage(&c.conditions, None);
                let sitting = st.date.and_then(|d| first_sitting(months, d));
                let mut out = st.clone();
                let mut certify_on = None;
                if let Some(on) = st.date {
                    // Passed at the first sitting; where its month is not published,
                    // as soon as the exam stage is met.
                    let passed = sitting.as_deref().and_then(sitting_date).unwrap_or(on);
                    let mut cst = self.stage(cert, Some((id, passed)));
                    if sitting.is_none() {
                        cst.assumption("exam_dates");
                    }
                    cst.assumption("pass_first");
                    certify_on = cst.date;
                    // The certification's steps are dated by its own date.
                    let dated = resolve(&cst);
                    out.dated.extend(dated);
                    out.absorb(cst.blockers, cst.assumptions, cst.requires);
                }
                let on = st.date;
                let mut e = to_earliest(out, on, sitting);
                e.certify_on = certify_on;
                e
            }
            None => {
                let st = self.stage(&c.conditions, None);
                let sitting = st.date.and_then(|d| first_sitting(months, d));
                let on = st.date;
                to_earliest(st, on, sitting)
            }
        }
    }

    /// The earliest date a stage's conditions are all met, taking each condition
    /// as in force on the date it would be met: the dates between effective-date
    /// boundaries are tried in order, and the first that falls inside its own
    /// interval wins.
    fn stage(&mut self, list: &'a [Condition], own: Option<(&'a str, Date)>) -> Proj<'a> {
        let now = self.now();
        let mut bounds: Vec<Date> = Vec::new();
        collect_bounds(list, now, &mut bounds);
        bounds.sort();
        bounds.dedup();
        let mut last = Proj::default();
        for (i, &start) in std::iter::once(&now).chain(&bounds).enumerate() {
            let end = bounds.get(i).copied();
            let mut p = Proj::at(start);
            for c in list.iter().filter(|c| c.in_force(start)) {
                p.and(self.condition(c, start, own));
            }
            if let Some(d) = p.date {
                if end.is_none_or(|e| d < e) {
                    return p;
                }
                // Met only after these rules stop applying: try the next ones.
                p.date = None;
            }
            last = p;
        }
        last
    }

    fn condition(&mut self, c: &'a Condition, at: Date, own: Option<(&'a str, Date)>) -> Proj<'a> {
        let ev = self.ev;
        let now = self.now();
        match &c.rule {
            Rule::Licence { any_of } => {
                let states: Vec<(bool, Option<Date>)> = any_of
                    .iter()
                    .map(|l| ev.licence_state(l.as_str()))
                    .collect();
                if states.iter().any(|s| s.0) {
                    return Proj::at(now);
                }
                match states.iter().filter_map(|s| s.1).min() {
                    Some(d) => Proj::at(d).step(Pending {
                        action: "licence",
                        target: Cow::Borrowed(ev.rules.licence_route.licence.as_str()),
                        by: By::Fixed(d),
                        first: d,
                        within: None,
                        amount: None,
                    }),
                    None if ev.p.stage.is_in_school() && ev.p.school.is_none() => {
                        Proj::blocked("school", Cow::Borrowed(""))
                    }
                    None => Proj::blocked("licence", join(any_of)),
                }
            }
            Rule::Experience {
                area,
                months,
                within_months,
                ..
            } => {
                let need = *months as i64;
                // The area is the rule's, or for "any clinical work" the visitor's best.
                let (clock, target): (_, Cow<'a, str>) = match area {
                    Some(a) => (ev.area_clock(a.as_str()), Cow::Borrowed(a.as_str())),
                    None => {
                        let (c, a) = ev.best_clock(need);
                        (c, Cow::Owned(a.unwrap_or_default().to_string()))
                    }
                };
                if within_months.is_some_and(|w| (w as i64) < need) {
                    return Proj::blocked("area", target);
                }
                let Some(met) = clock.met_on(need, now) else {
                    return match area {
                        Some(a) => Proj::blocked("area", Cow::Borrowed(a.as_str())),
                        None => Proj::blocked("work", Cow::Borrowed("")),
                    };
                };
                let mut p = Proj::at(met.max(now));
                // A planned area is a step: start working there.
                if clock.planned {
                    let start = clock.starts.unwrap_or(now).max(now);
                    p = p.step(Pending {
                        action: if target.is_empty() {
                            "work"
                        } else {
                            "work_in_area"
                        },
                        target,
                        by: By::Before(*months),
                        first: start,
                        within: None,
                        amount: None,
                    });
                }
                p
            }
            Rule::Membership { body, months } => {
                let need = *months as i64;
                if let Some(&y) = ev.p.membership.get(body.as_str()) {
                    let have = years_to_months(y) + ev.elapsed;
                    return Proj::at(now.add_months((need - have).max(0)));
                }
                // Someone in school joins once licensed (full membership generally
                // asks for the licence; the rules do not say, so it is an assumption).
                let at_licence = ev
                    .licence_on
                    .filter(|d| ev.p.stage.is_in_school() && *d > now);
                let first = at_licence.unwrap_or(now);
                let p = Proj::at(first.add_months(need)).step(Pending {
                    action: "join",
                    target: Cow::Borrowed(body.as_str()),
                    by: By::Before(*months),
                    first,
                    within: None,
                    amount: None,
                });
                if at_licence.is_some() {
                    p.assume("join_at_licence")
                } else {
                    p
                }
            }
            Rule::Cases {
                case_kind,
                count,
                within_months,
                at_least,
            } => {
                let Some(count) = count else {
                    return Proj::blocked("cases_unknown", Cow::Borrowed(case_kind.as_str()));
                };
                let wanted = std::iter::once((case_kind.as_str(), *count))
                    .chain(at_least.iter().map(|(k, n)| (k.as_str(), *n)));
                let mut out = Proj::at(now);
                for (kind, need) in wanted {
                    out.and(self.cases(kind, need as f64, *within_months));
                }
                out
            }
            Rule::Credential {
                ids,
                need_all,
                or_passed,
            } => {
                let parts: Vec<Proj<'a>> = ids
                    .iter()
                    .map(|id| self.prerequisite(id.as_str(), *or_passed))
                    .collect();
                if *need_all {
                    all(now, parts)
                } else {
                    any(parts)
                }
            }
            Rule::Course {
                any_of,
                within_months,
                exempt_if_held,
                exempt_if_passed,
            } => {
                let done = any_of.iter().any(|c| ev.p.courses.iter().any(|d| d == c));
                let exempt = exempt_if_held.iter().any(|h| ev.held(h.as_str()))
                    || exempt_if_passed.iter().any(|e| ev.passed(e));
                if done || exempt {
                    return Proj::at(now);
                }
                Proj::at(now)
                    .step(Pending {
                        action: "course",
                        target: join(any_of),
                        by: By::Before(0),
                        first: now,
                        within: *within_months,
                        amount: None,
                    })
                    .assume("course_dates")
            }
            Rule::Units {
                body,
                count,
                within_months,
            } => {
                let have = ev.p.units.get(body.as_str()).copied().unwrap_or(0.0);
                if have >= *count {
                    return Proj::at(now);
                }
                Proj::at(now)
                    .step(Pending {
                        action: "units",
                        target: Cow::Borrowed(body.as_str()),
                        by: By::Before(0),
                        first: now,
                        within: *within_months,
                        amount: Some(count - have),
                    })
                    .assume("units_in_time")
            }
            Rule::Exam {
                any_of,
                within_months,
            } => {
                if any_of.iter().any(|e| ev.passed(e)) {
                    return Proj::at(now);
                }
                let parts: Vec<Proj<'a>> = any_of
                    .iter()
                    .map(|e| self.exam(e.as_str(), own, *within_months))
                    .collect();
                any(parts)
            }
            Rule::AnyOf(list) => {
                let parts: Vec<Proj<'a>> = list
                    .iter()
                    .filter(|c| c.in_force(at))
                    .map(|c| self.condition(c, at, own))
                    .collect();
                any(parts)
            }
            Rule::AllOf(list) => {
                let mut p = Proj::at(now);
                for c in list.iter().filter(|c| c.in_force(at)) {
                    p.and(self.condition(c, at, own));
                }
                p
            }
        }
    }

    /// A case count reached at the visitor's yearly rate; none given, no date.
    fn cases(&self, kind: &'a str, need: f64, within: Option<u32>) -> Proj<'a> {
        let ev = self.ev;
        let now = self.now();
        let have = ev.p.cases.get(kind).copied().unwrap_or(0.0);
        if have >= need {
            return Proj::at(now);
        }
        let rate = ev.p.case_rates.get(kind).copied().unwrap_or(0.0);
        if !(rate > 0.0 && rate.is_finite()) {
            return Proj::blocked("cases_rate", Cow::Borrowed(kind));
        }
        // A rate too low to gather the count inside the rule's window never gets there.
        if within.is_some_and(|w| rate * (w as f64) / 12.0 < need) {
            return Proj::blocked("cases_window", Cow::Borrowed(kind));
        }
        let months = ((need - have) / rate * 12.0).ceil().min(12.0 * 200.0) as i64;
        let mut p = Proj::at(now.add_months(months)).step(Pending {
            action: "cases",
            target: Cow::Borrowed(kind),
            by: By::Before(0),
            first: now,
            within: None,
            amount: Some(need - have),
        });
        if within.is_some() && have > 0.0 {
            p.assumption("cases_in_window");
        }
        p
    }

    /// A credential (or, with `or_passed`, its exam) needed first: chained to its
    /// own earliest date, with its steps.
    fn prerequisite(&mut self, id: &'a str, or_passed: bool) -> Proj<'a> {
        let ev = self.ev;
        let now = self.now();
        if ev.held(id) || (or_passed && ev.passed(id)) {
            return Proj::at(now);
        }
        let Some(ix) = ev.rules.credential_index(id) else {
            return Proj::blocked("credential", Cow::Borrowed(id));
        };
        let two_stage = ev.rules.credentials[ix].certify.is_some();
        let Some(e) = self.credential(ix) else {
            return Proj::blocked("cycle", Cow::Borrowed(id));
        };
        // Held from its certification, or from the month after its exam: results
        // come later and their dates are not in the rules, so a dependent exam in
        // the same month is never promised.
        let (date, from_exam) = match (
            two_stage && !or_passed,
            e.certify_on,
            e.sitting.as_deref(),
            e.on,
        ) {
            (true, Some(c), _, _) => (Some(c), false),
            (true, None, _, _) => (None, false),
            (false, _, Some(s), _) => (sitting_date(s).map(|d| d.add_months(1)), true),
            (false, _, None, on) => (on, true),
        };
        let no_sitting = e.sitting.is_none();
        let mut p = Proj {
            date,
            dated: e.steps.clone(),
            blockers: e.blocked_by.clone(),
            requires: vec![id],
            ..Default::default()
        };
        for a in e.assumptions.iter().map(|a| a.kind) {
            p.assumption(a);
        }
        for r in &e.requires {
            if !p.requires.contains(r) {
                p.requires.push(r);
            }
        }
        let Some(d) = date else {
            if p.blockers.is_empty() {
                p.blockers.push(Blocker {
                    kind: "credential",
                    target: Cow::Borrowed(id),
                    text: Default::default(),
                });
            }
            return p;
        };
        if from_exam {
            p.assumption("results");
            if no_sitting {
                p.assumption("exam_dates");
            }
        }
        p.assumption("pass_first");
        p.step(Pending {
            action: "credential",
            target: Cow::Borrowed(id),
            by: By::Before(0),
            first: d,
            within: None,
            amount: None,
        })
    }

    /// An exam to pass: the credential's own (at its projected sitting), another
    /// credential's (chained), or one outside the catalogue (dates not in the rules).
    fn exam(&mut self, id: &'a str, own: Option<(&'a str, Date)>, within: Option<u32>) -> Proj<'a> {
        let now = self.now();
        let mut p = match own {
            Some((o, d)) if o == id => Proj::at(d.max(now)),
            _ if self.ev.rules.credential_index(id).is_some() => {
                let mut p = self.prerequisite(id, true);
                // The exam is the step, not holding the credential.
                p.pending.retain(|s| s.action != "credential");
                p
            }
            _ => Proj::at(now).assume("exam_dates"),
        };
        let Some(d) = p.date else {
            return p;
        };
        p.assumption("pass_first");
        p.step(Pending {
            action: "exam",
            target: Cow::Borrowed(id),
            by: By::Before(0),
            first: d,
            within,
            amount: None,
        })
    }
}

/// Effective-date boundaries after `now`: each `from`, and the day after each `until`.
fn collect_bounds(list: &[Condition], now: Date, out: &mut Vec<Date>) {
    for c in list {
        for d in [c.from, c.until.map(Date::next_day)].into_iter().flatten() {
            if d > now {
                out.push(d);
            }
        }
        if let Rule::AnyOf(l) | Rule::AllOf(l) = &c.rule {
            collect_bounds(l, now, out);
        }
    }
}

/// Alternatives joined with `|`; one id is borrowed, not copied (this runs per condition).
fn join<'x>(ids: &'x [impl AsRef<str>]) -> Cow<'x, str> {
    match ids {
        [one] => Cow::Borrowed(one.as_ref()),
        _ => Cow::Owned(ids.iter().map(|i| i.as_ref()).collect::<Vec<_>>().join("|")),
    }
}

/// The first exam month on or after `on`, as "YYYY-MM"; None when not published.
pub(crate) fn first_sitting(months: Option<&[u8]>, on: Date) -> Option<String> {
    let first = months?
        .iter()
        .filter(|m| (1..=12).contains(*m))
        .map(|&m| on.next_month_start(m))
        .min()?;
    Some(format!("{:04}-{:02}", first.year(), first.month()))
}

/// "YYYY-MM" → the first day of that month.
pub(crate) fn sitting_date(s: &str) -> Option<Date> {
    let (y, m) = s.split_once('-')?;
    Date::new(y.parse().ok()?, m.parse().ok()?, 1)
}

/// The stage's pending steps dated by its date D, with the steps already dated;
/// each action and target once, the earliest deadline kept.
fn resolve<'a>(p: &Proj<'a>) -> Vec<PlanStep<'a>> {
    let mut out: Vec<PlanStep<'a>> = Vec::new();
    if let Some(d) = p.date {
        for s in &p.pending {
            let by = match s.by {
                By::Fixed(f) => f,
                By::Before(m) => d.add_months(-(m as i64)).max(s.first),
            };
            let window = s.within.map(|w| d.add_months(-(w as i64)));
            let from = s.first.max(window.unwrap_or(s.first)).min(by);
            add_step(
                &mut out,
                PlanStep {
                    action: s.action,
                    target: s.target.clone(),
                    by,
                    from,
                    amount: s.amount,
                    credentials: Vec::new(),
                    text: Default::default(),
                },
            );
        }
    }
    for s in &p.dated {
        add_step(&mut out, s.clone());
    }
    out.sort_by(|a, b| (a.by, a.action).cmp(&(b.by, b.action)));
    out
}

/// Adds a step, or merges it into one with the same action, target and amount
/// whose window overlaps (one attendance serves both), keeping the narrower window.
/// Different amounts stay apart: 20 units by one date and 50 by a later one are two steps.
pub(crate) fn add_step<'a>(out: &mut Vec<PlanStep<'a>>, s: PlanStep<'a>) {
    let same = out.iter_mut().find(|o| {
        o.action == s.action
            && o.target == s.target
            && o.amount == s.amount
            && o.from.max(s.from) <= o.by.min(s.by)
    });
    match same {
        Some(o) => {
            o.from = o.from.max(s.from);
            o.by = o.by.min(s.by);
            for c in s.credentials {
                if !o.credentials.contains(&c) {
                    o.credentials.push(c);
                }
            }
        }
        None => out.push(s),
    }
}

fn to_earliest<'a>(p: Proj<'a>, on: Option<Date>, sitting: Option<String>) -> Earliest<'a> {
    let steps = resolve(&p);
    Earliest {
        on,
        fiscal_year: on.map(Date::fiscal_year),
        sitting,
        certify_on: None,
        steps,
        blocked_by: p.blockers,
        assumptions: p
            .assumptions
            .into_iter()
            .map(|kind| Assumption {
                kind,
                text: Default::default(),
            })
            .collect(),
        requires: p.requires,
    }
}
