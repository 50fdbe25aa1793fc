//! A problem found while reading a file: where it is and what is wrong, in words a person
//! editing the file can act on.

use std::fmt;

/// One problem in a file, with the path of the value it concerns, such as
/// `items[3].points_to[1].support`. An empty path means the file as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where the problem is: fields joined by `.`, list positions in `[n]`.
    pub path: String,
    /// What is wrong, as a sentence without a final full stop.
    pub message: String,
}

impl Problem {
    /// A problem at `path`.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem { path: path.into(), message: message.into() }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() { f.write_str(&self.message) } else { write!(f, "{}: {}", self.path, self.message) }
    }
}

/// Joins a field name onto a path, quoting names that are not plain ids so that the path stays
/// readable and unambiguous whatever a file contains.
pub fn join(path: &str, key: &str) -> String {
    let plain = !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    match (path.is_empty(), plain) {
        (true, true) => key.to_owned(),
        (false, true) => format!("{path}.{key}"),
        (_, false) => {
            let mut quoted = format!("{path}[");
            crate::codec::write_string(&mut quoted, key);
            quoted.push(']');
            quoted
        }
    }
}

/// Joins a list position onto a path.
pub fn index(path: &str, position: usize) -> String {
    format!("{path}[{position}]")
}

/// Describes a JSON value's type for messages ("a number", "a list").
pub fn type_name(value: &crate::json::Value) -> &'static str {
    use crate::json::Value;
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "a table of fields",
    }
}

/// Shortens text quoted in a message, so that a huge bad value does not flood the screen.
pub fn quote(text: &str) -> String {
    const MAX: usize = 60;
    let mut quoted: String = text.chars().take(MAX).collect();
    if text.chars().count() > MAX {
        quoted.push('…');
    }
    format!("'{quoted}'")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_naturally_and_quote_odd_keys() {
        assert_eq!(join("", "items"), "items");
        assert_eq!(join(&index("items", 3), "points_to"), "items[3].points_to");
        assert_eq!(join("answers", "a b"), "answers[\"a b\"]");
        assert_eq!(join("answers", ""), "answers[\"\"]");
        assert_eq!(Problem::new("x.y", "bad").to_string(), "x.y: bad");
        assert_eq!(Problem::new("", "bad").to_string(), "bad");
    }

    #[test]
    fn long_values_are_cut_when_quoted() {
        let long = "x".repeat(100);
        assert_eq!(quote(&long).chars().count(), 60 + 3);
        assert_eq!(quote("short"), "'short'");
    }
}
