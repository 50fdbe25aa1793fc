#!/usr/bin/env node
// Measures the standalone app against a SurveyJS page that asks the same questions (made from
// content/framework.toml by bench/surveyjs-json.mjs), side by side in one headless Chromium,
// and writes bench/results/latest.json. docs/performance.md explains each figure.
//
//   node bench/run.mjs [--runs N] [--build] [--out FILE]
//
// --runs N   runs of every measurement, alternating the two pages (default 10)
// --build    rebuild the app first (scripts/build.sh); it is built anyway if pkg/ is missing
// --out FILE where to write the results (default bench/results/latest.json)
//
// Every load is in a fresh browser context with the HTTP cache disabled. For each run:
//   plain load       no throttling: bytes of every request, time to the first interactive
//                    control, round trips before it
//   throttled load   DevTools' "Slow 4G" network preset and 4x CPU slowdown: time to the first
//                    interactive control, round trips; then, still at 4x CPU, rating clicks;
//                    the same clicks on bench/baseline.html (bare radios), and on ours' section
//                    page saved as static HTML with no script, show the floors
//   traced load      the same throttled loads and clicks again (not ours' start page), with a
//                    trace of the main thread: each click's time to its frame being committed
//   memory           every answer given, then garbage collected: JS heap, wasm memory, DOM nodes
// "Ours" is measured twice for loading: the start page (its first control is the Start now
// link) and the first section opened directly (its first radio button).

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// On a fresh checkout the npm packages (Playwright, SurveyJS, the TOML reader) are not there
// yet: the project's setup script installs them (and the rest of the toolchain) first.
const checkout = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (!['playwright-core', 'survey-core', 'survey-js-ui', 'smol-toml'].every((name) => fs.existsSync(path.join(checkout, 'node_modules', name)))) {
  console.log('node_modules/ is incomplete: running scripts/setup.sh first');
  execFileSync(path.join(checkout, 'scripts', 'setup.sh'), { stdio: 'inherit', cwd: checkout });
}
const { chromium } = await import('playwright-core');
const { startServer, serveGenerated, bodyOf, sizesOf, relativeOf, root } = await import('./server.mjs');
const { surveyData } = await import('./surveyjs-json.mjs');

// ---------------------------------------------------------------------------------------------
// Settings

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : args[at + 1];
};
const RUNS = Number(option('--runs', 10));
const OUT = path.resolve(option('--out', path.join(root, 'bench', 'results', 'latest.json')));
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('--runs takes a whole number of at least 1');

/** DevTools' "Slow 4G" preset (front_end/core/sdk/NetworkManager.ts: Slow4GConditions). */
const SLOW_4G = { offline: false, latency: 562.5, downloadThroughput: (1.6 * 1000 * 1000 / 8) * 0.9, uploadThroughput: (750 * 1000 / 8) * 0.9 };
const CPU_SLOWDOWN = 4;
/** Rating clicks per throttled load. */
const CLICKS = 4;
/** A load is over when no request has been in flight for this long after the first control is interactive. */
const QUIET_MS = 300;

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const FRAMEWORK_ID = 'rethinking-childrens-social-work';
const WORKED_EXAMPLE = JSON.parse(fs.readFileSync(path.join(root, 'content', 'examples', 'worked-example.json'), 'utf8'));

/** What is loaded, and the control whose first appearance (visible, enabled) counts as interactive. */
const PAGES = {
  'ours-start': { path: '/', control: 'a.rc-button--start', what: 'ours, start page: the Start now link' },
  'ours-section': { path: '/#/section/tools-practice', control: 'input[type=radio]', what: 'ours, section 1 opened directly: its first radio' },
  surveyjs: { path: '/bench/surveyjs.html', control: 'input[type=radio]', what: 'SurveyJS, page 1: its first radio' },
};
/** Radio buttons with no script or style: the least the click measurement can give. */
const BASELINE = { path: '/bench/baseline.html', control: 'input[type=radio]', what: 'radio buttons and nothing else' };
/**
 * Ours' section page as the app rendered it, saved as static HTML with its stylesheet and no
 * script (made by `snapshot` at the start of a run): what a click costs the browser on this page
 * with nothing of the app's running, the least any renderer of the same page could give.
 */
const STATIC = { path: '/bench/ours-static.html', control: 'input[type=radio]', what: "ours' section page, rendered, saved as HTML without script" };
const FLOORS = { baseline: BASELINE, 'ours-static': STATIC };
const target = (name) => FLOORS[name] ?? PAGES[name];

// ---------------------------------------------------------------------------------------------
// The app must be built

const APP_FILES = ['pkg/readiness_lite.js', 'pkg/readiness_lite_bg.wasm', 'pkg/readiness.js', 'pkg/readiness_bg.wasm'];
function ensureBuilt() {
  const missing = APP_FILES.some((file) => !fs.existsSync(path.join(root, file)));
  if (missing || args.includes('--build')) {
    console.log(missing ? 'pkg/ is missing: building the app (about two minutes)' : 'building the app (about two minutes)');
    execFileSync(path.join(root, 'scripts', 'build.sh'), { stdio: 'inherit', cwd: root });
    return;
  }
  const built = fs.statSync(path.join(root, 'pkg', 'readiness_bg.wasm')).mtimeMs;
  const newer = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const relative = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(relative);
      else if (/\.(rs|toml)$/.test(entry.name) && fs.statSync(path.join(root, relative)).mtimeMs > built) newer.push(relative);
    }
  };
  for (const dir of ['src', 'crates/core/src']) walk(dir);
  for (const file of ['Cargo.toml', 'content/framework.toml']) if (fs.statSync(path.join(root, file)).mtimeMs > built) newer.push(file);
  if (newer.length > 0) {
    console.log(`note: pkg/ is older than ${newer.slice(0, 5).join(', ')}${newer.length > 5 ? ', …' : ''}; pass --build to rebuild it first`);
  }
}

// ---------------------------------------------------------------------------------------------
// In the page

/** Installed before any page script: records when `control` is first visible and enabled. */
function watchForControl(control) {
  const bench = (window.__bench = {});
  bench.ready = new Promise((resolve) => {
    const check = () => {
      const element = document.querySelector(control);
      if (element && !element.disabled && element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden') {
        bench.interactive = performance.now();
        resolve({ interactive: bench.interactive, timeOrigin: performance.timeOrigin });
        return;
      }
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

/** Puts the worked example in local storage as the app keeps it (docs/storage.md). */
function seedStorage({ framework, example }) {
  const at = '2026-11-23T10:00:00Z';
  const envelope = (data) => JSON.stringify({ version: 2, saved_at: at, revision: 1, data });
  localStorage.setItem(`readiness:${framework}:library`, envelope({ current: 'a1', assessments: { a1: { title: example.title, created: at } }, deleted: {} }));
  localStorage.setItem(`readiness:${framework}:assessment:a1`, envelope(example));
}

// ---------------------------------------------------------------------------------------------
// One load

/** `promise`, or an error naming `what` if it has not settled within `ms`. */
function within(ms, what, promise) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const median = (values) => {
  const sorted = values.filter((value) => typeof value === 'number' && Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const fileSizes = new Map();
function sizesFor(url) {
  const relative = relativeOf(new URL(url).pathname);
  if (!fileSizes.has(relative)) {
    const body = bodyOf(relative);
    fileSizes.set(relative, body ? sizesOf(body) : { raw: 0, gzip: 0, brotli: 0 });
  }
  return { file: relative, ...fileSizes.get(relative) };
}

/**
 * Sequential round trips: a request is one round trip deeper than the deepest request that had
 * finished loading when it was sent; the first request is depth 1.
 */
function roundTrips(requests) {
  const done = requests.filter((request) => request.end !== undefined).sort((a, b) => a.start - b.start);
  for (const request of done) {
    const before = done.filter((other) => other !== request && other.end <= request.start);
    request.depth = 1 + Math.max(0, ...before.map((other) => other.depth ?? 1));
  }
  return Math.max(0, ...done.map((request) => request.depth));
}

async function openPage(browser, { throttled, init = [] }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  for (const [script, arg] of init) await context.addInitScript(script, arg);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttled) {
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  }
  const requests = new Map();
  let inFlight = 0;
  let lastActivity = Date.now();
  cdp.on('Network.requestWillBeSent', (event) => {
    if (!/^https?:/.test(event.request.url)) return;
    requests.set(event.requestId, { url: event.request.url, start: event.timestamp, wallStart: event.wallTime * 1000 });
    inFlight += 1;
    lastActivity = Date.now();
  });
  cdp.on('Network.responseReceived', (event) => {
    const request = requests.get(event.requestId);
    if (!request) return;
    const headers = Object.fromEntries(Object.entries(event.response.headers).map(([key, value]) => [key.toLowerCase(), value]));
    request.status = event.response.status;
    request.encoding = headers['content-encoding'] ?? 'identity';
    request.bodyBytes = Number(headers['content-length'] ?? NaN);
  });
  const finish = (event, failed) => {
    const request = requests.get(event.requestId);
    if (!request || request.end !== undefined) return;
    request.end = event.timestamp;
    if (failed) request.failed = event.errorText;
    else request.transferred = event.encodedDataLength;
    inFlight -= 1;
    lastActivity = Date.now();
  };
  cdp.on('Network.loadingFinished', (event) => finish(event, false));
  cdp.on('Network.loadingFailed', (event) => finish(event, true));
  const quiet = async (limit = 60_000) => {
    const until = Date.now() + limit;
    while (Date.now() < until && (inFlight > 0 || Date.now() - lastActivity < QUIET_MS)) await new Promise((resolve) => setTimeout(resolve, 50));
  };
  return { context, page, cdp, requests, quiet };
}

async function load(browser, base, name, { throttled, clicks = 0, run = 0, traced = false }) {
  const { path: address, control } = target(name);
  const { context, page, cdp, requests, quiet } = await openPage(browser, { throttled, init: [[watchForControl, control]] });
  try {
    await page.goto(base + address, { waitUntil: 'commit', timeout: 60_000 });
    await page.waitForFunction(() => window.__bench !== undefined, null, { timeout: 60_000 });
    const { interactive, timeOrigin } = await within(60_000, `${name}: first control`, page.evaluate(() => window.__bench.ready));
    await quiet();
    const all = [...requests.values()];
    const before = all.filter((request) => request.wallStart <= timeOrigin + interactive);
    const result = {
      page: name,
      throttled,
      interactiveMs: interactive,
      roundTrips: roundTrips(before.map((request) => ({ ...request }))),
      requestsBeforeInteractive: before.length,
      requests: all.map((request) => ({
        ...sizesFor(request.url),
        url: new URL(request.url).pathname,
        status: request.status,
        encoding: request.encoding,
        bodyBytes: request.bodyBytes,
        transferred: request.transferred,
        startMs: request.wallStart - timeOrigin,
        endMs: request.end !== undefined ? (request.end - request.start) * 1000 + request.wallStart - timeOrigin : null,
        beforeInteractive: before.includes(request),
      })),
    };
    if (clicks > 0) result.clicks = await rateClicks(page, clicks, run, traced ? cdp : null);
    return result;
  } finally {
    await cdp.detach().catch(() => {});
    await context.close();
  }
}

/**
 * Clicks `count` radio buttons (question k's level (k + run) mod 5, a change every time) and times
 * each from the click to the second animation frame after it: the frame that shows the change
 * has been drawn. Each click is also timed by the browser's Event Timing API, as Interaction to
 * Next Paint counts it: the longest event of the click's interaction (pointerdown to click),
 * from the input to the paint after its handlers. Chromium reports such an event only when it
 * takes 16 ms or more, in steps of 8 ms; a click with none is recorded as 0 ("under 16 ms").
 * Given `cdp` (on separate loads: tracing slows a page down), each is also timed in a trace of
 * the page's main thread, from the release of the mouse button (the pointerup event) to the end
 * of the first frame committed after the click's handlers: the browser's and the page's work
 * for the click, without the wait for the display's next frame that the other two measures
 * include.
 */
async function rateClicks(page, count, run, cdp) {
  await page.evaluate(() => {
    window.__events = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.interactionId) window.__events.push({ name: entry.name, id: entry.interactionId, start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'event', durationThreshold: 16 });
  });
  const times = [];
  const trace = cdp ? await startTrace(cdp) : null;
  for (let k = 0; k < count; k += 1) {
    const aim = async ({ k, level }) => {
      const names = [...new Set([...document.querySelectorAll('input[type=radio]')].map((input) => input.name))];
      const input = [...document.querySelectorAll('input[type=radio]')].filter((each) => each.name === names[k])[level];
      const label = input.closest('label') ?? document.querySelector(`label[for="${CSS.escape(input.id)}"]`);
      label.scrollIntoView({ block: 'center' });
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      window.__click = new Promise((resolve) => {
        const listener = (event) => {
          const handled = performance.now();
          requestAnimationFrame(() =>
            requestAnimationFrame(() => {
              const now = performance.now();
              resolve({ fromInput: now - event.timeStamp, fromHandler: now - handled, checked: input.checked, timeStamp: event.timeStamp });
            }),
          );
        };
        addEventListener('click', listener, { capture: true, once: true });
      });
      const rect = label.getBoundingClientRect();
      return { x: rect.left + Math.min(rect.width / 2, 40), y: rect.top + rect.height / 2 };
    };
    const box = await within(20_000, `click ${k}: finding the radio`, page.evaluate(aim, { k, level: (k + run) % 5 }));
    await within(20_000, `click ${k}`, page.mouse.click(box.x, box.y));
    times.push(await within(20_000, `click ${k}: the second frame`, page.evaluate(() => window.__click)));
    await page.waitForTimeout(100);
  }
  // Event Timing entries arrive after their paint; a short wait lets the last click's come in.
  await page.waitForTimeout(300);
  const committed = trace ? clicksToCommit(await trace.stop()) : [];
  if (committed.length === times.length) times.forEach((time, k) => Object.assign(time, committed[k]));
  const events = await page.evaluate(() => window.__events);
  for (const time of times) {
    const click = events.find((entry) => entry.name === 'click' && Math.abs(entry.start - time.timeStamp) < 1);
    time.interaction = click ? Math.max(...events.filter((entry) => entry.id === click.id).map((entry) => entry.duration)) : 0;
    delete time.timeStamp;
  }
  return times;
}

/** Starts a trace of the page's timeline; `stop()` ends it and resolves to its events. */
async function startTrace(cdp) {
  const events = [];
  const collect = (data) => events.push(...data.value);
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  return {
    async stop() {
      const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await within(20_000, 'the trace', complete);
      cdp.off('Tracing.dataCollected', collect);
      return events;
    },
  };
}

/**
 * For each click in a trace, in order, `toCommit`: milliseconds from the start of its pointerup
 * event's dispatch on the renderer's main thread to the end of the first commit (the frame
 * handed to the compositor) that starts after its click event's dispatch ends, and `busy`: how
 * much of that the main thread spent in tasks. Nulls where there is no such commit.
 */
function clicksToCommit(events) {
  const main = new Set(events.filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain').map((event) => `${event.pid}:${event.tid}`));
  const timeline = events.filter((event) => event.ph === 'X' && main.has(`${event.pid}:${event.tid}`)).sort((a, b) => a.ts - b.ts);
  const tasks = timeline.filter((event) => event.name === 'RunTask');
  const dispatched = (event, type) => event.name === 'EventDispatch' && event.args?.data?.type === type;
  return timeline
    .filter((event) => dispatched(event, 'pointerup'))
    .map((up) => {
      const click = timeline.find((event) => event.ts >= up.ts && dispatched(event, 'click'));
      const commit = click && timeline.find((event) => event.name === 'Commit' && event.ts >= click.ts + click.dur);
      if (!commit) return { toCommit: null, busy: null };
      const end = commit.ts + commit.dur;
      const busy = tasks.reduce((total, task) => total + Math.max(0, Math.min(end, task.ts + task.dur) - Math.max(up.ts, task.ts)), 0);
      return { toCommit: (end - up.ts) / 1000, busy: busy / 1000 };
    });
}

/**
 * Loads ours' section page, waits until it is drawn, and serves what it shows as
 * `/bench/ours-static.html`: the same markup and stylesheet, without scripts or preloads. The
 * `<base>` keeps the stylesheet's relative address pointing where it did.
 */
async function snapshot(browser, base) {
  const { context, page } = await openPage(browser, { throttled: false, init: [[watchForControl, STATIC.control]] });
  try {
    await page.goto(base + PAGES['ours-section'].path, { timeout: 60_000 });
    await within(60_000, 'the section page', page.evaluate(() => window.__bench.ready));
    const html = await page.evaluate(async () => {
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const copy = document.documentElement.cloneNode(true);
      for (const element of copy.querySelectorAll('script, link[rel=modulepreload], link[rel=preload]')) element.remove();
      const anchor = document.createElement('base');
      anchor.href = '/';
      copy.querySelector('head').prepend(anchor);
      return `<!doctype html>\n${copy.outerHTML}`;
    });
    if (!html.includes('type="radio"')) throw new Error('the section page had no radio buttons');
    serveGenerated(STATIC.path.slice(1), Buffer.from(html));
  } finally {
    await context.close();
  }
}

/** Every answer given (the worked example), then garbage collected: what the page holds. */
async function memory(browser, base, name) {
  const ours = name !== 'surveyjs';
  const init = ours
    ? [[seedStorage, { framework: FRAMEWORK_ID, example: WORKED_EXAMPLE }], [watchForControl, 'h1']]
    : [[watchForControl, PAGES.surveyjs.control]];
  const { context, page, cdp, quiet } = await openPage(browser, { throttled: false, init });
  try {
    await page.goto(base + (ours ? '/#/results' : PAGES.surveyjs.path), { waitUntil: 'commit', timeout: 60_000 });
    await page.waitForFunction(() => window.__bench !== undefined, null, { timeout: 60_000 });
    await within(60_000, `${name}: first control`, page.evaluate(() => window.__bench.ready));
    await quiet();
    let wasmBytes = 0;
    if (ours) {
      const heading = await page.evaluate(() => document.querySelector('h1').textContent);
      if (heading !== 'Your results') throw new Error(`the results page did not open (h1: ${heading})`);
      // The module is already loaded: importing it again gives the same instance, and its
      // init returns the instance's exports, memory among them.
      wasmBytes = await within(
        20_000,
        'wasm memory',
        page.evaluate(async () => (await (await import('/pkg/readiness.js')).default()).memory.buffer.byteLength),
      );
    } else {
      const answerAll = async (data) => {
        const survey = window.survey;
        survey.data = data;
        for (let index = 0; index < survey.visiblePages.length; index += 1) {
          survey.currentPageNo = index;
          await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        }
      };
      await within(60_000, 'SurveyJS: every page with every answer', page.evaluate(answerAll, surveyData(WORKED_EXAMPLE)));
    }
    await within(20_000, 'two frames', page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))));
    const send = (method) => within(30_000, method, cdp.send(method));
    await send('HeapProfiler.enable');
    await send('HeapProfiler.collectGarbage');
    await send('Performance.enable');
    const { metrics } = await send('Performance.getMetrics');
    const metric = (key) => metrics.find((each) => each.name === key)?.value ?? null;
    const usage = await send('Runtime.getHeapUsage');
    const dom = await send('Memory.getDOMCounters');
    return {
      page: ours ? 'ours-results' : 'surveyjs-all-pages',
      jsHeapUsed: metric('JSHeapUsedSize'),
      jsHeapTotal: metric('JSHeapTotalSize'),
      runtimeHeapUsed: usage.usedSize,
      wasmMemory: wasmBytes,
      total: metric('JSHeapUsedSize') + wasmBytes,
      nodes: dom.nodes,
      listeners: dom.jsEventListeners,
    };
  } finally {
    await cdp.detach().catch(() => {});
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// The runs

ensureBuilt();
const started = Date.now();
const server = await startServer();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const runs = [];
const errors = [];
const attempt = async (what, job) => {
  try {
    return await job();
  } catch (error) {
    errors.push(`${what}: ${error.message.split('\n')[0]}`);
    console.log(`  failed: ${what}: ${error.message.split('\n')[0]}`);
    return null;
  }
};
try {
  // One load of each page first, not counted: the server compresses each file once, on its first
  // request (brotli at quality 11 takes seconds for the largest files).
  for (const name of [...Object.keys(PAGES), 'baseline']) await attempt(`warm-up ${name}`, () => load(browser, server.url, name, { throttled: false }));
  await attempt('the static copy of the section page', () => snapshot(browser, server.url));
  for (let run = 0; run < RUNS; run += 1) {
    // Alternate which page goes first, so that drift in the machine's speed falls on both.
    const order = run % 2 === 0 ? ['ours-start', 'ours-section', 'surveyjs'] : ['surveyjs', 'ours-start', 'ours-section'];
    const record = { run, plain: {}, throttled: {}, traced: {}, memory: {} };
    for (const name of order) record.plain[name] = await attempt(`run ${run} plain ${name}`, () => load(browser, server.url, name, { throttled: false }));
    for (const name of order) {
      const clicks = name === 'ours-start' ? 0 : CLICKS;
      record.throttled[name] = await attempt(`run ${run} throttled ${name}`, () => load(browser, server.url, name, { throttled: true, clicks, run }));
    }
    for (const name of Object.keys(FLOORS)) {
      record.throttled[name] = await attempt(`run ${run} throttled ${name}`, () => load(browser, server.url, name, { throttled: true, clicks: CLICKS, run }));
    }
    // The same clicks again on fresh loads, traced. (Tracing slows the page, so the clicks above
    // are not traced.)
    for (const name of [...order.filter((name) => name !== 'ours-start'), ...Object.keys(FLOORS)]) {
      record.traced[name] = await attempt(`run ${run} traced ${name}`, () => load(browser, server.url, name, { throttled: true, clicks: CLICKS, run, traced: true }));
    }
    for (const name of run % 2 === 0 ? ['ours', 'surveyjs'] : ['surveyjs', 'ours']) {
      record.memory[name] = await attempt(`run ${run} memory ${name}`, () => memory(browser, server.url, name));
    }
    runs.push(record);
    const t = (name) => record.throttled[name]?.interactiveMs?.toFixed(0) ?? '-';
    console.log(`run ${run + 1}/${RUNS}: throttled interactive ${t('ours-start')} / ${t('ours-section')} / ${t('surveyjs')} ms (ours start / ours section / SurveyJS)`);
  }
} finally {
  await browser.close();
  await server.close();
}

// ---------------------------------------------------------------------------------------------
// Summary

const across = (pick) => median(runs.map(pick).filter((value) => value !== null && value !== undefined));
const firstLoad = (name) => {
  const loads = runs.map((record) => record.plain[name]).filter(Boolean);
  if (loads.length === 0) return null;
  const requests = loads[0].requests;
  const sum = (key) => requests.reduce((total, request) => total + (request[key] ?? 0), 0);
  return {
    requests: requests.map(({ file, raw, gzip, brotli, encoding, bodyBytes, transferred }) => ({ file, raw, gzip, brotli, encoding, bodyBytes, transferred })),
    count: requests.length,
    raw: sum('raw'),
    gzip: sum('gzip'),
    brotli: sum('brotli'),
    body: sum('bodyBytes'),
    transferredMedian: median(loads.map((load) => load.requests.reduce((total, request) => total + (request.transferred ?? 0), 0))),
  };
};
const clicksOf = (name, key, loads = 'throttled') => runs.flatMap((record) => record[loads][name]?.clicks?.map((click) => click[key]) ?? []);
const summary = {
  bytes: { 'ours-start': firstLoad('ours-start'), 'ours-section': firstLoad('ours-section'), surveyjs: firstLoad('surveyjs') },
  interactiveMs: {
    plain: Object.fromEntries(Object.keys(PAGES).map((name) => [name, across((record) => record.plain[name]?.interactiveMs)])),
    throttled: Object.fromEntries(Object.keys(PAGES).map((name) => [name, across((record) => record.throttled[name]?.interactiveMs)])),
  },
  roundTrips: {
    plain: Object.fromEntries(Object.keys(PAGES).map((name) => [name, across((record) => record.plain[name]?.roundTrips)])),
    throttled: Object.fromEntries(Object.keys(PAGES).map((name) => [name, across((record) => record.throttled[name]?.roundTrips)])),
  },
  clickMs: Object.fromEntries(
    ['ours-section', 'surveyjs', ...Object.keys(FLOORS)].map((name) => [
      name,
      {
        fromInput: median(clicksOf(name, 'fromInput')),
        fromHandler: median(clicksOf(name, 'fromHandler')),
        interaction: median(clicksOf(name, 'interaction')),
        toCommit: median(clicksOf(name, 'toCommit', 'traced')),
        busy: median(clicksOf(name, 'busy', 'traced')),
        max: Math.max(...clicksOf(name, 'fromInput')),
        count: clicksOf(name, 'fromInput').length,
        allChecked: clicksOf(name, 'checked').every(Boolean),
      },
    ]),
  ),
  memory: Object.fromEntries(
    ['ours', 'surveyjs'].map((name) => [
      name,
      Object.fromEntries(['jsHeapUsed', 'runtimeHeapUsed', 'wasmMemory', 'total', 'nodes', 'listeners'].map((key) => [key, across((record) => record.memory[name]?.[key])])),
    ]),
  ),
};
const ratio = (ours, theirs) => (ours !== null && theirs ? ours / theirs : null);

const chromiumVersion = (() => {
  try {
    return execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
})();
const packageVersion = (name) => JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
const output = {
  date: new Date().toISOString(),
  seconds: Math.round((Date.now() - started) / 1000),
  machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGB: Math.round(os.totalmem() / 1e9), chromium: chromiumVersion, node: process.version },
  settings: { runs: RUNS, slow4g: SLOW_4G, cpuSlowdown: CPU_SLOWDOWN, clicksPerLoad: CLICKS, quietMs: QUIET_MS, chromiumArgs: CHROMIUM_ARGS, pages: { ...PAGES, ...FLOORS } },
  versions: { 'survey-core': packageVersion('survey-core'), 'survey-js-ui': packageVersion('survey-js-ui'), 'playwright-core': packageVersion('playwright-core') },
  app: Object.fromEntries(APP_FILES.map((file) => [file, { bytes: fs.statSync(path.join(root, file)).size, built: fs.statSync(path.join(root, file)).mtime.toISOString() }])),
  summary,
  ratios: {
    gzip: ratio(summary.bytes['ours-start']?.gzip, summary.bytes.surveyjs?.gzip),
    brotli: ratio(summary.bytes['ours-start']?.brotli, summary.bytes.surveyjs?.brotli),
    transferred: ratio(summary.bytes['ours-start']?.transferredMedian, summary.bytes.surveyjs?.transferredMedian),
    interactivePlainStart: ratio(summary.interactiveMs.plain['ours-start'], summary.interactiveMs.plain.surveyjs),
    interactivePlainSection: ratio(summary.interactiveMs.plain['ours-section'], summary.interactiveMs.plain.surveyjs),
    interactiveThrottledStart: ratio(summary.interactiveMs.throttled['ours-start'], summary.interactiveMs.throttled.surveyjs),
    interactiveThrottledSection: ratio(summary.interactiveMs.throttled['ours-section'], summary.interactiveMs.throttled.surveyjs),
    click: ratio(summary.clickMs['ours-section'].fromInput, summary.clickMs.surveyjs.fromInput),
    clickToCommit: ratio(summary.clickMs['ours-section'].toCommit, summary.clickMs.surveyjs.toCommit),
    clickBusy: ratio(summary.clickMs['ours-section'].busy, summary.clickMs.surveyjs.busy),
    memory: ratio(summary.memory.ours.total, summary.memory.surveyjs.total),
  },
  errors,
  runs,
};
fs.mkdirSync(path.dirname(OUT), { recursive: true });
fs.writeFileSync(OUT, `${JSON.stringify(output, null, 1)}\n`);

// ---------------------------------------------------------------------------------------------
// The table

const kb = (bytes) => (bytes === null || bytes === undefined ? '-' : `${(bytes / 1000).toFixed(1)} KB`);
const ms = (value) => (value === null || value === undefined ? '-' : `${value.toFixed(value < 100 ? 1 : 0)} ms`);
const under16 = (value) => (value === 0 ? 'under 16 ms' : ms(value));
const x = (value) => (value === null || value === undefined ? '-' : value.toFixed(2));
const n = (value) => (value === null || value === undefined ? '-' : String(value));
const mb = (bytes) => (bytes === null || bytes === undefined ? '-' : `${(bytes / 1e6).toFixed(2)} MB`);
const { bytes, interactiveMs, roundTrips: trips, clickMs, memory: mem } = summary;
const rows = [
  ['measure (median of ' + RUNS + ')', 'ours', 'SurveyJS', 'ours / SurveyJS'],
  ['first load, files', n(bytes['ours-start']?.count), n(bytes.surveyjs?.count), ''],
  ['first load, raw', kb(bytes['ours-start']?.raw), kb(bytes.surveyjs?.raw), x(ratio(bytes['ours-start']?.raw, bytes.surveyjs?.raw))],
  ['first load, gzip -9', kb(bytes['ours-start']?.gzip), kb(bytes.surveyjs?.gzip), x(output.ratios.gzip)],
  ['first load, brotli -q 11', kb(bytes['ours-start']?.brotli), kb(bytes.surveyjs?.brotli), x(output.ratios.brotli)],
  ['first load, transferred (brotli + headers)', kb(bytes['ours-start']?.transferredMedian), kb(bytes.surveyjs?.transferredMedian), x(output.ratios.transferred)],
  ['interactive, no throttling: start page', ms(interactiveMs.plain['ours-start']), ms(interactiveMs.plain.surveyjs), x(output.ratios.interactivePlainStart)],
  ['interactive, no throttling: first radio', ms(interactiveMs.plain['ours-section']), ms(interactiveMs.plain.surveyjs), x(output.ratios.interactivePlainSection)],
  ['interactive, Slow 4G + 4x CPU: start page', ms(interactiveMs.throttled['ours-start']), ms(interactiveMs.throttled.surveyjs), x(output.ratios.interactiveThrottledStart)],
  ['interactive, Slow 4G + 4x CPU: first radio', ms(interactiveMs.throttled['ours-section']), ms(interactiveMs.throttled.surveyjs), x(output.ratios.interactiveThrottledSection)],
  ['round trips before interactive (Slow 4G)', `${n(trips.throttled['ours-start'])} / ${n(trips.throttled['ours-section'])}`, n(trips.throttled.surveyjs), ''],
  ['rating click to second frame, 4x CPU', ms(clickMs['ours-section'].fromInput), ms(clickMs.surveyjs.fromInput), x(output.ratios.click)],
  ['  the same, from the click handler', ms(clickMs['ours-section'].fromHandler), ms(clickMs.surveyjs.fromHandler), x(ratio(clickMs['ours-section'].fromHandler, clickMs.surveyjs.fromHandler))],
  ['  the same on a page of bare radios', ms(clickMs.baseline.fromInput), ms(clickMs.baseline.fromInput), ''],
  ['  the same on ours as static HTML, no script', ms(clickMs['ours-static'].fromInput), '', ''],
  ['rating click, Event Timing (as INP counts it)', under16(clickMs['ours-section'].interaction), under16(clickMs.surveyjs.interaction), x(ratio(clickMs['ours-section'].interaction, clickMs.surveyjs.interaction))],
  ['  the same on a page of bare radios', under16(clickMs.baseline.interaction), under16(clickMs.baseline.interaction), ''],
  ['  the same on ours as static HTML, no script', under16(clickMs['ours-static'].interaction), '', ''],
  ['rating click, release to frame committed', ms(clickMs['ours-section'].toCommit), ms(clickMs.surveyjs.toCommit), x(output.ratios.clickToCommit)],
  ['  main thread busy in that time', ms(clickMs['ours-section'].busy), ms(clickMs.surveyjs.busy), x(output.ratios.clickBusy)],
  ['  the same on a page of bare radios', ms(clickMs.baseline.toCommit), ms(clickMs.baseline.toCommit), ''],
  ['  the same on ours as static HTML, no script', ms(clickMs['ours-static'].toCommit), '', ''],
  ['memory, all answered: JS heap used', mb(mem.ours.jsHeapUsed), mb(mem.surveyjs.jsHeapUsed), x(ratio(mem.ours.jsHeapUsed, mem.surveyjs.jsHeapUsed))],
  ['memory, all answered: wasm memory', mb(mem.ours.wasmMemory), mb(mem.surveyjs.wasmMemory), ''],
  ['memory, all answered: JS heap + wasm', mb(mem.ours.total), mb(mem.surveyjs.total), x(output.ratios.memory)],
  ['DOM nodes, all answered', n(mem.ours.nodes), n(mem.surveyjs.nodes), x(ratio(mem.ours.nodes, mem.surveyjs.nodes))],
];
const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
console.log('');
for (const row of rows) console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  '));
console.log(`\nfirst load files (ours: ${bytes['ours-start']?.requests.map((request) => request.file).join(', ')})`);
console.log(`first load files (SurveyJS: ${bytes.surveyjs?.requests.map((request) => request.file).join(', ')})`);
if (errors.length > 0) console.log(`\n${errors.length} measurement(s) failed:\n  ${errors.join('\n  ')}`);
console.log(`\n${output.seconds} s; written to ${path.relative(process.cwd(), OUT) || OUT}`);
