//! The GOV.UK error summary: what is wrong on the page, each message a link to its field.
//! It is focused when it appears (see `app::use_page_focus`), so screen readers announce it.

use readiness_core::Framework;
use readiness_core::framework::ItemKind;
use readiness_core::session::{Field, FieldError};
use yew::prelude::*;

use crate::components::layout::in_page_link;

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

/// The error summary for `errors` (in page order), or nothing when there are none.
pub fn error_summary(framework: &Framework, errors: &[FieldError]) -> Html {
    if errors.is_empty() {
        return Html::default();
    }
    html! {
        <div class="rc-error-summary" tabindex="-1">
            <div role="alert">
                <h2 class="rc-error-summary__title">{ "There is a problem" }</h2>
                <div class="rc-error-summary__body">
                    <ul class="rc-list rc-error-summary__list">
                        { for errors.iter().map(|error| {
                            // The control's id names the item and the field, so it is unique.
                            let target = field_id(framework, error);
                            html! {
                                <li key={target.clone()}>{ in_page_link(&target, error.message.clone()) }</li>
                            }
                        }) }
                    </ul>
                </div>
            </div>
        </div>
    }
}
