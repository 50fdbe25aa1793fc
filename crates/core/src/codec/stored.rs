//! What the app keeps in browser storage: an envelope around an export-format assessment,
//!
//! ```json
//! {"version": 1, "saved_at": "2026-11-22T10:00:00Z", "revision": 12, "data": { …export v1… }}
//! ```
//!
//! `version` is the envelope's own version, so that storage can change shape without the export
//! format changing; `revision` counts saves, so that a second tab's write can be noticed.
//!
//! Versions:
//! - **1**: one assessment, under the key `<namespace>:<framework id>:current`.
//! - **2**: several named assessments. A [`Library`] under `<namespace>:<framework id>:library`
//!   lists them; each is an envelope like version 1's under
//!   `<namespace>:<framework id>:assessment:<id>`. Migrating from version 1 ([`migrate_v1`])
//!   makes the one saved assessment the library's first.

use super::{Json, export};
use crate::answer::{Assessment, is_timestamp};
use crate::framework::Framework;
use crate::problem::{Problem, quote};
use crate::reader::Reader;

/// The envelope version this code writes.
pub const VERSION: u64 = 2;
/// The oldest envelope version this code reads.
pub const OLDEST: u64 = 1;
/// The most assessments kept in the "recently deleted" list.
pub const MAX_DELETED: usize = 10;

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
        Some(Some(OLDEST..=VERSION)) => {}
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

/// One assessment in the library's list.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Entry {
    /// Its id, part of its storage key.
    pub id: String,
    /// Its title, as last saved.
    pub title: String,
    /// When it was created.
    pub created: String,
    /// When it was deleted, for entries in the "recently deleted" list.
    pub deleted: Option<String>,
}

/// The list of saved assessments (storage version 2).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Library {
    /// The id of the assessment that was open last.
    pub current: String,
    /// The assessments, oldest first.
    pub assessments: Vec<Entry>,
    /// Recently deleted assessments, whose answers are still stored, most recent first.
    pub deleted: Vec<Entry>,
}

impl Library {
    /// The entry with `id`, if it is in the list (not deleted).
    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.assessments.iter().find(|entry| entry.id == id)
    }

    /// An id no entry, live or deleted, has: `prefix` followed by a number.
    pub fn fresh_id(&self, prefix: &str) -> String {
        let taken = |id: &str| self.assessments.iter().chain(&self.deleted).any(|entry| entry.id == id);
        let mut n = self.assessments.len() + self.deleted.len() + 1;
        while taken(&format!("{prefix}{n}")) {
            n += 1;
        }
        format!("{prefix}{n}")
    }

    /// Moves an entry to the "recently deleted" list; returns the ids that fell off its end,
    /// whose answers can now be removed from storage.
    pub fn delete(&mut self, id: &str, at: &str) -> Vec<String> {
        let Some(position) = self.assessments.iter().position(|entry| entry.id == id) else { return Vec::new() };
        let mut entry = self.assessments.remove(position);
        entry.deleted = Some(at.to_owned());
        self.deleted.insert(0, entry);
        if self.current == id {
            self.current = self.assessments.first().map(|entry| entry.id.clone()).unwrap_or_default();
        }
        self.deleted.split_off(self.deleted.len().min(MAX_DELETED)).into_iter().map(|entry| entry.id).collect()
    }

    /// Brings a deleted entry back; returns whether it was there.
    pub fn restore(&mut self, id: &str) -> bool {
        let Some(position) = self.deleted.iter().position(|entry| entry.id == id) else { return false };
        let mut entry = self.deleted.remove(position);
        entry.deleted = None;
        let at = self.assessments.iter().position(|other| (other.created.as_str(), other.id.as_str()) > (entry.created.as_str(), entry.id.as_str()));
        self.assessments.insert(at.unwrap_or(self.assessments.len()), entry);
        true
    }

    /// Writes the library in its storage envelope.
    pub fn encode(&self, saved_at: &str, revision: u64) -> String {
        fn entries(list: &[Entry]) -> Vec<(&str, Json<'_>)> {
            list.iter()
                .map(|entry| {
                    let mut fields = vec![("title", Json::Text(&entry.title)), ("created", Json::Text(&entry.created))];
                    if let Some(deleted) = &entry.deleted {
                        fields.push(("deleted", Json::Text(deleted)));
                    }
                    (entry.id.as_str(), Json::Table(fields))
                })
                .collect()
        }
        let data = Json::Table(vec![
            ("current", Json::Text(&self.current)),
            ("assessments", Json::Table(entries(&self.assessments))),
            ("deleted", Json::Table(entries(&self.deleted))),
        ]);
        Json::Table(vec![("version", Json::Whole(VERSION)), ("saved_at", Json::Text(saved_at)), ("revision", Json::Whole(revision)), ("data", data)]).compact()
    }

    /// Reads a library envelope; returns it with its revision.
    pub fn decode(text: &str) -> Result<(Library, u64), Vec<Problem>> {
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
        let _ = reader.text(&mut fields, "saved_at");
        let revision = reader.opt_whole(&mut fields, "revision", 0..=u64::MAX).unwrap_or(0);
        let mut library = Library::default();
        match fields.take("data") {
            None => reader.problem("data", "missing"),
            Some(data) => {
                if let Some(mut data) = reader.table("data", data) {
                    library.current = reader.opt_text(&mut data, "current").unwrap_or_default();
                    library.assessments = read_entries(&mut reader, &mut data, "assessments", false);
                    library.deleted = read_entries(&mut reader, &mut data, "deleted", true);
                    reader.finish(data);
                }
            }
        }
        reader.finish(fields);
        if reader.problems.is_empty() { Ok((library, revision)) } else { Err(reader.problems) }
    }
}

fn read_entries(reader: &mut Reader, data: &mut crate::reader::Fields<'_>, key: &'static str, deleted: bool) -> Vec<Entry> {
    let mut list = Vec::new();
    let Some(value) = data.take(key) else { return list };
    let path = data.path_of(key);
    let Some(mut entries) = reader.table(&path, value) else { return list };
    entries.take_all();
    for (id, entry) in entries.entries() {
        let path = entries.path_of(id);
        let Some(mut fields) = reader.table(&path, entry) else { continue };
        let title = reader.opt_text(&mut fields, "title").unwrap_or_default();
        let created = reader.opt_text(&mut fields, "created").unwrap_or_default();
        let when = reader.opt_text(&mut fields, "deleted");
        reader.finish(fields);
        list.push(Entry { id: id.to_owned(), title, created, deleted: when.filter(|_| deleted) });
    }
    // Storage keeps no order: live entries go oldest first, deleted ones most recent first.
    crate::sort::sort_by(&mut list, |a, b| if deleted { (&b.deleted, &b.id).cmp(&(&a.deleted, &a.id)) } else { (&a.created, &a.id).cmp(&(&b.created, &b.id)) });
    list
}

/// Migrates storage version 1 (one saved assessment) to version 2: the library to write and the
/// assessment (with its revision) to write under the entry's key. The version 1 text is read
/// in full first, so that nothing is written unless all of it can be carried over.
pub fn migrate_v1(text: &str, framework: &Framework, id: &str, at: &str) -> Result<(Library, Stored), Vec<Problem>> {
    let stored = decode(text, framework)?;
    let created = if stored.saved_at.is_empty() { at.to_owned() } else { stored.saved_at.clone() };
    let entry = Entry { id: id.to_owned(), title: stored.assessment.title.clone(), created, deleted: None };
    Ok((Library { current: id.to_owned(), assessments: vec![entry], deleted: Vec::new() }, stored))
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
        let newer = text.replace("\"version\":2,\"saved_at\"", "\"version\":9,\"saved_at\"");
        assert_eq!(decode(&newer, &framework).unwrap_err()[0].message, "saved by a newer version of this tool (storage version 9)");
    }

    fn entry(id: &str, created: &str) -> Entry {
        Entry { id: id.into(), title: format!("Title {id}"), created: created.into(), deleted: None }
    }

    #[test]
    fn the_library_round_trips_in_order() {
        let library = Library {
            current: "a2".into(),
            assessments: vec![entry("a2", "2026-01-01T00:00:00Z"), entry("a1", "2026-06-01T00:00:00Z")],
            deleted: vec![
                Entry { deleted: Some("2026-11-02T00:00:00Z".into()), ..entry("a4", "2026-01-01T00:00:00Z") },
                Entry { deleted: Some("2026-11-01T00:00:00Z".into()), ..entry("a3", "2026-02-01T00:00:00Z") },
            ],
        };
        let text = library.encode("2026-11-22T10:00:00Z", 4);
        assert_eq!(Library::decode(&text), Ok((library, 4)));
        assert!(Library::decode(&text.replace("\"version\":2", "\"version\":3")).unwrap_err()[0].message.contains("newer version"));
        assert!(Library::decode("{\"version\":2,\"data\":{\"assessments\":[]}}").is_err());
        assert!(Library::decode("").is_err());
    }

    #[test]
    fn delete_restore_and_the_limit_on_deleted_entries() {
        let mut library = Library { current: "a1".into(), ..Library::default() };
        for n in 1..=12 {
            library.assessments.push(entry(&format!("a{n}"), &format!("2026-01-{n:02}T00:00:00Z")));
        }
        assert_eq!(library.fresh_id("a"), "a13");
        assert!(library.delete("a1", "2026-11-01T00:00:00Z").is_empty());
        assert_eq!(library.current, "a2", "deleting the open assessment opens another");
        for n in 2..=10 {
            assert!(library.delete(&format!("a{n}"), &format!("2026-11-{n:02}T00:00:00Z")).is_empty());
        }
        assert_eq!(library.delete("a11", "2026-11-11T00:00:00Z"), vec!["a1".to_owned()], "the oldest deletion falls off");
        assert!(library.restore("a5"));
        assert!(!library.restore("a1"));
        let ids: Vec<&str> = library.assessments.iter().map(|entry| entry.id.as_str()).collect();
        assert_eq!(ids, ["a5", "a12"], "a restored entry goes back in creation order");
        assert_eq!(library.entry("a5").and_then(|entry| entry.deleted.clone()), None);
    }

    #[test]
    fn version_1_migrates_to_a_library_of_one() {
        let framework = Framework::bundled();
        let v1 = format!(
            "{{\"version\":1,\"saved_at\":\"2026-03-01T09:00:00Z\",\"revision\":5,\"data\":{{\"format\":\"readiness-assessment\",\"version\":1,\"framework\":{{\"id\":\"{}\",\"version\":\"{}\"}},\"title\":\"Baseline\",\"answers\":{{\"learning-culture\":{{\"value\":3,\"note\":\"kept\"}}}}}}}}",
            framework.id, framework.version
        );
        let (library, stored) = migrate_v1(&v1, &framework, "a1", "2026-11-22T10:00:00Z").expect("version 1 migrates");
        assert_eq!(library.current, "a1");
        assert_eq!(library.assessments, vec![Entry { id: "a1".into(), title: "Baseline".into(), created: "2026-03-01T09:00:00Z".into(), deleted: None }]);
        assert_eq!(stored.revision, 5);
        assert_eq!(stored.assessment.answers["learning-culture"].note, "kept");
        assert!(migrate_v1(&v1[..v1.len() - 2], &framework, "a1", "2026-11-22T10:00:00Z").is_err(), "damaged text is not migrated");
    }
}
