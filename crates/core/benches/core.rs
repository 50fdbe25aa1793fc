//! Native benchmarks of the core: loading and validating the framework, scoring one
//! assessment and building its results page, and decoding and scoring 1,000 exports (what an
//! analyst's aggregate run does before it adds anything up).
//!
//! Run with `cargo bench -p readiness-core --bench core`; docs/performance.md records the
//! figures.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use readiness_core::codec::export;
use readiness_core::framework::BUNDLED_JSON;
use readiness_core::{Framework, score, view};
use serde_json::Value;

const FRAMEWORK_TOML: &str = include_str!("../../../content/framework.toml");

/// The committed example exports, each a complete or partial assessment of the bundled
/// framework.
const EXAMPLES: [(&str, &str); 7] = [
    ("worked-example", include_str!("../../../content/examples/worked-example.json")),
    ("lay-the-foundations", include_str!("../../../content/examples/lay-the-foundations.json")),
    ("on-the-cut", include_str!("../../../content/examples/on-the-cut.json")),
    ("provisional-half-done", include_str!("../../../content/examples/provisional-half-done.json")),
    ("ready-to-redesign", include_str!("../../../content/examples/ready-to-redesign.json")),
    ("strong-practice", include_str!("../../../content/examples/strong-practice.json")),
    ("golden-export-v1", include_str!("../../../content/examples/golden-export-v1.json")),
];

/// How many exports the aggregate benchmark decodes and scores.
const EXPORTS: usize = 1_000;

/// `count` export files made from the examples in turn, each a little different: its own
/// title and time, and one in five of its rated answers moved up a level (4 wraps to 0), the
/// ones chosen shifting from file to file.
fn exports(count: usize) -> Vec<String> {
    let bases: Vec<Value> = EXAMPLES.iter().map(|(name, text)| serde_json::from_str(text).unwrap_or_else(|error| panic!("{name}: {error}"))).collect();
    (0..count)
        .map(|k| {
            let mut file = bases[k % bases.len()].clone();
            let title = file["title"].as_str().unwrap_or("Assessment").to_owned();
            file["title"] = Value::from(format!("{title} #{k}"));
            file["updated"] = Value::from(format!("2026-11-{:02}T{:02}:{:02}:00Z", 1 + k % 28, k % 24, k % 60));
            if let Some(answers) = file["answers"].as_object_mut() {
                for (j, answer) in answers.values_mut().enumerate() {
                    if (j + k) % 5 != 0 {
                        continue;
                    }
                    if let Some(level) = answer["value"].as_u64() {
                        answer["value"] = Value::from((level + 1) % 5);
                    }
                }
            }
            serde_json::to_string_pretty(&file).expect("a JSON value always serialises")
        })
        .collect()
}

fn framework(c: &mut Criterion) {
    let mut group = c.benchmark_group("framework");
    group.throughput(Throughput::Bytes(BUNDLED_JSON.len() as u64));
    group.bench_function("from_json (bundled)", |b| b.iter(|| Framework::from_json(black_box(BUNDLED_JSON)).expect("valid")));
    group.throughput(Throughput::Bytes(FRAMEWORK_TOML.len() as u64));
    group.bench_function("from_toml (content/framework.toml)", |b| b.iter(|| Framework::from_toml(black_box(FRAMEWORK_TOML)).expect("valid")));
    // What the web app does at start-up: its build script wrote the framework in this form.
    let compact_form = readiness_core::framework::compact::encode(&Framework::bundled());
    group.bench_function("compact::decode (bundled, as the app starts)", |b| {
        b.iter(|| readiness_core::framework::compact::decode(black_box(&compact_form)).expect("valid"))
    });
    group.finish();
}

fn one_assessment(c: &mut Criterion) {
    let framework = Framework::bundled();
    let text = EXAMPLES[0].1;
    let assessment = export::decode(text, &framework).expect("the worked example decodes");
    let mut group = c.benchmark_group("worked example");
    group.bench_function("export::decode", |b| b.iter(|| export::decode(black_box(text), &framework).expect("valid")));
    group.bench_function("score::score", |b| b.iter(|| score::score(&framework, black_box(&assessment))));
    group.bench_function("view::results_view", |b| b.iter(|| view::results_view(&framework, black_box(&assessment))));
    group.bench_function("export::encode", |b| b.iter(|| export::encode(&framework, black_box(&assessment))));
    group.finish();
}

fn aggregate(c: &mut Criterion) {
    let framework = Framework::bundled();
    let files = exports(EXPORTS);
    // Every generated file must be valid, or the benchmark would time error paths.
    for (k, file) in files.iter().enumerate() {
        if let Err(problems) = export::decode(file, &framework) {
            panic!("generated export {k} does not decode: {problems:?}");
        }
    }
    let mut group = c.benchmark_group("1,000 exports");
    group.throughput(Throughput::Elements(EXPORTS as u64));
    group.sample_size(30);
    group.measurement_time(Duration::from_secs(8));
    group.bench_function("decode + score", |b| {
        b.iter(|| {
            let mut profiles = [0usize; 8];
            for file in &files {
                let assessment = export::decode(black_box(file), &framework).expect("valid");
                let results = score::score(&framework, &assessment);
                if let Some(profile) = results.profile {
                    profiles[profile as usize % profiles.len()] += 1;
                }
            }
            profiles
        })
    });
    group.bench_function("decode + aggregate (what `readiness aggregate` does)", |b| {
        b.iter(|| {
            let assessments: Vec<_> = files.iter().map(|file| export::decode(black_box(file), &framework).expect("valid")).collect();
            readiness_core::aggregate::aggregate(&framework, &assessments)
        })
    });
    group.bench_function("load framework + decode + score", |b| {
        b.iter(|| {
            let framework = Framework::from_json(black_box(BUNDLED_JSON)).expect("valid");
            let mut scored = 0usize;
            for file in &files {
                let assessment = export::decode(black_box(file), &framework).expect("valid");
                scored += usize::from(score::score(&framework, &assessment).maturity.is_some());
            }
            scored
        })
    });
    group.finish();
}

criterion_group!(benches, framework, one_assessment, aggregate);
criterion_main!(benches);
