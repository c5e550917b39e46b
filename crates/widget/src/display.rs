//! The display model: what the widget shows of one roadmap, computed once per roadmap
//! in `App` with the host's areas applied there, so no component filters again and
//! the counts, the cards, the timeline and the details form always agree.

use ce_roadmap_core::date::Date;
use ce_roadmap_core::ids::AreaId;
use ce_roadmap_core::roadmap::{Action, BlockerKind, Roadmap, SourceRef, Status};
use ce_roadmap_core::rules::file::BodyDef;
use ce_roadmap_core::rules::RuleSet;

use crate::answers::Answers;
use crate::focus::{allowed, in_focus};
use crate::i18n::{self, Lang};

/// Per credential of the roadmap (by index): shown at all, and shown in full.
#[derive(Debug, Default, PartialEq)]
pub struct Display {
    /// The host's `areas` let it through (general credentials always).
    pub shown: Vec<bool>,
    /// Shown, and in the visitor's areas (or general): a full card, not a line.
    pub focus: Vec<bool>,
    /// Shown credentials per status: eligible, waiting, action, held.
    counts: [usize; 4],
    /// What the details form asks about, the roadmap's wants first.
    pub details: Details,
    /// The next credential in the visitor's focus to open up, for the summary.
    pub next: Option<Next>,
}

/// The first credential in focus that is not open yet but has a date: by time alone
/// (`ready_on` of a waiting one) or after the plan's steps (`earliest`); one of the
/// visitor's areas before a general one.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Next {
    /// Index into the roadmap's credentials.
    pub index: usize,
    /// When it can first be held (`earliest.obtain`): a two-stage credential at
    /// its certification, not at its exam.
    pub on: Date,
    /// The date holds only if the plan's steps are taken.
    pub with_steps: bool,
    /// The date rests on unpublished dates: the earliest possible.
    pub lower_bound: bool,
}

impl Next {
    /// Among the credentials in focus, those of the visitor's own areas come first:
    /// a general one (open to anyone) is next only when no area credential has a date.
    fn find(roadmap: &Roadmap, focus: &[bool]) -> Option<Next> {
        let dated = |area_specific: bool| {
            let found = roadmap.credentials.iter().enumerate().filter_map(|(i, c)| {
                if !focus.get(i).copied().unwrap_or(false) || c.areas.is_empty() == area_specific {
                    return None;
                }
                let with_steps = match c.status {
                    Status::Waiting => false,
                    Status::Action => true,
                    Status::Eligible | Status::Held => return None,
                };
                let e = c.earliest.as_ref()?;
                Some(Next {
                    index: i,
                    on: e.obtain.date?,
                    with_steps,
                    lower_bound: e.lower_bound,
                })
            });
            // Earliest first; on the same day, the one that needs nothing done.
            found.min_by_key(|n| (n.on, n.with_steps))
        };
        dated(true).or_else(|| dated(false))
    }
}

/// Whether the roadmap's steps ask for something in each group of the details form:
/// those groups open, the rest stay closed with the count of answers they hold.
#[derive(Debug, Default, PartialEq)]
pub struct Asked {
    pub bodies: bool,
    pub unit_bodies: bool,
    pub case_kinds: bool,
    pub courses: bool,
    pub held: bool,
    pub exams: bool,
}

/// The ids the details form lists in each group: first what the roadmap's steps for
/// the visitor's focus ask for (in the order they rank), then whatever the visitor
/// already answered, so an answer never disappears from the form.
#[derive(Debug, Default, PartialEq)]
pub struct Details {
    pub bodies: Vec<String>,
    pub unit_bodies: Vec<String>,
    pub case_kinds: Vec<String>,
    pub courses: Vec<String>,
    /// Credentials that can be marked as held, in an order the answers in this list
    /// never change (so a tick never moves what is under the finger): those of the
    /// visitor's areas, then the general ones, then what they require, then any
    /// other held answer. The rest of what the widget shows is in `held_more`.
    pub held: Vec<String>,
    /// The other shown credentials and what they require: behind "show all".
    pub held_more: Vec<String>,
    /// Exams of the credentials in focus (two-stage ones, and exams they require),
    /// then passed answers; `exams_more` has the other shown ones.
    pub exams: Vec<String>,
    pub exams_more: Vec<String>,
    pub asked: Asked,
}

fn status_slot(s: Status) -> usize {
    match s {
        Status::Eligible => 0,
        Status::Waiting => 1,
        Status::Action => 2,
        Status::Held => 3,
    }
}

impl Display {
    pub fn new(
        rules: &RuleSet,
        roadmap: &Roadmap,
        answers: &Answers,
        areas: Option<&[AreaId]>,
    ) -> Self {
        let shown: Vec<bool> = roadmap
            .credentials
            .iter()
            .map(|c| allowed(c, areas))
            .collect();
        let focus: Vec<bool> = roadmap
            .credentials
            .iter()
            .zip(&shown)
            .map(|(c, &s)| s && in_focus(c, answers))
            .collect();
        let mut counts = [0; 4];
        for (c, _) in roadmap.credentials.iter().zip(&shown).filter(|(_, &s)| s) {
            counts[status_slot(c.status)] += 1;
        }
        let details = Details::new(rules, roadmap, answers, &shown, &focus);
        let next = Next::find(roadmap, &focus);
        Display {
            shown,
            focus,
            counts,
            details,
            next,
        }
    }

    /// How many shown credentials have this status.
    pub fn count(&self, status: Status) -> usize {
        self.counts[status_slot(status)]
    }

    /// Whether the credential with this id is shown (unknown ids are not).
    pub fn shows(&self, roadmap: &Roadmap, id: &str) -> bool {
        roadmap
            .credentials
            .iter()
            .position(|c| c.id == id)
            .is_some_and(|i| self.shown[i])
    }
}

/// A source address's host without "www.", for telling whose page it is.
pub fn host(url: &str) -> &str {
    let rest = url.split_once("//").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    host.strip_prefix("www.").unwrap_or(host)
}

/// The issuing body whose site a source is on (same host, or a subdomain of it), so a
/// source link can say whose page it is; `None` for anyone else's page.
pub fn source_body<'r>(rules: &'r RuleSet, url: &str) -> Option<&'r BodyDef> {
    let h = host(url);
    rules.bodies.iter().find(|b| {
        b.url.as_deref().is_some_and(|u| {
            let bh = host(u);
            !bh.is_empty() && (h == bh || h.strip_suffix(bh).is_some_and(|p| p.ends_with('.')))
        })
    })
}

/// The words of a card's source links, in order: whose page each is, and where two
/// would read the same (two pages of one body), the page's title beside each of those, so
/// a visitor can tell them apart. Titles are the pages' own, in Japanese.
pub fn source_labels<'r>(
    lang: Lang,
    rules: &'r RuleSet,
    sources: &[SourceRef],
) -> Vec<(String, Option<&'r str>)> {
    let labels: Vec<String> = sources
        .iter()
        .map(|s| {
            let body = source_body(rules, s.url).map(|b| (b.said_ja(), b.said_en().0));
            let official = rules.source(s.id).is_some_and(|d| d.official);
            i18n::source_label(lang, body, host(s.url), official)
        })
        .collect();
    let shared: Vec<bool> = labels
        .iter()
        .map(|l| labels.iter().filter(|m| *m == l).count() > 1)
        .collect();
    labels
        .into_iter()
        .zip(sources)
        .zip(shared)
        .map(|((label, s), shared)| {
            let title = rules.source(s.id).and_then(|d| d.title.as_deref());
            (label, title.filter(|_| shared))
        })
        .collect()
}

/// A list as the form showed it before, brought up to date without moving anything:
/// what it showed stays where it was (even if no longer asked), new ids go to the end.
/// The form keeps the last one per group for as long as it is open, so an answer
/// never moves or removes what is under the visitor's finger; the next visit orders
/// afresh.
pub fn settle(shown: &mut Vec<String>, now: &[String]) {
    add(shown, now.iter().map(|s| s.as_str()));
}

/// Adds `more` to `out`, each id once, keeping the order.
fn add<'a>(out: &mut Vec<String>, more: impl IntoIterator<Item = &'a str>) {
    for m in more {
        if !m.is_empty() && !out.iter().any(|o| o == m) {
            out.push(m.to_string());
        }
    }
}

impl Details {
    fn new(rules: &RuleSet, r: &Roadmap, a: &Answers, shown: &[bool], focus: &[bool]) -> Self {
        let in_focus = |id: &str| {
            r.credentials
                .iter()
                .zip(focus)
                .any(|(c, &f)| f && c.id == id)
        };
        // Targets of the ranked next steps of one action that serve a credential in focus.
        let wanted = |action: Action| {
            let mut out = Vec::new();
            for s in r.next_steps.iter().filter(|s| s.action == action) {
                if s.credentials.iter().any(|c| in_focus(c)) {
                    add(&mut out, s.target.split('|'));
                }
            }
            out
        };
        let mut d = Details {
            bodies: wanted(Action::Join),
            unit_bodies: wanted(Action::Units),
            case_kinds: wanted(Action::Cases),
            courses: wanted(Action::Course),
            held: wanted(Action::Credential),
            exams: wanted(Action::Exam),
            ..Details::default()
        };
        // Then what the plan of each credential in focus needs later (a two-stage
        // credential's certification: membership, units, courses after the exam).
        for (c, _) in r.credentials.iter().zip(focus).filter(|(_, &f)| f) {
            for st in c.earliest.iter().flat_map(|e| &e.steps) {
                let out = match st.action {
                    Action::Join => &mut d.bodies,
                    Action::Units => &mut d.unit_bodies,
                    Action::Course => &mut d.courses,
                    Action::Credential => &mut d.held,
                    Action::Exam => &mut d.exams,
                    _ => continue,
                };
                add(out, st.target.split('|'));
            }
        }
        d.asked = Asked {
            bodies: !d.bodies.is_empty(),
            unit_bodies: !d.unit_bodies.is_empty(),
            case_kinds: false,
            courses: !d.courses.is_empty(),
            held: !d.held.is_empty(),
            exams: !d.exams.is_empty(),
        };
        add(&mut d.bodies, a.membership.keys().map(|k| k.as_str()));
        add(&mut d.unit_bodies, a.units.keys().map(|k| k.as_str()));
        // Case kinds the plan names too (a sub-count such as PCI needs its own rate).
        for (c, _) in r.credentials.iter().zip(focus).filter(|(_, &f)| f) {
            let Some(e) = c.earliest.as_ref() else {
                continue;
            };
            let blocked = e
                .blocked_by
                .iter()
                .filter(|b| matches!(b.kind, BlockerKind::CasesRate | BlockerKind::CasesWindow))
                .map(|b| b.target.as_ref());
            let steps = e
                .steps
                .iter()
                .filter(|s| s.action == Action::Cases)
                .map(|s| s.target.as_ref());
            add(&mut d.case_kinds, blocked.chain(steps));
        }
        d.asked.case_kinds = !d.case_kinds.is_empty();
        add(&mut d.case_kinds, a.cases.keys().map(|k| k.as_str()));
        add(&mut d.courses, a.courses.iter().map(|k| k.as_str()));
        d.held_and_exams(rules, r, a, shown, focus);
        d
    }

    /// The held and passed lists, by index in the rules' catalogue so that a host's
    /// thousand credentials cost one pass: first the credentials in focus (the
    /// visitor's areas before the general ones) and what they require, then the
    /// rest of what is shown. Nothing here depends on the held or passed answers
    /// but to keep an answer listed, so ticking one leaves the list as it was.
    fn held_and_exams(
        &mut self,
        rules: &RuleSet,
        r: &Roadmap,
        a: &Answers,
        shown: &[bool],
        focus: &[bool],
    ) {
        let n = rules.credentials.len();
        // 0: not listed; 1: behind "show all"; 2, 3: listed (3 for an area's own).
        let mut rank = vec![0u8; n];
        let mut exam_rank = vec![0u8; n];
        let mut required_exams: Vec<(&str, u8)> = Vec::new();
        for ((c, &s), &f) in r.credentials.iter().zip(shown).zip(focus) {
            let Some(i) = rules.credential_index(c.id).filter(|_| s) else {
                continue;
            };
            let level = match (f, c.areas.is_empty()) {
                (true, false) => 3,
                (true, true) => 2,
                _ => 1,
            };
            rank[i] = rank[i].max(level);
            if rules.credentials[i].certify.is_some() {
                exam_rank[i] = exam_rank[i].max(level);
            }
            let req = rules.credentials[i].requires();
            for j in req
                .credentials
                .iter()
                .filter_map(|id| rules.credential_index(id))
            {
                // A prerequisite follows what needs it: below the area's own.
                rank[j] = rank[j].max(level.min(2));
            }
            required_exams.extend(req.exams.into_iter().map(|e| (e, level.min(2))));
        }
        let ids = |rank: &[u8], level: u8| -> Vec<&str> {
            rules
                .credentials
                .iter()
                .zip(rank)
                .filter(|(_, &r)| r == level)
                .map(|(c, _)| c.id.as_str())
                .collect()
        };
        let mut held = Vec::new();
        add(&mut held, ids(&rank, 3));
        add(&mut held, ids(&rank, 2));
        let mut more = Vec::new();
        add(&mut more, ids(&rank, 1));
        // An answer the lists above leave out (the host's areas hide it): kept in view.
        let unlisted = |id: &&str| !held.iter().chain(&more).any(|h| h == id);
        let extra: Vec<&str> = a.held.iter().map(|k| k.as_str()).filter(unlisted).collect();
        add(&mut held, extra);
        let mut exams = Vec::new();
        add(&mut exams, ids(&exam_rank, 3));
        add(&mut exams, ids(&exam_rank, 2));
        add(
            &mut exams,
            required_exams.iter().filter(|e| e.1 == 2).map(|e| e.0),
        );
        let mut exams_more = Vec::new();
        let other = ids(&exam_rank, 1)
            .into_iter()
            .chain(required_exams.iter().filter(|e| e.1 == 1).map(|e| e.0));
        add(
            &mut exams_more,
            other.filter(|id| !exams.iter().any(|x| x == id)),
        );
        let unlisted = |id: &&str| !exams.iter().chain(&exams_more).any(|h| h == id);
        let extra: Vec<&str> = a
            .passed
            .iter()
            .map(|k| k.as_str())
            .filter(unlisted)
            .collect();
        add(&mut exams, extra);
        // The asked lists (from the steps) only mark the group; the order is the above.
        self.held = held;
        self.held_more = more;
        self.exams = exams;
        self.exams_more = exams_more;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ce_roadmap_core::ids::BodyId;
    use ce_roadmap_core::profile::Stage;
    use ce_roadmap_core::{evaluate, Date, When};

    /// A licensed visitor with these years per area.
    fn licensed(years: &[(&str, f64)]) -> Answers {
        let mut a = Answers::new(2026);
        a.stage = Some(Stage::Licensed);
        for (area, y) in years {
            a.experience.insert(AreaId::new(*area), *y);
        }
        a
    }

    fn when() -> When {
        let d = Date::parse("2026-11-21");
        When {
            as_of: d,
            today: d.unwrap(),
        }
    }

    #[test]
    fn source_links_that_would_read_the_same_carry_their_titles() {
        let rules = ce_roadmap_core::default_rules().unwrap();
        let cited = |id: &str| -> Vec<SourceRef> {
            let c = rules.credential(id).unwrap();
            c.sources
                .iter()
                .filter_map(|s| rules.source(s.as_str()))
                .map(SourceRef::from)
                .collect()
        };
        let sources = cited("mdic");
        assert!(sources.len() >= 2, "two pages of the society");
        let ja = source_labels(Lang::Ja, &rules, &sources);
        assert_eq!(
            ja[0],
            (
                "日本医療機器学会のページ".to_string(),
                Some("医療機器情報コミュニケータ (MDIC)")
            )
        );
        assert_eq!(ja[1].1, Some("MDICに関するQ&A"));
        let en = source_labels(Lang::En, &rules, &sources);
        assert_eq!(en[1], ("JSMI page".to_string(), Some("MDICに関するQ&A")));
        // Five pages: two of the dialysis committee's (same words, so each with its
        // title), JAAME's and two other sites on two hosts (plain words, no titles).
        let five = cited("dialysis_tech");
        let labels = source_labels(Lang::Ja, &rules, &five);
        assert_eq!(labels.len(), 5);
        let titled = labels.iter().filter(|l| l.1.is_some()).count();
        assert_eq!(titled, 2, "{labels:?}");
    }

    #[test]
    fn host_areas_applied_once_for_every_count() {
        let rules = ce_roadmap_core::default_rules().unwrap();
        let a = licensed(&[("blood_purification", 3.0)]);
        let r = evaluate(&rules, &a.profile(&rules), when()).unwrap();
        let only = [AreaId::new("respiratory")];
        let d = Display::new(&rules, &r, &a, Some(&only));
        let by_hand = |s: Status| {
            r.credentials
                .iter()
                .filter(|c| c.status == s && allowed(c, Some(&only)))
                .count()
        };
        for s in [
            Status::Eligible,
            Status::Waiting,
            Status::Action,
            Status::Held,
        ] {
            assert_eq!(d.count(s), by_hand(s), "{s:?}");
        }
        assert!(d.shows(&r, "respiratory_therapist"));
        assert!(!d.shows(&r, "dialysis_tech"), "outside the host's areas");
        assert!(!d.shows(&r, "no_such_id"));
        // Dialysis is the visitor's area, but the host does not show it: not in focus either.
        let i = r
            .credentials
            .iter()
            .position(|c| c.id == "dialysis_tech")
            .unwrap();
        assert!(!d.focus[i]);
        let all = Display::new(&rules, &r, &a, None);
        assert!(all.focus[i]);
        assert!(
            all.count(Status::Eligible)
                + all.count(Status::Waiting)
                + all.count(Status::Action)
                + all.count(Status::Held)
                == r.credentials.len()
        );
    }

    #[test]
    fn details_ask_what_the_roadmap_wants_and_keep_every_answer() {
        let rules = ce_roadmap_core::default_rules().unwrap();
        let mut a = licensed(&[("blood_purification", 3.0)]);
        let r = evaluate(&rules, &a.profile(&rules), when()).unwrap();
        let d = Display::new(&rules, &r, &a, None).details;
        // The bodies to join that the plans of the credentials in focus name (a dialysis
        // certification's membership comes after its exam: a plan step, not a next step).
        let wanted: Vec<&str> = r
            .credentials
            .iter()
            .filter(|c| {
                c.areas.is_empty() || c.areas.iter().any(|x| x.as_str() == "blood_purification")
            })
            .flat_map(|c| c.earliest.iter().flat_map(|e| &e.steps))
            .filter(|s| s.action == Action::Join)
            .flat_map(|s| s.target.split('|'))
            .collect();
        assert!(
            wanted.contains(&"jacet"),
            "a dialysis worker is asked to join JACET: {wanted:?}"
        );
        assert!(d.bodies.iter().any(|b| b == "jacet") && d.asked.bodies);
        for b in &d.bodies {
            assert!(
                wanted.contains(&b.as_str()),
                "{b} asked, but no plan or step names it"
            );
        }
        // Every credential can be marked held, each once: the visitor's first.
        let mut all: Vec<&String> = d.held.iter().chain(&d.held_more).collect();
        assert_eq!(all.len(), rules.credentials.len());
        all.sort();
        all.dedup();
        assert_eq!(all.len(), rules.credentials.len());
        assert_eq!(d.held.first().map(|s| s.as_str()), Some("dialysis_tech"));
        assert!(
            d.held_more.iter().any(|h| h == "ite"),
            "another area's: behind show all"
        );
        // An answer outside what the roadmap asks is kept, after the wanted ones.
        let other = rules
            .bodies
            .iter()
            .map(|b| b.id.clone())
            .find(|b| !d.bodies.contains(&b.to_string()))
            .expect("a body the roadmap does not ask about");
        a.membership.insert(other.clone(), 2.0);
        let r = evaluate(&rules, &a.profile(&rules), when()).unwrap();
        let d2 = Display::new(&rules, &r, &a, None).details;
        assert_eq!(d2.bodies.last(), Some(&other.to_string()));
        let _: &BodyId = &other;
    }

    #[test]
    fn with_host_areas_the_held_and_passed_lists_keep_those_areas_and_what_they_require() {
        let rules = ce_roadmap_core::default_rules().unwrap();
        let mut a = Answers::new(2026);
        a.stage = Some(Stage::Licensed);
        a.held
            .insert(ce_roadmap_core::ids::CredentialId::new("dialysis_tech"));
        let r = evaluate(&rules, &a.profile(&rules), when()).unwrap();
        let only = [AreaId::new("intensive_care")];
        let d = Display::new(&rules, &r, &a, Some(&only)).details;
        let has = |list: &[String], id: &str| list.iter().any(|x| x == id);
        let d = Details {
            held: d.held.iter().chain(&d.held_more).cloned().collect(),
            exams: d.exams.iter().chain(&d.exams_more).cloned().collect(),
            ..d
        };
        // The area's credentials and the general ones.
        assert!(has(&d.held, "jacet_cert_intensive_care") && has(&d.held, "me2"));
        // JSICM's title requires the JACET intensive-care certification or its exam.
        assert!(has(&d.held, "jacet_cert_intensive_care"));
        assert!(has(&d.exams, "jacet_cert_intensive_care"));
        // Other areas' credentials are gone, but an answer is never hidden.
        assert!(!has(&d.held, "perfusionist") && !has(&d.held, "ite"));
        assert!(has(&d.held, "dialysis_tech"), "held before: still listed");
        assert!(!has(&d.exams, "jacet_spec_endoscopy"));
        assert!(d.held.len() < rules.credentials.len());
        // Every id listed is one of these: shown, required by a shown one, or answered.
        let shown: Vec<&str> = r
            .credentials
            .iter()
            .filter(|c| allowed(c, Some(&only)))
            .map(|c| c.id)
            .collect();
        let required: Vec<&str> = shown
            .iter()
            .filter_map(|id| rules.credential(id))
            .flat_map(|c| c.requires().credentials)
            .collect();
        for id in &d.held {
            assert!(
                shown.contains(&id.as_str())
                    || required.contains(&id.as_str())
                    || id == "dialysis_tech",
                "{id} listed"
            );
        }
        // Without host areas, every credential stays listed.
        let all = Display::new(&rules, &r, &a, None).details;
        assert_eq!(
            all.held.len() + all.held_more.len(),
            rules.credentials.len()
        );
    }

    #[test]
    fn the_next_to_open_is_the_earliest_dated_credential_in_focus() {
        let rules = ce_roadmap_core::default_rules().unwrap();
        let a = licensed(&[("blood_purification", 1.0), ("respiratory", 0.5)]);
        let r = evaluate(&rules, &a.profile(&rules), when()).unwrap();
        let d = Display::new(&rules, &r, &a, None);
        let n = d.next.expect("something opens later");
        let c = &r.credentials[n.index];
        assert!(d.focus[n.index]);
        assert_eq!(n.with_steps, c.status == Status::Action);
        assert!(matches!(c.status, Status::Waiting | Status::Action));
        assert!(
            !c.areas.is_empty(),
            "an area credential before a general one"
        );
        // No area credential in focus that is not open yet has an earlier date.
        for (i, c) in r
            .credentials
            .iter()
            .enumerate()
            .filter(|(i, c)| d.focus[*i] && !c.areas.is_empty())
        {
            // When it can be held: the certification of a two-stage one.
            let on = match c.status {
                Status::Waiting | Status::Action => c.earliest.as_ref().and_then(|e| e.obtain.date),
                _ => None,
            };
            if let Some(on) = on {
                assert!(on >= n.on, "{} opens {on} before {}", c.id, n.on);
                if on == n.on && c.status == Status::Waiting {
                    assert!(!n.with_steps, "time alone wins a tie ({i})");
                }
            }
        }
        // With no area chosen, a general credential is next.
        let mut none = Answers::new(2026);
        none.stage = Some(Stage::Licensed);
        let r0 = evaluate(&rules, &none.profile(&rules), when()).unwrap();
        let d0 = Display::new(&rules, &r0, &none, None);
        assert!(r0.credentials[d0.next.expect("a general credential").index]
            .areas
            .is_empty());
        // With the host showing only an area the visitor is not in, nothing of theirs is next
        // unless it is general.
        let only = [AreaId::new("cardiac_cath")];
        let d = Display::new(&rules, &r, &a, Some(&only));
        if let Some(n) = d.next {
            assert!(r.credentials[n.index].areas.is_empty());
        }
    }

    #[test]
    fn ticking_a_held_or_passed_item_leaves_the_lists_as_they_were() {
        let rules = ce_roadmap_core::default_rules().unwrap();
        let mut a = licensed(&[("cardiac_cath", 6.0)]);
        a.membership.insert(BodyId::new("cvit"), 5.0);
        let lists = |a: &Answers| {
            let r = evaluate(&rules, &a.profile(&rules), when()).unwrap();
            let d = Display::new(&rules, &r, a, None).details;
            (d.held, d.held_more, d.exams, d.exams_more)
        };
        let before = lists(&a);
        a.held
            .insert(ce_roadmap_core::ids::CredentialId::new("ite"));
        a.passed.insert("jacet_spec_cardiac_cath".to_string());
        assert_eq!(lists(&a), before);
        // The cath lab's own first, then the general ones.
        assert_eq!(before.0.first().map(|s| s.as_str()), Some("ite"));
        // An IT worker's list leads with the IT credentials.
        let mut it = Answers::new(2026);
        it.stage = Some(Stage::It);
        it.experience.insert(AreaId::new("medical_it"), 3.5);
        let (held, ..) = lists(&it);
        assert_eq!(&held[..3], ["hcit", "senior_hcit", "fe"]);
        // A held answer behind "show all" stays there when ticked.
        let before = lists(&it);
        assert!(before.1.iter().any(|h| h == "dialysis_tech"));
        it.held
            .insert(ce_roadmap_core::ids::CredentialId::new("dialysis_tech"));
        assert_eq!(lists(&it), before);
    }

    #[test]
    fn a_settled_list_keeps_its_order_and_never_drops_an_id() {
        let ids = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let mut shown = ids(&["cvit", "jacet"]);
        settle(&mut shown, &ids(&["jacet", "jsicm"]));
        assert_eq!(shown, ids(&["cvit", "jacet", "jsicm"]));
    }

    #[test]
    fn groups_open_where_the_roadmap_asks() {
        let rules = ce_roadmap_core::default_rules().unwrap();
        let a = licensed(&[("blood_purification", 3.0)]);
        let r = evaluate(&rules, &a.profile(&rules), when()).unwrap();
        let d = Display::new(&rules, &r, &a, None).details;
        assert!(d.asked.bodies, "a dialysis worker is asked to join a body");
        // A membership answered but not asked for does not open the group by itself.
        let mut b = Answers::new(2026);
        b.stage = Some(Stage::Licensed);
        b.held.extend(
            rules
                .credentials
                .iter()
                .map(|c| ce_roadmap_core::ids::CredentialId::new(c.id.as_str())),
        );
        let r = evaluate(&rules, &b.profile(&rules), when()).unwrap();
        let d = Display::new(&rules, &r, &b, None).details;
        assert!(!d.asked.bodies && !d.asked.courses && !d.asked.case_kinds);
        assert!(r.next_steps.is_empty(), "everything held: nothing asked");
    }

    #[test]
    fn a_source_says_whose_page_it_is() {
        let rules = ce_roadmap_core::default_rules().unwrap();
        assert_eq!(host("https://www.ja-ces.or.jp/a/b?c"), "ja-ces.or.jp");
        assert_eq!(host("ceokai.com"), "ceokai.com");
        let whose = |u: &str| source_body(&rules, u).map(|b| b.id.as_str().to_string());
        assert_eq!(
            whose("https://www.ja-ces.or.jp/x/").as_deref(),
            Some("jacet")
        );
        assert_eq!(whose("https://jami.jp/x").as_deref(), Some("jami"));
        assert_eq!(whose("https://new.jhrs.or.jp/cdr").as_deref(), Some("jhrs"));
        // Another site is nobody's, even when its name ends like a body's host.
        assert_eq!(whose("https://ceokai.com/certification-exam/881/"), None);
        assert_eq!(whose("https://notjami.jp/"), None);
        // The parent of a body's subdomain is not that body's site: JAAME's, which runs
        // the respiratory committee's course; the dialysis committee's host matches first.
        assert_eq!(whose("https://www.jaame.or.jp/").as_deref(), Some("jaame"));
        assert_eq!(
            whose("http://jaame.or.jp/koushuu/kokyu/k_nintei_kousyu.html").as_deref(),
            Some("jaame")
        );
        assert_eq!(
            whose("https://touseki.jaame.or.jp/koushin_r03.php").as_deref(),
            Some("dialysis_committee")
        );
    }
}
