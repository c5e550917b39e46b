//! Profile + rules → roadmap. Every criterion of every credential is evaluated
//! (no short-circuit), each with the date its clock meets it where one runs.

use std::borrow::Cow;

use crate::date::{Date, Month};
use crate::explain;
use crate::profile::{Profile, ProfileErrors, School, Stage};
use crate::roadmap::*;
use crate::rules::model::{Condition, Credential, FastMap, RuleSet};
use crate::timeline;

/// Which date to evaluate for. `as_of` overrides the profile's date; the
/// profile's answers are then projected forward ("assumed ongoing").
#[derive(Clone, Copy, Debug)]
pub struct When {
    pub as_of: Option<Date>,
    /// Used when neither `as_of` nor the profile gives a date.
    pub today: Date,
}

/// The full roadmap, with every criterion and step in words.
pub fn evaluate<'a>(
    rules: &'a RuleSet,
    profile: &Profile,
    when: When,
) -> Result<Roadmap<'a>, ProfileErrors> {
    let mut roadmap = evaluate_structured(rules, profile, when)?;
    explain::fill(rules, &mut roadmap);
    Ok(roadmap)
}

/// The roadmap without its texts (`text` fields empty): the evaluation proper.
pub fn evaluate_structured<'a>(
    rules: &'a RuleSet,
    profile: &Profile,
    when: When,
) -> Result<Roadmap<'a>, ProfileErrors> {
    let ev = Eval::new(rules, profile, when)?;
    let as_of = ev.as_of;
    let p0 = ev.p0;
    let (results, next_steps) = ev.results();
    let routes = ev.routes(&results);
    let timeline = timeline::by_fiscal_year(&results, as_of);
    let targets: Vec<&str> = profile.targets.iter().map(|t| t.as_str()).collect();
    let focus: Vec<bool> = results.iter().map(|r| profile.in_focus(r.areas)).collect();
    let plan = crate::plan::by_year(
        &results,
        if targets.is_empty() {
            crate::plan::Include::Focus(&focus)
        } else {
            crate::plan::Include::Only(&targets)
        },
        crate::plan::graduate::milestones(profile, rules, as_of),
    );
    Ok(Roadmap {
        rules: RulesInfo {
            version: &rules.version,
            sha256: &rules.sha256,
        },
        as_of,
        profile_as_of: p0,
        stage: profile.stage.as_str(),
        licence: ev.licence_info(),
        credentials: results,
        next_steps,
        timeline,
        plan,
        routes,
        disclaimer: &rules.disclaimer,
    })
}

/// The evaluation's context: the rules, the answers and the dates. Shared with
/// `plan::project`, which dates what evaluation only judges.
pub(crate) struct Eval<'a, 'p> {
    pub(crate) rules: &'a RuleSet,
    pub(crate) p: &'p Profile,
    pub(crate) as_of: Date,
    /// The date the profile describes.
    pub(crate) p0: Date,
    /// Whole months from p0 to as_of, added to every running clock.
    pub(crate) elapsed: i64,
    /// For students with a school: when the licence arrives.
    pub(crate) licence_on: Option<Date>,
    /// Full-time graduate study: no work is counted in these days.
    pub(crate) pause: Option<(Date, Date)>,
}

/// Time in an area: months so far, whether the clock runs, and, for a clock
/// that starts in the future (a student's licence), when it starts.
#[derive(Clone, Copy)]
pub(crate) struct Clock {
    pub(crate) months: i64,
    pub(crate) running: bool,
    pub(crate) starts: Option<Date>,
    /// The clock is an area the visitor plans to work in, not one answered.
    pub(crate) planned: bool,
    /// Full-time graduate study, in which the clock stops.
    pub(crate) pause: Option<(Date, Date)>,
}

impl Clock {
    pub(crate) fn met_on(self, need: i64, as_of: Date) -> Option<Date> {
        if !self.running {
            return None;
        }
        let (begin, left) = match self.starts {
            Some(start) => (start, need),
            None => (as_of, need - self.months),
        };
        Some(crate::plan::graduate::accrue(begin, left, self.pause))
    }
}

pub(crate) fn years(months: i64) -> f64 {
    months as f64 / 12.0
}

/// Years as answered (halves allowed) → whole months.
pub(crate) fn months_of_years(y: f64) -> i64 {
    (y * 12.0).round() as i64
}

/// Every credential judged on the day and the next steps ranked: statuses and
/// criteria, without the dates to come (`earliest` is `None`), the timeline or the
/// plan. The first half of `evaluate_structured`; `ce-roadmap bench` times it apart,
/// as issue 12 budgets evaluation with and without the plan.
pub fn judge<'a>(
    rules: &'a RuleSet,
    profile: &Profile,
    when: When,
) -> Result<(Vec<CredentialResult<'a>>, Vec<Step<'a>>), ProfileErrors> {
    Ok(Eval::new(rules, profile, when)?.judged())
}

impl<'a, 'p> Eval<'a, 'p> {
    /// The profile checked and the dates set: `as_of` overrides the profile's date.
    fn new(rules: &'a RuleSet, profile: &'p Profile, when: When) -> Result<Self, ProfileErrors> {
        profile.check(rules)?;
        let p0 = profile.as_of.or(when.as_of).unwrap_or(when.today);
        let as_of = when.as_of.unwrap_or(p0);
        if as_of < p0 {
            return Err(ProfileErrors(vec![
                crate::profile::ProfileError::AsOfBeforeProfile { as_of, profile: p0 },
            ]));
        }
        Ok(Eval {
            rules,
            p: profile,
            as_of,
            p0,
            elapsed: p0.months_until(as_of).max(0),
            licence_on: profile.expected_licence_date(rules),
            pause: crate::plan::graduate::pause(profile, rules),
        })
    }

    /// Every credential judged, and the steps ranked.
    fn judged(&self) -> (Vec<CredentialResult<'a>>, Vec<Step<'a>>) {
        let rules = self.rules;
        let mut results: Vec<CredentialResult<'a>> = Vec::with_capacity(rules.credentials.len());
        let mut steps: Vec<Vec<(Action, Cow<'a, str>)>> =
            Vec::with_capacity(rules.credentials.len());
        for c in &rules.credentials {
            let (result, own_steps) = self.credential(c);
            results.push(result);
            steps.push(own_steps);
        }
        let next_steps = rank_steps(&mut results, &steps);
        (results, next_steps)
    }

    /// Every credential judged and projected, and the steps ranked.
    fn results(&self) -> (Vec<CredentialResult<'a>>, Vec<Step<'a>>) {
        let (mut results, next_steps) = self.judged();
        let projector = crate::plan::project::Projector::new(self);
        let eligible: Vec<bool> = results
            .iter()
            .map(|r| r.status == Status::Eligible)
            .collect();
        for (r, e) in results.iter_mut().zip(projector.all(|i| eligible[i])) {
            r.earliest = e;
        }
        (results, next_steps)
    }

    /// Someone choosing a school: each route the rules allow, from the same start
    /// year, evaluated as if chosen (the chosen one is `results` already).
    fn routes(&self, results: &[CredentialResult<'a>]) -> Vec<Route<'a>> {
        let Some(school) = self.p.school.filter(|_| self.p.stage == Stage::Prospective) else {
            return Vec::new();
        };
        let rules = self.rules;
        // Every row counts from the same April after high school: a course that
        // follows study elsewhere (the 1- and 2-year ones) starts after that study.
        let base = school
            .start_year
            .saturating_sub(i32::from(rules.prior_years(school.years)));
        let route = |ev: &Eval<'a, '_>, results: &[CredentialResult<'a>], course: School| {
            let l = ev.licence_info();
            let (first, undated) =
                crate::plan::routes::first_per_area(ev.rules, &ev.p.plan_areas, results);
            Route {
                school_years: course.years,
                start_year: course.start_year,
                prior_study: rules.prior_study(course.years).map(|p| PriorStudy {
                    years: p.years,
                    technical_college_years: p.technical_college_years,
                    source: rules.source(p.source.as_str()).map(SourceRef::from),
                }),
                chosen: course.years == school.years,
                exam: l.exam,
                licence_on: l.on,
                licence_fiscal_year: l.fiscal_year,
                first,
                undated,
            }
        };
        let mut out = Vec::with_capacity(rules.licence_route.school_years.len());
        for &years in &rules.licence_route.school_years {
            if years == school.years {
                out.push(route(self, results, school));
                continue;
            }
            let mut p = self.p.clone();
            let course = School {
                years,
                start_year: base.saturating_add(i32::from(rules.prior_years(years))),
            };
            p.school = Some(course);
            p.graduate = p
                .graduate
                .map(|g| g.after_course(school.end_year(), course.end_year()));
            let ev = Eval {
                rules: self.rules,
                p: &p,
                as_of: self.as_of,
                p0: self.p0,
                elapsed: self.elapsed,
                licence_on: p.expected_licence_date(self.rules),
                pause: crate::plan::graduate::pause(&p, self.rules),
            };
            let (other, _) = ev.results();
            out.push(route(&ev, &other, course));
        }
        out
    }

    fn source(&self, c: &'a Condition) -> Option<SourceRef<'a>> {
        // Resolved at load: no lookup by id for each criterion.
        self.rules.sources.get(c.source_ix?).map(SourceRef::from)
    }

    fn licence_info(&self) -> LicenceInfo<'a> {
        let id = self.rules.licence_route.licence.as_str();
        // Held outright (listed, or implied by a licensed profile), not via a school date.
        let held = matches!(self.licence_state(id), (true, None));
        let (status, on) = match (held, self.licence_on) {
            (true, _) => (LicenceStatus::Held, None),
            (false, Some(d)) if d <= self.as_of => (LicenceStatus::Held, Some(d)),
            (false, Some(d)) => (LicenceStatus::Expected, Some(d)),
            (false, None) => (LicenceStatus::None, None),
        };
        let exam = on
            .filter(|_| status == LicenceStatus::Expected)
            .and_then(|d| {
                let m = self.rules.licence_route.exam_month;
                let y = if m >= d.month() {
                    d.year() - 1
                } else {
                    d.year()
                };
                Date::new(y, m, 1).map(Month::of)
            });
        LicenceInfo {
            id,
            status,
            on,
            exam,
            fiscal_year: on.map(Date::fiscal_year),
        }
    }

    /// Whether a licence is held on as_of, and since or from when. A `licensed`
    /// profile that lists no licences holds the route's licence (臨床工学技士).
    pub(crate) fn licence_state(&self, id: &str) -> (bool, Option<Date>) {
        if self.p.licences.iter().any(|l| l.as_str() == id) {
            return (true, None);
        }
        if self.p.stage == Stage::Licensed
            && self.p.licences.is_empty()
            && id == self.rules.licence_route.licence.as_str()
        {
            return (true, None);
        }
        if id == self.rules.licence_route.licence.as_str() {
            if let Some(on) = self.licence_on {
                return (on <= self.as_of, Some(on));
            }
        }
        (false, None)
    }

    /// The clock of an area: the years answered (assumed ongoing), or for a
    /// planned area the time since work starts there, whichever is further along.
    pub(crate) fn area_clock(&self, area: &str) -> Clock {
        let base = self.p.experience.get(area).copied().unwrap_or(0.0);
        let base_months = months_of_years(base);
        let answered = (base_months > 0).then_some(Clock {
            months: base_months + self.elapsed,
            running: true,
            starts: None,
            planned: false,
            pause: self.pause,
        });
        let planned = if self.p.plan_areas.iter().any(|a| a.as_str() == area) {
            let start = if self.p.stage.is_in_school() {
                self.licence_on
            } else {
                Some(self.p0)
            };
            start.map(|start| Clock {
                months: start.months_until(self.as_of).max(0),
                running: true,
                starts: (start > self.as_of).then_some(start),
                planned: true,
                pause: self.pause,
            })
        } else {
            None
        };
        match (answered, planned) {
            (Some(a), Some(p)) if p.months > a.months => p,
            (Some(a), _) => a,
            (None, Some(p)) => p,
            (None, None) => Clock {
                months: 0,
                running: false,
                starts: None,
                planned: false,
                pause: None,
            },
        }
    }

    pub(crate) fn held(&self, id: &str) -> bool {
        self.p.held.iter().any(|h| h.as_str() == id)
    }

    pub(crate) fn passed(&self, id: &str) -> bool {
        self.p.passed_exams.iter().any(|e| e == id)
    }

    fn credential(&self, c: &'a Credential) -> (CredentialResult<'a>, Vec<(Action, Cow<'a, str>)>) {
        let passed_own = c.certify.is_some() && self.passed(c.id.as_str());
        let (stage, list) = match (&c.certify, passed_own) {
            (Some(cert), true) => (CredentialStage::Certify, cert),
            _ => (CredentialStage::Exam, &c.conditions),
        };
        let criteria = self.criteria(list);
        let certify_criteria = match (&c.certify, passed_own) {
            (Some(cert), false) => Some(self.criteria(cert)),
            _ => None,
        };
        let held = self.held(c.id.as_str());
        let status = if held {
            Status::Held
        } else if criteria.iter().all(|k| k.met) {
            Status::Eligible
        } else if criteria.iter().all(|k| k.met || k.waiting) {
            Status::Waiting
        } else {
            Status::Action
        };
        let ready_on = ready_on(&criteria, self.as_of);
        let sitting = match status {
            Status::Eligible | Status::Waiting => {
                ready_on.and_then(|d| crate::plan::project::first_sitting(c, d.max(self.as_of)))
            }
            _ => None,
        };
        let mut own_steps = Vec::with_capacity(if held {
            0
        } else {
            criteria.iter().filter(|k| !k.met && !k.waiting).count()
        });
        if !held {
            for k in &criteria {
                crate::kinds::steps(k, &mut own_steps);
            }
        }
        let body = c.body_ix.and_then(|i| self.rules.bodies.get(i));
        let result = CredentialResult {
            id: c.id.as_str(),
            name: &c.name,
            body: BodyRef {
                id: c.body.as_str(),
                ja: body.map_or("", |b| b.ja.as_str()),
                en: body.map_or("", |b| b.en.as_str()),
                url: body.and_then(|b| b.url.as_deref()),
            },
            tier: c.tier,
            areas: &c.areas,
            status,
            stage,
            ready_on,
            next_sitting: sitting.map(|s| s.month),
            apply_by: sitting.and_then(|s| s.apply_by),
            criteria,
            certify_criteria,
            next_steps: Vec::new(),
            exam_months: c.exam_months.as_deref(),
            applications: &c.applications,
            exam: c.exam.as_ref(),
            renewal: c.renewal.as_ref(),
            renewal_due: self.renewal_due(c, held),
            seed: c.seed.as_ref(),
            notes: &c.notes,
            unknowns: &c.unknowns,
            sources: Sources {
                rules: self.rules,
                ids: &c.sources,
            },
            earliest: None,
        };
        (result, own_steps)
    }

    fn renewal_due(&self, c: &Credential, held: bool) -> Option<i32> {
        let since = *self.p.held_since.get(&c.id).filter(|_| held)?;
        let every = c.renewal.as_ref()?.every_years?;
        // Checked whole and in range.
        Some(crate::plan::renewal::due_year(
            since as i32,
            every,
            self.as_of.year(),
        ))
    }

    /// The conditions in force, judged. Each criterion is judged where it lies in
    /// the list: it is large, and moving it out of a call cost a copy.
    pub(crate) fn criteria(&self, list: &'a [Condition]) -> Vec<Criterion<'a>> {
        let mut out = Vec::with_capacity(list.len());
        for c in list.iter().filter(|c| c.in_force(self.as_of)) {
            out.push(self.blank(c));
            if let Some(k) = out.last_mut() {
                crate::kinds::evaluate(self, c, k);
            }
        }
        out
    }

    fn blank(&self, c: &'a Condition) -> Criterion<'a> {
        Criterion {
            kind: c.rule.kind(),
            met: false,
            waiting: false,
            time_based: false,
            have: None,
            need: None,
            unit: None,
            met_on: None,
            area: None,
            body: None,
            case_kind: None,
            ids: Ids::None,
            need_all: false,
            within_years: None,
            still_working: false,
            ongoing: false,
            exempt: false,
            need_unknown: false,
            largest_area: false,
            sub_counts: Vec::new(),
            options: Vec::new(),
            source: self.source(c),
            note: c.note.as_ref(),
            text: Default::default(),
        }
    }

    /// Clinical work in any area counts: the years since the licence where the
    /// visitor gave them (`clinical_years`), else the clinical area furthest along
    /// (never the sum: two areas may overlap in time), and the earliest a running
    /// clock reaches `need`; with the area it belongs to, and whether the longest
    /// single area stood in for the years not given. Non-clinical areas (IT) never count.
    pub(crate) fn best_clock(&self, need: i64) -> (Clock, Option<&'p str>, bool) {
        let rules = self.rules;
        let clinical = move |a: &str| rules.area(a).is_none_or(|d| d.is_clinical());
        let areas = self
            .p
            .experience
            .keys()
            .map(|a| a.as_str())
            .chain(self.p.plan_areas.iter().map(|a| a.as_str()))
            .filter(move |a| clinical(a));
        let mut best = Clock {
            months: 0,
            running: false,
            starts: None,
            planned: false,
            pause: None,
        };
        let mut best_area = None;
        let mut best_date: Option<Date> = None;
        for a in areas {
            let c = self.area_clock(a);
            let d = c.met_on(need, self.as_of);
            let better = match (d, best_date) {
                (Some(d), Some(b)) => d < b,
                (Some(_), None) => true,
                (None, None) => c.months > best.months,
                (None, Some(_)) => false,
            };
            if better {
                best = c;
                best_area = Some(a);
                best_date = d;
            }
        }
        let answered = self.p.experience.keys().any(|a| clinical(a.as_str()));
        if let Some(y) = self.p.clinical_years.filter(|y| *y > 0.0) {
            let months = months_of_years(y) + self.elapsed;
            if months >= best.months {
                let c = Clock {
                    months,
                    running: true,
                    starts: None,
                    planned: false,
                    pause: self.pause,
                };
                if c.met_on(need, self.as_of) <= best_date || best_date.is_none() {
                    return (c, best_area, false);
                }
            }
            return (best, best_area, false);
        }
        (best, best_area, answered && self.p.clinical_years.is_none())
    }
}

/// The latest date a time-based criterion is met; None if one has no running clock.
fn ready_on(criteria: &[Criterion], as_of: Date) -> Option<Date> {
    let mut latest: Option<Date> = None;
    for k in criteria.iter().filter(|k| k.time_based) {
        if !k.met && !k.waiting {
            return None;
        }
        if let Some(d) = k.met_on {
            latest = Some(latest.map_or(d, |l| l.max(d)));
        }
    }
    Some(latest.unwrap_or(as_of))
}

/// Orders each credential's steps and the global list by how much a step
/// unblocks: first the credentials it alone frees, then how many it touches.
fn rank_steps<'a>(
    results: &mut [CredentialResult<'a>],
    steps: &[Vec<(Action, Cow<'a, str>)>],
) -> Vec<Step<'a>> {
    // Each distinct step once, found by hash on its first mention only; every
    // later use goes by its index.
    struct Tally<'a, 'r> {
        action: Action,
        target: &'r Cow<'a, str>,
        unblocks: usize,
        affects: usize,
        credentials: Vec<&'a str>,
    }
    let mut index: FastMap<(Action, &str), usize> =
        FastMap::with_capacity_and_hasher(64, Default::default());
    let mut tally: Vec<Tally<'a, '_>> = Vec::with_capacity(64);
    let mut of_step: Vec<usize> = Vec::with_capacity(steps.iter().map(Vec::len).sum());
    for own in steps {
        for (a, t) in own {
            let i = *index.entry((*a, t.as_ref())).or_insert_with(|| {
                tally.push(Tally {
                    action: *a,
                    target: t,
                    unblocks: 0,
                    affects: 0,
                    credentials: Vec::new(),
                });
                tally.len() - 1
            });
            let e = &mut tally[i];
            e.affects += 1;
            if own.len() == 1 {
                e.unblocks += 1;
            }
            of_step.push(i);
        }
    }
    // The credentials each step serves, each list sized once.
    for t in &mut tally {
        t.credentials.reserve_exact(t.affects);
    }
    for (r, &i) in results
        .iter()
        .zip(steps)
        .flat_map(|(r, own)| own.iter().map(move |_| r))
        .zip(&of_step)
    {
        tally[i].credentials.push(r.id);
    }
    let mut ix = of_step.iter();
    for (r, own) in results.iter_mut().zip(steps) {
        let mut mine: Vec<Step<'a>> = own
            .iter()
            .zip(ix.by_ref())
            .map(|((a, t), &i)| Step {
                action: *a,
                target: t.clone(),
                unblocks: tally[i].unblocks,
                affects: tally[i].affects,
                credentials: Vec::new(),
                text: Default::default(),
            })
            .collect();
        mine.sort_by_key(|s| std::cmp::Reverse((s.unblocks, s.affects)));
        r.next_steps = mine;
    }
    let mut global: Vec<Step<'a>> = tally
        .into_iter()
        .map(|e| Step {
            action: e.action,
            target: e.target.clone(),
            unblocks: e.unblocks,
            affects: e.affects,
            credentials: e.credentials,
            text: Default::default(),
        })
        .collect();
    global.sort_by_key(|s| std::cmp::Reverse((s.unblocks, s.affects)));
    global
}
