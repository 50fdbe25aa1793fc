//! Reads a JSON value tree field by field, recording every problem with its path and carrying
//! on, so that one pass over a bad file reports all that is wrong with it. The framework
//! loader and the export decoder both read through it.

use crate::json::{Map, Value};

use crate::problem::{self, Problem};

/// Collects the problems of one read.
#[derive(Debug, Default)]
pub(crate) struct Reader {
    pub problems: Vec<Problem>,
}

/// The fields of one table being read; fields never taken are reported as unknown, with the
/// fields the reader asked for as the hint.
pub(crate) struct Fields<'v> {
    pub path: String,
    map: &'v Map,
    /// Every field the reader asked for, present or not: the ones a table of this kind may have.
    known: Vec<&'static str>,
    /// The fields present and read.
    taken: Vec<&'v str>,
    /// Every field is known: a table keyed by ids that the caller checks one by one.
    open: bool,
}

impl Reader {
    pub fn problem(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem::new(path, message));
    }

    /// Opens `value` as a table, or records that it is not one.
    pub fn table<'v>(&mut self, path: &str, value: &'v Value) -> Option<Fields<'v>> {
        match value {
            Value::Object(map) => Some(Fields { path: path.to_owned(), map, known: Vec::new(), taken: Vec::new(), open: false }),
            other => {
                self.problem(path, format!("expected a table of fields, found {}", problem::type_name(other)));
                None
            }
        }
    }

    /// Reports every field of `fields` that no one took, naming the fields that are allowed.
    pub fn finish(&mut self, fields: Fields<'_>) {
        if fields.open {
            return;
        }
        for (key, _) in fields.entries() {
            if !fields.taken.contains(&key.as_str()) {
                let mut allowed: Vec<&str> = fields.known.clone();
                crate::sort::sort_by(&mut allowed, |a, b| a.cmp(b));
                let hint = if allowed.is_empty() { String::new() } else { format!(" (expected one of: {})", allowed.join(", ")) };
                self.problem(problem::join(&fields.path, key), format!("unknown field{hint}"));
            }
        }
    }

    /// A required text field.
    pub fn text(&mut self, fields: &mut Fields<'_>, key: &'static str) -> Option<String> {
        let value = fields.take(key);
        match value {
            None => {
                self.problem(problem::join(&fields.path, key), "missing");
                None
            }
            Some(value) => self.as_text(&problem::join(&fields.path, key), value),
        }
    }

    /// An optional text field: absent gives `None` without a problem.
    pub fn opt_text(&mut self, fields: &mut Fields<'_>, key: &'static str) -> Option<String> {
        let path = problem::join(&fields.path, key);
        fields.take(key).and_then(|value| self.as_text(&path, value))
    }

    /// A required text field that must not be empty or only spaces.
    pub fn nonempty_text(&mut self, fields: &mut Fields<'_>, key: &'static str) -> Option<String> {
        let text = self.text(fields, key)?;
        if text.trim().is_empty() {
            self.problem(problem::join(&fields.path, key), "must not be empty");
            return None;
        }
        Some(text)
    }

    pub fn as_text(&mut self, path: &str, value: &Value) -> Option<String> {
        match value {
            Value::String(text) => Some(text.clone()),
            other => {
                self.problem(path, format!("expected text, found {}", problem::type_name(other)));
                None
            }
        }
    }

    /// An optional whole number in `range`; absent gives `None`.
    pub fn opt_whole(&mut self, fields: &mut Fields<'_>, key: &'static str, range: std::ops::RangeInclusive<u64>) -> Option<u64> {
        let path = problem::join(&fields.path, key);
        let value = fields.take(key)?;
        self.as_whole(&path, value, range)
    }

    pub fn as_whole(&mut self, path: &str, value: &Value, range: std::ops::RangeInclusive<u64>) -> Option<u64> {
        let whole = match value {
            Value::Number(number) => number.as_whole(),
            _ => None,
        };
        match whole {
            Some(n) if range.contains(&n) => Some(n),
            Some(n) => {
                self.problem(path, format!("{n} is out of range: expected a whole number from {} to {}", range.start(), range.end()));
                None
            }
            None => {
                let found = match value {
                    Value::Number(number) => number.to_string(),
                    other => problem::type_name(other).to_owned(),
                };
                self.problem(path, format!("expected a whole number from {} to {}, found {found}", range.start(), range.end()));
                None
            }
        }
    }

    /// An optional true-or-false field; absent gives `None`.
    pub fn opt_bool(&mut self, fields: &mut Fields<'_>, key: &'static str) -> Option<bool> {
        let path = problem::join(&fields.path, key);
        match fields.take(key)? {
            Value::Bool(flag) => Some(*flag),
            other => {
                self.problem(path, format!("expected true or false, found {}", problem::type_name(other)));
                None
            }
        }
    }

    /// A required list; yields each element with its path.
    pub fn list<'v>(&mut self, fields: &mut Fields<'v>, key: &'static str) -> Vec<(String, &'v Value)> {
        let path = problem::join(&fields.path, key);
        match fields.take(key) {
            None => {
                self.problem(path, "missing");
                Vec::new()
            }
            Some(value) => self.elements(&path, value),
        }
    }

    /// An optional list; absent gives an empty list.
    pub fn opt_list<'v>(&mut self, fields: &mut Fields<'v>, key: &'static str) -> Vec<(String, &'v Value)> {
        let path = problem::join(&fields.path, key);
        match fields.take(key) {
            None => Vec::new(),
            Some(value) => self.elements(&path, value),
        }
    }

    pub fn elements<'v>(&mut self, path: &str, value: &'v Value) -> Vec<(String, &'v Value)> {
        match value {
            Value::Array(list) => list.iter().enumerate().map(|(position, element)| (problem::index(path, position), element)).collect(),
            other => {
                self.problem(path, format!("expected a list, found {}", problem::type_name(other)));
                Vec::new()
            }
        }
    }
}

impl<'v> Fields<'v> {
    /// Takes a field, marking it as one this kind of table may have.
    pub fn take(&mut self, key: &'static str) -> Option<&'v Value> {
        if !self.known.contains(&key) {
            self.known.push(key);
        }
        self.take_forbidden(key)
    }

    /// Takes a field this kind of table must not have, so that the caller can say why; it is not
    /// named among the allowed fields.
    pub fn take_forbidden(&mut self, key: &'static str) -> Option<&'v Value> {
        let (name, value) = self.map.get_key_value(key)?;
        self.taken.push(name.as_str());
        Some(value)
    }

    /// Every field of the table in key order (whatever order the JSON map keeps), for tables
    /// keyed by ids, so that problems are reported in the same order on every build.
    pub fn entries(&self) -> Vec<(&'v String, &'v Value)> {
        let mut entries: Vec<(&'v String, &'v Value)> = self.map.iter().collect();
        crate::sort::sort_by(&mut entries, |a, b| a.0.cmp(b.0));
        entries
    }

    /// Marks every field known, for tables keyed by ids where the caller checks each key.
    pub fn take_all(&mut self) {
        self.open = true;
    }

    /// The path of a field of this table.
    pub fn path_of(&self, key: &str) -> String {
        problem::join(&self.path, key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn tree(value: serde_json::Value) -> Value {
        crate::json::parse(&value.to_string()).expect("serde_json writes JSON")
    }

    #[test]
    fn reports_every_problem_not_just_the_first() {
        let value = tree(json!({"name": 3, "count": -1, "extra": true}));
        let mut reader = Reader::default();
        let mut fields = reader.table("thing", &value).unwrap();
        assert_eq!(reader.text(&mut fields, "name"), None);
        assert_eq!(reader.opt_whole(&mut fields, "count", 0..=9), None);
        assert_eq!(reader.text(&mut fields, "title"), None);
        reader.finish(fields);
        let messages: Vec<String> = reader.problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "thing.name: expected text, found a number",
                "thing.count: expected a whole number from 0 to 9, found -1",
                "thing.title: missing",
                "thing.extra: unknown field (expected one of: count, name, title)",
            ]
        );
    }

    #[test]
    fn whole_numbers_written_as_floats_are_accepted() {
        let mut reader = Reader::default();
        assert_eq!(reader.as_whole("n", &tree(json!(2.0)), 0..=4), Some(2));
        assert_eq!(reader.as_whole("n", &tree(json!(2.5)), 0..=4), None);
        assert_eq!(reader.as_whole("n", &tree(json!(7)), 0..=4), None);
        assert_eq!(reader.problems[1].message, "7 is out of range: expected a whole number from 0 to 4");
    }
}
