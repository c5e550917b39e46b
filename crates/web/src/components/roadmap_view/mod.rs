//! The roadmap and its panels (the routes, fees, timeline, plan and the cards by status),
//! each panel a file in this folder.

use yew::prelude::*;

mod credential_card;
mod fee_support;
mod plan_view;
mod route_lanes;
mod route_table;
mod timeline_view;

use crate::{Env, SharedDisplay, SharedRoadmap};
use ce_roadmap_core::roadmap::Status;
use ce_roadmap_widget::answers::{Action, Answers};
use ce_roadmap_widget::i18n::{self, Msg};
use credential_card::CredentialCard;
use fee_support::FeeSupport;
use plan_view::PlanView;
use route_table::RouteTable;
use timeline_view::TimelineView;

#[derive(Properties, PartialEq)]
pub struct RoadmapViewProps {
    pub roadmap: SharedRoadmap,
    pub display: SharedDisplay,
    /// The visitor has said who they are.
    pub started: bool,
    pub answers: std::rc::Rc<Answers>,
    pub dispatch: Callback<Action>,
}

/// Cards built for the first frame; the rest follow in steps that double, one per
/// painted frame, so a catalogue of hundreds shows its first cards at once instead of
/// after building every one (each step re-diffs the list, so few steps, not many).
/// The default catalogue (26) fits in the first frame.
const FIRST_CARDS: usize = 40;

#[component]
pub fn RoadmapView(props: &RoadmapViewProps) -> Html {
    let Some(env) = use_context::<Env>() else {
        return html! {};
    };
    let lang = env.lang;
    // Credentials outside the visitor's areas that need action fold away.
    let others_open = use_state(|| false);
    let limit = use_state_eq(|| FIRST_CARDS);
    let total = (*props.roadmap.0)
        .as_ref()
        .map_or(0, |r| r.credentials.len());
    {
        let limit = limit.clone();
        use_effect_with((*limit, total), move |&(now, total)| {
            if now < total {
                crate::platform::after_next_paint(move || limit.set(now * 2));
            }
        });
    }
    let Ok(r) = &*props.roadmap.0 else {
        return html! {};
    };
    if !props.started {
        return html! {};
    }
    // Cards drawn so far, in page order across the groups.
    let drawn = std::cell::Cell::new(0usize);
    let within_limit = |ids: Vec<usize>| -> Vec<usize> {
        let n = ids.len().min(limit.saturating_sub(drawn.get()));
        drawn.set(drawn.get() + n);
        ids.into_iter().take(n).collect()
    };
    let group = |status: Status, title: Msg| {
        let d = &props.display.0;
        let mut idx: Vec<usize> = (0..r.credentials.len())
            .filter(|&i| r.credentials[i].status == status && d.shown[i])
            .collect();
        let others: Vec<usize> = if status == Status::Action {
            let (mine, others): (Vec<usize>, Vec<usize>) = idx.iter().partition(|&&i| d.focus[i]);
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
        let (count, others_count, none_now) =
            (idx.len() + others.len(), others.len(), idx.is_empty());
        let (idx, others) = (within_limit(idx), within_limit(others));
        let id = format!("cer-group-{}", status.as_str());
        html! {
            <section class="cer-group" data-status={status.as_str()} aria-labelledby={id.clone()}>
                <h3 {id}>{ title.text(lang) }<span class="cer-count">{ format!(" ({count})") }</span></h3>
                if none_now {
                    <p class="cer-hint">{ Msg::NothingNow.text(lang) }</p>
                }
                { for idx.into_iter().map(|i| html! {
                    <CredentialCard key={r.credentials[i].id} roadmap={props.roadmap.clone()} index={i}
                        targeted={props.answers.targets.iter().any(|t| t.as_str() == r.credentials[i].id)} dispatch={props.dispatch.clone()} />
                }) }
                if others_count > 0 {
                    <button type="button" class="cer-more" aria-expanded={if open { "true" } else { "false" }} aria-controls="cer-others" onclick={toggle}>
                        { format!("{} ({})", Msg::OtherAreas.text(lang), others_count) }
                    </button>
                    <div id="cer-others" hidden={!open}>
                        { for others.into_iter().map(|i| html! {
                            <CredentialCard key={r.credentials[i].id} roadmap={props.roadmap.clone()} index={i}
                        targeted={props.answers.targets.iter().any(|t| t.as_str() == r.credentials[i].id)} dispatch={props.dispatch.clone()} />
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
            if licence.status == ce_roadmap_core::roadmap::LicenceStatus::Expected {
                <div class="cer-licence">
                    <strong>{ Msg::LicenceExpected.text(lang) }</strong>
                    <dl>
                        if let Some(exam) = &licence.exam {
                            <dt>{ Msg::LicenceExam.text(lang) }</dt><dd>{ i18n::year_month(lang, *exam) }</dd>
                        }
                        if let Some(on) = licence.on {
                            <dt>{ Msg::LicenceFrom.text(lang) }</dt>
                            <dd>{ format!("{} ({})", i18n::date(lang, on), i18n::fiscal_year_short(lang, on.fiscal_year())) }</dd>
                        }
                    </dl>
                </div>
            }
            <RouteTable roadmap={props.roadmap.clone()} dispatch={props.dispatch.clone()} start_year={props.answers.school.start_year} />
            if props.answers.stage == Some(ce_roadmap_core::profile::Stage::Prospective) {
                <FeeSupport />
            }
            <TimelineView roadmap={props.roadmap.clone()} display={props.display.clone()} />
            <PlanView roadmap={props.roadmap.clone()} display={props.display.clone()} answers={props.answers.clone()} />
            { group(Status::Eligible, Msg::GroupEligible) }
            { group(Status::Waiting, Msg::GroupWaiting) }
            { group(Status::Action, Msg::GroupAction) }
            { group(Status::Held, Msg::GroupHeld) }
        </section>
    }
}
