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
                // The rules' date for the visitor; their version and hash, for whoever
                // maintains the page, behind it.
                <span class="cer-rules-id" data-version={r.version.clone()}
                    title={format!("{} {} · sha256 {}", Msg::RulesVersion.text(lang), r.version, r.sha256)}>
                    { i18n::rules_edition(lang, &r.version) }
                </span>
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
