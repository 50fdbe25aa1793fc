//! Wire formats. Only the modules here know what files look like; everything else works on
//! domain types.

pub mod csv;
pub mod export;
pub mod markdown;
pub mod share;
pub mod stored;

use crate::problem::Problem;

/// Parses JSON text, turning a syntax error into a problem that says where it is.
pub fn parse_json(text: &str) -> Result<crate::json::Value, Vec<Problem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    crate::json::parse(text).map_err(|error| {
        let what = if error.eof { "the text ends too soon: it may have been cut off" } else { error.message };
        vec![Problem::new("", format!("not valid JSON at line {}, column {}: {what}", error.line, error.column))]
    })
}

/// A JSON value to write, with keys in the order given. Writing our own keeps the order files
/// are documented in (framework order for answers) without an ordered map in the browser build.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Json<'a> {
    Text(&'a str),
    Whole(u64),
    Flag(bool),
    Table(Vec<(&'a str, Json<'a>)>),
    /// Already-written JSON, inserted as it is.
    Raw(&'a str),
}

impl Json<'_> {
    /// Writes the value as serde_json's pretty printer does (two-space indent), so files stay
    /// byte-for-byte what they were.
    pub fn pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, Some(0));
        out
    }

    /// Writes the value with no whitespace.
    pub fn compact(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, None);
        out
    }

    fn write(&self, out: &mut String, depth: Option<usize>) {
        match self {
            Json::Text(text) => write_string(out, text),
            Json::Whole(n) => out.push_str(&n.to_string()),
            Json::Flag(flag) => out.push_str(if *flag { "true" } else { "false" }),
            Json::Raw(raw) => out.push_str(raw),
            Json::Table(fields) if fields.is_empty() => out.push_str("{}"),
            Json::Table(fields) => {
                out.push('{');
                for (position, (key, value)) in fields.iter().enumerate() {
                    if position > 0 {
                        out.push(',');
                    }
                    if let Some(depth) = depth {
                        out.push('\n');
                        out.push_str(&"  ".repeat(depth + 1));
                    }
                    write_string(out, key);
                    out.push_str(if depth.is_some() { ": " } else { ":" });
                    value.write(out, depth.map(|depth| depth + 1));
                }
                if let Some(depth) = depth {
                    out.push('\n');
                    out.push_str(&"  ".repeat(depth));
                }
                out.push('}');
            }
        }
    }
}

/// Writes a JSON string with the escapes serde_json uses.
pub(crate) fn write_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[(c as usize) >> 4]));
                out.push(char::from(HEX[(c as usize) & 0xf]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::Json;

    #[test]
    fn writes_what_serde_json_writes() {
        let text = "quote \" slash \\ new\nline tab\t bell \u{7} é 😀";
        let value =
            Json::Table(vec![("a", Json::Text(text)), ("b", Json::Whole(3)), ("c", Json::Table(vec![])), ("d", Json::Table(vec![("e", Json::Flag(true))]))]);
        let expected = serde_json::json!({"a": text, "b": 3, "c": {}, "d": {"e": true}});
        // serde_json without preserve_order sorts keys; these are in sorted order already.
        assert_eq!(value.pretty(), serde_json::to_string_pretty(&expected).unwrap());
        assert_eq!(value.compact(), serde_json::to_string(&expected).unwrap());
    }
}
