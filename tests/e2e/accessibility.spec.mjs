// axe-core over every screen, with the WCAG 2.2 A and AA rules: zero violations allowed.
import { test } from '@playwright/test';
import { expectNoAxeViolations, itemsBySection, startFresh } from './helpers.mjs';

const sections = Object.keys(itemsBySection());

async function answerSome(page) {
  await page.goto('./#/section/tools-practice');
  await page.locator('#shared-practice-theory-1').check();
  await page.locator('#reflective-supervision-not-sure').check();
  await page.locator('#learning-culture-priority').count();
}

test('start, task list and not-found pages', async ({ page }) => {
  await startFresh(page);
  await expectNoAxeViolations(page, 'start');
  await page.goto('./#/tasks');
  await expectNoAxeViolations(page, 'task list (nothing answered)');
  await answerSome(page);
  await page.goto('./#/tasks');
  await expectNoAxeViolations(page, 'task list (in progress, restored banner)');
  await page.goto('./#/nowhere');
  await expectNoAxeViolations(page, 'page not found');
});

for (const section of sections) {
  test(`section page: ${section}`, async ({ page }) => {
    await startFresh(page);
    await page.goto(`./#/section/${section}`);
    await expectNoAxeViolations(page, section);
  });
}

test('error summary, check answers and results', async ({ page }) => {
  await startFresh(page);
  await page.goto('./#/section/tools-practice');
  await page.locator('#data-rich-feedback-priority').check();
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expectNoAxeViolations(page, 'section with errors');
  await page.locator('#data-rich-feedback-0').check();
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.goto('./#/check');
  await expectNoAxeViolations(page, 'check answers');
  await page.goto('./#/results');
  await expectNoAxeViolations(page, 'results (provisional)');
  for (const domain of ['tools-practice', 'environment-culture', 'workforce-structure', 'innovation-readiness', 'challenges']) {
    await page.goto(`./#/section/${domain}`);
    for (const radio of await page.locator('.rc-radios__item:first-child input').all()) await radio.check();
  }
  await page.goto('./#/results');
  await page.getByRole('group').first().count();
  await page.locator('details').first().evaluate((details) => { details.open = true; });
  await expectNoAxeViolations(page, 'results (complete, details open)');
});
