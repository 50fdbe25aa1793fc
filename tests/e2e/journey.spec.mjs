// Whole journeys in a real browser: the worked example completed by keyboard alone and checked
// on the results page; the same by role-based selectors; Back, Forward and reload; the error
// summary; and no request for anything but the app's own files.
import { test, expect } from '@playwright/test';
import { itemsBySection, startFresh, tabUntil, watchForeignRequests } from './helpers.mjs';

const sections = itemsBySection();

async function expectWorkedExampleResults(page) {
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Your results');
  const figures = page.locator('.rc-figures');
  await expect(figures.getByText('Practice maturity')).toBeVisible();
  await expect(figures.locator('.rc-figures__item').nth(0).locator('.rc-figures__value')).toHaveText('50%');
  await expect(figures.locator('.rc-figures__item').nth(1).locator('.rc-figures__value')).toHaveText('75%');
  await expect(figures.locator('.rc-figures__item').nth(2).locator('.rc-figures__value')).toHaveText('100%');
  await expect(page.getByRole('heading', { name: 'Your profile: Lead and spread' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Scores by section' });
  for (const domain of ['Tools and practice', 'Environment, culture and values', 'Workforce and structure']) {
    await expect(table.getByRole('row', { name: new RegExp(`^${domain}`) }).getByRole('cell').first()).toHaveText('50%');
  }
  await expect(table.getByRole('row', { name: /^Readiness for whole-system innovation/ }).getByRole('cell').first()).toHaveText('75%');
  const training = page.getByRole('region', { name: /Funding for training/ });
  await expect(training).toContainText('38.6% match');
  await expect(training).toContainText('Engaging children: No: social workers do not engage enough with children');
  await expect(page.getByText('Provisional')).toHaveCount(0);
}

test('the worked example, by keyboard alone', async ({ page, baseURL }) => {
  const foreign = watchForeignRequests(page, baseURL);
  await startFresh(page);
  await tabUntil(page, () => document.activeElement?.textContent?.trim() === 'Start now');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Your assessment' })).toBeFocused();
  await tabUntil(page, () => document.activeElement?.textContent?.trim() === 'Tools and practice');
  await page.keyboard.press('Enter');

  const plan = {
    'tools-practice': '2', 'environment-culture': '2', 'workforce-structure': '2',
    challenges: 'No', 'innovation-readiness': '3', vision: 'text',
  };
  for (const [section, answer] of Object.entries(plan)) {
    await expect(page).toHaveURL(new RegExp(`#/section/${section}$`));
    for (const item of sections[section]) {
      if (answer === 'text') {
        await tabUntil(page, (id) => document.activeElement?.id === `${id}-text`, item.id);
        await page.keyboard.type(`Our answer to ${item.id}, typed <b>as text</b>.`);
      } else if (answer === 'No') {
        await tabUntil(page, (id) => document.activeElement?.getAttribute('name') === id, item.id);
        // Focus lands on the first choice, Yes; arrow keys move and choose: Partly, then No.
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('ArrowDown');
        await expect(page.locator(`#${item.id}-no`)).toBeChecked();
      } else {
        await tabUntil(page, (id) => document.activeElement?.getAttribute('name') === id, item.id);
        await page.keyboard.press(answer);
        await expect(page.locator(`#${item.id}-${answer}`)).toBeChecked();
        await expect(page.locator(`#${item.id}-${answer}`)).toBeFocused();
      }
    }
    await tabUntil(page, () => document.activeElement?.textContent?.trim() === 'Save and continue');
    await page.keyboard.press('Enter');
  }

  await expect(page.getByRole('heading', { level: 1, name: 'Check your answers' })).toBeFocused();
  await tabUntil(page, () => document.activeElement?.textContent?.trim() === 'See your results');
  await page.keyboard.press('Enter');
  await expectWorkedExampleResults(page);
  await expect(page.getByText('Our answer to how-we-help, typed <b>as text</b>.')).toBeVisible();
  expect(foreign).toEqual([]);
});

test('the worked example, by roles and names', async ({ page }) => {
  await startFresh(page);
  await page.getByRole('button', { name: 'Start now' }).click();
  await page.getByRole('link', { name: 'Tools and practice' }).click();
  const levels = { 'tools-practice': 'Developing', 'environment-culture': 'Developing', 'workforce-structure': 'Developing', challenges: 'No', 'innovation-readiness': 'Mostly' };
  for (const [section, level] of Object.entries(levels)) {
    for (const item of sections[section]) {
      await page.getByRole('group', { name: item.statement.replace(/\\"/g, '"').slice(0, 40) }).getByRole('radio', { name: level, exact: true }).check();
    }
    await page.getByRole('button', { name: 'Save and continue' }).click();
  }
  await expect(page).toHaveURL(/#\/section\/vision$/);
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.getByRole('button', { name: 'See your results' }).click();
  await expectWorkedExampleResults(page);
});

test('Back, Forward and reload keep the page and the answers', async ({ page }) => {
  await startFresh(page);
  await page.getByRole('button', { name: 'Start now' }).click();
  await page.getByRole('link', { name: 'Workforce and structure' }).click();
  const first = sections['workforce-structure'][0];
  await page.locator(`#${first.id}-3`).check();
  await page.getByLabel(/Evidence, or what we would change for/).first().fill('Teams of six since 2024');
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your assessment');
  await expect(page.getByRole('listitem').filter({ hasText: 'Workforce and structure' })).toContainText('In progress');
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Workforce and structure');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Workforce and structure');
  await expect(page.locator(`#${first.id}-3`)).toBeChecked();
  await expect(page.locator(`#${first.id}-note`)).toHaveValue('Teams of six since 2024');
  await expect(page.getByText('Your saved answers have been loaded')).toHaveCount(0);
  await page.goto('./#/tasks');
  await expect(page.getByText('Your saved answers have been loaded: 1 of 37 questions answered.')).toBeVisible();
});

test('a priority without an answer is caught by the error summary', async ({ page }) => {
  await startFresh(page);
  await page.goto('./#/section/environment-culture');
  await page.getByRole('checkbox', { name: 'This is a priority for us (‘Learning culture’)' }).check();
  await page.getByRole('button', { name: 'Save and continue' }).click();
  const summary = page.locator('.rc-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('There is a problem');
  await expect(page).toHaveTitle(/^Error: /);
  await summary.getByRole('link', { name: /Choose an answer for ‘Learning culture’/ }).click();
  await expect(page.locator('#learning-culture-priority')).toBeFocused();
  await expect(page).toHaveURL(/#\/section\/environment-culture$/);
  await page.locator('#learning-culture-1').check();
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page).toHaveURL(/#\/section\/workforce-structure$/);
});

test('Clear this answer: only once there is an answer, in a space kept for it; it clears, and focus stays in the question', async ({ page }) => {
  await startFresh(page);
  await page.goto('./#/section/tools-practice');
  const question = page.getByRole('group', { name: /^The organisation has a shared theory of practice/ });
  const clear = page.getByRole('button', { name: 'Clear this answer (‘Shared theory of practice’)' });
  await expect(clear).toHaveCount(0);
  const note = page.getByRole('textbox', { name: /^Evidence, or what we would change/ }).first();
  // Where the note is on the page (not in the window, which scrolls to the radio clicked).
  const place = () => note.evaluate((element) => element.getBoundingClientRect().top + window.scrollY);
  const before = await place();
  await question.getByRole('radio', { name: 'Established' }).check();
  await expect(clear).toBeVisible();
  // The button had its space already: nothing below the answers moved.
  expect(await place()).toBe(before);
  await clear.focus();
  const scrolled = await page.evaluate(() => window.scrollY);
  await page.keyboard.press('Enter');
  await expect(question.getByRole('radio', { name: 'Established' })).not.toBeChecked();
  await expect(clear).toHaveCount(0);
  // Focus moves to the first answer, in view just above, without scrolling the page.
  await expect(question.getByRole('radio', { name: 'Not in place' })).toBeFocused();
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
  await page.reload();
  await expect(page.getByRole('radio', { name: 'Established' }).first()).not.toBeChecked();
});

test('an unknown page says so and offers a way back', async ({ page }) => {
  await page.goto('./#/nowhere');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await page.getByRole('link', { name: 'Go to your assessment' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your assessment');
});
