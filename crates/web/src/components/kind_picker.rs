use yew::prelude::*;

use crate::Env;

use ce_roadmap_core::profile::Stage;
use ce_roadmap_widget::answers::Action;
use ce_roadmap_widget::i18n::Msg;

#[derive(Properties, PartialEq)]
pub struct KindPickerProps {
    pub stage: Option<Stage>,
    pub dispatch: Callback<Action>,
    /// This fiscal year: the school's start year is moved to fit the kind chosen.
    pub this_year: i32,
}

#[component]
pub fn KindPicker(props: &KindPickerProps) -> Html {
    let Some(env) = use_context::<Env>() else {
        return html! {};
    };
    let lang = env.lang;
    let this_year = props.this_year;
    let kinds = [
        (Stage::Prospective, Msg::KindProspective),
        (Stage::Student, Msg::KindStudent),
        (Stage::Licensed, Msg::KindLicensed),
        (Stage::It, Msg::KindIt),
    ];
    html! {
        <fieldset class="cer-section cer-kinds">
            <legend>{ Msg::WhoAreYou.text(lang) }</legend>
            { for kinds.iter().map(|&(stage, msg)| {
                let dispatch = props.dispatch.clone();
                let onchange = Callback::from(move |_: Event| dispatch.emit(Action::ChooseStage(stage, this_year)));
                let checked = props.stage == Some(stage);
                html! {
                    <label class="cer-kind" key={stage.as_str()}>
                        <input type="radio" name="cer-kind" value={stage.as_str()} {checked} {onchange} />
                        <span>{ msg.text(lang) }</span>
                    </label>
                }
            }) }
        </fieldset>
    }
}
