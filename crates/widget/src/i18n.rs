//! Every string the widget shows, in Japanese (default) and English, and the
//! formatting of dates, months and fiscal years for each.

use crate::input::InputError;
use ce_roadmap_core::date::{Date, Month};
use ce_roadmap_core::num::plain;
use ce_roadmap_core::profile::ProfileError;
use ce_roadmap_core::roadmap::{
    Action, Earliest, PlanStep, PriorStudy, Roadmap, RouteFirst, RouteUndated, Status,
};
use ce_roadmap_core::rules::file::{ApplicationDef, CourseKind, Text};
use ce_roadmap_core::rules::model::RuleSet;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Ja,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }
    /// `ja`, `en`, `en-US`, `ja-JP` ...; anything else is Japanese.
    pub fn parse(s: &str) -> Lang {
        if s.trim().to_ascii_lowercase().starts_with("en") {
            Lang::En
        } else {
            Lang::Ja
        }
    }
    pub fn pick(self, t: &Text) -> &str {
        match self {
            Lang::Ja => &t.ja,
            Lang::En => &t.en,
        }
    }
    pub fn pick2<'a>(self, ja: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Ja => ja,
            Lang::En => en,
        }
    }
}

macro_rules! messages {
    ($($key:ident => $ja:literal, $en:literal;)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Msg { $($key),* }
        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$key),*];
            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Msg::$key, Lang::Ja) => $ja, (Msg::$key, Lang::En) => $en,)*
                }
            }
        }
    };
}

messages! {
    Title => "臨床工学技士 資格ロードマップ", "Clinical engineer credential roadmap";
    Intro => "いまの状況を選ぶと、受けられる資格と、いつ受けられるかが分かります。入力はこの端末の外に送られません。", "Tell us where you stand to see which exams you can sit now, which open up when, and what to do next. Nothing you enter leaves this device.";
    OtherLanguage => "English", "日本語";
    OtherLanguageLabel => "Switch to English", "日本語に切り替え";
    WhoAreYou => "あなたは？", "Who are you?";
    KindProspective => "高校生など（臨床工学技士を目指している）", "High-school student thinking about the profession";
    KindStudent => "臨床工学技士の養成校の学生", "Student at a clinical engineering school";
    KindLicensed => "臨床工学技士（免許あり）", "Licensed clinical engineer";
    KindIt => "病院のIT・医療情報の担当", "Hospital IT / medical informatics";
    SchoolHeading => "学校", "School";
    SchoolYears => "課程", "Course";
    School3 => "3年制（専門学校・短大）", "3 years (vocational school or junior college)";
    School4 => "4年制（大学・専門学校）", "4 years (university or vocational school)";
    School2 => "2年制（大学などで1年以上学んだ後）", "2 years (after 1+ year at a university or similar)";
    School1 => "1年制（大学などで2年以上学んだ後）", "1 year (after 2+ years at a university or similar)";
    StartYear => "入学する年（4月）", "Year you start (April)";
    StartedYear => "入学した年（4月）", "Year you started (April)";
    PlanAreas => "免許をとったら働きたい分野", "Areas you want to work in after the licence";
    WorkAreas => "働いている分野・これから働く分野（いくつでも）", "Where do you work, or plan to? (choose any)";
    WorkAreasHint => "選んだ分野ごとに経験年数を入れられます。年数を入れなければ、いまから働き始めたものとして計算します。", "For each area you choose you can give your years so far; without them, you are counted as starting now.";
    ExperienceHeading => "選んだ分野での経験年数", "Years worked in the areas you chose";
    ExperienceHint => "0.5年単位で増減できます。数字を直接入力してもかまいません。", "Steps of half a year; you can also type a number.";
    YearsUnit => "年", "years";
    Decrease => "減らす", "Decrease";
    Increase => "増やす", "Increase";
    DetailsHeading => "会員歴・症例・講習・資格", "Memberships, cases, courses, credentials";
    DetailsHint => "ロードマップに関係する項目だけを表示しています。", "Only the items that matter for your roadmap are shown.";
    Memberships => "学会・技士会の会員歴（会費納入、継続年数）", "Memberships (dues paid, consecutive years)";
    Member => "会員", "Member";
    AskedHere => "計画に関係あり", "Used in your plan";
    Cases => "症例数", "Cases";
    Units => "単位・ポイント", "Units and points";
    Courses => "受講済みの講習・セミナー", "Courses and seminars completed";
    Held => "取得済みの資格", "Credentials held";
    Passed => "合格済み（認定前）の試験", "Exams passed (not yet certified)";
    OtherLicences => "ほかに持っている免許", "Other licences you hold";
    RoadmapHeading => "あなたのロードマップ", "Your roadmap";
    SummaryLabel => "結果のまとめ", "Your results at a glance";
    SummaryJump => "ロードマップへ", "To the roadmap";
    SummaryNoNext => "次に取得できる資格の時期は、まだ出せません（理由はロードマップに）", "No date for the next credential yet (the roadmap says why)";
    LicenceExpected => "臨床工学技士免許の見込み", "Expected CE licence";
    LicenceExam => "国家試験", "National exam";
    LicenceFrom => "免許（実務年数の起算日）", "Licence from";
    GroupEligible => "いま受験・申請できる", "You can sit or apply now";
    GroupWaiting => "時期が来れば受けられる", "Open later with time alone";
    GroupAction => "準備が必要", "Steps needed first";
    GroupHeld => "取得済み", "Held";
    OtherAreas => "ほかの分野の資格", "Credentials in other areas";
    NothingNow => "いま受けられるものはありません。", "Nothing to sit right now.";
    TimelineHeading => "年度ごとの見通し", "By fiscal year";
    TimelineEmpty => "時間だけで受けられるようになる資格はまだありません。下の「準備が必要」を見てください。", "No credential opens up by time alone yet; see \"Steps needed first\" below.";
    NowLabel => "今年度", "This year";
    StatusHeld => "取得済み", "Held";
    StatusEligible => "受験・申請できます", "You can sit or apply";
    StatusWaiting => "時間がたてば受けられます", "Opens up with time";
    StatusAction => "準備が必要です", "Steps needed";
    ReadyOn => "条件がそろう時期", "Time criteria met";
    NextSitting => "次の試験", "Next sitting";
    ExamMonths => "試験の時期", "Exam";
    Applications => "申込み", "Applications";
    ExamUnknown => "公開情報なし（認定団体に確認）", "Not published (check with the body)";
    Criteria => "条件", "Criteria";
    CertifyCriteria => "合格後の認定に必要なこと", "After passing: to be certified";
    NextSteps => "次にすること", "Next steps";
    Renewal => "更新", "Renewal";
    Body => "認定団体", "Issuing body";
    Sources => "出典", "Sources";
    SeedSays => "よく言われる目安", "Common rule of thumb";
    SeedDiffers => "認定団体の規則はこの目安と異なります。", "The body's rule differs from this.";
    Unknowns => "要確認", "To check";
    Met => "満たしている", "met";
    NotMet => "未達", "not met";
    Waiting => "時間で満たされる", "will be met with time";
    ShowMore => "詳しく", "Details";
    ShowLess => "閉じる", "Close";
    CopyLink => "リンクをコピー", "Copy link";
    LinkCopied => "リンクをコピーしました。", "Link copied.";
    LinkCopyFailed => "コピーできませんでした。アドレス欄のリンクを使ってください。", "Could not copy; use the address in the address bar.";
    SaveOnDevice => "この端末に保存する", "Save on this device";
    Reset => "最初からやり直す", "Start over";
    Print => "印刷", "Print";
    BrokenLink => "共有リンクを読み取れなかったため、最初から始めます。", "The shared link could not be read, so we started afresh.";
    BrokenSaved => "保存されていた回答を読み取れなかったため、最初から始めます。", "The saved answers could not be read, so we started afresh.";
    InputNotNumber => "数字で入力してください。", "Please enter a number.";
    InputNegative => "0以上の数を入力してください。", "Please enter 0 or more.";
    InputTooLarge => "大きすぎます。", "That is too large.";
    InputNotWhole => "整数で入力してください。", "Please enter a whole number.";
    InputKept => "直前の結果を表示しています。", "Showing the last valid result.";
    RulesVersion => "ルール", "Rules";
    RulesInvalid => "このページのルールファイルに誤りがあるため、ロードマップを表示できません。ページの管理者にお知らせください。", "This page's rule file has an error, so the roadmap cannot be shown. Please tell the page's administrator.";
    RulesFallback => "このページのルールファイルに誤りがあるため、組み込みのルールで表示しています。", "This page's rule file has an error, so the built-in rules are shown instead.";
    TechnicalDetails => "技術的な詳細（管理者向け）", "Technical details (for administrators)";
    AsOf => "基準日", "As of";
    EngineError => "この回答では計算できませんでした", "Could not compute a roadmap for these answers";
    Updated => "ロードマップを更新しました", "Roadmap updated";
    TierOpen => "誰でも受験可", "Open to anyone";
    TierCertification => "認定資格", "Certification";
    TierSpecialist => "専門資格", "Specialist";
    PlanHeading => "あなたの計画", "Your plan";
    PlanIntro => "足りない準備を最初の機会に進めた場合の、いちばん早い見通しです。日付は、その準備を済ませておきたい最も遅い日の目安です。開催日が公表されていない講習会や試験は「日程未公表」と書き、日付を置いていません。", "The earliest dates if you take each missing step at its first chance. Each date is the latest a step should be done. Courses and exams whose dates are not published say so and get no date.";
    PlanAllHint => "カードの「これを目指す」を押すと、その資格と前提だけの計画になります。", "Press \"Aim for this\" on a card to narrow the plan to that credential and what it needs.";
    PlanTargeted => "目指す資格とその前提にしぼった計画です。", "Narrowed to your targets and what they need.";
    PlanOpens => "取得できるようになる", "Can be held";
    ClinicalYears => "免許取得後の臨床経験（すべての分野）", "Clinical practice since your licence (all areas)";
    ClinicalYearsHint => "分野を問わず臨床で働いた年数です。0のままなら、いちばん長い分野の年数で数えます（分野の年数は足しません）。", "Years of clinical work in any area. Left at 0, your longest single area is counted (areas are never added up).";
    PlanUnscheduled => "次の開催で（日程未公表）", "At the next session (dates not published)";
    AtTheEarliest => "早くても", "at the earliest";
    LowerBound => "日程や締切が公表されていないものがあるため、早くてもこの時期です。", " Some dates or deadlines are not published, so these are the earliest.";
    PlanEmpty => "いまの回答では、日付を出せる資格がありません。", "With these answers, no credential can be dated yet.";
    PlanBy => "までに", "by";
    PlanSit => "受験", "exam";
    PlanDuring => "中", "during";
    FeesHeading => "学費の支援（国の制度）", "Help with school fees (national schemes)";
    FeesIntro => "進学の費用を助ける国の制度です。くわしい条件は出典のページで確認してください。", "National schemes that help pay for school. Check the full conditions on the source pages.";
    FeesWho => "対象", "Who";
    RoutesThisSchool => "この学校の課程", "This school's course";
    RoutesLicence => "国家試験・免許", "National exam, licence";
    RoutesLicenceOn => "免許", "Licence";
    RoutesFirst => "分野ごとの最初の資格", "First credential per area";
    RoutesNoAreas => "働きたい分野を選ぶと、分野ごとの最初の資格が課程ごとに出ます。", "Choose the areas you want to work in to see each course's first credential per area.";
    RenewalDue => "次の更新", "Next renewal";
    RenewalDay => "日付は認定証で確認", "the day is on your certificate";
    HeldSince => "取得した年", "Year obtained";
    HeldSinceHint => "取得した年（または最後に更新した年）を入れると、次の更新の年が出ます。", "Give the year you obtained it (or last renewed it) to see when it is next renewed.";
    AddToCalendar => "カレンダーに追加（.ics）", "Add to calendar (.ics)";
    CalendarName => "資格ロードマップの予定", "Credential roadmap plan";
    CalendarDeadline => "期限", "Deadline";
    CalendarExamMonth => "受験月", "Exam month";
    CalendarRenewalYear => "更新の年", "Renewal year";
    CalendarExamDay => "試験日は実施要項で確認してください。", "Check the exam day in the body's notice.";
    CalendarRenewalDay => "有効期限の日付は認定証で確認してください。", "The exact day is on your certificate.";
    SourceOne => "出典", "Source";
    CalendarMadeBy => "臨床工学技士 資格ロードマップで作成。見通しは目安です。", "Made with the clinical engineer credential roadmap. Dates are estimates.";
    AimFor => "これを目指す", "Aim for this";
    Aiming => "目指しています", "Your target";
    TimeOnly => "そのまま受けられる", "with time alone";
    AfterSteps => "準備すれば", "after steps";
    NoDate => "日付を出せません", "No date yet";
    Assumes => "この見通しの前提", "This estimate assumes";
    CaseRate => "1年あたりの件数", "Cases a year";
    CaseRatesHint => "1年あたりの件数を入れると、症例が必要な資格にも日付が出ます。", "Give a yearly number to see dates for credentials that need cases.";
    ExamEveryMonth => "毎月（通年）", "Every month (all year)";
    LanesLegend => "点線: 先に大学などで学ぶ期間　太線: 養成課程（国家試験まで）　◆: 免許　●: 分野ごとの最初の資格（数字は分野の数）", "Dotted: study first at a university or similar · thick line: the course, up to the national exam · ◆: licence · ●: first credential per area (the number counts the areas)";
    RoutesUndated => "日付を出せません", "no date can be given";
    PlanChoice => "任意・あなたの選択", "optional, your choice";
    PlanEnter => "入学", "start";
    PlanFinish => "修了", "finish";
    CalendarChoice => "大学院（任意）", "Graduate school (optional)";
    Graduate => "大学院（任意）", "Graduate school (optional)";
    GraduateHint => "資格の条件ではありません。選ぶと計画に入学と修了が入ります。全日制なら、在学中は実務年数に数えません。", "Not required for any credential. If you choose it, the plan shows when you start and finish; full-time study does not count as work.";
    GraduateNone => "進学しない", "No graduate school";
    GraduateMaster => "修士課程まで", "A master's course";
    GraduateDoctor => "博士後期課程まで（修士のあと）", "A doctorate (after the master's)";
    GraduateDegree => "進む課程", "Course";
    GraduateMode => "学び方", "How you study";
    GraduateFullTime => "全日制（在学中は働かない）", "Full-time (no work while studying)";
    GraduateWorking => "働きながら（社会人大学院）", "While working";
    GraduateStart => "入学する年（4月）", "Year you start (April)";
}

impl Msg {
    pub fn status(s: Status) -> Msg {
        match s {
            Status::Held => Msg::StatusHeld,
            Status::Eligible => Msg::StatusEligible,
            Status::Waiting => Msg::StatusWaiting,
            Status::Action => Msg::StatusAction,
        }
    }
    pub fn input_error(e: InputError) -> Msg {
        match e {
            InputError::NotANumber => Msg::InputNotNumber,
            InputError::Negative => Msg::InputNegative,
            InputError::TooLarge { .. } => Msg::InputTooLarge,
            InputError::NotWhole => Msg::InputNotWhole,
        }
    }
}

/// A step's kind in a few words, for the card's "(after joining and the course)". A
/// course step is a course or a meeting by its course's kind (`meeting`); `many`: more
/// than one such step (English only: the Japanese labels name the kind, not a number).
fn step_label(action: Action, meeting: bool, many: bool, lang: Lang) -> &'static str {
    match (action, lang) {
        (Action::Join, Lang::Ja) => "入会",
        (Action::Join, Lang::En) => "joining",
        (Action::Course, Lang::Ja) if meeting => "学会等への参加",
        (Action::Course, Lang::Ja) => "講習",
        (Action::Course, Lang::En) => match (meeting, many) {
            (true, false) => "the meeting",
            (true, true) => "the meetings",
            (false, false) => "the course",
            (false, true) => "the courses",
        },
        (Action::Units, Lang::Ja) => "単位",
        (Action::Units, Lang::En) => "the units",
        (Action::Cases, Lang::Ja) => "症例",
        (Action::Cases, Lang::En) => "the cases",
        (Action::WorkInArea | Action::Work, Lang::Ja) => "実務",
        (Action::WorkInArea | Action::Work, Lang::En) => "the work",
        (Action::Licence, Lang::Ja) => "免許",
        (Action::Licence, Lang::En) => "the licence",
        (Action::Credential, Lang::Ja) => "前提の資格",
        (Action::Credential, Lang::En) => "the prerequisite",
        (Action::Apply, Lang::Ja) => "受験の申込み",
        (Action::Apply, Lang::En) => "applying",
        (Action::Exam | Action::Sit, Lang::Ja) => "試験の合格",
        (Action::Exam | Action::Sit, Lang::En) => "passing the exam",
        (Action::Renew, Lang::Ja) => "更新",
        (Action::Renew, Lang::En) => "renewing",
        (Action::GraduateStart | Action::GraduateFinish, Lang::Ja) => "大学院",
        (Action::GraduateStart | Action::GraduateFinish, Lang::En) => "graduate school",
    }
}

/// 「入会し、講習を受ければ、」 / " (after joining and the course)": what the dated
/// steps of one stage are (the exam's, or the certification's), each kind once, as
/// the condition that opens the Japanese sentence or the English clause after it;
/// empty without steps.
fn after_steps(lang: Lang, rules: &RuleSet, e: &Earliest, certification: bool) -> String {
    // Each kind of step once, in order; how many course and meeting steps there are.
    let mut kinds: Vec<(Action, bool)> = Vec::new();
    let mut count = [0u8; 2];
    for s in e
        .steps
        .iter()
        .filter(|s| s.for_certification == certification)
    {
        let meeting = s.action == Action::Course
            && rules.course_kind(s.target.split('|')) == CourseKind::Meeting;
        if s.action == Action::Course {
            count[usize::from(meeting)] += 1;
        }
        if !kinds.contains(&(s.action, meeting)) {
            kinds.push((s.action, meeting));
        }
    }
    if lang == Lang::Ja {
        let mut verbs: Vec<(&str, &str)> = Vec::new();
        for (action, meeting) in kinds {
            let v = step_condition_ja(action, meeting);
            if !verbs.contains(&v) {
                verbs.push(v);
            }
        }
        let Some((last, rest)) = verbs.split_last() else {
            return String::new();
        };
        let mut out: String = rest.iter().map(|v| format!("{}、", v.0)).collect();
        out += last.1;
        out += "、";
        return out;
    }
    let mut labels: Vec<&str> = Vec::new();
    for (action, meeting) in kinds {
        let l = step_label(action, meeting, count[usize::from(meeting)] > 1, lang);
        if !labels.contains(&l) {
            labels.push(l);
        }
    }
    match labels.len() {
        0 => String::new(),
        1 => format!(" (after {})", labels[0]),
        n => format!(
            " (after {} and {})",
            labels[..n - 1].join(", "),
            labels[n - 1]
        ),
    }
}

/// A step's kind as the condition of a Japanese sentence, in the two forms it takes:
/// before another (「入会し」) and last (「講習を受ければ」).
fn step_condition_ja(action: Action, meeting: bool) -> (&'static str, &'static str) {
    match action {
        Action::Join => ("入会し", "入会すれば"),
        Action::Course if meeting => ("学会等に参加し", "学会等に参加すれば"),
        Action::Course => ("講習を受け", "講習を受ければ"),
        Action::Units => ("単位をそろえ", "単位をそろえれば"),
        Action::Cases => ("症例を積み", "症例を積めば"),
        Action::WorkInArea | Action::Work => ("実務を重ね", "実務を重ねれば"),
        Action::Licence => ("免許を取り", "免許を取れば"),
        Action::Credential => ("前提の資格を取り", "前提の資格を取れば"),
        Action::Apply => ("受験を申し込み", "受験を申し込めば"),
        Action::Exam | Action::Sit => ("試験に合格し", "試験に合格すれば"),
        Action::Renew => ("更新し", "更新すれば"),
        Action::GraduateStart | Action::GraduateFinish => ("大学院を修了し", "大学院を修了すれば"),
    }
}

/// For a two-stage credential whose exam can be sat now: when certification can
/// follow, "認定は2028年11月21日から（入会と…が前提）。" / "Certification from 21 Nov
/// 2028 (after joining, …)."; empty when it cannot be dated.
pub fn certify_sentence(lang: Lang, rules: &RuleSet, e: &Earliest) -> String {
    let Some(c) = e.certify_on else {
        return String::new();
    };
    let after = after_steps(lang, rules, e, true);
    match lang {
        Lang::Ja => format!("{after}{}から認定を受けられます。", date(lang, c)),
        Lang::En => format!("Certification from {}{after}.", date(lang, c)),
    }
}

/// The card's line on when a credential can be had: "2028年6月の試験から受験
/// できます（入会、講習が前提）" / "From the Jun 2028 exam (after joining and the
/// course)". Empty when it cannot be dated (the card shows why).
pub fn earliest_sentence(lang: Lang, rules: &RuleSet, e: &Earliest) -> String {
    let Some(on) = e.on else {
        return String::new();
    };
    let after = after_steps(lang, rules, e, false);
    let mut out = match (lang, &e.sitting) {
        (Lang::Ja, Some(s)) => format!("{after}{}の試験から受験できます", year_month(lang, *s)),
        (Lang::En, Some(s)) => format!("From the {} exam{after}", year_month(lang, *s)),
        (Lang::Ja, None) => format!(
            "{after}{}に受験の条件がそろいます。試験の時期は未公表です",
            date(lang, on)
        ),
        (Lang::En, None) => format!(
            "Conditions met on {}{after}; the exam month is not published",
            date(lang, on)
        ),
    };
    if let Some(by) = e.apply_by {
        out += &match lang {
            Lang::Ja => format!("。申込みの締切は{}", date(lang, by)),
            Lang::En => format!("; applications close {}", date(lang, by)),
        };
    }
    if let Some(c) = e.certify_on {
        // Each date with its own steps: the exam's above, the certification's here.
        let after = after_steps(lang, rules, e, true);
        out += &match lang {
            Lang::Ja => format!("。{after}{}から認定を受けられます", date(lang, c)),
            Lang::En => format!("; certification from {}{after}", date(lang, c)),
        };
    }
    out += lang.pick2("。", ".");
    // Resting on dates nobody has published: the earliest, not a promise.
    if e.lower_bound {
        out += Msg::LowerBound.text(lang);
    }
    out
}

/// A sitting with its deadline where known: 2028年3月（申込みは2027年9月30日まで）
/// / Mar 2028 (apply by 30 Sep 2027).
pub fn sitting(lang: Lang, s: Month, apply_by: Option<Date>) -> String {
    let month = year_month(lang, s);
    match (lang, apply_by) {
        (_, None) => month,
        (Lang::Ja, Some(by)) => format!("{month}（申込みは{}まで）", date(lang, by)),
        (Lang::En, Some(by)) => format!("{month} (apply by {})", date(lang, by)),
    }
}

/// Every window of a credential, each with its note, in one line for the card:
/// one text node costs fewer bytes than markup per window.
pub fn application_windows(lang: Lang, list: &[ApplicationDef]) -> String {
    let mut out = String::new();
    for a in list {
        if !out.is_empty() {
            out += lang.pick2("。", ". ");
        }
        out += &application_window(lang, a);
        if let Some(n) = &a.note {
            out += &match lang {
                Lang::Ja => format!("（{}）", n.ja),
                Lang::En => format!(" ({})", n.en),
            };
        }
    }
    out
}

/// An application window: 3月の試験: 8月29日から9月30日まで / Mar exam: 29 Aug to 30 Sep.
fn application_window(lang: Lang, a: &ApplicationDef) -> String {
    let day = |d: ce_roadmap_core::date::MonthDay| match lang {
        Lang::Ja => format!("{}月{}日", d.month(), d.day()),
        Lang::En => format!("{} {}", d.day(), MONTHS_EN[(d.month() as usize + 11) % 12]),
    };
    let exam = month(lang, a.exam_month);
    let window = match (lang, a.opens) {
        (Lang::Ja, Some(o)) => format!("{exam}の試験: {}から{}まで", day(o), day(a.closes)),
        (Lang::Ja, None) => format!("{exam}の試験: {}まで", day(a.closes)),
        (Lang::En, Some(o)) => format!("{exam} exam: {} to {}", day(o), day(a.closes)),
        (Lang::En, None) => format!("{exam} exam: by {}", day(a.closes)),
    };
    // Dates read from an old year's notice say which year.
    match (lang, a.example_year) {
        (_, None) => window,
        (Lang::Ja, Some(y)) => format!("{window}（{y}年の例）"),
        (Lang::En, Some(y)) => format!("{window} ({y} example)"),
    }
}

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A profile problem in the visitor's language, prefixed by the path to the
/// value (the path stays as the JSON names it, so a host can find it).
pub fn profile_error(lang: Lang, e: &ProfileError) -> String {
    use ProfileError::*;
    if lang == Lang::En {
        return e.to_string();
    }
    let what = |w: &str| match w {
        "licence" => "免許",
        "area" => "業務分野",
        "body" => "団体",
        "case kind" => "症例の種類",
        "credential" => "資格",
        "course" => "講習会",
        "exam" => "試験",
        _ => "項目",
    };
    let text = match e {
        Parse { line, .. } => match line {
            Some(l) => format!("読み取れない形式です（{l}行目）"),
            None => "読み取れない形式です".to_string(),
        },
        NotFinite { .. } => "数値を入れてください".to_string(),
        Negative { value, .. } => format!("{} は負の数です。0以上を入れてください", plain(*value)),
        TooLarge { value, max, .. } => {
            format!(
                "{} は大きすぎます。{}以下にしてください",
                plain(*value),
                plain(*max)
            )
        }
        NotWhole { value, .. } => format!("{} は整数ではありません", plain(*value)),
        UnknownId { what: w, id, .. } => format!("{}「{id}」はルールにありません", what(w)),
        BadSchoolYears { value, allowed, .. } => {
            let years: Vec<String> = allowed.iter().map(|y| y.to_string()).collect();
            format!(
                "{value}年制の課程はありません。{}年のいずれかです",
                years.join("・")
            )
        }
        BadYear { value, .. } => format!("{value}年は範囲外です（1950〜2150年）"),
        NotHeld { id, .. } => {
            format!("資格「{id}」の取得年がありますが、取得済みの資格（held）に入っていません")
        }
        GraduateNotOffered { .. } => "このルールには大学院の情報がありません".to_string(),
        GraduateBeforeLicence {
            value, earliest, ..
        } => format!("{value}年からの大学院は養成校の卒業前です。早くても{earliest}年からです"),
        AsOfBeforeProfile { as_of, profile } => format!(
            "評価日（{}）が回答の基準日（{}）より前です",
            date(lang, *as_of),
            date(lang, *profile)
        ),
    };
    match e.path() {
        "" => text,
        path => format!("{path}: {text}"),
    }
}

/// A credential's name in `lang`; its id where the rules do not have it.
pub fn credential_name(rules: &RuleSet, lang: Lang, id: &str) -> String {
    rules
        .credential(id)
        .map_or_else(|| id.to_string(), |c| lang.pick(&c.name).to_string())
}

pub fn date(lang: Lang, d: Date) -> String {
    match lang {
        Lang::Ja => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
        Lang::En => format!(
            "{} {} {}",
            d.day(),
            MONTHS_EN[(d.month() as usize + 11) % 12],
            d.year()
        ),
    }
}

/// A course by its length: the school form's choice and the route table's row.
pub fn course_name(lang: Lang, years: u8) -> String {
    match years {
        1 => Msg::School1.text(lang).to_string(),
        2 => Msg::School2.text(lang).to_string(),
        3 => Msg::School3.text(lang).to_string(),
        4 => Msg::School4.text(lang).to_string(),
        // A host's rules may allow another length.
        y => match lang {
            Lang::Ja => format!("{y}年制"),
            Lang::En => format!("{y} years"),
        },
    }
}

/// "課程ごとの比較（2027年4月に学び始めた場合）" / "The courses compared (starting to study in April 2027)".
pub fn routes_heading(lang: Lang, start_year: i32) -> String {
    match lang {
        Lang::Ja => format!("課程ごとの比較（{start_year}年4月に学び始めた場合）"),
        Lang::En => format!("The courses compared (starting to study in April {start_year})"),
    }
}

/// What a course needs before it and when it starts then:
/// 「大学などで2年以上（高専は5年以上）学び、国の指定する科目を修めてから、2029年4月に入学」 /
/// "After 2+ years at a university or similar (5 at a technical college) with the
/// subjects the state designates: starts April 2029"; a course straight after
/// high school, only its start.
pub fn route_start(lang: Lang, prior: Option<&PriorStudy>, start_year: i32) -> String {
    match (lang, prior) {
        (Lang::Ja, Some(p)) => format!(
            "大学などで{}年以上（高専は{}年以上）学び、国の指定する科目を修めてから、{start_year}年4月に入学",
            p.years, p.technical_college_years
        ),
        (Lang::En, Some(p)) => format!(
            "After {}+ year{} at a university or similar ({} at a technical college) with the subjects the state designates: starts April {start_year}",
            p.years,
            if p.years == 1 { "" } else { "s" },
            p.technical_college_years
        ),
        (Lang::Ja, None) => format!("{start_year}年4月に入学"),
        (Lang::En, None) => format!("Starts April {start_year}"),
    }
}

/// A planned area a route cannot date, with why: 「体外循環: 体外循環技術認定士。体外循環の
/// 症例記録は働き始めてから…」 / "Perfusion: Perfusion technologist. Perfusion case records…".
pub fn route_undated(rules: &RuleSet, lang: Lang, u: &RouteUndated) -> String {
    let area = rules
        .area(u.area)
        .map_or(u.area, |a| lang.pick2(&a.ja, &a.en));
    let why = u.blocked_by.as_ref().map(|b| lang.pick(&b.text));
    let name = u.credential.map(|c| credential_name(rules, lang, c));
    let no_date = Msg::RoutesUndated.text(lang);
    match (lang, name, why) {
        (Lang::Ja, Some(n), Some(w)) => format!("{area}: {n}。{w}"),
        (Lang::Ja, Some(n), None) => format!("{area}: {n}（{no_date}）"),
        (Lang::Ja, None, _) => format!("{area}: この分野の資格はありません"),
        (Lang::En, Some(n), Some(w)) => format!("{area}: {n}. {w}"),
        (Lang::En, Some(n), None) => format!("{area}: {n} ({no_date})"),
        (Lang::En, None, _) => format!("{area}: no credential in this area"),
    }
}

/// The exam and the licence of a route, one line each: "2030年3月 国家試験",
/// "2030年4月1日 免許" / "National exam Mar 2030", "Licence 1 Apr 2030".
pub fn route_licence(lang: Lang, exam: Option<Month>, licence_on: Option<Date>) -> [String; 2] {
    let line = |what: Msg, when: Option<String>| match (lang, when) {
        (_, None) => String::new(),
        (Lang::Ja, Some(w)) => format!("{w} {}", what.text(lang)),
        (Lang::En, Some(w)) => format!("{} {w}", what.text(lang)),
    };
    [
        line(Msg::LicenceExam, exam.map(|m| year_month(lang, m))),
        line(Msg::RoutesLicenceOn, licence_on.map(|d| date(lang, d))),
    ]
}

/// "3年制" / "3-year": a course's length where space is short (the route picture).
pub fn course_short(lang: Lang, years: u8) -> String {
    match lang {
        Lang::Ja => format!("{years}年制"),
        Lang::En => format!("{years}-year"),
    }
}

/// "血液浄化（透析）: 透析技術認定士（2032年度〜）" / "… (FY2032 on)".
pub fn route_first(rules: &RuleSet, lang: Lang, f: &RouteFirst) -> String {
    let area = rules
        .area(f.area)
        .map_or(f.area, |a| lang.pick2(&a.ja, &a.en));
    let name = credential_name(rules, lang, f.credential);
    let fy = fiscal_year_short(lang, f.fiscal_year);
    match lang {
        Lang::Ja => format!("{area}: {name}（{fy}〜）"),
        Lang::En => format!("{area}: {name} ({fy} on)"),
    }
}

/// When a plan step is due: a sitting is a month, a renewal a year, every
/// other step a deadline.
pub fn plan_when(lang: Lang, s: &PlanStep) -> String {
    // No published schedule: no day is invented. An exam says from which year it
    // can be sat; a course, meeting or units, that the next session is meant.
    if !s.scheduled {
        return match (s.action, lang) {
            (Action::Sit, Lang::Ja) => format!("{}年度から", s.by.fiscal_year()),
            (Action::Sit, Lang::En) => format!("From FY{}", s.by.fiscal_year()),
            _ => Msg::PlanUnscheduled.text(lang).to_string(),
        };
    }
    match s.action {
        Action::Sit => {
            let ym = year_month(lang, Month::of(s.by));
            format!("{ym} {}", Msg::PlanSit.text(lang))
        }
        Action::Renew => match lang {
            Lang::Ja => format!("{}年{}", s.by.year(), Msg::PlanDuring.text(lang)),
            Lang::En => format!("{} {}", Msg::PlanDuring.text(lang), s.by.year()),
        },
        // A milestone of the visitor's own: its month, not a deadline.
        Action::GraduateStart | Action::GraduateFinish => {
            let ym = year_month(lang, Month::of(s.by));
            let what = if s.action == Action::GraduateStart {
                Msg::PlanEnter
            } else {
                Msg::PlanFinish
            };
            format!("{ym} {}", what.text(lang))
        }
        _ => match lang {
            Lang::Ja => format!("{}{}", date(lang, s.by), Msg::PlanBy.text(lang)),
            Lang::En => format!("{} {}", Msg::PlanBy.text(lang), date(lang, s.by)),
        },
    }
}

/// "次の更新: 2029年（日付は認定証で確認）" / "Next renewal: 2029 (the day is on your certificate)".
pub fn renewal_due(lang: Lang, year: i32) -> String {
    let (label, day) = (Msg::RenewalDue.text(lang), Msg::RenewalDay.text(lang));
    match lang {
        Lang::Ja => format!("{label}: {year}年（{day}）"),
        Lang::En => format!("{label}: {year} ({day})"),
    }
}

/// "YYYY-MM" → 2027年9月 / Sep 2027.
pub fn year_month(lang: Lang, ym: Month) -> String {
    let (y, m) = (ym.year(), ym.month() as usize);
    match lang {
        Lang::Ja => format!("{y}年{m}月"),
        Lang::En => format!("{} {y}", MONTHS_EN[m - 1]),
    }
}

/// "3月・9月" / "Mar, Sep"; every month is "毎月（通年）" / "Every month (all year)".
pub fn exam_months(lang: Lang, months: &[u8]) -> String {
    if (1..=12).all(|m| months.contains(&m)) {
        return Msg::ExamEveryMonth.text(lang).to_string();
    }
    months
        .iter()
        .map(|&m| month(lang, m))
        .collect::<Vec<_>>()
        .join(lang.pick2("・", ", "))
}

pub fn month(lang: Lang, m: u8) -> String {
    match lang {
        Lang::Ja => format!("{m}月"),
        Lang::En => MONTHS_EN[(m as usize + 11) % 12].to_string(),
    }
}

/// 2027年度 / FY2027 (Apr 2027–Mar 2028).
pub fn fiscal_year(lang: Lang, fy: i32) -> String {
    match lang {
        Lang::Ja => format!("{fy}年度"),
        Lang::En => format!("FY{fy} (Apr {fy}–Mar {})", fy + 1),
    }
}

/// The summary's counts: open now, open with time, a step needed.
pub fn summary_counts(lang: Lang, now: usize, time: usize, step: usize) -> [String; 3] {
    match lang {
        Lang::Ja => [
            format!("いま受けられる {now}"),
            format!("時期が来れば受けられる {time}"),
            format!("準備が必要 {step}"),
        ],
        Lang::En => [
            format!("{now} open now"),
            format!("{time} open later with time alone"),
            format!("{step} need steps first"),
        ],
    }
}

/// The summary's line on what can be held next. When the next credential can be held: its fiscal year, "at the earliest" where
/// the date rests on unpublished dates, "if you take the steps" where it needs them.
pub fn summary_next(lang: Lang, name: &str, fy: i32, with_steps: bool, lower: bool) -> String {
    match lang {
        Lang::Ja => {
            let when = if lower {
                format!("早くても{fy}年度")
            } else {
                format!("{fy}年度から")
            };
            let steps = match (with_steps, lower) {
                (true, true) => "準備を進めれば、",
                (true, false) => "準備を進めれば",
                (false, _) => "",
            };
            format!("次に取得できる資格: {name}（{steps}{when}）")
        }
        Lang::En => {
            let when = if lower {
                format!("FY{fy} at the earliest")
            } else {
                format!("from FY{fy}")
            };
            let steps = if with_steps {
                " if you take the steps"
            } else {
                ""
            };
            format!("Next to hold: {name}, {when}{steps}")
        }
    }
}

/// Credentials by name as the plan lists what can be held in a year, each one whose
/// date rests on unpublished dates marked 「（早くても）」 / " (at the earliest)".
pub fn held_from(lang: Lang, rules: &RuleSet, r: &Roadmap, ids: &[&str]) -> String {
    let earliest = Msg::AtTheEarliest.text(lang);
    ids.iter()
        .map(|id| {
            let name = credential_name(rules, lang, id);
            let lower = r
                .credentials
                .iter()
                .find(|c| c.id == *id)
                .and_then(|c| c.earliest.as_ref())
                .is_some_and(|e| e.lower_bound);
            match (lower, lang) {
                (false, _) => name,
                (true, Lang::Ja) => format!("{name}（{earliest}）"),
                (true, Lang::En) => format!("{name} ({earliest})"),
            }
        })
        .collect::<Vec<_>>()
        .join(lang.pick2("、", ", "))
}

/// The membership question's names, each unique on the page (a screen reader lists
/// them apart): 「日本臨床工学技士会の会員である」, its years 「…の会員歴」, and
/// the units field 「…の単位」.
pub fn member_label(lang: Lang, body: &str) -> String {
    match lang {
        Lang::Ja => format!("{body}の会員である"),
        Lang::En => format!("Member of {body}"),
    }
}

pub fn member_years_label(lang: Lang, body: &str) -> String {
    match lang {
        Lang::Ja => format!("{body}の会員歴"),
        Lang::En => format!("Years of membership: {body}"),
    }
}

pub fn units_label(lang: Lang, body: &str, unit: &str) -> String {
    match lang {
        Lang::Ja => format!("{body}の{unit}"),
        Lang::En => format!("{} ({body})", capitalised(unit)),
    }
}

/// An area's years field: 「血液浄化（透析）の経験年数」 / "Years in blood purification"
/// (the area's chip above it has the area's name alone).
pub fn area_years_label(lang: Lang, area: &str) -> String {
    match lang {
        Lang::Ja => format!("{area}の経験年数"),
        Lang::En => format!("Years in {}", ce_roadmap_core::explain::mid_sentence(area)),
    }
}

/// A passed exam in the form: 「認定血液浄化臨床工学技士の試験」 / "Exam: …", unless
/// its name says it is one.
pub fn exam_label(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Ja if name.ends_with("試験") || name.ends_with("検定") => name.to_string(),
        Lang::Ja => format!("{name}の試験"),
        Lang::En if name.to_ascii_lowercase().contains("exam") => name.to_string(),
        Lang::En => format!("Exam: {name}"),
    }
}

/// A stepper button's name: 「血液浄化（透析）を減らす」 / "Fewer: Blood purification".
pub fn stepper_label(lang: Lang, field: &str, up: bool) -> String {
    match (lang, up) {
        (Lang::Ja, false) => format!("{field}を減らす"),
        (Lang::Ja, true) => format!("{field}を増やす"),
        (Lang::En, false) => format!("Fewer: {field}"),
        (Lang::En, true) => format!("More: {field}"),
    }
}

// ASCII only: the words it capitalises are English, and str's Unicode case
// tables cost the widget 3.6 KB brotli (measured with scripts/size-check.mjs).
fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| std::iter::once(f.to_ascii_uppercase()).chain(c).collect())
        .unwrap_or_default()
}

/// The footer's edition of the rules, from a version that starts with its date
/// ("2026.12.5", "2026.12.5-association.1"): 「資格データ: 2026年12月5日版」 /
/// "Credential data of 5 Dec 2026"; any other version as it is.
pub fn rules_edition(lang: Lang, version: &str) -> String {
    let mut parts = version
        .split(['.', '-'])
        .take(3)
        .map(|p| p.parse::<u32>().ok());
    let date = match (parts.next(), parts.next(), parts.next()) {
        (Some(Some(y)), Some(Some(m)), Some(Some(d))) => {
            match (i32::try_from(y), u8::try_from(m), u8::try_from(d)) {
                (Ok(y), Ok(m), Ok(d)) => Date::new(y, m, d),
                _ => None,
            }
        }
        _ => None,
    };
    match (lang, date) {
        (Lang::Ja, Some(d)) => format!("資格データ: {}版", self::date(lang, d)),
        (Lang::En, Some(d)) => format!("Credential data of {}", self::date(lang, d)),
        (Lang::Ja, None) => format!("資格データ: {version}"),
        (Lang::En, None) => format!("Credential data: {version}"),
    }
}

/// The button that shows the rest of a list: 「すべて表示（ほか18件）」, with how many of
/// them are ticked; 「一部だけ表示」 once open.
pub fn show_all(lang: Lang, n: usize, chosen: usize, open: bool) -> String {
    match (lang, open, chosen) {
        (Lang::Ja, true, _) => "主なものだけ表示".to_string(),
        (Lang::En, true, _) => "Show the main ones only".to_string(),
        (Lang::Ja, false, 0) => format!("すべて表示（ほか{n}件）"),
        (Lang::Ja, false, c) => format!("すべて表示（ほか{n}件、うち{c}件選択）"),
        (Lang::En, false, 0) => format!("Show all ({n} more)"),
        (Lang::En, false, c) => format!("Show all ({n} more, {c} chosen)"),
    }
}

/// A details group's title with how many answers it holds, so a closed group never
/// hides answers without saying so.
/// `typed`: a group of numbers (「1件入力」), else of choices (「1件選択」).
pub fn with_answered(lang: Lang, title: Msg, n: usize, typed: bool) -> String {
    match (lang, n, typed) {
        (_, 0, _) => title.text(lang).to_string(),
        (Lang::Ja, n, false) => format!("{}（{n}件選択）", title.text(lang)),
        (Lang::Ja, n, true) => format!("{}（{n}件入力）", title.text(lang)),
        (Lang::En, n, false) => format!("{} ({n} chosen)", title.text(lang)),
        (Lang::En, n, true) => format!("{} ({n} entered)", title.text(lang)),
    }
}

/// A source link's words: whose page it is, or the site's address when it is not
/// an issuing body's.
/// A page the rules do not mark official says so: 「非公式の資料（ceokai.com）」.
pub fn source_label(lang: Lang, body: Option<(&str, &str)>, host: &str, official: bool) -> String {
    match (lang, body, official) {
        (Lang::Ja, Some((ja, _)), _) => format!("{ja}のページ"),
        (Lang::En, Some((_, en)), _) => format!("{en} page"),
        (Lang::Ja, None, true) => format!("公式のページ（{host}）"),
        (Lang::En, None, true) => format!("Official page ({host})"),
        (Lang::Ja, None, false) => format!("非公式の資料（{host}）"),
        (Lang::En, None, false) => format!("Unofficial article ({host})"),
    }
}

/// 「非公式の資料による（ceokai.com）」 / "Based on unofficial articles (ceokai.com)":
/// beside criteria whose sources are all pages no issuing body publishes.
pub fn unofficial_mark(lang: Lang, hosts: &[&str]) -> String {
    let mut list: Vec<&str> = Vec::new();
    for h in hosts {
        if !list.contains(h) {
            list.push(h);
        }
    }
    match lang {
        Lang::Ja => format!("非公式の資料による（{}）", list.join("、")),
        Lang::En => format!("Based on an unofficial article ({})", list.join(", ")),
    }
}

/// 「（…）」 in Japanese, " (…)" in English.
pub fn parenthesised(lang: Lang, s: &str) -> String {
    match lang {
        Lang::Ja => format!("（{s}）"),
        Lang::En => format!(" ({s})"),
    }
}

/// When a source was read: 2026-11-23 閲覧 / read 2026-11-23 (the day, or the month where
/// only that is known), in each language's order.
pub fn read_on(lang: Lang, date: &str) -> String {
    match lang {
        Lang::Ja => format!("{date} 閲覧"),
        Lang::En => format!("read {date}"),
    }
}

/// The quotes around a page's title after a source link's words (the title is the
/// page's own, in Japanese, and marked so in the markup).
pub fn title_quotes(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::Ja => ("「", "」"),
        Lang::En => (" “", "”"),
    }
}

/// Short form for tight places: 2027年度 / FY2027.
pub fn fiscal_year_short(lang: Lang, fy: i32) -> String {
    match lang {
        Lang::Ja => format!("{fy}年度"),
        Lang::En => format!("FY{fy}"),
    }
}

pub use ce_roadmap_core::rules::error::clip_quoted;

#[cfg(test)]
mod tests {

    #[test]
    fn profile_errors_read_in_japanese() {
        use ce_roadmap_core::profile::Profile;
        let rules = ce_roadmap_core::rules::default_rules().unwrap();
        let p = Profile::from_json(
            r#"{"experience":{"nowhere":1,"respiratory":-1},"units":{"jacet":1e9},
                "school":{"years":7,"start_year":2026},"stage":"student",
                "graduate":{"degree":"master","mode":"working","start_year":2030}}"#,
        )
        .unwrap();
        let errs = p.check(&rules).unwrap_err().0;
        assert!(errs.len() >= 3, "{errs:?}");
        for e in &errs {
            let ja = profile_error(Lang::Ja, e);
            let en = profile_error(Lang::En, e);
            assert_eq!(en, e.to_string());
            assert!(ja.starts_with(e.path()), "{ja}");
            // The words after the path are Japanese, not the English message.
            let rest = &ja[e.path().len()..];
            assert!(
                rest.chars().any(|c| ('\u{3040}'..='\u{9fff}').contains(&c)),
                "{ja}"
            );
            assert!(
                !rest.contains("expected") && !rest.contains("unknown"),
                "{ja}"
            );
        }
    }

    use super::*;

    #[test]
    fn long_quoted_values_are_clipped() {
        let big = "x".repeat(100_000);
        let m = clip_quoted(&format!("unknown area `{big}` in areas; known: `a`, \"b\""));
        assert!(m.starts_with("unknown area `xxxx"), "{m}");
        assert!(
            m.contains("… (100000 characters)` in areas; known: `a`, \"b\""),
            "{m}"
        );
        assert!(m.len() < 200);
        assert_eq!(clip_quoted("plain `short` text"), "plain `short` text");
        assert_eq!(clip_quoted("unclosed `quote"), "unclosed `quote");
        assert!(clip_quoted(&"y".repeat(5000)).chars().count() <= 601);
        assert_eq!(clip_quoted("日本語の`値`"), "日本語の`値`");
    }

    fn has_japanese(s: &str) -> bool {
        s.chars()
            .any(|c| matches!(c as u32, 0x3040..=0x30ff | 0x3400..=0x9fff | 0xff00..=0xffef))
    }

    #[test]
    fn every_message_in_both_languages_without_mixing() {
        for m in Msg::ALL {
            let (ja, en) = (m.text(Lang::Ja), m.text(Lang::En));
            assert!(!ja.is_empty() && !en.is_empty(), "{m:?}");
            // The language toggle names the other language on purpose.
            if !matches!(m, Msg::OtherLanguage | Msg::OtherLanguageLabel) {
                assert!(!has_japanese(en), "{m:?}: English text has Japanese: {en}");
                assert!(
                    has_japanese(ja),
                    "{m:?}: Japanese text has no Japanese: {ja}"
                );
            }
        }
    }

    #[test]
    fn rule_texts_are_complete_in_both_languages() {
        let r = ce_roadmap_core::default_rules().unwrap();
        let mut texts: Vec<(&str, &str, String)> = Vec::new();
        for c in &r.credentials {
            texts.push((&c.name.ja, &c.name.en, c.id.to_string()));
            for n in c.notes.iter().chain(&c.unknowns).chain(c.exam.iter()) {
                texts.push((&n.ja, &n.en, c.id.to_string()));
            }
        }
        for a in &r.areas {
            texts.push((&a.ja, &a.en, a.id.to_string()));
        }
        for (ja, en, id) in texts {
            assert!(!ja.trim().is_empty() && !en.trim().is_empty(), "{id}");
            assert!(!has_japanese(en), "{id}: English has Japanese: {en}");
        }
    }

    #[test]
    fn earliest_in_words() {
        let rules = ce_roadmap_core::default_rules().unwrap();
        let p = ce_roadmap_core::Profile::from_json(r#"{"experience":{"blood_purification":2}}"#)
            .unwrap();
        let d = Date::parse("2026-11-21").unwrap();
        let r = ce_roadmap_core::evaluate(
            &rules,
            &p,
            ce_roadmap_core::When {
                as_of: Some(d),
                today: d,
            },
        )
        .unwrap();
        let e = |id: &str| {
            r.credentials
                .iter()
                .find(|c| c.id == id)
                .unwrap()
                .earliest
                .clone()
                .unwrap()
        };
        // A two-stage credential whose exam can be sat now: when it can be certified.
        let jacet = e("jacet_cert_blood_purification");
        assert_eq!(
            certify_sentence(Lang::Ja, &rules, &jacet),
            "入会し、学会等に参加し、講習を受け、単位をそろえ、試験に合格すれば、2028年11月21日から認定を受けられます。"
        );
        assert_eq!(
            certify_sentence(Lang::En, &rules, &jacet),
            "Certification from 21 Nov 2028 (after joining, the meeting, the courses, the units and passing the exam)."
        );
        assert_eq!(certify_sentence(Lang::En, &rules, &e("me1")), "");
        let me1 = e("me1");
        assert_eq!(
            earliest_sentence(Lang::Ja, &rules, &me1),
            "2027年6月の試験から受験できます。日程や締切が公表されていないものがあるため、早くてもこの時期です。"
        );
        assert_eq!(
            earliest_sentence(Lang::En, &rules, &me1),
            "From the Jun 2027 exam. Some dates or deadlines are not published, so these are the earliest."
        );
        // A specialist title: the exam needs the course; joining JACET and the units are
        // for the certification after it, and each date names only its own steps.
        let spec = e("jacet_spec_blood_purification");
        let ja = earliest_sentence(Lang::Ja, &rules, &spec);
        assert!(
            ja.starts_with("講習を受ければ、2026年11月21日に受験の条件がそろいます。"),
            "{ja}"
        );
        let en = earliest_sentence(Lang::En, &rules, &spec);
        let (exam, cert) = en.split_once("; certification from").expect(&en);
        // One course is "the course"; above, the certification's congress is a meeting
        // and its two courses "the courses".
        assert!(
            exam.contains("(after the course)") && !exam.contains("joining"),
            "{en}"
        );
        assert!(
            cert.contains("joining") && cert.contains("the units"),
            "{en}"
        );
    }

    #[test]
    fn formats() {
        let d = Date::parse("2027-04-01").unwrap();
        assert_eq!(date(Lang::Ja, d), "2027年4月1日");
        assert_eq!(date(Lang::En, d), "1 Apr 2027");
        let sep = Month::parse("2027-09").unwrap();
        assert_eq!(year_month(Lang::En, sep), "Sep 2027");
        assert_eq!(year_month(Lang::Ja, sep), "2027年9月");
        assert_eq!(fiscal_year(Lang::Ja, 2027), "2027年度");
        assert_eq!(Lang::parse("en-US"), Lang::En);
        assert_eq!(Lang::parse("fr"), Lang::Ja);
    }

    #[test]
    fn exam_months_read_as_a_list_or_all_year() {
        assert_eq!(exam_months(Lang::Ja, &[3, 9]), "3月・9月");
        assert_eq!(exam_months(Lang::En, &[3, 9]), "Mar, Sep");
        let all: Vec<u8> = (1..=12).collect();
        assert_eq!(exam_months(Lang::Ja, &all), "毎月（通年）");
        assert_eq!(exam_months(Lang::En, &all), "Every month (all year)");
    }
}
