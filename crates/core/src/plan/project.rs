//! Projection: for each credential not held, the earliest date its current stage
//! can be met if every missing step is taken at its first chance, the steps with
//! the date each must be done by, and what no plan can date.
//!
//! It reads the rule model, not the evaluated criteria, so a rule with effective
//! dates is taken as in force on the projected date, not on today's. Texts are
//! left empty here and written by `explain`, as for the rest of the roadmap.

use std::borrow::Cow;

use crate::date::{Date, Month};
use crate::evaluate::Eval;
use crate::roadmap::{
    Action, Assumption, AssumptionKind as Assume, Blocker, BlockerKind, Earliest, Obtain, PlanStep,
};
use crate::rules::model::{Condition, Rule};

use super::graduate;

/// When a step must be done, relative to the date D of the stage it serves.
#[derive(Clone, Copy, Debug)]
pub(crate) enum By {
    /// On a date of its own (the licence).
    Fixed(Date),
    /// `n` months before D (a membership that must have run n months by then; 0: by D).
    Before(u32),
}

/// A step whose dates are known once the stage date is.
#[derive(Clone, Debug)]
pub(crate) struct Pending<'a> {
    pub(crate) action: Action,
    pub(crate) target: Cow<'a, str>,
    pub(crate) by: By,
    /// The first chance to take it.
    pub(crate) first: Date,
    /// The rule counts it only within this many months before D.
    pub(crate) within: Option<u32>,
    pub(crate) amount: Option<f64>,
    /// units: the total the rule asks (what `amount` is short of).
    pub(crate) total: Option<f64>,
    /// Its timing rests on published dates or the visitor's own clock; false for a
    /// course, meeting, units or exam whose dates the rules do not have.
    pub(crate) scheduled: bool,
}

/// A set of assumptions: one bit each, so joining parts costs nothing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Assumes(u16);

impl Assumes {
    pub(crate) fn add(&mut self, a: Assume) {
        self.0 |= 1 << a as u16;
    }
    /// A dated sitting without a published deadline assumes applications are still open.
    fn of_sitting(s: Option<Sitting>) -> Assumes {
        let mut a = Assumes::default();
        if s.is_some_and(|s| s.apply_by.is_none()) {
            a.add(Assume::ApplicationDates);
        }
        a
    }
    fn list(self) -> Vec<Assumption> {
        self.iter()
            .map(|kind| Assumption {
                kind,
                text: Default::default(),
            })
            .collect()
    }
    fn iter(self) -> impl Iterator<Item = Assume> {
        Assume::ALL
            .into_iter()
            .filter(move |a| self.0 & (1 << *a as u16) != 0)
    }
}

/// One condition (or a stage) projected: the earliest date it is met (None when
/// it cannot be dated) and what that date assumes. What it takes (steps,
/// blockers, prerequisites) sits on the projector's stacks above the mark taken
/// before it was projected, so joining parts moves nothing and allocates nothing.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Proj {
    pub(crate) date: Option<Date>,
    pub(crate) assumes: Assumes,
}

impl Proj {
    pub(crate) fn at(date: Date) -> Self {
        Proj {
            date: Some(date),
            assumes: Assumes::default(),
        }
    }
    pub(crate) fn assume(mut self, a: Assume) -> Self {
        self.assumes.add(a);
        self
    }
    /// Both must be met: the later date, both sets of assumptions. (The items
    /// of both are already on the stacks, one above the other.)
    pub(crate) fn and(&mut self, o: Proj) {
        self.date = match (self.date, o.date) {
            (Some(a), Some(b)) => Some(a.max(b)),
            _ => None,
        };
        self.assumes.0 |= o.assumes.0;
    }
}

/// What the parts being projected take, one stack per kind of item.
#[derive(Default)]
pub(crate) struct Stacks<'a> {
    pending: Vec<Pending<'a>>,
    /// Steps already dated (a prerequisite credential's own plan).
    dated: Vec<PlanStep<'a>>,
    blockers: Vec<Blocker<'a>>,
    requires: Vec<&'a str>,
}

/// The height of each stack: where the next part's items begin.
#[derive(Clone, Copy)]
pub(crate) struct Mark {
    pending: usize,
    dated: usize,
    blockers: usize,
    requires: usize,
}

impl<'a> Stacks<'a> {
    pub(crate) fn mark(&self) -> Mark {
        Mark {
            pending: self.pending.len(),
            dated: self.dated.len(),
            blockers: self.blockers.len(),
            requires: self.requires.len(),
        }
    }
    fn truncate(&mut self, m: Mark) {
        self.pending.truncate(m.pending);
        self.dated.truncate(m.dated);
        self.blockers.truncate(m.blockers);
        self.requires.truncate(m.requires);
    }
    /// Drops the items between two marks; those above move down.
    fn cut(&mut self, from: Mark, to: Mark) {
        self.pending.drain(from.pending..to.pending);
        self.dated.drain(from.dated..to.dated);
        self.blockers.drain(from.blockers..to.blockers);
        self.requires.drain(from.requires..to.requires);
    }
    /// How many steps lie above a mark.
    fn steps_above(&self, m: Mark) -> usize {
        self.pending.len() - m.pending + self.dated.len() - m.dated
    }
}

/// One alternative of several: the earliest that can be dated (fewer steps on a
/// tie, then the first); when none can, every alternative's blockers. Folded as
/// each alternative is projected, keeping only the best one's items.
pub(crate) struct Any {
    start: Mark,
    best: Option<(Date, usize, Assumes)>,
}

impl Any {
    pub(crate) fn new(st: &Stacks) -> Self {
        Any {
            start: st.mark(),
            best: None,
        }
    }
    /// `p` was projected with its items above `from`.
    pub(crate) fn add(&mut self, st: &mut Stacks, from: Mark, p: Proj) {
        let Some(d) = p.date else {
            // Its blockers count only while no alternative can be dated.
            let keep = if self.best.is_none() {
                st.blockers.len()
            } else {
                from.blockers
            };
            st.truncate(Mark {
                blockers: keep,
                ..from
            });
            return;
        };
        let n = st.steps_above(from);
        if self.best.is_none_or(|(bd, bn, _)| (d, n) < (bd, bn)) {
            st.cut(self.start, from);
            self.best = Some((d, n, p.assumes));
        } else {
            st.truncate(from);
        }
    }
    pub(crate) fn done(self) -> Proj {
        match self.best {
            Some((d, _, assumes)) => Proj {
                date: Some(d),
                assumes,
            },
            None => Proj::default(),
        }
    }
}

/// Per credential while projecting: not started, under way (a cycle if met
/// again), or done.
#[derive(Clone)]
pub(crate) enum Memo<'a> {
    Todo,
    Doing,
    /// With its assumptions as a set, for the credentials that chain to it.
    Done(Earliest<'a>, Assumes),
}

/// In a credential's certification stage, its id, the date its own exam is taken
/// as passed (an `exam` condition on that id is met then) and whether that date is
/// a published sitting; `None` in other stages.
pub(crate) type Own<'a> = Option<(&'a str, Date, bool)>;

/// What the projection of a whole catalogue carries along.
pub(crate) struct Projector<'e, 'a, 'p> {
    pub(crate) ev: &'e Eval<'a, 'p>,
    memo: Vec<Memo<'a>>,
    pub(crate) st: Stacks<'a>,
    /// While a stage is projected: the date its conditions counted at the course
    /// application are met, so its courses come after it.
    pub(crate) course_from: Option<Date>,
}

impl<'e, 'a, 'p> Projector<'e, 'a, 'p> {
    pub(crate) fn new(ev: &'e Eval<'a, 'p>) -> Self {
        Projector {
            ev,
            memo: vec![Memo::Todo; ev.rules.credentials.len()],
            st: Stacks::default(),
            course_from: None,
        }
    }

    /// The earliest of every credential, in catalogue order (None for held
    /// ones). `eligible` says which the evaluation found open today: with one
    /// stage, theirs is today, with nothing to do, and is not projected again.
    pub(crate) fn all(mut self, eligible: impl Fn(usize) -> bool) -> Vec<Option<Earliest<'a>>> {
        let now = self.now();
        for (i, c) in self.ev.rules.credentials.iter().enumerate() {
            if c.certify.is_none() && eligible(i) {
                let sitting = first_sitting(c, now);
                let assumes = Assumes::of_sitting(sitting);
                let e = Earliest {
                    on: Some(now),
                    fiscal_year: Some(now.fiscal_year()),
                    sitting: sitting.map(|s| s.month),
                    apply_by: sitting.and_then(|s| s.apply_by),
                    certify_on: None,
                    obtain: Obtain::of(None, Some(now), sitting.map(|s| s.month)),
                    lower_bound: lower_bound(&[], assumes),
                    steps: Vec::new(),
                    blocked_by: Vec::new(),
                    assumptions: assumes.list(),
                    requires: Vec::new(),
                };
                self.memo[i] = Memo::Done(e, assumes);
            }
        }
        for i in 0..self.ev.rules.credentials.len() {
            if !self.ev.held(self.ev.rules.credentials[i].id.as_str()) {
                self.credential(i);
            }
        }
        self.memo
            .into_iter()
            .map(|m| match m {
                Memo::Done(e, _) => Some(e),
                _ => None,
            })
            .collect()
    }

    pub(crate) fn now(&self) -> Date {
        self.ev.as_of
    }

    pub(crate) fn blocked(&mut self, kind: BlockerKind, target: Cow<'a, str>) -> Proj {
        self.st.blockers.push(Blocker {
            kind,
            target,
            text: Default::default(),
        });
        Proj::default()
    }

    pub(crate) fn step(&mut self, p: Proj, s: Pending<'a>) -> Proj {
        self.st.pending.push(s);
        p
    }

    /// Computes a credential's earliest once into the memo. False while it is
    /// being computed: a prerequisite cycle (validation refuses cycles, but
    /// hosts' files vary), which the caller blocks rather than follows.
    fn credential(&mut self, i: usize) -> bool {
        if let Memo::Todo = self.memo[i] {
            self.memo[i] = Memo::Doing;
            let (e, a) = self.compute(i);
            self.memo[i] = Memo::Done(e, a);
        }
        matches!(self.memo[i], Memo::Done(..))
    }

    fn compute(&mut self, i: usize) -> (Earliest<'a>, Assumes) {
        let ev = self.ev;
        let c = &ev.rules.credentials[i];
        let id = c.id.as_str();
        let m = self.st.mark();
        let mut steps = Vec::new();
        let (on, sitting, certify_on, mut assumes) = match &c.certify {
            // Exam passed: the certification stage is the one to meet.
            Some(cert) if ev.passed(id) => {
                let st = self.stage(cert, Some((id, self.now(), true)));
                self.take_steps(m, st.date, &mut steps);
                (st.date, None, None, st.assumes)
            }
            Some(cert) => {
                let st = self.stage(&c.conditions, None);
                let on = st.date;
                let sitting = on.and_then(|d| first_sitting(c, d));
                // The exam stage's steps are dated by its date...
                self.take_steps(m, on, &mut steps);
                let mut assumes = st.assumes;
                let mut certify_on = None;
                if let Some(on) = on {
                    // Passed at the first sitting; where its month is not published,
                    // as soon as the exam stage is met.
                    let passed = sitting.map_or(on, |s| s.month.first_day());
                    let cst = self.stage(cert, Some((id, passed, sitting.is_some())));
                    if sitting.is_none() {
                        assumes.add(Assume::ExamDates);
                    }
                    assumes.add(Assume::PassFirst);
                    assumes.0 |= cst.assumes.0;
                    certify_on = cst.date;
                    // ...and the certification's by its own, marked as its.
                    let exam_steps = steps.len();
                    self.take_steps(m, cst.date, &mut steps);
                    for s in &mut steps[exam_steps..] {
                        s.for_certification = true;
                    }
                }
                (on, sitting, certify_on, assumes)
            }
            None => {
                let st = self.stage(&c.conditions, None);
                self.take_steps(m, st.date, &mut steps);
                let sitting = st.date.and_then(|d| first_sitting(c, d));
                (st.date, sitting, None, st.assumes)
            }
        };
        // Stable: steps due the same day keep the rule's order.
        steps.sort_by_key(|s| (s.by, s.action));
        let blocked_by = self.st.blockers.drain(m.blockers..).collect();
        let mut requires: Vec<&'a str> = Vec::new();
        for r in self.st.requires.drain(m.requires..) {
            if !requires.contains(&r) {
                requires.push(r);
            }
        }
        self.st.truncate(m);
        assumes.0 |= Assumes::of_sitting(sitting).0;
        let two_stage = c.certify.is_some() && !ev.passed(id);
        let e = Earliest {
            on,
            fiscal_year: on.map(Date::fiscal_year),
            sitting: sitting.map(|s| s.month),
            apply_by: sitting.and_then(|s| s.apply_by),
            certify_on,
            // Exam passed: this stage is the certification, and `on` its date.
            obtain: Obtain::of(
                c.certify
                    .as_ref()
                    .map(|_| if two_stage { certify_on } else { on }),
                on,
                sitting.map(|s| s.month),
            ),
            lower_bound: on.is_some() && lower_bound(&steps, assumes),
            steps,
            blocked_by,
            assumptions: assumes.list(),
            requires,
        };
        (e, assumes)
    }

    /// Takes the steps above `m` off the stacks into `out`: the pending ones
    /// dated by the stage date D (none when it has no date), the dated ones as
    /// they are; each action and target once, the earliest deadline kept.
    fn take_steps(&mut self, m: Mark, date: Option<Date>, out: &mut Vec<PlanStep<'a>>) {
        if date.is_some() {
            out.reserve(self.st.steps_above(m));
        }
        for s in self.st.pending.drain(m.pending..) {
            let Some(d) = date else { continue };
            let by = match s.by {
                By::Fixed(f) => f,
                By::Before(n) => d.add_months(-(n as i64)).max(s.first),
            };
            let window = s.within.map(|w| d.add_months(-(w as i64)));
            let from = s.first.max(window.unwrap_or(s.first)).min(by);
            add_step(
                out,
                PlanStep {
                    action: s.action,
                    target: s.target,
                    by,
                    from,
                    amount: s.amount,
                    need: s.total,
                    within_years: s.within.map(|m| crate::evaluate::years(m as i64)),
                    credentials: Vec::new(),
                    for_certification: false,
                    choice: false,
                    scheduled: s.scheduled,
                    text: Default::default(),
                },
            );
        }
        for s in self.st.dated.drain(m.dated..) {
            add_step(out, s);
        }
    }

    /// The earliest date a stage's conditions are all met, taking each condition
    /// as in force on the date it would be met: the dates between effective-date
    /// boundaries are tried in order, and the first that falls inside its own
    /// interval wins.
    fn stage(&mut self, list: &'a [Condition], own: Own<'a>) -> Proj {
        let now = self.now();
        let mut bounds: Vec<Date> = Vec::new();
        collect_bounds(list, now, &mut bounds);
        bounds.sort();
        bounds.dedup();
        let m = self.st.mark();
        let mut last = Proj::default();
        for (i, &start) in std::iter::once(&now).chain(&bounds).enumerate() {
            self.st.truncate(m);
            let end = bounds.get(i).copied();
            let mut p = Proj::at(start);
            // What the course application counts comes first: the stage's courses
            // are taken once it is met (a prerequisite projected meanwhile keeps its own).
            let outer = self.course_from.take();
            let mut course_from: Option<Date> = None;
            for c in list
                .iter()
                .filter(|c| c.in_force(start) && c.rule.before_course())
            {
                let q = self.condition(c, start, own);
                course_from = course_from.max(q.date);
                p.and(q);
            }
            for c in list
                .iter()
                .filter(|c| c.in_force(start) && !c.rule.before_course())
            {
                self.course_from = course_from;
                let q = self.condition(c, start, own);
                p.and(q);
            }
            self.course_from = outer;
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

    pub(crate) fn condition(&mut self, c: &'a Condition, at: Date, own: Own<'a>) -> Proj {
        crate::kinds::project(self, c, at, own)
    }

    /// A case count reached at the visitor's yearly rate; none given, no date.
    pub(crate) fn cases(&mut self, kind: &'a str, need: f64, within: Option<u32>) -> Proj {
        let ev = self.ev;
        let now = self.now();
        let have = ev.p.cases.get(kind).copied().unwrap_or(0.0);
        if have >= need {
            return Proj::at(now);
        }
        let rate = ev.p.case_rates.get(kind).copied().unwrap_or(0.0);
        if !(rate > 0.0 && rate.is_finite()) {
            // Before work there is no yearly number to ask for: say so, not "give a rate".
            let why = if ev.p.stage.is_in_school() {
                BlockerKind::CasesOnceWorking
            } else {
                BlockerKind::CasesRate
            };
            return self.blocked(why, Cow::Borrowed(kind));
        }
        // A rate too low to gather the count inside the rule's window never gets there.
        if within.is_some_and(|w| rate * (w as f64) / 12.0 < need) {
            return self.blocked(BlockerKind::CasesWindow, Cow::Borrowed(kind));
        }
        let months = ((need - have) / rate * 12.0).ceil().min(12.0 * 200.0) as i64;
        // Full-time graduate study gathers no cases.
        let met = graduate::accrue(now, months, ev.pause);
        let mut p = Proj::at(met);
        if met != now.add_months(months) {
            p.assumes.add(Assume::FullTimeStudy);
        }
        if within.is_some() && have > 0.0 {
            p.assumes.add(Assume::CasesInWindow);
        }
        self.step(
            p,
            Pending {
                action: Action::Cases,
                target: Cow::Borrowed(kind),
                by: By::Before(0),
                first: now,
                within: None,
                amount: Some(need - have),
                total: None,
                scheduled: true,
            },
        )
    }

    /// A credential (or, with `or_passed`, its exam) needed first: chained to its
    /// own earliest date, with its steps.
    pub(crate) fn prerequisite(&mut self, id: &'a str, or_passed: bool) -> Proj {
        let ev = self.ev;
        let now = self.now();
        if ev.held(id) || (or_passed && ev.passed(id)) {
            return Proj::at(now);
        }
        let Some(ix) = ev.rules.credential_index(id) else {
            return self.blocked(BlockerKind::Credential, Cow::Borrowed(id));
        };
        let two_stage = ev.rules.credentials[ix].certify.is_some();
        if !self.credential(ix) {
            return self.blocked(BlockerKind::Cycle, Cow::Borrowed(id));
        }
        let Memo::Done(e, assumes) = &self.memo[ix] else {
            return self.blocked(BlockerKind::Cycle, Cow::Borrowed(id));
        };
        // Held from its certification, or from the month after its exam: results
        // come later and their dates are not in the rules, so a dependent exam in
        // the same month is never promised.
        let (date, from_exam) = match (two_stage && !or_passed, e.certify_on, e.sitting, e.on) {
            (true, Some(c), _, _) => (Some(c), false),
            (true, None, _, _) => (None, false),
            (false, _, Some(s), _) => (Some(s.first_day().add_months(1)), true),
            (false, _, None, on) => (on, true),
        };
        let no_sitting = e.sitting.is_none();
        // Its date rests on published sittings only when it has a sitting (one
        // stage) or a certification none of whose steps waits on unpublished dates.
        let scheduled = if two_stage && !or_passed {
            e.certify_on.is_some() && !e.lower_bound
        } else {
            !no_sitting
        };
        let mut p = Proj {
            date,
            assumes: *assumes,
        };
        self.st.dated.extend(e.steps.iter().cloned());
        self.st.blockers.extend(e.blocked_by.iter().cloned());
        self.st.requires.push(id);
        self.st.requires.extend(e.requires.iter().copied());
        let Some(d) = date else {
            if e.blocked_by.is_empty() {
                return self.blocked(BlockerKind::Credential, Cow::Borrowed(id));
            }
            return p;
        };
        if from_exam {
            p.assumes.add(Assume::Results);
            if no_sitting {
                p.assumes.add(Assume::ExamDates);
            }
        }
        p.assumes.add(Assume::PassFirst);
        self.step(
            p,
            Pending {
                action: Action::Credential,
                target: Cow::Borrowed(id),
                by: By::Before(0),
                first: d,
                within: None,
                amount: None,
                total: None,
                scheduled,
            },
        )
    }

    /// An exam to pass: the credential's own (at its projected sitting), another
    /// credential's (chained), or one outside the catalogue (dates not in the rules).
    pub(crate) fn exam(&mut self, id: &'a str, own: Own<'a>, within: Option<u32>) -> Proj {
        let now = self.now();
        let mut scheduled = false;
        let mut p = match own {
            Some((o, d, known)) if o == id => {
                scheduled = known;
                Proj::at(d.max(now))
            }
            _ if self.ev.rules.credential_index(id).is_some() => {
                let from = self.st.pending.len();
                let p = self.prerequisite(id, true);
                scheduled = self.ev.rules.credential_index(id).is_some_and(
                    |i| matches!(&self.memo[i], Memo::Done(e, _) if e.sitting.is_some()),
                );
                // The exam is the step, not holding the credential.
                let mut k = from;
                while k < self.st.pending.len() {
                    if self.st.pending[k].action == Action::Credential {
                        self.st.pending.remove(k);
                    } else {
                        k += 1;
                    }
                }
                p
            }
            _ => Proj::at(now).assume(Assume::ExamDates),
        };
        let Some(d) = p.date else {
            return p;
        };
        p.assumes.add(Assume::PassFirst);
        self.step(
            p,
            Pending {
                action: Action::Exam,
                target: Cow::Borrowed(id),
                by: By::Before(0),
                first: d,
                within,
                amount: None,
                total: None,
                scheduled,
            },
        )
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
pub(crate) fn join<'x>(ids: &'x [impl AsRef<str>]) -> Cow<'x, str> {
    match ids {
        [one] => Cow::Borrowed(one.as_ref()),
        _ => Cow::Owned(ids.iter().map(|i| i.as_ref()).collect::<Vec<_>>().join("|")),
    }
}

/// The first exam month on or after `on`; None when not published.
/// A sitting someone ready on a date can take: its month, and the last day to
/// apply where the rules publish it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Sitting {
    pub month: Month,
    pub apply_by: Option<Date>,
}

/// The first sitting open to someone who meets the conditions on `on`. Eligibility
/// is counted at application, so where a window is published the sitting is the
/// first whose applications close on or after `on`; elsewhere the first exam month
/// on or after it (and the plan says it assumes applications are still open).
pub(crate) fn first_sitting(c: &crate::rules::model::Credential, on: Date) -> Option<Sitting> {
    c.exam_months
        .as_deref()?
        .iter()
        .filter(|m| (1..=12).contains(*m))
        .filter_map(|&m| {
            let mut month = Month::of(on.next_month_start(m));
            let Some(w) = c.applications.iter().find(|a| a.exam_month == m) else {
                return Some(Sitting {
                    month,
                    apply_by: None,
                });
            };
            // A deadline already past moves the sitting a year on (twice at most:
            // the deadline is within the year before its exam).
            for _ in 0..2 {
                let by = w.closes.before(month)?;
                if by >= on {
                    return Some(Sitting {
                        month,
                        apply_by: Some(by),
                    });
                }
                month = Month::of(month.first_day().add_months(12));
            }
            None
        })
        .min_by_key(|s| s.month)
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

/// A date is a lower bound when it rests on something without published dates:
/// a step the rules cannot schedule, an exam month or an application deadline
/// not published.
pub(crate) fn lower_bound(steps: &[PlanStep], assumes: Assumes) -> bool {
    steps.iter().any(|s| !s.scheduled)
        || [
            Assume::ExamDates,
            Assume::ApplicationDates,
            Assume::CourseDates,
        ]
        .iter()
        .any(|a| assumes.0 & (1 << *a as u16) != 0)
}
