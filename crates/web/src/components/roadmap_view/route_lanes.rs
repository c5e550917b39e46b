//! The courses side by side on one fiscal-year axis: a picture of what the route
//! table says in words (so it is hidden from screen readers). Per course: the
//! study it needs first (dotted), the years in the course up to the national
//! exam, the licence, and the year each planned area's first credential opens
//! (a number where several share a year).

use yew::prelude::*;

use ce_roadmap_core::num::plain;
use ce_roadmap_core::roadmap::Route;
use ce_roadmap_widget::i18n::{self, Lang, Msg};

/// At most this many fiscal years are drawn (later ones sit in the last column):
/// two-digit labels still fit a phone's width.
const MAX_COLUMNS: i32 = 16;
const LABEL: f64 = 58.0;
const PLOT: f64 = 300.0;
const ROW: f64 = 30.0;

/// A view function, not a component: the route table holds what it draws, so it
/// needs no context or state of its own.
pub fn lanes(lang: Lang, routes: &[Route], start_year: i32) -> Html {
    if routes.is_empty() {
        return html! {};
    }
    let first = start_year;
    let last = routes
        .iter()
        .flat_map(|x| {
            x.licence_fiscal_year
                .into_iter()
                .chain(x.first.iter().map(|f| f.fiscal_year))
        })
        .max()
        .unwrap_or(first)
        .max(first + 1);
    let cols = (last - first + 1).clamp(2, MAX_COLUMNS);
    let step = PLOT / cols as f64;
    let x = |fy: i32| LABEL + step * ((fy - first).clamp(0, cols - 1) as f64 + 0.5);
    let height = ROW * routes.len() as f64 + 22.0;
    html! {
        <figure class="cer-lanes">
            <svg viewBox={format!("0 0 {} {}", plain(LABEL + PLOT + 4.0), plain(height))} role="presentation" aria-hidden="true" focusable="false">
                { for routes.iter().enumerate().map(|(i, route)| {
                    let y = 14.0 + ROW * i as f64;
                    let exam_fy = route.exam.map(|m| m.first_day().fiscal_year());
                    // Areas whose first credential opens in the same year share one dot.
                    let mut dots: Vec<(i32, usize)> = Vec::new();
                    for f in &route.first {
                        match dots.iter_mut().find(|d| d.0 == f.fiscal_year) {
                            Some(d) => d.1 += 1,
                            None => dots.push((f.fiscal_year, 1)),
                        }
                    }
                    html! {
                        <g key={route.school_years} data-chosen={route.chosen.then_some("")}>
                            <text x="0" y={plain(y + 4.0)} class="cer-lanes-label">{ i18n::course_short(lang, route.school_years) }</text>
                            <line x1={plain(LABEL)} y1={plain(y)} x2={plain(LABEL + PLOT)} y2={plain(y)} class="cer-lanes-axis" />
                            if route.start_year > first {
                                <line x1={plain(x(first) - step / 2.0 + 2.0)} y1={plain(y)} x2={plain(x(route.start_year) - step / 2.0 - 2.0)} y2={plain(y)} class="cer-lanes-prior" />
                            }
                            if let Some(e) = exam_fy {
                                <line x1={plain(x(route.start_year) - step / 2.0 + 2.0)} y1={plain(y)} x2={plain(x(e))} y2={plain(y)} class="cer-lanes-school" />
                            }
                            if let Some(l) = route.licence_fiscal_year {
                                <rect x={plain(x(l) - 5.0)} y={plain(y - 5.0)} width="10" height="10" transform={format!("rotate(45 {} {})", plain(x(l)), plain(y))} class="cer-lanes-licence" />
                            }
                            { for dots.iter().map(|&(fy, n)| html! {
                                <g key={fy}>
                                    <circle cx={plain(x(fy))} cy={plain(y)} r="8" class="cer-lanes-first" />
                                    <text x={plain(x(fy))} y={plain(y + 4.0)} text-anchor="middle" class="cer-lanes-n">{ n.to_string() }</text>
                                </g>
                            }) }
                        </g>
                    }
                }) }
                // "年度" / "FY" once, then the years' last two digits.
                <text x="0" y={plain(height - 4.0)} class="cer-lanes-year">{ lang.pick2("年度", "FY") }</text>
                { for (first..first + cols).map(|fy| html! {
                    <text key={fy} x={plain(x(fy))} y={plain(height - 4.0)} text-anchor="middle" class="cer-lanes-year">{ format!("{:02}", fy % 100) }</text>
                }) }
            </svg>
            <figcaption class="cer-hint">{ Msg::LanesLegend.text(lang) }</figcaption>
        </figure>
    }
}
