//! Help with school fees for someone choosing a school: the national schemes in
//! the rule data, each in general terms with its official source and read date,
//! and what the visitor must check. The host can hide it (`fees="off"`).

use yew::prelude::*;

use crate::Env;
use ce_roadmap_widget::i18n::{self, Msg};

#[component]
pub fn FeeSupport() -> Html {
    let Some(env) = use_context::<Env>() else {
        return html! {};
    };
    let f = &env.rules.0.fee_support;
    if !env.fees || f.schemes.is_empty() {
        return html! {};
    }
    let lang = env.lang;
    let rules = env.rules.0;
    html! {
        <section class="cer-fees" aria-labelledby="cer-fees-h">
            <h3 id="cer-fees-h">{ Msg::FeesHeading.text(lang) }</h3>
            <p class="cer-hint">{ Msg::FeesIntro.text(lang) }</p>
            { for f.schemes.iter().map(|s| html! {
                <div class="cer-scheme" key={s.id.as_str()} data-id={s.id.to_string()}>
                    <h4>{ lang.pick2(&s.ja, &s.en) }</h4>
                    <p>{ lang.pick(&s.what) }</p>
                    <p><strong>{ format!("{}: ", Msg::FeesWho.text(lang)) }</strong>{ lang.pick(&s.who) }</p>
                    if let Some(src) = rules.source(s.source.as_str()) {
                        <p class="cer-sources">
                            { format!("{}: ", Msg::SourceOne.text(lang)) }
                            <a href={src.url.clone()} target="_blank" rel="noopener noreferrer">{ src.title.as_deref().unwrap_or(&src.url) }</a>
                            { format!(" ({})", i18n::read_on(lang, &src.read)) }
                        </p>
                    }
                </div>
            }) }
            if !f.unknowns.is_empty() {
                <div class="cer-unknowns">
                    <strong>{ Msg::Unknowns.text(lang) }</strong>
                    <ul>{ for f.unknowns.iter().map(|n| html! { <li>{ lang.pick2(&n.ja, &n.en) }</li> }) }</ul>
                </div>
            }
        </section>
    }
}
