use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::Env;
use ce_roadmap_core::profile::Stage;
use ce_roadmap_widget::answers::{start_years, Action, Answers};
use ce_roadmap_widget::i18n::{self, Msg};

#[derive(Properties, PartialEq)]
pub struct SchoolFormProps {
    pub answers: Rc<Answers>,
    pub dispatch: Callback<Action>,
    /// This fiscal year: the start years offered are counted from it.
    pub year: i32,
}

#[component]
pub fn SchoolForm(props: &SchoolFormProps) -> Html {
    let Some(env) = use_context::<Env>() else {
        return html! {};
    };
    let lang = env.lang;
    let a = &props.answers;
    let on_years = props.dispatch.reform(|e: Event| {
        let s: HtmlSelectElement = e.target_unchecked_into();
        Action::SetSchoolYears(s.value().parse().unwrap_or(3))
    });
    let year = props.year;
    let on_start = props.dispatch.reform(move |e: Event| {
        let s: HtmlSelectElement = e.target_unchecked_into();
        Action::SetStartYear(s.value().parse().unwrap_or(year))
    });
    // The years that fit the visitor's kind, and the answer given, whatever it is.
    let stage = a.stage.unwrap_or(Stage::Prospective);
    let range = start_years(stage, year);
    let mut years: Vec<i32> = range.collect();
    if !years.contains(&a.school.start_year) {
        years.push(a.school.start_year);
        years.sort_unstable();
    }
    let started = if stage == Stage::Student {
        Msg::StartedYear
    } else {
        Msg::StartYear
    };
    html! {
        <fieldset class="cer-section">
            <legend>{ Msg::SchoolHeading.text(lang) }</legend>
            <div class="cer-row">
                <label for="cer-school-years">{ Msg::SchoolYears.text(lang) }</label>
                // The lengths alone, so a phone's closed select is not cut off; the chosen
                // course's full name is the line below it.
                <select id="cer-school-years" onchange={on_years} aria-describedby="cer-school-years-name">
                    { for env.rules.0.licence_route.school_years.iter().map(|&y| html! {
                        <option value={y.to_string()} selected={a.school.years == y}>{ i18n::course_short(lang, y) }</option>
                    }) }
                </select>
            </div>
            <p class="cer-hint" id="cer-school-years-name">{ i18n::course_name(lang, a.school.years) }</p>
            <div class="cer-row">
                <label for="cer-start-year">{ started.text(lang) }</label>
                <select id="cer-start-year" onchange={on_start}>
                    { for years.into_iter().map(|y| html! {
                        <option value={y.to_string()} selected={a.school.start_year == y}>{ y.to_string() }</option>
                    }) }
                </select>
            </div>
            <fieldset class="cer-checks">
                <legend>{ Msg::PlanAreas.text(lang) }</legend>
                { for env.rules.0.areas.iter().filter(|ar| !matches!(ar.id.as_str(), "it" | "medical_it"))
                    .filter(|ar| env.areas.as_ref().is_none_or(|list| list.contains(&ar.id))).map(|ar| {
                    let id = ar.id.clone();
                    let onchange = props.dispatch.reform(move |_: Event| Action::TogglePlanArea(id.clone()));
                    html! {
                        <label class="cer-check" key={ar.id.as_str()}>
                            <input type="checkbox" checked={a.plan_areas.contains(&ar.id)} {onchange} data-plan-area={ar.id.to_string()} />
                            <span>{ lang.pick2(&ar.ja, &ar.en) }</span>
                        </label>
                    }
                }) }
            </fieldset>
        </fieldset>
    }
}
