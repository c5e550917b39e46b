//! The plan by fiscal year (年度): each step once in the year it is due, each
//! credential in the year it opens, for the credentials chosen and what they need.

use std::borrow::Cow;

use crate::date::Date;
use crate::roadmap::{Action, CredentialResult, ObtainBasis, PlanStep, PlanYear, Status};
use crate::rules::file::ConditionKind;
use crate::rules::model::FastMap;

/// Which credentials the plan holds (with, always, the credentials they need first).
#[derive(Clone, Copy, Debug)]
pub enum Include<'t> {
    /// Every credential not held.
    All,
    /// These ids.
    Only(&'t [&'t str]),
    /// The credentials in focus (by catalogue index: the visitor's areas and the
    /// general ones), less those another way has made pointless (第2種ME for
    /// someone whose licence already opens 第1種).
    Focus(&'t [bool]),
}

/// The plan for the chosen credentials: their steps, their sittings ("sit") and
/// the year each opens, by fiscal year in order. Blocked credentials have no year.
///
/// `own` are steps of the visitor's own choosing (graduate school), dated
/// already and needed by no credential: they join the years as they are.
pub fn by_year<'a>(
    results: &[CredentialResult<'a>],
    include: Include,
    own: Vec<PlanStep<'a>>,
) -> Vec<PlanYear<'a>> {
    let mut chosen: Vec<bool> = results
        .iter()
        .enumerate()
        .map(|(i, r)| {
            r.status != Status::Held
                && match include {
                    Include::All => true,
                    Include::Only(ids) => ids.contains(&r.id),
                    Include::Focus(mask) => mask.get(i).copied().unwrap_or(false),
                }
        })
        .collect();
    if let Include::Focus(_) = include {
        // Found in one pass over the catalogue, not once per credential.
        let pointless = superseded(results);
        for (i, c) in chosen.iter_mut().enumerate() {
            *c = *c && pointless.binary_search(&results[i].id).is_err();
        }
    }
    // What the chosen ones need first joins the plan (requires is already
    // transitive). With every credential chosen there is nothing to add.
    if let Include::Only(_) | Include::Focus(_) = include {
        // By index: a catalogue may hold a thousand credentials.
        let index: FastMap<&str, usize> =
            results.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
        for i in 0..results.len() {
            if !chosen[i] {
                continue;
            }
            for r in results[i].earliest.iter().flat_map(|e| &e.requires) {
                if let Some(&j) = index.get(r) {
                    chosen[j] = true;
                }
            }
        }
    }
    // What opens and is certified in which fiscal year, and every mention of a
    // step by a chosen credential, in catalogue and rule order; the steps are
    // borrowed: most are not merged, and a step is large to copy.
    let held_in_plan = |t: &str| {
        results.iter().zip(&chosen).any(|(r, c)| {
            *c && r.id == t && r.earliest.as_ref().is_some_and(|e| e.obtain.date.is_some())
        })
    };
    let picked = || {
        results
            .iter()
            .zip(&chosen)
            .filter(|(_, c)| **c)
            .filter_map(|(r, _)| Some((r.id, r.earliest.as_ref()?)))
            .filter_map(|(id, e)| Some((id, e, e.on?)))
    };
    let mut opens: Vec<(i32, &'a str)> = Vec::new();
    let mut certifies: Vec<(i32, &'a str)> = Vec::new();
    let mut mentions: Vec<(Mention<'_, 'a>, &'a str)> =
        Vec::with_capacity(picked().map(|(_, e, _)| e.steps.len() + 1).sum());
    for (id, e, on) in picked() {
        // A credential opens when it can be held, not when its exam does.
        if let Some(fy) = e.obtain.fiscal_year {
            opens.push((fy, id));
        }
        if let Some(c) = e.certify_on {
            certifies.push((c.fiscal_year(), id));
        }
        // A credential's own exam is its sitting below, not a second step; a
        // prerequisite the plan holds has its own sitting and year, so "obtain it by"
        // would say it twice.
        mentions.extend(
            e.steps
                .iter()
                .filter(|s| !(s.action == Action::Exam && s.target == id))
                .filter(|s| !(s.action == Action::Credential && held_in_plan(&s.target)))
                .map(|s| (Mention::Step(s), id)),
        );
        if let Some(by) = e.apply_by {
            mentions.push((Mention::Apply(by), id));
        }
        match e.sitting {
            Some(m) => mentions.push((Mention::Sit(m.first_day()), id)),
            // A two-stage credential's exam without a published month: a step in
            // the year it can first be sat, worded as having no dates.
            None if e.obtain.basis == ObtainBasis::Certification && e.certify_on.is_some() => {
                mentions.push((Mention::SitUnscheduled(on), id))
            }
            None => {}
        }
    }
    // Held credentials are never chosen, but their renewals are the visitor's
    // to do whatever the plan holds.
    for r in results {
        let year = r.renewal_due.filter(|_| r.status == Status::Held);
        if let Some(span) = year.and_then(Span::year) {
            mentions.push((Mention::Renew(span), r.id));
        }
    }
    let mut steps = merge(&mentions);
    steps.extend(own.into_iter().map(|s| (usize::MAX, s)));
    // Steps due the same day: the licence before what it opens, then in the
    // catalogue's and the rules' order. Sorted by index: steps are large to move.
    let mut order: Vec<usize> = (0..steps.len()).collect();
    order.sort_unstable_by_key(|&i| (steps[i].1.by, steps[i].1.action, steps[i].0));
    // Stable: each year's credentials stay in catalogue order.
    opens.sort_by_key(|o| o.0);
    certifies.sort_by_key(|c| c.0);
    // The years, each list sized once.
    let mut fys: Vec<i32> = opens
        .iter()
        .chain(&certifies)
        .map(|o| o.0)
        .chain(steps.iter().map(|(_, s)| s.by.fiscal_year()))
        .collect();
    fys.sort_unstable();
    fys.dedup();
    let at = |fy: i32| fys.binary_search(&fy).unwrap_or_default();
    let mut counts = vec![[0usize; 3]; fys.len()];
    for (_, s) in &steps {
        counts[at(s.by.fiscal_year())][0] += 1;
    }
    for o in &opens {
        counts[at(o.0)][1] += 1;
    }
    for c in &certifies {
        counts[at(c.0)][2] += 1;
    }
    let mut years: Vec<PlanYear<'a>> = fys
        .iter()
        .zip(&counts)
        .map(|(&fy, n)| PlanYear {
            fiscal_year: fy,
            steps: Vec::with_capacity(n[0]),
            opens: Vec::with_capacity(n[1]),
            certifies: Vec::with_capacity(n[2]),
        })
        .collect();
    for (fy, id) in opens {
        years[at(fy)].opens.push(id);
    }
    for (fy, id) in certifies {
        years[at(fy)].certifies.push(id);
    }
    let mut slots: Vec<Option<PlanStep<'a>>> = steps.into_iter().map(|(_, s)| Some(s)).collect();
    for i in order {
        if let Some(s) = slots.get_mut(i).and_then(Option::take) {
            years[at(s.by.fiscal_year())].steps.push(s);
        }
    }
    years
}

/// A step as a credential's earliest gives it, the last day to apply for its
/// sitting, the sitting itself, or a held credential's renewal.
#[derive(Clone, Copy)]
enum Mention<'r, 'a> {
    Step(&'r PlanStep<'a>),
    Apply(Date),
    Sit(Date),
    /// An exam that can be sat from this date, its sittings not published.
    SitUnscheduled(Date),
    /// The calendar year a held credential's renewal falls due.
    Renew(Span),
}

/// A calendar year as a window of days.
#[derive(Clone, Copy)]
struct Span {
    from: Date,
    by: Date,
}

impl Span {
    fn year(y: i32) -> Option<Span> {
        Some(Span {
            from: Date::new(y, 1, 1)?,
            by: Date::new(y, 12, 31)?,
        })
    }
}

impl<'a> Mention<'_, 'a> {
    /// (action, target, from, by, amount); a deadline's or sitting's target is the credential.
    fn key(&self, cred: &'a str) -> (Action, &str, Date, Date, Option<f64>) {
        match self {
            Mention::Step(s) => (s.action, s.target.as_ref(), s.from, s.by, s.amount),
            Mention::Apply(d) | Mention::Sit(d) | Mention::SitUnscheduled(d) => {
                (self.action(), cred, *d, *d, None)
            }
            Mention::Renew(y) => (Action::Renew, cred, y.from, y.by, None),
        }
    }
    fn action(&self) -> Action {
        match self {
            Mention::Step(s) => s.action,
            Mention::Apply(_) => Action::Apply,
            Mention::Sit(_) | Mention::SitUnscheduled(_) => Action::Sit,
            Mention::Renew(_) => Action::Renew,
        }
    }
    /// The step without its credentials, which `merge` adds.
    fn to_step(self, cred: &'a str) -> PlanStep<'a> {
        match self {
            // One plan step may serve several credentials' stages: the flag is per credential.
            Mention::Step(s) => PlanStep {
                for_certification: false,
                ..s.clone()
            },
            Mention::Apply(_)
            | Mention::Sit(_)
            | Mention::SitUnscheduled(_)
            | Mention::Renew(_) => {
                let (action, _, from, by, _) = self.key(cred);
                PlanStep {
                    action,
                    target: Cow::Borrowed(cred),
                    by,
                    from,
                    amount: None,
                    need: None,
                    within_years: None,
                    credentials: Vec::new(),
                    for_certification: false,
                    choice: false,
                    scheduled: !matches!(self, Mention::SitUnscheduled(_)),
                    text: Default::default(),
                }
            }
        }
    }
}

/// Each step once: mentions with the same action, target and amount whose
/// windows overlap become one step (one attendance serves both), with the
/// narrower window and every credential that needs it. Sorted first, so a
/// thousand-credential plan is not compared pair by pair; each step keeps the
/// place of its first mention.
fn merge<'a>(mentions: &[(Mention<'_, 'a>, &'a str)]) -> Vec<(usize, PlanStep<'a>)> {
    // Each key made once, not at every comparison.
    let mut order: Vec<_> = mentions
        .iter()
        .enumerate()
        .map(|(i, (m, cred))| {
            let (action, target, from, by, _) = m.key(cred);
            (action, target, from, by, i)
        })
        .collect();
    order.sort_unstable();
    let mut out: Vec<(usize, PlanStep<'a>)> = Vec::with_capacity(mentions.len());
    let mut group_of = vec![0usize; mentions.len()];
    for (action, target, from, by, i) in order {
        let (m, cred) = mentions[i];
        let amount = m.key(cred).4;
        // Same key: the last kept step of that key, if its window still overlaps.
        let open = out
            .iter_mut()
            .enumerate()
            .rev()
            .take_while(|(_, (_, o))| o.action == action && o.target == target)
            .find(|(_, (_, o))| o.amount == amount);
        match open {
            Some((g, (first, o))) if from <= o.by => {
                *first = (*first).min(i);
                o.from = o.from.max(from);
                o.by = o.by.min(by);
                group_of[i] = g;
            }
            _ => {
                group_of[i] = out.len();
                out.push((i, m.to_step(cred)));
            }
        }
    }
    // Credentials in mention order, which is catalogue order; each list sized once.
    let mut sizes = vec![0usize; out.len()];
    for &g in &group_of {
        sizes[g] += 1;
    }
    for ((_, o), n) in out.iter_mut().zip(sizes) {
        o.credentials.reserve_exact(n);
    }
    for ((_, cred), &g) in mentions.iter().zip(&group_of) {
        if let Some((_, o)) = out.get_mut(g) {
            if !o.credentials.contains(cred) {
                o.credentials.push(cred);
            }
        }
    }
    out
}

/// The credentials another way has made pointless for the visitor: each is an
/// unmet alternative of an "any of" in another credential that the visitor already
/// meets another way (第2種ME, when the CE licence already opens 第1種ME).
pub fn superseded<'a>(results: &[CredentialResult<'a>]) -> Vec<&'a str> {
    let mut out: Vec<&'a str> = results
        .iter()
        .flat_map(|d| &d.criteria)
        .filter(|k| k.kind == ConditionKind::AnyOf && k.met)
        .flat_map(|k| &k.options)
        .filter(|o| !o.met && o.kind == ConditionKind::Credential)
        .flat_map(|o| o.ids.iter())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The plan again for another choice of credentials, with the visitor's own
/// milestones (graduate school) as they were and its texts written: the widget's
/// plan for the host's areas, the CLI's `--all`.
pub fn rescoped<'a>(
    rules: &crate::rules::model::RuleSet,
    r: &crate::roadmap::Roadmap<'a>,
    include: Include,
) -> Vec<PlanYear<'a>> {
    let own = r
        .plan
        .iter()
        .flat_map(|y| &y.steps)
        .filter(|s| s.choice)
        .cloned()
        .collect();
    let mut plan = by_year(&r.credentials, include, own);
    crate::explain::plan_texts(rules, &mut plan);
    plan
}
