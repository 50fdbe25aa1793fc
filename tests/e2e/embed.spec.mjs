// The embedding API from a host page's side (the demo pages in www/demo/): the custom element
// on a plain page, mount() on a hostile page, a strict Content Security Policy, two widgets
// with separate storage on one page, a council's framework file and a broken one, and the
// iframe fallback. Each completes the worked example inside the widget and checks the events
// the host page receives; axe runs on the plain page.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectNoAxeViolations, itemsBySection, watchForeignRequests } from './helpers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const FRAMEWORK = 'rethinking-childrens-social-work';
const EVENT_TYPES = ['readiness-ready', 'readiness-change', 'readiness-complete', 'readiness-error'];
const WORKED_EXAMPLE = {
  'tools-practice': 'Developing', 'environment-culture': 'Developing', 'workforce-structure': 'Developing',
  challenges: 'No', 'innovation-readiness': 'Mostly',
};

const council = JSON.parse(fs.readFileSync(path.join(here, '../../content/council-example.json'), 'utf8'));
const LOCAL_ITEM = council.items.find((item) => item.id === 'example-council-family-group-conferencing');

/** A framework's items by section, in file order, as `itemsBySection` gives them. */
function itemsOf(framework) {
  const sections = {};
  for (const item of framework.items) (sections[item.section] ??= []).push(item);
  return sections;
}

/**
 * Records, from before the page's own scripts run, every readiness-* event that bubbles up to
 * the document (composed events from a shadow root arrive retargeted to the host element) and
 * every Content Security Policy violation.
 */
async function recordEvents(page) {
  await page.addInitScript((types) => {
    window.recordedEvents = [];
    window.recordedViolations = [];
    for (const type of types) {
      document.addEventListener(type, (event) => {
        window.recordedEvents.push({
          type,
          target: event.target?.id ?? '',
          bubbles: event.bubbles,
          composed: event.composed,
          detail: JSON.parse(JSON.stringify(event.detail ?? null)),
        });
      });
    }
    document.addEventListener('securitypolicyviolation', (event) => {
      window.recordedViolations.push(`${event.violatedDirective}: ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`);
    });
  }, EVENT_TYPES);
}

const recorded = (page) => page.evaluate(() => window.recordedEvents);

/** The events of one type, waiting until at least one has arrived. */
async function eventsOf(page, type, target) {
  await expect.poll(async () => (await recorded(page)).filter((e) => e.type === type && (target === undefined || e.target === target)).length).toBeGreaterThan(0);
  return (await recorded(page)).filter((e) => e.type === type && (target === undefined || e.target === target));
}

/** From the first section's page, answers every section as the worked example does and opens the results. */
async function answerWorkedExample(scope, sections = itemsBySection()) {
  for (const [section, level] of Object.entries(WORKED_EXAMPLE)) {
    for (const item of sections[section]) {
      const group = scope.getByRole('group', { name: item.statement.replace(/\\"/g, '"').slice(0, 40) });
      await group.getByRole('radio', { name: level, exact: true }).check();
    }
    await scope.getByRole('button', { name: 'Save and continue' }).click();
  }
  await expect(scope.getByRole('heading', { level: 1 })).toHaveText('Your vision');
  await scope.getByRole('button', { name: 'Save and continue' }).click();
  await scope.getByRole('button', { name: 'See your results' }).click();
}

/** From the start page, the whole worked example. */
async function completeWorkedExample(scope, sections = itemsBySection()) {
  await scope.getByRole('button', { name: 'Start now' }).click();
  await scope.getByRole('link', { name: 'Tools and practice' }).click();
  await answerWorkedExample(scope, sections);
}

/** The results page of the worked example, inside `scope`. */
async function expectWorkedExampleResults(scope, training = '38.6% match') {
  await expect(scope.getByRole('heading', { level: 1 })).toContainText('Your results');
  const figures = scope.locator('.rc-figures .rc-figures__item .rc-figures__value');
  await expect(figures).toHaveText(['50%', '75%', '100%']);
  await expect(scope.getByRole('heading', { name: 'Your profile: Lead and spread' })).toBeVisible();
  await expect(scope.getByRole('region', { name: /Funding for training/ })).toContainText(training);
  await expect(scope.getByText('Provisional')).toHaveCount(0);
}

/** The events a completed worked example must have sent from `target`. */
async function expectWorkedExampleEvents(page, target, namespace, framework = { id: FRAMEWORK, version: '1.0' }) {
  const [ready] = await eventsOf(page, 'readiness-ready', target);
  expect(ready.detail.framework).toEqual(framework);
  expect(ready.detail.namespace).toBe(namespace);
  const changes = await eventsOf(page, 'readiness-change', target);
  const last = changes.at(-1).detail;
  expect(last).toMatchObject({ maturity: 50, readiness: 75, completeness: 100, provisional: false, profile: 'lead-and-spread' });
  expect(Object.values(last.domains)).toEqual([50, 50, 50]);
  expect(last.supports[0]).toMatchObject({ id: 'delivery-model-assessment', suggested: true });
  const [complete] = await eventsOf(page, 'readiness-complete', target);
  expect(complete.detail).toMatchObject({ maturity: 50, readiness: 75, profile: 'lead-and-spread' });
  for (const event of await recorded(page)) {
    expect(event, `${event.type} bubbles out of the widget`).toMatchObject({ bubbles: true, composed: true });
  }
  expect((await recorded(page)).filter((e) => e.type === 'readiness-error')).toEqual([]);
}

const storageKeys = (page) => page.evaluate(() => Object.keys(localStorage));

test('plain page: the element runs the worked example and tells the page', async ({ page, baseURL }) => {
  const foreign = watchForeignRequests(page, baseURL);
  await recordEvents(page);
  await page.goto('./www/demo/plain.html');
  const widget = page.locator('readiness-check#plain');
  await expect(widget.getByRole('heading', { level: 1 })).toBeVisible();
  await completeWorkedExample(widget);
  await expectWorkedExampleResults(widget);
  await expectWorkedExampleEvents(page, 'plain', 'plain');
  // Routes are kept in memory: the host page's address never changed.
  await expect(page).toHaveURL(/\/www\/demo\/plain\.html$/);
  const keys = await storageKeys(page);
  expect(keys.some((key) => key.startsWith(`plain:${FRAMEWORK}:assessment:`))).toBe(true);
  expect(keys.filter((key) => !key.startsWith('plain:'))).toEqual([]);
  // The demo's own script lists the events as they arrive.
  await expect(page.locator('#events li').first()).toContainText('readiness-ready');
  await expect(page.locator('#events')).toContainText('readiness-complete (plain): profile lead-and-spread, completeness 100%');
  expect(foreign).toEqual([]);
});

test('plain page: no axe violations on the start page or a section', async ({ page }) => {
  await page.goto('./www/demo/plain.html');
  const widget = page.locator('readiness-check#plain');
  await expect(widget.getByRole('button', { name: 'Start now' })).toBeVisible();
  await expectNoAxeViolations(page, 'plain page: start');
  await widget.getByRole('button', { name: 'Start now' }).click();
  await widget.getByRole('link', { name: 'Environment, culture and values' }).click();
  await widget.getByRole('radio', { name: 'Emerging' }).first().check();
  await expectNoAxeViolations(page, 'plain page: a section');
});

test('mount(): a second mount on the same element throws; unmount frees the element', async ({ page }) => {
  await page.goto('./www/demo/plain.html');
  await expect(page.locator('readiness-check#plain').getByRole('heading', { level: 1 })).toBeVisible();
  const outcome = await page.evaluate(async () => {
    const { mount } = await import('/pkg/embed.js');
    const element = document.createElement('div');
    element.id = 'by-script';
    document.body.append(element);
    const ready = () => new Promise((resolve) => element.addEventListener('readiness-ready', (event) => resolve(event.detail), { once: true }));
    const first = ready();
    const handle = mount(element, { namespace: 'by-script', start: 'tasks' });
    const detail = await first;
    let message = null;
    try {
      mount(element, { namespace: 'by-script' });
    } catch (error) {
      message = error instanceof Error ? error.message : String(error);
    }
    handle.unmount();
    const emptied = element.shadowRoot ? element.shadowRoot.childElementCount === 0 : element.childElementCount === 0;
    const second = ready();
    const again = mount(element, { namespace: 'by-script', start: 'tasks' });
    const remounted = await second;
    again.unmount();
    return { detail, message, emptied, remounted };
  });
  expect(outcome.detail).toEqual({ framework: { id: FRAMEWORK, version: '1.0' }, namespace: 'by-script' });
  expect(outcome.message).toMatch(/^readiness: this element already has an assessment/);
  expect(outcome.emptied).toBe(true);
  expect(outcome.remounted.namespace).toBe('by-script');
  // The element in the page's markup is untouched by all that.
  await expect(page.locator('readiness-check#plain').getByRole('button', { name: 'Start now' })).toBeVisible();
});

test('attributes win over options; bad options are listed with their paths and sent as readiness-error', async ({ page }) => {
  await recordEvents(page);
  await page.goto('./www/demo/plain.html');
  await expect(page.locator('readiness-check#plain').getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate(() => {
    const element = document.createElement('readiness-check');
    element.id = 'attributes';
    element.setAttribute('namespace', 'from-attribute');
    document.body.append(element);
    element.mount({ namespace: 'from-option', start: 'tasks' });
  });
  const attributes = page.locator('readiness-check#attributes');
  await expect(attributes.getByRole('heading', { level: 1 })).toHaveText('Your assessment');
  const readies = await eventsOf(page, 'readiness-ready', 'attributes');
  expect(readies.at(-1).detail.namespace).toBe('from-attribute');

  await page.evaluate(async () => {
    const { mount } = await import('/pkg/embed.js');
    const element = document.createElement('div');
    element.id = 'bad-options';
    element.setAttribute('start', 'nowhere');
    document.body.append(element);
    mount(element, { namespace: 'Council A', theme: { brand: 'red; } * { display: none', baseSize: '2em' } });
  });
  const [error] = await eventsOf(page, 'readiness-error', 'bad-options');
  expect(error.detail.problems.map((problem) => problem.path)).toEqual(['options.namespace', 'options.theme.brand', 'options.theme.baseSize', 'attribute start']);
  const shown = page.locator('#bad-options');
  for (const problem of error.detail.problems) await expect(shown).toContainText(`${problem.path}: ${problem.message}`);
  await expect(shown.getByRole('button')).toHaveCount(0);
});

test('hostile page: global !important styles and a fixed header do not reach the widget', async ({ page }) => {
  await recordEvents(page);
  await page.goto('./www/demo/hostile.html');
  const widget = page.locator('#slot');
  const heading = widget.getByRole('heading', { level: 1 });
  await expect(heading).toBeVisible();
  const headingStyle = await heading.evaluate((element) => {
    const style = getComputedStyle(element);
    return { textTransform: style.textTransform, letterSpacing: style.letterSpacing, color: style.color, fontFamily: style.fontFamily, position: style.position };
  });
  expect(headingStyle.textTransform).toBe('none');
  expect(headingStyle.letterSpacing).toBe('normal');
  expect(headingStyle.color).not.toBe('rgb(204, 0, 0)');
  expect(headingStyle.fontFamily).toMatch(/^Georgia/);
  expect(headingStyle.position).toBe('static');
  // The widget starts below the page's 80px fixed header.
  expect((await widget.boundingBox()).y).toBeGreaterThanOrEqual(80);
  await expect(widget.locator('.rc-header')).toHaveCSS('background-color', 'rgb(0, 94, 165)');

  await widget.getByRole('button', { name: 'Start now' }).click();
  await widget.getByRole('link', { name: 'Tools and practice' }).click();
  const radio = widget.getByRole('radio', { name: 'Developing', exact: true }).first();
  await expect(radio).toBeAttached();
  const looks = await radio.evaluate((input) => {
    const label = getComputedStyle(input.labels[0]);
    const box = getComputedStyle(input);
    return {
      label: { fontSize: label.fontSize, visibility: label.visibility, float: label.cssFloat, textTransform: label.textTransform, letterSpacing: label.letterSpacing },
      labelShown: label.display !== 'none',
      input: { width: box.width, height: box.height, pointerEvents: box.pointerEvents },
      inputShown: box.display !== 'none',
    };
  });
  expect(looks).toEqual({
    label: { fontSize: '19px', visibility: 'visible', float: 'none', textTransform: 'none', letterSpacing: 'normal' },
    labelShown: true,
    input: { width: '44px', height: '44px', pointerEvents: 'auto' },
    inputShown: true,
  });
  await expect(widget.getByRole('button', { name: 'Save and continue' })).toBeVisible();
  await expect(widget.getByRole('group').first()).toBeVisible();

  await answerWorkedExample(widget);
  await expectWorkedExampleResults(widget);
  await expectWorkedExampleEvents(page, 'slot', 'hostile');
});

test('strict CSP: no violation, nothing from another origin, and the worked example completes', async ({ page, baseURL }) => {
  const foreign = watchForeignRequests(page, baseURL);
  const consoleProblems = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) consoleProblems.push(message.text());
  });
  page.on('pageerror', (error) => consoleProblems.push(String(error)));
  await recordEvents(page);
  const response = await page.goto('./www/demo/csp.html');
  expect(response.headers()['content-security-policy']).toBe("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'");
  const widget = page.locator('readiness-check#csp');
  await expect(widget.getByRole('heading', { level: 1 })).toBeVisible();
  // The widget's stylesheet applied: the theme colour from the attribute is on the header.
  await expect(widget.locator('.rc-header')).toHaveCSS('background-color', 'rgb(0, 112, 60)');
  await completeWorkedExample(widget);
  await expectWorkedExampleResults(widget);
  await expectWorkedExampleEvents(page, 'csp', 'csp');
  expect(await page.evaluate(() => window.recordedViolations)).toEqual([]);
  expect(consoleProblems).toEqual([]);
  expect(foreign).toEqual([]);
});

test('two widgets on one page: separate pages, answers, storage and colours', async ({ page }) => {
  await recordEvents(page);
  await page.goto('./www/demo/two.html');
  const a = page.locator('readiness-check#a');
  const b = page.locator('readiness-check#b');
  await expect(a.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(b.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(a.locator('.rc-header')).toHaveCSS('background-color', 'rgb(0, 94, 165)');
  await expect(b.locator('.rc-header')).toHaveCSS('background-color', 'rgb(111, 44, 145)');
  await expect.poll(async () => (await eventsOf(page, 'readiness-ready')).length).toBe(2);
  expect((await eventsOf(page, 'readiness-ready')).map((e) => [e.target, e.detail.namespace]).sort()).toEqual([['a', 'council-a'], ['b', 'council-b']]);

  // A whole assessment in A leaves B on its start page with nothing answered.
  await completeWorkedExample(a);
  await expectWorkedExampleResults(a);
  await expectWorkedExampleEvents(page, 'a', 'council-a');
  expect((await recorded(page)).filter((e) => e.target === 'b' && e.type !== 'readiness-ready')).toEqual([]);
  await expect(b.getByRole('button', { name: 'Start now' })).toBeVisible();
  await b.getByRole('button', { name: 'Start now' }).click();
  await expect(b.getByText('answered 0 of 37 questions')).toBeVisible();
  await b.getByRole('link', { name: 'Tools and practice' }).click();
  const firstB = b.getByRole('group', { name: /shared theory of practice/i });
  await expect(firstB.getByRole('radio', { name: 'Developing', exact: true })).not.toBeChecked();
  await firstB.getByRole('radio', { name: 'Embedded', exact: true }).check();
  await expect(a.getByRole('heading', { level: 1 })).toContainText('Your results');
  await expect(page).toHaveURL(/\/www\/demo\/two\.html$/);

  // Each namespace holds its own answers, and nothing is saved outside the two namespaces.
  const saved = await page.evaluate((framework) => {
    const read = (namespace) => {
      const keys = Object.keys(localStorage).filter((key) => key.startsWith(`${namespace}:${framework}:assessment:`));
      if (keys.length !== 1) return keys;
      return JSON.parse(localStorage.getItem(keys[0])).data.answers;
    };
    return { keys: Object.keys(localStorage), a: read('council-a'), b: read('council-b') };
  }, FRAMEWORK);
  expect(saved.keys.filter((key) => !key.startsWith('council-a:') && !key.startsWith('council-b:'))).toEqual([]);
  expect(Object.keys(saved.a)).toHaveLength(37);
  expect(saved.a['shared-practice-theory'].value).toBe(2);
  expect(saved.b).toEqual({ 'shared-practice-theory': { value: 4 } });

  // After a reload each widget reads back its own answers.
  await page.reload();
  await a.getByRole('button', { name: 'Start now' }).click();
  await expect(a.getByText('answered 37 of 37 questions')).toBeVisible();
  await b.getByRole('button', { name: 'Start now' }).click();
  await expect(b.getByText('answered 1 of 37 questions')).toBeVisible();
});

test("council framework file: its title, its local item, its weights", async ({ page }) => {
  await recordEvents(page);
  await page.goto('./www/demo/council.html');
  const widget = page.locator('readiness-check#council');
  await expect(widget.getByText(council.title).first()).toBeVisible();
  const [ready] = await eventsOf(page, 'readiness-ready', 'council');
  expect(ready.detail).toEqual({ framework: { id: FRAMEWORK, version: '1.0-council-example' }, namespace: 'example-council' });
  await widget.getByRole('button', { name: 'Start now' }).click();
  await expect(widget.getByText('answered 0 of 38 questions')).toBeVisible();
  await widget.getByRole('link', { name: 'Tools and practice' }).click();
  await expect(widget.getByRole('group', { name: LOCAL_ITEM.statement })).toBeVisible();
  await expect(widget.getByText(council.items.find((item) => item.id === 'flexible-admin-support').statement)).toBeVisible();

  // The worked example's answers, and Developing for the local item: the same figures, and the
  // weight the council lowered moves funding for training from 38.6% (11 ÷ 28.5) to 38.9% (10.5 ÷ 27).
  await answerWorkedExample(widget, itemsOf(council));
  await expectWorkedExampleResults(widget, '38.9% match');
  await expectWorkedExampleEvents(page, 'council', 'example-council', { id: FRAMEWORK, version: '1.0-council-example' });
  const [complete] = await eventsOf(page, 'readiness-complete', 'council');
  expect(complete.detail.supports.find((support) => support.id === 'training-funding').match).toBeCloseTo(38.8889, 3);
});

test('a framework file with errors: every problem shown with its path, and a readiness-error event', async ({ page }) => {
  await recordEvents(page);
  await page.goto('./www/demo/broken-framework.html');
  const widget = page.locator('readiness-check#broken');
  const expected = [
    ['items[0].points_to[0].support', "unknown support type 'training'"],
    ['items[2].points_to[0].weight', '4 is out of range: expected a whole number from 1 to 3'],
    ['colour', 'unknown field'],
  ];
  for (const [where, what] of expected) {
    await expect(widget.getByText(where).first()).toBeVisible();
    await expect(widget.getByText(what).first()).toBeVisible();
  }
  const [error] = await eventsOf(page, 'readiness-error', 'broken');
  expect(error.bubbles && error.composed).toBe(true);
  expect(error.detail.problems.map((problem) => problem.path).sort()).toEqual(expected.map(([where]) => where).sort());
  for (const [where, what] of expected) {
    expect(error.detail.problems.find((problem) => problem.path === where).message).toContain(what);
  }
  expect((await recorded(page)).filter((e) => e.type === 'readiness-ready')).toEqual([]);
  await expect(widget.getByRole('button', { name: 'Start now' })).toHaveCount(0);
});

test('iframe fallback: the frame completes the worked example; the host sizes it and re-sends its events', async ({ page, baseURL }) => {
  const foreign = watchForeignRequests(page, baseURL);
  await recordEvents(page);
  await page.goto('./www/demo/iframe.html');
  const iframe = page.locator('iframe#assessment-frame');
  await expect(iframe).toHaveAttribute('title', 'Readiness self-assessment');
  const src = new URL(await iframe.getAttribute('src'), baseURL);
  expect(src.pathname).toBe('/www/frame.html');
  expect(src.searchParams.get('origin')).toBe(new URL(baseURL).origin);
  expect(src.searchParams.get('namespace')).toBe('iframe-demo');

  const frame = page.frameLocator('iframe#assessment-frame');
  await expect(frame.getByRole('heading', { level: 1 })).toBeVisible();
  await completeWorkedExample(frame);
  await expectWorkedExampleResults(frame);
  await expectWorkedExampleEvents(page, 'assessment-frame', 'iframe-demo');

  // The frame is as tall as the results it shows, so the host page scrolls, not the frame.
  await expect.poll(() => iframe.evaluate((element) => element.style.height)).toMatch(/^\d+px$/);
  const sizes = await iframe.evaluate((element) => ({ outer: element.clientHeight, inner: element.contentDocument.documentElement.scrollHeight }));
  expect(Math.abs(sizes.outer - sizes.inner)).toBeLessThanOrEqual(2);
  await expect(page).toHaveURL(/\/www\/demo\/iframe\.html$/);

  // A message that looks like the frame's but comes from elsewhere is ignored.
  const before = (await recorded(page)).length;
  await page.evaluate(() => new Promise((resolve) => {
    // Listeners run in the order they were added, so the host script has seen it by then.
    window.addEventListener('message', (event) => event.data?.detail?.forged && resolve());
    window.postMessage({ source: 'readiness', type: 'readiness-complete', detail: { forged: true } }, '*');
  }));
  expect((await recorded(page)).slice(before)).toEqual([]);
  expect(foreign).toEqual([]);
});
