//! The export format, version 1: one assessment as JSON. Documented in `docs/export-format.md`.
//!
//! ```json
//! {"format": "readiness-assessment", "version": 1,
//!  "framework": {"id": "rethinking-childrens-social-work", "version": "1.0"},
//!  "title": "Baseline 2026", "updated": "2026-11-22T10:00:00Z",
//!  "answers": {"shared-practice-theory": {"value": 2, "note": "…", "priority": true},
//!              "case-recording": {"value": "yes"},
//!              "how-we-help": {"text": "…"}}}
//! ```
//!
//! Decoding checks the whole file against the framework and returns every problem with its
//! path, or an assessment that is entirely valid: never part of one.

use crate::json::Value as JsonValue;

use super::Json;

use crate::answer::{Answer, Assessment, Choice, FrameworkRef, Rating, TOP_LEVEL, Value, is_timestamp};
use crate::framework::{Framework, ItemKind};
use crate::ids::{FrameworkId, ItemId};
use crate::problem::{Problem, quote, type_name};
use crate::reader::Reader;

/// The value of `format` that marks an export.
pub const FORMAT: &str = "readiness-assessment";
/// The newest export format version this code reads and the one it writes.
pub const VERSION: u64 = 1;
/// The largest export file accepted, in bytes.
pub const MAX_BYTES: usize = 1024 * 1024;
/// The longest title, in characters.
pub const MAX_TITLE: usize = 200;
/// The longest note, in characters.
pub const MAX_NOTE: usize = 5000;
/// The longest vision answer, in characters.
pub const MAX_TEXT: usize = 10000;
/// The value that stands for "Not sure".
pub const NOT_SURE: &str = "not-sure";

/// Writes an assessment as export JSON, answers in the framework's order (answers to ids the
/// framework does not know follow, in id order, so nothing is dropped).
pub fn encode(framework: &Framework, assessment: &Assessment) -> String {
    let mut text = to_json(framework, assessment).pretty();
    text.push('\n');
    text
}

/// The export as a JSON value to write.
pub(crate) fn to_json<'a>(framework: &'a Framework, assessment: &'a Assessment) -> Json<'a> {
    let known = framework.items.iter().map(|item| item.id.as_str());
    let unknown = assessment.answers.keys().map(ItemId::as_str).filter(|id| framework.item(id).is_none());
    let answers = known
        .chain(unknown)
        .filter_map(|id| assessment.answers.get_key_value(id))
        .filter(|(_, answer)| !answer.is_empty())
        .map(|(id, answer)| (id.as_str(), answer_json(answer)))
        .collect();
    let mut top = vec![
        ("format", Json::Text(FORMAT)),
        ("version", Json::Whole(VERSION)),
        ("framework", Json::Table(vec![("id", Json::Text(framework.id.as_str())), ("version", Json::Text(&framework.version))])),
        ("title", Json::Text(&assessment.title)),
    ];
    if let Some(updated) = &assessment.updated {
        top.push(("updated", Json::Text(updated)));
    }
    top.push(("answers", Json::Table(answers)));
    if !assessment.retired.is_empty() {
        top.push(("retired", Json::Table(assessment.retired.iter().map(|(id, answer)| (id.as_str(), answer_json(answer))).collect())));
    }
    Json::Table(top)
}

fn answer_json(answer: &Answer) -> Json<'_> {
    let mut fields = Vec::new();
    match &answer.value {
        Some(Value::Rating(Rating::Level(level))) => fields.push(("value", Json::Whole(u64::from(*level)))),
        Some(Value::Rating(Rating::NotSure)) => fields.push(("value", Json::Text(NOT_SURE))),
        Some(Value::Choice(choice)) => fields.push(("value", Json::Text(choice.id()))),
        Some(Value::Text(text)) => fields.push(("text", Json::Text(text))),
        None => {}
    }
    if !answer.note.is_empty() {
        fields.push(("note", Json::Text(&answer.note)));
    }
    if answer.priority {
        fields.push(("priority", Json::Flag(true)));
    }
    Json::Table(fields)
}

/// Reads an export file and checks it against `framework`.
pub fn decode(text: &str, framework: &Framework) -> Result<Assessment, Vec<Problem>> {
    if text.len() > MAX_BYTES {
        return Err(vec![Problem::new("", format!("this file is {} bytes; an assessment file is at most {} bytes", text.len(), MAX_BYTES))]);
    }
    let value = super::parse_json(text)?;
    decode_value(&value, framework)
}

/// Checks an export already parsed into a JSON value tree.
pub fn decode_value(value: &JsonValue, framework: &Framework) -> Result<Assessment, Vec<Problem>> {
    let mut reader = Reader::default();
    let assessment = read(&mut reader, value, framework);
    match assessment {
        Some(assessment) if reader.problems.is_empty() => Ok(assessment),
        _ => Err(reader.problems),
    }
}

fn read(reader: &mut Reader, value: &JsonValue, framework: &Framework) -> Option<Assessment> {
    let mut top = reader.table("", value)?;
    match top.take("format") {
        Some(JsonValue::String(format)) if format == FORMAT => {}
        Some(JsonValue::String(format)) if format == crate::framework::FORMAT => {
            reader.problem("format", "this is a framework file, not an assessment");
            return None;
        }
        Some(other) => {
            let found = other.as_str().map(quote).unwrap_or_else(|| type_name(other).to_owned());
            reader.problem("format", format!("expected \"{FORMAT}\", found {found}: this is not a readiness assessment"));
            return None;
        }
        None => {
            reader.problem("format", format!("missing: an assessment file says \"format\": \"{FORMAT}\""));
            return None;
        }
    }
    match top.take("version") {
        None => {
            reader.problem("version", "missing: say which version of the export format this is");
            return None;
        }
        Some(version) => match version.as_u64() {
            Some(VERSION) => {}
            Some(newer) if newer > VERSION => {
                reader.problem(
                    "version",
                    format!("this file uses export format version {newer}, newer than this tool reads ({VERSION}): use a newer version of the tool"),
                );
                return None;
            }
            _ => {
                reader.problem("version", format!("expected export format version {VERSION}, found {version}"));
                return None;
            }
        },
    }
    let framework_ref = read_framework_ref(reader, &mut top, framework)?;
    let title = reader.opt_text(&mut top, "title").unwrap_or_default();
    if title.chars().count() > MAX_TITLE {
        reader.problem("title", format!("is {} characters; a title is at most {MAX_TITLE}", title.chars().count()));
    }
    let updated = reader.opt_text(&mut top, "updated");
    if let Some(updated) = &updated
        && !is_timestamp(updated)
    {
        reader.problem("updated", format!("{} is not a date and time such as 2026-11-22T10:00:00Z", quote(updated)));
    }
    // Answers given against another version of the framework are migrated: what the framework
    // still has is checked as usual; answers to items it no longer has are kept as retired.
    let migrating = framework_ref.version != framework.version;
    let mut assessment = Assessment { framework: framework_ref, title, updated, ..Assessment::default() };
    match top.take("answers") {
        None => reader.problem("answers", "missing: an assessment file has an \"answers\" table, even if it is empty"),
        Some(answers) => read_answers(reader, answers, framework, migrating, &mut assessment),
    }
    if let Some(retired) = top.take("retired")
        && let Some(mut entries) = reader.table("retired", retired)
    {
        entries.take_all();
        for (id, entry) in entries.entries() {
            let path = entries.path_of(id);
            if !crate::ids::is_kebab(id) {
                reader.problem(path, "is not an item id (lower-case words joined by hyphens)");
            } else if let Some(answer) = read_retired(reader, &path, entry) {
                assessment.retired.insert(ItemId::new(id), answer);
            }
        }
    }
    reader.finish(top);
    Some(assessment)
}

fn read_framework_ref(reader: &mut Reader, top: &mut crate::reader::Fields<'_>, framework: &Framework) -> Option<FrameworkRef> {
    let Some(value) = top.take("framework") else {
        reader.problem("framework", "missing: say which framework the answers were given against");
        return None;
    };
    let mut fields = reader.table("framework", value)?;
    let id = reader.text(&mut fields, "id");
    let version = reader.text(&mut fields, "version");
    reader.finish(fields);
    let (id, version) = (id?, version?);
    if id != framework.id.as_str() {
        reader.problem("framework.id", format!("these answers are for the framework {}, not {}", quote(&id), quote(framework.id.as_str())));
        return None;
    }
    Some(FrameworkRef { id: FrameworkId::new(id), version })
}

fn read_answers(reader: &mut Reader, value: &JsonValue, framework: &Framework, migrating: bool, assessment: &mut Assessment) {
    let Some(mut answers) = reader.table("answers", value) else { return };
    answers.take_all();
    for (id, entry) in answers.entries() {
        let path = answers.path_of(id);
        let Some(item) = framework.item(id) else {
            if !migrating {
                reader.problem(path, format!("unknown item {}: framework {} {} has no such item", quote(id), framework.id, framework.version));
            } else if !crate::ids::is_kebab(id) {
                reader.problem(path, "is not an item id (lower-case words joined by hyphens)");
            } else if let Some(answer) = read_retired(reader, &path, entry) {
                assessment.retired.insert(ItemId::new(id), answer);
            }
            continue;
        };
        let Some(mut fields) = reader.table(&path, entry) else { continue };
        let mut answer = Answer::default();
        match item.kind {
            ItemKind::Rating | ItemKind::Choice => {
                if let Some(value) = fields.take("value") {
                    answer.value = read_value(reader, &fields.path_of("value"), value, item.kind);
                }
                if let Some(note) = reader.opt_text(&mut fields, "note") {
                    if note.chars().count() > MAX_NOTE {
                        reader.problem(fields.path_of("note"), format!("is {} characters; a note is at most {MAX_NOTE}", note.chars().count()));
                    }
                    answer.note = note;
                }
                answer.priority = reader.opt_bool(&mut fields, "priority").unwrap_or(false);
            }
            ItemKind::Text => {
                if let Some(text) = reader.opt_text(&mut fields, "text") {
                    if text.chars().count() > MAX_TEXT {
                        reader.problem(fields.path_of("text"), format!("is {} characters; an answer is at most {MAX_TEXT}", text.chars().count()));
                    }
                    answer.value = Some(Value::Text(text));
                }
                for not_here in ["value", "note", "priority"] {
                    if fields.take_forbidden(not_here).is_some() {
                        reader.problem(fields.path_of(not_here), format!("{} is a free-text question: give its answer as \"text\"", quote(id)));
                    }
                }
            }
        }
        reader.finish(fields);
        if !answer.is_empty() {
            assessment.answers.insert(item.id.clone(), answer);
        }
    }
}

/// Reads an answer to an item the framework does not have, taking its kind from its value.
fn read_retired(reader: &mut Reader, path: &str, entry: &JsonValue) -> Option<Answer> {
    let mut fields = reader.table(path, entry)?;
    let mut answer = Answer::default();
    if let Some(value) = fields.take("value") {
        answer.value = match value {
            JsonValue::String(text) if text == NOT_SURE => Some(Value::Rating(Rating::NotSure)),
            JsonValue::String(text) if Choice::from_id(text).is_some() => Choice::from_id(text).map(Value::Choice),
            _ => read_value(reader, &fields.path_of("value"), value, ItemKind::Rating),
        };
    }
    if let Some(text) = reader.opt_text(&mut fields, "text") {
        if text.chars().count() > MAX_TEXT {
            reader.problem(fields.path_of("text"), format!("is {} characters; an answer is at most {MAX_TEXT}", text.chars().count()));
        }
        if answer.value.is_some() {
            reader.problem(fields.path_of("text"), "an answer has a \"value\" or a \"text\", not both");
        }
        answer.value = Some(Value::Text(text));
    }
    if let Some(note) = reader.opt_text(&mut fields, "note") {
        if note.chars().count() > MAX_NOTE {
            reader.problem(fields.path_of("note"), format!("is {} characters; a note is at most {MAX_NOTE}", note.chars().count()));
        }
        answer.note = note;
    }
    answer.priority = reader.opt_bool(&mut fields, "priority").unwrap_or(false);
    reader.finish(fields);
    (!answer.is_empty()).then_some(answer)
}

fn read_value(reader: &mut Reader, path: &str, value: &JsonValue, kind: ItemKind) -> Option<Value> {
    match kind {
        ItemKind::Rating => match value {
            JsonValue::String(text) if text == NOT_SURE => Some(Value::Rating(Rating::NotSure)),
            JsonValue::Number(_) => reader.as_whole(path, value, 0..=u64::from(TOP_LEVEL)).map(|level| Value::Rating(Rating::Level(level as u8))),
            other => {
                let found = other.as_str().map(quote).unwrap_or_else(|| type_name(other).to_owned());
                reader.problem(path, format!("expected a level from 0 to {TOP_LEVEL} or \"{NOT_SURE}\", found {found}"));
                None
            }
        },
        ItemKind::Choice => match value.as_str().and_then(Choice::from_id) {
            Some(choice) => Some(Value::Choice(choice)),
            None => {
                let found = value.as_str().map(quote).unwrap_or_else(|| type_name(value).to_owned());
                reader.problem(path, format!("expected \"yes\", \"partly\", \"no\" or \"{NOT_SURE}\", found {found}"));
                None
            }
        },
        ItemKind::Text => None,
    }
}
