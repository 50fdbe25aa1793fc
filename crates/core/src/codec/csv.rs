//! The answers as CSV for spreadsheets: one row per item of the framework, in its order, then
//! one row per retired answer. Documented in `docs/export-format.md`.
//!
//! RFC 4180 with CRLF line ends, after a UTF-8 byte order mark so that spreadsheets read accents.
//! A cell that a spreadsheet could take for a formula (first character `=`, `+`, `-`, `@`, tab
//! or carriage return) starts with `'`, so that opening the file never runs what someone typed.

use crate::answer::{Answer, Assessment, Rating, Value};
use crate::framework::{Framework, Scale};

/// The header row.
pub const HEADER: [&str; 7] = ["Section", "Item id", "Item", "Answer", "Level", "Priority", "Note"];
/// The section named for answers to items the framework no longer has.
pub const RETIRED_SECTION: &str = "Retired items";

/// Writes the assessment as CSV.
pub fn encode(framework: &Framework, assessment: &Assessment) -> String {
    let mut out = String::from("\u{feff}");
    row(&mut out, &HEADER);
    for item in &framework.items {
        let scale = framework.scale_of(item);
        let answer = assessment.answer(item.id.as_str());
        answer_row(&mut out, framework, Some(scale), &framework.sections[item.section].title, item.id.as_str(), &item.label, answer);
    }
    for (id, answer) in &assessment.retired {
        answer_row(&mut out, framework, None, RETIRED_SECTION, id.as_str(), "", Some(answer));
    }
    out
}

fn answer_row(out: &mut String, framework: &Framework, scale: Option<&Scale>, section: &str, id: &str, label: &str, answer: Option<&Answer>) {
    let (words, level) = answer.and_then(|answer| answer.value.as_ref()).map(|value| words(framework, scale, value)).unwrap_or_default();
    let level = level.map(|level| level.to_string()).unwrap_or_default();
    let priority = if answer.is_some_and(|answer| answer.priority) { "Yes" } else { "" };
    let note = answer.map_or("", |answer| answer.note.as_str());
    row(out, &[section, id, label, &words, &level, priority, note]);
}

/// An answer in words ("Developing", "Not sure", "Yes", the text itself) and its level, if it
/// is one. Names come from `scale`, the item's own; an answer to a retired item has none, so a
/// level is "Level 2" and other names come from the framework's first scale that has them.
pub(crate) fn words(framework: &Framework, scale: Option<&Scale>, value: &Value) -> (String, Option<u8>) {
    let name = |find: &dyn Fn(&Scale) -> Option<&str>| scale.into_iter().chain(&framework.scales).find_map(find).map(str::to_owned);
    match value {
        Value::Rating(Rating::Level(level)) => {
            let named = scale.and_then(|scale| scale.level_name(*level)).map(str::to_owned);
            (named.unwrap_or_else(|| format!("Level {level}")), Some(*level))
        }
        Value::Rating(Rating::NotSure) => (name(&Scale::not_sure_name).unwrap_or_else(|| "Not sure".to_owned()), None),
        Value::Choice(choice) => (name(&|scale: &Scale| scale.choice_name(*choice)).unwrap_or_else(|| choice.id().to_owned()), None),
        Value::Text(text) => (text.clone(), None),
    }
}

/// Appends one CSV record: RFC 4180 quoting, CRLF, and a `'` before a cell a spreadsheet could
/// take for a formula (first character `=`, `+`, `-`, `@`, tab or carriage return). Every CSV
/// this project writes goes through here.
pub fn row(out: &mut String, cells: &[&str]) {
    for (position, cell) in cells.iter().enumerate() {
        if position > 0 {
            out.push(',');
        }
        let guarded = if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{cell}") } else { (*cell).to_owned() };
        if guarded.contains([',', '"', '\r', '\n']) {
            out.push('"');
            out.push_str(&guarded.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&guarded);
        }
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::row;

    #[test]
    fn cells_are_quoted_and_guarded() {
        let mut out = String::new();
        row(&mut out, &["plain", "a,b", "say \"hi\"", "two\nlines", "=1+1", "-3", "", "\rx"]);
        assert_eq!(out, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",'=1+1,'-3,,\"'\rx\"\r\n");
    }
}
