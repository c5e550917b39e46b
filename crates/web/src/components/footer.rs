use yew::prelude::*;

use crate::Env;
use ce_roadmap_core::date::Date;
use ce_roadmap_widget::i18n::{self, Msg};

#[derive(Properties, PartialEq)]
pub struct FooterProps {
    /// The evaluation date; None on the prerendered first screen, which cannot know it.
    pub as_of: Option<Date>,
}

#[component]
pub fn Footer(props: &FooterProps) -> Html {
    let Some(env) = use_context::<Env>() else {
        return html! {};
    };
    let lang = env.lang;
    let r = env.rules.0;
    html! {
        <footer class="cer-footer">
            <p>
                { format!("{} {} · sha256 ", Msg::RulesVersion.text(lang), r.version) }
                <code title={r.sha256.clone()}>{ r.sha256.get(..12).unwrap_or(&r.sha256) }</code>
                if let Some(d) = props.as_of {
                    { format!(" · {} {}", Msg::AsOf.text(lang), i18n::date(lang, d)) }
                }
            </p>
            <p>{ lang.pick(&r.disclaimer) }</p>
        </footer>
    }
}
