use std::rc::Rc;

use yew::prelude::*;

use super::number_field::NumberField;
use crate::Env;
use ce_roadmap_core::profile::{Stage, MAX_YEARS};
use ce_roadmap_widget::answers::{Action, Answers};
use ce_roadmap_widget::i18n::Msg;

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
    html! {
        <fieldset class="cer-section">
            <legend>{ Msg::ExperienceHeading.text(lang) }</legend>
            <p class="cer-hint">{ Msg::ExperienceHint.text(lang) }</p>
            <div class="cer-grid">
                { for areas.into_iter().map(|ar| {
                    let id = ar.id.clone();
                    let on_change = props.dispatch.reform(move |v: f64| Action::SetExperience(id.clone(), v));
                    html! {
                        <NumberField key={ar.id.as_str()} id={format!("cer-exp-{}", ar.id)} label={lang.pick2(&ar.ja, &ar.en).to_string()}
                            value={a.experience.get(&ar.id).copied().unwrap_or(0.0)} step={0.5} max={MAX_YEARS}
                            unit={Some(AttrValue::from(Msg::YearsUnit.text(lang)))} {on_change} />
                    }
                }) }
            </div>
        </fieldset>
    }
}
