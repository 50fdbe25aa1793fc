//! Six questions of five radio buttons, a count of answers, one reducer: about the least a Yew
//! app can be, to show what Yew itself costs the first load (docs/performance.md).

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use yew::prelude::*;

const QUESTIONS: [&str; 6] = ["Question one", "Question two", "Question three", "Question four", "Question five", "Question six"];

#[derive(Clone, PartialEq)]
struct Answers(Vec<Option<u8>>);

impl Reducible for Answers {
    type Action = (usize, u8);

    fn reduce(self: Rc<Self>, (question, level): (usize, u8)) -> Rc<Self> {
        let mut answers = self.0.clone();
        if let Some(slot) = answers.get_mut(question) {
            *slot = Some(level);
        }
        Rc::new(Answers(answers))
    }
}

#[component]
fn App() -> Html {
    let answers = use_reducer(|| Answers(vec![None; QUESTIONS.len()]));
    let answered = answers.0.iter().filter(|answer| answer.is_some()).count();
    html! {
        <form>
            { for QUESTIONS.iter().enumerate().map(|(question, text)| html! {
                <fieldset>
                    <legend>{ *text }</legend>
                    { for (0u8..5).map(|level| {
                        let id = format!("q{question}-{level}");
                        let dispatcher = answers.dispatcher();
                        let onchange = Callback::from(move |_: Event| dispatcher.dispatch((question, level)));
                        html! {
                            <>
                                <input type="radio" id={id.clone()} name={format!("q{question}")} checked={answers.0[question] == Some(level)} {onchange} />
                                <label for={id}>{ level }</label>
                            </>
                        }
                    }) }
                </fieldset>
            }) }
            <p>{ format!("{answered} of {} answered", QUESTIONS.len()) }</p>
        </form>
    }
}

/// Mounts the app in `root`.
#[wasm_bindgen]
pub fn start(root: web_sys::Element) {
    yew::Renderer::<App>::with_root(root).render();
}
