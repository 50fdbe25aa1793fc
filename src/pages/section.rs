//! One section's questions, with "Save and continue".

use readiness_core::{Action, Route};
use yew::prelude::*;

use crate::components::error_summary::error_summary;
use crate::components::question::Question;
use crate::state::{AppHandle, Fixed, Msg};

/// The page of the section at position `position` in the framework. Its questions are
/// components, so that only the one whose answer changed renders again.
pub fn section_page(state: &AppHandle, position: usize) -> Html {
    let framework = &state.framework;
    let dispatch = state.dispatcher();
    let section = &framework.sections[position];
    let fixed = Fixed { framework: framework.clone(), dispatch: dispatch.clone() };
    let assessment = &state.session.assessment;
    let errors = &state.session.errors;
    let n_answered = section.items.iter().filter(|&&item| readiness_core::score::is_answered(framework, assessment, &framework.items[item])).count();
    let rated = section.items.iter().any(|&item| framework.items[item].kind == readiness_core::framework::ItemKind::Rating);
    let from_check = matches!(&state.session.route, Route::Section { from_check: true, .. });
    let onsubmit = Callback::from(move |event: SubmitEvent| {
        event.prevent_default();
        dispatch.dispatch(Msg::Do(Action::SaveSection));
    });
    let back = if from_check { "#/check" } else { "#/tasks" };
    html! {
        <>
            <a href={back} class="rc-back-link">{ if from_check { "Back to check your answers" } else { "Back to your assessment" } }</a>
            <div class="rc-grid-row">
                <div class="rc-grid-column-two-thirds">
                    { error_summary(framework, errors) }
                    <span class="rc-caption-l">{ format!("Section {} of {}", position + 1, framework.sections.len()) }</span>
                    <h1 class="rc-heading-l" tabindex="-1">{ section.title.clone() }</h1>
                    <p class="rc-body">{ section.intro.clone() }</p>
                    <p class="rc-body rc-progress">{ format!("{n_answered} of {} questions in this section answered.", section.items.len()) }</p>
                    if rated {
                        <div class="rc-keyboard-hint">
                            <p class="rc-body-s">{ "Keyboard: Tab moves between questions, arrow keys move between answers, and the number keys 0 to 4 choose a level for the question you are on." }</p>
                        </div>
                    }
                    <form novalidate=true {onsubmit}>
                        { for section.items.iter().enumerate().map(|(index, &position)| {
                            let item = &framework.items[position];
                            let item_errors: Vec<_> = errors.iter().filter(|error| error.item == item.id).cloned().collect();
                            html! {
                                <Question key={item.id.to_string()} fixed={fixed.clone()} item={position} answer={assessment.answer(item.id.as_str()).cloned()} errors={item_errors} number={index + 1} count={section.items.len()} />
                            }
                        }) }
                        <div class="rc-button-group">
                            <button type="submit" class="rc-button">{ "Save and continue" }</button>
                            <a class="rc-link" href={back}>{ if from_check { "Return to check your answers" } else { "Return to your assessment" } }</a>
                        </div>
                    </form>
                </div>
            </div>
        </>
    }
}
