//! The fiscal-year timeline: a picture (SVG, hidden from screen readers) and the
//! same content as an ordered list.

use yew::prelude::*;

use crate::{Env, SharedDisplay, SharedRoadmap};
use ce_roadmap_core::num::plain;
use ce_roadmap_core::roadmap::TimelineYear;
use ce_roadmap_widget::i18n::{self, Lang, Msg};

#[derive(Properties, PartialEq)]
pub struct TimelineViewProps {
    pub roadmap: SharedRoadmap,
    pub display: SharedDisplay,
}

/// At most this many years are drawn; the list below names them all.
const MAX_COLUMNS: i32 = 10;

#[component]
pub fn TimelineView(props: &TimelineViewProps) -> Html {
    let Some(env) = use_context::<Env>() else {
        return html! {};
    };
    let lang = env.lang;
    let Ok(r) = &*props.roadmap.0 else {
        return html! {};
    };
    let now = r.as_of.fiscal_year();
    // Only the credentials in the visitor's focus (the host's areas applied): the
    // timeline answers "what is mine, when", not the whole catalogue.
    // As the plan does, none that another way made pointless (第2種ME for a
    // licensed CE).
    let d = &props.display.0;
    let pointless = ce_roadmap_core::plan::by_year::superseded(&r.credentials);
    let shown = |id: &str| {
        !pointless.contains(&id)
            && r.credentials
                .iter()
                .position(|c| c.id == id)
                .is_some_and(|i| d.focus.get(i).copied().unwrap_or(false))
    };
    let timeline: Vec<TimelineYear> = r
        .timeline
        .iter()
        .map(|y| TimelineYear {
            fiscal_year: y.fiscal_year,
            credentials: y.credentials.iter().copied().filter(|c| shown(c)).collect(),
            after_steps: y.after_steps.iter().copied().filter(|c| shown(c)).collect(),
        })
        .filter(|y| !y.credentials.is_empty() || !y.after_steps.is_empty())
        .collect();
    let licence_fy = if r.licence.status == ce_roadmap_core::roadmap::LicenceStatus::Expected {
        r.licence.fiscal_year
    } else {
        None
    };
    if timeline.is_empty() && licence_fy.is_none() {
        return html! {
            <section class="cer-timeline" aria-labelledby="cer-tl-h">
                <h3 id="cer-tl-h">{ Msg::TimelineHeading.text(lang) }</h3>
                <p class="cer-hint">{ Msg::TimelineEmpty.text(lang) }</p>
            </section>
        };
    }
    // The picture counts what the list below shows: the host's areas applied.
    let last = timeline
        .iter()
        .map(|y| y.fiscal_year)
        .chain(licence_fy)
        .max()
        .unwrap_or(now)
        .max(now);
    let first = now;
    let cols = (last - first + 1).clamp(1, MAX_COLUMNS);
    let width = 340.0;
    let step = width / cols as f64;
    let x = |fy: i32| 10.0 + step * ((fy - first).clamp(0, cols - 1) as f64 + 0.5);
    let count = |fy: i32| {
        timeline
            .iter()
            .find(|y| y.fiscal_year == fy)
            .map_or(0, |y| y.credentials.len() + y.after_steps.len())
    };
    let picture = html! {
        <svg class="cer-tl-svg" viewBox={format!("0 0 {} 96", plain(width + 20.0))} role="presentation" aria-hidden="true" focusable="false">
            <line x1="10" y1="44" x2={plain(width + 10.0)} y2="44" class="cer-tl-axis" />
            { for (first..first + cols).map(|fy| {
                let n = count(fy);
                let cx = x(fy);
                let radius = if n == 0 { 3.0 } else { 9.0 + (n as f64).sqrt() * 4.0 };
                let label = if lang == Lang::Ja { format!("{}", fy % 100).to_string() + "年度" } else { format!("FY{}", fy % 100) };
                html! {
                    <g key={fy}>
                        <circle cx={plain(cx)} cy="44" r={plain(radius)} class="cer-tl-dot" data-state={if n == 0 { "empty" } else if fy == now { "now" } else { "later" }} />
                        if n > 0 {
                            <text x={plain(cx)} y="49" text-anchor="middle" class="cer-tl-n">{ n.to_string() }</text>
                        }
                        <text x={plain(cx)} y="86" text-anchor="middle" class="cer-tl-year">{ label }</text>
                        if licence_fy == Some(fy) {
                            <text x={plain(cx)} y="16" text-anchor="middle" class="cer-tl-licence">{ if lang == Lang::Ja { "免許" } else { "Licence" } }</text>
                        }
                    </g>
                }
            }) }
        </svg>
    };
    // The licence, in its year's row where that year has credentials too: a year is listed once.
    let licence_line = licence_fy.zip(r.licence.on).map(|(fy, on)| {
        (
            fy,
            format!(
                "{}: {}",
                Msg::LicenceExpected.text(lang),
                i18n::date(lang, on)
            ),
        )
    });
    let mut rows: Vec<(i32, Html)> = timeline
        .iter()
        .map(|y| {
            let now_tag = if y.fiscal_year == now { format!(" — {}", Msg::NowLabel.text(lang)) } else { String::new() };
            let licence = licence_line.as_ref().filter(|(fy, _)| *fy == y.fiscal_year).map(|(_, l)| l.clone());
            (
                y.fiscal_year,
                html! {
                    <li key={y.fiscal_year}>
                        <strong>{ format!("{}{now_tag}", i18n::fiscal_year(lang, y.fiscal_year)) }</strong>
                        if let Some(l) = licence {
                            <span class="cer-tl-group cer-tl-licence-row">{ l }</span>
                        }
                        if !y.credentials.is_empty() {
                            <span class="cer-tl-group" data-kind="time">
                                <em>{ format!("{}: ", Msg::TimeOnly.text(lang)) }</em>
                                { i18n::held_from(lang, env.rules.0, r, &y.credentials) }
                            </span>
                        }
                        if !y.after_steps.is_empty() {
                            <span class="cer-tl-group" data-kind="steps">
                                <em>{ format!("{}: ", Msg::AfterSteps.text(lang)) }</em>
                                { i18n::held_from(lang, env.rules.0, r, &y.after_steps) }
                            </span>
                        }
                    </li>
                },
            )
        })
        .collect();
    if let Some((fy, line)) =
        licence_line.filter(|(fy, _)| timeline.iter().all(|y| y.fiscal_year != *fy))
    {
        rows.push((
            fy,
            html! {
                <li key="licence" class="cer-tl-licence-row">
                    <strong>{ i18n::fiscal_year(lang, fy) }</strong>
                    <span>{ line }</span>
                </li>
            },
        ));
    }
    rows.sort_by_key(|(fy, _)| *fy);
    html! {
        <section class="cer-timeline" aria-labelledby="cer-tl-h">
            <h3 id="cer-tl-h">{ Msg::TimelineHeading.text(lang) }</h3>
            { picture }
            <ol class="cer-tl-list">{ for rows.into_iter().map(|(_, h)| h) }</ol>
        </section>
    }
}
