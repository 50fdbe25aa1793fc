// Keeping, sharing, comparing and printing: several named assessments, storage that is full or
// damaged, two tabs, imports and share links that are bad in every way, and the printed report
// read back from a PDF page by page.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectNoAxeViolations, refuseStorageWrites } from './helpers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const examples = path.join(here, '../../content/examples');
const workedExample = JSON.parse(fs.readFileSync(path.join(examples, 'worked-example.json'), 'utf8'));
const FRAMEWORK = 'rethinking-childrens-social-work';
const LIBRARY = `readiness:${FRAMEWORK}:library`;
const assessmentKey = (id) => `readiness:${FRAMEWORK}:assessment:${id}`;

/** Puts entries in local storage before the app reads it, then loads `route`. */
async function seed(page, entries, route = './#/tasks') {
  await page.goto('./#/');
  await page.evaluate((entries) => {
    localStorage.clear();
    for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
  }, entries);
  await page.goto(route);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

const envelope = (data, revision = 1) => JSON.stringify({ version: 2, saved_at: '2026-11-22T10:00:00Z', revision, data });
const library = (entries, current) =>
  JSON.stringify({ version: 2, saved_at: '2026-11-22T10:00:00Z', revision: 1, data: { current, assessments: entries, deleted: {} } });

async function storageKeys(page) {
  return page.evaluate(() => Object.keys(localStorage));
}

test('several named assessments: create, rename, duplicate, delete with undo, switch', async ({ page }) => {
  await seed(page, {
    [LIBRARY]: library({ a1: { title: 'Baseline 2026', created: '2026-01-05T09:00:00Z' } }, 'a1'),
    [assessmentKey('a1')]: envelope({ ...workedExample, title: 'Baseline 2026' }),
  });
  await page.getByRole('link', { name: 'All assessments' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your assessments' })).toBeVisible();
  await expectNoAxeViolations(page, 'assessments list');

  await page.getByLabel('Name of the new assessment (optional)').fill('Review 2027');
  await page.getByRole('button', { name: 'Start a new assessment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your assessment' })).toBeVisible();
  await expect(page.getByText('Review 2027', { exact: true })).toBeVisible();
  await expect(page.getByText('answered 0 of 37 questions')).toBeVisible();
  await page.getByRole('link', { name: 'Tools and practice' }).click();
  await page.getByRole('radio', { name: 'Embedded' }).first().check();

  await page.goto('./#/assessments');
  await page.getByText('Rename ‘Baseline 2026’').click();
  await page.getByLabel('New name for ‘Baseline 2026’').fill('Baseline, January 2026');
  await page.getByRole('button', { name: 'Save the new name' }).first().click();
  await expect(page.getByText('Renamed to ‘Baseline, January 2026’')).toBeVisible();

  await page.getByRole('button', { name: 'Duplicate ‘Baseline, January 2026’' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /Copy of Baseline, January 2026/ })).toBeVisible();

  await page.getByRole('button', { name: 'Delete ‘Copy of Baseline, January 2026’' }).click();
  await expect(page.getByText('‘Copy of Baseline, January 2026’ has been deleted')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /^Copy of Baseline/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Copy of Baseline/ })).toHaveCount(1);

  // Deleting the open copy opened the baseline; switch to the review.
  await expect(page.getByRole('heading', { level: 2, name: /Baseline, January 2026\s*Open now/ })).toBeVisible();
  await page.getByRole('button', { name: 'Open ‘Review 2027’' }).click();
  await expect(page.getByText('answered 1 of 37 questions')).toBeVisible();

  // Everything survives a reload: three assessments, the review open.
  await page.reload();
  await page.goto('./#/assessments');
  await expect(page.locator('.rc-summary-card__title')).toHaveText([/^Baseline, January 2026$/, /Review 2027\s*Open now/, /^Copy of Baseline, January 2026$/]);
  const review = JSON.parse(await page.evaluate(() => {
    const lib = JSON.parse(localStorage.getItem('readiness:rethinking-childrens-social-work:library'));
    const id = Object.entries(lib.data.assessments).find(([, entry]) => entry.title === 'Review 2027')[0];
    return localStorage.getItem(`readiness:rethinking-childrens-social-work:assessment:${id}`);
  }));
  expect(review.data.answers['shared-practice-theory'].value).toBe(4);
});

test('storage version 1 is migrated, and damaged storage is backed up, reported and downloadable', async ({ page }) => {
  const v1 = JSON.stringify({ version: 1, saved_at: '2026-03-01T09:00:00Z', revision: 9, data: { ...workedExample, title: 'Old save' } });
  await seed(page, { [`readiness:${FRAMEWORK}:current`]: v1 });
  await expect(page.getByText('Your saved answers to ‘Old save’ have been loaded: 37 of 37 questions answered.')).toBeVisible();
  expect(await storageKeys(page)).toEqual(expect.arrayContaining([LIBRARY, assessmentKey('a1')]));
  expect(await storageKeys(page)).not.toContain(`readiness:${FRAMEWORK}:current`);

  await seed(page, { [LIBRARY]: library({ a1: { title: 'Broken', created: '2026-01-05T09:00:00Z' } }, 'a1'), [assessmentKey('a1')]: '{"version":2,"data":{"format":' });
  await expect(page.getByText('Your saved answers could not be read')).toBeVisible();
  const keys = await storageKeys(page);
  const backup = keys.find((key) => key.startsWith(`${assessmentKey('a1')}:backup:`));
  expect(backup).toBeTruthy();
  expect(await page.evaluate((key) => localStorage.getItem(key), backup)).toBe('{"version":2,"data":{"format":');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the saved text' }).click();
  const file = await (await download).path();
  expect(fs.readFileSync(file, 'utf8')).toBe('{"version":2,"data":{"format":');
  await expectNoAxeViolations(page, 'unreadable saved answers');
});

test('when storage is full the app keeps working, says so, and can still export', async ({ page }) => {
  await refuseStorageWrites(page);
  await page.goto('./#/section/tools-practice');
  await page.getByRole('radio', { name: 'Developing' }).first().check();
  await expect(page.getByText('Your answers are not being saved')).toBeVisible();
  await expect(page.getByText("This is because this browser's storage is full.")).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Developing' }).first()).toBeChecked();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download your answers' }).first().click();
  const saved = JSON.parse(fs.readFileSync(await (await download).path(), 'utf8'));
  expect(saved.answers['shared-practice-theory'].value).toBe(2);
  await expectNoAxeViolations(page, 'storage full');
});

test('a save in another tab is noticed; nothing is silently overwritten', async ({ context }) => {
  const first = await context.newPage();
  await seed(first, { [LIBRARY]: library({ a1: { title: 'Shared', created: '2026-01-05T09:00:00Z' } }, 'a1'), [assessmentKey('a1')]: envelope(workedExample, 3) }, './#/section/tools-practice');
  const second = await context.newPage();
  await second.goto('./#/section/tools-practice');
  await second.getByRole('radio', { name: 'Not in place' }).first().check();
  await expect(first.getByText('‘Worked example’ was changed in another tab or window')).toBeVisible();
  await expectNoAxeViolations(first, 'conflict banner');
  // An edit in the first tab is held back while the user decides.
  await first.getByRole('radio', { name: 'Embedded' }).nth(1).check();
  const stored = JSON.parse(await first.evaluate((key) => localStorage.getItem(key), assessmentKey('a1')));
  expect(stored.data.answers['shared-practice-theory'].value).toBe(0);
  expect(stored.data.answers['reflective-supervision'].value).toBe(2);
  await first.getByRole('button', { name: "Use the other tab's answers" }).click();
  await expect(first.getByRole('radio', { name: 'Not in place' }).first()).toBeChecked();
});

test('import: a bad file changes nothing and says where and what; a good one is added', async ({ page }, testInfo) => {
  await seed(page, { [LIBRARY]: library({ a1: { title: 'Mine', created: '2026-01-05T09:00:00Z' } }, 'a1'), [assessmentKey('a1')]: envelope({ ...workedExample, title: 'Mine' }) }, './#/import');
  const bad = testInfo.outputPath('bad.json');
  fs.writeFileSync(bad, JSON.stringify({ ...workedExample, version: 1, answers: { ...workedExample.answers, 'learning-culture': { value: 7 }, 'no-such-item': { value: 1 } }, extra: true }));
  await page.getByLabel('Choose an assessment file (JSON)').setInputFiles(bad);
  await page.getByRole('button', { name: 'Check the file' }).click();
  const problems = page.locator('#import-problems');
  await expect(problems).toBeFocused();
  await expect(problems).toContainText('bad.json cannot be imported');
  await expect(problems).toContainText('answers.learning-culture.value');
  await expect(problems).toContainText('no-such-item');
  await expect(problems).toContainText('extra');
  await expectNoAxeViolations(page, 'import with errors');

  const newer = testInfo.outputPath('newer.json');
  fs.writeFileSync(newer, JSON.stringify({ ...workedExample, version: 2 }));
  await page.getByLabel('Choose an assessment file (JSON)').setInputFiles(newer);
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.locator('#import-problems')).toContainText('newer than this tool reads');

  await page.getByLabel('Choose an assessment file (JSON)').setInputFiles([]);
  await page.getByLabel("Or paste the file's contents").fill(JSON.stringify({ ...workedExample, title: 'Imported review' }));
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByRole('heading', { name: 'The pasted text is ready to import' })).toBeVisible();
  await expectNoAxeViolations(page, 'import ready');
  await page.getByRole('button', { name: 'Add as a new assessment' }).click();
  await expect(page.getByText('‘Imported review’ has been imported as a new assessment')).toBeVisible();
  await page.goto('./#/assessments');
  await expect(page.locator('.rc-summary-card__title')).toHaveText([/Mine/, /Imported review\s*Open now/]);
});

test('share links: made, opened with a question first, and bad links change nothing', async ({ page, context }) => {
  await seed(page, { [LIBRARY]: library({ a1: { title: 'Sender', created: '2026-01-05T09:00:00Z' } }, 'a1'), [assessmentKey('a1')]: envelope(workedExample) }, './#/results');
  await page.getByRole('button', { name: 'Make a share link' }).click();
  const link = await page.getByLabel('Your share link').inputValue();
  expect(link).toMatch(/#\/share\/1\.\d+\./);
  expect(link.length).toBeLessThan(2000);

  const receiver = await context.browser().newContext();
  const other = await receiver.newPage();
  await other.goto(link);
  await expect(other.getByRole('heading', { level: 1, name: 'Answers shared with you: ‘Worked example’' })).toBeVisible();
  await expect(other.getByText('Notes and vision answers are never put in a link')).toBeVisible();
  await expectNoAxeViolations(other, 'share link');
  await other.getByRole('button', { name: 'Open as a new assessment' }).click();
  await other.goto(new URL('#/results', link).href);
  await expect(other.getByRole('heading', { name: 'Your profile: Lead and spread' })).toBeVisible();

  const payload = link.split('#/share/')[1];
  const [version, length, data] = payload.split('.');
  const cases = [
    [`${version}.${length}.${data.slice(0, -20)}`, 'this link is incomplete'],
    [`${version}.${length}.${data.slice(0, 10)}${data[10] === 'A' ? 'B' : 'A'}${data.slice(11)}`, /changed or damaged|could not be unpacked|checksum/],
    [`9.${length}.${data}`, 'newer version of the tool'],
    ['hello', /not a share link|cannot be read|not a link/i],
  ];
  for (const [bad, message] of cases) {
    const fresh = await receiver.newPage();
    await fresh.goto(new URL(`#/share/${bad}`, link).href);
    await expect(fresh.getByRole('heading', { level: 1, name: 'This share link cannot be opened' })).toBeVisible();
    await expect(fresh.locator('.rc-error-summary')).toContainText(message);
    await expect(fresh.getByText('Nothing has been changed')).toBeVisible();
    await fresh.close();
  }
  await receiver.close();
});

test('compare two assessments over time', async ({ page }) => {
  const later = JSON.parse(fs.readFileSync(path.join(examples, 'strong-practice.json'), 'utf8'));
  await seed(page, {
    [LIBRARY]: library({ a1: { title: 'Baseline 2026', created: '2026-01-05T09:00:00Z' }, a2: { title: 'Review 2027', created: '2027-01-05T09:00:00Z' } }, 'a2'),
    [assessmentKey('a1')]: envelope({ ...workedExample, title: 'Baseline 2026' }),
    [assessmentKey('a2')]: envelope({ ...later, title: 'Review 2027' }),
  }, './#/assessments');
  await page.getByRole('link', { name: 'Compare two assessments' }).click();
  await expect(page.getByLabel('Earlier assessment (before)')).toHaveValue('a1');
  await expect(page.getByLabel('Later assessment (after)')).toHaveValue('a2');
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page.locator('main')).toContainText('Practice maturity');
  await expect(page.locator('main')).toContainText(/Up \d+(\.\d+)? points/);
  await expectNoAxeViolations(page, 'compare');
});

test('print: a one-page summary, then every answer with its note', async ({ page }, testInfo) => {
  const answers = structuredClone(workedExample.answers);
  answers['learning-culture'].note = 'Reflective sessions run monthly in every team';
  answers['how-we-help'] = { text: 'Families say we listen' };
  await seed(page, {
    [LIBRARY]: library({ a1: { title: 'Baseline 2026', created: '2026-01-05T09:00:00Z' } }, 'a1'),
    [assessmentKey('a1')]: envelope({ ...workedExample, title: 'Baseline 2026', updated: '2026-11-20T10:00:00Z', answers }),
  }, './#/results');
  await page.emulateMedia({ media: 'print' });
  const pdf = testInfo.outputPath('report.pdf');
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  const pageText = (n) => execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)[1]);
  expect(pages).toBeGreaterThan(1);

  const first = pageText(1);
  for (const expected of ['Baseline 2026', '2026-11-20', 'Profile: Lead and spread', 'Practice maturity', '50%', '75%', 'Top suggested support', 'Delivery model assessment', 'Why:']) {
    expect(first, `page 1 has ${expected}`).toContain(expected);
  }
  expect(first).not.toContain('Provisional');
  expect(first).not.toContain('Every answer');
  const rest = Array.from({ length: pages - 1 }, (_, index) => pageText(index + 2)).join('\n');
  expect(rest).toContain('Every answer');
  expect(rest).toContain('Reflective sessions run monthly in every team');
  expect(rest).toContain('Families say we listen');
  expect(rest).toContain('Answer: Developing (2)');
  fs.rmSync(path.dirname(pdf), { recursive: true, force: true });
});
