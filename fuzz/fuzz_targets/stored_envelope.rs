//! Feeds arbitrary bytes, as lossy UTF-8 text, to the decoder; see `readiness_fuzz::stored_envelope`.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| readiness_fuzz::stored_envelope(data));
