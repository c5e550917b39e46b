//! The widget's root component, `App`: the visitor's answers in one reducer, the roadmap
//! derived from them. One component per file; a component's folder holds the components
//! it alone places (the roadmap's panels are in `roadmap_view/`), so adding one is its
//! file and its lines in its parent's file.

mod details_form;
mod experience_form;
mod footer;
mod graduate_form;
mod header;
mod kind_picker;
mod number_field;
mod roadmap_view;
mod school_form;
mod summary;
mod toolbar;

use std::rc::Rc;

use yew::prelude::*;

use crate::{platform, ByPtr, Env, Options, RulesRef};
use ce_roadmap_core::evaluate::{evaluate, When};
use ce_roadmap_core::profile::Stage;
use ce_roadmap_core::roadmap::Status;
use ce_roadmap_widget::answers::{Action, Answers};
use ce_roadmap_widget::display::Display;
use ce_roadmap_widget::i18n::{self, Lang, Msg};
use ce_roadmap_widget::share;
use details_form::DetailsForm;
use experience_form::ExperienceForm;
use footer::Footer;
use header::Header;
use kind_picker::KindPicker;
use roadmap_view::RoadmapView;
use school_form::SchoolForm;
use summary::Summary;
use toolbar::Toolbar;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub rules: RulesRef,
    pub options: Options,
    /// The host's rule file could not be used.
    #[prop_or_default]
    pub rules_problem: Option<RulesProblem>,
    /// Only the first screen, without the date or anything computed from it: what
    /// `prerender` renders at build time for the loader to show before the wasm is
    /// ready (see ARCHITECTURE.md "The first screen").
    #[prop_or_default]
    pub first_screen: bool,
}

/// A host rule file that failed: where, the first error's path and message, and
/// whether the host allows falling back to the embedded rules.
#[derive(Clone, Debug, PartialEq)]
pub struct RulesProblem {
    /// The file and what is wrong with it, for the page's administrator.
    pub detail: String,
    pub fallback: bool,
}

/// The reducer state: `Answers::apply` does the work.
#[derive(Clone, PartialEq)]
pub struct State(pub Answers);

impl Reducible for State {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = self.0.clone();
        next.apply(action);
        Rc::new(State(next))
    }
}

/// Where the first answers come from: a shared link, else saved answers, else a
/// clean start. A text that cannot be read, or names ids these rules do not know,
/// gives a notice and a clean start.
struct Start {
    answers: Answers,
    saved: bool,
    notice: Option<Msg>,
}

/// `year`: this fiscal year. A clean start's school begins next April, or for a
/// student's page, began this April.
fn start(rules: RulesRef, options: &Options, year: i32) -> Start {
    let mut fresh = Answers::new(match options.mode {
        Some(Stage::Student) => year,
        _ => year + 1,
    });
    if let Some(y) = options.route {
        fresh.school.years = y;
    }
    let check = |text: &str| -> Option<Answers> {
        let a = share::decode(text, year).ok()?;
        a.profile(rules.0).check(rules.0).ok()?;
        Some(a)
    };
    if options.read_link {
        if let Some(text) = platform::fragment().filter(|t| t.starts_with('v')) {
            return match check(&text) {
                Some(answers) => Start {
                    answers,
                    saved: platform::load_saved().is_some(),
                    notice: None,
                },
                None => {
                    platform::clear_fragment();
                    Start {
                        answers: fresh,
                        saved: false,
                        notice: Some(Msg::BrokenLink),
                    }
                }
            };
        }
    }
    if !options.save {
        return Start {
            answers: fresh,
            saved: false,
            notice: None,
        };
    }
    match platform::load_saved() {
        Some(text) => match check(&text) {
            Some(answers) => Start {
                answers,
                saved: true,
                notice: None,
            },
            None => {
                platform::forget_saved();
                Start {
                    answers: fresh,
                    saved: false,
                    notice: Some(Msg::BrokenSaved),
                }
            }
        },
        None => Start {
            answers: fresh,
            saved: false,
            notice: None,
        },
    }
}

fn announcement(lang: Lang, d: &Display) -> String {
    let count = |s: Status| d.count(s);
    match lang {
        Lang::Ja => format!(
            "{}: いま受けられる {}件、時期が来れば受けられる {}件、準備が必要 {}件",
            Msg::Updated.text(lang),
            count(Status::Eligible),
            count(Status::Waiting),
            count(Status::Action)
        ),
        Lang::En => format!(
            "{}: {} open now, {} open later with time alone, {} need steps first",
            Msg::Updated.text(lang),
            count(Status::Eligible),
            count(Status::Waiting),
            count(Status::Action)
        ),
    }
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let rules = props.rules;
    let today = props.options.as_of.unwrap_or_else(platform::today);
    let first = use_memo((), |_| start(rules, &props.options, today.fiscal_year()));
    let state = use_reducer({
        let a = first.answers.clone();
        move || State(a)
    });
    let lang = use_state(|| props.options.lang);
    {
        // A host changing the lang attribute switches the language live. Only a
        // change: the first run would undo a switch the visitor made before it ran
        // (on the first screen, replayed by the loader as a click).
        let lang = lang.clone();
        let host_lang = use_mut_ref(|| props.options.lang);
        use_effect_with(props.options.lang, move |l| {
            if *host_lang.borrow() != *l {
                *host_lang.borrow_mut() = *l;
                lang.set(*l);
            }
        });
    }
    let mode = props.options.mode;
    let areas = use_memo(props.options.areas.clone(), |a| a.clone().map(Rc::new));
    let saving = use_state(|| first.saved);
    let notice = use_state(|| first.notice);
    let lang_v = *lang;

    // A host's fixed mode is the visitor's kind.
    let answers = Rc::new({
        let mut a = state.0.clone();
        if mode.is_some() {
            a.stage = mode;
        }
        a
    });
    // The roadmap is derived from the answers, never stored beside them.
    let roadmap = use_memo(
        ((*answers).clone(), today, rules),
        move |(a, today, rules)| {
            evaluate(
                rules.0,
                &a.profile(rules.0),
                When {
                    as_of: Some(*today),
                    today: *today,
                },
            )
        },
    );

    // What is shown of it, with the host's areas applied once for every component.
    let display = use_memo(
        (ByPtr(roadmap.clone()), answers.clone(), (*areas).clone()),
        move |(r, a, areas)| match &*r.0 {
            Ok(r) => Display::new(rules.0, r, a, areas.as_deref().map(|v| v.as_slice())),
            Err(_) => Display::default(),
        },
    );
    let display = ByPtr(display);
    let env = Env {
        lang: lang_v,
        rules,
        areas: (*areas).clone(),
        route: props.options.route,
        fees: props.options.fees,
    };

    {
        let saving = *saving;
        use_effect_with((state.0.clone(), saving), move |(a, saving)| {
            if *saving {
                platform::save(&share::encode(a));
            }
        });
    }

    let dispatch = {
        let state = state.clone();
        Callback::from(move |a: Action| state.dispatch(a))
    };
    let on_lang = {
        let lang = lang.clone();
        Callback::from(move |_| {
            lang.set(if *lang == Lang::Ja {
                Lang::En
            } else {
                Lang::Ja
            })
        })
    };
    let on_save = {
        let saving = saving.clone();
        let state = state.clone();
        Callback::from(move |on: bool| {
            if on {
                platform::save(&share::encode(&state.0));
            } else {
                platform::forget_saved();
            }
            saving.set(on);
        })
    };
    let on_reset = {
        let dispatch = dispatch.clone();
        let route = props.options.route;
        let notice = notice.clone();
        Callback::from(move |_| {
            platform::clear_fragment();
            notice.set(None);
            dispatch.emit(Action::Reset);
            // A school's page starts over on its own course.
            if let Some(y) = route {
                dispatch.emit(Action::SetSchoolYears(y));
            }
        })
    };
    let dismiss = {
        let notice = notice.clone();
        Callback::from(move |_| notice.set(None))
    };

    let answer_ref = use_node_ref();
    let on_jump = {
        let answer_ref = answer_ref.clone();
        Callback::from(move |_| platform::bring_into_view(&answer_ref))
    };
    let stage = answers.stage;
    let prospective = stage == Some(Stage::Prospective);
    // The first questions: the same on the prerendered first screen and in the live app.
    let ask = html! {
        <>
            if mode.is_none() {
                <KindPicker stage={stage} dispatch={dispatch.clone()} this_year={today.fiscal_year()} />
            }
            if matches!(stage, Some(Stage::Prospective | Stage::Student)) {
                <SchoolForm answers={answers.clone()} dispatch={dispatch.clone()} year={today.fiscal_year()} />
            }
            if matches!(stage, Some(Stage::Licensed | Stage::It)) {
                <ExperienceForm answers={answers.clone()} dispatch={dispatch.clone()} />
            }
        </>
    };
    // Only the build-time prerender renders this; the browser's module leaves it out.
    #[cfg(feature = "ssr")]
    if props.first_screen {
        return html! {
            <ContextProvider<Env> context={env}>
            <div class="cer-root" lang={lang_v.code()} data-first-screen="">
                <Header on_toggle={on_lang} />
                <div class="cer-layout" data-started={stage.is_some().then_some("")}>
                    <div class="cer-ask">{ ask }</div>
                </div>
                if stage.is_none() {
                    <Footer as_of={today} placeholder=true />
                }
            </div>
            </ContextProvider<Env>>
        };
    }
    let summary = match (&*roadmap, stage) {
        (Ok(_), Some(_)) => html! {
            <Summary roadmap={ByPtr(roadmap.clone())} display={display.clone()} {on_jump} />
        },
        _ => html! {},
    };
    let (details, result) = match &*roadmap {
        Ok(_) => (
            html! {
                if stage.is_some() {
                    // Keyed by the visitor's kind: another kind's form starts with its own lists.
                    <DetailsForm key={stage.map_or("", |s| s.as_str())} answers={answers.clone()} display={display.clone()} dispatch={dispatch.clone()} year={today.year()} />
                }
            },
            html! {
                <>
                    <RoadmapView roadmap={ByPtr(roadmap.clone())} display={display.clone()} started={stage.is_some()} answers={answers.clone()} dispatch={dispatch.clone()} />
                    <p class="cer-visually-hidden" aria-live="polite">{ if stage.is_some() { announcement(lang_v, &display.0) } else { String::new() } }</p>
                </>
            },
        ),
        Err(e) => (html! {}, {
            let problems: Vec<String> =
                e.0.iter().map(|e| i18n::profile_error(lang_v, e)).collect();
            html! { <p class="cer-error" role="alert">{ format!("{}: {}", Msg::EngineError.text(lang_v), problems.join(lang_v.pick2("。", "; "))) }</p> }
        }),
    };
    let problem = props.rules_problem.as_ref().map(|p| {
        let title = if p.fallback {
            Msg::RulesFallback
        } else {
            Msg::RulesInvalid
        };
        let inner = html! {
            <div>
                <strong>{ title.text(lang_v) }</strong>
                <details>
                    <summary>{ Msg::TechnicalDetails.text(lang_v) }</summary>
                    <code>{ &p.detail }</code>
                </details>
            </div>
        };
        // Literal class lists: a computed one goes through yew's Classes set on every render.
        if p.fallback {
            html! { <div class="cer-notice cer-rules-problem" role="alert">{ inner }</div> }
        } else {
            html! { <div class="cer-error cer-rules-problem" role="alert">{ inner }</div> }
        }
    });
    // A host rule file that cannot be used, without fallback: only the problem shows.
    let usable = props.rules_problem.as_ref().is_none_or(|p| p.fallback);
    html! {
        <ContextProvider<Env> context={env}>
        <div class="cer-root" lang={lang_v.code()}>
            <Header on_toggle={on_lang} />
            { for problem }
            if usable {
            if let Some(n) = *notice {
                <div class="cer-notice" role="status">
                    <span>{ n.text(lang_v) }</span>
                    <button type="button" class="cer-link-button" onclick={dismiss}>{ "×" }</button>
                </div>
            }
            <div class="cer-layout" data-started={stage.is_some().then_some("")}>
                <div class="cer-ask" onfocusin={Callback::from(platform::keep_clear_of_summary)}>
                    { ask }
                    // Someone choosing a school sees the comparison first; what they
                    // may already hold comes after it.
                    if !prospective { { details.clone() } }
                </div>
                { summary }
                <div class="cer-answer" ref={answer_ref}>{ result }</div>
                if prospective {
                    <div class="cer-ask cer-ask-after" onfocusin={Callback::from(platform::keep_clear_of_summary)}>{ details }</div>
                }
            </div>
            if stage.is_some() {
                <Toolbar answers={answers.clone()} saving={*saving} on_save={on_save} on_reset={on_reset} offer_save={props.options.save} />
            }
            }
            <Footer as_of={today} />
        </div>
        </ContextProvider<Env>>
    }
}
