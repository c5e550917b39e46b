//! Graduate school, as the visitor's own choice: how far, full-time or while
//! working, and the year it starts. Shown only where the rules describe it.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::Env;
use ce_roadmap_core::profile::{Degree, Graduate, StudyMode};
use ce_roadmap_widget::answers::{Action, Answers};
use ce_roadmap_widget::i18n::Msg;

#[derive(Properties, PartialEq)]
pub struct GraduateFormProps {
    pub answers: Rc<Answers>,
    pub dispatch: Callback<Action>,
    /// This calendar year: where the start years centre for someone not in school.
    pub year: i32,
}

fn select_value(e: &Event) -> String {
    let s: HtmlSelectElement = e.target_unchecked_into();
    s.value()
}

#[component]
pub fn GraduateForm(props: &GraduateFormProps) -> Html {
    let Some(env) = use_context::<Env>() else {
        return html! {};
    };
    let lang = env.lang;
    let Some(gs) = env.rules.0.graduate_school.as_ref() else {
        return html! {};
    };
    let a = &props.answers;
    // As the profile takes it: never before a school course ends.
    let current = a.graduate(env.rules.0);
    let in_school = a.stage.is_some_and(|s| s.is_in_school());
    let first = if in_school {
        a.course(env.rules.0).end_year()
    } else {
        props.year
    };
    let chosen = current.unwrap_or(Graduate {
        degree: Degree::Master,
        mode: if in_school {
            StudyMode::FullTime
        } else {
            StudyMode::Working
        },
        // Not in school: next April at the latest.
        start_year: if in_school { first } else { first + 1 },
    });
    let on_degree = props.dispatch.reform(move |e: Event| {
        let degree = match select_value(&e).as_str() {
            "master" => Degree::Master,
            "doctor" => Degree::Doctor,
            _ => return Action::SetGraduate(None),
        };
        Action::SetGraduate(Some(Graduate { degree, ..chosen }))
    });
    let on_mode = props.dispatch.reform(move |e: Event| {
        let mode = if select_value(&e) == "working" {
            StudyMode::Working
        } else {
            StudyMode::FullTime
        };
        Action::SetGraduate(Some(Graduate { mode, ..chosen }))
    });
    let on_start = props.dispatch.reform(move |e: Event| {
        let start_year = select_value(&e).parse().unwrap_or(chosen.start_year);
        Action::SetGraduate(Some(Graduate {
            start_year,
            ..chosen
        }))
    });
    let degree = current.map(|g| g.degree);
    // Someone already enrolled may have started a few years back.
    let years = if in_school { first } else { first - 5 }..=first + 10;
    html! {
        <div class="cer-graduate">
            <p class="cer-hint">{ Msg::GraduateHint.text(lang) }</p>
            { for gs.notes.iter().map(|n| html! { <p class="cer-hint">{ lang.pick2(&n.ja, &n.en) }</p> }) }
            <div class="cer-row">
                <label for="cer-grad-degree">{ Msg::GraduateDegree.text(lang) }</label>
                <select id="cer-grad-degree" onchange={on_degree}>
                    <option value="" selected={degree.is_none()}>{ Msg::GraduateNone.text(lang) }</option>
                    <option value="master" selected={degree == Some(Degree::Master)}>{ Msg::GraduateMaster.text(lang) }</option>
                    <option value="doctor" selected={degree == Some(Degree::Doctor)}>{ Msg::GraduateDoctor.text(lang) }</option>
                </select>
            </div>
            if let Some(g) = current {
                <div class="cer-row">
                    <label for="cer-grad-mode">{ Msg::GraduateMode.text(lang) }</label>
                    <select id="cer-grad-mode" onchange={on_mode}>
                        <option value="full_time" selected={g.mode == StudyMode::FullTime}>{ Msg::GraduateFullTime.text(lang) }</option>
                        <option value="working" selected={g.mode == StudyMode::Working}>{ Msg::GraduateWorking.text(lang) }</option>
                    </select>
                </div>
                <div class="cer-row">
                    <label for="cer-grad-start">{ Msg::GraduateStart.text(lang) }</label>
                    <select id="cer-grad-start" onchange={on_start}>
                        { for years.map(|y| html! {
                            <option value={y.to_string()} selected={g.start_year == y}>{ y.to_string() }</option>
                        }) }
                    </select>
                </div>
            }
        </div>
    }
}
