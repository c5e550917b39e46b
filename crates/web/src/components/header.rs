use yew::prelude::*;

use crate::Env;

use ce_roadmap_widget::i18n::{Lang, Msg};

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub on_toggle: Callback<()>,
}

#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let Some(env) = use_context::<Env>() else {
        return html! {};
    };
    let lang = env.lang;
    let other = if lang == Lang::Ja { "en" } else { "ja" };
    let onclick = props.on_toggle.reform(|_: MouseEvent| ());
    html! {
        <header class="cer-header">
            <div>
                <h2 class="cer-title">{ Msg::Title.text(lang) }</h2>
                <p class="cer-intro">{ Msg::Intro.text(lang) }</p>
            </div>
            <button type="button" class="cer-lang" lang={other} aria-label={Msg::OtherLanguageLabel.text(lang)} {onclick}>
                { Msg::OtherLanguage.text(lang) }
            </button>
        </header>
    }
}
