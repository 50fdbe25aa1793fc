//! Share links, version 1 (docs/share-links.md): what a link holds, checked with independent
//! base64url and CRC-32 implementations; round trips over random assessments; the problem
//! (path: message) decoding gives for every way a link can be wrong; every truncation and
//! every one-character change of real links; and the golden link
//! content/examples/golden-share-v1.txt, which must always decode to
//! content/examples/golden-share-v1.expected.json. Golden files are kept forever.

mod common;

use std::sync::LazyLock;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use proptest::prelude::*;
use proptest::sample::Index;
use readiness_core::codec::export::{self, MAX_TITLE};
use readiness_core::codec::share::{self, MAX_BODY, MAX_LINK};
use readiness_core::framework::ItemKind;
use readiness_core::{Answer, Assessment, Choice, Framework, FrameworkRef, ItemId, Rating, Value};

static FRAMEWORK: LazyLock<Framework> = LazyLock::new(Framework::bundled);

const DAMAGED: &str = "link: this link has been changed or damaged since it was made";
const INCOMPLETE: &str = "link: this link is incomplete:";
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// ---------------------------------------------------------------------------------------
// Helpers

/// Packs `body` as the format says, with independent base64url and CRC-32 and another
/// DEFLATE level than the encoder's: decoding must not depend on how the data was compressed.
fn pack(body: &[u8]) -> String {
    pack_with_checksum(body, crc32fast::hash(body))
}

fn pack_with_checksum(body: &[u8], checksum: u32) -> String {
    let mut bytes = miniz_oxide::deflate::compress_to_vec(body, 6);
    bytes.extend_from_slice(&checksum.to_be_bytes());
    let data = URL_SAFE_NO_PAD.encode(bytes);
    format!("1.{}.{data}", data.len())
}

/// The body a payload packs, read with independent base64url and CRC-32.
fn unpack(payload: &str) -> String {
    let mut parts = payload.splitn(3, '.');
    assert_eq!(parts.next(), Some("1"), "{payload}");
    let n: usize = parts.next().and_then(|n| n.parse().ok()).expect("a length");
    let data = parts.next().expect("data");
    assert_eq!(data.len(), n, "n counts the characters of the data");
    let bytes = URL_SAFE_NO_PAD.decode(data).expect("base64url without padding");
    let (packed, checksum) = bytes.split_at(bytes.len() - 4);
    let body = miniz_oxide::inflate::decompress_to_vec(packed).expect("raw DEFLATE");
    assert_eq!(checksum, crc32fast::hash(&body).to_be_bytes(), "the big-endian CRC-32 of the body");
    String::from_utf8(body).expect("UTF-8")
}

/// The header lines of a body for the bundled framework, version 1.0, and `title`.
fn head(title: &str) -> String {
    format!("rethinking-childrens-social-work\n1.0\n{title}\n")
}

/// Decodes `payload` against the bundled framework and returns its problems as "path: message".
fn problems(payload: &str) -> Vec<String> {
    match share::decode(payload, &FRAMEWORK) {
        Ok(assessment) => panic!("expected problems for {payload:?}, decoded {assessment:?}"),
        Err(problems) => problems.iter().map(ToString::to_string).collect(),
    }
}

/// Checks that `payload` is rejected with exactly the problem `expected`.
fn check(payload: &str, expected: &str) {
    assert_eq!(problems(payload), [expected], "for {payload:?}");
}

/// Checks that a link packing `body` is rejected with exactly the problems `expected`.
fn check_body(body: &str, expected: &[&str]) {
    assert_eq!(problems(&pack(body.as_bytes())), expected, "for {body:?}");
}

fn answer(value: Option<Value>, priority: bool) -> Answer {
    Answer { value, note: String::new(), priority }
}

fn level(level: u8) -> Option<Value> {
    Some(Value::Rating(Rating::Level(level)))
}

fn choice(choice: Choice) -> Option<Value> {
    Some(Value::Choice(choice))
}

/// What a link keeps of an assessment: its title (cut to the limit) and the values and
/// priority flags of rated and challenge items; no notes, vision answers, retired answers or
/// time of the last change.
fn what_a_link_carries(assessment: &Assessment) -> Assessment {
    let answers = assessment
        .answers
        .iter()
        .filter(|(id, _)| FRAMEWORK.item(id.as_str()).is_some_and(|item| item.kind != ItemKind::Text))
        .map(|(id, kept)| (id.clone(), answer(kept.value.clone(), kept.priority)))
        .filter(|(_, kept)| !kept.is_empty())
        .collect();
    Assessment {
        framework: FrameworkRef { id: FRAMEWORK.id.clone(), version: FRAMEWORK.version.clone() },
        title: assessment.title.chars().take(MAX_TITLE).collect(),
        updated: None,
        answers,
        retired: Default::default(),
    }
}

fn example(name: &str) -> Assessment {
    export::decode(&common::repo_file(&format!("content/examples/{name}.json")), &FRAMEWORK).unwrap_or_else(|problems| panic!("{name}: {problems:?}"))
}

// ---------------------------------------------------------------------------------------
// What a link holds

#[test]
fn a_link_holds_the_documented_body() {
    let assessment = common::answers(
        &FRAMEWORK,
        "shared-practice-theory: 2!
         evidence-based-direct-work: ?
         reflective-supervision: -!
         case-recording: partly
         engaging-children: not-sure!
         who-does-what: no
         how-we-help: Never in a link",
    );
    let mut assessment = Assessment { title: "Baseline\\autumn\nsecond line".into(), updated: Some("2026-11-22T10:00:00Z".into()), ..assessment };
    assessment.answers.get_mut("case-recording").expect("answered").note = "Never in a link either".into();
    assessment.retired.insert(ItemId::new("an-old-item"), answer(level(3), false));
    let payload = share::encode(&FRAMEWORK, &assessment);
    assert_eq!(
        unpack(&payload),
        "rethinking-childrens-social-work\n1.0\nBaseline\\\\autumn\\nsecond line\n\
         shared-practice-theory 2!\nevidence-based-direct-work ?\nreflective-supervision -!\n\
         case-recording p\nengaging-children ?!\nwho-does-what n\n"
    );
    assert!(!payload.contains("Never"));
    assert_eq!(share::decode(&payload, &FRAMEWORK), Ok(what_a_link_carries(&assessment)));
}

/// The example that docs/share-links.md takes apart byte by byte.
#[test]
fn the_documented_example() {
    let payload =
        "1.136.Dc3RDcMgDEXRf09BBnDVdoRugsxrsYIwsmmibB9-r3R1HLNq37X_WKq24ujBYaK58Wm-0-vxpE8ONO2gqNlReHiWqQKeFeZXem_k-DaseIDjP-CHhlpPvJGsmR1iXpaSBt3axwm5";
    let body = unpack(payload);
    assert_eq!(body, "rethinking-childrens-social-work\n1.0\nBaseline\nshared-practice-theory 2!\nreflective-supervision -!\ncase-recording p\n");
    assert_eq!((body.len(), crc32fast::hash(body.as_bytes())), (115, 0xdac7_09b9));
    assert_eq!(URL_SAFE_NO_PAD.decode(&payload[6..]).map(|bytes| bytes.len()), Ok(102));
    let mut assessment = common::answers(&FRAMEWORK, "shared-practice-theory: 2!\nreflective-supervision: -!\ncase-recording: partly");
    assessment.title = "Baseline".into();
    assert_eq!(share::decode(payload, &FRAMEWORK), Ok(assessment));
}

#[test]
fn answers_are_written_in_framework_order_and_read_in_any_order() {
    let assessment = common::answers(&FRAMEWORK, "who-does-what: yes\nshared-practice-theory: 4\ndelivery-model-openness: 0");
    let body = unpack(&share::encode(&FRAMEWORK, &assessment));
    assert!(body.ends_with("\nshared-practice-theory 4\nwho-does-what y\ndelivery-model-openness 0\n"), "{body}");
    let reordered = format!("{}delivery-model-openness 0\nwho-does-what y\nshared-practice-theory 4\n", head(""));
    assert_eq!(share::decode(&pack(reordered.as_bytes()), &FRAMEWORK), Ok(what_a_link_carries(&assessment)));
}

#[test]
fn titles_are_cut_to_the_limit_and_keep_every_character() {
    let long = Assessment { title: "é".repeat(MAX_TITLE + 50), ..common::empty(&FRAMEWORK) };
    let decoded = share::decode(&share::encode(&FRAMEWORK, &long), &FRAMEWORK).expect("decodes");
    assert_eq!(decoded.title, "é".repeat(MAX_TITLE));
    let odd = Assessment { title: "a\\nb\n\n\\\r\t\u{0}😀 \"quoted\"".into(), ..common::empty(&FRAMEWORK) };
    assert_eq!(share::decode(&share::encode(&FRAMEWORK, &odd), &FRAMEWORK).map(|decoded| decoded.title), Ok(odd.title));
}

#[test]
fn a_whole_link_or_a_payload_with_spaces_around_it_is_read() {
    let payload = share::encode(&FRAMEWORK, &example("worked-example"));
    let expected = share::decode(&payload, &FRAMEWORK).expect("decodes");
    for text in [format!("https://example.org/readiness/#/share/{payload}"), format!("#/share/{payload}"), format!("  {payload}\n")] {
        assert_eq!(share::decode(&text, &FRAMEWORK).as_ref(), Ok(&expected), "{text}");
    }
}

#[test]
fn an_empty_assessment_makes_a_link_too() {
    let empty = common::empty(&FRAMEWORK);
    let payload = share::encode(&FRAMEWORK, &empty);
    assert_eq!(unpack(&payload), head(""));
    assert_eq!(share::decode(&payload, &FRAMEWORK), Ok(empty));
}

#[test]
fn the_worked_example_makes_a_short_link() {
    let payload = share::encode(&FRAMEWORK, &example("worked-example"));
    println!("the worked example's share link payload is {} characters: {payload}", payload.len());
    assert!(payload.len() < 1_000, "{} characters", payload.len());
    // Every item answered and flagged, with the longest title in characters that take four bytes each.
    let mut full =
        common::answers(&FRAMEWORK, "tools-practice: 4!*\nenvironment-culture: ?!*\nworkforce-structure: 1!*\nchallenges: partly!*\ninnovation-readiness: 3!*");
    full.title = (0..MAX_TITLE).map(|n| char::from_u32(0x1F600 + (n as u32 * 7919) % 0x50).unwrap_or('x')).collect();
    let longest = share::encode(&FRAMEWORK, &full);
    println!("a link with every item answered and flagged and a {MAX_TITLE}-emoji title is {} characters", longest.len());
    assert!(longest.len() < 2_000, "{} characters", longest.len());
    assert_eq!(share::decode(&longest, &FRAMEWORK), Ok(what_a_link_carries(&full)));
}

#[test]
fn answers_given_against_another_framework_version_come_back_with_it() {
    let mut older = FRAMEWORK.clone();
    older.version = "0.9".into();
    let assessment = common::answers(&FRAMEWORK, "learning-culture: 3!\ncase-recording: yes");
    let decoded = share::decode(&share::encode(&older, &assessment), &FRAMEWORK).expect("decodes");
    assert_eq!(decoded.framework.version, "0.9");
    assert_eq!(decoded.answers, what_a_link_carries(&assessment).answers);
    assert!(decoded.retired.is_empty());
}

#[test]
fn answers_to_items_another_version_had_are_kept_as_retired() {
    let body = "rethinking-childrens-social-work\n0.9\nOld\nlearning-culture 3\nold-rated 4!\nold-unsure ?\nold-choice p\nold-no n\nold-flag -!\n";
    let decoded = share::decode(&pack(body.as_bytes()), &FRAMEWORK).expect("decodes");
    assert_eq!(decoded.framework, FrameworkRef { id: FRAMEWORK.id.clone(), version: "0.9".into() });
    assert_eq!(decoded.answers.len(), 1);
    let retired: Vec<(&str, &Answer)> = decoded.retired.iter().map(|(id, answer)| (id.as_str(), answer)).collect();
    assert_eq!(
        retired,
        [
            ("old-choice", &answer(choice(Choice::Partly), false)),
            ("old-flag", &answer(None, true)),
            ("old-no", &answer(choice(Choice::No), false)),
            ("old-rated", &answer(level(4), true)),
            ("old-unsure", &answer(Some(Value::Rating(Rating::NotSure)), false)),
        ]
    );
    // Retired answers are never put back in a link.
    assert!(!unpack(&share::encode(&FRAMEWORK, &decoded)).contains("old-"));
}

// ---------------------------------------------------------------------------------------
// Not a link, or not a whole one

#[test]
fn empty() {
    for text in ["", "   ", "\n", "#/share/", "https://example.org/#/share/"] {
        check(text, "link: this share link is empty: there is nothing after '#/share/'");
    }
}

#[test]
fn not_a_share_link() {
    for text in ["hello", "x.1.abc", "01.3.abc", "0.3.abc", "-1.3.abc", ".3.abc", "1,3,abc", "https://example.org/", "{\"format\": 1}"] {
        check(text, "link: this is not a share link made by this tool");
    }
}

#[test]
fn made_by_a_newer_version() {
    let message = "link: this link was made by a newer version of the tool (link version 2): open it with the newest version of the tool, or ask for an export file instead";
    check("2.10.abcdefghij", message);
    check("2", message);
    check("2.anything at all", message);
    check("17.3.abc", &message.replace("version 2", "version 17"));
}

#[test]
fn incomplete() {
    let payload = share::encode(&FRAMEWORK, &example("golden-export-v1"));
    let n = payload.split('.').nth(1).expect("a length");
    let cut = &payload[..payload.len() - 40];
    let has = cut.len() - (n.len() + 3);
    check(cut, &format!("{INCOMPLETE} it has {has} of the {n} characters it should; it may have been cut off when it was copied"));
    let before = "link: this link is incomplete: it ends before its answers begin; it may have been cut off when it was copied";
    for text in ["1", "1.", "1.6", &format!("1.{n}")] {
        check(text, before);
    }
    check(&format!("1.{n}."), &format!("{INCOMPLETE} it has 0 of the {n} characters it should; it may have been cut off when it was copied"));
}

#[test]
fn longer_than_it_says() {
    let payload = share::encode(&FRAMEWORK, &example("worked-example"));
    let n: usize = payload.split('.').nth(1).and_then(|n| n.parse().ok()).expect("a length");
    check(&format!("{payload}AAAA"), &format!("{DAMAGED}: it has {} characters where it should have {n}", n + 4));
}

#[test]
fn no_length() {
    for text in ["1.abc", "1.x.abc", "1..abc", "1.012.abcdefghijkl", "1.99999999999999999999999.abc"] {
        check(text, &format!("{DAMAGED}: it does not say how long it should be"));
    }
}

#[test]
fn characters_a_link_never_has() {
    let payload = share::encode(&FRAMEWORK, &example("worked-example"));
    let at = payload.len() - 10;
    let with = |insert: &str| format!("{}{insert}{}", &payload[..at], &payload[at..]);
    let message =
        |what: &str| format!("link: this link contains {what}, which a share link never does: it may have been changed or damaged when it was copied");
    check(&with("%"), &message("'%'"));
    check(&with("="), &message("'='"));
    check(&with("+"), &message("'+'"));
    check(&with("é"), &message("'é'"));
    check(&with(" "), &message("a space"));
    check(&with("\r\n"), &message("a line break"));
    check(&with("\t"), &message("a tab"));
    check(&format!("{payload}=="), &message("'='"));
}

#[test]
fn too_long() {
    let huge = format!("1.{}.{}", MAX_LINK, "A".repeat(MAX_LINK));
    check(
        &huge,
        &format!(
            "link: this link is {} characters long, longer than any share link this tool makes (at most 16000): it may have been changed, or joined to other text",
            huge.len()
        ),
    );
    // At the limit it is read (and found damaged, since its data is not a link's).
    let at_limit = format!("1.{n}.{}", "A".repeat(MAX_LINK - 8), n = MAX_LINK - 8);
    assert_eq!(at_limit.len(), MAX_LINK);
    assert!(problems(&at_limit)[0].starts_with(DAMAGED));
}

// ---------------------------------------------------------------------------------------
// Damaged

#[test]
fn checksum_mismatch() {
    let body = head("Baseline");
    check(&pack_with_checksum(body.as_bytes(), crc32fast::hash(body.as_bytes()) ^ 1), &format!("{DAMAGED}: its checksum does not match"));
}

#[test]
fn data_that_cannot_be_unpacked() {
    let message = format!("{DAMAGED}: its answers cannot be unpacked");
    // Too short to hold anything, not DEFLATE, and base64url that no bytes encode to.
    for data in ["", "AAAAAA", "__________", "AAAAA", "A"] {
        let text = format!("1.{}.{data}", data.len());
        if !data.is_empty() {
            check(&text, &message);
        }
    }
    // Unused bits in the last character that are not 0: another spelling of the same bytes.
    let payload = share::encode(&FRAMEWORK, &example("worked-example"));
    let data_len = payload.rsplit('.').next().map_or(0, str::len);
    if data_len % 4 != 0 {
        let last = payload.as_bytes()[payload.len() - 1];
        let position = ALPHABET.iter().position(|&c| c == last).expect("base64url");
        let respelt = format!("{}{}", &payload[..payload.len() - 1], char::from(ALPHABET[position ^ 1]));
        check(&respelt, &message);
    }
    // DEFLATE data with more after its end.
    let body = head("x");
    let mut bytes = miniz_oxide::deflate::compress_to_vec(body.as_bytes(), 6);
    bytes.push(0);
    bytes.extend_from_slice(&crc32fast::hash(body.as_bytes()).to_be_bytes());
    let data = URL_SAFE_NO_PAD.encode(bytes);
    check(&format!("1.{}.{data}", data.len()), &message);
}

#[test]
fn a_body_over_the_limit() {
    let mut body = head("x").into_bytes();
    body.resize(MAX_BODY + 1, b'\n');
    let packed = pack(&body);
    assert!(packed.len() < 1_000, "a body of repeated bytes packs small");
    check(&packed, "link: this link holds more than 65536 bytes of answers, more than any share link this tool makes: it was not made by this tool");
}

#[test]
fn a_body_that_is_not_text() {
    check(
        &pack(b"rethinking-childrens-social-work\n1.0\n\xff\xfe\n"),
        "link: the answers in this link are not text: this is not a share link made by this tool",
    );
}

// ---------------------------------------------------------------------------------------
// Well packed, wrongly made

#[test]
fn malformed_bodies() {
    let not_made_here = "link: this is not a share link made by this tool:";
    check_body("rethinking-childrens-social-work\n1.0\ntitle", &[&format!("{not_made_here} its answers do not end with a line break")]);
    check_body("", &[&format!("{not_made_here} its answers do not end with a line break")]);
    check_body("rethinking-childrens-social-work\n", &[&format!("{not_made_here} it does not name a framework version and a title")]);
    check_body("rethinking-childrens-social-work\n1.0\n", &[&format!("{not_made_here} it does not name a framework version and a title")]);
}

#[test]
fn another_framework() {
    check_body(
        "someone-elses\n1.0\nx\nlearning-culture 2\n",
        &["link.framework: this link is for the framework 'someone-elses', not 'rethinking-childrens-social-work'"],
    );
    check_body("\n1.0\nx\n", &["link.framework: this link is for the framework '', not 'rethinking-childrens-social-work'"]);
}

#[test]
fn a_bad_framework_version() {
    check_body("rethinking-childrens-social-work\n\nx\n", &["link.framework: '' is not a framework version"]);
    check_body("rethinking-childrens-social-work\nversion one\nx\n", &["link.framework: 'version one' is not a framework version"]);
}

#[test]
fn bad_titles() {
    check_body(&head("a \\t b"), &["link.title: has a '\\' that is not followed by '\\' or 'n'"]);
    check_body(&head("ends with \\"), &["link.title: has a '\\' that is not followed by '\\' or 'n'"]);
    check_body(&head(&"é".repeat(MAX_TITLE + 1)), &["link.title: is 201 characters; a title is at most 200"]);
    // Escapes count as the one character they stand for.
    assert!(share::decode(&pack(head(&"\\n".repeat(MAX_TITLE)).as_bytes()), &FRAMEWORK).is_ok());
}

#[test]
fn unknown_items() {
    check_body(
        &format!("{}made-up-item 2\n", head("x")),
        &["link.answers.made-up-item: unknown item 'made-up-item': framework rethinking-childrens-social-work 1.0 has no such item"],
    );
}

#[test]
fn answers_that_do_not_fit_the_item() {
    let lines = [
        (
            "shared-practice-theory y",
            "link.answers.shared-practice-theory: 'y' is a yes, partly or no answer, but 'shared-practice-theory' is rated from 0 to 4",
        ),
        ("whole-system-ambition n!", "link.answers.whole-system-ambition: 'n' is a yes, partly or no answer, but 'whole-system-ambition' is rated from 0 to 4"),
        ("case-recording 3", "link.answers.case-recording: '3' is a level from 0 to 4, but 'case-recording' is answered yes, partly or no"),
        ("how-we-help -!", "link.answers.how-we-help: 'how-we-help' is a free-text question, and free-text answers are never put in a share link"),
        ("what-we-ask 2", "link.answers.what-we-ask: 'what-we-ask' is a free-text question, and free-text answers are never put in a share link"),
    ];
    for (line, expected) in lines {
        check_body(&format!("{}{line}\n", head("x")), &[expected]);
    }
}

#[test]
fn codes_a_link_never_has() {
    for code in ["5", "9", "yes", "Y", "not-sure", "", "!", "2!!", "!2", "-1", "22", "2 !"] {
        check_body(
            &format!("{}learning-culture {code}\n", head("x")),
            &[&format!("link.answers.learning-culture: '{code}' is not an answer a share link can hold")],
        );
    }
    check_body(
        &format!("{}learning-culture -\n", head("x")),
        &["link.answers.learning-culture: records nothing: an item with no answer is in a link only to carry a priority flag ('-!')"],
    );
}

#[test]
fn the_same_item_twice() {
    check_body(&format!("{}learning-culture 2\nlearning-culture 2\n", head("x")), &["link.answers.learning-culture: is answered more than once"]);
    check_body("rethinking-childrens-social-work\n0.9\nx\nold-item 2\nold-item -!\n", &["link.answers.old-item: is answered more than once"]);
}

#[test]
fn lines_that_are_not_answers() {
    for (line, quoted) in [("learning-culture", "'learning-culture'"), ("", "''"), ("Learning-Culture 2", "'Learning-Culture 2'"), (" 2", "' 2'")] {
        check_body(&format!("{}{line}\n", head("x")), &[&format!("link.answers: line 4 is not an item id and an answer: {quoted}")]);
    }
    // An answer to an item of another framework version must still name an item.
    check_body("rethinking-childrens-social-work\n0.9\nx\nOld_Item 2\n", &["link.answers: line 4 is not an item id and an answer: 'Old_Item 2'"]);
}

#[test]
fn every_problem_in_one_pass_and_never_part_of_an_assessment() {
    let body =
        format!("{}learning-culture 2\ncase-recording 9\nmade-up-item 1\nnonsense\nhow-we-help ?\nlearning-culture 3\n", head(&"x".repeat(MAX_TITLE + 1)));
    check_body(
        &body,
        &[
            "link.title: is 201 characters; a title is at most 200",
            "link.answers.case-recording: '9' is not an answer a share link can hold",
            "link.answers.made-up-item: unknown item 'made-up-item': framework rethinking-childrens-social-work 1.0 has no such item",
            "link.answers: line 7 is not an item id and an answer: 'nonsense'",
            "link.answers.how-we-help: 'how-we-help' is a free-text question, and free-text answers are never put in a share link",
            "link.answers.learning-culture: is answered more than once",
        ],
    );
}

// ---------------------------------------------------------------------------------------
// Golden link

/// content/examples/golden-share-v1.txt was made once, from content/examples/golden-export-v1.json,
/// and is kept forever: every later version of the tool must read it as
/// golden-share-v1.expected.json (an export file) says. Never regenerate either file to make
/// this test pass.
#[test]
fn golden_share_v1_decodes_to_the_expected_assessment() {
    let payload = common::repo_file("content/examples/golden-share-v1.txt");
    let expected = export::decode(&common::repo_file("content/examples/golden-share-v1.expected.json"), &FRAMEWORK).expect("the expected file is an export");
    let decoded = share::decode(&payload, &FRAMEWORK).expect("the golden link decodes");
    assert_eq!(decoded, expected);
    assert_eq!(decoded.title, "Northshire baseline – autumn 2026 (\"golden\" file)");
    assert_eq!(decoded.answers.len(), 19, "every answer but a note-only one and the vision answers");
    assert!(decoded.answers.values().all(|answer| answer.note.is_empty()));
    // The expected file is what a link keeps of the export it was made from.
    assert_eq!(expected, what_a_link_carries(&example("golden-export-v1")));
}

// ---------------------------------------------------------------------------------------
// Damage to real links

/// The result of decoding a damaged copy of `payload`, which decodes to `original`: problems,
/// or the original itself, never another assessment.
fn decode_damaged(damaged: &str, original: &Assessment) -> Result<(), Vec<String>> {
    match share::decode(damaged, &FRAMEWORK) {
        Ok(decoded) => {
            assert_eq!(&decoded, original, "{damaged:?} decoded to another assessment");
            Ok(())
        }
        Err(problems) => {
            assert!(!problems.is_empty() && problems.iter().all(|problem| !problem.message.is_empty()), "{problems:?}");
            Err(problems.iter().map(ToString::to_string).collect())
        }
    }
}

#[test]
fn every_truncation_says_the_link_is_incomplete() {
    for name in ["worked-example", "golden-export-v1", "provisional-half-done"] {
        let payload = share::encode(&FRAMEWORK, &example(name));
        let original = share::decode(&payload, &FRAMEWORK).expect("decodes");
        assert_eq!(problems(&payload[..0]), ["link: this share link is empty: there is nothing after '#/share/'"]);
        for length in 1..payload.len() {
            let problems = decode_damaged(&payload[..length], &original).expect_err("a cut link is not read");
            assert_eq!(problems.len(), 1, "{problems:?}");
            assert!(problems[0].starts_with(INCOMPLETE), "{name} cut at {length}: {problems:?}");
        }
    }
}

#[test]
fn every_changed_character_is_caught() {
    let mut n_changes = 0;
    let mut same = Vec::new();
    let mut other = Vec::new();
    for name in ["worked-example", "golden-export-v1", "provisional-half-done"] {
        let payload = share::encode(&FRAMEWORK, &example(name));
        let original = share::decode(&payload, &FRAMEWORK).expect("decodes");
        let data_start = payload.rfind('.').expect("a data part") + 1;
        for position in 0..payload.len() {
            let current = payload.as_bytes()[position];
            // A quarter of the base64url characters, a different quarter at each position, and
            // a few characters that are not base64url.
            let replacements = (0..16).map(|k| ALPHABET[(4 * k + position) % 64]).chain(*b".=%").filter(|&c| c != current);
            for replacement in replacements {
                let mut changed = payload.clone().into_bytes();
                changed[position] = replacement;
                let changed = String::from_utf8(changed).expect("ASCII");
                n_changes += 1;
                match decode_damaged(&changed, &original) {
                    Ok(()) => same.push(format!("{name} at {position}: {}", char::from(replacement))),
                    Err(problems) if position < data_start || !ALPHABET.contains(&replacement) => assert!(!problems.is_empty()),
                    Err(problems) if problems[0].starts_with(DAMAGED) => {}
                    Err(problems) => other.push(format!("{name} at {position}: {problems:?}")),
                }
            }
        }
    }
    println!("{n_changes} one-character changes; {} read back unchanged, {} gave another problem", same.len(), other.len());
    // A change can only go unnoticed where it does not change the body: in the bits after the
    // end of the DEFLATE data in its last byte. Such a link still reads as the original.
    assert!(same.len() * 1000 < n_changes, "{same:?}");
    assert!(other.len() * 1000 < n_changes, "{other:?}");
}

// ---------------------------------------------------------------------------------------
// Random assessments and random input

/// Any text, control characters, quotes and backslashes included.
fn any_text(max: usize) -> impl Strategy<Value = String> {
    proptest::string::string_regex(&format!("(?s).{{0,{max}}}")).expect("a valid pattern")
}

fn note() -> impl Strategy<Value = String> {
    prop_oneof![3 => Just(String::new()), 1 => any_text(20)]
}

fn any_value(kind: ItemKind) -> BoxedStrategy<Option<Value>> {
    match kind {
        ItemKind::Rating => prop_oneof![Just(None), (0u8..=4).prop_map(level), Just(Some(Value::Rating(Rating::NotSure)))].boxed(),
        ItemKind::Choice => prop_oneof![Just(None), proptest::sample::select(Choice::ALL.to_vec()).prop_map(choice)].boxed(),
        ItemKind::Text => proptest::option::of(any_text(30).prop_map(Value::Text)).boxed(),
    }
}

/// An answer fit for an item of `kind`, or none.
fn any_answer(kind: ItemKind) -> BoxedStrategy<Option<Answer>> {
    (any_value(kind), note(), any::<bool>())
        .prop_map(move |(value, note, priority)| {
            let priority = priority && kind != ItemKind::Text;
            Some(Answer { value, note, priority }).filter(|answer| !answer.is_empty())
        })
        .boxed()
}

/// A random assessment over the bundled framework, with notes, vision answers and retired
/// answers, none of which travel in a link.
fn assessment() -> impl Strategy<Value = Assessment> {
    let answers: Vec<BoxedStrategy<Option<Answer>>> = FRAMEWORK.items.iter().map(|item| any_answer(item.kind)).collect();
    let retired = proptest::collection::btree_map(
        "old-[a-z]{1,8}".prop_map(ItemId::new),
        any_answer(ItemKind::Rating).prop_filter_map("an answer", |answer| answer),
        0..3,
    );
    (answers, prop_oneof![any_text(40), any_text(MAX_TITLE + 20)], retired).prop_map(|(answers, title, retired)| Assessment {
        framework: FrameworkRef { id: FRAMEWORK.id.clone(), version: FRAMEWORK.version.clone() },
        title,
        updated: Some("2026-11-22T10:00:00Z".into()),
        answers: FRAMEWORK.items.iter().zip(answers).filter_map(|(item, answer)| answer.map(|answer| (item.id.clone(), answer))).collect(),
        retired: retired.into_iter().collect(),
    })
}

/// Text shaped like a link, so that random input gets past the first checks.
fn link_shaped() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{1,3}\\.[0-9]{1,4}\\.[A-Za-z0-9_-]{0,120}",
        "1\\.[0-9]{1,3}\\.[A-Za-z0-9_-]{0,400}",
        (0usize..300).prop_flat_map(|n| proptest::string::string_regex(&format!("[A-Za-z0-9_-]{{{n}}}"))
            .expect("a valid pattern")
            .prop_map(move |data| format!("1.{n}.{data}"))),
    ]
}

/// Bodies shaped like a link's, packed properly, so that random input reaches the body reader.
fn body_shaped() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        proptest::sample::select(FRAMEWORK.items.iter().map(|item| item.id.to_string()).collect::<Vec<_>>()),
        Just("old-item".to_owned()),
        "[a-z-]{0,6}",
    ];
    let code = prop_oneof!["[0-4?ypn-]!?", "(?s).{0,3}"];
    let version = prop_oneof![Just("1.0".to_owned()), Just("0.9".to_owned()), "[0-9a-z. ]{0,4}"];
    let title = prop_oneof![any_text(10), "[a-z\\\\n]{0,10}"];
    (version, title, proptest::collection::vec((line, code), 0..8)).prop_map(|(version, title, lines)| {
        let mut body = format!("rethinking-childrens-social-work\n{version}\n{title}\n");
        for (id, code) in lines {
            body.push_str(&format!("{id} {code}\n"));
        }
        body
    })
}

/// Decoding gave an assessment that a link carries in full, or problems that say what is wrong.
fn check_decode(text: &str) -> Result<(), TestCaseError> {
    match share::decode(text, &FRAMEWORK) {
        Ok(assessment) => {
            prop_assert!(assessment.updated.is_none());
            prop_assert!(assessment.answers.values().all(|answer| answer.note.is_empty() && answer.text().is_none()));
            prop_assert!(assessment.title.chars().count() <= MAX_TITLE);
            if assessment.framework.version == FRAMEWORK.version {
                prop_assert!(assessment.retired.is_empty());
                let again = share::decode(&share::encode(&FRAMEWORK, &assessment), &FRAMEWORK);
                prop_assert_eq!(again.as_ref(), Ok(&assessment));
            }
        }
        Err(problems) => {
            prop_assert!(!problems.is_empty());
            prop_assert!(problems.iter().all(|problem| !problem.message.is_empty() && problem.path.starts_with("link")), "{:?}", problems);
        }
    }
    Ok(())
}

proptest! {
    #[test]
    fn links_round_trip(assessment in assessment()) {
        let payload = share::encode(&FRAMEWORK, &assessment);
        prop_assert!(payload.len() < 2_000, "{} characters", payload.len());
        prop_assert_eq!(share::decode(&payload, &FRAMEWORK), Ok(what_a_link_carries(&assessment)), "{}", payload);
        // The encoder writes what the format says.
        let body = unpack(&payload);
        prop_assert!(body.starts_with("rethinking-childrens-social-work\n1.0\n"));
        prop_assert!(!body.contains("old-"));
    }

    #[test]
    fn decoding_any_text_gives_an_assessment_or_problems(text in prop_oneof![any::<String>(), any_text(300), link_shaped()]) {
        check_decode(&text)?;
    }

    #[test]
    fn decoding_any_packed_body_gives_an_assessment_or_problems(body in body_shaped()) {
        check_decode(&pack(body.as_bytes()))?;
    }

    #[test]
    fn decoding_a_damaged_link_gives_the_original_or_problems(
        assessment in assessment(),
        at in any::<Index>(),
        length in 0usize..6,
        insert in prop_oneof!["[A-Za-z0-9_-]{0,4}", any_text(3)],
    ) {
        let payload = share::encode(&FRAMEWORK, &assessment);
        let start = at.index(payload.len());
        let end = (start + length).min(payload.len());
        let damaged = format!("{}{insert}{}", &payload[..start], &payload[end..]);
        let original = what_a_link_carries(&assessment);
        match share::decode(&damaged, &FRAMEWORK) {
            Ok(decoded) => prop_assert_eq!(decoded, original, "{:?}", damaged),
            Err(problems) => prop_assert!(!problems.is_empty()),
        }
        check_decode(&damaged)?;
    }
}
