//! The checked rule set the evaluator works on: typed ids, months instead of
//! fractional years, indexes for lookups. Built only by `validate`.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::date::Date;
use crate::file::*;
use crate::ids::*;
// `Rule` and every kind's model (`LicenceRule`, …), so a new kind needs no line here.
pub use crate::kinds::*;

#[derive(Clone, Debug)]
pub struct RuleSet {
    pub version: String,
    /// sha256 of the canonical JSON form of the rule file, hex.
    pub sha256: String,
    pub title: Text,
    pub disclaimer: Text,
    pub sources: Vec<SourceDef>,
    pub licences: Vec<NamedDef<LicenceId>>,
    pub areas: Vec<AreaDef>,
    pub bodies: Vec<BodyDef>,
    pub case_kinds: Vec<NamedDef<CaseKindId>>,
    pub courses: Vec<CourseDef>,
    pub exams: Vec<NamedDef<ExamId>>,
    pub licence_route: LicenceRouteDef,
    pub credentials: Vec<Credential>,
    pub fee_support: FeeSupportDef,
    pub graduate_school: Option<GraduateSchoolDef>,
    pub(crate) index: Index,
}

/// FNV-1a: ids are short and trusted-size, and lookups run on every keystroke;
/// SipHash's flood resistance buys nothing here.
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

#[derive(Clone, Debug, Default)]
pub(crate) struct Index {
    pub sources: FastMap<String, usize>,
    pub licences: FastMap<String, usize>,
    pub areas: FastMap<String, usize>,
    pub bodies: FastMap<String, usize>,
    pub case_kinds: FastMap<String, usize>,
    pub courses: FastMap<String, usize>,
    pub exams: FastMap<String, usize>,
    pub credentials: FastMap<String, usize>,
}

#[derive(Clone, Debug)]
pub struct Credential {
    pub id: CredentialId,
    pub name: Text,
    pub body: BodyId,
    /// Index of `body` in the rule set's bodies, resolved at load.
    pub body_ix: Option<usize>,
    pub tier: Tier,
    pub areas: Vec<AreaId>,
    pub exam_months: Option<Vec<u8>>,
    pub exam: Option<NoteDef>,
    pub applications: Vec<ApplicationDef>,
    pub renewal: Option<RenewalDef>,
    pub seed: Option<SeedDef>,
    pub notes: Vec<NoteDef>,
    pub unknowns: Vec<NoteDef>,
    pub sources: Vec<SourceId>,
    pub conditions: Vec<Condition>,
    pub certify: Option<Vec<Condition>>,
}

#[derive(Clone, Debug)]
pub struct Condition {
    pub rule: Rule,
    /// Index of `source` in the rule set's sources, resolved at load.
    pub source_ix: Option<usize>,
    pub source: Option<SourceId>,
    pub note: Option<Text>,
    pub from: Option<Date>,
    pub until: Option<Date>,
}

/// What a credential refers to among other credentials and exams, at either stage:
/// prerequisites, exemptions and exams to pass. Ids as written, each once.
#[derive(Debug, Default, PartialEq)]
pub struct Requires<'a> {
    pub credentials: Vec<&'a str>,
    pub exams: Vec<&'a str>,
}

impl<'a> Requires<'a> {
    pub(crate) fn credentials(&mut self, ids: impl IntoIterator<Item = &'a str>) {
        add(&mut self.credentials, ids);
    }
    pub(crate) fn exams(&mut self, ids: impl IntoIterator<Item = &'a str>) {
        add(&mut self.exams, ids);
    }
    fn walk(&mut self, conds: &'a [Condition]) {
        for c in conds {
            c.rule.requires(self);
        }
    }
}

fn add<'a>(list: &mut Vec<&'a str>, ids: impl IntoIterator<Item = &'a str>) {
    for id in ids {
        if !list.contains(&id) {
            list.push(id);
        }
    }
}

impl Credential {
    pub fn requires(&self) -> Requires<'_> {
        let mut out = Requires::default();
        out.walk(&self.conditions);
        out.walk(self.certify.as_deref().unwrap_or_default());
        out
    }
}

impl Condition {
    /// Whether the condition is in force on `date` (effective dates).
    pub fn in_force(&self, date: Date) -> bool {
        self.from.is_none_or(|f| f <= date) && self.until.is_none_or(|u| date <= u)
    }
}

impl RuleSet {
    pub fn credential(&self, id: &str) -> Option<&Credential> {
        self.index
            .credentials
            .get(id)
            .map(|&i| &self.credentials[i])
    }
    pub fn source(&self, id: &str) -> Option<&SourceDef> {
        self.index.sources.get(id).map(|&i| &self.sources[i])
    }
    pub fn area(&self, id: &str) -> Option<&AreaDef> {
        self.index.areas.get(id).map(|&i| &self.areas[i])
    }
    pub fn body(&self, id: &str) -> Option<&BodyDef> {
        self.index.bodies.get(id).map(|&i| &self.bodies[i])
    }
    pub fn licence(&self, id: &str) -> Option<&NamedDef<LicenceId>> {
        self.index.licences.get(id).map(|&i| &self.licences[i])
    }
    pub fn case_kind(&self, id: &str) -> Option<&NamedDef<CaseKindId>> {
        self.index.case_kinds.get(id).map(|&i| &self.case_kinds[i])
    }
    pub fn course(&self, id: &str) -> Option<&CourseDef> {
        self.index.courses.get(id).map(|&i| &self.courses[i])
    }
    /// Whether a course step's alternatives are a course or a meeting: the first one's
    /// kind decides (a course where it is not in the rules).
    pub fn course_kind<'a>(&self, mut ids: impl Iterator<Item = &'a str>) -> CourseKind {
        ids.next()
            .and_then(|id| self.course(id))
            .map_or(CourseKind::Course, |c| c.kind)
    }
    /// The name of an exam: an external one, or a credential's own exam.
    pub fn exam_name(&self, id: &str) -> Option<Text> {
        if let Some(&i) = self.index.exams.get(id) {
            let e = &self.exams[i];
            return Some(Text {
                ja: e.ja.clone(),
                en: e.en.clone(),
            });
        }
        self.credential(id).map(|c| c.name.clone())
    }
    pub fn is_exam(&self, id: &str) -> bool {
        self.index.exams.contains_key(id) || self.index.credentials.contains_key(id)
    }
    pub fn credential_index(&self, id: &str) -> Option<usize> {
        self.index.credentials.get(id).copied()
    }

    /// What the course of this length needs before it, if anything.
    pub fn prior_study(&self, course_years: u8) -> Option<&PriorStudyDef> {
        self.licence_route
            .prior_study
            .iter()
            .find(|p| p.course_years == course_years)
    }

    /// Years of study a course of this length follows (0: straight from high school).
    pub fn prior_years(&self, course_years: u8) -> u8 {
        self.prior_study(course_years).map_or(0, |p| p.years)
    }
}

impl RuleSet {
    /// Rebuilds what the model derives from its ids (the indexes, each
    /// credential's `body_ix`, each condition's `source_ix`), for a model read
    /// from the compiled form. The first of two equal ids wins, as nothing in a
    /// compiled file can be trusted to be unique; indexes always point in range.
    pub(crate) fn relink(&mut self) {
        fn index<'a>(ids: impl Iterator<Item = &'a str>) -> FastMap<String, usize> {
            let mut map = FastMap::default();
            for (i, id) in ids.enumerate() {
                map.entry(id.to_string()).or_insert(i);
            }
            map
        }
        self.index = Index {
            sources: index(self.sources.iter().map(|x| x.id.as_str())),
            licences: index(self.licences.iter().map(|x| x.id.as_str())),
            areas: index(self.areas.iter().map(|x| x.id.as_str())),
            bodies: index(self.bodies.iter().map(|x| x.id.as_str())),
            case_kinds: index(self.case_kinds.iter().map(|x| x.id.as_str())),
            courses: index(self.courses.iter().map(|x| x.id.as_str())),
            exams: index(self.exams.iter().map(|x| x.id.as_str())),
            credentials: index(self.credentials.iter().map(|x| x.id.as_str())),
        };
        fn link(conds: &mut [Condition], sources: &FastMap<String, usize>) {
            for c in conds {
                c.source_ix = c
                    .source
                    .as_ref()
                    .and_then(|s| sources.get(s.as_str()).copied());
                if let Rule::AnyOf(of) | Rule::AllOf(of) = &mut c.rule {
                    link(of, sources);
                }
            }
        }
        let index = &self.index;
        for c in &mut self.credentials {
            c.body_ix = index.bodies.get(c.body.as_str()).copied();
            link(&mut c.conditions, &index.sources);
            if let Some(certify) = &mut c.certify {
                link(certify, &index.sources);
            }
        }
    }
}
