//! `ce-roadmap plan`: the roadmap's plan as a table by fiscal year, in Japanese
//! (default) or English. The same data as the `plan` of `eval`'s JSON. With
//! `--ics`, the plan as a calendar file instead (the widget's "add to calendar").

use std::process::ExitCode;

use ce_roadmap_core::roadmap::Roadmap;
use ce_roadmap_core::RuleSet;
use ce_roadmap_widget::calendar;
use ce_roadmap_widget::i18n::{self, Lang};

use super::{inputs, opt, options, take_all, Fail};

pub fn run(args: &[String]) -> Result<ExitCode, Fail> {
    // `--ics` is the one flag without a value.
    let ics = args.iter().any(|a| a == "--ics");
    let args: Vec<String> = args.iter().filter(|a| *a != "--ics").cloned().collect();
    let (all, args) = take_all(&args);
    let (opts, pos) = options(&args, &["--profile", "--rules", "--as-of", "--lang"])?;
    let lang = match opt(&opts, "--lang") {
        None | Some("ja") => Lang::Ja,
        Some("en") => Lang::En,
        Some(other) => return Err(Fail(format!("--lang: `{other}` is not ja or en"))),
    };
    let inputs = inputs("plan", &opts, &pos)?;
    let roadmap = inputs.evaluate_scoped(all)?;
    if ics {
        let file = calendar::ics(&inputs.rules, &roadmap.plan, lang, inputs.when.today)
            .ok_or_else(|| Fail("the plan has nothing dated to put in a calendar".into()))?;
        print!("{file}");
        return Ok(ExitCode::SUCCESS);
    }
    // What cannot be dated is listed for the credentials the plan is about.
    let focus: Vec<bool> = roadmap
        .credentials
        .iter()
        .map(|c| {
            all || inputs.profile.in_focus(c.areas)
                || inputs.profile.targets.iter().any(|t| t.as_str() == c.id)
        })
        .collect();
    print!("{}", table(&inputs.rules, &roadmap, lang, &focus));
    Ok(ExitCode::SUCCESS)
}

/// One block per fiscal year: the steps with their dates, then what opens.
pub fn table(rules: &RuleSet, r: &Roadmap, lang: Lang, focus: &[bool]) -> String {
    let mut out = String::new();
    let opens = i18n::Msg::PlanOpens.text(lang);
    let none = match lang {
        Lang::Ja => "日付を出せる資格はありません。",
        Lang::En => "No credential can be dated.",
    };
    out.push_str(&format!(
        "{} {}\n",
        i18n::date(lang, r.as_of),
        lang.pick2("時点の計画", "plan")
    ));
    if r.plan.is_empty() {
        out.push_str(none);
        out.push('\n');
    }
    for y in &r.plan {
        out.push_str(&format!("\n{}\n", i18n::fiscal_year(lang, y.fiscal_year)));
        for s in &y.steps {
            let when = i18n::plan_when(lang, s);
            let choice = if s.choice {
                let c = i18n::Msg::PlanChoice.text(lang);
                lang.pick2(&format!("（{c}）"), &format!(" ({c})"))
                    .to_string()
            } else {
                String::new()
            };
            out.push_str(&format!("  {when:<18}  {}{choice}\n", lang.pick(&s.text)));
        }
        if !y.opens.is_empty() {
            // Listed in the year it can be held, marked where that is the earliest.
            let names = i18n::held_from(lang, rules, r, &y.opens);
            out.push_str(&format!("  {opens}: {names}\n"));
        }
    }
    let blocked: Vec<String> = r
        .credentials
        .iter()
        .zip(focus)
        .filter(|(_, f)| **f)
        .filter_map(|(c, _)| {
            let e = c.earliest.as_ref()?;
            let b = e.blocked_by.first().filter(|_| e.on.is_none())?;
            Some(format!("  {}: {}", lang.pick(c.name), lang.pick(&b.text)))
        })
        .collect();
    if !blocked.is_empty() {
        out.push_str(&format!(
            "\n{}\n",
            lang.pick2("日付を出せないもの", "Cannot be dated")
        ));
        for b in blocked {
            out.push_str(&b);
            out.push('\n');
        }
    }
    out
}
