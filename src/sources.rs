//! `ce-roadmap sources [FILE]`: the table of docs/rules-sources.md, one row per
//! credential: the pages its conditions cite (official or not, and the day read)
//! and what is still unknown. A test keeps the document equal to this output.

use std::collections::BTreeSet;

use ce_roadmap_core::rules::file::RuleFile;
use ce_roadmap_core::rules::strict::each_condition;

/// Markdown, Japanese beside English where the data has both.
pub fn table(file: &RuleFile) -> String {
    let mut out = String::from(
        "# Rule sources: what each credential rests on\n\n\
         Written by `ce-roadmap sources > docs/rules-sources.md` from data/rules.toml; the test\n\
         command fails when it is out of date. \"official\" marks the issuing body's own page or\n\
         its published rules; `ce-roadmap validate --strict` fails while a condition cites\n\
         anything else or a source has no day of reading.\n\n\
         | credential | conditions cite | still unknown |\n|---|---|---|\n",
    );
    for (i, c) in file.credentials.iter().enumerate() {
        let mut ids = BTreeSet::new();
        each_condition(c, i, &mut |_, cond| {
            ids.extend(cond.source.iter().map(|s| s.to_string()));
        });
        let pages: Vec<String> = ids
            .iter()
            .filter_map(|id| file.sources.iter().find(|s| s.id.as_str() == id))
            .map(|s| {
                format!(
                    "{} [{}]({}) ({}, read {})",
                    s.id,
                    s.title.as_deref().unwrap_or(&s.url),
                    s.url,
                    if s.official {
                        "official"
                    } else {
                        "**not official**"
                    },
                    s.read
                )
            })
            .collect();
        let unknowns: Vec<String> = c
            .unknowns
            .iter()
            .map(|u| format!("{} / {}", u.ja, u.en))
            .collect();
        let cell = |v: &[String], none: &str| {
            if v.is_empty() {
                none.to_string()
            } else {
                v.join("<br>").replace('|', "\\|")
            }
        };
        out.push_str(&format!(
            "| {} / {} (`{}`) | {} | {} |\n",
            c.ja,
            c.en,
            c.id,
            cell(&pages, "no condition"),
            cell(&unknowns, "nothing recorded")
        ));
    }
    out
}
