// Turns content/framework.toml into a SurveyJS survey that asks the same questions with the same
// words, and an answer set (SurveyJS `data`) from one of our export files. The comparison in
// bench/run.mjs renders this survey with survey-core and survey-js-ui.
//
//   one page per section (title, intro)
//   rating or challenge item -> radiogroup: the scale's levels with their descriptions, then
//                               "Not sure" (challenge items: Yes, Partly, No, Not sure)
//   its optional note        -> comment
//   its priority flag        -> boolean shown as a checkbox
//   vision question          -> comment
//
// Usage as a script: node bench/surveyjs-json.mjs [framework.toml] prints the survey JSON.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'smol-toml';

const here = path.dirname(fileURLToPath(import.meta.url));
export const FRAMEWORK_TOML = path.join(here, '..', 'content', 'framework.toml');

// The limits and fixed wording the app uses (crates/core/src/codec/export.rs, src/components/question.rs).
const MAX_NOTE = 5000;
const MAX_TEXT = 10000;
const NOTE_TITLE = 'Evidence, or what we would change (optional)';
const PRIORITY_TITLE = 'This is a priority for us';
const TEXT_HINT = `Optional, up to ${MAX_TEXT.toLocaleString('en-GB')} characters. Not scored: your answer appears at the top of your report.`;

export function readFramework(file = FRAMEWORK_TOML) {
  return parse(fs.readFileSync(file, 'utf8'));
}

/** The SurveyJS survey JSON for a framework (the parsed TOML). */
export function surveyFromFramework(framework) {
  const scales = new Map(framework.scales.map((scale) => [scale.id, scale]));
  const pages = framework.sections.map((section) => {
    const scale = scales.get(section.scale);
    const items = framework.items.filter((item) => item.section === section.id);
    const elements = [];
    for (const item of items) {
      if (scale.kind === 'text') {
        elements.push({
          type: 'comment',
          name: item.id,
          title: item.statement,
          description: TEXT_HINT,
          maxLength: MAX_TEXT,
          rows: 5,
        });
        continue;
      }
      let choices;
      let description;
      if (scale.kind === 'rating') {
        choices = scale.levels.map((level) => ({ value: level.value, text: `${level.name} (level ${level.value}: ${level.description})` }));
        choices.push({ value: 'not-sure', text: `${scale.not_sure} (${scale.not_sure_description})` });
        description = scale.question;
      } else {
        choices = scale.choices.map((choice) => ({ value: choice.id, text: choice.name }));
        const opportunity = scale.choices.find((choice) => choice.id === item.opportunity_when);
        description = opportunity ? `Answering ‘${opportunity.name}’ signals an opportunity to do things differently.` : undefined;
      }
      elements.push({ type: 'radiogroup', name: item.id, title: item.statement, description, choices });
      elements.push({ type: 'comment', name: `${item.id}-note`, title: NOTE_TITLE, maxLength: MAX_NOTE, rows: 2 });
      elements.push({ type: 'boolean', name: `${item.id}-priority`, title: PRIORITY_TITLE, renderAs: 'checkbox' });
    }
    return { name: section.id, title: section.title, description: section.intro, elements };
  });
  return {
    title: framework.title,
    description: framework.description,
    showProgressBar: 'top',
    progressBarType: 'pages',
    showQuestionNumbers: 'off',
    pages,
  };
}

/** SurveyJS `data` holding the answers of one of our export files (content/examples/*.json). */
export function surveyData(exportFile) {
  const data = {};
  for (const [id, answer] of Object.entries(exportFile.answers)) {
    if (answer.value !== undefined) data[id] = answer.value;
    if (answer.note) data[`${id}-note`] = answer.note;
    if (answer.priority) data[`${id}-priority`] = true;
  }
  return data;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const framework = readFramework(process.argv[2] ?? FRAMEWORK_TOML);
  process.stdout.write(`${JSON.stringify(surveyFromFramework(framework), null, 2)}\n`);
}
