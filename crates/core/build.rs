//! Turns the default framework, written in TOML for people, into compact JSON for the
//! program, so that the browser build parses JSON it needs anyway and carries no TOML parser.
//! Checking it is the job of the loader and its tests; here a file that is not TOML at all
//! fails the build with the parser's message.

use std::{env, fs, path::PathBuf};

fn main() {
    let manifest = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let source = manifest.join("../../content/framework.toml");
    println!("cargo::rerun-if-changed={}", source.display());
    let text = fs::read_to_string(&source).unwrap_or_else(|e| panic!("reading {}: {e}", source.display()));
    let value: toml::Value = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", source.display()));
    let json = serde_json::to_string(&value).expect("a TOML value always serialises as JSON");
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("framework.json");
    fs::write(&out, json).unwrap_or_else(|e| panic!("writing {}: {e}", out.display()));
}
