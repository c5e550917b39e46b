//! From `RuleFile` to `RuleSet`: every reference resolved, every number checked,
//! conditions typed by kind, prerequisite cycles refused. All errors are collected.

use crate::error::{RuleError, RuleErrorKind, RuleErrors};
use crate::file::*;
use crate::ids::*;
#[cfg(feature = "toml")]
use crate::locate;
use crate::model::*;

/// Longest span any rule may ask for; larger values are typos.
const MAX_YEARS: f64 = 60.0;
const MAX_COUNT: f64 = 1_000_000.0;

pub(crate) struct Ctx<'a> {
    file: &'a str,
    #[cfg_attr(not(feature = "toml"), allow(dead_code))]
    text: Option<&'a str>,
    errors: Vec<RuleError>,
    index: Index,
}

impl Ctx<'_> {
    pub(crate) fn err(&mut self, path: String, kind: RuleErrorKind) {
        // Only TOML text is given (`load`), so a build that reads JSON alone
        // carries no line finder (-0.3 KB brotli in the rule compiler module).
        #[cfg(feature = "toml")]
        let line = self.text.and_then(|t| locate::line_of_path(t, &path));
        #[cfg(not(feature = "toml"))]
        let line = None;
        self.errors.push(RuleError {
            file: self.file.to_string(),
            path,
            line,
            kind,
        });
    }

    pub(crate) fn check_ref(&mut self, path: String, what: &'static str, id: &str) {
        let known = match what {
            "source" => self.index.sources.contains_key(id),
            "licence" => self.index.licences.contains_key(id),
            "area" => self.index.areas.contains_key(id),
            "body" => self.index.bodies.contains_key(id),
            "case kind" => self.index.case_kinds.contains_key(id),
            "course" => self.index.courses.contains_key(id),
            "credential" => self.index.credentials.contains_key(id),
            "exam" => self.index.exams.contains_key(id) || self.index.credentials.contains_key(id),
            _ => false,
        };
        if !known {
            self.err(
                path,
                RuleErrorKind::UnknownRef {
                    what,
                    id: id.to_string(),
                },
            );
        }
    }

    pub(crate) fn years(&mut self, path: String, v: f64) -> u32 {
        if !v.is_finite() || !(0.0..=MAX_YEARS).contains(&v) {
            self.err(
                path,
                RuleErrorKind::BadNumber {
                    value: v,
                    expected: "years from 0 to 60",
                },
            );
            return 0;
        }
        (v * 12.0).round() as u32
    }

    pub(crate) fn count(&mut self, path: String, v: f64, whole: bool) -> f64 {
        let ok = v.is_finite() && (0.0..=MAX_COUNT).contains(&v) && (!whole || v.fract() == 0.0);
        if !ok {
            let expected = if whole {
                "a whole number from 0 to 1000000"
            } else {
                "a number from 0 to 1000000"
            };
            self.err(path, RuleErrorKind::BadNumber { value: v, expected });
            return 0.0;
        }
        v
    }

    fn month(&mut self, path: String, m: u8) {
        if !(1..=12).contains(&m) {
            self.err(path, RuleErrorKind::BadMonth { value: m });
        }
    }

    fn text(&mut self, path: String, field: &'static str, s: &str) {
        if s.trim().is_empty() {
            self.err(format!("{path}.{field}"), RuleErrorKind::Empty { field });
        }
    }
}

/// One condition's fields as its kind's check reads them: paths relative to the
/// condition (`"years"` → `credentials[3].conditions[1].years`), errors collected.
pub(crate) struct Fields<'x, 'a> {
    pub(crate) ctx: &'x mut Ctx<'a>,
    pub(crate) p: &'x str,
    pub(crate) c: &'x ConditionDef,
}

impl Fields<'_, '_> {
    pub(crate) fn err(&mut self, field: &str, kind: RuleErrorKind) {
        self.ctx.err(format!("{}.{field}", self.p), kind);
    }
    pub(crate) fn missing(&mut self, field: &'static str) {
        let kind = self.c.kind.as_str();
        self.err(field, RuleErrorKind::MissingField { field, kind });
    }
    pub(crate) fn check_ref(&mut self, field: &str, what: &'static str, id: &str) {
        self.ctx.check_ref(format!("{}.{field}", self.p), what, id);
    }
    pub(crate) fn years(&mut self, field: &str, v: f64) -> u32 {
        self.ctx.years(format!("{}.{field}", self.p), v)
    }
    pub(crate) fn count(&mut self, field: &str, v: f64, whole: bool) -> f64 {
        self.ctx.count(format!("{}.{field}", self.p), v, whole)
    }
    /// `within_years` in months, checked.
    pub(crate) fn window(&mut self) -> Option<u32> {
        self.c.within_years.map(|w| self.years("within_years", w))
    }
    /// A list of ids, each a known `what`; an empty list is an error.
    pub(crate) fn ids(
        &mut self,
        field: &'static str,
        list: &Option<Vec<String>>,
        what: &'static str,
    ) -> Vec<String> {
        let Some(list) = list else {
            return Vec::new();
        };
        if list.is_empty() {
            self.err(field, RuleErrorKind::Empty { field });
        }
        for (j, id) in list.iter().enumerate() {
            self.check_ref(&format!("{field}[{j}]"), what, id);
        }
        list.clone()
    }
    /// The body a membership or units condition names, checked; empty if missing.
    pub(crate) fn body(&mut self) -> BodyId {
        let body = self.c.body.clone().unwrap_or_else(|| {
            self.missing("body");
            BodyId::new("")
        });
        if !body.as_str().is_empty() {
            self.check_ref("body", "body", body.as_str());
        }
        body
    }
    /// A group's members, each checked as a condition.
    pub(crate) fn conditions(&mut self, field: &str, list: &[ConditionDef]) -> Vec<Condition> {
        conditions_fn(self.ctx, &format!("{}.{field}", self.p), list)
    }
}

fn build_index<I: AsRef<str>>(
    ctx: &mut Ctx,
    list: &str,
    what: &'static str,
    ids: impl Iterator<Item = I>,
) -> FastMap<String, usize> {
    let mut map = FastMap::default();
    for (i, id) in ids.enumerate() {
        let id = id.as_ref();
        if map.insert(id.to_string(), i).is_some() {
            ctx.err(
                format!("{list}[{i}].id"),
                RuleErrorKind::DuplicateId {
                    what,
                    id: id.to_string(),
                },
            );
        }
        if id.is_empty()
            || !id.bytes().all(|b| {
                b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b.is_ascii_uppercase()
            })
        {
            ctx.err(
                format!("{list}[{i}].id"),
                RuleErrorKind::Parse {
                    message: format!("invalid id `{id}`: expected letters, digits and `_`"),
                },
            );
        }
    }
    map
}

/// Checks every rule and builds the model. `sha256` is the file's content hash
/// (`load::content_hash`), passed in so the embedded rules can bring theirs from build.rs.
pub fn validate(
    file_name: &str,
    text: Option<&str>,
    file: RuleFile,
    sha256: String,
) -> Result<RuleSet, RuleErrors> {
    let mut ctx = Ctx {
        file: file_name,
        text,
        errors: Vec::new(),
        index: Index::default(),
    };

    ctx.index.sources = build_index(
        &mut ctx,
        "sources",
        "source",
        file.sources.iter().map(|s| s.id.as_str()),
    );
    ctx.index.licences = build_index(
        &mut ctx,
        "licences",
        "licence",
        file.licences.iter().map(|s| s.id.as_str()),
    );
    ctx.index.areas = build_index(
        &mut ctx,
        "areas",
        "area",
        file.areas.iter().map(|s| s.id.as_str()),
    );
    ctx.index.bodies = build_index(
        &mut ctx,
        "bodies",
        "body",
        file.bodies.iter().map(|s| s.id.as_str()),
    );
    ctx.index.case_kinds = build_index(
        &mut ctx,
        "case_kinds",
        "case kind",
        file.case_kinds.iter().map(|s| s.id.as_str()),
    );
    ctx.index.courses = build_index(
        &mut ctx,
        "courses",
        "course",
        file.courses.iter().map(|s| s.id.as_str()),
    );
    ctx.index.exams = build_index(
        &mut ctx,
        "exams",
        "exam",
        file.exams.iter().map(|s| s.id.as_str()),
    );
    ctx.index.credentials = build_index(
        &mut ctx,
        "credentials",
        "credential",
        file.credentials.iter().map(|s| s.id.as_str()),
    );
    for (i, e) in file.exams.iter().enumerate() {
        if ctx.index.credentials.contains_key(e.id.as_str()) {
            ctx.err(
                format!("exams[{i}].id"),
                RuleErrorKind::DuplicateId {
                    what: "exam (also a credential)",
                    id: e.id.to_string(),
                },
            );
        }
    }

    if file.version.trim().is_empty() {
        ctx.err("version".into(), RuleErrorKind::Empty { field: "version" });
    }
    for (i, s) in file.sources.iter().enumerate() {
        if !(s.url.starts_with("https://") || s.url.starts_with("http://"))
            || s.url.contains(char::is_whitespace)
        {
            ctx.err(
                format!("sources[{i}].url"),
                RuleErrorKind::BadUrl {
                    value: s.url.clone(),
                },
            );
        }
        if !valid_read_date(&s.read) {
            ctx.err(
                format!("sources[{i}].read"),
                RuleErrorKind::BadReadDate {
                    value: s.read.clone(),
                },
            );
        }
    }
    for (i, b) in file.bodies.iter().enumerate() {
        if let Some(url) = &b.url {
            if !(url.starts_with("https://") || url.starts_with("http://")) {
                ctx.err(
                    format!("bodies[{i}].url"),
                    RuleErrorKind::BadUrl { value: url.clone() },
                );
            }
        }
        for (lang, short, name) in [("ja", &b.short_ja, &b.ja), ("en", &b.short_en, &b.en)] {
            if let Some(short) = short {
                if short.trim().is_empty() || !name.contains(short.as_str()) {
                    ctx.err(
                        format!("bodies[{i}].short_{lang}"),
                        RuleErrorKind::ShortNotInName {
                            short: short.clone(),
                            name: name.clone(),
                        },
                    );
                }
            }
        }
        if let Some(u) = &b.unit {
            ctx.text(format!("bodies[{i}].unit"), "ja", &u.ja);
            ctx.text(format!("bodies[{i}].unit"), "en", &u.en);
        }
    }
    for (i, c) in file.courses.iter().enumerate() {
        if let Some(b) = &c.body {
            ctx.check_ref(format!("courses[{i}].body"), "body", b.as_str());
        }
    }

    let route = &file.licence_route;
    ctx.check_ref(
        "licence_route.licence".into(),
        "licence",
        route.licence.as_str(),
    );
    if route.school_years.is_empty() {
        ctx.err(
            "licence_route.school_years".into(),
            RuleErrorKind::Empty {
                field: "school_years",
            },
        );
    }
    for (i, &y) in route.school_years.iter().enumerate() {
        if !(1..=6).contains(&y) {
            ctx.err(
                format!("licence_route.school_years[{i}]"),
                RuleErrorKind::BadNumber {
                    value: y as f64,
                    expected: "1 to 6 years",
                },
            );
        }
    }
    ctx.month("licence_route.exam_month".into(), route.exam_month);
    ctx.month("licence_route.results_month".into(), route.results_month);
    ctx.month("licence_route.licence_month".into(), route.licence_month);
    for (i, s) in route.sources.iter().enumerate() {
        ctx.check_ref(format!("licence_route.sources[{i}]"), "source", s.as_str());
    }
    check_notes(&mut ctx, "licence_route.notes", &route.notes);
    for (i, p) in route.prior_study.iter().enumerate() {
        let path = |f: &str| format!("licence_route.prior_study[{i}].{f}");
        let id = p.course_years.to_string();
        // A course length of the route, named once.
        if route.prior_study[..i]
            .iter()
            .any(|q| q.course_years == p.course_years)
        {
            let what = "prior study for course";
            ctx.err(
                path("course_years"),
                RuleErrorKind::DuplicateId { what, id },
            );
        } else if !route.school_years.contains(&p.course_years) {
            let what = "course length (school_years)";
            ctx.err(path("course_years"), RuleErrorKind::UnknownRef { what, id });
        }
        for (f, y) in [
            ("years", p.years),
            ("technical_college_years", p.technical_college_years),
        ] {
            if !(1..=6).contains(&y) {
                let (value, expected) = (f64::from(y), "1 to 6 years");
                ctx.err(path(f), RuleErrorKind::BadNumber { value, expected });
            }
        }
        ctx.check_ref(path("source"), "source", p.source.as_str());
    }

    let mut credentials = Vec::with_capacity(file.credentials.len());
    for (i, c) in file.credentials.iter().enumerate() {
        credentials.push(credential(&mut ctx, i, c));
    }
    check_cycles(&mut ctx, &credentials);
    fee_support(&mut ctx, &file.fee_support);
    if let Some(g) = &file.graduate_school {
        graduate_school(&mut ctx, g);
    }

    if !ctx.errors.is_empty() {
        return Err(RuleErrors(ctx.errors));
    }
    let RuleFile {
        version,
        title,
        disclaimer,
        sources,
        licences,
        areas,
        bodies,
        case_kinds,
        courses,
        exams,
        licence_route,
        fee_support,
        graduate_school,
        ..
    } = file;
    Ok(RuleSet {
        version,
        sha256,
        title,
        disclaimer,
        sources,
        licences,
        areas,
        bodies,
        case_kinds,
        courses,
        exams,
        licence_route,
        credentials,
        fee_support,
        graduate_school,
        index: ctx.index,
    })
}

fn valid_read_date(s: &str) -> bool {
    if s.len() == 7 {
        return crate::date::Date::parse(&format!("{s}-01")).is_some();
    }
    crate::date::Date::parse(s).is_some()
}

fn fee_support(ctx: &mut Ctx, f: &FeeSupportDef) {
    build_index(
        ctx,
        "fee_support.schemes",
        "scheme",
        f.schemes.iter().map(|s| s.id.as_str()),
    );
    for (i, s) in f.schemes.iter().enumerate() {
        let p = format!("fee_support.schemes[{i}]");
        ctx.text(p.clone(), "ja", &s.ja);
        ctx.text(p.clone(), "en", &s.en);
        for (field, t) in [("what", &s.what), ("who", &s.who)] {
            ctx.text(format!("{p}.{field}"), "ja", &t.ja);
            ctx.text(format!("{p}.{field}"), "en", &t.en);
        }
        ctx.check_ref(format!("{p}.source"), "source", s.source.as_str());
    }
    check_notes(ctx, "fee_support.unknowns", &f.unknowns);
}

fn graduate_school(ctx: &mut Ctx, g: &GraduateSchoolDef) {
    for (field, y) in [
        ("master_years", g.master_years),
        ("doctor_years", g.doctor_years),
    ] {
        if !(1..=6).contains(&y) {
            ctx.err(
                format!("graduate_school.{field}"),
                RuleErrorKind::BadNumber {
                    value: y as f64,
                    expected: "1 to 6 years",
                },
            );
        }
    }
    check_notes(ctx, "graduate_school.notes", &g.notes);
    ctx.check_ref("graduate_school.source".into(), "source", g.source.as_str());
}

fn check_notes(ctx: &mut Ctx, path: &str, notes: &[NoteDef]) {
    for (i, n) in notes.iter().enumerate() {
        ctx.text(format!("{path}[{i}]"), "ja", &n.ja);
        ctx.text(format!("{path}[{i}]"), "en", &n.en);
        if let Some(s) = &n.source {
            ctx.check_ref(format!("{path}[{i}].source"), "source", s.as_str());
        }
    }
}

fn credential(ctx: &mut Ctx, i: usize, c: &CredentialDef) -> Credential {
    let p = format!("credentials[{i}]");
    ctx.text(p.clone(), "ja", &c.ja);
    ctx.text(p.clone(), "en", &c.en);
    ctx.check_ref(format!("{p}.body"), "body", c.body.as_str());
    for (j, a) in c.areas.iter().enumerate() {
        ctx.check_ref(format!("{p}.areas[{j}]"), "area", a.as_str());
    }
    if let Some(months) = &c.exam_months {
        for (j, &m) in months.iter().enumerate() {
            ctx.month(format!("{p}.exam_months[{j}]"), m);
        }
    }
    if let Some(e) = &c.exam {
        check_notes(ctx, &format!("{p}.exam"), std::slice::from_ref(e));
    }
    for (j, a) in c.applications.iter().enumerate() {
        let ap = format!("{p}.applications[{j}]");
        ctx.check_ref(format!("{ap}.source"), "source", a.source.as_str());
        if let Some(y) = a.example_year.filter(|y| !(1950..=2150).contains(y)) {
            ctx.err(
                format!("{ap}.example_year"),
                RuleErrorKind::BadNumber {
                    value: f64::from(y),
                    expected: "a year from 1950 to 2150",
                },
            );
        }
        let held = c.exam_months.iter().flatten().any(|&m| m == a.exam_month);
        if !held {
            ctx.err(
                format!("{ap}.exam_month"),
                RuleErrorKind::NotAnExamMonth {
                    value: a.exam_month,
                },
            );
        }
        if c.applications[..j]
            .iter()
            .any(|b| b.exam_month == a.exam_month)
        {
            ctx.err(
                format!("{ap}.exam_month"),
                RuleErrorKind::SecondWindow {
                    month: a.exam_month,
                },
            );
        }
    }
    if let Some(r) = &c.renewal {
        ctx.check_ref(format!("{p}.renewal.source"), "source", r.source.as_str());
    }
    check_notes(ctx, &format!("{p}.notes"), &c.notes);
    check_notes(ctx, &format!("{p}.unknowns"), &c.unknowns);
    if c.sources.is_empty() {
        ctx.err(
            format!("{p}.sources"),
            RuleErrorKind::Empty { field: "sources" },
        );
    }
    for (j, s) in c.sources.iter().enumerate() {
        ctx.check_ref(format!("{p}.sources[{j}]"), "source", s.as_str());
    }
    let conditions = conditions(ctx, &format!("{p}.conditions"), &c.conditions);
    let certify = c
        .certify
        .as_ref()
        .map(|list| conditions_fn(ctx, &format!("{p}.certify"), list));
    Credential {
        id: c.id.clone(),
        name: Text {
            ja: c.ja.clone(),
            en: c.en.clone(),
        },
        body: c.body.clone(),
        body_ix: ctx.index.bodies.get(c.body.as_str()).copied(),
        tier: c.tier,
        areas: c.areas.clone(),
        exam_months: c.exam_months.clone(),
        exam: c.exam.clone(),
        applications: c.applications.clone(),
        renewal: c.renewal.clone(),
        seed: c.seed.clone(),
        notes: c.notes.clone(),
        unknowns: c.unknowns.clone(),
        sources: c.sources.clone(),
        conditions,
        certify,
    }
}

fn conditions(ctx: &mut Ctx, path: &str, list: &[ConditionDef]) -> Vec<Condition> {
    conditions_fn(ctx, path, list)
}

fn conditions_fn(ctx: &mut Ctx, path: &str, list: &[ConditionDef]) -> Vec<Condition> {
    list.iter()
        .enumerate()
        .map(|(i, c)| condition(ctx, &format!("{path}[{i}]"), c))
        .collect()
}

/// The fields each kind takes, besides kind, source, note, from and until.
fn condition(ctx: &mut Ctx, p: &str, c: &ConditionDef) -> Condition {
    let kind = c.kind;
    let k = kind.as_str();
    for f in c.kind_fields() {
        if !crate::kinds::fields(kind).contains(&f) {
            ctx.err(
                format!("{p}.{f}"),
                RuleErrorKind::FieldNotForKind { field: f, kind: k },
            );
        }
    }
    let group = matches!(kind, ConditionKind::AnyOf | ConditionKind::AllOf);
    match &c.source {
        Some(s) => ctx.check_ref(format!("{p}.source"), "source", s.as_str()),
        None if !group => ctx.err(
            format!("{p}.source"),
            RuleErrorKind::MissingField {
                field: "source",
                kind: k,
            },
        ),
        None => {}
    }
    if let (Some(f), Some(u)) = (c.from, c.until) {
        if f > u {
            ctx.err(
                format!("{p}.from"),
                RuleErrorKind::BadEffectiveRange {
                    from: f.to_string(),
                    until: u.to_string(),
                },
            );
        }
    }
    let rule = crate::kinds::check(&mut Fields { ctx, p, c });
    let source_ix = c
        .source
        .as_ref()
        .and_then(|s| ctx.index.sources.get(s.as_str()).copied());
    Condition {
        rule,
        source_ix,
        source: c.source.clone(),
        note: c.note.clone(),
        from: c.from,
        until: c.until,
    }
}

/// Prerequisite credentials (condition kind `credential`) must not loop.
fn check_cycles(ctx: &mut Ctx, creds: &[Credential]) {
    fn prereqs(list: &[Condition], out: &mut Vec<String>) {
        for c in list {
            match &c.rule {
                Rule::Credential(r) => out.extend(r.ids.iter().map(|i| i.0.clone())),
                Rule::AnyOf(l) | Rule::AllOf(l) => prereqs(l, out),
                _ => {}
            }
        }
    }
    let edges: Vec<Vec<usize>> = creds
        .iter()
        .map(|c| {
            let mut ids = Vec::new();
            prereqs(&c.conditions, &mut ids);
            if let Some(cert) = &c.certify {
                prereqs(cert, &mut ids);
            }
            ids.iter()
                .filter_map(|id| ctx.index.credentials.get(id).copied())
                .collect()
        })
        .collect();
    // Iterative three-colour DFS; reports each cycle once, at its first credential.
    let mut colour = vec![0u8; creds.len()];
    for start in 0..creds.len() {
        if colour[start] != 0 {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        colour[start] = 1;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if let Some(&to) = edges[node].get(*next) {
                *next += 1;
                match colour[to] {
                    0 => {
                        colour[to] = 1;
                        stack.push((to, 0));
                    }
                    1 => {
                        let from = stack.iter().position(|&(n, _)| n == to).unwrap_or(0);
                        let mut chain: Vec<String> = stack[from..]
                            .iter()
                            .map(|&(n, _)| creds[n].id.0.clone())
                            .collect();
                        chain.push(creds[to].id.0.clone());
                        ctx.err(
                            format!("credentials[{to}].conditions"),
                            RuleErrorKind::Cycle { chain },
                        );
                    }
                    _ => {}
                }
            } else {
                colour[node] = 2;
                stack.pop();
            }
        }
    }
}
