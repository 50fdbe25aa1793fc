// Renders the survey in bench/survey.js (made from content/framework.toml by
// bench/surveyjs-json.mjs) with survey-core and survey-js-ui. The model is window.survey, so the
// comparison can set every answer at once (survey.data) and move between pages.
/* global Survey */
const survey = new Survey.Model(window.SURVEY_JSON);
window.survey = survey;
survey.render(document.getElementById('survey'));
