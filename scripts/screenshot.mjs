#!/usr/bin/env node
// Regenerates docs/results.png, the README's picture of the results page, from the worked
// example. Needs a built app (scripts/build.sh). Usage: node scripts/screenshot.mjs
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = 4199;
const server = spawn('node', [path.join(root, 'scripts/serve.mjs'), String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve) => server.stdout.once('data', resolve));

const example = JSON.parse(fs.readFileSync(path.join(root, 'content/examples/worked-example.json'), 'utf8'));
example.title = 'Baseline 2026';
const envelope = JSON.stringify({ version: 1, saved_at: '2026-11-22T10:00:00Z', revision: 1, data: example });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const context = await browser.newContext({ viewport: { width: 1100, height: 1500 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  // The saved answers must be in place before the app reads storage at start-up.
  await page.addInitScript((value) => localStorage.setItem('readiness:rethinking-childrens-social-work:current', value), envelope);
  await page.goto(`http://localhost:${port}/#/results`);
  await page.getByRole('heading', { name: 'Your profile: Lead and spread' }).waitFor();
  await page.screenshot({ path: path.join(root, 'docs/results.png'), clip: { x: 0, y: 0, width: 1100, height: 1500 } });
  console.log('wrote docs/results.png');
} finally {
  await browser.close();
  server.kill();
}
