//! The results in a line that stays in view on a phone while the visitor answers:
//! the counts by status and what opens next, with a jump to the roadmap. Hidden
//! beside the two-column layout, where the roadmap is in view already.

use yew::prelude::*;

use crate::{Env, SharedDisplay, SharedRoadmap};
use ce_roadmap_core::roadmap::Status;
use ce_roadmap_widget::i18n::{self, Msg};

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub roadmap: SharedRoadmap,
    pub display: SharedDisplay,
    pub on_jump: Callback<()>,
}

#[component]
pub fn Summary(props: &SummaryProps) -> Html {
    let Some(env) = use_context::<Env>() else {
        return html! {};
    };
    let Ok(r) = &*props.roadmap.0 else {
        return html! {};
    };
    let lang = env.lang;
    let d = &props.display.0;
    let [now, time, step] = i18n::summary_counts(
        lang,
        d.count(Status::Eligible),
        d.count(Status::Waiting),
        d.count(Status::Action),
    );
    let next = match d.next.and_then(|n| Some((n, r.credentials.get(n.index)?))) {
        Some((n, c)) => i18n::summary_next(
            lang,
            lang.pick(c.name),
            n.on.fiscal_year(),
            n.with_steps,
            n.lower_bound,
        ),
        None => Msg::SummaryNoNext.text(lang).to_string(),
    };
    let jump = props.on_jump.reform(|_: MouseEvent| ());
    html! {
        <aside class="cer-summary" aria-label={Msg::SummaryLabel.text(lang)}>
            <p class="cer-summary-counts">
                <span data-status="eligible">{ now }</span>
                <span data-status="waiting">{ time }</span>
                <span data-status="action">{ step }</span>
            </p>
            <p class="cer-summary-next">{ next }</p>
            <button type="button" class="cer-summary-jump" onclick={jump}>{ Msg::SummaryJump.text(lang) }{ " ↓" }</button>
        </aside>
    }
}
