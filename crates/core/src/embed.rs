//! The options of the embedded widget, from its attributes and its options object: one schema
//! validates both. Attributes are flat text (`theme-brand="#005ea5"`); the options object
//! nests (`{"theme": {"brand": "#005ea5"}}`). Attributes win. Every value a stylesheet will
//! carry is checked here, so no option can inject CSS.

use crate::json::Value;

use crate::problem::{Problem, quote};
use crate::reader::Reader;
use crate::session::Route;

/// Where the widget's framework comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum FrameworkSource {
    /// The bundled framework.
    Bundled,
    /// A URL the host page names (checked to be on the page's own origin when it is fetched).
    Url(String),
    /// A framework given inline, as its JSON value.
    Inline(Value),
}

/// The widget's look: CSS custom properties on its host.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Theme {
    /// The brand colour (header, links, bars), e.g. `#1d70b8`.
    pub brand: Option<String>,
    /// The focus colour, e.g. `#ffdd00`.
    pub focus: Option<String>,
    /// The font family list.
    pub font_family: Option<String>,
    /// The base text size in px, e.g. `19px`.
    pub base_size: Option<String>,
}

impl Theme {
    /// The custom properties to set on `:host`, as `(name, value)` pairs.
    pub fn properties(&self) -> Vec<(&'static str, &str)> {
        let mut properties = Vec::new();
        for (name, value) in
            [("--rc-brand", &self.brand), ("--rc-focus", &self.focus), ("--rc-font-family", &self.font_family), ("--rc-base-size", &self.base_size)]
        {
            if let Some(value) = value {
                properties.push((name, value.as_str()));
            }
        }
        properties
    }

    /// A `:host` rule setting the theme's custom properties (empty when there are none).
    pub fn css(&self) -> String {
        let properties = self.properties();
        if properties.is_empty() {
            return String::new();
        }
        let body: Vec<String> = properties.iter().map(|(name, value)| format!("{name}: {value};")).collect();
        format!(":host {{ {} }}", body.join(" "))
    }
}

/// The widget's options, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// The framework.
    pub framework: FrameworkSource,
    /// The storage namespace.
    pub namespace: String,
    /// The look.
    pub theme: Theme,
    /// The screen to start on.
    pub start: Route,
    /// Whether the workshop features show.
    pub workshop: bool,
}

/// The namespace when none is given.
pub const DEFAULT_NAMESPACE: &str = "readiness";
/// The longest framework URL accepted.
pub const MAX_URL: usize = 2000;

/// The attribute names, in the order they are documented.
pub const ATTRIBUTES: [&str; 8] = ["framework", "namespace", "theme-brand", "theme-focus", "theme-font-family", "theme-base-size", "start", "workshop"];

/// The screens a widget can start on.
pub const STARTS: [&str; 5] = ["start", "tasks", "check", "results", "assessments"];

impl Options {
    /// Reads the options object and the attributes (a table of text by attribute name),
    /// attributes winning, and checks every value. Problems name the attribute or the option.
    pub fn read(options: &Value, attributes: &Value) -> Result<Options, Vec<Problem>> {
        let mut reader = Reader::default();
        let mut found = Options {
            framework: FrameworkSource::Bundled,
            namespace: DEFAULT_NAMESPACE.to_owned(),
            theme: Theme::default(),
            start: Route::Start,
            workshop: false,
        };
        if !options.is_null()
            && let Some(mut fields) = reader.table("options", options)
        {
            if let Some(framework) = fields.take("framework") {
                found.framework = match framework {
                    Value::String(url) => url_source(&mut reader, "options.framework", url),
                    Value::Object(_) => FrameworkSource::Inline(framework.clone()),
                    _ => {
                        reader.problem("options.framework", "expected the URL of a framework file, or a framework object");
                        FrameworkSource::Bundled
                    }
                };
            }
            if let Some(value) = fields.take("namespace") {
                text_option(&mut reader, "options.namespace", value, |reader, path, text| found.namespace = namespace(reader, path, text));
            }
            if let Some(theme) = fields.take("theme")
                && let Some(mut theme_fields) = reader.table("options.theme", theme)
            {
                for (key, kind) in [("brand", Kind::Colour), ("focus", Kind::Colour), ("fontFamily", Kind::Font), ("baseSize", Kind::Size)] {
                    if let Some(value) = theme_fields.take(key) {
                        let path = format!("options.theme.{key}");
                        let theme = &mut found.theme;
                        let slot = match key {
                            "brand" => &mut theme.brand,
                            "focus" => &mut theme.focus,
                            "fontFamily" => &mut theme.font_family,
                            _ => &mut theme.base_size,
                        };
                        text_option(&mut reader, &path, value, |reader, path, text| *slot = check(reader, path, text, kind));
                    }
                }
                reader.finish(theme_fields);
            }
            if let Some(value) = fields.take("start") {
                text_option(&mut reader, "options.start", value, |reader, path, text| found.start = start(reader, path, text));
            }
            if let Some(value) = fields.take("workshop") {
                match value {
                    Value::Bool(on) => found.workshop = *on,
                    _ => reader.problem("options.workshop", "expected true or false"),
                }
            }
            reader.finish(fields);
        }
        if let Value::Object(attributes) = attributes {
            for (name, value) in attributes {
                let path = format!("attribute {name}");
                let Some(text) = value.as_str() else {
                    reader.problem(path, "expected text");
                    continue;
                };
                match name.as_str() {
                    "framework" => found.framework = url_source(&mut reader, &path, text),
                    "namespace" => found.namespace = namespace(&mut reader, &path, text),
                    "theme-brand" => found.theme.brand = check(&mut reader, &path, text, Kind::Colour),
                    "theme-focus" => found.theme.focus = check(&mut reader, &path, text, Kind::Colour),
                    "theme-font-family" => found.theme.font_family = check(&mut reader, &path, text, Kind::Font),
                    "theme-base-size" => found.theme.base_size = check(&mut reader, &path, text, Kind::Size),
                    "start" => found.start = start(&mut reader, &path, text),
                    "workshop" => match text.trim() {
                        "" | "true" | "workshop" => found.workshop = true,
                        "false" => found.workshop = false,
                        other => reader.problem(path, format!("expected \"true\" or \"false\", found {}", quote(other))),
                    },
                    _ => {}
                }
            }
        }
        if reader.problems.is_empty() { Ok(found) } else { Err(reader.problems) }
    }
}

#[derive(Clone, Copy)]
enum Kind {
    Colour,
    Font,
    Size,
}

fn text_option(reader: &mut Reader, path: &str, value: &Value, mut then: impl FnMut(&mut Reader, &str, &str)) {
    match value.as_str() {
        Some(text) => then(reader, path, text),
        None => reader.problem(path, "expected text"),
    }
}

fn url_source(reader: &mut Reader, path: &str, url: &str) -> FrameworkSource {
    let url = url.trim();
    if url.is_empty() || url.chars().count() > MAX_URL || url.chars().any(char::is_control) {
        reader.problem(path, format!("expected the URL of a framework file on this site, at most {MAX_URL} characters"));
        return FrameworkSource::Bundled;
    }
    FrameworkSource::Url(url.to_owned())
}

fn namespace(reader: &mut Reader, path: &str, text: &str) -> String {
    let ok = (1..=40).contains(&text.len()) && text.bytes().all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'-');
    if !ok {
        reader.problem(path, format!("{} is not a storage namespace: use 1 to 40 lower-case letters, digits and hyphens", quote(text)));
        return DEFAULT_NAMESPACE.to_owned();
    }
    text.to_owned()
}

fn start(reader: &mut Reader, path: &str, text: &str) -> Route {
    match text.trim() {
        "start" => Route::Start,
        "tasks" => Route::Tasks,
        "check" => Route::Check,
        "results" => Route::Results,
        "assessments" => Route::Assessments,
        other => {
            reader.problem(path, format!("{} is not a screen to start on: use one of {}", quote(other), STARTS.join(", ")));
            Route::Start
        }
    }
}

fn check(reader: &mut Reader, path: &str, text: &str, kind: Kind) -> Option<String> {
    let text = text.trim();
    let ok = match kind {
        Kind::Colour => {
            let hex = text.strip_prefix('#').unwrap_or("");
            matches!(hex.len(), 3 | 4 | 6 | 8) && hex.bytes().all(|byte| byte.is_ascii_hexdigit())
        }
        Kind::Font => {
            (1..=200).contains(&text.len())
                && text.bytes().all(|byte| byte.is_ascii_alphanumeric() || b" ,-_'\"".contains(&byte))
                && text.matches('"').count() % 2 == 0
        }
        Kind::Size => text.strip_suffix("px").and_then(|number| number.parse::<u32>().ok()).is_some_and(|px| (12..=32).contains(&px)),
    };
    if ok {
        return Some(text.to_owned());
    }
    let expected = match kind {
        Kind::Colour => "a colour in hex, such as #1d70b8",
        Kind::Font => "a list of font names, such as Arial, sans-serif",
        Kind::Size => "a size from 12px to 32px, such as 19px",
    };
    reader.problem(path, format!("{} is not {expected}", quote(text)));
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json as serde_json_value;

    macro_rules! json {
        ($($value:tt)+) => {
            crate::json::parse(&serde_json_value!($($value)+).to_string()).expect("serde_json writes JSON")
        };
    }

    #[test]
    fn options_and_attributes_share_one_schema_and_attributes_win() {
        let options = json!({"namespace": "council-a", "theme": {"brand": "#005ea5", "fontFamily": "Georgia, serif"}, "start": "tasks", "workshop": true});
        let attributes = json!({"namespace": "council-b", "theme-base-size": "21px"});
        let found = Options::read(&options, &attributes).expect("valid");
        assert_eq!(found.namespace, "council-b");
        assert_eq!(found.start, Route::Tasks);
        assert!(found.workshop);
        assert_eq!(found.theme.css(), ":host { --rc-brand: #005ea5; --rc-font-family: Georgia, serif; --rc-base-size: 21px; }");
        assert_eq!(Options::read(&Value::Null, &json!({})).expect("defaults").framework, FrameworkSource::Bundled);
    }

    #[test]
    fn every_bad_value_is_reported_with_its_place() {
        let options = json!({"theme": {"brand": "red; } body { display: none", "baseSize": "2em"}, "start": "nowhere", "workshop": "yes", "colour": 1});
        let attributes = json!({"namespace": "Council A", "theme-focus": "#12345g", "theme-font-family": "x</style>"});
        let problems: Vec<String> = Options::read(&options, &attributes).unwrap_err().iter().map(ToString::to_string).collect();
        assert_eq!(
            problems,
            [
                "options.theme.brand: 'red; } body { display: none' is not a colour in hex, such as #1d70b8",
                "options.theme.baseSize: '2em' is not a size from 12px to 32px, such as 19px",
                "options.start: 'nowhere' is not a screen to start on: use one of start, tasks, check, results, assessments",
                "options.workshop: expected true or false",
                "options.colour: unknown field (expected one of: framework, namespace, start, theme, workshop)",
                "attribute namespace: 'Council A' is not a storage namespace: use 1 to 40 lower-case letters, digits and hyphens",
                "attribute theme-focus: '#12345g' is not a colour in hex, such as #1d70b8",
                "attribute theme-font-family: 'x</style>' is not a list of font names, such as Arial, sans-serif",
            ]
        );
    }
}
