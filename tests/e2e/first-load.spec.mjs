// The first load and the hand-over (src/handover.rs): the page loads only the small first-load
// build; the full build comes after the first move or when a page only it has is opened; the
// hand-over keeps the answers (even ones that could not be saved), the page and the focus; and
// a full build that fails to load is said so, with a way to try again.
import { test, expect } from '@playwright/test';
import { expectNoAxeViolations, refuseStorageWrites } from './helpers.mjs';

/** Records the paths of the app's own files the page requests. */
function requests(page) {
  const seen = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/pkg/') || pathname.startsWith('/www/')) seen.push(pathname);
  });
  return seen;
}

const FULL = ['/pkg/readiness.js', '/pkg/readiness_bg.wasm', '/pkg/readiness.css'];
const LITE = ['/pkg/readiness_lite.js', '/pkg/readiness_lite_bg.wasm', '/pkg/readiness-lite.css'];

test('the start page loads only the first-load build; the full one follows the first move', async ({ page }) => {
  const seen = requests(page);
  await page.goto('./#/');
  await expect(page.getByRole('button', { name: 'Start now' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(seen).toEqual(expect.arrayContaining(LITE));
  for (const file of FULL) expect(seen).not.toContain(file);

  await page.getByRole('button', { name: 'Start now' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your assessment' })).toBeVisible();
  await expect.poll(() => FULL.every((file) => seen.includes(file))).toBe(true);
  // The whole stylesheet is fetched but not switched on before the hand-over: switching it on
  // would restyle the page the user is answering for no change.
  const sheets = () =>
    page.evaluate(() => [...document.querySelectorAll('link[rel=stylesheet]')].map((link) => [new URL(link.href).pathname, link.media || 'all', link.sheet !== null]));
  await expect.poll(sheets).toEqual([
    ['/pkg/readiness-lite.css', 'all', true],
    ['/pkg/readiness.css', 'not all', true],
  ]);
});

test('a page only the full build has, opened directly, starts the full build at once', async ({ page }) => {
  const seen = requests(page);
  await page.goto('./#/assessments');
  await expect(page.getByRole('heading', { level: 1, name: 'Your assessments' })).toBeVisible();
  expect(seen).toEqual(expect.arrayContaining(FULL));
  // The first-load build's module is preloaded by the page but never started: its wasm is
  // fetched (preload) and not instantiated, so the app on the page is the full build's.
  await expect(page.getByRole('link', { name: 'Import', exact: true })).toBeVisible();
});

test('the hand-over keeps unsaved answers, opens the page asked for and moves focus to it', async ({ page }) => {
  // Storage refuses every write, so the answers exist only in the first-load build's memory.
  await refuseStorageWrites(page);
  await page.goto('./#/section/tools-practice');
  await page.getByRole('radio', { name: 'Developing' }).first().check();
  await expect(page.getByText('Your answers are not being saved')).toBeVisible();
  await page.evaluate(() => {
    location.hash = '#/results';
  });
  await expect(page.getByRole('heading', { level: 1, name: 'Your results' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Your results' })).toBeFocused();
  await expect(page).toHaveTitle(/^Your results/);
  // The whole stylesheet has replaced the first-load one, so the results page is styled.
  await expect(page.locator('.rc-figures__item').first()).toHaveCSS('border-top-width', '5px');
  expect(await page.evaluate(() => [...document.querySelectorAll('link[rel=stylesheet]')].map((link) => new URL(link.href).pathname))).toEqual(['/pkg/readiness.css']);
  // The answer made in the first-load build is in the full build's results, and still unsaved.
  await expect(page.getByText('Your answers are not being saved')).toBeVisible();
  await page.evaluate(() => {
    location.hash = '#/section/tools-practice';
  });
  await expect(page.getByRole('radio', { name: 'Developing' }).first()).toBeChecked();
  await expectNoAxeViolations(page, 'after the hand-over');
});

test('answers saved in the first-load build are there after the hand-over and after a reload', async ({ page }) => {
  await page.goto('./#/');
  await page.evaluate(() => localStorage.clear());
  await page.goto('./#/section/tools-practice');
  await page.reload();
  await page.getByRole('radio', { name: 'Embedded' }).first().check();
  await page.getByRole('link', { name: 'All assessments' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your assessments' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('radio', { name: 'Embedded' }).first()).toBeChecked();
  await page.reload();
  await expect(page.getByRole('radio', { name: 'Embedded' }).first()).toBeChecked();
});

test('when the full build cannot load, the page says so, and Try again works once it can', async ({ page }) => {
  let blocked = true;
  await page.route('**/pkg/readiness_bg.wasm', (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
  await page.goto('./#/tasks');
  await expect(page.getByRole('heading', { level: 1, name: 'Your assessment' })).toBeVisible();
  await page.evaluate(() => {
    location.hash = '#/results';
  });
  await expect(page.getByRole('heading', { level: 1, name: 'This page could not be opened' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Your answers are safe in this browser');
  await expectNoAxeViolations(page, 'full build failed');
  blocked = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your results' })).toBeVisible();
  // The stylesheet loaded on the first attempt is not added again, and the first-load one is gone.
  const sheets = await page.evaluate(() => [...document.querySelectorAll('link[rel=stylesheet]')].map((link) => new URL(link.href).pathname));
  expect(sheets.filter((sheet) => sheet.endsWith('/readiness.css'))).toHaveLength(1);
  expect(sheets.filter((sheet) => sheet.endsWith('/readiness-lite.css'))).toHaveLength(0);
});

test('the hand-over never puts stale answers over a newer save, and keeps a waiting choice', async ({ context }) => {
  const first = await context.newPage();
  await first.goto('./#/');
  await first.evaluate(() => localStorage.clear());
  await first.goto('./#/section/tools-practice');
  await first.reload();
  await first.getByRole('radio', { name: 'Developing' }).first().check();

  // Another tab saves other answers: the first-load build notices and asks.
  const second = await context.newPage();
  await second.goto('./#/section/tools-practice');
  await second.getByRole('radio', { name: 'Not in place' }).first().check();
  await expect(first.getByText('was changed in another tab or window')).toBeVisible();
  // An edit made while the choice waits is held back, then the page changes builds.
  await first.getByRole('radio', { name: 'Embedded' }).nth(1).check();
  await first.evaluate(() => {
    location.hash = '#/results';
  });
  await expect(first.getByRole('heading', { level: 1, name: 'Your results' })).toBeVisible();
  // The full build asks again; nothing was written over the other tab's save meanwhile.
  await expect(first.getByText('was changed in another tab or window')).toBeVisible();
  const stored = await first.evaluate(() => {
    const key = Object.keys(localStorage).find((name) => name.includes(':assessment:'));
    return JSON.parse(localStorage.getItem(key)).data.answers;
  });
  expect(stored['shared-practice-theory'].value).toBe(0);
  expect(stored['reflective-supervision']).toBeUndefined();
  await first.getByRole('button', { name: "Keep this page's answers" }).click();
  await first.evaluate(() => {
    location.hash = '#/section/tools-practice';
  });
  await expect(first.getByRole('radio', { name: 'Developing' }).first()).toBeChecked();
  await expect(first.getByRole('radio', { name: 'Embedded' }).nth(1)).toBeChecked();
});

test('moving on while the full build loads opens the page moved to, once', async ({ page }) => {
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  await page.route('**/pkg/readiness_bg.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('./#/tasks');
  await expect(page.getByRole('heading', { level: 1, name: 'Your assessment' })).toBeVisible();
  await page.evaluate(() => {
    location.hash = '#/results';
  });
  await expect(page.getByRole('heading', { level: 1, name: 'Opening the page' })).toBeVisible();
  await page.getByRole('link', { name: 'All assessments' }).click();
  release();
  await expect(page.getByRole('heading', { level: 1, name: 'Your assessments' })).toBeVisible();
  await expect(page.locator('.rc-app')).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
});
