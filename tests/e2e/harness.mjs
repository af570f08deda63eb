// Shared set-up for the browser tests: the release build served from 127.0.0.1 under a sub-path,
// Debian's chromium driven by playwright-core, and a network guard that fails any test whose page
// asks for anything outside the app's own origin.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/static-server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = process.env.DVA_DIST || path.join(ROOT, 'dist');
// The same app built with the `test-hooks` feature (a panic trigger); never deployed.
export const TEST_DIST = process.env.DVA_TEST_DIST || path.join(ROOT, 'dist-test');
// A deep sub-path, as on a service's intranet: proves the build's asset URLs are relative.
export const BASE = '/intranet/tools/dva-screen/';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/**
 * Starts the server and the browser once per test file. `server` passes options to the static
 * server (`delays`, `noStore`, `files`: a service's config.json and the like, changeable
 * between pages through `app.files`); `backForwardCache: true` keeps the browser's back/forward cache
 * on (Playwright turns it off by default); `args` adds Chromium flags.
 */
export async function startApp({ dist = DIST, server: serverOptions = {}, backForwardCache = false, args = [] } = {}) {
  const { server, origin, url } = await serve(dist, { base: BASE, ...serverOptions });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, ...args],
    ignoreDefaultArgs: backForwardCache ? ['--disable-back-forward-cache'] : [],
  });
  return {
    origin,
    url,
    browser,
    // The same server under another name: another origin, for a quick-exit address that must
    // leave the app's own (config.json refuses one on the app's origin).
    otherOrigin: origin.replace('127.0.0.1', 'localhost'),
    files: serverOptions.files,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * Opens a fresh context and page with the network guard and an error collector on.
 * `allow` lists other origins a test may reach on purpose (a quick-exit address).
 * Call `assertClean()` at the end of every test: it fails on any request that left the app's
 * origin and on any uncaught page error or console error.
 */
export async function openPage(app, { viewport = { width: 1280, height: 900 }, allow = [], ...options } = {}) {
  const context = await app.browser.newContext({ viewport, serviceWorkers: 'block', ...options });
  const foreign = [];
  const errors = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isOwn(url, app.origin) || allow.some((o) => isOwn(url, o))) return route.continue();
    foreign.push(url);
    return route.abort('blockedbyclient');
  });
  // Belt and braces: also record requests that routing might not see (e.g. websockets).
  context.on('request', (req) => {
    const own = isOwn(req.url(), app.origin) || allow.some((o) => isOwn(req.url(), o));
    if (!own && !foreign.includes(req.url())) foreign.push(req.url());
  });
  context.on('websocket', (ws) => foreign.push(ws.url()));
  const page = await context.newPage();
  // The app's page paints a static copy of its start page's frame before the wasm arrives
  // (index.html's #boot, with the same heading). Specs about the app start once the app has
  // replaced it, so that nothing they find belongs to the frame; first-paint.test.mjs, which is
  // about the frame, passes `keepFrame: true`. Other pages have no #boot and pass at once.
  const mounted = () => page.waitForFunction(() => !document.getElementById('boot'));
  const goto = page.goto.bind(page);
  page.goto = async (url, { keepFrame = false, ...gotoOptions } = {}) => {
    const response = await goto(url, gotoOptions);
    if (!keepFrame) await mounted();
    return response;
  };
  for (const name of ['reload', 'goBack', 'goForward']) {
    const navigate = page[name].bind(page);
    page[name] = async (...args) => {
      const response = await navigate(...args);
      await mounted();
      return response;
    };
  }
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    // A service that has no config.json is no error: the browser logs the 404 all the same.
    if (/\/config\.json$/.test(msg.location()?.url ?? '') && /\b404\b/.test(msg.text())) return;
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  return {
    page,
    context,
    foreign,
    errors,
    assertClean() {
      assert.deepEqual(foreign, [], 'the page asked for something outside the app\'s own origin');
      assert.deepEqual(errors, [], 'the page logged errors');
    },
    close: () => context.close(),
  };
}

function isOwn(url, origin) {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

const AXE_PATH = path.join(ROOT, 'node_modules/axe-core/axe.min.js');
let axeSource;
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe-core inside the page against WCAG 2.2 AA and fails, listing every violation with its
 * elements, if there is any. `where` names the screen in the failure message.
 */
export async function assertAccessible(page, where) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    // Evaluated through the DevTools protocol, which the page's CSP does not govern (a script
    // tag would be blocked by it, rightly).
    axeSource ??= fs.readFileSync(AXE_PATH, 'utf8');
    await page.evaluate(axeSource);
  }
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    AXE_TAGS,
  );
  const problems = result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n    ')}`,
  );
  assert.deepEqual(problems, [], `accessibility violations on ${where}`);
}
