//! The GOV.UK error summary: what is wrong on the page, each message a link to its field.
//! It is focused when it appears (see `app::use_page_focus`), so screen readers announce it.

use readiness_core::Framework;
use readiness_core::framework::ItemKind;
use readiness_core::session::{Field, FieldError};
use yew::prelude::*;

use crate::components::layout::InPageLink;

/// The id of the control an error is about.
pub fn field_id(framework: &Framework, error: &FieldError) -> String {
    let item = &error.item;
    match error.field {
        Field::Priority => format!("{item}-priority"),
        Field::Note => format!("{item}-note"),
        Field::Value => match framework.item(item.as_str()).map(|found| found.kind) {
            Some(ItemKind::Text) => format!("{item}-text"),
            Some(ItemKind::Choice) => format!("{item}-yes"),
            _ => format!("{item}-0"),
        },
    }
}

/// Properties of the error summary.
#[derive(Properties, PartialEq)]
pub struct ErrorSummaryProps {
    /// The errors, in page order.
    pub errors: Vec<FieldError>,
}

/// The error summary, or nothing when there are no errors.
#[component]
pub fn ErrorSummary(props: &ErrorSummaryProps) -> Html {
    let framework = crate::state::use_framework();
    if props.errors.is_empty() {
        return Html::default();
    }
    html! {
        <div class="rc-error-summary" tabindex="-1">
            <div role="alert">
                <h2 class="rc-error-summary__title">{ "There is a problem" }</h2>
                <div class="rc-error-summary__body">
                    <ul class="rc-list rc-error-summary__list">
                        { for props.errors.iter().map(|error| html! {
                            <li key={format!("{}-{:?}", error.item, error.field)}>
                                <InPageLink target={field_id(&framework, error)}>{ error.message.clone() }</InPageLink>
                            </li>
                        }) }
                    </ul>
                </div>
            </div>
        </div>
    }
}
