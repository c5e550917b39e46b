//! Every criterion and step in words, Japanese and English, from the names in
//! the rule set. Presentation only: verdicts are decided in `evaluate`.

use crate::roadmap::{
    Action, Assumption, AssumptionKind, Blocker, BlockerKind, Criterion, PlanStep, Roadmap,
};
use crate::rules::file::{CourseKind, Text};
use crate::rules::model::RuleSet;

pub fn fill(rules: &RuleSet, roadmap: &mut Roadmap) {
    for c in &mut roadmap.credentials {
        for k in c
            .criteria
            .iter_mut()
            .chain(c.certify_criteria.iter_mut().flatten())
        {
            criterion(rules, k);
        }
        for s in &mut c.next_steps {
            s.text = action(rules, s.action, &s.target, None);
        }
        if let Some(e) = &mut c.earliest {
            for s in &mut e.steps {
                s.text = plan_step(rules, s);
            }
            for b in &mut e.blocked_by {
                b.text = blocker(rules, b);
            }
            for a in &mut e.assumptions {
                a.text = assumption(a);
            }
        }
    }
    for s in &mut roadmap.next_steps {
        s.text = action(rules, s.action, &s.target, None);
    }
    for u in roadmap.routes.iter_mut().flat_map(|r| &mut r.undated) {
        if let Some(b) = &mut u.blocked_by {
            b.text = blocker(rules, b);
        }
    }
    for y in &mut roadmap.plan {
        for s in &mut y.steps {
            s.text = plan_step(rules, s);
        }
    }
}

/// Texts for a plan built outside `evaluate` (the widget's plan for the visitor's areas).
pub fn plan_texts(rules: &RuleSet, plan: &mut [crate::roadmap::PlanYear]) {
    for s in plan.iter_mut().flat_map(|y| &mut y.steps) {
        if s.text.ja.is_empty() {
            s.text = plan_step(rules, s);
        }
    }
}

/// A name in the middle of an English sentence: "Specialist course" → "specialist
/// course"; acronyms ("ITE", "JaSECT") and proper names, whose second word is
/// capitalised too ("Japanese Society of ..."), stay as they are.
pub fn mid_sentence(en: &str) -> String {
    let mut words = en.split([' ', ',', ':']);
    let first_word = words.next().unwrap_or("");
    // A second word in title case ("Japan Association") makes a proper name; an
    // acronym ("General IT work") does not.
    let second_capital = words.next().is_some_and(|w| {
        w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
            && w.chars().any(|c| c.is_ascii_lowercase())
    });
    let mut chars = first_word.chars();
    let plain = !second_capital
        && chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.all(|c| c.is_ascii_lowercase() || c == '-');
    if plain {
        let mut out = en[..1].to_ascii_lowercase();
        out.push_str(&en[1..]);
        out
    } else {
        en.to_string()
    }
}

/// Courses as a phrase with the verb their kind takes: a course is taken
/// (受講する), a meeting attended (参加する). The first named decides the verb.
/// Courses as the object of their verb, the Japanese particle included (the
/// caller adds 受講する or 参加する): a single course's amount goes before the verb,
/// 「医学講義を20時間以上」受講する / "medical lectures for 20 hours or more"; with
/// alternatives each keeps its amount in parentheses after its own name.
pub(crate) fn course_phrase(rules: &RuleSet, ids: &[&str]) -> (CourseKind, String, String) {
    let kind = rules.course_kind(ids.iter().copied());
    let particle = match kind {
        CourseKind::Meeting => "に",
        CourseKind::Course => "を",
    };
    let (mut ja, en) = names(rules, "course", ids);
    let mut en: Vec<String> = en.iter().map(|e| mid_sentence(e)).collect();
    let amounts: Vec<Option<&Text>> = ids
        .iter()
        .map(|id| rules.course(id).and_then(|c| c.amount.as_ref()))
        .collect();
    if let [Some(a)] = amounts.as_slice() {
        let (j, e) = (ja.join(""), en.join(""));
        return (
            kind,
            format!("{j}{particle}{}", a.ja),
            format!("{e} {}", a.en),
        );
    }
    for ((j, e), a) in ja.iter_mut().zip(en.iter_mut()).zip(&amounts) {
        if let Some(a) = a {
            *j = format!("{j}（{}）", a.ja);
            *e = format!("{e} ({})", a.en);
        }
    }
    (
        kind,
        format!("{}{particle}", ja.join(" または ")),
        en.join(" or the "),
    )
}

/// Years as "2年6か月" / "2 years 6 months".
pub fn years_ja(y: f64) -> String {
    let m = (y * 12.0).round() as i64;
    match (m / 12, m % 12) {
        (y, 0) => format!("{y}年"),
        (0, m) => format!("{m}か月"),
        (y, m) => format!("{y}年{m}か月"),
    }
}

pub fn years_en(y: f64) -> String {
    let m = (y * 12.0).round() as i64;
    let unit = |n: i64, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match (m / 12, m % 12) {
        (y, 0) => unit(y, "year", "years"),
        (0, m) => unit(m, "month", "months"),
        (y, m) => format!(
            "{} {}",
            unit(y, "year", "years"),
            unit(m, "month", "months")
        ),
    }
}

pub fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        // Two decimals at most, as people write years and units.
        crate::num::plain((v * 100.0).round() / 100.0)
    }
}

pub(crate) fn names(rules: &RuleSet, kind: &str, ids: &[&str]) -> (Vec<String>, Vec<String>) {
    ids.iter()
        .map(|id| {
            let t: Option<Text> = match kind {
                "licence" => rules.licence(id).map(|n| Text {
                    ja: n.ja.clone(),
                    en: n.en.clone(),
                }),
                "credential" => rules.credential(id).map(|c| c.name.clone()),
                "course" => rules.course(id).map(|c| Text {
                    ja: c.ja.clone(),
                    en: c.en.clone(),
                }),
                "exam" => rules.exam_name(id),
                "area" => rules.area(id).map(|n| Text {
                    ja: n.ja.clone(),
                    en: n.en.clone(),
                }),
                "case_kind" => rules.case_kind(id).map(|n| Text {
                    ja: n.ja.clone(),
                    en: n.en.clone(),
                }),
                _ => None,
            };
            let t = t.unwrap_or_else(|| Text {
                ja: id.to_string(),
                en: id.to_string(),
            });
            (t.ja, t.en)
        })
        .unzip()
}

/// A body as a sentence names it: its short name where it has one ("JACET"),
/// else the full name with "the" in English.
pub(crate) fn body(rules: &RuleSet, id: &str) -> (String, String) {
    match rules.body(id) {
        Some(b) => {
            let ja = b.said_ja().to_string();
            let en = match b.said_en() {
                (en, false) => en.to_string(),
                (en, true) => format!("the {}", mid_sentence(en)),
            };
            (ja, en)
        }
        None => (id.to_string(), id.to_string()),
    }
}

/// What a body counts for a `units` condition: its own word where the rules give
/// one (3学会: 点数 / points), else 単位 / units.
pub(crate) fn unit<'r>(rules: &'r RuleSet, id: &str) -> (&'r str, &'r str) {
    match rules.body(id).and_then(|b| b.unit.as_ref()) {
        Some(u) => (&u.ja, &u.en),
        None => ("単位", "units"),
    }
}

pub(crate) fn one(rules: &RuleSet, kind: &str, id: &str) -> (String, String) {
    let (mut ja, mut en) = names(rules, kind, &[id]);
    (ja.pop().unwrap_or_default(), en.pop().unwrap_or_default())
}

/// What every criterion's sentence may use: the counts and the window phrase.
pub(crate) struct Words {
    pub(crate) have: f64,
    pub(crate) need: f64,
    pub(crate) wja: String,
    pub(crate) wen: String,
}

fn window(k: &Criterion) -> (String, String) {
    match k.within_years {
        Some(w) => (
            format!("（直近{}以内）", years_ja(w)),
            format!(" within the last {}", years_en(w)),
        ),
        None => (String::new(), String::new()),
    }
}

fn criterion(rules: &RuleSet, k: &mut Criterion) {
    for o in &mut k.options {
        criterion(rules, o);
    }
    let (wja, wen) = window(k);
    let words = Words {
        have: k.have.unwrap_or(0.0),
        need: k.need.unwrap_or(0.0),
        wja,
        wen,
    };
    let (ja, en) = crate::kinds::text(rules, k, &words);
    k.text = Text { ja, en };
}

/// A step in words: the action, with how many more where it counts.
fn action(rules: &RuleSet, action: Action, target: &str, amount: Option<f64>) -> Text {
    let ids: Vec<&str> = target.split('|').filter(|t| !t.is_empty()).collect();
    let (ja, en) = match action {
        Action::Licence => {
            let (ja, en) = names(rules, "licence", &ids);
            (
                format!("国家試験に合格し、{}の免許を取得する", ja.join("・")),
                format!(
                    "Pass the national exam and obtain your licence ({})",
                    or_list(&en)
                ),
            )
        }
        Action::WorkInArea => {
            let (ja, en) = one(rules, "area", target);
            (
                format!("{ja}の業務に就く"),
                format!("Start working in {}", mid_sentence(&en)),
            )
        }
        Action::Work => (
            "臨床業務に就く".to_string(),
            "Start clinical work".to_string(),
        ),
        Action::Join => {
            let (ja, en) = body(rules, target);
            (format!("{ja}に入会する"), format!("Join {en}"))
        }
        Action::Cases => {
            let (ja, en) = one(rules, "case_kind", target);
            match amount {
                Some(n) => (
                    format!("{ja}をあと{}例積む", number(n)),
                    format!("Build up {} more cases: {}", number(n), mid_sentence(&en)),
                ),
                // The kind's name says what is counted (records, reports, assists).
                None => (
                    format!("{ja}の数を増やす"),
                    format!("Build up your {}", mid_sentence(&en)),
                ),
            }
        }
        Action::Credential => {
            let (ja, en) = names(rules, "credential", &ids);
            (
                format!("{}を取得する", ja.join(" または ")),
                format!("Obtain {}", or_list(&en)),
            )
        }
        Action::Course => {
            let (kind, ja, en) = course_phrase(rules, &ids);
            match kind {
                CourseKind::Meeting => (format!("{ja}参加する"), format!("Attend the {en}")),
                CourseKind::Course => (format!("{ja}受講する"), format!("Take the {en}")),
            }
        }
        Action::Units => {
            let ((ja, en), (uja, uen)) = (body(rules, target), unit(rules, target));
            match amount {
                // 「あと20単位」「あと12.5点」: the count names its unit.
                Some(n) => (
                    format!(
                        "{ja}の{uja}をあと{}{}取得する",
                        number(n),
                        uja.strip_suffix('数').unwrap_or(uja)
                    ),
                    format!("Earn {} more {uen} from {en}", number(n)),
                ),
                None => (
                    format!("{ja}の{uja}を取得する"),
                    format!("Earn {uen} from {en}"),
                ),
            }
        }
        Action::Exam => {
            let (ja, en) = exam_names(rules, &ids);
            (
                format!("{}に合格する", ja.join(" または ")),
                format!("Pass the {}", en.join(" or the ")),
            )
        }
        Action::Apply => {
            let (ja, en) = one(rules, "credential", target);
            (
                format!("{ja}の受験を申し込む"),
                format!("Apply to sit the {en} exam"),
            )
        }
        Action::Sit => {
            let (ja, en) = one(rules, "credential", target);
            // A name that already says "test" or "exam" takes no second one.
            let en = if en.contains("test") || en.contains("exam") {
                format!("Sit the {en}")
            } else {
                format!("Sit the {en} exam")
            };
            (format!("{ja}を受験する"), en)
        }
        Action::GraduateStart | Action::GraduateFinish => {
            let years = rules.graduate_school.as_ref().map(|g| match target {
                "doctor" => g.doctor_years,
                _ => g.master_years,
            });
            // (ja, en on entering, en on finishing)
            let (ja, en_in, en_out) = match target {
                "doctor" => ("博士後期課程", "the doctoral course", "the doctoral course"),
                _ => (
                    "大学院の修士課程",
                    "a master's course at graduate school",
                    "the master's course",
                ),
            };
            match (action, years) {
                (Action::GraduateStart, _) => (format!("{ja}に進む"), format!("Enter {en_in}")),
                (_, Some(y)) => (
                    format!("{ja}を修了する（標準{y}年）"),
                    format!("Finish {en_out} ({y} years as standard)"),
                ),
                _ => (format!("{ja}を修了する"), format!("Finish {en_out}")),
            }
        }
        Action::Renew => {
            let (ja, en) = one(rules, "credential", target);
            let en = mid_sentence(&en);
            match rules.credential(target).and_then(|c| c.renewal.as_ref()) {
                Some(r) => (
                    format!("{ja}を更新する（{}）", r.ja),
                    format!("Renew your {en} ({})", mid_sentence(&r.en)),
                ),
                None => (format!("{ja}を更新する"), format!("Renew your {en}")),
            }
        }
    };
    Text { ja, en }
}

/// Exams by name: a credential's own exam is "…の試験" / "… exam"; an exam
/// outside the catalogue is named in full by the rules.
pub(crate) fn exam_names(rules: &RuleSet, ids: &[&str]) -> (Vec<String>, Vec<String>) {
    ids.iter()
        .map(|id| match rules.credential(id) {
            Some(c) => (
                format!("{}の試験", c.name.ja),
                format!("{} exam", c.name.en),
            ),
            None => one(rules, "exam", id),
        })
        .unzip()
}

/// Alternatives in English: "A", "A or B", "A, B or C" (or "A or B or C" when a
/// name has a comma of its own, as "ME technician, class 2" does).
pub(crate) fn or_list(items: &[String]) -> String {
    let commas = items.len() > 2 && !items.iter().any(|i| i.contains(','));
    let mut out = String::new();
    for (k, item) in items.iter().enumerate() {
        if k > 0 {
            out.push_str(if commas && k + 1 < items.len() {
                ", "
            } else {
                " or "
            });
        }
        out.push_str(item);
    }
    out
}

fn plan_step(rules: &RuleSet, s: &PlanStep) -> Text {
    match (s.action, s.need, s.amount) {
        // Units as a total in their window, with what the visitor has: the 20 a
        // certification asks count toward the 50 a later one does.
        (Action::Units, Some(need), Some(more)) => {
            let ((ja, en), (uja, uen)) = (body(rules, &s.target), unit(rules, &s.target));
            let counter = uja.strip_suffix('数').unwrap_or(uja);
            let have = number((need - more).max(0.0));
            let (wja, wen) = match s.within_years {
                Some(w) => (
                    format!("{}間で", years_ja(w)),
                    format!(" within {}", years_en(w)),
                ),
                None => (String::new(), String::new()),
            };
            Text {
                ja: format!(
                    "{ja}の{uja}を{wja}{}{counter}取得する（いま{have}{counter}）",
                    number(need)
                ),
                en: format!(
                    "Earn {} {uen} from {en}{wen} (you have {have})",
                    number(need)
                ),
            }
        }
        // A window read from an old year's notice says which year.
        (Action::Apply, _, _) => {
            let mut t = action(rules, s.action, &s.target, s.amount);
            let year = rules
                .credential(&s.target)
                .and_then(|c| c.applications.iter().find_map(|a| a.example_year));
            if let Some(y) = year {
                t.ja += &format!("（締切は{y}年の例）");
                t.en += &format!(" (deadline: {y} example)");
            }
            t
        }
        // A two-stage credential's exam whose sittings are not published.
        (Action::Sit, _, _) if !s.scheduled => {
            let (ja, en) = one(rules, "credential", &s.target);
            Text {
                ja: format!("{ja}の試験を受けられるようになる（日程未公表）"),
                en: format!("Become eligible to sit the {en} exam (dates not published)"),
            }
        }
        // The national exam has its month (March) before the registration the
        // clocks count from: both in the one step.
        (Action::Licence, _, _) => {
            let route = &rules.licence_route;
            let m = route.exam_month;
            let y = if m > s.by.month() {
                s.by.year() - 1
            } else {
                s.by.year()
            };
            let ids: Vec<&str> = s.target.split('|').collect();
            let (ja, en) = names(rules, "licence", &ids);
            const MONTHS: [&str; 12] = [
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December",
            ];
            let month_en = MONTHS[usize::from(m.clamp(1, 12)) - 1];
            Text {
                ja: format!(
                    "{y}年{m}月の国家試験に合格し、{}の免許を登録する",
                    ja.join("・")
                ),
                en: format!(
                    "Pass the national exam in {month_en} {y} and register your licence ({})",
                    or_list(&en)
                ),
            }
        }
        _ => action(rules, s.action, &s.target, s.amount),
    }
}

fn blocker(rules: &RuleSet, b: &Blocker) -> Text {
    let t = b.target.as_ref();
    let (ja, en) = match b.kind {
        BlockerKind::Licence => {
            let ids: Vec<&str> = t.split('|').collect();
            let (ja, en) = names(rules, "licence", &ids);
            (
                format!("{}の免許が必要です。", ja.join("・")),
                format!("Needs a licence: {}.", or_list(&en)),
            )
        }
        BlockerKind::School => (
            "学校（課程と入学年）を入れると、免許の時期が分かります。".to_string(),
            "Give your school (course and start year) to date the licence.".to_string(),
        ),
        BlockerKind::Area => {
            let (ja, en) = one(rules, "area", t);
            (
                format!("{ja}での実務が必要です。働く予定の分野に加えると日付が出ます。"),
                format!(
                    "Needs work in {}: add it to the areas you plan to work in to see a date.",
                    mid_sentence(&en)
                ),
            )
        }
        BlockerKind::Work => (
            "臨床での実務が必要です。働いている分野か働く予定の分野を選ぶと日付が出ます。"
                .to_string(),
            "Needs clinical work: choose the areas you work in or plan to.".to_string(),
        ),
        BlockerKind::CasesRate => {
            let (ja, en) = one(rules, "case_kind", t);
            (
                format!("症例数しだいです。{ja}の年間の件数を入れると日付が出ます。"),
                format!(
                    "Depends on your case volume: give how many {} you do a year.",
                    mid_sentence(&en)
                ),
            )
        }
        BlockerKind::CasesOnceWorking => {
            let (ja, en) = one(rules, "case_kind", t);
            (
                format!("{ja}は働き始めてから積み重ねるため、まだ日付を出せません。"),
                format!("{en} are gathered once you work, so no date can be given yet."),
            )
        }
        BlockerKind::CasesUnknown => {
            let (ja, en) = one(rules, "case_kind", t);
            (
                format!("{ja}の必要数が公表されていないため、日付を出せません。"),
                format!(
                    "The number of {} needed is not published, so no date can be given.",
                    mid_sentence(&en)
                ),
            )
        }
        BlockerKind::CasesWindow => {
            let (ja, en) = one(rules, "case_kind", t);
            (
                format!("いまの年間件数では、{ja}の必要数に規定の期間内で届きません。"),
                format!(
                    "At your yearly number, the {} needed cannot be reached within the rule's window.",
                    mid_sentence(&en)
                ),
            )
        }
        BlockerKind::Cycle => (
            format!("前提となる資格が循環しています（{t}）。"),
            format!("The prerequisites form a cycle ({t})."),
        ),
        BlockerKind::Credential => {
            let (ja, en) = one(rules, "credential", t);
            (
                format!("前提の{ja}の日付を出せません。"),
                format!("The prerequisite {en} cannot be dated yet."),
            )
        }
        BlockerKind::ExperienceUnknown => (
            "必要な実務年数が公表されていないため、日付を出せません。".to_string(),
            "The years of practice required are not published, so no date can be given."
                .to_string(),
        ),
    };
    Text { ja, en }
}

fn assumption(a: &Assumption) -> Text {
    let (ja, en) = match a.kind {
        AssumptionKind::PassFirst => (
            "試験には最初の回で合格する前提です。",
            "Assumes you pass each exam at the first sitting.",
        ),
        AssumptionKind::CourseDates => (
            "講習会や学会の開催日が分からないため、必要な時期までに参加できる前提で計算しています。",
            "The course and meeting dates are not known: assumes they can be taken in time.",
        ),
        AssumptionKind::UnitsInTime => (
            "単位はそれまでに取得できる前提です。",
            "Assumes the units can be earned by then.",
        ),
        AssumptionKind::ExamDates => (
            "試験の時期が公表されていないため、条件がそろえば受験できる前提です。",
            "The exam month is not published: assumes it can be sat once the conditions are met.",
        ),
        AssumptionKind::ApplicationDates => (
            "申込み締切が分からないため、条件がそろえばその回に申し込める前提で計算しています。",
            "The application deadline is not known: assumes you can still apply for that sitting once the conditions are met.",
        ),
        AssumptionKind::Results => (
            "合格発表の日が分からないため、前提となる資格は試験の翌月から持っている前提で計算しています。",
            "The results dates are not known: a prerequisite counts from the month after its exam.",
        ),
        AssumptionKind::JoinAtLicence => (
            "学会や技士会には免許を取ってから入会する前提です。",
            "Assumes you join the societies once licensed.",
        ),
        AssumptionKind::CasesInWindow => (
            "いまある症例が、その時点でも規定の期間内に数えられる前提です。",
            "Assumes the cases you have still count within the rule's window then.",
        ),
        AssumptionKind::Registration => (
            "実務年数は免許の登録日から数えます。登録の時期は公表されていないため、合格発表から2か月ほど後の日を仮に置いています。",
            "Years of practice count from licence registration, whose timing is not published: a day about two months after the results is assumed.",
        ),
        AssumptionKind::FullTimeStudy => (
            "全日制の大学院に在学する間は、実務年数にも症例にも数えていません（あなたが選んだ進学の分だけ遅くなります）。",
            "The years of full-time graduate study count as neither work nor cases (the date is later by the study you chose).",
        ),
    };
    Text {
        ja: ja.to_string(),
        en: en.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_words() {
        assert_eq!(years_ja(2.5), "2年6か月");
        assert_eq!(years_en(2.5), "2 years 6 months");
        assert_eq!(years_en(1.0), "1 year");
        assert_eq!(years_ja(0.5), "6か月");
        assert_eq!(number(12.5), "12.5");
        assert_eq!(number(200.0), "200");
        assert_eq!(number(2.675), "2.68"); // as typed, half up (2.67499… in binary)
        assert_eq!(number(1.0 / 3.0), "0.33");
        assert_eq!(number(0.5), "0.5");
    }

    #[test]
    fn alternatives_in_english() {
        let l = |v: &[&str]| or_list(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(l(&["Nurse"]), "Nurse");
        assert_eq!(l(&["Nurse", "Physician"]), "Nurse or Physician");
        assert_eq!(l(&["A", "B", "C"]), "A, B or C");
        assert_eq!(
            l(&["ME technician, class 2", "B", "C"]),
            "ME technician, class 2 or B or C"
        );
    }

    #[test]
    fn names_mid_sentence() {
        assert_eq!(
            mid_sentence("Specialist course: endoscopy"),
            "specialist course: endoscopy"
        );
        assert_eq!(mid_sentence("JaSECT seminars"), "JaSECT seminars");
        assert_eq!(
            mid_sentence("MDIC certification seminar"),
            "MDIC certification seminar"
        );
        assert_eq!(mid_sentence("ITE course"), "ITE course");
        assert_eq!(
            mid_sentence("Blood purification (dialysis)"),
            "blood purification (dialysis)"
        );
        assert_eq!(mid_sentence("General IT work"), "general IT work");
        assert_eq!(
            mid_sentence("Japan Association for Clinical Engineers (JACET)"),
            "Japan Association for Clinical Engineers (JACET)"
        );
        assert_eq!(
            mid_sentence("Japanese Society of Clinical Engineering meeting"),
            "Japanese Society of Clinical Engineering meeting"
        );
        assert_eq!(
            mid_sentence("National or regional JACET congress"),
            "national or regional JACET congress"
        );
    }
}
