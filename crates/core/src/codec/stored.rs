//! What the app keeps in browser storage: an envelope around an export-format assessment,
//!
//! ```json
//! {"version": 1, "saved_at": "2026-11-22T10:00:00Z", "revision": 12, "data": { …export v1… }}
//! ```
//!
//! `version` is the envelope's own version, so that storage can change shape without the export
//! format changing; `revision` counts saves, so that a second tab's write can be noticed.

use super::{Json, export};
use crate::answer::{Assessment, is_timestamp};
use crate::framework::Framework;
use crate::problem::{Problem, quote};
use crate::reader::Reader;

/// The envelope version this code writes and reads.
pub const VERSION: u64 = 1;

/// A stored assessment with its envelope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    /// The answers.
    pub assessment: Assessment,
    /// When it was saved.
    pub saved_at: String,
    /// How many times it has been saved.
    pub revision: u64,
}

/// Writes an assessment in its storage envelope.
pub fn encode(framework: &Framework, assessment: &Assessment, saved_at: &str, revision: u64) -> String {
    let data = export::to_json(framework, assessment).compact();
    Json::Table(vec![("version", Json::Whole(VERSION)), ("saved_at", Json::Text(saved_at)), ("revision", Json::Whole(revision)), ("data", Json::Raw(&data))])
        .compact()
}

/// Reads a stored envelope, checking the assessment inside against `framework`.
pub fn decode(text: &str, framework: &Framework) -> Result<Stored, Vec<Problem>> {
    let value = super::parse_json(text)?;
    let mut reader = Reader::default();
    let Some(mut fields) = reader.table("", &value) else { return Err(reader.problems) };
    match fields.take("version").map(|version| version.as_u64()) {
        Some(Some(VERSION)) => {}
        Some(Some(newer)) if newer > VERSION => {
            return Err(vec![Problem::new("version", format!("saved by a newer version of this tool (storage version {newer})"))]);
        }
        Some(_) => return Err(vec![Problem::new("version", "not a storage version this tool knows")]),
        None => return Err(vec![Problem::new("version", "missing")]),
    }
    let saved_at = reader.text(&mut fields, "saved_at").unwrap_or_default();
    if !saved_at.is_empty() && !is_timestamp(&saved_at) {
        reader.problem("saved_at", format!("{} is not a date and time", quote(&saved_at)));
    }
    let revision = reader.opt_whole(&mut fields, "revision", 0..=u64::MAX).unwrap_or(0);
    let data = fields.take("data");
    reader.finish(fields);
    let assessment = match data {
        None => {
            reader.problem("data", "missing");
            None
        }
        Some(data) => match export::decode_value(data, framework) {
            Ok(assessment) => Some(assessment),
            Err(problems) => {
                reader.problems.extend(problems.into_iter().map(|problem| Problem::new(nested("data", &problem.path), problem.message)));
                None
            }
        },
    };
    match assessment {
        Some(assessment) if reader.problems.is_empty() => Ok(Stored { assessment, saved_at, revision }),
        _ => Err(reader.problems),
    }
}

/// A path inside the value at `outer`.
fn nested(outer: &str, path: &str) -> String {
    match path.chars().next() {
        None => outer.to_owned(),
        Some('[') => format!("{outer}{path}"),
        Some(_) => format!("{outer}.{path}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::{Answer, Rating, Value};

    #[test]
    fn round_trips_and_rejects_damage() {
        let framework = Framework::bundled();
        let mut assessment = Assessment { title: "Baseline".into(), ..Assessment::default() };
        assessment.framework.id = framework.id.clone();
        assessment.framework.version = framework.version.clone();
        assessment.answers.insert("learning-culture".into(), Answer { value: Some(Value::Rating(Rating::Level(3))), note: "<b>x</b>".into(), priority: true });
        let text = encode(&framework, &assessment, "2026-11-22T10:00:00Z", 7);
        let stored = decode(&text, &framework).expect("what was written reads back");
        assert_eq!(stored, Stored { assessment, saved_at: "2026-11-22T10:00:00Z".into(), revision: 7 });
        assert!(decode(&text[..text.len() - 3], &framework).is_err());
        let newer = text.replace("\"version\":1,\"saved_at\"", "\"version\":9,\"saved_at\"");
        assert_eq!(decode(&newer, &framework).unwrap_err()[0].message, "saved by a newer version of this tool (storage version 9)");
    }
}
