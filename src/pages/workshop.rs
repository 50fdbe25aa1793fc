//! Workshop mode. The facilitator's view records the room's answer to each item (the agreed
//! level, or hands per level) and drives the projector view, in another window kept in step
//! over a BroadcastChannel or in this window ("present"). The merge view combines participants'
//! share links and files without a server. Keys on the facilitator's and the present view:
//! arrows move, 0 to 4 record, R reveals, F toggles full screen.

use std::rc::Rc;

use readiness_core::aggregate;
use readiness_core::framework::{Framework, ItemKind, ScaleKind};
use readiness_core::workshop::{self, Step, Workshop};
use readiness_core::{Assessment, Route, WorkshopView, view};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::components::charts::ProfileQuadrants;
use crate::state::{AppState, Msg, use_app, use_dispatch};

/// Properties of the workshop page.
#[derive(Properties, PartialEq)]
pub struct WorkshopProps {
    /// Which view.
    pub view: WorkshopView,
}

/// The workshop's pages.
#[component]
pub fn WorkshopPage(props: &WorkshopProps) -> Html {
    match props.view {
        WorkshopView::Presenter => html! { <Presenter /> },
        WorkshopView::Present => html! { <Projector present=true /> },
        WorkshopView::Projector => html! { <Projector present=false /> },
        WorkshopView::Merge => html! { <Merge /> },
    }
}

fn key(state: &AppState) -> String {
    format!("{}:{}:workshop", state.namespace, state.framework.id)
}

fn load(state: &AppState) -> Workshop {
    crate::storage::raw(&key(state)).and_then(|text| workshop::decode(&text, &state.framework)).unwrap_or_default()
}

fn channel(state: &AppState) -> Option<web_sys::BroadcastChannel> {
    web_sys::BroadcastChannel::new(&key(state)).ok()
}

/// The facilitator's own note on an item, sent to the projector only when revealed.
fn note_of(state: &AppState, workshop: &Workshop) -> Option<String> {
    let item = workshop.current(&state.framework)?;
    let note = state.session.assessment.answer(state.framework.items[item].id.as_str())?.note.trim().to_owned();
    (!note.is_empty()).then_some(note)
}

fn message(state: &AppState, workshop: &Workshop) -> JsValue {
    let object = js_sys::Object::new();
    crate::set_property(&object, "state", workshop::encode(workshop));
    let note = if workshop.show_note { note_of(state, workshop) } else { None };
    let _ = js_sys::Reflect::set(&object, &"note".into(), &note.map_or(JsValue::NULL, JsValue::from));
    object.into()
}

/// The workshop state a view works on: the facilitator's (saved and broadcast on every change,
/// and sent again when a projector says hello) or the projector's (following the broadcasts).
#[hook]
fn use_shared_workshop(leading: bool) -> (UseStateHandle<Workshop>, UseStateHandle<Option<String>>) {
    let state = use_app();
    let workshop = use_state(|| load(&state));
    let note = use_state(|| None::<String>);
    let port = use_memo((), {
        let state = state.clone();
        move |_| channel(&state)
    });
    {
        let (workshop, note, port, state) = (workshop.clone(), note.clone(), port.clone(), state.clone());
        use_effect_with((), move |_| {
            let listener = (*port).as_ref().map(|port| {
                let port = port.clone();
                let reply = port.clone();
                gloo::events::EventListener::new(&port, "message", move |event| {
                    let Some(event) = event.dyn_ref::<web_sys::MessageEvent>() else { return };
                    let data = event.data();
                    if leading {
                        // A projector opened: send it where the room is.
                        if js_sys::Reflect::get(&data, &"hello".into()).ok().is_some_and(|hello| hello.is_truthy()) {
                            let _ = reply.post_message(&message(&state, &load(&state)));
                        }
                        return;
                    }
                    let text = js_sys::Reflect::get(&data, &"state".into()).ok().and_then(|text| text.as_string());
                    if let Some(next) = text.and_then(|text| workshop::decode(&text, &state.framework)) {
                        workshop.set(next);
                        note.set(js_sys::Reflect::get(&data, &"note".into()).ok().and_then(|text| text.as_string()));
                    }
                })
            });
            if !leading && let Some(port) = (*port).as_ref() {
                let hello = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&hello, &"hello".into(), &JsValue::TRUE);
                let _ = port.post_message(&hello);
            }
            move || drop(listener)
        });
    }
    {
        let (state, port) = (state.clone(), port.clone());
        use_effect_with((*workshop).clone(), move |workshop| {
            if !leading {
                return;
            }
            let _ = crate::storage::put(&key(&state), &workshop::encode(workshop));
            if let Some(port) = (*port).as_ref() {
                let _ = port.post_message(&message(&state, workshop));
            }
        });
    }
    (workshop, note)
}

/// Keys for the facilitator: arrows, 0 to 4, R, F. Not while typing in a field.
#[hook]
fn use_workshop_keys(workshop: UseStateHandle<Workshop>, framework: Rc<Framework>) {
    use_effect_with((*workshop).clone(), move |current| {
        let current = current.clone();
        let listener = gloo::events::EventListener::new(&gloo::utils::window(), "keydown", move |event| {
            let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else { return };
            if event.ctrl_key() || event.alt_key() || event.meta_key() || event.default_prevented() {
                return;
            }
            let typing = event.composed_path().get(0).dyn_into::<web_sys::Element>().ok().is_some_and(|element| {
                matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || element.closest("[role=radiogroup]").ok().flatten().is_some()
            });
            if typing {
                return;
            }
            let step = match event.key().as_str() {
                "ArrowRight" | "ArrowDown" | "PageDown" => Some(Step::Next),
                "ArrowLeft" | "ArrowUp" | "PageUp" => Some(Step::Previous),
                "r" | "R" => Some(Step::Reveal(!current.revealed)),
                "f" | "F" => {
                    toggle_full_screen();
                    None
                }
                key => key.parse::<usize>().ok().filter(|option| *option <= 4).map(Step::Agree),
            };
            if let Some(step) = step {
                event.prevent_default();
                let mut next = current.clone();
                if next.apply(&framework, step) {
                    workshop.set(next);
                }
            }
        });
        move || drop(listener)
    });
}

fn toggle_full_screen() {
    let document = gloo::utils::document();
    if document.fullscreen_element().is_some() {
        document.exit_fullscreen();
    } else if let Some(root) = document.document_element() {
        let _ = root.request_fullscreen();
    }
}

/// The names of an item's options in a tally: levels or choices, then "Not sure".
fn option_names(framework: &Framework, item: usize) -> Vec<String> {
    let scale = framework.scale_of(&framework.items[item]);
    match &scale.kind {
        ScaleKind::Rating { levels, not_sure, .. } => {
            levels.iter().map(|level| format!("{} ({})", level.name, level.value)).chain([not_sure.clone()]).collect()
        }
        ScaleKind::Choice { names } => names.clone(),
        ScaleKind::Text => Vec::new(),
    }
}

/// The room's answer to one item in words: distribution, median and spread.
#[derive(Clone, PartialEq)]
struct RoomAnswer {
    counts: Vec<(String, u32)>,
    n: u32,
    median: String,
    spread: String,
}

fn room_answer(framework: &Framework, workshop: &Workshop, item: usize) -> RoomAnswer {
    let counts = workshop.counts(framework, item);
    let names = option_names(framework, item);
    let summary = aggregate::summarise(&workshop::tally(&counts));
    RoomAnswer {
        n: counts.iter().sum(),
        counts: names.into_iter().zip(counts.iter().copied()).collect(),
        median: workshop::median_text(framework, item, summary.median),
        spread: workshop::spread_text(summary.spread),
    }
}

/// The facilitator's view.
#[component]
fn Presenter() -> Html {
    let state = use_app();
    let framework = state.framework.clone();
    let (workshop, _) = use_shared_workshop(true);
    use_workshop_keys(workshop.clone(), framework.clone());
    let order = workshop::running_order(&framework);
    let step = |step: Step| {
        let (workshop, framework) = (workshop.clone(), framework.clone());
        Callback::from(move |_: MouseEvent| {
            let mut next = (*workshop).clone();
            if next.apply(&framework, step.clone()) {
                workshop.set(next);
            }
        })
    };
    let open_projector = Callback::from(|_: MouseEvent| {
        let location = gloo::utils::window().location();
        let url = format!("{}{}#/workshop/projector", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default());
        let _ = gloo::utils::window().open_with_url_and_target_and_features(&url, "readiness-projector", "popup");
    });
    let join = {
        let (workshop, framework) = (workshop.clone(), framework.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let url = crate::dom::element::<web_sys::HtmlInputElement>(&crate::dom::root_of(&event), "join-url").map(|input| input.value()).unwrap_or_default();
            let mut next = (*workshop).clone();
            if next.apply(&framework, Step::JoinUrl(url)) {
                workshop.set(next);
            }
        })
    };
    let current = workshop.current(&framework);
    let body = match current {
        None => html! {
            <>
                <h2 class="rc-heading-m">{ "Every item has been through the room" }</h2>
                <p class="rc-body">{ "The projector shows the room's result. Go back to any item to change its answer." }</p>
                <RoomResult workshop={(*workshop).clone()} />
            </>
        },
        Some(item) => {
            let names = option_names(&framework, item);
            let counts = workshop.counts(&framework, item);
            let recorded = workshop.records.get(&framework.items[item].id).cloned();
            let save_hands = {
                let (workshop, framework) = (workshop.clone(), framework.clone());
                let n = names.len();
                Callback::from(move |event: SubmitEvent| {
                    event.prevent_default();
                    let root = crate::dom::root_of(&event);
                    let counts: Vec<u32> = (0..n)
                        .map(|option| {
                            crate::dom::element::<web_sys::HtmlInputElement>(&root, &format!("hands-{option}"))
                                .and_then(|input| input.value().trim().parse::<u32>().ok())
                                .unwrap_or(0)
                        })
                        .collect();
                    let mut next = (*workshop).clone();
                    if next.apply(&framework, Step::Hands(counts)) {
                        workshop.set(next);
                    }
                })
            };
            let note = note_of(&state, &workshop);
            let answer = room_answer(&framework, &workshop, item);
            let next_up = order.get(workshop.position + 1).map(|&next| framework.items[next].label.clone());
            html! {
                <>
                    <p class="rc-caption-m">{ format!("Item {} of {} · {}", workshop.position + 1, order.len(), framework.sections[framework.items[item].section].title) }</p>
                    <h2 class="rc-heading-m">{ framework.items[item].statement.clone() }</h2>
                    <h3 class="rc-heading-s">{ "Record the room's answer" }</h3>
                    <div class="rc-button-group">
                        { for names.iter().enumerate().map(|(option, name)| {
                            let pressed = recorded == Some(workshop::Record::Agreed(option));
                            html! {
                                <button type="button" class={classes!("rc-button", (!pressed).then_some("rc-button--secondary"))} aria-pressed={pressed.to_string()} onclick={step(Step::Agree(option))}>
                                    { format!("Agreed: {name}") }
                                </button>
                            }
                        }) }
                    </div>
                    <details class="rc-details">
                        <summary class="rc-details__summary"><span class="rc-details__summary-text">{ "Or count hands for each answer" }</span></summary>
                        <div class="rc-details__text">
                            <form onsubmit={save_hands} novalidate=true>
                                <fieldset class="rc-fieldset">
                                    <legend class="rc-fieldset__legend">{ "Hands for each answer" }</legend>
                                    <div class="rc-hands">
                                        { for names.iter().enumerate().map(|(option, name)| html! {
                                            <div class="rc-form-group rc-hands__item">
                                                <label class="rc-label" for={format!("hands-{option}")}>{ name.clone() }</label>
                                                <input class="rc-input rc-input--narrow" id={format!("hands-{option}")} name={format!("hands-{option}")} type="text" inputmode="numeric"
                                                    value={counts[option].to_string()} autocomplete="off" spellcheck="false" />
                                            </div>
                                        }) }
                                    </div>
                                </fieldset>
                                <button type="submit" class="rc-button rc-button--secondary">{ "Save the count" }</button>
                            </form>
                        </div>
                    </details>
                    <div class="rc-button-group">
                        <button type="button" class="rc-button rc-button--secondary" onclick={step(Step::Previous)} disabled={workshop.position == 0}>{ "Previous item" }</button>
                        <button type="button" class="rc-button" onclick={step(Step::Next)}>{ "Next item" }</button>
                        <button type="button" class="rc-button rc-button--secondary" aria-pressed={workshop.revealed.to_string()} onclick={step(Step::Reveal(!workshop.revealed))}>
                            { if workshop.revealed { "Hide the room's answer" } else { "Reveal the room's answer" } }
                        </button>
                        <button type="button" class="rc-button rc-button--secondary" onclick={step(Step::Clear)}>{ "Clear this item's answer" }</button>
                    </div>
                    <h3 class="rc-heading-s">{ "The room's answer so far" }</h3>
                    <RoomAnswerView answer={answer} revealed={workshop.revealed} />
                    <h3 class="rc-heading-s">{ "Your notes (not on the projector)" }</h3>
                    if let Some(note) = note {
                        <p class="rc-body rc-preserve-lines">{ note }</p>
                        <div class="rc-button-group">
                            <button type="button" class="rc-button rc-button--secondary" aria-pressed={workshop.show_note.to_string()} onclick={step(Step::ShowNote(!workshop.show_note))}>
                                { if workshop.show_note { "Hide this note from the room" } else { "Show this note to the room" } }
                            </button>
                        </div>
                    } else {
                        <p class="rc-body">{ "No note on this item in the open assessment." }</p>
                    }
                    <p class="rc-body"><strong>{ "Next up: " }</strong>{ next_up.unwrap_or_else(|| "the room's result".to_owned()) }</p>
                </>
            }
        }
    };
    html! {
        <>
            <h1 class="rc-heading-l" tabindex="-1">{ "Workshop: facilitator's view" }</h1>
            <p class="rc-body">{ "Take the room through each item. Record the level the room agrees on, or count hands for each answer. The projector shows the item and its levels; the room's answer appears when you reveal it. Your notes stay here unless you show them." }</p>
            <div class="rc-keyboard-hint">
                <p class="rc-body-s">{ "Keys: left and right arrows move between items, 0 to 4 record the agreed answer, R reveals or hides it, F turns full screen on or off." }</p>
            </div>
            <div class="rc-button-group">
                <button type="button" class="rc-button" onclick={open_projector}>{ "Open the projector window" }</button>
                <a class="rc-link" href="#/workshop/present">{ "Present in this window" }</a>
                <a class="rc-link" href="#/workshop/merge">{ "Merge participants' answers" }</a>
            </div>
            <form onsubmit={join} novalidate=true>
                <div class="rc-form-group">
                    <label class="rc-label rc-label--s" for="join-url">{ "Address for the QR code on the projector (optional)" }</label>
                    <div id="join-url-hint" class="rc-hint">{ "Where participants open the assessment on their own devices, such as your intranet page." }</div>
                    <input class="rc-input rc-input--full" id="join-url" name="join-url" type="url" value={workshop.join_url.clone()} aria-describedby="join-url-hint" spellcheck="false" autocomplete="off" />
                </div>
                <button type="submit" class="rc-button rc-button--secondary">{ "Use this address" }</button>
            </form>
            { body }
            <Disagreement workshop={(*workshop).clone()} />
        </>
    }
}

#[derive(Properties, PartialEq)]
struct RoomAnswerProps {
    answer: RoomAnswer,
    revealed: bool,
}

/// A distribution as bars of text, with the median and the spread.
#[component]
fn RoomAnswerView(props: &RoomAnswerProps) -> Html {
    let answer = &props.answer;
    if answer.n == 0 {
        return html! { <p class="rc-body">{ "Nothing recorded yet." }</p> };
    }
    let most = answer.counts.iter().map(|(_, count)| *count).max().unwrap_or(1).max(1);
    html! {
        <div class="rc-room">
            <table class="rc-table rc-room__table">
                <caption class="rc-table__caption">{ if props.revealed { "The room's answer (shown on the projector)" } else { "The room's answer (not yet shown on the projector)" } }</caption>
                <thead class="rc-table__head">
                    <tr class="rc-table__row">
                        <th scope="col" class="rc-table__header">{ "Answer" }</th>
                        <th scope="col" class="rc-table__header rc-table__header--numeric">{ "Hands" }</th>
                        <th scope="col" class="rc-table__header"><span class="rc-visually-hidden">{ "Bar" }</span></th>
                    </tr>
                </thead>
                <tbody class="rc-table__body">
                    { for answer.counts.iter().map(|(name, count)| html! {
                        <tr class="rc-table__row">
                            <th scope="row" class="rc-table__header">{ name.clone() }</th>
                            <td class="rc-table__cell rc-table__cell--numeric">{ count }</td>
                            <td class="rc-table__cell" aria-hidden="true">
                                <span class="rc-meter"><span class={classes!("rc-meter__fill", format!("rc-meter__fill--{}", (count * 20 / most) * 5))}></span></span>
                            </td>
                        </tr>
                    }) }
                </tbody>
            </table>
            <p class="rc-body"><strong>{ "Median: " }</strong>{ answer.median.clone() }</p>
            <p class="rc-body"><strong>{ "How far from agreement: " }</strong>{ answer.spread.clone() }</p>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct WorkshopStateProps {
    workshop: Workshop,
}

/// Items to come back to: where the room disagrees most.
#[component]
fn Disagreement(props: &WorkshopStateProps) -> Html {
    let framework = crate::state::use_framework();
    let summaries = props.workshop.summaries(&framework);
    let top: Vec<(usize, String)> = aggregate::rank_by_spread(&summaries, 5)
        .into_iter()
        .filter_map(|item| summaries.iter().find(|entry| entry.item == item).map(|entry| (item, workshop::spread_text(entry.summary.spread))))
        .collect();
    if top.is_empty() {
        return Html::default();
    }
    html! {
        <div class="rc-disagreement">
            <h2 class="rc-heading-s">{ "Most disagreement: come back to these" }</h2>
            <ol class="rc-list rc-list--number">
                { for top.iter().map(|(item, text)| html! { <li>{ format!("{}: {text}", framework.items[*item].label) }</li> }) }
            </ol>
        </div>
    }
}

/// The room's result: its answers scored like any assessment.
#[component]
fn RoomResult(props: &WorkshopStateProps) -> Html {
    let framework = crate::state::use_framework();
    let room = props.workshop.room(&framework);
    let view = view::results_view(&framework, &room);
    html! {
        <div class="rc-room-result">
            <dl class="rc-figures">
                <div class="rc-figures__item">
                    <dt class="rc-figures__label">{ "Practice maturity" }</dt>
                    <dd class="rc-figures__value">{ view.maturity_text.clone() }</dd>
                </div>
                <div class="rc-figures__item">
                    <dt class="rc-figures__label">{ "Innovation readiness" }</dt>
                    <dd class="rc-figures__value">{ view.readiness_text.clone() }</dd>
                </div>
                <div class="rc-figures__item">
                    <dt class="rc-figures__label">{ "Profile" }</dt>
                    <dd class="rc-figures__value rc-figures__value--text">{ view.profile.as_ref().map(|(name, _, _)| name.clone()).unwrap_or_else(|| view::NOT_ENOUGH.to_owned()) }</dd>
                </div>
            </dl>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ProjectorProps {
    present: bool,
}

/// The room's view: one item at a time in large type, its levels, and the room's answer once
/// revealed; the QR code; at the end, the room's result.
#[component]
fn Projector(props: &ProjectorProps) -> Html {
    let state = use_app();
    let framework = state.framework.clone();
    let (workshop, note) = use_shared_workshop(props.present);
    use_workshop_keys(workshop.clone(), framework.clone());
    let order = workshop::running_order(&framework);
    let qr = (!workshop.join_url.is_empty()).then(|| readiness_core::qr::svg(&workshop.join_url).ok()).flatten();
    let body = match workshop.current(&framework) {
        None => html! {
            <>
                <h1 class="rc-projector__statement" tabindex="-1">{ "The room's result" }</h1>
                <RoomResult workshop={(*workshop).clone()} />
            </>
        },
        Some(item) => {
            let scale = framework.scale_of(&framework.items[item]);
            let levels: Vec<(String, String)> = match &scale.kind {
                ScaleKind::Rating { levels, .. } => levels.iter().map(|level| (format!("{} {}", level.value, level.name), level.description.clone())).collect(),
                ScaleKind::Choice { names } => names.iter().take(3).map(|name| (name.clone(), String::new())).collect(),
                ScaleKind::Text => Vec::new(),
            };
            let shown_note = if workshop.show_note { if props.present { note_of(&state, &workshop) } else { (*note).clone() } } else { None };
            html! {
                <>
                    <p class="rc-projector__position">{ format!("Item {} of {} · {}", workshop.position + 1, order.len(), framework.sections[framework.items[item].section].title) }</p>
                    <h1 class="rc-projector__statement" tabindex="-1">{ framework.items[item].statement.clone() }</h1>
                    if matches!(framework.items[item].kind, ItemKind::Rating) {
                        <ol class="rc-projector__levels">
                            { for levels.iter().map(|(name, description)| html! { <li><strong>{ name.clone() }</strong>{ format!(": {description}") }</li> }) }
                        </ol>
                    } else {
                        <p class="rc-projector__choices">{ levels.iter().map(|(name, _)| name.clone()).collect::<Vec<_>>().join(" · ") }</p>
                    }
                    if workshop.revealed {
                        <RoomAnswerView answer={room_answer(&framework, &workshop, item)} revealed=true />
                    }
                    if let Some(note) = shown_note {
                        <div class="rc-projector__note"><p class="rc-body rc-preserve-lines"><strong>{ "Note: " }</strong>{ note }</p></div>
                    }
                </>
            }
        }
    };
    html! {
        <div class="rc-projector">
            <div class="rc-projector__main">{ body }</div>
            <div class="rc-projector__side">
                if let Some(qr) = qr {
                    <figure class="rc-projector__qr">
                        <svg viewBox={format!("0 0 {0} {0}", qr.side)} role="img" aria-labelledby="qr-title" focusable="false" shape-rendering="crispEdges">
                            <title id="qr-title">{ format!("QR code for {}", workshop.join_url) }</title>
                            <rect class="rc-qr__light" width={qr.side.to_string()} height={qr.side.to_string()} />
                            <path class="rc-qr__dark" d={qr.path.clone()} />
                        </svg>
                        <figcaption class="rc-projector__qr-caption">{ format!("Join: {}", workshop.join_url) }</figcaption>
                    </figure>
                }
                <Disagreement workshop={(*workshop).clone()} />
                if props.present {
                    <p class="rc-body-s"><a class="rc-link" href="#/workshop">{ "Back to the facilitator's view" }</a></p>
                }
            </div>
        </div>
    }
}

/// Merging participants' answers from share links and files.
#[component]
fn Merge() -> Html {
    let state = use_app();
    let dispatch = use_dispatch();
    let framework = state.framework.clone();
    let problems = use_state(Vec::<String>::new);
    let participants = state.participants.clone();

    let add = {
        let (state, dispatch, problems) = (state.clone(), dispatch.clone(), problems.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let root = crate::dom::root_of(&event);
            let text = crate::dom::element::<web_sys::HtmlTextAreaElement>(&root, "merge-links").map(|area| area.value()).unwrap_or_default();
            let mut found: Vec<(String, Assessment)> = Vec::new();
            let mut trouble = Vec::new();
            for (line, link) in text.lines().map(str::trim).enumerate().filter(|(_, link)| !link.is_empty()) {
                // The decoder takes a whole link as well as its payload.
                match readiness_core::codec::share::decode(link, &state.framework) {
                    Ok(assessment) => found.push((format!("Link {}", line + 1), assessment)),
                    Err(errors) => {
                        trouble.push(format!("Link on line {}: {}", line + 1, errors.iter().map(|error| error.message.clone()).collect::<Vec<_>>().join("; ")))
                    }
                }
            }
            let files = crate::dom::element::<web_sys::HtmlInputElement>(&root, "merge-files").and_then(|input| input.files());
            let pending: Vec<web_sys::File> = files.map(|files| (0..files.length()).filter_map(|index| files.get(index)).collect()).unwrap_or_default();
            merge_in(state.clone(), dispatch.clone(), problems.clone(), found, trouble, pending);
        })
    };

    let ondragover = Callback::from(|event: DragEvent| event.prevent_default());
    let ondrop = {
        let (state, dispatch, problems) = (state.clone(), dispatch.clone(), problems.clone());
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            let files = event.data_transfer().and_then(|transfer| transfer.files());
            let pending: Vec<web_sys::File> = files.map(|files| (0..files.length()).filter_map(|index| files.get(index)).collect()).unwrap_or_default();
            merge_in(state.clone(), dispatch.clone(), problems.clone(), Vec::new(), Vec::new(), pending);
        })
    };
    let assessments: Vec<Assessment> = participants.iter().map(|(_, assessment)| assessment.clone()).collect();
    let result = (!assessments.is_empty()).then(|| aggregate::aggregate(&framework, &assessments));
    let remove = |index: usize| {
        let (state, dispatch) = (state.clone(), dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            let mut merged = (*state.participants).clone();
            if index < merged.len() {
                merged.remove(index);
            }
            dispatch.dispatch(Msg::Participants(Rc::new(merged)));
        })
    };
    let open_merged = result.as_ref().map(|result| {
        let (state, dispatch, merged) = (state.clone(), dispatch.clone(), result.merged.clone());
        Callback::from(move |_: MouseEvent| {
            let mut merged = merged.clone();
            merged.title = format!("Workshop, {} participants", state.participants.len());
            crate::actions::add(&state, &dispatch, merged, Route::Results);
        })
    });
    let print = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    let merged_view = match &result {
        Some(result) => {
            let view = view::results_view(&framework, &result.merged);
            let others: Vec<(f64, f64, String)> = result
                .participants
                .iter()
                .enumerate()
                .filter_map(|(index, participant)| Some((participant.maturity?, participant.readiness?, index)))
                .map(|(maturity, readiness, index)| {
                    let (x, y) = view.profile_chart.position(maturity, readiness);
                    (x, y, (index + 1).to_string())
                })
                .collect();
            html! {
                <>
                    <ProfileQuadrants chart={view.profile_chart.clone()} id="merge-profile" {others} />
                    <p class="rc-body">{ "Numbered circles are participants, in the order of the table above; the point marked ‘You’ is the merged answers." }</p>
                    <h2 class="rc-heading-m">{ "The merged answers" }</h2>
                    <p class="rc-body">{ format!("Practice maturity {}, innovation readiness {}, profile: {}.", view.maturity_text, view.readiness_text, view.profile.as_ref().map(|(name, _, _)| name.clone()).unwrap_or_else(|| view::NOT_ENOUGH.to_owned())) }</p>
                </>
            }
        }
        None => Html::default(),
    };

    html! {
        <>
            <a href="#/workshop" class="rc-back-link rc-no-print">{ "Back to the facilitator's view" }</a>
            <h1 class="rc-heading-l" tabindex="-1">{ "Merge participants' answers" }</h1>
            <p class="rc-body rc-no-print">{ "Participants complete the assessment on their own devices and send you a share link or a downloaded file. Add them here: nothing is sent anywhere. Share links carry no notes." }</p>
            if !problems.is_empty() {
                <div class="rc-error-summary" role="alert" id="merge-problems">
                    <h2 class="rc-error-summary__title">{ "Some answers were not added" }</h2>
                    <ul class="rc-list rc-list--bullet">{ for problems.iter().map(|problem| html! { <li>{ problem.clone() }</li> }) }</ul>
                </div>
            }
            <form onsubmit={add} class="rc-no-print rc-drop" novalidate=true {ondragover} {ondrop}>
                <div class="rc-form-group">
                    <label class="rc-label rc-label--s" for="merge-links">{ "Share links, one on each line" }</label>
                    <textarea class="rc-textarea" id="merge-links" name="merge-links" rows="5" spellcheck="false" />
                </div>
                <div class="rc-form-group">
                    <label class="rc-label rc-label--s" for="merge-files">{ "Or choose answer files (JSON), as many as you like, or drop them on this form" }</label>
                    <input class="rc-file-upload" id="merge-files" name="merge-files" type="file" multiple=true accept=".json,application/json" />
                </div>
                <button type="submit" class="rc-button">{ "Add these participants" }</button>
            </form>
            if let Some(result) = result {
                <h2 class="rc-heading-m">{ format!("{} participants", participants.len()) }</h2>
                <table class="rc-table">
                    <caption class="rc-visually-hidden">{ "Participants and their scores" }</caption>
                    <thead class="rc-table__head">
                        <tr class="rc-table__row">
                            <th scope="col" class="rc-table__header">{ "Participant" }</th>
                            <th scope="col" class="rc-table__header rc-table__header--numeric">{ "Maturity" }</th>
                            <th scope="col" class="rc-table__header rc-table__header--numeric">{ "Readiness" }</th>
                            <th scope="col" class="rc-table__header">{ "Profile" }</th>
                            <th scope="col" class="rc-table__header rc-no-print"><span class="rc-visually-hidden">{ "Actions" }</span></th>
                        </tr>
                    </thead>
                    <tbody class="rc-table__body">
                        { for result.participants.iter().enumerate().map(|(index, participant)| html! {
                            <tr class="rc-table__row">
                                <th scope="row" class="rc-table__header">{ format!("{}. {}", index + 1, participants.get(index).map(|(label, _)| label.clone()).unwrap_or_default()) }</th>
                                <td class="rc-table__cell rc-table__cell--numeric">{ participant.maturity.map_or_else(|| view::NOT_ENOUGH.to_owned(), |ratio| view::percent_text(ratio.to_f64())) }</td>
                                <td class="rc-table__cell rc-table__cell--numeric">{ participant.readiness.map_or_else(|| view::NOT_ENOUGH.to_owned(), |ratio| view::percent_text(ratio.to_f64())) }</td>
                                <td class="rc-table__cell">{ participant.profile.map(|profile| framework.profile_text(profile).name.clone()).unwrap_or_else(|| view::NOT_ENOUGH.to_owned()) }</td>
                                <td class="rc-table__cell rc-no-print">
                                    <button type="button" class="rc-link-button" onclick={remove(index)}>{ "Remove" }<span class="rc-visually-hidden">{ format!(" participant {}", index + 1) }</span></button>
                                </td>
                            </tr>
                        }) }
                    </tbody>
                </table>
                <h2 class="rc-heading-m">{ "Where everyone is" }</h2>
                { merged_view.clone() }
                <div class="rc-button-group rc-no-print">
                    if let Some(open_merged) = open_merged {
                        <button type="button" class="rc-button" onclick={open_merged}>{ "Open the merged answers as an assessment" }</button>
                    }
                    <button type="button" class="rc-button rc-button--secondary" onclick={print}>{ "Print the workshop's results" }</button>
                </div>
                <h2 class="rc-heading-m">{ "Item by item" }</h2>
                <table class="rc-table rc-merge__items">
                    <caption class="rc-visually-hidden">{ "Each item's answers across participants" }</caption>
                    <thead class="rc-table__head">
                        <tr class="rc-table__row">
                            <th scope="col" class="rc-table__header">{ "Item" }</th>
                            <th scope="col" class="rc-table__header">{ "Answers" }</th>
                            <th scope="col" class="rc-table__header">{ "Median" }</th>
                            <th scope="col" class="rc-table__header rc-table__header--numeric">{ "Spread" }</th>
                        </tr>
                    </thead>
                    <tbody class="rc-table__body">
                        { for result.items.iter().map(|entry| {
                            let names = option_names(&framework, entry.item);
                            let distribution = entry.summary.counts.iter().zip(&names).filter(|(count, _)| **count > 0).map(|(count, name)| format!("{name}: {count}")).collect::<Vec<_>>().join("; ");
                            html! {
                                <tr class="rc-table__row" data-item={framework.items[entry.item].id.to_string()}>
                                    <th scope="row" class="rc-table__header">{ framework.items[entry.item].label.clone() }</th>
                                    <td class="rc-table__cell">{ if distribution.is_empty() { "No answers".to_owned() } else { distribution } }</td>
                                    <td class="rc-table__cell">{ workshop::median_text(&framework, entry.item, entry.summary.median) }</td>
                                    <td class="rc-table__cell rc-table__cell--numeric">{ workshop::spread_text(entry.summary.spread) }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            }
            if participants.is_empty() {
                <p class="rc-body">{ "No participants yet." }</p>
            }
        </>
    }
}

/// Reads dropped or chosen files, then adds every assessment found that is not a duplicate of
/// one already there; reports the rest.
fn merge_in(
    state: crate::state::AppHandle,
    dispatch: crate::state::Dispatch,
    problems: UseStateHandle<Vec<String>>,
    mut found: Vec<(String, Assessment)>,
    mut trouble: Vec<String>,
    pending: Vec<web_sys::File>,
) {
    wasm_bindgen_futures::spawn_local(async move {
        for file in pending {
            let name = file.name();
            if file.size() > readiness_core::codec::export::MAX_BYTES as f64 {
                trouble.push(format!("{name}: the file is too large to be an assessment"));
                continue;
            }
            match wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|text| text.as_string()) {
                Some(text) => match readiness_core::codec::export::decode(&text, &state.framework) {
                    Ok(assessment) => found.push((name, assessment)),
                    Err(errors) => trouble.push(format!("{name}: {}", errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))),
                },
                None => trouble.push(format!("{name}: the browser could not read the file")),
            }
        }
        let mut merged = (*state.participants).clone();
        for (label, assessment) in found {
            let fingerprint = aggregate::fingerprint(&assessment);
            match merged.iter().position(|(_, other)| aggregate::fingerprint(other) == fingerprint) {
                Some(at) => trouble.push(format!("{label}: the same answers as participant {} ({}), so not added again", at + 1, merged[at].0)),
                None => {
                    let label = if assessment.title.trim().is_empty() { label } else { format!("{} ({label})", assessment.title.trim()) };
                    merged.push((label, assessment));
                }
            }
        }
        dispatch.dispatch(Msg::Participants(Rc::new(merged)));
        problems.set(trouble);
    });
}
