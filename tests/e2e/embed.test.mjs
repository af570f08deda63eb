// Hosting and embedding on an intranet: the release build served at `/` and at
// `/tools/dva-screen/`; embedded in an iframe (examples/intranet/frame.html and frame-strict.html)
// and mounted in a host page's element (examples/intranet/embedded.html). The frame fits the app's
// height as it grows and shrinks, told only by the app, and only when the service named the host;
// Quick exit from inside the frame leaves the whole intranet page; the host page's own styles are
// untouched by the app's; and no request leaves the origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startApp, openPage } from './harness.mjs';
import { answerYesNo, expectHeading } from './pages/worker-ask.mjs';
import { OPT_IN } from './pages/drafts.mjs';

const EXAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../examples');
const APP_PATH = '/tools/dva-screen/';
const files = {};
let app;
before(async () => {
  app = await startApp({ server: { base: APP_PATH, files, roots: { '/examples/': EXAMPLES } } });
});
after(async () => { await app?.close(); });

const intranet = (page) => `${app.origin}/examples/intranet/${page}`;
const exitAddress = () => `${app.otherOrigin}${APP_PATH}neutral.html`;

function useConfig(config) {
  if (config === undefined) delete files['config.json'];
  else files['config.json'] = JSON.stringify(config);
}

/** The iframe's height as the host page set it, in CSS pixels. */
const frameHeight = (page) => page.locator('iframe').evaluate((f) => f.getBoundingClientRect().height);

/** The app's own height inside the frame. */
const appHeight = (frame) => frame.locator('.dva-screen').evaluate((el) => el.scrollHeight);

test('the release build works unchanged at the root of a server', async () => {
  const root = await startApp({ server: { base: '/' } });
  try {
    const t = await openPage(root);
    await t.page.goto(root.url);
    await expectHeading(t.page, 'Before you ask');
    t.assertClean();
    await t.close();
  } finally {
    await root.close();
  }
});

test('the release build works under /tools/dva-screen/', async () => {
  useConfig(undefined);
  const t = await openPage(app);
  await t.page.goto(app.url);
  await expectHeading(t.page, 'Before you ask');
  t.assertClean();
  await t.close();
});

test('in an iframe, the frame follows the app height down as well as up', async () => {
  useConfig({ host_origin: app.origin });
  const t = await openPage(app);
  await t.page.goto(intranet('frame.html'));
  const frame = t.page.frameLocator('iframe').first();
  await frame.getByRole('heading', { level: 1, name: 'Before you ask' }).waitFor();
  const handle = await t.page.locator('iframe').elementHandle();
  const content = await handle.contentFrame();
  // The start page is taller than the frame's first 600px: the host fits it.
  await t.page.waitForFunction(
    ([h]) => Math.abs(document.querySelector('iframe').getBoundingClientRect().height - h) < 1,
    [await appHeight(frame)],
  );
  const start = await frameHeight(t.page);
  assert.ok(start > 600, `the frame grew to the app's height: ${start}`);
  // A stop (he is not alone) adds a panel: the frame grows with it…
  await answerYesNo(content, /^Is the client on his own/, 'No');
  await content.getByRole('heading', { name: 'You cannot go on with the screening now' }).waitFor();
  await t.page.waitForFunction((h) => document.querySelector('iframe').getBoundingClientRect().height > h, start);
  const grown = await frameHeight(t.page);
  assert.equal(grown, await appHeight(frame));
  // …and shrinks back when it goes.
  await answerYesNo(content, /^Is the client on his own/, 'Yes');
  await t.page.waitForFunction((h) => document.querySelector('iframe').getBoundingClientRect().height < h, grown);
  assert.equal(await frameHeight(t.page), start);
  t.assertClean();
  await t.close();
});

test('the height goes only to the host the service named', async () => {
  useConfig({ host_origin: app.otherOrigin });
  const t = await openPage(app);
  const received = [];
  await t.page.exposeFunction('recordMessage', (data) => received.push(data));
  await t.page.addInitScript(() => window.addEventListener('message', (e) => window.recordMessage(e.data)));
  await t.page.goto(intranet('frame.html'));
  const frame = t.page.frameLocator('iframe').first();
  await frame.getByRole('heading', { level: 1, name: 'Before you ask' }).waitFor();
  // Two frames in the app's document: any message it would post has been posted by then.
  const content = await (await t.page.locator('iframe').elementHandle()).contentFrame();
  await content.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await t.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.deepEqual(received, [], 'nothing was posted to this page');
  assert.equal(await frameHeight(t.page), 600, 'the frame keeps the height the page gave it');
  t.assertClean();
  await t.close();
});

test('the height message carries the type and the height, nothing else', async () => {
  useConfig({ host_origin: app.origin });
  const t = await openPage(app);
  const received = [];
  await t.page.exposeFunction('recordMessage', (data) => received.push(data));
  await t.page.addInitScript(() => window.addEventListener('message', (e) => window.recordMessage(e.data)));
  await t.page.goto(intranet('frame.html'));
  await t.page.frameLocator('iframe').first().getByRole('heading', { level: 1, name: 'Before you ask' }).waitFor();
  await t.page.waitForFunction(() => document.querySelector('iframe').getBoundingClientRect().height > 600);
  assert.ok(received.length >= 1);
  for (const m of received) {
    assert.deepEqual(Object.keys(m).sort(), ['height', 'type']);
    assert.equal(m.type, 'dva-screen:height');
    assert.equal(typeof m.height, 'number');
  }
  t.assertClean();
  await t.close();
});

test('Quick exit inside the iframe takes the whole intranet page away', async () => {
  useConfig({ host_origin: app.origin, quick_exit_url: exitAddress() });
  const t = await openPage(app, { allow: [app.otherOrigin] });
  await t.page.goto(intranet('frame.html'));
  const frame = t.page.frameLocator('iframe').first();
  await frame.getByRole('heading', { level: 1, name: 'Before you ask' }).waitFor();
  await frame.getByRole('button', { name: 'Quick exit' }).click();
  await t.page.waitForURL(exitAddress());
  t.assertClean();
  await t.close();
});

test('Quick exit in a frame that may not leave the page blanks it and the host page leaves', async () => {
  useConfig({ host_origin: app.origin, quick_exit_url: exitAddress() });
  const t = await openPage(app, { allow: [app.otherOrigin] });
  await t.page.goto(intranet('frame-strict.html'));
  const frame = t.page.frameLocator('iframe').first();
  await frame.getByRole('heading', { level: 1, name: 'Before you ask' }).waitFor();
  await frame.getByRole('button', { name: 'Quick exit' }).click();
  await t.page.waitForURL(exitAddress());
  // The browser reports the refused top navigation itself; that refusal is the point here.
  const refused = (e) => /top-level window is sandboxed|permission to navigate the target frame/.test(e);
  t.errors.splice(0, t.errors.length, ...t.errors.filter((e) => !refused(e)));
  t.assertClean();
  await t.close();
});

test("mounted in a host page's element, the app renders there with the page's settings and leaves its styles alone", async () => {
  useConfig(undefined);
  const t = await openPage(app);
  await t.page.goto(intranet('embedded.html'));
  const host = t.page.locator('#dva-screen');
  await host.getByRole('heading', { level: 1, name: 'Before you ask' }).waitFor();
  // The settings come from the page's config block.
  assert.ok((await host.getByRole('banner').innerText()).includes('Northtown Recovery Service'));
  // Everything the app rendered is inside the element.
  const outside = await t.page.evaluate(() => [...document.body.children]
    .filter((el) => el.id !== 'dva-screen' && !['SCRIPT', 'LINK'].includes(el.tagName) && el.className !== 'intranet-header'
      && el.tagName !== 'H2' && !el.classList.contains('intranet-note'))
    .map((el) => el.outerHTML.slice(0, 80)));
  assert.deepEqual(outside, []);
  // The host page's styles are as its own stylesheet set them; the app's apply inside the app.
  const styles = await t.page.evaluate(() => {
    const css = (el, prop) => getComputedStyle(el).getPropertyValue(prop);
    const note = document.querySelector('.intranet-note');
    const h2 = document.querySelector('body > h2');
    return {
      bodyMargin: css(document.body, 'margin-top'),
      bodyBackground: css(document.body, 'background-color'),
      bodyFont: css(document.body, 'font-family'),
      noteMargin: css(note, 'margin-top'),
      noteColour: css(note, 'color'),
      h2Colour: css(h2, 'color'),
      h2Size: css(h2, 'font-size'),
      boxSizing: css(note, 'box-sizing'),
      appHeader: css(document.querySelector('#dva-screen .app-header'), 'background-color'),
    };
  });
  assert.deepEqual(styles, {
    bodyMargin: '8px',
    bodyBackground: 'rgb(250, 250, 250)',
    bodyFont: 'Georgia, serif',
    noteMargin: '4px',
    noteColour: 'rgb(51, 51, 51)',
    h2Colour: 'rgb(128, 0, 0)',
    h2Size: '20px',
    boxSizing: 'content-box',
    appHeader: 'rgb(11, 12, 12)',
  });
  t.assertClean();
  await t.close();
});

test("Quick exit from a host page's element leaves the whole page for the app's neutral page", async () => {
  useConfig(undefined);
  const t = await openPage(app);
  await t.page.goto(intranet('embedded.html'));
  await t.page.locator('#dva-screen').getByRole('heading', { level: 1, name: 'Before you ask' }).waitFor();
  await t.page.getByRole('button', { name: 'Quick exit' }).click();
  // The default exit page is the app's own, found beside the app, not beside the host page.
  await t.page.waitForURL(`${app.origin}${APP_PATH}neutral.html`);
  t.assertClean();
  await t.close();
});

test('in a frame sandboxed without allow-same-origin (no storage), the app works with drafts off and says so', async () => {
  // The frame's origin is opaque: the server sends Access-Control-Allow-Origin with the app's files.
  const sandboxed = await startApp({
    server: { base: APP_PATH, cors: true, roots: { '/examples/': EXAMPLES }, files: { 'config.json': '' } },
  });
  try {
    const origin = sandboxed.origin;
    sandboxed.files['config.json'] = JSON.stringify({ host_origin: origin, service_name: 'Northtown Recovery Service' });
    const t = await openPage(sandboxed);
    await t.page.goto(`${origin}/examples/intranet/frame-sandboxed.html`);
    const frame = t.page.frameLocator('iframe').first();
    await frame.getByRole('heading', { level: 1, name: 'Before you ask' }).waitFor();
    assert.equal(await frame.locator('body').evaluate(() => window.origin), 'null', 'the frame has no origin of its own');
    // The opt-in is described as off, and cannot be ticked.
    const optIn = frame.getByRole('checkbox', { name: OPT_IN });
    await frame.locator('#save-draft-hint').getByText('Drafts are off: this browser is not letting the app store anything').waitFor();
    assert.equal(await optIn.getAttribute('aria-describedby'), 'save-draft-hint');
    assert.ok(await optIn.isDisabled(), 'drafts cannot be chosen');
    // Its settings were read, and the host still fits the frame to it.
    assert.ok((await frame.getByRole('banner').innerText()).includes('Northtown Recovery Service'));
    await t.page.waitForFunction(() => document.querySelector('iframe').getBoundingClientRect().height > 600);
    t.assertClean();
    await t.close();
  } finally {
    await sandboxed.close();
  }
});

test('served over plain http from another machine, drafts are not offered and the worker is told why', async () => {
  // A name for this computer that is not "localhost" or 127.0.0.1: the page is then not a secure
  // context, as on an intranet server reached over plain http.
  const insecure = await startApp({ server: { base: APP_PATH }, args: ['--host-resolver-rules=MAP intranet.test 127.0.0.1'] });
  try {
    const url = insecure.url.replace('127.0.0.1', 'intranet.test');
    const t = await openPage(insecure, { allow: [new URL(url).origin] });
    await t.page.goto(url);
    await expectHeading(t.page, 'Before you ask');
    assert.equal(await t.page.evaluate(() => window.isSecureContext), false);
    const optIn = t.page.getByRole('checkbox', { name: OPT_IN });
    await t.page.locator('#save-draft-hint').getByText('Drafts are off: this page is not served securely (over https)').waitFor();
    assert.ok(await optIn.isDisabled(), 'drafts cannot be chosen');
    t.assertClean();
    await t.close();
  } finally {
    await insecure.close();
  }
});
