use yew::prelude::*;

use super::credential_card::CredentialCard;
use super::timeline_view::TimelineView;
use crate::answers::Answers;
use crate::i18n::{self, Lang, Msg};
use crate::ids::AreaId;
use crate::roadmap::Status;
use crate::web::{allowed, in_focus, RulesRef, SharedRoadmap};

#[derive(Properties, PartialEq)]
pub struct RoadmapViewProps {
    pub lang: Lang,
    pub rules: RulesRef,
    pub roadmap: SharedRoadmap,
    /// The visitor has said who they are.
    pub started: bool,
    pub answers: std::rc::Rc<Answers>,
    /// The host's area filter.
    #[prop_or_default]
    pub areas: Option<std::rc::Rc<Vec<AreaId>>>,
}

#[component]
pub fn RoadmapView(props: &RoadmapViewProps) -> Html {
    let lang = props.lang;
    let Ok(r) = &*props.roadmap.0 else {
        return html! {};
    };
    // Credentials outside the visitor's areas that need action fold away.
    let others_open = use_state(|| false);
    if !props.started {
        return html! {};
    }
    let group = |status: Status, title: Msg| {
        let filter = props.areas.as_deref().map(|v| v.as_slice());
        let mut idx: Vec<usize> = (0..r.credentials.len())
            .filter(|&i| r.credentials[i].status == status && allowed(&r.credentials[i], filter))
            .collect();
        let others: Vec<usize> = if status == Status::Action {
            let (mine, others): (Vec<usize>, Vec<usize>) = idx
                .iter()
                .partition(|&&i| in_focus(&r.credentials[i], &props.answers));
            idx = mine;
            others
        } else {
            Vec::new()
        };
        if status == Status::Waiting {
            idx.sort_by_key(|&i| r.credentials[i].ready_on);
        }
        if idx.is_empty() && others.is_empty() && status != Status::Eligible {
            return html! {};
        }
        let toggle = {
            let others_open = others_open.clone();
            Callback::from(move |_: MouseEvent| others_open.set(!*others_open))
        };
        let open = *others_open;
        let id = format!("cer-group-{}", status.as_str());
        html! {
            <section class={classes!("cer-group", format!("cer-group-{}", status.as_str()))} aria-labelledby={id.clone()}>
                <h3 {id}>{ title.text(lang) }<span class="cer-count">{ format!(" ({})", idx.len() + others.len()) }</span></h3>
                if idx.is_empty() {
                    <p class="cer-hint">{ Msg::NothingNow.text(lang) }</p>
                }
                { for idx.into_iter().map(|i| html! {
                    <CredentialCard key={r.credentials[i].id} {lang} rules={props.rules} roadmap={props.roadmap.clone()} index={i} />
                }) }
                if !others.is_empty() {
                    <button type="button" class="cer-more" aria-expanded={if open { "true" } else { "false" }} aria-controls="cer-others" onclick={toggle}>
                        { format!("{} ({})", Msg::OtherAreas.text(lang), others.len()) }
                    </button>
                    <div id="cer-others" class={classes!((!open).then_some("cer-collapsed"))}>
                        { for others.into_iter().map(|i| html! {
                            <CredentialCard key={r.credentials[i].id} {lang} rules={props.rules} roadmap={props.roadmap.clone()} index={i} />
                        }) }
                    </div>
                }
            </section>
        }
    };
    let licence = &r.licence;
    html! {
        <section class="cer-roadmap" aria-labelledby="cer-roadmap-h">
            <h2 id="cer-roadmap-h">{ Msg::RoadmapHeading.text(lang) }</h2>
            if licence.status == "expected" {
                <div class="cer-licence">
                    <strong>{ Msg::LicenceExpected.text(lang) }</strong>
                    <dl>
                        if let Some(exam) = &licence.exam {
                            <dt>{ Msg::LicenceExam.text(lang) }</dt><dd>{ i18n::year_month(lang, exam) }</dd>
                        }
                        if let Some(on) = licence.on {
                            <dt>{ Msg::LicenceFrom.text(lang) }</dt>
                            <dd>{ format!("{} ({})", i18n::date(lang, on), i18n::fiscal_year_short(lang, on.fiscal_year())) }</dd>
                        }
                    </dl>
                </div>
            }
            <TimelineView {lang} rules={props.rules} roadmap={props.roadmap.clone()} areas={props.areas.clone()} />
            { group(Status::Eligible, Msg::GroupEligible) }
            { group(Status::Waiting, Msg::GroupWaiting) }
            { group(Status::Action, Msg::GroupAction) }
            { group(Status::Held, Msg::GroupHeld) }
        </section>
    }
}
