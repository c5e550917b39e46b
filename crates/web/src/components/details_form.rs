//! Memberships, cases, units, courses, credentials and exams: only those the
//! roadmap's next steps name, plus whatever the visitor has already answered.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::graduate_form::GraduateForm;
use super::number_field::NumberField;
use crate::{Env, SharedDisplay};
use ce_roadmap_core::profile::{MAX_CASES, MAX_UNITS, MAX_YEARS};
use ce_roadmap_widget::answers::{Action, Answers};
use ce_roadmap_widget::i18n::{self, Msg};

#[derive(Properties, PartialEq)]
pub struct DetailsFormProps {
    pub answers: Rc<Answers>,
    pub display: SharedDisplay,
    pub dispatch: Callback<Action>,
    /// This calendar year: the latest year a credential can have been obtained.
    pub year: i32,
}

#[component]
pub fn DetailsForm(props: &DetailsFormProps) -> Html {
    let Some(env) = use_context::<Env>() else {
        return html! {};
    };
    let lang = env.lang;
    let rules = env.rules.0;
    let a = &props.answers;
    let d = &props.dispatch;

    // Someone still in school is asked only what a student can have done.
    let in_school = a.stage.is_some_and(|s| s.is_in_school());
    // What to ask in each group: computed with the roadmap (`display::Details`).
    let ce_roadmap_widget::display::Details {
        bodies,
        unit_bodies,
        case_kinds,
        courses,
        held: creds,
        exams,
        asked,
    } = &props.display.0.details;
    let body_name = |id: &str| {
        rules
            .body(id)
            .map(|b| lang.pick2(&b.ja, &b.en).to_string())
            .unwrap_or_else(|| id.to_string())
    };

    let membership = bodies.iter().filter_map(|id| rules.body(id)).map(|b| {
        let id = b.id.clone();
        let member = a.membership.get(&b.id).copied();
        let toggle = {
            let id = id.clone();
            d.reform(move |_: Event| Action::SetMembership(id.clone(), if member.is_some() { None } else { Some(0.0) }))
        };
        let on_change = d.reform(move |v: f64| Action::SetMembership(id.clone(), Some(v)));
        let name = lang.pick2(&b.ja, &b.en).to_string();
        html! {
            <div class="cer-member" key={b.id.as_str()}>
                <label class="cer-check">
                    <input type="checkbox" checked={member.is_some()} onchange={toggle} />
                    <span>{ format!("{name}: {}", Msg::Member.text(lang)) }</span>
                </label>
                if let Some(y) = member {
                    <NumberField id={format!("cer-mem-{}", b.id)} label={name} value={y} step={1.0} max={MAX_YEARS}
                        unit={Some(AttrValue::from(Msg::YearsUnit.text(lang)))} {on_change} />
                }
            </div>
        }
    });
    // Each count with its yearly rate beside it: the plan dates a count only with a rate.
    let cases = case_kinds.iter().filter_map(|id| rules.case_kind(id)).map(|k| {
        let id = k.id.clone();
        let on_change = d.reform(move |v: f64| Action::SetCases(id.clone(), v));
        let id = k.id.clone();
        let on_rate = d.reform(move |v: f64| Action::SetCaseRate(id.clone(), v));
        let name = lang.pick2(&k.ja, &k.en).to_string();
        html! {
            <div class="cer-case" key={k.id.as_str()}>
                <NumberField id={format!("cer-cases-{}", k.id)} label={name.clone()}
                    value={a.cases.get(&k.id).copied().unwrap_or(0.0)} step={10.0} max={MAX_CASES} whole=true {on_change} />
                <NumberField id={format!("cer-rate-{}", k.id)} label={format!("{name}: {}", Msg::CaseRate.text(lang))}
                    value={a.case_rates.get(&k.id).copied().unwrap_or(0.0)} step={10.0} max={MAX_CASES} on_change={on_rate} />
            </div>
        }
    });
    let units = unit_bodies.iter().filter_map(|id| rules.body(id)).map(|b| {
        let id = b.id.clone();
        let on_change = d.reform(move |v: f64| Action::SetUnits(id.clone(), v));
        html! {
            <NumberField key={b.id.as_str()} id={format!("cer-units-{}", b.id)} label={body_name(b.id.as_str())}
                value={a.units.get(&b.id).copied().unwrap_or(0.0)} step={1.0} max={MAX_UNITS} {on_change} />
        }
    });
    let check = |key: String, label: String, checked: bool, action: Action| {
        let onchange = d.reform(move |_: Event| action.clone());
        html! {
            <label class="cer-check" key={key}>
                <input type="checkbox" {checked} {onchange} />
                <span>{ label }</span>
            </label>
        }
    };
    let course_checks = courses.iter().filter_map(|id| rules.course(id)).map(|c| {
        check(
            c.id.to_string(),
            lang.pick2(&c.ja, &c.en).to_string(),
            a.courses.contains(&c.id),
            Action::ToggleCourse(c.id.clone()),
        )
    });
    // A held credential that renews on a cycle asks the year it was obtained, for
    // the renewal's year: a choice of years, so nothing typed can be out of range.
    let year = props.year;
    let held_checks = creds.iter().filter_map(|id| rules.credential(id)).map(|c| {
        let held = a.held.contains(&c.id);
        let name = lang.pick(&c.name).to_string();
        let renews = c.renewal.as_ref().is_some_and(|r| r.every_years.is_some());
        let since = a.held_since.get(&c.id).map(|&y| y as i32);
        let id = c.id.clone();
        let on_year = d.reform(move |e: Event| {
            let s: HtmlSelectElement = e.target_unchecked_into();
            Action::SetHeldSince(id.clone(), s.value().parse().ok())
        });
        let select_id = format!("cer-since-{}", c.id);
        html! {
            <div class="cer-member" key={c.id.as_str()}>
                { check(c.id.to_string(), name.clone(), held, Action::ToggleHeld(c.id.clone())) }
                if held && renews {
                    <div class="cer-row">
                        <label for={select_id.clone()}>{ format!("{name}: {}", Msg::HeldSince.text(lang)) }</label>
                        <select id={select_id} onchange={on_year}>
                            <option value="" selected={since.is_none()}>{ "—" }</option>
                            { for (year - 40..=year).rev().map(|y| html! {
                                <option value={y.to_string()} selected={since == Some(y)}>{ y.to_string() }</option>
                            }) }
                        </select>
                    </div>
                }
            </div>
        }
    });
    let exam_checks = exams
        .iter()
        .filter_map(|id| rules.exam_name(id).map(|n| (id, n)))
        .map(|(id, n)| {
            check(
                id.clone(),
                lang.pick(&n).to_string(),
                a.passed.contains(id),
                Action::TogglePassed(id.clone()),
            )
        });
    let route_licence = &rules.licence_route.licence;
    let other_licences = a.licences.iter().filter(|l| *l != route_licence).count();
    let case_answers = a.cases.len()
        + a.case_rates
            .keys()
            .filter(|k| !a.cases.contains_key(*k))
            .count();
    let licence_checks = rules
        .licences
        .iter()
        .filter(|l| &l.id != route_licence)
        .map(|l| {
            check(
                l.id.to_string(),
                lang.pick2(&l.ja, &l.en).to_string(),
                a.licences.contains(&l.id),
                Action::ToggleLicence(l.id.clone()),
            )
        });
    // A group opens when the roadmap asks for something in it, and stays open once it
    // holds an answer (it never closes under the visitor's hand); its title counts the
    // answers it holds, so a closed group never hides one silently.
    let section = |title: Msg, answered: usize, asked: bool, content: Html| {
        let open = asked || answered > 0;
        html! {
            <details class="cer-sub" {open}>
                <summary>{ i18n::with_answered(lang, title, answered) }</summary>
                <div class="cer-sub-body">{ content }</div>
            </details>
        }
    };
    html! {
        <section class="cer-section cer-details" aria-labelledby="cer-details-h">
            <h3 id="cer-details-h">{ Msg::DetailsHeading.text(lang) }</h3>
            <p class="cer-hint">{ Msg::DetailsHint.text(lang) }</p>
            if !bodies.is_empty() && !in_school { { section(Msg::Memberships, a.membership.len(), asked.bodies, html! { <>{ for membership }</> }) } }
            if !case_kinds.is_empty() && !in_school { { section(Msg::Cases, case_answers, asked.case_kinds, html! { <><p class="cer-hint">{ Msg::CaseRatesHint.text(lang) }</p><div class="cer-grid">{ for cases }</div></> }) } }
            if !unit_bodies.is_empty() && !in_school { { section(Msg::Units, a.units.len(), asked.unit_bodies, html! { <div class="cer-grid">{ for units }</div> }) } }
            if !courses.is_empty() { { section(Msg::Courses, a.courses.len(), asked.courses && !in_school, html! { <>{ for course_checks }</> }) } }
            { section(Msg::Held, a.held.len(), asked.held, html! { <><p class="cer-hint">{ Msg::HeldSinceHint.text(lang) }</p>{ for held_checks }</> }) }
            { section(Msg::Passed, a.passed.len(), asked.exams, html! { <>{ for exam_checks }</> }) }
            { section(Msg::OtherLicences, other_licences, false, html! { <>{ for licence_checks }</> }) }
            if rules.graduate_school.is_some() {
                { section(Msg::Graduate, usize::from(a.graduate.is_some()), false, html! { <GraduateForm answers={a.clone()} dispatch={d.clone()} year={props.year} /> }) }
            }
        </section>
    }
}
