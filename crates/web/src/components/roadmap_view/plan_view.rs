//! "Your plan": year by year, what to do by when and what opens. With targets
//! chosen on the cards, the engine's plan for them; without, the plan of the
//! credentials in the visitor's areas (and the host's), derived here from the roadmap.

use std::borrow::Cow;
use std::rc::Rc;

use yew::prelude::*;

use crate::{platform, Env, SharedDisplay, SharedRoadmap};
use ce_roadmap_core::plan::{rescoped, Include};
use ce_roadmap_core::roadmap::{PlanStep, PlanYear, Roadmap};
use ce_roadmap_core::rules::RuleSet;
use ce_roadmap_widget::answers::Answers;
use ce_roadmap_widget::calendar;
use ce_roadmap_widget::i18n::{self, Lang, Msg};

#[derive(Properties, PartialEq)]
pub struct PlanViewProps {
    pub roadmap: SharedRoadmap,
    pub display: SharedDisplay,
    pub answers: Rc<Answers>,
}

fn step(lang: Lang, s: &PlanStep) -> Html {
    html! {
        <li data-action={s.action.as_str()} data-choice={s.choice.then_some("")}>
            <span class="cer-plan-when">{ i18n::plan_when(lang, s) }</span>
            <span>
                { lang.pick(&s.text) }
                if s.choice {
                    { " " }<span class="cer-tag">{ Msg::PlanChoice.text(lang) }</span>
                }
            </span>
        </li>
    }
}

/// The plan shown: the engine's for the visitor's targets, or, without targets,
/// one derived here for the credentials in focus.
fn shown<'r>(
    rules: &RuleSet,
    r: &'r Roadmap<'static>,
    focus: &[bool],
    targeted: bool,
) -> Cow<'r, [PlanYear<'static>]> {
    if targeted {
        return Cow::Borrowed(&r.plan);
    }
    Cow::Owned(rescoped(rules, r, Include::Focus(focus)))
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
    let plan = shown(env.rules.0, r, &props.display.0.focus, targeted);
    // The file is made on the tap, from the same plan: nothing leaves the device.
    let on_calendar = {
        let (roadmap, display, rules) = (props.roadmap.clone(), props.display.clone(), env.rules.0);
        Callback::from(move |_: MouseEvent| {
            if let Ok(r) = &*roadmap.0 {
                let plan = shown(rules, r, &display.0.focus, targeted);
                if let Some(text) = calendar::ics(rules, &plan, lang, r.as_of) {
                    platform::download(calendar::FILE_NAME, "text/calendar", &text);
                }
            }
        })
    };
    // Only steps with published dates go into the calendar file: without one,
    // the button would make nothing.
    let dated = plan.iter().flat_map(|y| &y.steps).any(|s| s.scheduled);
    let names = |ids: &[&str]| i18n::held_from(lang, env.rules.0, r, ids);
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
                    </li>
                }) }
            </ol>
            if dated {
                <button type="button" class="cer-button cer-secondary cer-calendar" onclick={on_calendar}>{ Msg::AddToCalendar.text(lang) }</button>
            }
        </section>
    }
}
