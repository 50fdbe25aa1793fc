//! `readiness aggregate FILE...`: a room's exports taken together, as JSON or CSV. The figures
//! come from `readiness_core::aggregate`, which the browser app uses too; this module reads the
//! files and writes the output. Documented in `docs/aggregate.md`.

use std::io::{Read, Write};

use readiness_core::aggregate::{self, Aggregate, CHOICES, LEVELS, Participant};
use readiness_core::codec::csv::row;
use readiness_core::framework::ItemKind;
use readiness_core::{Assessment, Framework, Rating, Ratio, Value, view};
use serde_json::{Map, Value as Json, json};

use crate::{Failure, load_framework, read_text, results_json};

/// What `aggregate` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Output {
    /// One JSON object.
    Json,
    /// CSV for spreadsheets: the items, a blank line, the files.
    Csv,
}

/// The files of a room, read and checked.
struct Room {
    files: Vec<String>,
    /// Each file's title, as it gives it (possibly empty).
    titles: Vec<String>,
    /// Every file's figures, duplicates included, with `same_as` naming the first earlier file
    /// with the same title and answers.
    everyone: Vec<Participant>,
    /// Whether each file is counted in the items and the merged assessment.
    counted: Vec<bool>,
    /// The counted files taken together.
    together: Aggregate,
}

/// Reads every file, reports every one that cannot be read or is not valid, warns about
/// duplicates, and writes the room's figures in `output`.
pub(crate) fn run(
    files: &[String],
    framework_path: Option<&str>,
    output: Output,
    keep_duplicates: bool,
    stdin: &mut dyn Read,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<i32, Failure> {
    let framework = load_framework(framework_path, stdin)?;
    let mut assessments = Vec::new();
    let mut failures = Vec::new();
    for file in files {
        let decoded = read_text(file, stdin)
            .and_then(|text| readiness_core::codec::export::decode(&text, &framework).map_err(|problems| Failure::Invalid { file: file.clone(), problems }));
        match decoded {
            Ok(assessment) => assessments.push(assessment),
            Err(failure) => failures.push(failure),
        }
    }
    if !failures.is_empty() {
        return Err(Failure::Files { failures, total: files.len() });
    }

    let everyone = aggregate::aggregate(&framework, &assessments).participants;
    let counted: Vec<bool> = everyone.iter().map(|participant| keep_duplicates || participant.same_as.is_none()).collect();
    for (position, participant) in everyone.iter().enumerate() {
        if let Some(earlier) = participant.same_as {
            let what = if keep_duplicates { "counted again, as --keep-duplicates asks" } else { "counted once (give --keep-duplicates to count every file)" };
            let (file, earlier) = (&files[position], &files[earlier]);
            let why = if file == earlier { "given more than once".to_owned() } else { format!("the same title and answers as {earlier}") };
            // A warning that cannot be written is no reason to stop.
            let _ = writeln!(stderr, "{file}: warning: {why}: {what}");
        }
    }
    let titles = assessments.iter().map(|assessment| assessment.title.clone()).collect();
    let kept: Vec<Assessment> = assessments.into_iter().zip(&counted).filter_map(|(assessment, &counted)| counted.then_some(assessment)).collect();
    let together = aggregate::aggregate(&framework, &kept);
    let room = Room { files: files.to_vec(), titles, everyone, counted, together };

    let text = match output {
        Output::Json => {
            let mut text = serde_json::to_string_pretty(&room_json(&framework, &room)).unwrap_or_default();
            text.push('\n');
            text
        }
        Output::Csv => room_csv(&framework, &room),
    };
    stdout.write_all(text.as_bytes()).map_err(Failure::Io)?;
    Ok(0)
}

fn number(ratio: Option<Ratio>) -> Json {
    ratio.map_or(Json::Null, |ratio| json!(ratio.to_f64()))
}

/// An answer as the export format writes its value: a level, `"not-sure"`, or a choice's id.
fn value_json(value: Option<&Value>) -> Json {
    match value {
        Some(Value::Rating(Rating::Level(level))) => json!(level),
        Some(Value::Rating(Rating::NotSure)) => json!("not-sure"),
        Some(Value::Choice(choice)) => json!(choice.id()),
        _ => Json::Null,
    }
}

fn room_json(framework: &Framework, room: &Room) -> Json {
    let files: Vec<Json> = room
        .everyone
        .iter()
        .enumerate()
        .map(|(position, participant)| {
            json!({
                "file": room.files[position],
                "title": room.titles[position],
                "counted": room.counted[position],
                "same_as": participant.same_as.map_or(Json::Null, |earlier| json!(room.files[earlier])),
                "maturity": number(participant.maturity),
                "readiness": number(participant.readiness),
                "completeness": participant.completeness.to_f64(),
                "profile": participant.profile.map_or(Json::Null, |profile| json!(profile.id())),
            })
        })
        .collect();
    let items: Vec<Json> = room
        .together
        .items
        .iter()
        .map(|aggregate| {
            let item = &framework.items[aggregate.item];
            let summary = &aggregate.summary;
            let mut distribution = Map::new();
            for (position, &count) in summary.counts.iter().enumerate() {
                let key = if item.kind == ItemKind::Choice { CHOICES[position].id().to_owned() } else { position.to_string() };
                distribution.insert(key, json!(count));
            }
            json!({
                "id": item.id.as_str(),
                "n": summary.n,
                "not_sure": summary.n_not_sure,
                "priority": summary.n_priority,
                "distribution": distribution,
                "median": number(summary.median),
                "spread": number(summary.spread),
                "merged": value_json(room.together.merged.value(item.id.as_str())),
            })
        })
        .collect();
    let disagreement: Vec<Json> =
        aggregate::most_disagreement(&room.together, usize::MAX).into_iter().map(|item| json!(framework.items[item].id.as_str())).collect();
    json!({
        "participants": room.together.participants.len(),
        "files": files,
        "items": items,
        "disagreement": disagreement,
        "merged": results_json(framework, &room.together.merged),
    })
}

/// The items' header row.
pub const ITEM_HEADER: [&str; 17] = [
    "Section", "Item id", "Item", "Answers", "Not sure", "Level 0", "Level 1", "Level 2", "Level 3", "Level 4", "Yes", "Partly", "No", "Median", "Spread",
    "Priority", "Merged",
];

/// The files' header row.
pub const FILE_HEADER: [&str; 8] = ["File", "Title", "Counted", "Same as", "Maturity", "Readiness", "Completeness", "Profile"];

/// A figure for a spreadsheet: the nearest floating-point number, unrounded, as Rust writes it
/// (`2.5`, `50`, `41.666666666666664`); empty when undefined.
fn cell(ratio: Option<Ratio>) -> String {
    ratio.map(|ratio| ratio.to_f64().to_string()).unwrap_or_default()
}

fn room_csv(framework: &Framework, room: &Room) -> String {
    let mut out = String::from("\u{feff}");
    row(&mut out, &ITEM_HEADER);
    for aggregate in &room.together.items {
        let item = &framework.items[aggregate.item];
        let summary = &aggregate.summary;
        let mut counts = vec![String::new(); LEVELS + CHOICES.len()];
        let offset = if item.kind == ItemKind::Choice { LEVELS } else { 0 };
        for (position, count) in summary.counts.iter().enumerate() {
            counts[offset + position] = count.to_string();
        }
        let merged = view::answer_text(framework, &room.together.merged, aggregate.item);
        let merged = if merged == view::NOT_ANSWERED { String::new() } else { merged };
        let mut cells = vec![
            framework.sections[item.section].title.clone(),
            item.id.to_string(),
            item.label.clone(),
            summary.n.to_string(),
            summary.n_not_sure.to_string(),
        ];
        cells.extend(counts);
        cells.extend([cell(summary.median), cell(summary.spread), summary.n_priority.to_string(), merged]);
        row(&mut out, &cells.iter().map(String::as_str).collect::<Vec<_>>());
    }
    out.push_str("\r\n");
    row(&mut out, &FILE_HEADER);
    for (position, participant) in room.everyone.iter().enumerate() {
        let cells = [
            room.files[position].clone(),
            room.titles[position].clone(),
            if room.counted[position] { "Yes" } else { "No" }.to_owned(),
            participant.same_as.map(|earlier| room.files[earlier].clone()).unwrap_or_default(),
            cell(participant.maturity),
            cell(participant.readiness),
            cell(Some(participant.completeness)),
            participant.profile.map(|profile| framework.profile_text(profile).name.clone()).unwrap_or_default(),
        ];
        row(&mut out, &cells.iter().map(String::as_str).collect::<Vec<_>>());
    }
    out
}

#[cfg(test)]
mod tests {
    use readiness_core::codec::csv::row;

    #[test]
    fn cells_are_quoted_and_guarded_as_readiness_csv_does() {
        let mut out = String::new();
        row(&mut out, &["plain", "a,b", "say \"hi\"", "two\nlines", "=1+1", "-3", "", "\rx", "@SUM(A1)", "+1"]);
        assert_eq!(out, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",'=1+1,'-3,,\"'\rx\",'@SUM(A1),'+1\r\n");
    }
}
