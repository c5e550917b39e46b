//! Every criterion and step in words, Japanese and English, from the names in
//! the rule set. Presentation only: verdicts are decided in `evaluate`.

use crate::roadmap::{Criterion, Roadmap, Step};
use crate::rules::file::Text;
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
            s.text = step(rules, s);
        }
    }
    for s in &mut roadmap.next_steps {
        s.text = step(rules, s);
    }
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

fn names(rules: &RuleSet, kind: &str, ids: &[&str]) -> (Vec<String>, Vec<String>) {
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
                "body" => rules.body(id).map(|n| Text {
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

fn one(rules: &RuleSet, kind: &str, id: &str) -> (String, String) {
    let (mut ja, mut en) = names(rules, kind, &[id]);
    (ja.pop().unwrap_or_default(), en.pop().unwrap_or_default())
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
    let have = k.have.unwrap_or(0.0);
    let need = k.need.unwrap_or(0.0);
    let (wja, wen) = window(k);
    let (ja, en) = match k.kind {
        "licence" => {
            let (ja, en) = names(rules, "licence", &k.ids.to_vec());
            let mut t = (
                format!("免許: {}", ja.join("・")),
                format!("Licence: {}", en.join(" or ")),
            );
            if k.waiting {
                if let Some(d) = k.met_on {
                    t.0 += &format!("（{d} 取得見込み）");
                    t.1 += &format!(" (expected {d})");
                }
            }
            t
        }
        "experience" => {
            let (aja, aen) = match k.area {
                Some(a) => one(rules, "area", a),
                None => ("臨床".to_string(), "clinical".to_string()),
            };
            let (sja, sen) = if k.still_working {
                ("、現在も従事", ", still working in it")
            } else {
                ("", "")
            };
            (
                format!(
                    "{aja}の実務 {}以上{wja}{sja}（現在 {}）",
                    years_ja(need),
                    years_ja(have)
                ),
                format!(
                    "{} of {aen} work{wen}{sen} (you have {})",
                    years_en(need),
                    years_en(have)
                ),
            )
        }
        "membership" => {
            let (bja, ben) = one(rules, "body", k.body.unwrap_or_default());
            let member = k.ongoing || k.met;
            let (nja, nen) = if member {
                (String::new(), String::new())
            } else {
                ("（未入会）".to_string(), " (not a member)".to_string())
            };
            if need == 0.0 {
                (format!("{bja}の会員{nja}"), format!("Member of {ben}{nen}"))
            } else if member {
                (
                    format!(
                        "{bja}の会員歴 継続{}以上（現在 {}）",
                        years_ja(need),
                        years_ja(have)
                    ),
                    format!(
                        "{} in a row as a member of {ben} (you have {})",
                        years_en(need),
                        years_en(have)
                    ),
                )
            } else {
                (
                    format!("{bja}の会員歴 継続{}以上{nja}", years_ja(need)),
                    format!("{} in a row as a member of {ben}{nen}", years_en(need)),
                )
            }
        }
        "cases" => {
            let (cja, cen) = one(rules, "case_kind", k.case_kind.unwrap_or_default());
            let mut t = if k.need_unknown {
                (
                    format!("{cja}（必要数は未公表。認定団体に確認）"),
                    format!("{cen} (number not published: check with the body)"),
                )
            } else {
                (
                    format!(
                        "{cja} {}例以上{wja}（現在 {}例）",
                        number(need),
                        number(have)
                    ),
                    format!("{} {cen}{wen} (you have {})", number(need), number(have)),
                )
            };
            for s in &k.sub_counts {
                let (sja, sen) = one(rules, "case_kind", s.case_kind);
                t.0 += &format!(
                    "、うち{sja} {}例以上（現在 {}例）",
                    number(s.need),
                    number(s.have)
                );
                t.1 += &format!(
                    ", of which {} {sen} (you have {})",
                    number(s.need),
                    number(s.have)
                );
            }
            t
        }
        "credential" => {
            let (ja, en) = names(rules, "credential", &k.ids.to_vec());
            if k.need_all || k.ids.len() == 1 {
                (
                    format!("{}を取得済み", ja.join("・")),
                    format!("Hold {}", en.join(" and ")),
                )
            } else {
                (
                    format!("{}のいずれかを取得済み", ja.join("・")),
                    format!("Hold one of: {}", en.join(", ")),
                )
            }
        }
        "course" => {
            let (ja, en) = names(rules, "course", &k.ids.to_vec());
            let (eja, een) = if k.exempt {
                ("（免除）", " (exempt)")
            } else {
                ("", "")
            };
            (
                format!("{}を受講{wja}{eja}", ja.join(" または ")),
                format!("Complete {}{wen}{een}", en.join(" or ")),
            )
        }
        "units" => {
            let (bja, ben) = one(rules, "body", k.body.unwrap_or_default());
            (
                format!(
                    "{bja}の単位 {}以上{wja}（現在 {}）",
                    number(need),
                    number(have)
                ),
                format!(
                    "{} {ben} units{wen} (you have {})",
                    number(need),
                    number(have)
                ),
            )
        }
        "exam" => {
            let (ja, en) = names(rules, "exam", &k.ids.to_vec());
            (
                format!("{}に合格{wja}", ja.join(" または ")),
                format!("Pass {}{wen}", en.join(" or ")),
            )
        }
        "any_of" => match k.note {
            Some(n) => (
                format!("次のいずれか: {}", n.ja),
                format!("One of: {}", n.en),
            ),
            None => (
                "次のいずれか".to_string(),
                "One of the following".to_string(),
            ),
        },
        _ => match k.note {
            Some(n) => (format!("次のすべて: {}", n.ja), format!("All of: {}", n.en)),
            None => ("次のすべて".to_string(), "All of the following".to_string()),
        },
    };
    k.text = Text { ja, en };
}

fn step(rules: &RuleSet, s: &Step) -> Text {
    let ids: Vec<&str> = s.target.split('|').filter(|t| !t.is_empty()).collect();
    let (ja, en) = match s.action {
        "licence" => {
            let (ja, en) = names(rules, "licence", &ids);
            (
                format!("{}の免許を取得する", ja.join("・")),
                format!("Obtain a licence: {}", en.join(" or ")),
            )
        }
        "work_in_area" => {
            let (ja, en) = one(rules, "area", &s.target);
            (
                format!("{ja}の業務に就く"),
                format!("Start working in {en}"),
            )
        }
        "work" => (
            "臨床業務に就く".to_string(),
            "Start clinical work".to_string(),
        ),
        "join" => {
            let (ja, en) = one(rules, "body", &s.target);
            (format!("{ja}に入会する"), format!("Join {en}"))
        }
        "cases" => {
            let (ja, en) = one(rules, "case_kind", &s.target);
            (format!("{ja}の症例を積む"), format!("Build up cases: {en}"))
        }
        "credential" => {
            let (ja, en) = names(rules, "credential", &ids);
            (
                format!("{}を取得する", ja.join(" または ")),
                format!("Obtain {}", en.join(" or ")),
            )
        }
        "course" => {
            let (ja, en) = names(rules, "course", &ids);
            (
                format!("{}を受講する", ja.join(" または ")),
                format!("Complete {}", en.join(" or ")),
            )
        }
        "units" => {
            let (ja, en) = one(rules, "body", &s.target);
            (format!("{ja}の単位を取得する"), format!("Earn {en} units"))
        }
        "exam" => {
            let (ja, en) = names(rules, "exam", &ids);
            (
                format!("{}に合格する", ja.join(" または ")),
                format!("Pass {}", en.join(" or ")),
            )
        }
        other => (other.to_string(), other.to_string()),
    };
    Text { ja, en }
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
}
