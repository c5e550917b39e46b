use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::{platform, Env};
use ce_roadmap_widget::answers::Answers;
use ce_roadmap_widget::i18n::Msg;
use ce_roadmap_widget::share;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub answers: Rc<Answers>,
    pub saving: bool,
    pub on_save: Callback<bool>,
    pub on_reset: Callback<()>,
    /// The host allows saving on the device.
    #[prop_or(true)]
    pub offer_save: bool,
}

#[component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let Some(env) = use_context::<Env>() else {
        return html! {};
    };
    let lang = env.lang;
    let copied = use_state(|| None::<bool>);
    let on_copy = {
        let answers = props.answers.clone();
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            let text = share::encode(&answers);
            match platform::link_with_fragment(&text) {
                Some(url) => {
                    let copied = copied.clone();
                    platform::copy(url, move |ok| copied.set(Some(ok)));
                }
                None => copied.set(Some(false)),
            }
        })
    };
    let on_save = props.on_save.reform(|e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        input.checked()
    });
    let on_reset = props.on_reset.reform(|_: MouseEvent| ());
    let on_print = Callback::from(|_: MouseEvent| platform::print());
    html! {
        <div class="cer-toolbar">
            <button type="button" class="cer-button" onclick={on_copy}>{ Msg::CopyLink.text(lang) }</button>
            if props.offer_save {
                <label class="cer-check">
                    <input type="checkbox" checked={props.saving} onchange={on_save} />
                    <span>{ Msg::SaveOnDevice.text(lang) }</span>
                </label>
            }
            <button type="button" class="cer-button cer-secondary" onclick={on_print}>{ Msg::Print.text(lang) }</button>
            <button type="button" class="cer-button cer-secondary" onclick={on_reset}>{ Msg::Reset.text(lang) }</button>
            <p class="cer-copied" role="status">
                { match *copied { Some(true) => Msg::LinkCopied.text(lang), Some(false) => Msg::LinkCopyFailed.text(lang), None => "" } }
            </p>
        </div>
    }
}
