//! A number field with − and + steppers. What the visitor types stays as typed;
//! a bad value shows a message in their language and is not sent, so the last
//! good roadmap stays.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::Env;

use ce_roadmap_core::explain::number;
use ce_roadmap_widget::i18n::{self, Lang, Msg};
use ce_roadmap_widget::input::{parse_number, InputError};

#[derive(Properties, PartialEq)]
pub struct NumberFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: f64,
    #[prop_or(1.0)]
    pub step: f64,
    pub max: f64,
    #[prop_or_default]
    pub whole: bool,
    #[prop_or_default]
    pub unit: Option<AttrValue>,
    pub on_change: Callback<f64>,
}

#[component]
pub fn NumberField(props: &NumberFieldProps) -> Html {
    let lang = use_context::<Env>().map_or(Lang::default(), |e| e.lang);
    let draft = use_state(|| number(props.value));
    let error = use_state(|| None::<InputError>);
    // A change from outside (steppers, reset, a restored link) replaces the draft.
    {
        let draft = draft.clone();
        let error = error.clone();
        use_effect_with(props.value.to_bits(), move |bits| {
            let v = f64::from_bits(*bits);
            let typed_same =
                ce_roadmap_widget::input::parse_number(&draft, f64::MAX, false).ok() == Some(v);
            if !typed_same || error.is_some() {
                draft.set(number(v));
                error.set(None);
            }
        });
    }
    let oninput = {
        let (draft, error, on_change) = (draft.clone(), error.clone(), props.on_change.clone());
        let (max, whole) = (props.max, props.whole);
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let text = input.value();
            match parse_number(&text, max, whole) {
                Ok(v) => {
                    error.set(None);
                    on_change.emit(v);
                }
                Err(e) => error.set(Some(e)),
            }
            draft.set(text);
        })
    };
    let stepper = |delta: f64| {
        let on_change = props.on_change.clone();
        let (value, max, step) = (props.value, props.max, props.step);
        Callback::from(move |_: MouseEvent| {
            let next = ((value + delta) / step).round() * step;
            on_change.emit(next.clamp(0.0, max));
        })
    };
    let err_id = format!("{}-err", props.id);
    let invalid = error.is_some();
    html! {
        <div class="cer-number" data-invalid={invalid.then_some("")}>
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <div class="cer-stepper">
                <button type="button" class="cer-step" aria-label={i18n::stepper_label(lang, &props.label, false)}
                    disabled={props.value <= 0.0} onclick={stepper(-props.step)}>{ "−" }</button>
                <input id={props.id.clone()} type="text" inputmode={if props.whole { "numeric" } else { "decimal" }}
                    autocomplete="off" value={(*draft).clone()} {oninput}
                    aria-invalid={if invalid { "true" } else { "false" }}
                    aria-describedby={invalid.then(|| err_id.clone())} />
                <button type="button" class="cer-step" aria-label={i18n::stepper_label(lang, &props.label, true)}
                    disabled={props.value >= props.max} onclick={stepper(props.step)}>{ "+" }</button>
                if let Some(u) = &props.unit {
                    <span class="cer-unit">{ u.clone() }</span>
                }
            </div>
            if let Some(e) = *error {
                <p id={err_id} class="cer-field-error" role="alert">
                    { Msg::input_error(e).text(lang) }{ " " }{ Msg::InputKept.text(lang) }
                </p>
            }
        </div>
    }
}
