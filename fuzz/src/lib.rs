//! What each fuzz target checks. The checks live here, not in the targets, so that they also
//! run as ordinary tests over the golden files and damaged copies of them:
//! `cargo test --manifest-path fuzz/Cargo.toml` (see docs/fuzzing.md).
//!
//! Every decoder must give a value or a non-empty list of problems for any input, never panic;
//! a value it gives must survive being encoded and decoded again.

use std::sync::LazyLock;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use readiness_core::codec::{export, share, stored};
use readiness_core::{Framework, Problem};

static FRAMEWORK: LazyLock<Framework> = LazyLock::new(Framework::bundled);

/// `codec::share::decode`, given the bytes as a payload and also packed as a link's body
/// (DEFLATE, checksum and base64url as docs/share-links.md says), so that fuzzed input gets past
/// the checksum and reaches the body reader.
pub fn share_link(data: &[u8]) {
    check_share(&String::from_utf8_lossy(data));
    check_share(&pack(data));
}

/// `codec::export::decode`.
pub fn export_file(data: &[u8]) {
    match export::decode(&String::from_utf8_lossy(data), &FRAMEWORK) {
        Ok(mut assessment) => {
            let again = export::decode(&export::encode(&FRAMEWORK, &assessment), &FRAMEWORK);
            // Encoding names the framework version the answers were checked against.
            assessment.framework.version = FRAMEWORK.version.clone();
            assert_eq!(again.as_ref(), Ok(&assessment));
        }
        Err(problems) => check_problems(&problems),
    }
}

/// `codec::stored::decode`, and the library list kept beside the stored assessments.
pub fn stored_envelope(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    match stored::decode(&text, &FRAMEWORK) {
        Ok(mut decoded) => {
            let again = stored::decode(&stored::encode(&FRAMEWORK, &decoded.assessment, &decoded.saved_at, decoded.revision), &FRAMEWORK);
            decoded.assessment.framework.version = FRAMEWORK.version.clone();
            assert_eq!(again.as_ref(), Ok(&decoded));
        }
        Err(problems) => check_problems(&problems),
    }
    if let Err(problems) = stored::Library::decode(&text) {
        check_problems(&problems);
    }
}

fn check_share(payload: &str) {
    match share::decode(payload, &FRAMEWORK) {
        Ok(assessment) => {
            // Notes, free text and times never travel in a link.
            assert!(assessment.updated.is_none());
            assert!(assessment.answers.values().chain(assessment.retired.values()).all(|answer| answer.note.is_empty() && answer.text().is_none()));
            if assessment.framework.version == FRAMEWORK.version {
                assert!(assessment.retired.is_empty());
                let again = share::decode(&share::encode(&FRAMEWORK, &assessment), &FRAMEWORK);
                assert_eq!(again.as_ref(), Ok(&assessment));
            }
        }
        Err(problems) => check_problems(&problems),
    }
}

fn check_problems(problems: &[Problem]) {
    assert!(!problems.is_empty(), "a decoder failed without saying why");
    assert!(problems.iter().all(|problem| !problem.message.is_empty()), "{problems:?}");
}

/// `body` packed as a version 1 share link's payload.
fn pack(body: &[u8]) -> String {
    let mut bytes = miniz_oxide::deflate::compress_to_vec(body, 6);
    bytes.extend_from_slice(&crc32fast::hash(body).to_be_bytes());
    let data = URL_SAFE_NO_PAD.encode(bytes);
    format!("1.{}.{data}", data.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example(name: &str) -> Vec<u8> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../content/examples").join(name);
        std::fs::read(&path).unwrap_or_else(|error| panic!("reading {}: {error}", path.display()))
    }

    /// Every prefix of `seed`, and `seed` with each byte changed.
    fn damaged(seed: &[u8]) -> impl Iterator<Item = Vec<u8>> + '_ {
        let prefixes = (0..=seed.len()).map(|length| seed[..length].to_vec());
        let changed = (0..seed.len()).map(|at| {
            let mut copy = seed.to_vec();
            copy[at] = copy[at].wrapping_add(1);
            copy
        });
        prefixes.chain(changed)
    }

    #[test]
    fn the_targets_hold_for_the_golden_files_and_damaged_copies() {
        let link = example("golden-share-v1.txt");
        let body = b"rethinking-childrens-social-work\n0.9\nT\\n\nlearning-culture 3!\nold-item p\ncase-recording -!\n";
        for seed in [&link[..], body] {
            damaged(seed).for_each(|input| share_link(&input));
        }
        for seed in [example("golden-export-v1.json"), example("worked-example.json")] {
            damaged(&seed).for_each(|input| export_file(&input));
        }
        damaged(&example("stored/golden-stored-v1.json")).for_each(|input| stored_envelope(&input));
        for input in [&b""[..], b"\xff\xfe", b"{}", b"[]", b"null", b"1.0.", b"#/share/"] {
            share_link(input);
            export_file(input);
            stored_envelope(input);
        }
    }
}
