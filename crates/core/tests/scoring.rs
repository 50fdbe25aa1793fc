//! Scoring and matching rules of framework.md sections 4 and 5, case by case through one
//! `check(answers, expected)` helper: "Not sure", the half-answered rule, maturity, the
//! provisional label, the four profiles and their boundaries, needs, priority, the threshold,
//! the cap on suggestions, tie-breaks, strengths, gaps, opportunities and reasons.

mod common;

use readiness_core::Framework;

/// Scores answers against the bundled framework; see `common::answers` for the notation and
/// `common::render` for the keys of `expected`.
fn check(answers: &str, expected: &str) {
    common::check_with(&Framework::bundled(), answers, expected);
}

// ---------------------------------------------------------------------------------------
// Section percents, "Not sure" and unanswered items

#[test]
fn nothing_answered() {
    check(
        "",
        "tools-practice: none
         maturity: none
         readiness: none
         answered: 0 of 37
         completeness: 0
         provisional: true
         profile: none
         strengths: -
         gaps: -
         opportunities: -
         suggested: -
         need training-funding: 0
         max training-funding: 28.5
         match training-funding: 0",
    );
}

#[test]
fn not_sure_is_left_out_of_the_mean_but_counted_as_answered() {
    check(
        "tools-practice: 4 4 4 ? ? ?",
        "tools-practice: 100
         tools-practice counts: scored 3, not sure 3, answered 6 of 6, sum 12
         answered: 6 of 37
         completeness: 600/37
         evidence gaps: theory-shared-language flexible-admin-support data-rich-feedback",
    );
    check(
        "tools-practice: 0 4 ? 2 ? -",
        "tools-practice: 50
         tools-practice counts: scored 3, not sure 2, answered 5 of 6, sum 6
         answered: 5 of 37",
    );
}

#[test]
fn not_sure_on_a_challenge_is_answered_and_an_evidence_gap() {
    check(
        "case-recording: ?",
        "challenges counts: scored 0, not sure 1, answered 1 of 6, sum 0
         answered: 1 of 37
         evidence gaps: case-recording
         opportunities: -",
    );
}

#[test]
fn unanswered_items_count_for_nothing() {
    check(
        "tools-practice: 3 3 3 - - -",
        "tools-practice: 75
         tools-practice counts: scored 3, not sure 0, answered 3 of 6, sum 9
         answered: 3 of 37
         completeness: 300/37
         evidence gaps: -",
    );
}

#[test]
fn vision_answers_are_not_scored_and_do_not_count_towards_completeness() {
    check(
        "how-we-help: One worker who knows the family.
         what-we-ask: Relationships that help families change.",
        "vision: none
         vision counts: scored 0, not sure 0, answered 2 of 3, sum 0
         answered: 0 of 37
         completeness: 0",
    );
}

// ---------------------------------------------------------------------------------------
// The half-answered rule: a percent needs at least half the section's items scored

#[test]
fn half_answered_rule_six_items() {
    check("tools-practice: 2 2 - - - -", "tools-practice: none");
    check("tools-practice: 2 2 2 - - -", "tools-practice: 50");
    // "Not sure" is answered but not scored, so it does not help a section reach half.
    check("tools-practice: 2 2 ? ? ? ?", "tools-practice: none\ntools-practice counts: scored 2, not sure 4, answered 6 of 6, sum 4");
}

#[test]
fn half_answered_rule_eight_items() {
    check("workforce-structure: 1 1 1 - - - - -", "workforce-structure: none");
    check("workforce-structure: 1 1 1 1 - - - -", "workforce-structure: 25");
}

#[test]
fn half_answered_rule_eleven_readiness_items_need_six() {
    check("innovation-readiness: 3 3 3 3 3 - - - - - -", "innovation-readiness: none\nreadiness: none");
    check("innovation-readiness: 3 3 3 3 3 ? ? ? ? ? ?", "innovation-readiness: none\nreadiness: none");
    check("innovation-readiness: 3 3 3 3 3 3 - - - - -", "innovation-readiness: 75\nreadiness: 75");
    check("innovation-readiness: - - - - - 4 0 4 0 4 0", "innovation-readiness: 50\nreadiness: 50");
}

// ---------------------------------------------------------------------------------------
// Practice maturity and completeness

#[test]
fn maturity_is_the_mean_of_the_three_domains() {
    check(
        "tools-practice: 4*
         environment-culture: 2*
         workforce-structure: 0*",
        "tools-practice: 100
         environment-culture: 50
         workforce-structure: 0
         maturity: 50",
    );
}

#[test]
fn maturity_needs_every_domain() {
    check(
        "tools-practice: 2*
         environment-culture: 2*
         workforce-structure: 2 2 2 - - - - -
         innovation-readiness: 3*",
        "tools-practice: 50
         workforce-structure: none
         maturity: none
         readiness: 75
         profile: none",
    );
}

#[test]
fn provisional_below_eighty_percent() {
    // 20 key ingredients, 6 challenges and 3 readiness items: 29 of 37 = 78.4 %.
    check(
        "tools-practice: 2*
         environment-culture: 2*
         workforce-structure: 2*
         challenges: no*
         innovation-readiness: 3 3 ? - - - - - - - -",
        "answered: 29 of 37
         completeness: 2900/37
         provisional: true",
    );
    // One more: 30 of 37 = 81.1 %.
    check(
        "tools-practice: 2*
         environment-culture: 2*
         workforce-structure: 2*
         challenges: no*
         innovation-readiness: 3 3 ? ? - - - - - - -",
        "answered: 30 of 37
         completeness: 3000/37
         provisional: false",
    );
}

// ---------------------------------------------------------------------------------------
// Profiles, with the cut at 50 on both axes and 50 itself on the high side

#[test]
fn the_four_profiles() {
    let domains = |level: u8| format!("tools-practice: {level}*\nenvironment-culture: {level}*\nworkforce-structure: {level}*");
    check(&format!("{}\ninnovation-readiness: 3*", domains(3)), "maturity: 75\nreadiness: 75\nprofile: lead-and-spread");
    check(&format!("{}\ninnovation-readiness: 3*", domains(1)), "maturity: 25\nreadiness: 75\nprofile: ready-to-redesign");
    check(&format!("{}\ninnovation-readiness: 1*", domains(3)), "maturity: 75\nreadiness: 25\nprofile: strong-practice-build-the-case");
    check(&format!("{}\ninnovation-readiness: 1*", domains(1)), "maturity: 25\nreadiness: 25\nprofile: lay-the-foundations");
}

#[test]
fn exactly_fifty_on_both_axes_is_lead_and_spread() {
    // 125/3 + 175/3 + 50 = 150 exactly, although 41.67 + 58.33 in floats need not be 100.
    check(
        "tools-practice: 2 2 1 ? ? ?
         environment-culture: 3 2 2 ? ? ?
         workforce-structure: 2*
         innovation-readiness: 2*",
        "tools-practice: 125/3
         environment-culture: 175/3
         workforce-structure: 50
         maturity: 50
         readiness: 50
         profile: lead-and-spread",
    );
}

#[test]
fn just_below_fifty_on_either_axis() {
    // Readiness 21 of 44 = 47.7 %.
    check(
        "tools-practice: 2*
         environment-culture: 2*
         workforce-structure: 2*
         innovation-readiness: 2 2 2 2 2 2 2 2 2 2 1",
        "maturity: 50
         readiness: 525/11
         profile: strong-practice-build-the-case",
    );
    // Maturity (50 + 50 + 46.875) / 3 = 48.96 %.
    check(
        "tools-practice: 2*
         environment-culture: 2*
         workforce-structure: 2 2 2 2 2 2 2 1
         innovation-readiness: 2*",
        "workforce-structure: 375/8
         maturity: 1175/24
         readiness: 50
         profile: ready-to-redesign",
    );
    check(
        "tools-practice: 2*
         environment-culture: 2*
         workforce-structure: 2 2 2 2 2 2 2 1
         innovation-readiness: 2 2 2 2 2 2 2 2 2 2 1",
        "profile: lay-the-foundations",
    );
}

// ---------------------------------------------------------------------------------------
// Needs: extensive-training points only to training-funding (weight 3), case-recording to
// regulator-dialogue with weight 3, who-does-what to delivery-model-assessment with weight 3.

#[test]
fn rating_needs_are_four_minus_the_level_over_four() {
    for (answer, need) in [("0", "3"), ("1", "2.25"), ("2", "1.5"), ("3", "0.75"), ("4", "0"), ("?", "1.5"), ("-", "0")] {
        check(&format!("extensive-training: {answer}"), &format!("need training-funding: {need}\nmax training-funding: 28.5"));
    }
}

#[test]
fn priority_multiplies_the_need_by_one_and_a_half() {
    for (answer, need) in [("0!", "4.5"), ("1!", "3.375"), ("2!", "2.25"), ("3!", "1.125"), ("4!", "0"), ("?!", "2.25"), ("-!", "0")] {
        check(&format!("extensive-training: {answer}"), &format!("need training-funding: {need}\nmax training-funding: 28.5"));
    }
    check("extensive-training: 0", "match training-funding: 200/19");
    check("extensive-training: 0!", "match training-funding: 300/19");
    check("engaging-children: no!", "need training-funding: 4.5\nneed learning-sets: 1.5");
}

#[test]
fn challenge_needs() {
    // case-recording signals an opportunity when answered Yes.
    for (answer, need) in [("yes", "3"), ("partly", "1.5"), ("no", "0"), ("not-sure", "0.75"), ("yes!", "4.5"), ("partly!", "2.25")] {
        check(&format!("case-recording: {answer}"), &format!("need regulator-dialogue: {need}"));
    }
    // who-does-what signals an opportunity when answered No.
    for (answer, need) in [("no", "3"), ("partly", "1.5"), ("yes", "0"), ("?", "0.75")] {
        check(&format!("who-does-what: {answer}"), &format!("need delivery-model-assessment: {need}"));
    }
}

#[test]
fn opportunities_are_the_opportunity_answer_or_partly() {
    check("case-recording: yes", "opportunities: case-recording");
    check("case-recording: partly", "opportunities: case-recording");
    check("case-recording: no", "opportunities: -");
    check("case-recording: not-sure", "opportunities: -");
    check("who-does-what: no", "opportunities: who-does-what");
    check("who-does-what: yes", "opportunities: -");
    check("engaging-children: yes", "opportunities: -");
    // Priorities first, then full opportunities, then framework order.
    check(
        "challenges: partly yes no! partly! not-sure no",
        "opportunities: engaging-children checking-auditing case-recording who-does-what obstructive-processes",
    );
}

// ---------------------------------------------------------------------------------------
// Suggestions: the threshold, the cap and the tie-breaks

#[test]
fn a_match_of_exactly_twenty_five_percent_is_suggested() {
    // leadership-assurance: shared-values-vision 2, permissive-culture 3, leadership-buy-in 3;
    // 1 × 3 of 1.5 × 8 = 12 is exactly 25 %.
    check(
        "shared-values-vision: 4
         permissive-culture: 0
         leadership-buy-in: 4",
        "need leadership-assurance: 3
         max leadership-assurance: 12
         match leadership-assurance: 25
         suggested: leadership-assurance",
    );
    // One eighth less: 0.5 × 2 + 0.25 × 3 + 0.375 × 3 = 2.875 of 12 = 23.96 %.
    check(
        "shared-values-vision: 2
         permissive-culture: 3
         leadership-buy-in: 3!",
        "need leadership-assurance: 2.875
         match leadership-assurance: 575/24
         suggested: -",
    );
}

#[test]
fn at_most_six_are_suggested_and_ties_go_to_the_larger_sum_then_table_order() {
    // Every item at its largest unflagged need: every support type matches 2/3 exactly, so the
    // order is by Σ weight (learning-sets 21, training-funding 19, implementation-consultancy and
    // corporate-flexibilities 18, ...), then table order.
    check(
        "tools-practice: 0*
         environment-culture: 0*
         workforce-structure: 0*
         challenges: yes yes no yes yes no
         innovation-readiness: 0*",
        "match learning-sets: 200/3
         match delivery-model-assessment: 200/3
         need implementation-consultancy: 18
         need corporate-flexibilities: 18
         need leadership-assurance: 8
         need case-tracking-funding: 8
         ranking: learning-sets training-funding implementation-consultancy corporate-flexibilities regulator-dialogue statutory-exemption partnership-brokerage structural-evaluation management-capacity-funding leadership-assurance case-tracking-funding delivery-model-assessment
         suggested: learning-sets training-funding implementation-consultancy corporate-flexibilities regulator-dialogue statutory-exemption",
    );
}

/// A small framework with four support types, listed out of alphabetical order on purpose:
/// the list's order breaks the last ties.
///
/// - `zulu` and `alpha`: item p1 with weight 1 each, so they always tie exactly.
/// - `bravo`: p1 with weight 2: the same match as zulu and alpha, twice their Σ.
/// - `charlie`: p2 and p3 with weight 1 each: the same Σ and match as bravo when p1, p2 and
///   p3 have the same answer, from different items.
fn tie_framework(settings: &str) -> Framework {
    let text = format!(
        r#"
format = "readiness-framework"
id = "tie-breaks"
version = "1"
title = "Tie breaks"
{settings}

[attribution]
licence = "Test licence"
source = "Written for the tests"

[[scales]]
id = "levels"
kind = "rating"
levels = [
  {{ value = 0, name = "None" }},
  {{ value = 1, name = "Some" }},
  {{ value = 2, name = "Half" }},
  {{ value = 3, name = "Most" }},
  {{ value = 4, name = "All" }},
]

[[sections]]
id = "practice"
role = "domain"
scale = "levels"
title = "Practice"

[[sections]]
id = "ready"
role = "readiness"
scale = "levels"
title = "Readiness"

[[support_kinds]]
id = "help"
name = "Help"

[[support_types]]
id = "zulu"
kind = "help"
name = "Zulu"
description = "Listed first."

[[support_types]]
id = "alpha"
kind = "help"
name = "Alpha"
description = "Listed second."

[[support_types]]
id = "bravo"
kind = "help"
name = "Bravo"
description = "Listed third."

[[support_types]]
id = "charlie"
kind = "help"
name = "Charlie"
description = "Listed fourth."

[[items]]
id = "p1"
section = "practice"
label = "P1"
statement = "First practice statement."
points_to = [{{ support = "zulu", weight = 1 }}, {{ support = "alpha", weight = 1 }}, {{ support = "bravo", weight = 2 }}]

[[items]]
id = "p2"
section = "practice"
label = "P2"
statement = "Second practice statement."
points_to = [{{ support = "charlie", weight = 1 }}]

[[items]]
id = "p3"
section = "practice"
label = "P3"
statement = "Third practice statement."
points_to = [{{ support = "charlie", weight = 1 }}]

[[items]]
id = "r1"
section = "ready"
label = "R1"
statement = "First readiness statement."

[[items]]
id = "r2"
section = "ready"
label = "R2"
statement = "Second readiness statement."

[[profiles]]
id = "lead-and-spread"
name = "Lead"
summary = "High and high."
next_steps = "Spread."

[[profiles]]
id = "ready-to-redesign"
name = "Redesign"
summary = "Low and high."
next_steps = "Redesign."

[[profiles]]
id = "strong-practice-build-the-case"
name = "Strong"
summary = "High and low."
next_steps = "Build the case."

[[profiles]]
id = "lay-the-foundations"
name = "Foundations"
summary = "Low and low."
next_steps = "Lay them."
"#
    );
    Framework::from_toml(&text).unwrap_or_else(|problems| panic!("the tie framework is valid: {problems:?}"))
}

#[test]
fn exact_ties_on_match_and_sum_go_to_table_order() {
    let framework = tie_framework("");
    // All four match 2/3; bravo and charlie have Σ 2, zulu and alpha Σ 1.
    common::check_with(
        &framework,
        "practice: 0*",
        "match zulu: 200/3
         match alpha: 200/3
         match bravo: 200/3
         match charlie: 200/3
         need bravo: 2
         need charlie: 2
         need zulu: 1
         ranking: bravo charlie zulu alpha",
    );
    // Different answers, same exact values: bravo 0.5 × 2 = 1, charlie 1 × 1 + 0 × 1 = 1,
    // both of 3; zulu and alpha 0.5 of 1.5. All 100/3 %.
    common::check_with(
        &framework,
        "practice: 2 0 4",
        "match bravo: 100/3
         match charlie: 100/3
         match zulu: 100/3
         ranking: bravo charlie zulu alpha",
    );
    // A larger match beats table order and Σ.
    common::check_with(&framework, "practice: 2 0 0", "match charlie: 200/3\nranking: charlie bravo zulu alpha");
}

#[test]
fn the_framework_sets_the_threshold_and_the_cap() {
    let framework = tie_framework("suggest_threshold = 40\nmax_suggestions = 2");
    common::check_with(&framework, "practice: 0*", "suggested: bravo charlie");
    common::check_with(&framework, "practice: 2 0 0", "match bravo: 100/3\nsuggested: charlie");
    let defaults = tie_framework("");
    common::check_with(&defaults, "practice: 0*", "suggested: bravo charlie zulu alpha");
    common::check_with(&defaults, "practice: 4*", "suggested: -");
}

#[test]
fn exactly_eighty_percent_answered_is_not_provisional() {
    let framework = tie_framework("");
    // Five scored items.
    common::check_with(&framework, "practice: 2 2 2\nready: 2 -", "answered: 4 of 5\ncompleteness: 80\nprovisional: false");
    common::check_with(&framework, "practice: 2 2 ?\nready: - -", "answered: 3 of 5\ncompleteness: 60\nprovisional: true");
}

#[test]
fn domain_weights_from_the_file_weight_maturity() {
    let text = common::repo_file("content/test-frameworks/valid-minimal.toml");
    let framework = Framework::from_toml(&text).expect("the minimal framework is valid");
    common::check_with(&framework, "practice: 4*\nstructure: 0*\nreadiness: 2*", "practice: 100\nstructure: 0\nmaturity: 50");
    let weighted = Framework::from_toml(&text.replace("weight = 1 # practice", "weight = 3 # practice")).expect("still valid");
    common::check_with(&weighted, "practice: 4*\nstructure: 0*\nreadiness: 2*", "maturity: 75\nprofile: lead-and-spread");
}

// ---------------------------------------------------------------------------------------
// Strengths and gaps

#[test]
fn strengths_are_the_fours_with_the_threes_when_fewer_than_three_fours() {
    check(
        "tools-practice: 3 4 - - - -
         frontline-authority: 3
         innovation-readiness: 4 - - - - - - - - - 3",
        "strengths: evidence-based-direct-work whole-system-ambition shared-practice-theory frontline-authority delivery-model-openness",
    );
    check(
        "tools-practice: 4 3 4 - - -
         innovation-readiness: 4 3 - - - - - - - - -",
        "strengths: shared-practice-theory reflective-supervision whole-system-ambition",
    );
    check("tools-practice: 2 2 ? 1 0 -", "strengths: -");
    check("tools-practice: 3 - - - - -", "strengths: shared-practice-theory");
}

#[test]
fn gaps_are_zeros_and_ones_with_priorities_first() {
    check(
        "tools-practice: 1 0 2 1! 0! ?
         innovation-readiness: 0 - - - - - - - - - -",
        "gaps: flexible-admin-support theory-shared-language evidence-based-direct-work whole-system-ambition shared-practice-theory
         evidence gaps: data-rich-feedback",
    );
    check("tools-practice: 2 3 4 ? - 2", "gaps: -");
}

// ---------------------------------------------------------------------------------------
// Reasons: the answers that contributed most, in words

#[test]
fn reasons_put_answers_in_words() {
    check("case-recording: yes", "reasons regulator-dialogue: Case recording: Yes: there is a better way\nmatch regulator-dialogue: 100/7");
    check("case-recording: no", "reasons regulator-dialogue: -");
    check("barriers-named: ?", "reasons regulator-dialogue: Barriers named: Not sure (an evidence gap)");
    check("who-does-what: no!", "reasons delivery-model-assessment: Who does what: No: who does what is not right yet (a priority)");
}

#[test]
fn reasons_are_the_three_largest_contributions() {
    // regulator-dialogue: minimal-bureaucracy 1.5 × 2 = 3, case-recording 0.5 × 3 = 1.5,
    // data-rich-feedback 1 × 1 = 1 and barriers-named 0.5 × 2 = 1 (tie: framework order),
    // obstructive-processes 0.25 × 2 = 0.5.
    check(
        "minimal-bureaucracy: 0!
         case-recording: partly
         data-rich-feedback: 0
         barriers-named: ?
         obstructive-processes: not-sure",
        "need regulator-dialogue: 7
         reasons regulator-dialogue: Minimal bureaucracy: Not in place (a priority) | Case recording: Partly: parts of it could be done better | Data and rich feedback: Not in place",
    );
}

// ---------------------------------------------------------------------------------------
// The helper itself

#[test]
#[should_panic(expected = "expected lead-and-spread")]
fn check_reports_a_wrong_figure() {
    check("tools-practice: 0*", "profile: lead-and-spread");
}

#[test]
#[should_panic(expected = "no such figure")]
fn check_reports_an_unknown_figure() {
    check("tools-practice: 0*", "tools: 0");
}
