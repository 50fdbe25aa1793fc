//! Share links, version 1: one assessment's answers in the fragment of a URL,
//! `<app url>#/share/<payload>`. Documented byte by byte in `docs/share-links.md`.
//!
//! A link carries the framework, the title, and each answered item's value and priority flag.
//! It never carries notes or free-text (vision) answers: those stay where they were written.
//!
//! ```text
//! payload = "1." <n> "." <data>          n: the number of characters in <data>, in decimal
//! data    = base64url, no padding, of DEFLATE(body) followed by CRC-32(body), big-endian
//! body    = <framework id> "\n" <framework version> "\n" <title> "\n"
//!           (<item id> " " <code> ["!"] "\n")*
//! code    = "0".."4" a level | "?" not sure | "y" "p" "n" yes, partly, no | "-" no answer
//! ```
//!
//! `n` lets a link that was cut off when it was copied be told apart from one that was changed;
//! the checksum catches the rest. Decoding checks everything before it returns anything: it
//! gives an assessment that is entirely valid, or every problem it found, never part of one.

use miniz_oxide::inflate::TINFLStatus;
use miniz_oxide::inflate::core::{DecompressorOxide, decompress, inflate_flags};

use super::export::MAX_TITLE;
use crate::answer::{Answer, Assessment, Choice, FrameworkRef, Rating, TOP_LEVEL, Value};
use crate::framework::{Framework, ItemKind};
use crate::ids::{FrameworkId, ItemId, is_kebab};
use crate::problem::{Problem, join, quote};

/// The share link version this code writes, and the newest it reads.
pub const VERSION: u64 = 1;
/// The longest payload accepted, in characters. Real links are a few hundred characters.
pub const MAX_LINK: usize = 16_000;
/// The most bytes a link's body may unpack to.
pub const MAX_BODY: usize = 64 * 1024;
/// What comes before the payload in the app's URL.
pub const FRAGMENT_PREFIX: &str = "#/share/";

/// DEFLATE's strongest setting: links are short, so the time does not matter.
const LEVEL: u8 = 10;

/// Writes the payload of a share link for `assessment`: its title (cut to [`MAX_TITLE`]
/// characters) and the values and priority flags of the framework's rated and challenge items,
/// in framework order. Notes, vision answers and retired answers are left out.
pub fn encode(framework: &Framework, assessment: &Assessment) -> String {
    let body = body(framework, assessment);
    let mut bytes = miniz_oxide::deflate::compress_to_vec(body.as_bytes(), LEVEL);
    bytes.extend_from_slice(&crc32(body.as_bytes()).to_be_bytes());
    let data = base64(&bytes);
    format!("{VERSION}.{}.{data}", data.len())
}

/// The text a link packs.
fn body(framework: &Framework, assessment: &Assessment) -> String {
    let mut out = String::new();
    for line in [framework.id.as_str(), &framework.version] {
        out.push_str(line);
        out.push('\n');
    }
    for c in assessment.title.chars().take(MAX_TITLE) {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('\n');
    for item in &framework.items {
        let Some(answer) = assessment.answers.get(item.id.as_str()) else { continue };
        let code = match (item.kind, &answer.value) {
            (ItemKind::Rating, Some(Value::Rating(Rating::Level(level)))) if *level <= TOP_LEVEL => char::from(b'0' + level),
            (ItemKind::Rating, Some(Value::Rating(Rating::NotSure))) => '?',
            (ItemKind::Choice, Some(Value::Choice(choice))) => choice_code(*choice),
            (ItemKind::Rating | ItemKind::Choice, _) if answer.priority => '-',
            _ => continue,
        };
        out.push_str(item.id.as_str());
        out.push(' ');
        out.push(code);
        if answer.priority {
            out.push('!');
        }
        out.push('\n');
    }
    out
}

fn choice_code(choice: Choice) -> char {
    match choice {
        Choice::Yes => 'y',
        Choice::Partly => 'p',
        Choice::No => 'n',
        Choice::NotSure => '?',
    }
}

/// Reads a share link's payload (what follows `#/share/`; a whole link, or the payload with
/// spaces around it, is read too) and checks it against `framework`.
///
/// Answers to items the framework does not have are an error when the link names this version
/// of the framework, and are kept in [`Assessment::retired`] when it names another.
pub fn decode(payload: &str, framework: &Framework) -> Result<Assessment, Vec<Problem>> {
    let body = unpack(payload).map_err(|message| vec![Problem::new("link", message)])?;
    read_body(&body, framework)
}

const EMPTY: &str = "this share link is empty: there is nothing after '#/share/'";
const NOT_A_LINK: &str = "this is not a share link made by this tool";
const CUT_OFF: &str = "it may have been cut off when it was copied";
const DAMAGED: &str = "this link has been changed or damaged since it was made";

/// Checks the payload's framing and checksum and returns the body it packs, or what is wrong.
fn unpack(payload: &str) -> Result<String, String> {
    let payload = payload.trim();
    let payload = payload.rfind(FRAGMENT_PREFIX).map_or(payload, |at| &payload[at + FRAGMENT_PREFIX.len()..]);
    if payload.len() > MAX_LINK && payload.chars().count() > MAX_LINK {
        return Err(format!(
            "this link is {} characters long, longer than any share link this tool makes (at most {MAX_LINK}): it may have been changed, or joined to other text",
            payload.chars().count()
        ));
    }
    if payload.is_empty() {
        return Err(EMPTY.to_owned());
    }
    let (version, rest) = match payload.split_once('.') {
        Some((version, rest)) => (version, Some(rest)),
        None => (payload, None),
    };
    match number(version) {
        Some(VERSION) => {}
        Some(newer) if newer > VERSION => {
            return Err(format!(
                "this link was made by a newer version of the tool (link version {newer}): open it with the newest version of the tool, or ask for an export file instead"
            ));
        }
        _ => return Err(NOT_A_LINK.to_owned()),
    }
    let incomplete = || format!("this link is incomplete: it ends before its answers begin; {CUT_OFF}");
    let Some(rest) = rest else { return Err(incomplete()) };
    let Some((count, data)) = rest.split_once('.') else {
        return Err(if rest.bytes().all(|b| b.is_ascii_digit()) { incomplete() } else { format!("{DAMAGED}: it does not say how long it should be") });
    };
    let Some(count) = number(count) else { return Err(format!("{DAMAGED}: it does not say how long it should be")) };
    if let Some(bad) = data.chars().find(|&c| !c.is_ascii() || sextet(c as u8).is_none()) {
        let what = match bad {
            ' ' => "a space".to_owned(),
            '\n' | '\r' => "a line break".to_owned(),
            '\t' => "a tab".to_owned(),
            c => quote(c.encode_utf8(&mut [0; 4])),
        };
        return Err(format!("this link contains {what}, which a share link never does: it may have been changed or damaged when it was copied"));
    }
    let length = data.len() as u64;
    if length < count {
        return Err(format!("this link is incomplete: it has {length} of the {count} characters it should; {CUT_OFF}"));
    }
    if length > count {
        return Err(format!("{DAMAGED}: it has {length} characters where it should have {count}"));
    }
    let unreadable = || format!("{DAMAGED}: its answers cannot be unpacked");
    let bytes = unbase64(data.as_bytes()).ok_or_else(unreadable)?;
    let Some(split) = bytes.len().checked_sub(4).filter(|&split| split > 0) else { return Err(unreadable()) };
    let (packed, checksum) = bytes.split_at(split);
    let body = inflate(packed).ok_or_else(unreadable)?.ok_or_else(|| {
        format!("this link holds more than {MAX_BODY} bytes of answers, more than any share link this tool makes: it was not made by this tool")
    })?;
    if checksum != crc32(&body).to_be_bytes() {
        return Err(format!("{DAMAGED}: its checksum does not match"));
    }
    String::from_utf8(body).map_err(|_| format!("the answers in this link are not text: {NOT_A_LINK}"))
}

/// A whole number written as this code writes it: digits, no leading zero.
fn number(text: &str) -> Option<u64> {
    let canonical = !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) && (text == "0" || !text.starts_with('0'));
    if canonical { text.parse().ok() } else { None }
}

/// Unpacks raw DEFLATE data into at most [`MAX_BODY`] bytes: `None` if it is not valid DEFLATE
/// or does not end where the data does, `Some(None)` if it unpacks to more than the limit.
fn inflate(packed: &[u8]) -> Option<Option<Vec<u8>>> {
    let mut out = vec![0; MAX_BODY + 1];
    let mut state = Box::<DecompressorOxide>::default();
    let (status, read, written) = decompress(&mut state, packed, &mut out, 0, inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF);
    match status {
        TINFLStatus::Done if read == packed.len() && written <= MAX_BODY => {
            out.truncate(written);
            Some(Some(out))
        }
        TINFLStatus::Done | TINFLStatus::HasMoreOutput if written > MAX_BODY => Some(None),
        _ => None,
    }
}

/// What one answer line's code says.
#[derive(Clone, Copy)]
enum Code {
    Level(u8),
    NotSure,
    Choice(Choice),
    Nothing,
}

fn code(text: &str) -> Option<Code> {
    Some(match text {
        "0" | "1" | "2" | "3" | "4" => Code::Level(text.as_bytes()[0] - b'0'),
        "?" => Code::NotSure,
        "y" => Code::Choice(Choice::Yes),
        "p" => Code::Choice(Choice::Partly),
        "n" => Code::Choice(Choice::No),
        "-" => Code::Nothing,
        _ => return None,
    })
}

/// Reads a body whose checksum matched, checking it against `framework`.
fn read_body(body: &str, framework: &Framework) -> Result<Assessment, Vec<Problem>> {
    let malformed = |what: &str| vec![Problem::new("link", format!("{NOT_A_LINK}: {what}"))];
    let Some(body) = body.strip_suffix('\n') else { return Err(malformed("its answers do not end with a line break")) };
    let mut lines = body.split('\n');
    let id = lines.next().unwrap_or_default();
    let (Some(version), Some(title)) = (lines.next(), lines.next()) else { return Err(malformed("it does not name a framework version and a title")) };
    if id != framework.id.as_str() {
        return Err(vec![Problem::new("link.framework", format!("this link is for the framework {}, not {}", quote(id), quote(framework.id.as_str())))]);
    }
    let mut problems = Vec::new();
    if version.is_empty() || version.len() > 32 || !version.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '+')) {
        problems.push(Problem::new("link.framework", format!("{} is not a framework version", quote(version))));
    }
    let title = match unescape(title) {
        Some(title) => title,
        None => {
            problems.push(Problem::new("link.title", "has a '\\' that is not followed by '\\' or 'n'"));
            String::new()
        }
    };
    let n_chars = title.chars().count();
    if n_chars > MAX_TITLE {
        problems.push(Problem::new("link.title", format!("is {n_chars} characters; a title is at most {MAX_TITLE}")));
    }
    let migrating = version != framework.version;
    let mut assessment =
        Assessment { framework: FrameworkRef { id: FrameworkId::new(id), version: version.to_owned() }, title, updated: None, ..Assessment::default() };
    for (position, line) in lines.enumerate() {
        let Some((id, code_text)) = line.split_once(' ').filter(|(id, _)| is_kebab(id)) else {
            problems.push(Problem::new("link.answers", format!("line {} is not an item id and an answer: {}", position + 4, quote(line))));
            continue;
        };
        let path = join("link.answers", id);
        let (bare, priority) = match code_text.strip_suffix('!') {
            Some(bare) => (bare, true),
            None => (code_text, false),
        };
        let Some(code) = code(bare) else {
            problems.push(Problem::new(path, format!("{} is not an answer a share link can hold", quote(code_text))));
            continue;
        };
        if matches!(code, Code::Nothing) && !priority {
            problems.push(Problem::new(path, "records nothing: an item with no answer is in a link only to carry a priority flag ('-!')"));
            continue;
        }
        if assessment.answers.contains_key(id) || assessment.retired.contains_key(id) {
            problems.push(Problem::new(path, "is answered more than once"));
            continue;
        }
        let Some(item) = framework.item(id) else {
            if migrating {
                let value = match code {
                    Code::Level(level) => Some(Value::Rating(Rating::Level(level))),
                    Code::NotSure => Some(Value::Rating(Rating::NotSure)),
                    Code::Choice(choice) => Some(Value::Choice(choice)),
                    Code::Nothing => None,
                };
                assessment.retired.insert(ItemId::new(id), Answer { value, note: String::new(), priority });
            } else {
                problems.push(Problem::new(path, format!("unknown item {}: framework {} {} has no such item", quote(id), framework.id, framework.version)));
            }
            continue;
        };
        let value = match (item.kind, code) {
            (ItemKind::Text, _) => {
                problems.push(Problem::new(path, format!("{} is a free-text question, and free-text answers are never put in a share link", quote(id))));
                continue;
            }
            (_, Code::Nothing) => None,
            (ItemKind::Rating, Code::Level(level)) => Some(Value::Rating(Rating::Level(level))),
            (ItemKind::Rating, Code::NotSure) => Some(Value::Rating(Rating::NotSure)),
            (ItemKind::Choice, Code::NotSure) => Some(Value::Choice(Choice::NotSure)),
            (ItemKind::Choice, Code::Choice(choice)) => Some(Value::Choice(choice)),
            (ItemKind::Rating, Code::Choice(_)) => {
                problems.push(Problem::new(path, format!("{} is a yes, partly or no answer, but {} is rated from 0 to {TOP_LEVEL}", quote(bare), quote(id))));
                continue;
            }
            (ItemKind::Choice, Code::Level(_)) => {
                problems.push(Problem::new(path, format!("{} is a level from 0 to {TOP_LEVEL}, but {} is answered yes, partly or no", quote(bare), quote(id))));
                continue;
            }
        };
        assessment.answers.insert(item.id.clone(), Answer { value, note: String::new(), priority });
    }
    if problems.is_empty() { Ok(assessment) } else { Err(problems) }
}

/// The title as written: `\\` is a backslash and `\n` a line break. `None` for any other `\`.
fn unescape(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        out.push(match c {
            '\\' => match chars.next() {
                Some('\\') => '\\',
                Some('n') => '\n',
                _ => return None,
            },
            c => c,
        });
    }
    Some(out)
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// base64url without padding (RFC 4648, section 5).
fn base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let group = chunk.iter().enumerate().fold(0u32, |group, (at, &byte)| group | u32::from(byte) << (16 - 8 * at));
        for at in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(group >> (18 - 6 * at)) as usize & 63]));
        }
    }
    out
}

/// The value of one base64url character.
fn sextet(c: u8) -> Option<u32> {
    let value = match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'-' => 62,
        b'_' => 63,
        _ => return None,
    };
    Some(u32::from(value))
}

/// Reads base64url without padding, as [`base64`] writes it and no other way: `None` for a
/// character outside the alphabet, a length no bytes encode to, or unused bits that are not 0.
fn unbase64(text: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    for chunk in text.chunks(4) {
        let n_bytes = chunk.len().checked_sub(1).filter(|&n| n > 0)?;
        let group = chunk.iter().enumerate().try_fold(0u32, |group, (at, &c)| Some(group | sextet(c)? << (18 - 6 * at)))?;
        if group & (0x00FF_FFFF >> (8 * n_bytes)) != 0 {
            return None;
        }
        out.extend((0..n_bytes).map(|at| (group >> (16 - 8 * at)) as u8));
    }
    Some(out)
}

/// The CRC-32 of IEEE 802.3 (as in zip, gzip and PNG), a bit at a time: bodies are small, and
/// a table would cost a kilobyte of the browser build.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_is_the_standard_one() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn base64url_matches_rfc_4648() {
        for (bytes, text) in [("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"), ("foobar", "Zm9vYmFy")] {
            assert_eq!(base64(bytes.as_bytes()), text);
            assert_eq!(unbase64(text.as_bytes()).as_deref(), Some(bytes.as_bytes()));
        }
        assert_eq!(base64(&[0xFB, 0xFF]), "-_8");
        assert_eq!(unbase64(b"-_8").as_deref(), Some(&[0xFB, 0xFF][..]));
        // Unused bits must be 0, so each byte string has exactly one spelling.
        assert_eq!(unbase64(b"Zh"), None);
        assert_eq!(unbase64(b"Zm9"), None);
        assert_eq!(unbase64(b"Zm9vY"), None, "no bytes encode to 5 characters");
        assert_eq!(unbase64(b"Zm+v"), None);
    }

    #[test]
    fn every_byte_string_round_trips() {
        let bytes: Vec<u8> = (0..=255).collect();
        for length in 0..bytes.len() {
            assert_eq!(unbase64(base64(&bytes[..length]).as_bytes()).as_deref(), Some(&bytes[..length]));
        }
    }

    #[test]
    fn inflate_rejects_data_after_the_end_and_bodies_over_the_limit() {
        let packed = miniz_oxide::deflate::compress_to_vec(b"hello\n", LEVEL);
        assert_eq!(inflate(&packed), Some(Some(b"hello\n".to_vec())));
        let mut longer = packed.clone();
        longer.push(0);
        assert_eq!(inflate(&longer), None);
        assert_eq!(inflate(&packed[..packed.len() - 1]), None);
        let exactly = vec![b'a'; MAX_BODY];
        assert_eq!(inflate(&miniz_oxide::deflate::compress_to_vec(&exactly, LEVEL)), Some(Some(exactly)));
        let over = vec![b'a'; MAX_BODY + 1];
        assert_eq!(inflate(&miniz_oxide::deflate::compress_to_vec(&over, LEVEL)), Some(None));
        let far_over = vec![b'a'; 10 * MAX_BODY];
        assert_eq!(inflate(&miniz_oxide::deflate::compress_to_vec(&far_over, LEVEL)), Some(None));
    }
}
