//! Renders the app's pages natively with Yew's server renderer and checks what they show: the
//! worked example's figures and chart geometry, the GOV.UK patterns (fieldsets, legends,
//! radios, task list statuses, summary lists), the provisional label, and that user text is
//! always escaped.

#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use readiness::app::{App, AppProps, Start};
use readiness::state::AppState;
use readiness_core::codec::export;
use readiness_core::session::{Field, FieldError};
use readiness_core::{Answer, Assessment, Framework, Rating, Route, SectionId, Session, Value};
use yew::LocalServerRenderer;

fn worked_example(framework: &Framework) -> Assessment {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/content/examples/worked-example.json"))
        .expect("the worked example is in content/examples");
    export::decode(&text, framework).expect("the worked example is valid")
}

async fn render(assessment: Assessment, route: Route, errors: Vec<FieldError>) -> String {
    let framework = Framework::bundled();
    let mut session = Session::new(&framework);
    session.assessment = assessment;
    session.route = route;
    session.errors = errors;
    let start = Start { state: AppState::with_session(framework, session, "test"), can_write: true, host: None, shell: None, handed_over: false };
    LocalServerRenderer::<App>::with_props(AppProps { start: Rc::new(start) }).hydratable(false).render().await
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

#[test]
fn the_app_starts_from_the_same_framework_the_core_loads() {
    // The app decodes the compact form its build script wrote; the core loads the JSON.
    assert_eq!(readiness::bundled_framework(), Framework::bundled());
}

#[tokio::test]
async fn results_show_the_worked_example() {
    let framework = Framework::bundled();
    let html = render(worked_example(&framework), Route::Results, vec![]).await;
    assert!(html.contains("Your profile: Lead and spread"), "profile heading");
    assert!(html.contains(r#"<dd class="rc-figures__value">50%</dd>"#), "maturity figure");
    assert!(html.contains(r#"<dd class="rc-figures__value">75%</dd>"#), "readiness figure");
    assert!(html.contains(r#"<dd class="rc-figures__value">100%</dd>"#), "completeness figure");
    assert!(html.contains("38.6% match"), "training funding's match");
    assert!(html.contains("Engaging children: No: social workers do not engage enough with children"), "a reason in words");
    assert!(!html.contains("Provisional"), "a complete assessment is not provisional");
    // Six suggestions, numbered, best first.
    assert!(html.contains("1. Delivery model assessment") && html.contains("6. Learning sets") && !html.contains("7. "));
    // The profile point: maturity 50% across and readiness 75% up a 392-unit square at (64, 16).
    assert!(html.contains(r#"cx="260" cy="114""#), "profile point at (260, 114)");
    // Three bars of half the 552-unit width, and the table that restates them.
    assert_eq!(count(&html, r#"width="276" height="28""#), 3);
    assert!(html.contains("Scores by section"));
    // Three domains in "Scores by section", and maturity in the profile's table.
    assert_eq!(count(&html, r#"<td class="rc-table__cell rc-table__cell--numeric">50%</td>"#), 4);
}

#[tokio::test]
async fn results_below_eighty_percent_are_provisional() {
    let framework = Framework::bundled();
    let mut assessment = worked_example(&framework);
    // Four of tools and practice's six items, and four challenge questions.
    for id in [
        "shared-practice-theory",
        "evidence-based-direct-work",
        "reflective-supervision",
        "theory-shared-language",
        "obstructive-processes",
        "case-recording",
        "checking-auditing",
        "case-conferences",
    ] {
        assessment.answers.remove(id);
    }
    let html = render(assessment, Route::Results, vec![]).await;
    assert!(html.contains("Provisional"));
    assert!(html.contains("29 of 37 questions answered (78.4%)"));
    assert!(html.contains("Not enough answers"), "a domain with fewer than half its items scored has no percent");
}

#[tokio::test]
async fn section_pages_are_fieldsets_with_labelled_radios() {
    let mut assessment = Assessment::default();
    assessment.answers.insert("reflective-supervision".into(), Answer { value: Some(Value::Rating(Rating::Level(2))), note: String::new(), priority: true });
    let html = render(assessment, Route::section(&SectionId::new("tools-practice")), vec![]).await;
    assert_eq!(count(&html, "<fieldset"), 6);
    assert!(html.contains(r#"<legend class="rc-fieldset__legend rc-fieldset__legend--m">The organisation has a shared theory of practice"#));
    assert_eq!(count(&html, r#"type="radio""#), 36, "five levels and Not sure for six items");
    assert!(html.contains(r#"<label for="shared-practice-theory-2" class="rc-label rc-radios__label">Developing</label>"#));
    assert!(html.contains(r#"id="shared-practice-theory-2" name="shared-practice-theory" type="radio" aria-describedby="shared-practice-theory-2-hint""#));
    assert!(html.contains("Level 2: In parts of the service, not yet consistent."), "each level's description is beside it");
    // Checked states are DOM properties, not attributes: the browser tests check them.
    assert!(html.contains("1 of 6 questions in this section answered."));
    assert!(html.contains("Save and continue"));
}

#[tokio::test]
async fn the_task_list_shows_each_status() {
    let framework = Framework::bundled();
    let mut assessment = worked_example(&framework);
    for id in ["shared-practice-theory", "evidence-based-direct-work"] {
        assessment.answers.remove(id);
    }
    let html = render(assessment, Route::Tasks, vec![]).await;
    assert!(html.contains(r#"<strong class="rc-tag rc-tag--light-blue">In progress</strong>"#), "tools and practice is part done");
    assert!(html.contains(r#"<strong class="rc-tag rc-tag--blue">Not started</strong>"#), "vision is untouched");
    assert_eq!(count(&html, ">Completed</div>"), 4);
    assert!(html.contains("answered 35 of 37 questions"));
}

#[tokio::test]
async fn user_text_is_never_html() {
    let framework = Framework::bundled();
    let mut assessment = worked_example(&framework);
    let hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    assessment.title = hostile.into();
    assessment.answers.insert("learning-culture".into(), Answer { value: Some(Value::Rating(Rating::Level(1))), note: hostile.into(), priority: false });
    assessment.answers.insert("how-we-help".into(), Answer { value: Some(Value::Text(hostile.into())), ..Answer::default() });
    for route in [Route::Check, Route::Results, Route::Tasks] {
        let html = render(assessment.clone(), route.clone(), vec![]).await;
        assert!(!html.contains("<script>alert"), "{route:?}");
        assert!(!html.contains("<img src=x"), "{route:?}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{route:?} shows the text as text");
    }
}

#[tokio::test]
async fn check_answers_is_a_summary_list_with_change_links() {
    let framework = Framework::bundled();
    let html = render(worked_example(&framework), Route::Check, vec![]).await;
    assert_eq!(count(&html, r#"<div class="rc-summary-card""#), 6);
    assert_eq!(count(&html, r#"<dd class="rc-summary-list__actions">"#), 40);
    assert!(html.contains(r##"href="#/section/tools-practice?from=check&amp;item=shared-practice-theory""##));
    assert!(html.contains("Developing (2)"));
    assert!(html.contains("See your results"));
}

#[tokio::test]
async fn errors_are_summarised_and_linked_to_their_fields() {
    let errors = vec![FieldError {
        item: "learning-culture".into(),
        field: Field::Priority,
        message: "Choose an answer for ‘Learning culture’, or untick ‘This is a priority for us’".into(),
    }];
    let route = Route::section(&SectionId::new("environment-culture"));
    let html = render(Assessment::default(), route, errors).await;
    assert!(html.contains("There is a problem"));
    assert!(html.contains(r##"href="#learning-culture-priority""##));
    assert!(html.contains("rc-form-group--error"));
    assert!(html.contains(r#"<span class="rc-visually-hidden">Error: </span>"#));
}

#[tokio::test]
async fn a_note_in_error_is_marked_invalid_and_its_group_in_error() {
    let errors = vec![FieldError { item: "learning-culture".into(), field: Field::Note, message: "The note is too long".into() }];
    let route = Route::section(&SectionId::new("environment-culture"));
    let html = render(Assessment::default(), route, errors).await;
    // Only the note in error is marked, and its group is the only one in error.
    assert_eq!(html.matches(r#"aria-invalid="true""#).count(), 1);
    let textarea = html
        .split("<textarea")
        .filter_map(|rest| rest.split('>').next())
        .find(|tag| tag.contains(r#"id="learning-culture-note""#))
        .expect("the note's textarea");
    assert!(textarea.contains(r#"aria-invalid="true""#));
    assert!(textarea.contains(r#"aria-describedby="learning-culture-note-error""#));
    assert_eq!(html.matches("rc-form-group rc-form-group--error").count(), 1);
}

#[tokio::test]
async fn the_start_page_credits_its_source() {
    let html = render(Assessment::default(), Route::Start, vec![]).await;
    assert!(html.contains("Open Government Licence v2.0"));
    assert!(html.contains("Rethinking children&#x27;s social work") || html.contains("Rethinking children's social work"));
    assert!(html.contains("about 20 minutes"));
    assert!(html.contains("Your answers stay in this browser"));
    assert!(html.contains("Start now"));
}
