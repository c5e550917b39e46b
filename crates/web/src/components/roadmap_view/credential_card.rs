//! One credential: status, when, each criterion met or not, the next steps,
//! exam and renewal, the issuing body, the sources and the seed's rule of thumb.

use yew::prelude::*;

use crate::{Env, SharedRoadmap};
use ce_roadmap_core::ids::CredentialId;
use ce_roadmap_core::roadmap::{CredentialResult, Criterion, Status};
use ce_roadmap_core::rules::{RuleSet, Tier};
use ce_roadmap_widget::answers::Action;
use ce_roadmap_widget::display;
use ce_roadmap_widget::i18n::{self, Lang, Msg};

#[derive(Properties)]
pub struct CredentialCardProps {
    pub roadmap: SharedRoadmap,
    pub index: usize,
    /// The visitor aims for this credential.
    pub targeted: bool,
    pub dispatch: Callback<Action>,
}

/// Equal when this card's own result is: a new roadmap after each answer then redraws
/// only the cards that changed, not all of them (most answers touch a few credentials).
/// The dispatch callback always reaches the same reducer, so it is not compared; the
/// language comes from the context, whose change redraws every card anyway.
impl PartialEq for CredentialCardProps {
    fn eq(&self, other: &Self) -> bool {
        self.index == other.index
            && self.targeted == other.targeted
            && (self.roadmap == other.roadmap
                || self.result().is_some_and(|c| other.result() == Some(c)))
    }
}

impl CredentialCardProps {
    fn result(&self) -> Option<&CredentialResult<'static>> {
        (*self.roadmap.0).as_ref().ok()?.credentials.get(self.index)
    }
}

fn criterion(lang: Lang, rules: &RuleSet, k: &Criterion) -> Html {
    let (state_attr, mark, state) = if k.met {
        ("met", "✓", Msg::Met)
    } else if k.waiting {
        ("wait", "◷", Msg::Waiting)
    } else {
        ("unmet", "✗", Msg::NotMet)
    };
    let when = match (k.waiting, k.met_on) {
        (true, Some(d)) => format!(" → {}", i18n::date(lang, d)),
        _ => String::new(),
    };
    html! {
        <li data-state={state_attr}>
            <span class="cer-mark" aria-hidden="true">{ mark }</span>
            <span class="cer-visually-hidden">{ format!("{}: ", state.text(lang)) }</span>
            <span>{ lang.pick(&k.text) }{ when }</span>
            // A group's text already carries its note.
            if let (Some(n), true) = (k.note, k.options.is_empty()) {
                <span class="cer-crit-note">{ lang.pick(n) }</span>
            }
            // A condition that rests on a page no issuing body publishes says so where it is read.
            if let Some(s) = k.source.as_ref().filter(|s| !rules.source(s.id).is_some_and(|d| d.official)) {
                <span class="cer-unofficial">{ i18n::unofficial_mark(lang, &[display::host(s.url)]) }</span>
            }
            if !k.options.is_empty() {
                <ul class="cer-criteria cer-options">{ for k.options.iter().map(|o| criterion(lang, rules, o)) }</ul>
            }
        </li>
    }
}

fn tier(t: Tier) -> Msg {
    match t {
        Tier::Open => Msg::TierOpen,
        Tier::Certification => Msg::TierCertification,
        Tier::Specialist => Msg::TierSpecialist,
    }
}

fn card(
    lang: Lang,
    rules: &RuleSet,
    c: &CredentialResult,
    open: bool,
    toggle: Callback<MouseEvent>,
    targeted: bool,
    aim: Callback<MouseEvent>,
) -> Html {
    let body_id = format!("cer-card-{}", c.id);
    let exam = match (c.exam_months, c.exam) {
        (Some(m), _) if !m.is_empty() => i18n::exam_months(lang, m),
        _ => Msg::ExamUnknown.text(lang).to_string(),
    };
    // The application windows join the exam line: a text costs fewer bytes than markup.
    let exam = if c.applications.is_empty() {
        exam
    } else {
        format!(
            "{exam}{}{}: {}",
            lang.pick2("。", ". "),
            Msg::Applications.text(lang),
            i18n::application_windows(lang, c.applications)
        )
    };
    let sources: Vec<_> = c.sources.iter().collect();
    html! {
        <article class="cer-card" aria-labelledby={format!("{body_id}-h")}
            data-id={c.id.to_string()} data-status={c.status.as_str()} data-ready-on={c.ready_on.map(|d| d.to_string()).unwrap_or_default()}>
            <header class="cer-card-head">
                <h4 id={format!("{body_id}-h")}>{ lang.pick(c.name) }</h4>
                <span class="cer-badge">{ Msg::status(c.status).text(lang) }</span>
            </header>
            <p class="cer-card-meta">
                <span>{ tier(c.tier).text(lang) }</span>
                <span>{ lang.pick2(c.body.ja, c.body.en) }</span>
                if c.status == Status::Waiting {
                    if let Some(d) = c.ready_on {
                        <span>{ format!("{}: {}", Msg::ReadyOn.text(lang), i18n::date(lang, d)) }</span>
                    }
                }
                if let Some(s) = &c.next_sitting {
                    <span>{ format!("{}: {}", Msg::NextSitting.text(lang), i18n::sitting(lang, *s, c.apply_by)) }</span>
                }
                if let Some(y) = c.renewal_due {
                    <span>{ i18n::renewal_due(lang, y) }</span>
                }
            </p>
            if let Some(e) = &c.earliest {
                // The exam can be sat now; the certification that follows has its own date.
                if c.status == Status::Eligible && e.certify_on.is_some_and(|d| Some(d) > c.ready_on) {
                    <p class="cer-earliest">{ i18n::certify_sentence(lang, rules, e) }</p>
                }
                if c.status != Status::Eligible {
                    if e.on.is_some() {
                        <p class="cer-earliest">{ i18n::earliest_sentence(lang, rules, e) }</p>
                    } else {
                        <div class="cer-earliest" data-blocked="">
                            <strong>{ format!("{}: ", Msg::NoDate.text(lang)) }</strong>
                            { for e.blocked_by.iter().map(|b| html! { <span>{ lang.pick(&b.text) }</span> }) }
                        </div>
                    }
                }
            }
            if c.status != Status::Held {
                <button type="button" class="cer-aim" aria-pressed={if targeted { "true" } else { "false" }} onclick={aim}>
                    { if targeted { Msg::Aiming.text(lang) } else { Msg::AimFor.text(lang) } }
                </button>
            }
            if !c.next_steps.is_empty() {
                <div class="cer-steps">
                    <strong>{ Msg::NextSteps.text(lang) }</strong>
                    <ol>{ for c.next_steps.iter().map(|s| html! { <li>{ lang.pick(&s.text) }</li> }) }</ol>
                </div>
            }
            <button type="button" class="cer-more" aria-expanded={if open { "true" } else { "false" }} aria-controls={body_id.clone()} onclick={toggle}>
                { if open { Msg::ShowLess.text(lang) } else { Msg::ShowMore.text(lang) } }
            </button>
            <div id={body_id} class="cer-card-body" hidden={!open}>
                if !c.criteria.is_empty() {
                    <strong>{ Msg::Criteria.text(lang) }</strong>
                    <ul class="cer-criteria">{ for c.criteria.iter().map(|k| criterion(lang, rules, k)) }</ul>
                }
                if let Some(e) = c.earliest.as_ref().filter(|e| !e.assumptions.is_empty()) {
                    <div class="cer-assumes">
                        <strong>{ Msg::Assumes.text(lang) }</strong>
                        <ul>{ for e.assumptions.iter().map(|a| html! { <li>{ lang.pick(&a.text) }</li> }) }</ul>
                    </div>
                }
                if let Some(cert) = &c.certify_criteria {
                    <strong>{ Msg::CertifyCriteria.text(lang) }</strong>
                    <ul class="cer-criteria">{ for cert.iter().map(|k| criterion(lang, rules, k)) }</ul>
                }
                <dl class="cer-facts">
                    <dt>{ Msg::ExamMonths.text(lang) }</dt>
                    <dd>
                        { exam }
                        if let Some(e) = c.exam { <span class="cer-crit-note">{ lang.pick2(&e.ja, &e.en) }</span> }
                    </dd>
                    <dt>{ Msg::Renewal.text(lang) }</dt>
                    <dd>{ c.renewal.map_or(Msg::ExamUnknown.text(lang), |r| lang.pick2(&r.ja, &r.en)) }</dd>
                    <dt>{ Msg::Body.text(lang) }</dt>
                    <dd>
                        if let Some(url) = c.body.url {
                            <a href={url.to_string()} target="_blank" rel="noopener noreferrer">{ lang.pick2(c.body.ja, c.body.en) }</a>
                        } else {
                            { lang.pick2(c.body.ja, c.body.en) }
                        }
                    </dd>
                </dl>
                if let Some(seed) = c.seed {
                    <p class="cer-seed" data-differs={seed.differs.then_some("")}>
                        { format!("{}: {}", Msg::SeedSays.text(lang), lang.pick2(&seed.ja, &seed.en)) }
                        if seed.differs { { " " }<strong>{ Msg::SeedDiffers.text(lang) }</strong> }
                    </p>
                }
                { for c.notes.iter().map(|n| html! { <p class="cer-note">{ lang.pick2(&n.ja, &n.en) }</p> }) }
                if !c.unknowns.is_empty() {
                    <div class="cer-unknowns">
                        <strong>{ Msg::Unknowns.text(lang) }</strong>
                        <ul>{ for c.unknowns.iter().map(|n| html! { <li>{ lang.pick2(&n.ja, &n.en) }</li> }) }</ul>
                    </div>
                }
                <p class="cer-sources">
                    { format!("{}: ", Msg::Sources.text(lang)) }
                    { for sources.iter().zip(display::source_labels(lang, rules, &sources)).map(|(s, (label, title))| html! {
                        <span class="cer-source">
                            <a href={s.url.to_string()} target="_blank" rel="noopener noreferrer">
                                { label }
                                if let Some(t) = title {
                                    { i18n::title_quotes(lang).0 }<span lang="ja">{ t }</span>{ i18n::title_quotes(lang).1 }
                                }
                            </a>
                            { i18n::parenthesised(lang, &i18n::read_on(lang, s.read)) }
                        </span>
                    }) }
                </p>
            </div>
        </article>
    }
}

#[component]
pub fn CredentialCard(props: &CredentialCardProps) -> Html {
    let env = use_context::<Env>();
    let lang = env.as_ref().map_or(Lang::default(), |e| e.lang);
    let rules = env.as_ref().map(|e| e.rules.0);
    let status = props.result().map(|c| c.status);
    // Cards that can be acted on now or soon start open; long lists of the rest start closed.
    let open = use_state(|| matches!(status, Some(Status::Eligible | Status::Waiting)));
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let aim = {
        let dispatch = props.dispatch.clone();
        let id = props.result().map(|c| CredentialId::new(c.id));
        let aiming = !props.targeted;
        Callback::from(move |e: MouseEvent| {
            if let Some(id) = &id {
                dispatch.emit(Action::ToggleTarget(id.clone()));
                // Aiming takes the visitor to the plan it narrows.
                if aiming {
                    crate::platform::bring_plan_into_view(e.target());
                }
            }
        })
    };
    match (props.result(), rules) {
        (Some(c), Some(rules)) => card(lang, rules, c, *open, toggle, props.targeted, aim),
        _ => html! {},
    }
}
