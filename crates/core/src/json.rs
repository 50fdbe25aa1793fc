//! JSON text into a value tree: the first of the two stages every file goes through (the
//! second, in `reader.rs` and the codecs, turns the tree into domain types). Small on purpose:
//! the browser build carries no serde, no float parsing and no float printing. Numbers keep the
//! text they were written as; only whole numbers are ever read from them.
//!
//! It reads what RFC 8259 allows and nothing else, nests at most 128 deep, keeps the last of
//! duplicate keys, and keeps an object's keys sorted. A syntax error says where it is (line, and
//! column in bytes, as serde_json counts them) and what was wrong, in serde_json's words, so
//! messages stayed the same when this replaced it.

use std::fmt;

/// A JSON value.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Value {
    /// `null`.
    #[default]
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written.
    Number(Number),
    /// A string.
    String(String),
    /// A list.
    Array(Vec<Value>),
    /// An object.
    Object(Map),
}

impl Value {
    /// The text of a string value.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(text) => Some(text),
            _ => None,
        }
    }

    /// A field of an object value.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(map) => map.get(key),
            _ => None,
        }
    }

    /// Whether this is `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// A number written as a whole number with no fraction or exponent, if it fits a `u64`.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(Number(text)) if text.bytes().all(|byte| byte.is_ascii_digit()) => text.parse().ok(),
            _ => None,
        }
    }
}

/// Writes the value as compact JSON (numbers as they were written).
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Null => f.write_str("null"),
            Value::Bool(flag) => f.write_str(if *flag { "true" } else { "false" }),
            Value::Number(number) => f.write_str(&number.0),
            Value::String(text) => {
                let mut quoted = String::new();
                crate::codec::write_string(&mut quoted, text);
                f.write_str(&quoted)
            }
            Value::Array(list) => {
                f.write_str("[")?;
                for (position, element) in list.iter().enumerate() {
                    if position > 0 {
                        f.write_str(",")?;
                    }
                    element.fmt(f)?;
                }
                f.write_str("]")
            }
            Value::Object(map) => {
                f.write_str("{")?;
                for (position, (key, value)) in map.iter().enumerate() {
                    if position > 0 {
                        f.write_str(",")?;
                    }
                    Value::String(key.clone()).fmt(f)?;
                    f.write_str(":")?;
                    value.fmt(f)?;
                }
                f.write_str("}")
            }
        }
    }
}

/// A number, kept as the text it was written as (already checked against JSON's grammar).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Number(String);

impl Number {
    /// The number as a whole number: any integer that fits in a `u64`, or a number written
    /// with a fraction or an exponent (`2.0`, `1e3`) whose value is whole and below 10¹⁸.
    pub fn as_whole(&self) -> Option<u64> {
        let text = self.0.as_str();
        let (negative, text) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (mantissa, exponent) = match text.find(['e', 'E']) {
            Some(at) => (&text[..at], text[at + 1..].parse::<i64>().ok()?),
            None => (text, 0),
        };
        let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let plain = fraction.is_empty() && exponent == 0 && !self.0.contains(['.', 'e', 'E']);
        let mut digits: String = whole.chars().chain(fraction.chars()).collect();
        let mut shift = exponent.checked_sub(i64::try_from(fraction.len()).ok()?)?;
        while shift < 0 {
            if !digits.ends_with('0') {
                // Zeros only: 0.000 is whole; anything else has a fraction.
                return digits.chars().all(|c| c == '0').then_some(0);
            }
            digits.pop();
            shift += 1;
        }
        let digits = digits.trim_start_matches('0');
        if digits.is_empty() {
            return Some(0);
        }
        if negative {
            return None;
        }
        if plain {
            return digits.parse().ok();
        }
        let length = digits.len() + usize::try_from(shift).ok()?;
        if length > 18 {
            return None;
        }
        let value: u64 = digits.parse().ok()?;
        value.checked_mul(10u64.checked_pow(u32::try_from(shift).ok()?)?)
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An object's fields, sorted by key.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Map(Vec<(String, Value)>);

impl Map {
    fn find(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(name, _)| name.as_str().cmp(key))
    }

    /// Sets a field, replacing one of the same name.
    pub fn insert(&mut self, key: String, value: Value) {
        match self.find(&key) {
            Ok(at) => self.0[at].1 = value,
            Err(at) => self.0.insert(at, (key, value)),
        }
    }

    /// The value of a field.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.get_key_value(key).map(|(_, value)| value)
    }

    /// A field's name and value.
    pub fn get_key_value(&self, key: &str) -> Option<(&String, &Value)> {
        self.find(key).ok().map(|at| (&self.0[at].0, &self.0[at].1))
    }

    /// Every field, in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.0.iter().map(|(key, value)| (key, value))
    }

    /// How many fields there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'m> IntoIterator for &'m Map {
    type Item = (&'m String, &'m Value);
    type IntoIter = std::iter::Map<std::slice::Iter<'m, (String, Value)>, fn(&'m (String, Value)) -> (&'m String, &'m Value)>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(key, value)| (key, value))
    }
}

impl FromIterator<(String, Value)> for Map {
    fn from_iter<I: IntoIterator<Item = (String, Value)>>(fields: I) -> Map {
        let mut map = Map::default();
        for (key, value) in fields {
            map.insert(key, value);
        }
        map
    }
}

/// A syntax error: where, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// The line, from 1.
    pub line: usize,
    /// The column in bytes, from 1 (0 on an empty line).
    pub column: usize,
    /// Whether the text ended before the value did.
    pub eof: bool,
    /// What was wrong, in serde_json's words.
    pub message: &'static str,
}

const MAX_DEPTH: usize = 128;

struct Parser<'t> {
    source: &'t str,
    text: &'t [u8],
    at: usize,
    depth: usize,
}

/// Parses JSON text (one value, with whitespace around it).
pub fn parse(text: &str) -> Result<Value, Error> {
    let mut parser = Parser { source: text, text: text.as_bytes(), at: 0, depth: 0 };
    let value = parser.value()?;
    parser.skip_whitespace();
    if parser.at < parser.text.len() {
        return Err(parser.error_here("trailing characters"));
    }
    Ok(value)
}

impl Parser<'_> {
    /// An error at the byte about to be read.
    fn error_here(&self, message: &'static str) -> Error {
        self.error_at(self.at + 1, false, message)
    }

    /// The text ended: the error is placed at its last byte.
    fn eof(&self, message: &'static str) -> Error {
        self.error_at(self.text.len(), true, message)
    }

    fn error_at(&self, end: usize, eof: bool, message: &'static str) -> Error {
        let end = end.min(self.text.len());
        let before = &self.text[..end];
        let line = 1 + before.iter().filter(|&&byte| byte == b'\n').count();
        let column = end - before.iter().rposition(|&byte| byte == b'\n').map_or(0, |newline| newline + 1);
        Error { line, column, eof, message }
    }

    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.at += 1;
        }
    }

    fn value(&mut self) -> Result<Value, Error> {
        self.skip_whitespace();
        let Some(byte) = self.peek() else { return Err(self.eof("EOF while parsing a value")) };
        match byte {
            b'n' => self.literal(b"null", Value::Null),
            b't' => self.literal(b"true", Value::Bool(true)),
            b'f' => self.literal(b"false", Value::Bool(false)),
            b'"' => {
                self.at += 1;
                self.string().map(Value::String)
            }
            b'-' | b'0'..=b'9' => self.number(),
            b'[' | b'{' => {
                self.depth += 1;
                if self.depth >= MAX_DEPTH {
                    return Err(self.error_here("recursion limit exceeded"));
                }
                self.at += 1;
                let value = if byte == b'[' { self.array() } else { self.object() };
                self.depth -= 1;
                value
            }
            _ => Err(self.error_here("expected value")),
        }
    }

    fn literal(&mut self, word: &[u8], value: Value) -> Result<Value, Error> {
        for &expected in word {
            match self.peek() {
                None => return Err(self.eof("EOF while parsing a value")),
                Some(byte) if byte == expected => self.at += 1,
                Some(_) => return Err(self.error_here("expected ident")),
            }
        }
        Ok(value)
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        self.at - start
    }

    fn number(&mut self) -> Result<Value, Error> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            None => return Err(self.eof("EOF while parsing a value")),
            Some(b'0') => {
                self.at += 1;
                if matches!(self.peek(), Some(b'0'..=b'9')) {
                    return Err(self.error_here("invalid number"));
                }
            }
            Some(b'1'..=b'9') => {
                self.digits();
            }
            Some(_) => return Err(self.error_here("invalid number")),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if self.digits() == 0 {
                return Err(if self.peek().is_none() { self.eof("EOF while parsing a value") } else { self.error_here("invalid number") });
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err(if self.peek().is_none() { self.eof("EOF while parsing a value") } else { self.error_here("invalid number") });
            }
        }
        // The grammar above admits ASCII only, so this slice is whole characters.
        Ok(Value::Number(Number(self.source[start..self.at].to_owned())))
    }

    /// Four hex digits (all four are read before any is checked, as serde_json does).
    fn hex4(&mut self) -> Result<u32, Error> {
        let Some(digits) = self.text.get(self.at..self.at + 4) else {
            self.at = self.text.len();
            return Err(self.eof("EOF while parsing a string"));
        };
        self.at += 4;
        let mut value = 0;
        for &byte in digits {
            let digit = match byte {
                b'0'..=b'9' => byte - b'0',
                b'a'..=b'f' => byte - b'a' + 10,
                b'A'..=b'F' => byte - b'A' + 10,
                _ => return Err(self.error_at(self.at, false, "invalid escape")),
            };
            value = value * 16 + u32::from(digit);
        }
        Ok(value)
    }

    /// A string's contents, after its opening quote. Runs of plain characters are copied whole:
    /// they end at a quote, a backslash or a control character, all ASCII, so every run starts
    /// and ends on a character boundary of the source text.
    fn string(&mut self) -> Result<String, Error> {
        let mut out = String::new();
        loop {
            let start = self.at;
            while matches!(self.peek(), Some(byte) if byte != b'"' && byte != b'\\' && byte >= 0x20) {
                self.at += 1;
            }
            out.push_str(&self.source[start..self.at]);
            let Some(byte) = self.peek() else { return Err(self.eof("EOF while parsing a string")) };
            self.at += 1;
            match byte {
                b'"' => return Ok(out),
                b'\\' => {
                    let Some(escape) = self.peek() else { return Err(self.eof("EOF while parsing a string")) };
                    self.at += 1;
                    out.push(match escape {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode_escape()?,
                        _ => {
                            self.at -= 1;
                            return Err(self.error_here("invalid escape"));
                        }
                    });
                }
                _ => {
                    self.at -= 1;
                    return Err(self.error_here("control character (\\u0000-\\u001F) found while parsing a string"));
                }
            }
        }
    }

    /// The character of a `\u` escape (after the `u`), joining a surrogate pair.
    fn unicode_escape(&mut self) -> Result<char, Error> {
        let first = self.hex4()?;
        let code = match first {
            0xd800..=0xdbff => {
                if self.text.get(self.at..self.at + 2) != Some(b"\\u") {
                    return Err(if self.at >= self.text.len() {
                        self.eof("EOF while parsing a string")
                    } else {
                        self.error_here("unexpected end of hex escape")
                    });
                }
                self.at += 2;
                let second = self.hex4()?;
                if !(0xdc00..=0xdfff).contains(&second) {
                    return Err(self.error_at(self.at, false, "lone leading surrogate in hex escape"));
                }
                0x10000 + ((first - 0xd800) << 10) + (second - 0xdc00)
            }
            0xdc00..=0xdfff => return Err(self.error_at(self.at, false, "lone leading surrogate in hex escape")),
            code => code,
        };
        char::from_u32(code).ok_or_else(|| self.error_here("invalid unicode code point"))
    }

    fn array(&mut self) -> Result<Value, Error> {
        let mut list = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Value::Array(list));
        }
        loop {
            list.push(self.value()?);
            self.skip_whitespace();
            match self.peek() {
                None => return Err(self.eof("EOF while parsing a list")),
                Some(b']') => {
                    self.at += 1;
                    return Ok(Value::Array(list));
                }
                Some(b',') => {
                    self.at += 1;
                    self.skip_whitespace();
                    if self.peek() == Some(b']') {
                        return Err(self.error_here("trailing comma"));
                    }
                }
                Some(_) => return Err(self.error_here("expected `,` or `]`")),
            }
        }
    }

    fn object(&mut self) -> Result<Value, Error> {
        let mut map = Map::default();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Value::Object(map));
        }
        loop {
            self.skip_whitespace();
            match self.peek() {
                None => return Err(self.eof("EOF while parsing an object")),
                Some(b'"') => self.at += 1,
                Some(_) => return Err(self.error_here("key must be a string")),
            }
            let key = self.string()?;
            self.skip_whitespace();
            match self.peek() {
                None => return Err(self.eof("EOF while parsing an object")),
                Some(b':') => self.at += 1,
                Some(_) => return Err(self.error_here("expected `:`")),
            }
            let value = self.value()?;
            map.insert(key, value);
            self.skip_whitespace();
            match self.peek() {
                None => return Err(self.eof("EOF while parsing an object")),
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Value::Object(map));
                }
                Some(b',') => {
                    self.at += 1;
                    self.skip_whitespace();
                    if self.peek() == Some(b'}') {
                        return Err(self.error_here("trailing comma"));
                    }
                }
                Some(_) => return Err(self.error_here("expected `,` or `}`")),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> (usize, usize, &'static str) {
        let error = parse(text).expect_err(text);
        (error.line, error.column, error.message)
    }

    #[test]
    fn values_of_every_kind() {
        let value = parse(" {\"b\": [1, -2.5e3, true, null], \"a\": \"x\\u00e9\\ud83d\\ude00\\n\", \"b\": {}} ").expect("valid");
        let Value::Object(map) = &value else { panic!("an object") };
        assert_eq!(map.iter().map(|(key, _)| key.as_str()).collect::<Vec<_>>(), ["a", "b"], "sorted, the last duplicate kept");
        assert_eq!(value.get("a").and_then(Value::as_str), Some("xé😀\n"));
        assert_eq!(value.get("b"), Some(&Value::Object(Map::default())));
    }

    #[test]
    fn whole_numbers() {
        let whole = |text: &str| match parse(text).expect(text) {
            Value::Number(number) => number.as_whole(),
            _ => panic!("a number"),
        };
        assert_eq!(whole("0"), Some(0));
        assert_eq!(whole("-0"), Some(0));
        assert_eq!(whole("7"), Some(7));
        assert_eq!(whole("18446744073709551615"), Some(u64::MAX));
        assert_eq!(whole("18446744073709551616"), None);
        assert_eq!(whole("2.0"), Some(2));
        assert_eq!(whole("2.50"), None);
        assert_eq!(whole("1e3"), Some(1000));
        assert_eq!(whole("1500e-2"), Some(15));
        assert_eq!(whole("1e18"), None);
        assert_eq!(whole("-1"), None);
        assert_eq!(whole("0.000"), Some(0));
    }

    #[test]
    fn errors_say_where_and_what() {
        assert_eq!(error(""), (1, 0, "EOF while parsing a value"));
        assert_eq!(error("hello"), (1, 1, "expected value"));
        assert_eq!(error("{\"format\": \"readiness-assessment\",}"), (1, 35, "trailing comma"));
        assert_eq!(error("{\"format\": "), (1, 11, "EOF while parsing a value"));
        assert_eq!(error("[1,\n 2 3]"), (2, 4, "expected `,` or `]`"));
        assert_eq!(error("{\"a\" 1}"), (1, 6, "expected `:`"));
        assert_eq!(error("{1: 2}"), (1, 2, "key must be a string"));
        assert_eq!(error("[tru]"), (1, 5, "expected ident"));
        assert_eq!(error("01"), (1, 2, "invalid number"));
        assert_eq!(error("\"a\u{1}\""), (1, 3, "control character (\\u0000-\\u001F) found while parsing a string"));
        assert_eq!(error("\"\\x\""), (1, 3, "invalid escape"));
        assert_eq!(error("\"\\udc00\""), (1, 7, "lone leading surrogate in hex escape"));
        assert_eq!(error("1 2"), (1, 3, "trailing characters"));
        assert_eq!(error(&"[".repeat(200)), (1, 128, "recursion limit exceeded"));
        assert_eq!(error("\"\\ud800\""), (1, 8, "unexpected end of hex escape"));
        assert_eq!(error("\"\\ud800\\u0041\""), (1, 13, "lone leading surrogate in hex escape"));
        assert_eq!(error("1.a"), (1, 3, "invalid number"));
        assert!(parse("[1,").expect_err("cut off").eof);
    }

    /// A value in one line, with each number as the whole number it reads as, or `N`.
    fn canon(value: &Value) -> String {
        match value {
            Value::Null => "null".to_owned(),
            Value::Bool(flag) => flag.to_string(),
            Value::Number(number) => number.as_whole().map_or("N".to_owned(), |n| n.to_string()),
            Value::String(text) => format!("{text:?}"),
            Value::Array(list) => format!("[{}]", list.iter().map(canon).collect::<Vec<_>>().join(",")),
            Value::Object(map) => format!("{{{}}}", map.iter().map(|(key, value)| format!("{key:?}:{}", canon(value))).collect::<Vec<_>>().join(",")),
        }
    }

    /// The same for serde_json's tree, with whole numbers read as the reader did before.
    fn canon_serde(value: &serde_json::Value) -> String {
        match value {
            serde_json::Value::Null => "null".to_owned(),
            serde_json::Value::Bool(flag) => flag.to_string(),
            serde_json::Value::Number(number) => number
                .as_u64()
                .or_else(|| number.as_f64().filter(|f| f.fract() == 0.0 && *f >= 0.0 && *f < 1e18).map(|f| f as u64))
                .map_or("N".to_owned(), |n| n.to_string()),
            serde_json::Value::String(text) => format!("{text:?}"),
            serde_json::Value::Array(list) => format!("[{}]", list.iter().map(canon_serde).collect::<Vec<_>>().join(",")),
            serde_json::Value::Object(map) => {
                format!("{{{}}}", map.iter().map(|(key, value)| format!("{key:?}:{}", canon_serde(value))).collect::<Vec<_>>().join(","))
            }
        }
    }

    proptest::proptest! {
        /// On text made of JSON's own characters, this reader and serde_json agree on what is
        /// valid, on the value, and on where and what the first error is.
        #[test]
        fn agrees_with_serde_json(text in "[ \\[\\]{}:,\"a-c0-9.eE+\\-ntrufls\\\\/\n]{0,24}") {
            let ours = parse(&text);
            let theirs = serde_json::from_str::<serde_json::Value>(&text);
            match (&ours, &theirs) {
                (Ok(value), Ok(expected)) => proptest::prop_assert_eq!(canon(value), canon_serde(expected)),
                (Err(error), Err(expected)) => {
                    proptest::prop_assert_eq!(error.eof, expected.classify() == serde_json::error::Category::Eof, "{:?} {:?}", error, expected.to_string());
                    proptest::prop_assert_eq!((error.line, error.column), (expected.line(), expected.column()), "{:?} {:?}", error, expected.to_string());
                    // At the end of the text only the place matters: the app says "ends too soon".
                    proptest::prop_assert!(error.eof || expected.to_string().starts_with(error.message), "{:?} {:?}", error, expected.to_string());
                }
                _ => proptest::prop_assert!(false, "{:?} against {:?}", ours, theirs.map_err(|error| error.to_string())),
            }
        }
    }
}
