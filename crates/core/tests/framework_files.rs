//! Framework files: the bundled framework against the tables of framework.md (sections 1, 3,
//! 5 and 5b, copied here by hand so that a slip in content/framework.toml shows), the broken
//! fixtures in content/test-frameworks/ with the exact problems they give, and a council's
//! variant that loads and scores.

mod common;

use readiness_core::framework::{ItemKind, Role, ScaleKind};
use readiness_core::score;
use readiness_core::{Choice, Framework, Profile, Ratio};

/// framework.md section 5, "points to (weight)", verbatim.
const POINTS_TO: &str = "
| shared-practice-theory | training-funding 3, implementation-consultancy 2, learning-sets 2 |
| evidence-based-direct-work | training-funding 3, learning-sets 2 |
| reflective-supervision | training-funding 2, management-capacity-funding 2, learning-sets 1 |
| theory-shared-language | training-funding 2, learning-sets 2 |
| flexible-admin-support | corporate-flexibilities 3, management-capacity-funding 1, implementation-consultancy 1 |
| data-rich-feedback | case-tracking-funding 3, regulator-dialogue 1, implementation-consultancy 1 |
| shared-values-vision | implementation-consultancy 2, leadership-assurance 2 |
| listening-to-children | training-funding 2, learning-sets 2, partnership-brokerage 1 |
| minimal-bureaucracy | statutory-exemption 3, regulator-dialogue 2, corporate-flexibilities 2 |
| permissive-culture | leadership-assurance 3, learning-sets 1 |
| learning-culture | learning-sets 3, structural-evaluation 1 |
| frontline-authority | corporate-flexibilities 3, delivery-model-assessment 1 |
| intensive-support | management-capacity-funding 2, case-tracking-funding 2, implementation-consultancy 1 |
| interdisciplinary-teams | partnership-brokerage 3, corporate-flexibilities 1 |
| small-flat-teams | structural-evaluation 2, corporate-flexibilities 2, implementation-consultancy 1 |
| extensive-training | training-funding 3 |
| practice-career-paths | corporate-flexibilities 3 |
| managers-in-direct-work | management-capacity-funding 3, training-funding 1 |
| shared-case-responsibility | implementation-consultancy 2, learning-sets 2, regulator-dialogue 1 |
| work-at-right-level | corporate-flexibilities 2, implementation-consultancy 2, management-capacity-funding 1 |
| obstructive-processes | statutory-exemption 3, regulator-dialogue 2 |
| case-recording | regulator-dialogue 3, case-tracking-funding 2, statutory-exemption 1 |
| engaging-children | training-funding 3, learning-sets 1 |
| checking-auditing | statutory-exemption 2, regulator-dialogue 2, case-tracking-funding 1 |
| case-conferences | statutory-exemption 3, regulator-dialogue 1, implementation-consultancy 1 |
| who-does-what | delivery-model-assessment 3, structural-evaluation 3, corporate-flexibilities 1 |
| whole-system-ambition | implementation-consultancy 2 |
| new-approach | structural-evaluation 1, learning-sets 1 |
| partners-engaged | partnership-brokerage 3 |
| learning-together | learning-sets 3 |
| barriers-named | regulator-dialogue 2, statutory-exemption 1, corporate-flexibilities 1 |
| leadership-buy-in | leadership-assurance 3 |
| shared-outcome | implementation-consultancy 2, partnership-brokerage 1 |
| trust-relationships | partnership-brokerage 2 |
| co-production | partnership-brokerage 1, implementation-consultancy 1 |
| evaluation-plan | structural-evaluation 2, learning-sets 1 |
| delivery-model-openness | delivery-model-assessment 3, structural-evaluation 1 |
";

/// framework.md sections 1 and 3: each section's items, in order.
const SECTIONS: [(&str, &[&str]); 6] = [
    (
        "tools-practice",
        &[
            "shared-practice-theory",
            "evidence-based-direct-work",
            "reflective-supervision",
            "theory-shared-language",
            "flexible-admin-support",
            "data-rich-feedback",
        ],
    ),
    (
        "environment-culture",
        &["shared-values-vision", "listening-to-children", "minimal-bureaucracy", "permissive-culture", "learning-culture", "frontline-authority"],
    ),
    (
        "workforce-structure",
        &[
            "intensive-support",
            "interdisciplinary-teams",
            "small-flat-teams",
            "extensive-training",
            "practice-career-paths",
            "managers-in-direct-work",
            "shared-case-responsibility",
            "work-at-right-level",
        ],
    ),
    ("challenges", &["obstructive-processes", "case-recording", "engaging-children", "checking-auditing", "case-conferences", "who-does-what"]),
    (
        "innovation-readiness",
        &[
            "whole-system-ambition",
            "new-approach",
            "partners-engaged",
            "learning-together",
            "barriers-named",
            "leadership-buy-in",
            "shared-outcome",
            "trust-relationships",
            "co-production",
            "evaluation-plan",
            "delivery-model-openness",
        ],
    ),
    ("vision", &["how-we-help", "what-we-ask", "what-enables"]),
];

/// framework.md section 5: support types in table order, with their kinds.
const SUPPORT_TYPES: [(&str, &str); 12] = [
    ("implementation-consultancy", "expertise"),
    ("delivery-model-assessment", "expertise"),
    ("structural-evaluation", "expertise"),
    ("learning-sets", "connections"),
    ("partnership-brokerage", "connections"),
    ("corporate-flexibilities", "permissions"),
    ("leadership-assurance", "permissions"),
    ("regulator-dialogue", "permissions"),
    ("statutory-exemption", "permissions"),
    ("management-capacity-funding", "funding"),
    ("training-funding", "funding"),
    ("case-tracking-funding", "funding"),
];

/// framework.md section 5b: case studies and the items they speak to.
const CASE_STUDIES: [(&str, &[&str]); 5] = [
    ("Derbyshire", &["shared-practice-theory", "extensive-training", "reflective-supervision", "theory-shared-language"]),
    (
        "Reclaiming Social Work units (Hackney)",
        &["shared-case-responsibility", "interdisciplinary-teams", "flexible-admin-support", "small-flat-teams", "reflective-supervision", "intensive-support"],
    ),
    ("Essex", &["shared-values-vision", "learning-culture", "minimal-bureaucracy", "small-flat-teams", "managers-in-direct-work", "work-at-right-level"]),
    ("Achieving for Children (Richmond and Kingston)", &["delivery-model-openness", "who-does-what"]),
    ("Evolve YP (Staffordshire)", &["delivery-model-openness", "frontline-authority"]),
];

fn problems_of(fixture: &str) -> Vec<String> {
    let text = common::repo_file(&format!("content/test-frameworks/{fixture}"));
    match Framework::from_toml(&text) {
        Ok(_) => panic!("{fixture} should not load"),
        Err(problems) => problems.iter().map(ToString::to_string).collect(),
    }
}

// ---------------------------------------------------------------------------------------
// The bundled framework

#[test]
fn the_bundled_framework_is_valid_and_is_the_toml_file() {
    let bundled = Framework::from_json(readiness_core::framework::BUNDLED_JSON).expect("the bundled framework is valid");
    let from_toml = Framework::from_toml(&common::repo_file("content/framework.toml")).expect("content/framework.toml is valid");
    assert_eq!(bundled, from_toml, "the compiled-in framework is content/framework.toml");
    assert_eq!(bundled.id.as_str(), "rethinking-childrens-social-work");
    assert_eq!(bundled.version, "1.0");
    assert_eq!((bundled.suggest_threshold, bundled.max_suggestions), (25, 6));
    assert_eq!(bundled.profile_chart.cut, 50);
}

#[test]
fn sections_and_items_are_those_of_the_specification() {
    let framework = Framework::bundled();
    let found: Vec<(String, Vec<String>)> = framework
        .sections
        .iter()
        .map(|section| (section.id.to_string(), section.items.iter().map(|&item| framework.items[item].id.to_string()).collect()))
        .collect();
    let expected: Vec<(String, Vec<String>)> =
        SECTIONS.iter().map(|(id, items)| (id.to_string(), items.iter().map(|item| item.to_string()).collect())).collect();
    assert_eq!(found, expected);
    let counts: Vec<usize> = framework.sections.iter().map(|section| section.items.len()).collect();
    assert_eq!(counts, [6, 6, 8, 6, 11, 3]);
    assert_eq!(framework.items.len(), 40);
    assert_eq!(framework.scored_items().count(), 37);
}

#[test]
fn sections_have_the_right_roles_and_scales() {
    let framework = Framework::bundled();
    let described: Vec<(&str, &str, &str)> = framework
        .sections
        .iter()
        .map(|section| {
            let scale = &framework.scales[section.scale];
            let kind = match scale.kind {
                ScaleKind::Rating { .. } => "rating",
                ScaleKind::Choice { .. } => "choice",
                ScaleKind::Text => "text",
            };
            (section.role.id(), scale.id.as_str(), kind)
        })
        .collect();
    assert_eq!(
        described,
        [
            ("domain", "maturity", "rating"),
            ("domain", "maturity", "rating"),
            ("domain", "maturity", "rating"),
            ("challenges", "challenge", "choice"),
            ("readiness", "agreement", "rating"),
            ("vision", "text", "text"),
        ]
    );
    for (_, section) in framework.domains() {
        assert_eq!(section.role, Role::Domain { weight: 1 }, "{}: domains weigh the same", section.id);
    }
}

#[test]
fn scale_levels_are_those_of_the_specification() {
    let framework = Framework::bundled();
    let names = |id: &str| -> Vec<String> {
        let scale = framework.scales.iter().find(|scale| scale.id == id).unwrap_or_else(|| panic!("no scale {id}"));
        (0..=4).map(|level| scale.level_name(level).unwrap_or("?").to_owned()).chain(scale.not_sure_name().map(str::to_owned)).collect()
    };
    assert_eq!(names("maturity"), ["Not in place", "Emerging", "Developing", "Established", "Embedded", "Not sure"]);
    assert_eq!(names("agreement"), ["Not yet", "Starting", "Partly", "Mostly", "Fully", "Not sure"]);
    let challenge = framework.scales.iter().find(|scale| scale.id == "challenge").expect("a challenge scale");
    let choices: Vec<&str> = Choice::ALL.iter().map(|&choice| challenge.choice_name(choice).unwrap_or("?")).collect();
    assert_eq!(choices, ["Yes", "Partly", "No", "Not sure"]);
}

#[test]
fn opportunity_answers_are_yes_except_engaging_children_and_who_does_what() {
    let framework = Framework::bundled();
    let found: Vec<(&str, Choice)> =
        framework.items.iter().filter_map(|item| item.challenge.as_ref().map(|challenge| (item.id.as_str(), challenge.opportunity_when))).collect();
    assert_eq!(
        found,
        [
            ("obstructive-processes", Choice::Yes),
            ("case-recording", Choice::Yes),
            ("engaging-children", Choice::No),
            ("checking-auditing", Choice::Yes),
            ("case-conferences", Choice::Yes),
            ("who-does-what", Choice::No),
        ]
    );
    for item in framework.items.iter().filter(|item| item.kind == ItemKind::Choice) {
        let challenge = item.challenge.as_ref().expect("a challenge question has its challenge");
        assert!(challenge.says.iter().all(|says| !says.is_empty()), "{}: every answer is put in words", item.id);
    }
}

#[test]
fn support_types_are_the_twelve_of_the_specification_in_four_kinds() {
    let framework = Framework::bundled();
    let found: Vec<(&str, &str)> =
        framework.support_types.iter().map(|support| (support.id.as_str(), framework.support_kinds[support.kind].id.as_str())).collect();
    assert_eq!(found, SUPPORT_TYPES);
    let kinds: Vec<&str> = framework.support_kinds.iter().map(|kind| kind.id.as_str()).collect();
    assert_eq!(kinds, ["expertise", "connections", "permissions", "funding"]);
}

#[test]
fn every_weight_is_that_of_the_specification_table() {
    let framework = Framework::bundled();
    let expected: Vec<(String, Vec<(String, u32)>)> = POINTS_TO
        .lines()
        .filter(|line| line.starts_with('|'))
        .map(|line| {
            let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
            let pointers = cells[1]
                .split(", ")
                .map(|pointer| {
                    let (support, weight) = pointer.rsplit_once(' ').expect("'support weight'");
                    (support.to_owned(), weight.parse().expect("a whole weight"))
                })
                .collect();
            (cells[0].to_owned(), pointers)
        })
        .collect();
    assert_eq!(expected.len(), 37, "the table has a row per scored item");
    let found: Vec<(String, Vec<(String, u32)>)> = framework
        .scored_items()
        .map(|(_, item)| {
            (item.id.to_string(), item.points_to.iter().map(|pointer| (framework.support_types[pointer.support].id.to_string(), pointer.weight)).collect())
        })
        .collect();
    for (want, got) in expected.iter().zip(&found) {
        assert_eq!(got, want);
    }
    assert_eq!(found, expected);
    for item in framework.items.iter().filter(|item| item.kind == ItemKind::Text) {
        assert!(item.points_to.is_empty(), "{}: vision items point nowhere", item.id);
    }
}

#[test]
fn case_studies_are_those_of_the_specification() {
    let framework = Framework::bundled();
    let found: Vec<(&str, Vec<&str>)> =
        framework.case_studies.iter().map(|study| (study.name.as_str(), study.items.iter().map(|&item| framework.items[item].id.as_str()).collect())).collect();
    let expected: Vec<(&str, Vec<&str>)> = CASE_STUDIES.iter().map(|(name, items)| (*name, items.to_vec())).collect();
    assert_eq!(found, expected);
    let reflective = framework.item_position("reflective-supervision").expect("an item");
    let speaking: Vec<&str> = framework.case_studies_for(reflective).map(|study| study.id.as_str()).collect();
    assert_eq!(speaking, ["derbyshire", "reclaiming-social-work"]);
}

#[test]
fn profiles_and_attribution() {
    let framework = Framework::bundled();
    let names: Vec<&str> = Profile::ALL.iter().map(|&profile| framework.profile_text(profile).name.as_str()).collect();
    assert_eq!(names, ["Lead and spread", "Ready to redesign", "Strong practice, build the case", "Lay the foundations"]);
    for profile in Profile::ALL {
        assert_eq!(framework.profile_text(profile).profile, profile);
    }
    assert_eq!(framework.attribution.licence, "Contains public sector information licensed under the Open Government Licence v2.0.");
    assert!(framework.attribution.source.contains("Rethinking children's social work"), "{}", framework.attribution.source);
}

// ---------------------------------------------------------------------------------------
// Broken files: every problem, with its path, in one pass

#[test]
fn the_minimal_fixture_is_valid() {
    let framework = Framework::from_toml(&common::repo_file("content/test-frameworks/valid-minimal.toml")).expect("valid");
    assert_eq!((framework.sections.len(), framework.items.len(), framework.support_types.len()), (5, 8, 3));
}

#[test]
fn unknown_support_type() {
    assert_eq!(problems_of("unknown-support-type.toml"), ["items[3].points_to[1].support: unknown support type 'training'"]);
}

#[test]
fn several_problems_in_one_pass() {
    assert_eq!(
        problems_of("several-problems.toml"),
        [
            "format: expected \"readiness-framework\", found 'readiness-assessment'",
            "id: 'Minimal Framework' is not a valid id: use lower-case letters and digits joined by single hyphens, at most 64 characters",
            "items[1].section: unknown section 'practise'",
            "items[2].points_to[0].weight: 4 is out of range: expected a whole number from 1 to 3",
            "items[4].opportunity_when: expected \"yes\" or \"no\", found 'maybe'",
            "case_studies[0].items[1]: unknown item 'structure-c'",
            "colour: unknown field (expected one of: attribution, case_studies, description, format, id, items, max_suggestions, minutes, profile_chart, profiles, scales, sections, suggest_threshold, support_kinds, support_types, title, version)",
        ]
    );
}

#[test]
fn toml_syntax_error() {
    assert_eq!(problems_of("syntax-error.toml"), ["not valid TOML at line 6, column 29: invalid basic string, expected `\"`"]);
}

#[test]
fn wrong_types() {
    assert_eq!(
        problems_of("wrong-types.toml"),
        [
            "title: expected text, found a number",
            "description: expected text, found a list",
            "minutes: expected a whole number from 1 to 600, found text",
            "sections[0].weight: expected a whole number from 1 to 100, found 1.5",
            "items[1].points_to: expected a list, found text",
            "profile_chart: expected a table of fields, found text",
        ]
    );
}

#[test]
fn duplicate_ids() {
    assert_eq!(
        problems_of("duplicate-ids.toml"),
        [
            "support_types[2]: support type id 'funding' is used more than once",
            "items[1]: item id 'practice-a' is used more than once",
            "items[2].points_to[0].support: unknown support type 'permission'",
            "items[4].points_to[0].support: unknown support type 'permission'",
            "case_studies[1]: case study id 'somewhere' is used more than once",
        ]
    );
}

#[test]
fn missing_profiles() {
    assert_eq!(problems_of("missing-profiles.toml"), ["profiles: missing a complete text for: ready-to-redesign, strong-practice-build-the-case"]);
}

#[test]
fn a_rating_scale_with_four_levels() {
    let problems = problems_of("four-level-scale.toml");
    assert_eq!(problems[0], "scales[0].levels: a rating scale has exactly 5 levels, 0 to 4; found 4");
}

#[test]
fn a_domain_section_on_a_choice_scale() {
    let problems = problems_of("domain-on-choice-scale.toml");
    assert_eq!(problems[0], "sections[1].scale: a domain section needs a rating scale, and 'answer' is not one");
}

/// A definition the loader rejects is dropped, and everything that refers to it is then
/// reported as referring to something unknown: one wrong scale gives fourteen problems, most of
/// them untrue ("unknown scale 'levels'" when the file defines it).
#[test]
fn one_mistake_gives_one_problem() {
    assert_eq!(problems_of("four-level-scale.toml"), ["scales[0].levels: a rating scale has exactly 5 levels, 0 to 4; found 4"]);
    assert_eq!(problems_of("domain-on-choice-scale.toml"), ["sections[1].scale: a domain section needs a rating scale, and 'answer' is not one"]);
}

#[test]
fn fields_in_the_wrong_place() {
    assert_eq!(
        problems_of("misplaced-fields.toml"),
        [
            "sections[3].weight: only domain sections take a weight",
            "items[0].says: only challenge questions take says",
            "items[4].opportunity_when: missing: say which answer, \"yes\" or \"no\", signals an opportunity",
            "items[5].opportunity_when: only challenge questions take opportunity_when",
            "items[7].points_to: free-text items are not scored, so they cannot point to support types",
        ]
    );
}

#[test]
fn no_readiness_section_and_an_empty_section() {
    assert_eq!(
        problems_of("no-readiness-section.toml"),
        ["sections[4]: section 'extra' has no items", "sections: a framework needs exactly one readiness section, found 0"]
    );
}

#[test]
fn json_framework_files_are_checked_the_same_way() {
    let problems = |text: &str| -> Vec<String> {
        match Framework::from_json(text) {
            Ok(_) => panic!("{text:?} should not load"),
            Err(problems) => problems.iter().map(ToString::to_string).collect(),
        }
    };
    assert_eq!(problems(""), ["not valid JSON at line 1, column 0: the text ends too soon: it may have been cut off"]);
    assert_eq!(problems("{\"format\": "), ["not valid JSON at line 1, column 11: the text ends too soon: it may have been cut off"]);
    assert_eq!(problems("[1, 2]"), ["expected a table of fields, found a list"]);
    assert_eq!(
        problems("{\"format\": \"readiness-framework\", \"id\": \"x\"}"),
        [
            "version: missing",
            "title: missing",
            "attribution: missing: say where the content comes from and under which licence",
            "scales: missing",
            "support_kinds: missing",
            "support_types: missing",
            "sections: missing",
            "items: missing",
            "profiles: missing: describe each profile: lead-and-spread, ready-to-redesign, strong-practice-build-the-case, lay-the-foundations",
        ]
    );
    // The bundled framework with one support type renamed: JSON paths are the same as TOML's.
    let renamed = readiness_core::framework::BUNDLED_JSON.replacen("\"support\":\"training-funding\"", "\"support\":\"training\"", 1);
    assert_ne!(renamed, readiness_core::framework::BUNDLED_JSON, "the bundled JSON is compact");
    assert_eq!(problems(&renamed), ["items[0].points_to[0].support: unknown support type 'training'"]);
}

// ---------------------------------------------------------------------------------------
// A council's own framework

fn council() -> Framework {
    Framework::from_toml(&common::repo_file("content/test-frameworks/council-variant.toml"))
        .unwrap_or_else(|problems| panic!("the council variant loads: {problems:?}"))
}

#[test]
fn the_council_variant_differs_only_as_intended() {
    let bundled = Framework::bundled();
    let council = council();
    assert_eq!(council.id, bundled.id, "the same id, so existing exports load");
    assert_eq!(council.version, "1.0+northshire.1");
    assert_eq!(council.items.len(), bundled.items.len() + 1);
    let local = council.item("northshire-family-hubs").expect("the local item");
    assert_eq!(council.sections[local.section].id.as_str(), "environment-culture");
    assert_eq!(council.sections[local.section].items.last(), council.item_position("northshire-family-hubs").as_ref(), "asked at the end of its domain");
    let mut differences = Vec::new();
    for item in &bundled.items {
        let theirs = council.item(item.id.as_str()).expect("every default item is kept");
        if theirs.statement != item.statement {
            differences.push(format!("{} statement", item.id));
        }
        if theirs.points_to != item.points_to {
            differences.push(format!("{} points_to", item.id));
        }
    }
    assert_eq!(differences, ["shared-practice-theory statement", "extensive-training points_to"]);
    let training = council.support_types.iter().position(|support| support.id.as_str() == "training-funding").expect("training-funding");
    assert_eq!(council.item("extensive-training").expect("an item").points_to[0].support, training);
    assert_eq!(council.item("extensive-training").expect("an item").points_to[0].weight, 2);
}

#[test]
fn the_council_variant_scores_exports_made_with_the_default_framework() {
    let council = council();
    let text = common::repo_file("content/examples/worked-example.json");
    let assessment = readiness_core::codec::export::decode(&text, &council).expect("the worked example loads against the council's framework");
    let results = score::score(&council, &assessment);
    // The local item is unanswered: environment-culture is 6 of 7 items at 2, still 50 %.
    let environment = council.section_position("environment-culture").expect("a section");
    assert_eq!(results.section(environment).n_items, 7);
    assert_eq!(results.section(environment).percent, Some(Ratio::whole(50)));
    assert_eq!(results.profile, Some(Profile::LeadAndSpread));
    assert_eq!((results.n_answered, results.n_scorable), (37, 38));
    assert_eq!(results.completeness, Ratio::new(3700, 38));
    assert!(!results.provisional);
    // extensive-training now weighs 2: Σ need × weight = 0.5 × 15 + 1 × 3 = 10.5 of 1.5 × 18 = 27.
    let training = results.supports.iter().find(|support| council.support_types[support.support].id.as_str() == "training-funding").expect("training-funding");
    assert_eq!((training.need, training.max), (84, 216));
    assert_eq!(training.percent(), Ratio::new(350, 9));
}
