//! "Your plan": year by year, what to do by when and what opens. With targets
//! chosen on the cards, the engine's plan for them; without, the plan of the
//! credentials in the visitor's areas (and the host's), derived here from the roadmap.

use std::rc::Rc;

use yew::prelude::*;

use crate::{Env, SharedDisplay, SharedRoadmap};
use ce_roadmap_core::date::Month;
use ce_roadmap_core::plan::{by_year, Include};
use ce_roadmap_core::roadmap::{Action, PlanStep, PlanYear};
use ce_roadmap_widget::answers::Answers;
use ce_roadmap_widget::i18n::{self, Lang, Msg};

#[derive(Properties, PartialEq)]
pub struct PlanViewProps {
    pub roadmap: SharedRoadmap,
    pub display: SharedDisplay,
    pub answers: Rc<Answers>,
}

fn step(lang: Lang, s: &PlanStep) -> Html {
    // A sitting is a month; every other step a deadline.
    let when = if s.action == Action::Sit {
        let ym = Month::of(s.by);
        format!("{} {}", i18n::year_month(lang, ym), Msg::PlanSit.text(lang))
    } else {
        match lang {
            Lang::Ja => format!("{}{}", i18n::date(lang, s.by), Msg::PlanBy.text(lang)),
            Lang::En => format!("{} {}", Msg::PlanBy.text(lang), i18n::date(lang, s.by)),
        }
    };
    html! {
        <li data-action={s.action.as_str()}>
            <span class="cer-plan-when">{ when }</span>
            <span>{ lang.pick(&s.text) }</span>
        </li>
    }
}

#[component]
pub fn PlanView(props: &PlanViewProps) -> Html {
    let Some(env) = use_context::<Env>() else {
        return html! {};
    };
    let lang = env.lang;
    let Ok(r) = &*props.roadmap.0 else {
        return html! {};
    };
    let targeted = !props.answers.targets.is_empty();
    let derived: Vec<PlanYear>;
    let plan: &[PlanYear] = if targeted {
        &r.plan
    } else {
        let ids: Vec<&str> = r
            .credentials
            .iter()
            .zip(&props.display.0.focus)
            .filter(|(_, &f)| f)
            .map(|(c, _)| c.id)
            .collect();
        derived = {
            let mut p = by_year(&r.credentials, Include::Only(&ids));
            ce_roadmap_core::explain::plan_texts(env.rules.0, &mut p);
            p
        };
        &derived
    };
    let name = |id: &str| i18n::credential_name(env.rules.0, lang, id);
    let names = |ids: &[&str]| {
        ids.iter()
            .map(|id| name(id))
            .collect::<Vec<_>>()
            .join(lang.pick2("、", ", "))
    };
    let now = r.as_of.fiscal_year();
    html! {
        <section class="cer-plan" aria-labelledby="cer-plan-h">
            <h3 id="cer-plan-h">{ Msg::PlanHeading.text(lang) }</h3>
            <p class="cer-hint">
                { Msg::PlanIntro.text(lang) }{ " " }
                { if targeted { Msg::PlanTargeted.text(lang) } else { Msg::PlanAllHint.text(lang) } }
            </p>
            if plan.is_empty() {
                <p class="cer-hint">{ Msg::PlanEmpty.text(lang) }</p>
            }
            <ol class="cer-plan-years">
                { for plan.iter().map(|y| html! {
                    <li key={y.fiscal_year} data-now={(y.fiscal_year == now).then_some("")}>
                        <h4>{ i18n::fiscal_year(lang, y.fiscal_year) }{ if y.fiscal_year == now { format!(" — {}", Msg::NowLabel.text(lang)) } else { String::new() } }</h4>
                        if !y.steps.is_empty() {
                            <ul class="cer-plan-steps">{ for y.steps.iter().map(|s| step(lang, s)) }</ul>
                        }
                        if !y.opens.is_empty() {
                            <p class="cer-plan-opens"><strong>{ format!("{}: ", Msg::PlanOpens.text(lang)) }</strong>{ names(&y.opens) }</p>
                        }
                        if !y.certifies.is_empty() {
                            <p class="cer-plan-opens"><strong>{ format!("{}: ", Msg::PlanCertifies.text(lang)) }</strong>{ names(&y.certifies) }</p>
                        }
                    </li>
                }) }
            </ol>
        </section>
    }
}
