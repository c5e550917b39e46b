use std::rc::Rc;

use yew::prelude::*;

use super::number_field::NumberField;
use crate::Env;
use ce_roadmap_core::profile::{Stage, MAX_YEARS};
use ce_roadmap_widget::answers::{Action, Answers};
use ce_roadmap_widget::i18n::{self, Msg};

#[derive(Properties, PartialEq)]
pub struct ExperienceFormProps {
    pub answers: Rc<Answers>,
    pub dispatch: Callback<Action>,
}

#[component]
pub fn ExperienceForm(props: &ExperienceFormProps) -> Html {
    let Some(env) = use_context::<Env>() else {
        return html! {};
    };
    let lang = env.lang;
    let a = &props.answers;
    // Hospital IT sees its two areas first.
    let it = a.stage == Some(Stage::It);
    let mut areas: Vec<_> = env
        .rules
        .0
        .areas
        .iter()
        .filter(|ar| env.areas.as_ref().is_none_or(|list| list.contains(&ar.id)))
        .collect();
    areas.sort_by_key(|ar| (it != matches!(ar.id.as_str(), "it" | "medical_it"), 0));
    // Areas first as a short choice, then a stepper only for each area chosen (or
    // with years already answered, so no answer is ever hidden).
    let chosen: Vec<_> = areas.iter().filter(|ar| a.works_in(&ar.id)).collect();
    html! {
        <>
        <fieldset class="cer-section cer-work-areas">
            <legend>{ Msg::WorkAreas.text(lang) }</legend>
            <p class="cer-hint">{ Msg::WorkAreasHint.text(lang) }</p>
            <div class="cer-chips">
                { for areas.iter().map(|ar| {
                    let id = ar.id.clone();
                    let onchange = props.dispatch.reform(move |_: Event| Action::ToggleWorkArea(id.clone()));
                    html! {
                        <label class="cer-chip" key={ar.id.as_str()}>
                            <input type="checkbox" checked={a.works_in(&ar.id)} {onchange} data-area={ar.id.to_string()} />
                            <span>{ lang.pick2(&ar.ja, &ar.en) }</span>
                        </label>
                    }
                }) }
            </div>
        </fieldset>
        if !chosen.is_empty() {
            <fieldset class="cer-section cer-experience">
                <legend>{ Msg::ExperienceHeading.text(lang) }</legend>
                <p class="cer-hint">{ Msg::ExperienceHint.text(lang) }</p>
                <div class="cer-grid">
                    { for chosen.into_iter().map(|ar| {
                        let id = ar.id.clone();
                        let on_change = props.dispatch.reform(move |v: f64| Action::SetExperience(id.clone(), v));
                        html! {
                            <NumberField key={ar.id.as_str()} id={format!("cer-exp-{}", ar.id)} label={i18n::area_years_label(lang, lang.pick2(&ar.ja, &ar.en))}
                                value={a.experience.get(&ar.id).copied().unwrap_or(0.0)} step={0.5} max={MAX_YEARS}
                                unit={Some(AttrValue::from(Msg::YearsUnit.text(lang)))} {on_change} />
                        }
                    }) }
                </div>
                // Clinical work in any area, for the rules that count it: the areas'
                // years may overlap, so they are never added up.
                if a.stage == Some(Stage::Licensed) {
                    <div class="cer-grid cer-clinical-years">
                        <NumberField id="cer-clinical-years" label={Msg::ClinicalYears.text(lang).to_string()}
                            value={a.clinical_years.unwrap_or(0.0)} step={0.5} max={MAX_YEARS}
                            unit={Some(AttrValue::from(Msg::YearsUnit.text(lang)))}
                            on_change={props.dispatch.reform(|v: f64| Action::SetClinicalYears((v > 0.0).then_some(v)))} />
                    </div>
                    <p class="cer-hint">{ Msg::ClinicalYearsHint.text(lang) }</p>
                }
            </fieldset>
        }
        </>
    }
}
