//! The analyst's command line: `readiness score` prints an export's results as JSON,
//! `readiness validate` checks an export or a framework file, listing every problem,
//! `readiness csv` and `readiness report` write an export's answers as CSV and its results as
//! Markdown, and `readiness aggregate` takes a room's exports together. It uses the same core
//! code as the browser app.
//!
//! Exit codes: 0 success, 1 a file that cannot be read or is not valid, 2 a wrong command line.

mod aggregate;

use std::io::{Read, Write};
use std::path::Path;

use readiness_core::codec::{csv, export, markdown};
use readiness_core::{Framework, Problem, score};
use serde_json::{Map, Value, json};

const USAGE: &str = "\
readiness: score, validate and report on readiness self-assessment files

Usage:
  readiness score FILE [--framework F]     print the results of an export as JSON
  readiness validate FILE [--framework F]  check an export or a framework file
  readiness csv FILE [--framework F]       print the answers of an export as CSV
  readiness report FILE [--framework F]    print the results of an export as Markdown
  readiness aggregate FILE... [--format csv|json] [--keep-duplicates] [--framework F]
                                           take a room's exports together: how many gave
                                           each answer, medians, spread, merged results
  readiness help                           show this help
  readiness --version                      show the version

FILE may be - for standard input. Exports are checked against the bundled framework
unless --framework names a framework file (TOML or JSON).

aggregate writes JSON unless --format csv is given. It reads every file first and writes
nothing if any cannot be read or is not valid. A file with the same title and answers as an
earlier one is reported on standard error and counted once, unless --keep-duplicates is given.

Exit status: 0 success, 1 a file that cannot be read or is not valid, 2 a wrong command line.
";

/// Runs the command line with `args` (without the program name); returns the exit code.
pub fn run<A: AsRef<std::ffi::OsStr>>(args: &[A], stdin: &mut dyn Read, stdout: &mut dyn Write, stderr: &mut dyn Write) -> i32 {
    let parsed = args
        .iter()
        .map(|arg| {
            arg.as_ref()
                .to_str()
                .map(str::to_owned)
                .ok_or_else(|| format!("'{}' is not valid UTF-8: rename the file or pass it on standard input", arg.as_ref().to_string_lossy()))
        })
        .collect::<Result<Vec<String>, String>>();
    let outcome = match parsed.and_then(|args| parse(&args)) {
        Ok(Command::Help) => write!(stdout, "{USAGE}").map(|()| 0).map_err(Failure::Io),
        Ok(Command::Version) => writeln!(stdout, "readiness {}", env!("CARGO_PKG_VERSION")).map(|()| 0).map_err(Failure::Io),
        Ok(Command::Validate { file, framework }) => validate_file(&file, framework.as_deref(), stdin, stdout),
        Ok(Command::Export { format, file, framework }) => export_file(format, &file, framework.as_deref(), stdin, stdout),
        Ok(Command::Aggregate { files, framework, output, keep_duplicates }) => {
            aggregate::run(&files, framework.as_deref(), output, keep_duplicates, stdin, stdout, stderr)
        }
        Err(message) => Err(Failure::Usage(message)),
    };
    match outcome {
        Ok(code) => code,
        Err(failure) => {
            let (code, lines) = failure.report();
            for line in lines {
                // Nothing more can be done if standard error itself is gone.
                let _ = writeln!(stderr, "{line}");
            }
            code
        }
    }
}

enum Command {
    Help,
    Version,
    Validate {
        file: String,
        framework: Option<String>,
    },
    /// Reads an export and writes it in another form.
    Export {
        format: Format,
        file: String,
        framework: Option<String>,
    },
    /// Reads a room's exports and writes them taken together.
    Aggregate {
        files: Vec<String>,
        framework: Option<String>,
        output: aggregate::Output,
        keep_duplicates: bool,
    },
}

/// What the commands that read an export write.
#[derive(Clone, Copy)]
enum Format {
    /// The results as JSON (`score`).
    Results,
    /// The answers as CSV (`csv`).
    Csv,
    /// The results as Markdown (`report`).
    Report,
}

/// Why a command did not succeed.
enum Failure {
    Usage(String),
    Unreadable {
        file: String,
        reason: String,
    },
    Invalid {
        file: String,
        problems: Vec<Problem>,
    },
    /// Some of the `total` files a command reads cannot be read or are not valid.
    Files {
        failures: Vec<Failure>,
        total: usize,
    },
    Io(std::io::Error),
}

impl Failure {
    fn report(self) -> (i32, Vec<String>) {
        match self {
            Failure::Usage(message) => (2, vec![format!("readiness: {message}"), "Try 'readiness help' for usage.".to_owned()]),
            Failure::Unreadable { file, reason } => (1, vec![format!("{file}: {reason}")]),
            Failure::Invalid { file, problems } => {
                let count = problems.len();
                let mut lines: Vec<String> = problems.iter().map(|problem| format!("{file}: {problem}")).collect();
                lines.push(format!("{file}: {count} problem{} found", if count == 1 { "" } else { "s" }));
                (1, lines)
            }
            Failure::Files { failures, total } => {
                let bad = failures.len();
                let mut lines: Vec<String> = failures.into_iter().flat_map(|failure| failure.report().1).collect();
                lines.push(format!("readiness: {bad} of {total} file{} cannot be used; nothing was written", if total == 1 { "" } else { "s" }));
                (1, lines)
            }
            Failure::Io(error) if error.kind() == std::io::ErrorKind::BrokenPipe => (0, Vec::new()),
            Failure::Io(error) => (1, vec![format!("readiness: cannot write output: {error}")]),
        }
    }
}

fn parse(args: &[String]) -> Result<Command, String> {
    let mut words = args.iter();
    let command = match words.next().map(String::as_str) {
        None => return Err("no command given".to_owned()),
        Some("help" | "--help" | "-h") => return Ok(Command::Help),
        Some("--version" | "-V" | "version") => return Ok(Command::Version),
        Some("aggregate") => return parse_aggregate(words),
        Some(command @ ("score" | "validate" | "csv" | "report")) => command,
        Some(other) => return Err(format!("unknown command '{other}'")),
    };
    let mut file = None;
    let mut framework = None;
    while let Some(word) = words.next() {
        if let Some(path) = framework_option(word, &mut words) {
            framework = Some(path?);
            continue;
        }
        match word.as_str() {
            "--help" | "-h" => return Ok(Command::Help),
            flag if flag.starts_with('-') && flag != "-" => return Err(format!("unknown option '{flag}'")),
            path if file.is_none() => file = Some(path.to_owned()),
            extra => return Err(format!("'{command}' takes one file; '{extra}' is one too many")),
        }
    }
    let file = file.ok_or_else(|| format!("'{command}' needs a file"))?;
    Ok(match command {
        "validate" => Command::Validate { file, framework },
        "csv" => Command::Export { format: Format::Csv, file, framework },
        "report" => Command::Export { format: Format::Report, file, framework },
        _ => Command::Export { format: Format::Results, file, framework },
    })
}

/// The framework file named by `--framework FILE`, `-f FILE` or `--framework=FILE`, if `word`
/// is that option (taking the file name from `words` when it is the next word).
fn framework_option<'a>(word: &str, words: &mut impl Iterator<Item = &'a String>) -> Option<Result<String, String>> {
    match word {
        "--framework" | "-f" => Some(words.next().cloned().ok_or_else(|| "--framework needs a file name".to_owned())),
        _ => word.strip_prefix("--framework=").map(|path| Ok(path.to_owned())),
    }
}

fn parse_aggregate<'a>(mut words: impl Iterator<Item = &'a String>) -> Result<Command, String> {
    let mut files = Vec::new();
    let mut framework = None;
    let mut output = aggregate::Output::Json;
    let mut keep_duplicates = false;
    let format = |name: &str| match name {
        "json" => Ok(aggregate::Output::Json),
        "csv" => Ok(aggregate::Output::Csv),
        other => Err(format!("unknown format '{other}': use csv or json")),
    };
    while let Some(word) = words.next() {
        if let Some(path) = framework_option(word, &mut words) {
            framework = Some(path?);
            continue;
        }
        match word.as_str() {
            "--format" => match words.next() {
                Some(name) => output = format(name)?,
                None => return Err("--format needs csv or json".to_owned()),
            },
            flag if flag.starts_with("--format=") => output = format(&flag["--format=".len()..])?,
            "--keep-duplicates" => keep_duplicates = true,
            "--help" | "-h" => return Ok(Command::Help),
            flag if flag.starts_with('-') && flag != "-" => return Err(format!("unknown option '{flag}'")),
            "-" if files.iter().any(|file| file == "-") => return Err("standard input (-) can be read only once".to_owned()),
            path => files.push(path.to_owned()),
        }
    }
    if files.is_empty() {
        return Err("'aggregate' needs at least one file".to_owned());
    }
    if framework.as_deref() == Some("-") && files.iter().any(|file| file == "-") {
        return Err("standard input (-) can be read only once".to_owned());
    }
    Ok(Command::Aggregate { files, framework, output, keep_duplicates })
}

fn read_text(file: &str, stdin: &mut dyn Read) -> Result<String, Failure> {
    let unreadable = |reason: String| Failure::Unreadable { file: file.to_owned(), reason };
    let mut bytes = Vec::new();
    if file == "-" {
        stdin.read_to_end(&mut bytes).map_err(|error| unreadable(format!("cannot read standard input: {error}")))?;
    } else {
        bytes = std::fs::read(file).map_err(|error| unreadable(format!("cannot read this file: {}", describe_io(&error))))?;
    }
    String::from_utf8(bytes).map_err(|error| unreadable(format!("not UTF-8 text (the byte at offset {} is not valid)", error.utf8_error().valid_up_to())))
}

fn describe_io(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        std::io::ErrorKind::IsADirectory => "it is a folder, not a file".to_owned(),
        _ => error.to_string(),
    }
}

/// Whether a file is TOML: by its extension, or, with neither .toml nor .json, by not starting
/// like JSON (after a byte order mark and white space).
fn is_toml(file: &str, text: &str) -> bool {
    let extension = Path::new(file).extension().map(|extension| extension.to_ascii_lowercase());
    match extension.as_ref().and_then(|extension| extension.to_str()) {
        Some("toml") => true,
        Some("json") => false,
        _ => !text.trim_start_matches('\u{feff}').trim_start().starts_with(['{', '[']),
    }
}

/// Reads a framework file, TOML or JSON.
fn parse_framework(file: &str, text: &str) -> Result<Framework, Vec<Problem>> {
    if is_toml(file, text) { Framework::from_toml(text) } else { Framework::from_json(text) }
}

fn load_framework(path: Option<&str>, stdin: &mut dyn Read) -> Result<Framework, Failure> {
    let Some(path) = path else { return Ok(Framework::bundled()) };
    let text = read_text(path, stdin)?;
    parse_framework(path, &text).map_err(|problems| Failure::Invalid { file: path.to_owned(), problems })
}

/// Reads an export and writes its results or answers in `format`.
fn export_file(format: Format, file: &str, framework_path: Option<&str>, stdin: &mut dyn Read, stdout: &mut dyn Write) -> Result<i32, Failure> {
    let framework = load_framework(framework_path, stdin)?;
    let text = read_text(file, stdin)?;
    let assessment = export::decode(&text, &framework).map_err(|problems| Failure::Invalid { file: file.to_owned(), problems })?;
    let output = match format {
        Format::Results => {
            let mut text = serde_json::to_string_pretty(&results_json(&framework, &assessment)).unwrap_or_default();
            text.push('\n');
            text
        }
        Format::Csv => csv::encode(&framework, &assessment),
        Format::Report => markdown::report(&framework, &assessment),
    };
    stdout.write_all(output.as_bytes()).map_err(Failure::Io)?;
    Ok(0)
}

/// The results of one assessment as the JSON `readiness score` prints.
pub fn results_json(framework: &Framework, assessment: &readiness_core::Assessment) -> Value {
    let results = score::score(framework, assessment);
    let percent = |ratio: Option<readiness_core::Ratio>| ratio.map_or(Value::Null, |ratio| json!(ratio.to_f64()));
    let mut domains = Map::new();
    for (position, section) in framework.domains() {
        domains.insert(section.id.to_string(), percent(results.section(position).percent));
    }
    let ids = |positions: &[usize]| positions.iter().map(|&position| json!(framework.items[position].id.as_str())).collect::<Vec<_>>();
    let supports: Vec<Value> = results
        .supports
        .iter()
        .map(|support| {
            let reasons: Vec<Value> = support
                .reasons
                .iter()
                .map(|reason| json!(readiness_core::matching::describe_answer(framework, assessment, &framework.items[reason.item])))
                .collect();
            json!({
                "id": framework.support_types[support.support].id.as_str(),
                "match": support.percent().to_f64(),
                "suggested": support.suggested,
                "reasons": reasons,
            })
        })
        .collect();
    json!({
        "domains": domains,
        "maturity": percent(results.maturity),
        "readiness": percent(results.readiness),
        "completeness": results.completeness.to_f64(),
        "provisional": results.provisional,
        "profile": results.profile.map_or(Value::Null, |profile| json!(profile.id())),
        "supports": supports,
        "strengths": ids(&results.strengths),
        "gaps": ids(&results.gaps),
        "opportunities": ids(&results.opportunities),
    })
}

fn validate_file(file: &str, framework_path: Option<&str>, stdin: &mut dyn Read, stdout: &mut dyn Write) -> Result<i32, Failure> {
    let text = read_text(file, stdin)?;
    let invalid = |problems| Failure::Invalid { file: file.to_owned(), problems };
    let looks_like_framework = is_toml(file, &text) || {
        let parsed: Option<Value> = serde_json::from_str(text.trim_start_matches('\u{feff}')).ok();
        parsed.as_ref().and_then(|value| value.get("format")).and_then(Value::as_str) == Some("readiness-framework")
    };
    let summary = if looks_like_framework {
        let framework = parse_framework(file, &text).map_err(invalid)?;
        format!(
            "{file}: a valid framework, {} {}: {} sections, {} items, {} support types",
            framework.id,
            framework.version,
            framework.sections.len(),
            framework.items.len(),
            framework.support_types.len()
        )
    } else {
        let framework = load_framework(framework_path, stdin)?;
        let assessment = export::decode(&text, &framework).map_err(invalid)?;
        let results = score::score(&framework, &assessment);
        format!(
            "{file}: a valid assessment for {} {}: {} of {} questions answered{}",
            framework.id,
            assessment.framework.version,
            results.n_answered,
            results.n_scorable,
            if results.provisional { " (results provisional)" } else { "" }
        )
    };
    writeln!(stdout, "{summary}").map_err(Failure::Io)?;
    Ok(0)
}
