//! Saving a file the app made (an export) to the user's device, with no network request.

use wasm_bindgen::JsCast;

/// Offers `text` as a download named `file_name`.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail = |what: &str| format!("The file could not be saved: {what}");
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| fail("the browser could not build it"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail("the browser could not link to it"))?;
    let document = gloo::utils::document();
    let anchor =
        document.create_element("a").map_err(|_| fail("no link element"))?.dyn_into::<web_sys::HtmlAnchorElement>().map_err(|_| fail("no link element"))?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// A file name from a title and a date: "readiness-baseline-2026-2026-11-22.json".
pub fn file_name(title: &str, date: &str, extension: &str) -> String {
    let mut slug = String::new();
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    let day: String = date.chars().take(10).collect();
    match (slug.is_empty(), day.is_empty()) {
        (true, true) => format!("readiness.{extension}"),
        (true, false) => format!("readiness-{day}.{extension}"),
        (false, true) => format!("readiness-{slug}.{extension}"),
        (false, false) => format!("readiness-{slug}-{day}.{extension}"),
    }
}

#[cfg(test)]
mod tests {
    use super::file_name;

    #[test]
    fn file_names_are_safe() {
        assert_eq!(file_name("Baseline 2026", "2026-11-22T10:00:00Z", "json"), "readiness-baseline-2026-2026-11-22.json");
        assert_eq!(file_name("../../etc/passwd", "", "json"), "readiness-etc-passwd.json");
        assert_eq!(file_name("", "", "csv"), "readiness.csv");
    }
}
