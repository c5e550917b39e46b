//! The licence routes side by side for someone choosing a school: per course
//! length, the national exam and the licence, and the first credential in each
//! planned area. A course's name chooses it (the same answer as the school form).

use yew::prelude::*;

use super::route_lanes;
use crate::{Env, SharedRoadmap};
use ce_roadmap_widget::answers::Action;
use ce_roadmap_widget::i18n::{self, Msg};

#[derive(Properties, PartialEq)]
pub struct RouteTableProps {
    pub roadmap: SharedRoadmap,
    pub dispatch: Callback<Action>,
    /// The school's start year, for the heading.
    pub start_year: i32,
}

#[component]
pub fn RouteTable(props: &RouteTableProps) -> Html {
    let Some(env) = use_context::<Env>() else {
        return html! {};
    };
    let lang = env.lang;
    let Ok(r) = &*props.roadmap.0 else {
        return html! {};
    };
    if r.routes.is_empty() {
        return html! {};
    }
    let rules = env.rules.0;
    let planned = r
        .routes
        .iter()
        .any(|x| !x.first.is_empty() || !x.undated.is_empty());
    html! {
        <section class="cer-routes" aria-labelledby="cer-routes-h">
            <h3 id="cer-routes-h">{ i18n::routes_heading(lang, props.start_year) }</h3>
            { route_lanes::lanes(lang, &r.routes, props.start_year) }
            <table>
                <thead><tr>
                    <th scope="col">{ Msg::SchoolYears.text(lang) }</th>
                    <th scope="col">{ Msg::RoutesLicence.text(lang) }</th>
                    if planned { <th scope="col">{ Msg::RoutesFirst.text(lang) }</th> }
                </tr></thead>
                <tbody>
                    { for r.routes.iter().map(|x| {
                        let years = x.school_years;
                        let choose = props.dispatch.reform(move |_: MouseEvent| Action::SetSchoolYears(years));
                        html! {
                            <tr key={years} data-chosen={x.chosen.then_some("")}>
                                <th scope="row">
                                    <button type="button" class="cer-route-pick" aria-pressed={if x.chosen { "true" } else { "false" }} onclick={choose}>
                                        { i18n::course_name(lang, years) }
                                    </button>
                                    if env.route == Some(years) {
                                        <span class="cer-route-own">{ Msg::RoutesThisSchool.text(lang) }</span>
                                    }
                                </th>
                                <td>
                                    <span class="cer-route-start">{ i18n::route_start(lang, x.prior_study.as_ref(), x.start_year) }</span>
                                    { for i18n::route_licence(lang, x.exam, x.licence_on).into_iter().map(|l| html! { <span class="cer-route-when">{ l }</span> }) }
                                </td>
                                if planned {
                                    <td>
                                        <ul>
                                            { for x.first.iter().map(|f| html! {
                                                <li>{ i18n::route_first(rules, lang, f) }</li>
                                            }) }
                                            { for x.undated.iter().map(|u| html! {
                                                <li class="cer-route-undated">{ i18n::route_undated(rules, lang, u) }</li>
                                            }) }
                                        </ul>
                                    </td>
                                }
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            if !planned {
                <p class="cer-hint">{ Msg::RoutesNoAreas.text(lang) }</p>
            }
        </section>
    }
}
