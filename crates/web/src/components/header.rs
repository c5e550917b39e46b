use yew::prelude::*;

use ce_roadmap_widget::i18n::{Lang, Msg};

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub lang: Lang,
    pub on_toggle: Callback<()>,
}

#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let lang = props.lang;
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
