//! Loads the bundled framework with the core's full, checking loader and writes it in the
//! core's compact form (`readiness_core::framework::compact`), so that the app starts without
//! parsing JSON and its first-load build carries no framework loader. A framework that does not
//! load fails the build with every problem listed.
//!
//! The first-load build (without the `full` feature) has no page that shows the support types'
//! and kinds' descriptions, the profiles' texts, the case studies or the items' sources, and
//! it never matches support types, so its copy leaves those out (and the items' pointers to
//! support types); everything a question page and the task list read is the same.

use std::{env, fs, path::PathBuf};

use readiness_core::Framework;
use readiness_core::framework::{BUNDLED_JSON, compact};

fn main() {
    println!("cargo::rerun-if-changed=content/framework.toml");
    let mut framework = Framework::from_json(BUNDLED_JSON).unwrap_or_else(|problems| {
        let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
        panic!("the bundled framework does not load: {}", list.join("; "))
    });
    if env::var_os("CARGO_FEATURE_FULL").is_none() {
        for kind in &mut framework.support_kinds {
            kind.description.clear();
        }
        for support in &mut framework.support_types {
            support.description.clear();
        }
        for profile in &mut framework.profiles {
            profile.summary.clear();
            profile.next_steps.clear();
        }
        framework.case_studies.clear();
        for item in &mut framework.items {
            item.source = None;
            item.points_to.clear();
        }
    }
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("framework.bin");
    fs::write(&out, compact::encode(&framework)).unwrap_or_else(|e| panic!("writing {}: {e}", out.display()));
}
