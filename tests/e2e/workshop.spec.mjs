// Workshop mode: a presenter and a projector page in one browser context stay in step; notes
// stay off the projector until revealed; thirty generated share links merge into the
// distributions and medians an independent count gives.
import { test, expect } from '@playwright/test';
import zlib from 'node:zlib';
import { expectNoAxeViolations, itemsBySection, frameworkToml } from './helpers.mjs';

const FRAMEWORK = 'rethinking-childrens-social-work';
const VERSION = /^version = "(.*)"$/m.exec(frameworkToml)[1];
const sections = itemsBySection();
const rated = [...sections['tools-practice'], ...sections['environment-culture'], ...sections['workforce-structure']];
const challenges = sections.challenges;
const readiness = sections['innovation-readiness'];

/** A share link payload written here, independently of the app: docs/share-links.md. */
function sharePayload(title, answers, framework = FRAMEWORK) {
  const lines = [framework, VERSION, title, ...answers.map(([id, code]) => `${id} ${code}`)];
  const body = Buffer.from(`${lines.join('\n')}\n`, 'utf8');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  const data = Buffer.concat([zlib.deflateRawSync(body, { level: 9 }), crc]).toString('base64url');
  return `1.${data.length}.${data}`;
}

/** A small deterministic random source, so a failure can be reproduced. */
function random(seed) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

async function seedNote(page, itemId, note) {
  const example = {
    format: 'readiness-assessment',
    version: 1,
    framework: { id: FRAMEWORK, version: VERSION },
    title: 'Facilitator',
    answers: { [itemId]: { value: 2, note } },
  };
  await page.goto('./#/');
  await page.evaluate(
    ([framework, data]) => {
      localStorage.clear();
      localStorage.setItem(`readiness:${framework}:library`, JSON.stringify({ version: 2, saved_at: '2026-11-22T10:00:00Z', revision: 1, data: { current: 'a1', assessments: { a1: { title: 'Facilitator', created: '2026-11-22T10:00:00Z' } }, deleted: {} } }));
      localStorage.setItem(`readiness:${framework}:assessment:a1`, JSON.stringify({ version: 2, saved_at: '2026-11-22T10:00:00Z', revision: 1, data }));
    },
    [FRAMEWORK, example],
  );
}

test('the projector follows the presenter; notes stay off it until revealed', async ({ context }) => {
  const presenter = await context.newPage();
  const second = rated[1];
  await seedNote(presenter, second.id, 'Supervision notes for the facilitator only');
  await presenter.goto('./#/workshop');
  await presenter.reload();
  await expect(presenter.getByRole('heading', { level: 1, name: "Workshop: facilitator's view" })).toBeVisible();
  await expectNoAxeViolations(presenter, 'workshop presenter');

  const projector = await context.newPage();
  await projector.goto('./#/workshop/projector');
  const statement = projector.locator('.rc-projector__statement');
  await expect(statement).toHaveText(rated[0].statement);
  await expect(projector.locator('.rc-projector__levels')).toContainText('Not in place');
  await expectNoAxeViolations(projector, 'workshop projector');

  // Record the agreed level with a key and move on with the arrow.
  await presenter.locator('h1').click();
  await presenter.keyboard.press('2');
  await expect(presenter.getByRole('button', { name: 'Agreed: Developing (2)' })).toHaveAttribute('aria-pressed', 'true');
  await presenter.keyboard.press('r');
  await expect(projector.locator('.rc-room')).toContainText('Median: Developing (2)');
  await presenter.keyboard.press('ArrowRight');
  await expect(statement).toHaveText(second.statement);
  await expect(projector.locator('.rc-room')).toHaveCount(0);

  // The facilitator sees the note; the projector does not, until it is shown.
  await expect(presenter.getByText('Supervision notes for the facilitator only')).toBeVisible();
  expect(await projector.content()).not.toContain('Supervision notes for the facilitator only');
  await presenter.getByRole('button', { name: 'Show this note to the room' }).click();
  await expect(projector.locator('.rc-projector__note')).toContainText('Supervision notes for the facilitator only');
  await presenter.keyboard.press('ArrowRight');
  await expect(projector.locator('.rc-projector__note')).toHaveCount(0);
  expect(await projector.content()).not.toContain('Supervision notes for the facilitator only');

  // A tally of hands: 1, 0, 3, 2, 0 and 1 not sure: the median is Developing (2).
  await presenter.getByText('Or count hands for each answer', { exact: true }).click();
  for (const [option, count] of [1, 0, 3, 2, 0, 1].entries()) await presenter.locator(`#hands-${option}`).fill(String(count));
  await presenter.getByRole('button', { name: 'Save the count' }).click();
  await presenter.getByRole('button', { name: "Reveal the room's answer" }).click();
  await expect(projector.locator('.rc-room')).toContainText('Median: Developing (2)');
  await expect(projector.locator('.rc-room')).toContainText('How far from agreement');

  // The QR code for the address the facilitator types.
  await presenter.getByLabel('Address for the QR code on the projector (optional)').fill('https://intranet.example.gov.uk/readiness');
  await presenter.getByRole('button', { name: 'Use this address' }).click();
  await expect(projector.getByRole('img', { name: 'QR code for https://intranet.example.gov.uk/readiness' })).toBeVisible();
  const fontSize = await projector.locator('.rc-projector__levels li').first().evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
  expect(fontSize).toBeGreaterThanOrEqual(32);
});

test('thirty share links merge into the expected distributions and medians', async ({ page }) => {
  const next = random(20261123);
  const links = [];
  const counts = new Map();
  for (let participant = 0; participant < 30; participant += 1) {
    const answers = [];
    for (const item of [...rated, ...readiness]) {
      const roll = next();
      if (roll < 0.08) continue; // unanswered
      const code = roll < 0.15 ? '?' : String(Math.floor(next() * 5));
      answers.push([item.id, code]);
    }
    for (const item of challenges) answers.push([item.id, ['y', 'p', 'n', '?'][Math.floor(next() * 4)]]);
    for (const [id, code] of answers) {
      const tally = counts.get(id) ?? new Map();
      tally.set(code, (tally.get(code) ?? 0) + 1);
      counts.set(id, tally);
    }
    links.push(`http://localhost/#/share/${sharePayload(`Participant ${participant + 1}`, answers)}`);
  }
  // A duplicate and a link for another framework are reported, not merged.
  const other = sharePayload('Elsewhere', [[rated[0].id, '3']], 'another-councils-framework');
  await page.goto('./#/workshop/merge');
  await page.getByLabel('Share links, one on each line').fill([...links, links[0], other].join('\n'));
  await page.getByRole('button', { name: 'Add these participants' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '30 participants' })).toBeVisible();
  await expect(page.locator('#merge-problems')).toContainText('the same answers as participant 1');
  await expect(page.locator('#merge-problems')).toContainText("another-councils-framework");

  for (const item of [...rated, ...readiness]) {
    const row = page.locator(`tr[data-item="${item.id}"]`);
    const tally = counts.get(item.id) ?? new Map();
    const cells = await row.locator('td').allTextContents();
    for (let level = 0; level <= 4; level += 1) {
      const expected = tally.get(String(level)) ?? 0;
      const shown = new RegExp(`\\(${level}\\): (\\d+)`).exec(cells[0]);
      expect(shown ? Number(shown[1]) : 0, `${item.id} level ${level}`).toBe(expected);
    }
    // The median of the levels given (not sure left out), as the mean of the middle two.
    const levels = [];
    for (let level = 0; level <= 4; level += 1) for (let n = 0; n < (tally.get(String(level)) ?? 0); n += 1) levels.push(level);
    const middle = levels.length / 2;
    const median = levels.length % 2 ? levels[Math.floor(middle)] : (levels[middle - 1] + levels[middle]) / 2;
    expect(cells[1], `${item.id} median`).toContain(String(median));
  }
  await expectNoAxeViolations(page, 'workshop merge');

  await page.getByRole('button', { name: 'Remove participant 30' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '29 participants' })).toBeVisible();
});
