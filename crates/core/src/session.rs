//! The wizard as a pure state machine: a [`Session`] (the answers, where the user is, and the
//! errors on the page) changed only by [`Session::apply`] with an [`Action`]. The web app keeps
//! one in a reducer; tests drive it natively. Times arrive inside actions, read by whoever
//! creates the action, so that the session never reads a clock.

use crate::answer::{Answer, Assessment, Choice, Rating, Value};
use crate::codec::export::{MAX_NOTE, MAX_TEXT, MAX_TITLE};
use crate::framework::{Framework, ItemKind};
use crate::ids::{ItemId, SectionId};

/// Where the user is. Each route has a URL fragment, so Back, Forward and reload work.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Route {
    /// The start page.
    #[default]
    Start,
    /// The task list of sections.
    Tasks,
    /// One section's questions.
    Section {
        /// Which section.
        id: SectionId,
        /// Came from "Check your answers", so saving returns there.
        from_check: bool,
        /// An item to bring into view and focus.
        focus: Option<ItemId>,
    },
    /// Check your answers.
    Check,
    /// The results.
    Results,
    /// The list of saved assessments: create, rename, duplicate, delete, switch.
    Assessments,
    /// Importing an assessment from a file.
    Import,
    /// A share link, holding answers in its payload.
    Share(String),
    /// Two assessments side by side, by their library ids (empty for none chosen).
    Compare {
        /// The earlier one.
        before: String,
        /// The later one.
        after: String,
    },
    /// The workshop: the facilitator's controls, the projector, or merging participants.
    Workshop(WorkshopView),
    /// A fragment that names no page.
    NotFound(String),
}

/// The workshop's views.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkshopView {
    /// The facilitator's controls, notes and "next up".
    Presenter,
    /// The room's view in the same window as the controls (keys still work).
    Present,
    /// The room's view in a window of its own, following the presenter's.
    Projector,
    /// Merging participants' answers from links and files.
    Merge,
}

impl Route {
    /// The route a URL fragment names (with or without its `#`).
    pub fn parse(fragment: &str) -> Route {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        let (path, query) = fragment.split_once('?').unwrap_or((fragment, ""));
        let path = path.trim_end_matches('/');
        match path {
            "" | "/start" => Route::Start,
            "/tasks" => Route::Tasks,
            "/check" => Route::Check,
            "/results" => Route::Results,
            "/assessments" => Route::Assessments,
            "/workshop" => Route::Workshop(WorkshopView::Presenter),
            "/workshop/present" => Route::Workshop(WorkshopView::Present),
            "/workshop/projector" => Route::Workshop(WorkshopView::Projector),
            "/workshop/merge" => Route::Workshop(WorkshopView::Merge),
            "/import" => Route::Import,
            "/compare" => {
                let (mut before, mut after) = (String::new(), String::new());
                for pair in query.split('&') {
                    match pair.split_once('=') {
                        Some(("before", id)) if crate::ids::is_kebab(id) => before = id.to_owned(),
                        Some(("after", id)) if crate::ids::is_kebab(id) => after = id.to_owned(),
                        _ => {}
                    }
                }
                Route::Compare { before, after }
            }
            _ if path.starts_with("/share/") => Route::Share(path["/share/".len()..].to_owned()),
            _ => match path.strip_prefix("/section/") {
                Some(id) if crate::ids::is_kebab(id) => {
                    let mut from_check = false;
                    let mut focus = None;
                    for pair in query.split('&') {
                        match pair.split_once('=') {
                            Some(("from", "check")) => from_check = true,
                            Some(("item", item)) if crate::ids::is_kebab(item) => focus = Some(ItemId::new(item)),
                            _ => {}
                        }
                    }
                    Route::Section { id: SectionId::new(id), from_check, focus }
                }
                _ => Route::NotFound(fragment.chars().take(200).collect()),
            },
        }
    }

    /// The URL fragment for this route, with its `#`.
    pub fn to_fragment(&self) -> String {
        match self {
            Route::Start => "#/".to_owned(),
            Route::Tasks => "#/tasks".to_owned(),
            Route::Check => "#/check".to_owned(),
            Route::Results => "#/results".to_owned(),
            Route::Assessments => "#/assessments".to_owned(),
            Route::Workshop(WorkshopView::Presenter) => "#/workshop".to_owned(),
            Route::Workshop(WorkshopView::Present) => "#/workshop/present".to_owned(),
            Route::Workshop(WorkshopView::Projector) => "#/workshop/projector".to_owned(),
            Route::Workshop(WorkshopView::Merge) => "#/workshop/merge".to_owned(),
            Route::Import => "#/import".to_owned(),
            Route::Share(payload) => format!("#/share/{payload}"),
            Route::Compare { before, after } => match (before.is_empty(), after.is_empty()) {
                (true, true) => "#/compare".to_owned(),
                _ => format!("#/compare?before={before}&after={after}"),
            },
            Route::Section { id, from_check, focus } => {
                let mut query = Vec::new();
                if *from_check {
                    query.push("from=check".to_owned());
                }
                if let Some(item) = focus {
                    query.push(format!("item={item}"));
                }
                if query.is_empty() { format!("#/section/{id}") } else { format!("#/section/{id}?{}", query.join("&")) }
            }
            Route::NotFound(fragment) => format!("#{fragment}"),
        }
    }

    /// The route of a section page.
    pub fn section(id: &SectionId) -> Route {
        Route::Section { id: id.clone(), from_check: false, focus: None }
    }
}

/// The part of an item an error concerns, so the error summary can link to its control.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The answer (radios or text).
    Value,
    /// The note.
    Note,
    /// The priority checkbox.
    Priority,
}

/// An error on the current page, shown in the error summary and beside its field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The item.
    pub item: ItemId,
    /// Which of its controls.
    pub field: Field,
    /// What to do, in the GOV.UK style ("Choose …").
    pub message: String,
}

/// Something the user did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Go to a page.
    Go(Route),
    /// Rate an item (a level or "Not sure").
    Rate {
        /// The item.
        item: ItemId,
        /// The rating.
        rating: Rating,
        /// When, as an RFC 3339 timestamp.
        at: String,
    },
    /// Answer a challenge question.
    Choose {
        /// The item.
        item: ItemId,
        /// The choice.
        choice: Choice,
        /// When.
        at: String,
    },
    /// Write a vision answer.
    Write {
        /// The item.
        item: ItemId,
        /// The whole text.
        text: String,
        /// When.
        at: String,
    },
    /// Write an item's note.
    Note {
        /// The item.
        item: ItemId,
        /// The whole note.
        note: String,
        /// When.
        at: String,
    },
    /// Flag or unflag an item as a priority.
    Priority {
        /// The item.
        item: ItemId,
        /// Flagged or not.
        on: bool,
        /// When.
        at: String,
    },
    /// Remove an item's answer, keeping its note.
    Clear {
        /// The item.
        item: ItemId,
        /// When.
        at: String,
    },
    /// Name the assessment.
    Title {
        /// The title.
        title: String,
        /// When.
        at: String,
    },
    /// "Save and continue" on a section page: check its answers, then move on.
    SaveSection,
    /// Replace every answer, as when loading saved work.
    Replace(Assessment),
}

/// The state of one person's pass through the assessment.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Session {
    /// The answers.
    pub assessment: Assessment,
    /// The current page.
    pub route: Route,
    /// Errors on the current page, from the last "Save and continue".
    pub errors: Vec<FieldError>,
}

impl Session {
    /// A new session with no answers, on the start page.
    pub fn new(framework: &Framework) -> Session {
        let mut session = Session::default();
        session.assessment.framework = crate::answer::FrameworkRef { id: framework.id.clone(), version: framework.version.clone() };
        session
    }

    /// Applies an action; returns whether anything changed. Actions naming an item the
    /// framework does not have, or an answer of the wrong kind for it, change nothing.
    pub fn apply(&mut self, framework: &Framework, action: Action) -> bool {
        match action {
            Action::Go(route) => {
                let changed = self.route != route || !self.errors.is_empty();
                self.route = route;
                self.errors.clear();
                changed
            }
            Action::Rate { item, rating, at } => {
                let valid = matches!(rating, Rating::NotSure | Rating::Level(0..=crate::answer::TOP_LEVEL));
                valid && self.edit(framework, &item, |kind| kind == ItemKind::Rating, at, |answer| answer.value = Some(Value::Rating(rating)))
            }
            Action::Choose { item, choice, at } => {
                self.edit(framework, &item, |kind| kind == ItemKind::Choice, at, |answer| answer.value = Some(Value::Choice(choice)))
            }
            // Text beyond the limits is cut here, so that whatever the session holds can be saved
            // and read back; the text fields' maxlength stops typing at the same limits.
            Action::Write { item, text, at } => {
                let text = cut(text, MAX_TEXT);
                self.edit(framework, &item, |kind| kind == ItemKind::Text, at, |answer| answer.value = Some(Value::Text(text)))
            }
            Action::Note { item, note, at } => {
                let note = cut(note, MAX_NOTE);
                self.edit(framework, &item, is_scored, at, |answer| answer.note = note)
            }
            Action::Priority { item, on, at } => self.edit(framework, &item, is_scored, at, |answer| answer.priority = on),
            Action::Clear { item, at } => self.edit(framework, &item, |_| true, at, |answer| answer.value = None),
            Action::Title { title, at } => {
                let title = cut(title, MAX_TITLE);
                if self.assessment.title == title {
                    return false;
                }
                self.assessment.title = title;
                self.assessment.updated = Some(at);
                true
            }
            Action::SaveSection => self.save_section(framework),
            Action::Replace(assessment) => {
                let changed = self.assessment != assessment;
                self.assessment = assessment;
                changed
            }
        }
    }

    /// Changes one item's answer, if the item exists and `fits` accepts its kind.
    fn edit(&mut self, framework: &Framework, item_id: &ItemId, fits: impl Fn(ItemKind) -> bool, at: String, change: impl FnOnce(&mut Answer)) -> bool {
        let Some(item) = framework.item(item_id.as_str()) else { return false };
        if !fits(item.kind) {
            return false;
        }
        let mut answer = self.assessment.answers.get(item_id).cloned().unwrap_or_default();
        let before = answer.clone();
        change(&mut answer);
        if answer == before {
            return false;
        }
        if answer.is_empty() {
            self.assessment.answers.remove(item_id);
        } else {
            self.assessment.answers.insert(item.id.clone(), answer);
        }
        self.assessment.updated = Some(at);
        true
    }

    /// The checks "Save and continue" makes on the current section.
    pub fn section_errors(&self, framework: &Framework, section: usize) -> Vec<FieldError> {
        let mut errors = Vec::new();
        for &position in &framework.sections[section].items {
            let item = &framework.items[position];
            let Some(answer) = self.assessment.answer(item.id.as_str()) else { continue };
            if answer.priority && answer.value.is_none() {
                errors.push(FieldError {
                    item: item.id.clone(),
                    field: Field::Priority,
                    message: format!("Choose an answer for ‘{}’, or untick ‘This is a priority for us’", item.label),
                });
            }
            if answer.note.chars().count() > MAX_NOTE {
                errors.push(FieldError {
                    item: item.id.clone(),
                    field: Field::Note,
                    message: format!("The note for ‘{}’ must be {} characters or fewer", item.label, thousands(MAX_NOTE)),
                });
            }
            if answer.text().is_some_and(|text| text.chars().count() > MAX_TEXT) {
                errors.push(FieldError {
                    item: item.id.clone(),
                    field: Field::Value,
                    message: format!("Your answer to ‘{}’ must be {} characters or fewer", item.label, thousands(MAX_TEXT)),
                });
            }
        }
        errors
    }

    fn save_section(&mut self, framework: &Framework) -> bool {
        let Route::Section { id, from_check, .. } = &self.route else { return false };
        let Some(position) = framework.section_position(id.as_str()) else { return false };
        let errors = self.section_errors(framework, position);
        if !errors.is_empty() {
            self.errors = errors;
            return true;
        }
        self.errors.clear();
        self.route = if *from_check {
            Route::Check
        } else {
            match framework.sections.get(position + 1) {
                Some(next) => Route::section(&next.id),
                None => Route::Check,
            }
        };
        true
    }
}

/// Cuts text to at most `max` characters.
fn cut(text: String, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((end, _)) => text[..end].to_owned(),
        None => text,
    }
}

/// Notes and priority flags belong to scored items, not free text.
fn is_scored(kind: ItemKind) -> bool {
    kind != ItemKind::Text
}

/// Writes a count with thousands separators, as GOV.UK style does ("5,000").
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (position, digit) in digits.chars().enumerate() {
        if position > 0 && (digits.len() - position) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}
