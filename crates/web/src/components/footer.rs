use yew::prelude::*;

use crate::Env;
use ce_roadmap_core::date::Date;
use ce_roadmap_widget::i18n::{self, Msg};

#[derive(Properties, PartialEq)]
pub struct FooterProps {
    pub as_of: Date,
    /// On the prerendered first screen, which cannot know the visitor's date: the
    /// build's date holds its place, unseen and unread, so the live footer's real date
    /// takes the same room and nothing below the widget moves.
    #[prop_or_default]
    pub placeholder: bool,
}

#[component]
pub fn Footer(props: &FooterProps) -> Html {
    let Some(env) = use_context::<Env>() else {
        return html! {};
    };
    let lang = env.lang;
    let r = env.rules.0;
    let as_of = format!(
        " · {} {}",
        Msg::AsOf.text(lang),
        i18n::date(lang, props.as_of)
    );
    html! {
        <footer class="cer-footer">
            <p>
                { format!("{} {} · sha256 ", Msg::RulesVersion.text(lang), r.version) }
                <code title={r.sha256.clone()}>{ r.sha256.get(..12).unwrap_or(&r.sha256) }</code>
                if props.placeholder {
                    <span class="cer-placeholder" aria-hidden="true">{ as_of }</span>
                } else {
                    { as_of }
                }
            </p>
            <p>{ lang.pick(&r.disclaimer) }</p>
        </footer>
    }
}
