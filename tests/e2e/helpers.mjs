// Shared steps for the journeys: axe with the WCAG 2.2 A/AA rules, a guard that the page asks
// for nothing but its own files, and keyboard-only moves.
import { expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const frameworkToml = fs.readFileSync(path.join(here, '../../content/framework.toml'), 'utf8');

export const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** Fails with the list of violations if axe finds any on the page as it is now. */
export async function expectNoAxeViolations(page, screen) {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n    ')}`);
  expect(summary, `axe violations on ${screen}`).toEqual([]);
}

/** Makes local storage refuse every write, as a full or blocked store does, from the first script on. */
export async function refuseStorageWrites(page) {
  await page.addInitScript(() => {
    Storage.prototype.setItem = function setItem() {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
}

/** Records every request the page makes that is not for the app's own origin. */
export function watchForeignRequests(page, baseURL) {
  const origin = new URL(baseURL).origin;
  const foreign = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  return foreign;
}

/** Presses Tab until the focused element satisfies `test` (evaluated in the page). */
export async function tabUntil(page, test, arg, limit = 60) {
  for (let step = 0; step < limit; step += 1) {
    if (await page.evaluate(test, arg)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached the element (${test})`);
}

/** The framework's items by section, read from the framework file (ids in file order). */
export function itemsBySection() {
  const sections = {};
  let current = null;
  for (const line of frameworkToml.split('\n')) {
    if (line.startsWith('[')) current = line.startsWith('[[items]]') ? {} : null;
    const id = /^id = "(.*)"$/.exec(line);
    const section = /^section = "(.*)"$/.exec(line);
    const statement = /^statement = "(.*)"$/.exec(line);
    if (current && id) current.id = id[1];
    if (current && statement) current.statement = statement[1];
    if (current && section) {
      current.section = section[1];
      (sections[section[1]] ??= []).push(current);
    }
  }
  return sections;
}

export async function startFresh(page) {
  await page.goto('./');
  await page.evaluate(() => localStorage.clear());
  await page.goto('./#/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}
