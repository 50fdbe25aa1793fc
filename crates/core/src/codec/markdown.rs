//! The results page as Markdown, to paste into a document, an email or an issue and comment on.
//! Documented in `docs/report-markdown.md`.
//!
//! Everything shown comes from [`view::results_view`], as on the page. Every piece of text,
//! the framework's and the authority's alike, is escaped so that it renders as the words it is:
//! a note that says `<script>` or `**bold**` or `[x](javascript:…)` shows those characters and
//! builds nothing.

use crate::answer::Assessment;
use crate::framework::Framework;
use crate::score::PROVISIONAL_BELOW;
use crate::view::{self, ItemLine};

/// The heading used when the assessment has no title.
pub const UNTITLED: &str = "Readiness self-assessment";

/// Writes the report.
pub fn report(framework: &Framework, assessment: &Assessment) -> String {
    let view = view::results_view(framework, assessment);
    let results = &view.results;
    let mut out = String::new();
    let title = if assessment.title.trim().is_empty() { UNTITLED } else { &assessment.title };
    out.push_str(&format!("# {}\n\n", inline(title)));
    if let Some(updated) = &assessment.updated {
        out.push_str(&format!("- Date: {}\n", inline(updated.split(['T', 't']).next().unwrap_or_default())));
    }
    out.push_str(&format!("- Framework: {}, version {}", inline(&framework.title), inline(&framework.version)));
    if assessment.framework.version != framework.version {
        out.push_str(&format!(" (answers given against version {})", inline(&assessment.framework.version)));
    }
    out.push_str("\n\n");
    if results.provisional {
        out.push_str(&format!(
            "**Provisional:** these results are provisional. {}. Answer at least {PROVISIONAL_BELOW}% of the questions for final results.\n\n",
            inline(&view.completeness_text)
        ));
    }

    out.push_str("## Results\n\n| Measure | Result |\n|---|---|\n");
    for (measure, value) in
        [("Practice maturity", &view.maturity_text), ("Innovation readiness", &view.readiness_text), ("Completeness", &view.completeness_text)]
    {
        out.push_str(&format!("| {measure} | {} |\n", inline(value)));
    }
    out.push('\n');

    match &view.profile {
        Some((name, summary, next_steps)) => {
            out.push_str(&format!("## Your profile: {}\n\n", inline(name)));
            block(&mut out, summary, "");
            out.push_str("### What to do next\n\n");
            block(&mut out, next_steps, "");
        }
        None => out.push_str(
            "## Your profile\n\nYour profile needs both practice maturity and innovation readiness. Each needs at least half of its questions answered with a level \\(not “Not sure”\\).\n\n",
        ),
    }

    out.push_str("## Scores by section\n\n| Section | Percent |\n|---|---|\n");
    for axis in &view.radar.axes {
        out.push_str(&format!("| {} | {} |\n", inline(&axis.label), inline(&axis.value_text)));
    }
    out.push('\n');

    out.push_str("## Suggested support\n\n");
    let suggested: Vec<_> = view.supports.iter().filter(|support| support.suggested).collect();
    if suggested.is_empty() {
        out.push_str(&format!("No support type matches {}% or more of its answers yet.\n\n", framework.suggest_threshold));
    }
    for (rank, support) in suggested.iter().enumerate() {
        out.push_str(&format!("### {}. {}\n\n", rank + 1, inline(&support.name)));
        out.push_str(&format!("{}: {} match\n\n", inline(&support.kind), inline(&support.percent_text)));
        block(&mut out, &support.description, "");
        for reason in &support.reasons {
            out.push_str(&format!("- {}\n", inline(reason)));
        }
        if !support.reasons.is_empty() {
            out.push('\n');
        }
    }

    lines(&mut out, "Strengths", &view.strengths, "None yet: no statement is rated at the top two levels.");
    lines(&mut out, "Gaps", &view.gaps, "None: nothing is rated 0 or 1.");
    lines(&mut out, "Opportunities", &view.opportunities, "None: no challenge question signals an opportunity.");
    if !view.evidence_gaps.is_empty() {
        lines(&mut out, "Evidence gaps", &view.evidence_gaps, "");
    }

    if view.vision.iter().any(|(_, answer)| answer.is_some()) {
        out.push_str("## Your vision\n\n");
        for (question, answer) in &view.vision {
            out.push_str(&format!("**{}**\n\n", inline(question)));
            block(&mut out, answer.as_deref().unwrap_or(view::NOT_ANSWERED), "");
        }
    }

    out.push_str("## All answers\n\n");
    for section in &framework.sections {
        blank_line(&mut out);
        out.push_str(&format!("### {}\n\n", inline(&section.title)));
        for &position in &section.items {
            let item = &framework.items[position];
            let answer = assessment.answer(item.id.as_str());
            entry(&mut out, &inline(&item.label), &view::answer_text(framework, assessment, position), answer.is_some_and(|answer| answer.priority));
            if let Some(answer) = answer.filter(|answer| !answer.note.trim().is_empty()) {
                note(&mut out, &answer.note);
            }
        }
    }
    if !assessment.retired.is_empty() {
        blank_line(&mut out);
        out.push_str("## Retired items\n\nAnswers to items this version of the framework no longer has. They are kept, and not scored.\n\n");
        for (id, answer) in &assessment.retired {
            let words = answer.value.as_ref().map_or_else(|| view::NOT_ANSWERED.to_owned(), |value| super::csv::words(framework, None, value).0);
            entry(&mut out, &inline(id.as_str()), &words, answer.priority);
            if !answer.note.trim().is_empty() {
                note(&mut out, &answer.note);
            }
        }
    }
    let length = out.trim_end().len();
    out.truncate(length);
    out.push('\n');
    out
}

/// Ends what is written so far with one blank line.
fn blank_line(out: &mut String) {
    while out.ends_with("\n\n") {
        out.pop();
    }
    out.push_str(if out.ends_with('\n') { "\n" } else { "\n\n" });
}

/// A list of items from the results, under its heading.
fn lines(out: &mut String, heading: &str, lines: &[ItemLine], empty: &str) {
    out.push_str(&format!("## {heading}\n\n"));
    if lines.is_empty() {
        out.push_str(&format!("{empty}\n\n"));
        return;
    }
    for line in lines {
        entry(out, &format!("{} \\({}\\)", inline(&line.label), inline(&line.section)), &line.answer, line.priority);
        if !line.case_studies.is_empty() {
            let names: Vec<String> = line.case_studies.iter().map(|(name, _)| inline(name)).collect();
            out.push_str(&format!("  - Learn from others: {}\n", names.join(", ")));
        }
    }
    out.push('\n');
}

/// One list entry: `- **label**: answer`, then "Priority" when flagged. `label` is escaped
/// already; `answer` is not, and may run over several lines.
fn entry(out: &mut String, label: &str, answer: &str, priority: bool) {
    out.push_str(&format!("- **{label}**: "));
    let mut answer_lines = String::new();
    block(&mut answer_lines, answer, "  ");
    out.push_str(answer_lines.trim_end());
    if priority {
        out.push_str(" \\(a priority\\)");
    }
    out.push('\n');
}

/// A note under a list entry.
fn note(out: &mut String, text: &str) {
    out.push_str("\n  Note: ");
    let mut note = String::new();
    block(&mut note, text, "  ");
    out.push_str(note.trim_end());
    out.push_str("\n\n");
}

/// Text on one line, escaped: for headings, table cells and list entries.
fn inline(text: &str) -> String {
    let mut out = String::new();
    let joined = text.split(['\r', '\n']).map(str::trim).filter(|line| !line.is_empty()).collect::<Vec<_>>().join(" ");
    escape_line(&mut out, &joined);
    out
}

/// Text that may run over several lines, escaped, as paragraphs: lines after the first start
/// with `indent`, so that they stay inside a list entry. Ends with a blank line.
fn block(out: &mut String, text: &str, indent: &str) {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut blank = false;
    let mut first = true;
    for line in text.split('\n').map(str::trim) {
        if line.is_empty() {
            blank = !first;
            continue;
        }
        if !first {
            out.push_str(if blank { "\n\n" } else { "\n" });
            out.push_str(indent);
        }
        escape_line(out, line);
        (first, blank) = (false, false);
    }
    out.push_str("\n\n");
}

/// Escapes one line of text (trimmed, without line breaks) so that it starts no Markdown block
/// and holds no inline construct.
fn escape_line(out: &mut String, line: &str) {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let ordered = digits > 0 && line[digits..].starts_with('.') && line[digits + 1..].chars().next().is_none_or(char::is_whitespace);
    for (at, c) in line.char_indices() {
        let starts_block = (at == 0 && matches!(c, '+' | '-' | '=')) || (ordered && at == digits);
        if starts_block || "\\`*_{}[]<>()#!|~&".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::{block, inline};

    #[test]
    fn text_is_escaped() {
        assert_eq!(inline("<b>**x**</b> [a](b) | c"), "\\<b\\>\\*\\*x\\*\\*\\</b\\> \\[a\\]\\(b\\) \\| c");
        assert_eq!(inline("# one\n- two\n1. three"), "\\# one - two 1. three");
        assert_eq!(inline("- a-b 1.5"), "\\- a-b 1.5");
        assert_eq!(inline("1.5 or 1."), "1.5 or 1.");
        assert_eq!(inline("1."), "1\\.");
        assert_eq!(inline("12. x"), "12\\. x");
        let mut out = String::new();
        block(&mut out, "first\r\n  = second\n\n\n1) third", "  ");
        assert_eq!(out, "first\n  \\= second\n\n  1\\) third\n\n");
    }
}
