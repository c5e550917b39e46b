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
use ce_roadmap_widget::display::settle;
use ce_roadmap_widget::i18n::{self, Lang, Msg};

/// The lists as this form last showed them, per group (see `display::settle`).
#[derive(Default)]
struct Shown([Vec<String>; 8]);

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
    // What to ask in each group: computed with the roadmap (`display::Details`), then
    // settled into what this form showed before, so nothing moves or goes under a tap.
    let details = &props.display.0.details;
    let asked = &details.asked;
    let shown = use_mut_ref(Shown::default);
    let (bodies, unit_bodies, case_kinds, courses, creds, creds_more, exams, exams_more) = {
        let mut m = shown.borrow_mut();
        let now = [
            &details.bodies,
            &details.unit_bodies,
            &details.case_kinds,
            &details.courses,
            &details.held,
            &details.held_more,
            &details.exams,
            &details.exams_more,
        ];
        for (was, now) in m.0.iter_mut().zip(now) {
            settle(was, now);
        }
        // An id moved up from "show all" (its answer kept in view) stays where it was.
        let (held, exam) = (m.0[4].clone(), m.0[6].clone());
        m.0[5].retain(|id| !held.contains(id));
        m.0[7].retain(|id| !exam.contains(id));
        let [a, b, c, d, e, f, g, h] = m.0.clone();
        (a, b, c, d, e, f, g, h)
    };
    let held_more_chosen = creds_more
        .iter()
        .filter(|id| a.held.iter().any(|h| h.as_str() == id.as_str()))
        .count();
    let exams_more_chosen = exams_more
        .iter()
        .filter(|id| a.passed.contains(*id))
        .count();
    let show_held = use_state(|| held_more_chosen > 0);
    let show_exams = use_state(|| exams_more_chosen > 0);
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
                    <span>{ i18n::member_label(lang, &name) }</span>
                </label>
                if let Some(y) = member {
                    <NumberField id={format!("cer-mem-{}", b.id)} label={i18n::member_years_label(lang, &name)} value={y} step={1.0} max={MAX_YEARS}
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
            <NumberField key={b.id.as_str()} id={format!("cer-units-{}", b.id)}
                label={i18n::units_label(lang, &body_name(b.id.as_str()), b.unit.as_ref().map_or(lang.pick2("単位", "units"), |u| lang.pick2(&u.ja, &u.en)))}
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
        let name = lang.pick2(&c.ja, &c.en);
        check(
            c.id.to_string(),
            match &c.amount {
                Some(a) => format!("{name}{}", i18n::parenthesised(lang, lang.pick(a))),
                None => name.to_string(),
            },
            a.courses.contains(&c.id),
            Action::ToggleCourse(c.id.clone()),
        )
    });
    // A held credential that renews on a cycle asks the year it was obtained, for
    // the renewal's year: a choice of years, so nothing typed can be out of range.
    let year = props.year;
    let held_check = |id: &String| {
        rules.credential(id).map(|c| {
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
    })
    };
    let exam_check = |id: &String| {
        rules.exam_name(id).map(|n| {
            check(
                id.clone(),
                // Not the credential's name alone: the held list has that one.
                i18n::exam_label(lang, lang.pick(&n)),
                a.passed.contains(id),
                Action::TogglePassed(id.clone()),
            )
        })
    };
    // The visitor's areas and the general ones first; the rest behind "show all" with
    // its count. It starts open when it holds an answer, and never toggles by itself.
    let list = |ids: &[String],
                more: &[String],
                chosen: usize,
                open: &UseStateHandle<bool>,
                one: &dyn Fn(&String) -> Option<Html>| {
        let is_open = **open;
        let onclick = {
            let open = open.clone();
            Callback::from(move |_: MouseEvent| open.set(!*open))
        };
        html! {
            <>
                { for ids.iter().filter_map(one) }
                if !more.is_empty() {
                    <button type="button" class="cer-more" aria-expanded={if is_open { "true" } else { "false" }} {onclick}>
                        { i18n::show_all(lang, more.len(), chosen, is_open) }
                    </button>
                    if is_open { { for more.iter().filter_map(one) } }
                }
            </>
        }
    };
    let held_checks = list(
        &creds,
        &creds_more,
        held_more_chosen,
        &show_held,
        &held_check,
    );
    let exam_checks = list(
        &exams,
        &exams_more,
        exams_more_chosen,
        &show_exams,
        &exam_check,
    );
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
    // A group opens only when the visitor opens it: one the roadmap asks about has a
    // badge, and its title counts the answers it holds, so a closed group never hides
    // one silently.
    let section = |title: Msg, answered: usize, asked: bool, content: Html| {
        let typed = matches!(title, Msg::Cases | Msg::Units);
        html! {
            <details class="cer-sub" key={title.text(Lang::En)}>
                <summary>
                    <span>{ i18n::with_answered(lang, title, answered, typed) }</span>
                    // Always there, hidden when not asked: its line never comes and goes.
                    <span class="cer-asked" data-off={(!asked).then_some("")}>{ Msg::AskedHere.text(lang) }</span>
                </summary>
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
            { section(Msg::Held, a.held.len(), asked.held, html! { <><p class="cer-hint">{ Msg::HeldSinceHint.text(lang) }</p>{ held_checks }</> }) }
            { section(Msg::Passed, a.passed.len(), asked.exams, html! { <>{ exam_checks }</> }) }
            { section(Msg::OtherLicences, other_licences, false, html! { <>{ for licence_checks }</> }) }
            if rules.graduate_school.is_some() {
                { section(Msg::Graduate, usize::from(a.graduate.is_some()), false, html! { <GraduateForm answers={a.clone()} dispatch={d.clone()} year={props.year} /> }) }
            }
        </section>
    }
}
