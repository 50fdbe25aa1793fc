//! Properties over random answer sets and random input: percents stay within 0..=100, a
//! better answer never raises a need, the order answers are given in does not matter, exports
//! round-trip, and no input (export, framework file or URL fragment) makes the core panic.

mod common;

use std::collections::BTreeMap;
use std::sync::LazyLock;

use proptest::prelude::*;
use proptest::sample::Index;
use readiness_core::codec::export;
use readiness_core::framework::ItemKind;
use readiness_core::score;
use readiness_core::{Action, Answer, Assessment, Choice, Framework, FrameworkRef, ItemId, Rating, Ratio, Route, SectionId, Session, Value};
use serde_json::Value as Json;

static FRAMEWORK: LazyLock<Framework> = LazyLock::new(Framework::bundled);

/// Any text, control characters, quotes and backslashes included.
/// A serde_json value (as the strategies make them) as the core's JSON tree.
fn tree(value: &serde_json::Value) -> readiness_core::json::Value {
    readiness_core::json::parse(&value.to_string()).expect("serde_json writes JSON")
}

fn any_text(max: usize) -> impl Strategy<Value = String> {
    proptest::string::string_regex(&format!("(?s).{{0,{max}}}")).expect("a valid pattern")
}

/// A note: usually none, sometimes any text.
fn note() -> impl Strategy<Value = String> {
    prop_oneof![3 => Just(String::new()), 1 => any_text(40)]
}

fn rating() -> impl Strategy<Value = Option<Value>> {
    prop_oneof![Just(None), (0u8..=4).prop_map(|level| Some(Value::Rating(Rating::Level(level)))), Just(Some(Value::Rating(Rating::NotSure))),]
}

fn choice() -> impl Strategy<Value = Option<Value>> {
    prop_oneof![Just(None), proptest::sample::select(Choice::ALL.to_vec()).prop_map(|choice| Some(Value::Choice(choice)))]
}

/// An answer fit for an item of `kind`, or none; never an answer that records nothing.
fn answer(kind: ItemKind) -> BoxedStrategy<Option<Answer>> {
    let scored = |value: BoxedStrategy<Option<Value>>| {
        (value, note(), any::<bool>()).prop_map(|(value, note, priority)| Some(Answer { value, note, priority }).filter(|answer| !answer.is_empty())).boxed()
    };
    match kind {
        ItemKind::Rating => scored(rating().boxed()),
        ItemKind::Choice => scored(choice().boxed()),
        ItemKind::Text => proptest::option::of(any_text(60))
            .prop_map(|text| text.map(|text| Answer { value: Some(Value::Text(text)), ..Answer::default() }).filter(|answer| !answer.is_empty()))
            .boxed(),
    }
}

fn timestamp() -> impl Strategy<Value = String> {
    (2000u32..2100, 1u32..=12, 1u32..=28, 0u32..24, 0u32..60, 0u32..60).prop_map(|(y, mo, d, h, mi, s)| format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z"))
}

/// A random assessment over the bundled framework.
fn assessment() -> impl Strategy<Value = Assessment> {
    let answers: Vec<BoxedStrategy<Option<Answer>>> = FRAMEWORK.items.iter().map(|item| answer(item.kind)).collect();
    (answers, any_text(40), proptest::option::of(timestamp())).prop_map(|(answers, title, updated)| Assessment {
        framework: FrameworkRef { id: FRAMEWORK.id.clone(), version: FRAMEWORK.version.clone() },
        title,
        updated,
        answers: FRAMEWORK.items.iter().zip(answers).filter_map(|(item, answer)| answer.map(|answer| (item.id.clone(), answer))).collect(),
        retired: Default::default(),
    })
}

/// Positions of the rated items.
fn rated_items() -> Vec<usize> {
    FRAMEWORK.items.iter().enumerate().filter(|(_, item)| item.kind == ItemKind::Rating).map(|(position, _)| position).collect()
}

/// The actions a person would take to give `assessment`'s answers, one per field.
fn actions_for(assessment: &Assessment) -> Vec<Action> {
    let at = || "2026-11-22T10:00:00Z".to_owned();
    let mut actions = Vec::new();
    for (id, answer) in &assessment.answers {
        let item = id.clone();
        match &answer.value {
            Some(Value::Rating(rating)) => actions.push(Action::Rate { item: item.clone(), rating: *rating, at: at() }),
            Some(Value::Choice(choice)) => actions.push(Action::Choose { item: item.clone(), choice: *choice, at: at() }),
            Some(Value::Text(text)) => actions.push(Action::Write { item: item.clone(), text: text.clone(), at: at() }),
            None => {}
        }
        if !answer.note.is_empty() {
            actions.push(Action::Note { item: item.clone(), note: answer.note.clone(), at: at() });
        }
        if answer.priority {
            actions.push(Action::Priority { item, on: true, at: at() });
        }
    }
    actions
}

/// Answers with notes of only spaces dropped: a blank note on an item with nothing else is
/// not kept, so whether it survives depends on whether the answer came first.
fn without_blank_notes(assessment: &Assessment) -> BTreeMap<ItemId, Answer> {
    assessment
        .answers
        .iter()
        .map(|(id, answer)| {
            let mut answer = answer.clone();
            if answer.note.trim().is_empty() {
                answer.note.clear();
            }
            (id.clone(), answer)
        })
        .filter(|(_, answer)| !answer.is_empty())
        .collect()
}

/// Any JSON value, with keys and text drawn mostly from the words the export and framework
/// formats use, so that random values reach deep into both readers.
fn any_json() -> impl Strategy<Value = Json> {
    let mut words: Vec<String> = [
        "format",
        "version",
        "framework",
        "id",
        "title",
        "updated",
        "answers",
        "value",
        "note",
        "priority",
        "text",
        "not-sure",
        "yes",
        "partly",
        "no",
        "readiness-assessment",
        "readiness-framework",
        "rethinking-childrens-social-work",
        "1.0",
        "2026-11-22T10:00:00Z",
        "items",
        "sections",
        "scales",
        "levels",
        "kind",
        "rating",
        "choice",
        "role",
        "domain",
        "readiness",
        "points_to",
        "support",
        "weight",
        "profiles",
        "support_types",
    ]
    .map(str::to_owned)
    .to_vec();
    words.extend(FRAMEWORK.items.iter().map(|item| item.id.to_string()));
    let word = proptest::sample::select(words);
    let key = prop_oneof![4 => word.clone(), 1 => any_text(8)];
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::from),
        (0u64..6).prop_map(Json::from),
        any::<i64>().prop_map(Json::from),
        any::<u64>().prop_map(Json::from),
        any::<f64>().prop_map(Json::from),
        word.prop_map(Json::from),
        any_text(12).prop_map(Json::from),
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Json::from),
            proptest::collection::vec((key.clone(), inner), 0..6).prop_map(|fields| Json::Object(fields.into_iter().collect())),
        ]
    })
}

/// An export that is right at the top and random in its answers.
fn export_shaped_json() -> impl Strategy<Value = Json> {
    let ids: Vec<String> = FRAMEWORK.items.iter().map(|item| item.id.to_string()).chain(["made-up".to_owned()]).collect();
    let answer = prop_oneof![
        any_json(),
        (any_json(), any_json(), any_json()).prop_map(|(value, note, priority)| serde_json::json!({"value": value, "note": note, "priority": priority})),
        any_json().prop_map(|text| serde_json::json!({"text": text})),
    ];
    (proptest::collection::vec((proptest::sample::select(ids), answer), 0..10), any_json()).prop_map(|(answers, updated)| {
        serde_json::json!({
            "format": "readiness-assessment",
            "version": 1,
            "framework": {"id": "rethinking-childrens-social-work", "version": "1.0"},
            "updated": updated,
            "answers": Json::Object(answers.into_iter().collect()),
        })
    })
}

/// Replaces the node numbered `index.index(count)` in pre-order by `replacement`, or removes it
/// from its parent when `remove` is set.
fn mutate(root: &mut Json, index: Index, replacement: Json, remove: bool) {
    fn count(value: &Json) -> usize {
        1 + match value {
            Json::Array(list) => list.iter().map(count).sum(),
            Json::Object(map) => map.values().map(count).sum(),
            _ => 0,
        }
    }
    fn walk(value: &mut Json, target: &mut usize, replacement: &mut Option<Json>, remove: bool) -> bool {
        match value {
            Json::Array(list) => {
                for position in 0..list.len() {
                    if *target == 0 {
                        if remove {
                            list.remove(position);
                        } else if let Some(new) = replacement.take() {
                            list[position] = new;
                        }
                        return true;
                    }
                    *target -= 1;
                    if walk(&mut list[position], target, replacement, remove) {
                        return true;
                    }
                }
                false
            }
            Json::Object(map) => {
                let keys: Vec<String> = map.keys().cloned().collect();
                for key in keys {
                    if *target == 0 {
                        if remove {
                            map.remove(&key);
                        } else if let Some(new) = replacement.take() {
                            map.insert(key, new);
                        }
                        return true;
                    }
                    *target -= 1;
                    if walk(map.get_mut(&key).expect("a key just listed"), target, replacement, remove) {
                        return true;
                    }
                }
                false
            }
            _ => false,
        }
    }
    // Node 0 is the root itself, which is never removed or replaced here.
    let n_nodes = count(root) - 1;
    if n_nodes == 0 {
        return;
    }
    let mut target = index.index(n_nodes);
    walk(root, &mut target, &mut Some(replacement), remove);
}

fn bundled_json() -> Json {
    serde_json::from_str(readiness_core::framework::BUNDLED_JSON).expect("the bundled framework is JSON")
}

fn kebab() -> impl Strategy<Value = String> {
    "[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}"
}

fn route() -> impl Strategy<Value = Route> {
    prop_oneof![
        Just(Route::Start),
        Just(Route::Tasks),
        Just(Route::Check),
        Just(Route::Results),
        (kebab(), any::<bool>(), proptest::option::of(kebab())).prop_map(|(id, from_check, focus)| Route::Section {
            id: SectionId::new(id),
            from_check,
            focus: focus.map(ItemId::new)
        }),
    ]
}

fn in_percent_range(ratio: Ratio) -> bool {
    ratio <= Ratio::whole(100)
}

proptest! {
    #[test]
    fn every_percent_is_between_0_and_100(assessment in assessment()) {
        let results = score::score(&FRAMEWORK, &assessment);
        for section in &results.sections {
            prop_assert!(section.percent.is_none_or(in_percent_range), "{section:?}");
            prop_assert!(section.n_scored <= section.n_answered && section.n_answered <= section.n_items, "{section:?}");
        }
        prop_assert!(results.maturity.is_none_or(in_percent_range));
        prop_assert!(results.readiness.is_none_or(in_percent_range));
        prop_assert!(in_percent_range(results.completeness));
        prop_assert!(results.n_answered <= results.n_scorable);
        prop_assert_eq!(results.supports.len(), 12);
        for support in &results.supports {
            prop_assert!(support.need <= support.max && in_percent_range(support.percent()), "{support:?}");
        }
        // The suggestions lead the ranking, reach the threshold and are at most six.
        let n_suggested = results.suggested().count();
        prop_assert!(n_suggested <= 6);
        prop_assert!(results.supports[..n_suggested].iter().all(|support| support.suggested && support.percent() >= Ratio::whole(25)));
        prop_assert!(results.profile.is_some() == (results.maturity.is_some() && results.readiness.is_some()));
    }

    #[test]
    fn a_better_rating_never_raises_a_need(
        assessment in assessment(),
        which in any::<Index>(),
        level in 0u8..4,
    ) {
        let rated = rated_items();
        let item = &FRAMEWORK.items[rated[which.index(rated.len())]];
        let with_level = |level: u8| {
            let mut changed = assessment.clone();
            changed.answers.get_or_default(item.id.clone()).value = Some(Value::Rating(Rating::Level(level)));
            score::score(&FRAMEWORK, &changed)
        };
        let (before, after) = (with_level(level), with_level(level + 1));
        let by_support = |results: &score::Results| {
            let mut pairs: Vec<(usize, u64, u64)> = results.supports.iter().map(|support| (support.support, support.need, support.max)).collect();
            pairs.sort_unstable();
            pairs
        };
        for ((support, need_before, max_before), (_, need_after, max_after)) in by_support(&before).into_iter().zip(by_support(&after)) {
            prop_assert_eq!(max_before, max_after, "the largest possible need does not depend on answers");
            if item.points_to.iter().any(|pointer| pointer.support == support) {
                prop_assert!(need_after < need_before, "{} raised to {}: {} need {} -> {}", item.id, level + 1, support, need_before, need_after);
            } else {
                prop_assert_eq!(need_after, need_before);
            }
        }
        let section = item.section;
        if let Some(percent) = before.section(section).percent {
            prop_assert!(after.section(section).percent.is_some_and(|after| after > percent));
        }
    }

    #[test]
    fn the_order_answers_are_given_in_does_not_matter(
        (assessment, shuffled) in assessment().prop_flat_map(|assessment| {
            let actions = actions_for(&assessment);
            (Just(assessment), Just(actions).prop_shuffle())
        })
    ) {
        let mut in_order = Session::new(&FRAMEWORK);
        for action in actions_for(&assessment) {
            in_order.apply(&FRAMEWORK, action);
        }
        let mut out_of_order = Session::new(&FRAMEWORK);
        for action in shuffled {
            out_of_order.apply(&FRAMEWORK, action);
        }
        let expected = score::score(&FRAMEWORK, &assessment);
        prop_assert_eq!(&score::score(&FRAMEWORK, &in_order.assessment), &expected);
        prop_assert_eq!(&score::score(&FRAMEWORK, &out_of_order.assessment), &expected);
        prop_assert_eq!(without_blank_notes(&out_of_order.assessment), without_blank_notes(&assessment));
    }

    #[test]
    fn export_round_trips(assessment in assessment()) {
        let text = export::encode(&FRAMEWORK, &assessment);
        let decoded = export::decode(&text, &FRAMEWORK);
        prop_assert_eq!(decoded.as_ref(), Ok(&assessment), "{}", text);
        // The text is JSON that serde_json reads the same way.
        let parsed: Json = serde_json::from_str(&text).expect("encode writes JSON");
        prop_assert_eq!(parsed["answers"].as_object().map(|answers| answers.len()), Some(assessment.answers.len()));
    }

    #[test]
    fn decoding_any_text_gives_an_assessment_or_problems(text in prop_oneof![any::<String>(), any_text(300)]) {
        check_decode(&text)?;
    }

    #[test]
    fn decoding_a_damaged_export_gives_an_assessment_or_problems(
        assessment in assessment(),
        cut in any::<Index>(),
        length in 0usize..20,
        insert in any_text(5),
    ) {
        let text = export::encode(&FRAMEWORK, &assessment);
        let chars: Vec<char> = text.chars().collect();
        let start = cut.index(chars.len());
        let end = (start + length).min(chars.len());
        let damaged: String = chars[..start].iter().chain(insert.chars().collect::<Vec<_>>().iter()).chain(chars[end..].iter()).collect();
        check_decode(&damaged)?;
    }

    #[test]
    fn decoding_any_json_gives_an_assessment_or_problems(value in prop_oneof![any_json(), export_shaped_json()]) {
        let direct = export::decode_value(&tree(&value), &FRAMEWORK);
        let from_text = export::decode(&value.to_string(), &FRAMEWORK);
        prop_assert_eq!(direct.is_ok(), from_text.is_ok());
        check_decode(&value.to_string())?;
    }

    #[test]
    fn reading_any_framework_text_gives_a_framework_or_problems(text in prop_oneof![any::<String>(), any_text(300)]) {
        check_framework(Framework::from_json(&text))?;
        check_framework(Framework::from_toml(&text))?;
    }

    #[test]
    fn reading_any_json_as_a_framework_gives_a_framework_or_problems(value in any_json()) {
        check_framework(Framework::from_value(&tree(&value)))?;
    }

    #[test]
    fn a_damaged_bundled_framework_gives_a_framework_or_problems(
        index in any::<Index>(),
        replacement in any_json(),
        remove in any::<bool>(),
        assessment in assessment(),
    ) {
        let mut value = bundled_json();
        mutate(&mut value, index, replacement, remove);
        let loaded = Framework::from_value(&tree(&value));
        check_framework(loaded.clone())?;
        if let Ok(framework) = loaded {
            // A framework that loads can be scored and written, whatever it holds.
            let results = score::score(&framework, &assessment);
            prop_assert!(in_percent_range(results.completeness));
            let _ = export::decode(&export::encode(&framework, &assessment), &framework);
        }
    }

    #[test]
    fn parsing_any_fragment_gives_a_route(fragment in prop_oneof![any::<String>(), "#?/(section/)?[a-z0-9?&=/#-]{0,30}"]) {
        let route = Route::parse(&fragment);
        prop_assert_eq!(Route::parse(&route.to_fragment()), route, "{:?}", fragment);
    }

    #[test]
    fn routes_survive_their_fragments(route in route()) {
        prop_assert_eq!(Route::parse(&route.to_fragment()), route.clone());
        prop_assert_eq!(Route::parse(route.to_fragment().trim_start_matches('#')), route);
    }
}

/// Decoding gave an assessment that encodes and decodes to itself, or problems that say what
/// is wrong. (Encoding writes the version of the framework the answers were checked against,
/// so a file naming another version of the same framework comes back with this one's.)
fn check_decode(text: &str) -> Result<(), TestCaseError> {
    match export::decode(text, &FRAMEWORK) {
        Ok(mut assessment) => {
            let again = export::decode(&export::encode(&FRAMEWORK, &assessment), &FRAMEWORK);
            assessment.framework.version = FRAMEWORK.version.clone();
            prop_assert_eq!(again.as_ref(), Ok(&assessment));
        }
        Err(problems) => {
            prop_assert!(!problems.is_empty());
            prop_assert!(problems.iter().all(|problem| !problem.message.is_empty()), "{:?}", problems);
        }
    }
    Ok(())
}

fn check_framework(loaded: Result<Framework, Vec<readiness_core::Problem>>) -> Result<(), TestCaseError> {
    match loaded {
        Ok(framework) => {
            prop_assert!(!framework.support_types.is_empty());
            prop_assert_eq!(framework.profiles.len(), 4);
        }
        Err(problems) => {
            prop_assert!(!problems.is_empty());
            prop_assert!(problems.iter().all(|problem| !problem.message.is_empty()), "{:?}", problems);
        }
    }
    Ok(())
}
