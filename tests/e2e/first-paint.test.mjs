// The first paint, before the app's wasm has arrived: index.html shows a static copy of the start
// page's frame (the header with Quick exit and Hide screen, the steps and the heading), and
// boot.js makes Quick exit, Shift pressed three times and Hide screen work without the app. The
// wasm is held back by a route that answers only when the test lets it; once it arrives the app
// replaces the frame where it stood (nothing moves), and there is one header and one Quick exit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, openPage, assertAccessible } from './harness.mjs';
import { T } from './ax.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

/**
 * Opens the app with its wasm held back: returns `release()`, which lets it through. The page is
 * left at the first paint (goto waits for no more than the document).
 */
async function openHeld(t, url = app.url) {
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await t.context.route(/\.wasm$/, async (route) => {
    await released;
    await route.fallback();
  });
  await t.page.goto(url, { waitUntil: 'commit', keepFrame: true });
  await t.page.getByRole('heading', { level: 1, name: T['start.title'] }).waitFor();
  return release;
}

/** Where the header, Quick exit and the main heading are drawn, to the pixel. */
const positions = (page) => page.evaluate(() => Object.fromEntries(
  [['header', 'header'], ['exit', '.quick-exit__button'], ['hide', '.hide-screen__button'], ['h1', 'main h1']]
    .map(([name, sel]) => {
      const r = document.querySelector(sel).getBoundingClientRect();
      return [name, [r.x, r.y, r.width, r.height].map(Math.round)];
    }),
));

test('before the wasm arrives: the header, Quick exit, Hide screen and the start heading, in the catalogue\'s words', async () => {
  const t = await openPage(app);
  await openHeld(t);
  const { page } = t;
  assert.equal(await page.locator('#boot').count(), 1, 'the app has not mounted');
  assert.equal((await page.locator('.app-header__name').innerText()).trim(), T['app.name']);
  const exit = page.getByRole('button', { name: T['safety.quick_exit'] });
  assert.ok(await exit.isVisible() && await exit.isEnabled());
  assert.equal((await page.locator('#quick-exit-hint').innerText()).trim(), T['safety.quick_exit_hint']);
  assert.ok(await page.getByRole('button', { name: T['safety.hide'] }).isVisible());
  assert.equal(await page.locator('.steps__item--current').innerText(), T['steps.start']);
  await assertAccessible(page, 'the first paint');
  t.assertClean();
  await t.close();
});

test('Quick exit on the first paint leaves for the neutral page, blank, and the app never mounts', async () => {
  const t = await openPage(app);
  // The document's state when the app, arriving during the exit, saw that Quick exit had begun
  // (it marks <html data-dva-leaving="app"> and stays out), told through a binding: the page
  // cannot be asked while its navigation to the exit page is pending.
  let sawExit;
  const appStayedOut = new Promise((resolve) => { sawExit = resolve; });
  await t.context.exposeBinding('__firstPaintExit', (_source, state) => {
    if (state.leaving === 'app') sawExit(state);
  });
  await t.context.addInitScript(() => {
    new MutationObserver(() => window.__firstPaintExit({
      leaving: document.documentElement.dataset.dvaLeaving,
      title: document.title,
      elements: document.body?.childElementCount,
    })).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-dva-leaving'] });
  });
  const release = await openHeld(t);
  const { page } = t;
  // The exit page is held too, so that the wasm arrives while the tab is on its way out.
  let exitPage;
  const exitRequested = new Promise((resolve) => { exitPage = resolve; });
  await t.context.route(/\/neutral\.html$/, (route) => exitPage(route));
  // Not waiting for the navigation it starts: the exit page is held.
  await page.getByRole('button', { name: T['safety.quick_exit'] }).click({ noWaitAfter: true });
  const held = await exitRequested;
  release();
  assert.deepEqual(await appStayedOut, { leaving: 'app', title: T['app.neutral_title'], elements: 0 });
  await held.fallback();
  await page.waitForURL((u) => u.pathname.endsWith('/neutral.html'));
  assert.equal(await page.title(), T['app.neutral_title']);
  assert.equal((await page.locator('body').innerText()).trim(), '');
  t.assertClean();
  await t.close();
});

test('Quick exit on the first paint inside an iframe takes the whole tab to the neutral page', async () => {
  const t = await openPage(app);
  const { page } = t;
  // An intranet page embedding the app (same origin, as on a service's intranet).
  const embedding = `${app.origin}/intranet/team.html`;
  await page.route(embedding, (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: `<!DOCTYPE html><html lang="en-GB"><head><title>Team tools</title></head><body>
      <h1>Team tools</h1><iframe src="${new URL(app.url).pathname}" title="DVA Screen" style="width:1200px;height:800px"></iframe></body></html>`,
  }));
  await t.context.route(/\.wasm$/, () => { /* held back for good */ });
  await page.goto(embedding);
  const frame = page.frameLocator('iframe');
  await frame.getByRole('heading', { level: 1, name: T['start.title'] }).waitFor();
  await frame.getByRole('button', { name: T['safety.quick_exit'] }).click();
  await page.waitForURL((u) => u.pathname.endsWith('/neutral.html'));
  assert.equal(await page.title(), T['app.neutral_title']);
  assert.equal((await page.locator('body').innerText()).trim(), '');
  t.assertClean();
  await t.close();
});

test('Shift pressed three times on the first paint exits, with each press announced', async () => {
  const t = await openPage(app);
  await openHeld(t);
  const { page } = t;
  const live = page.locator('.quick-exit [role="status"]');
  await page.keyboard.press('Shift');
  await page.waitForFunction(() => document.querySelector('.quick-exit [role="status"]').textContent !== '');
  assert.equal(await live.textContent(), T['safety.shift_left.other'].replace('{n}', '2'));
  // Another key starts again.
  await page.keyboard.press('a');
  await page.waitForFunction(() => document.querySelector('.quick-exit [role="status"]').textContent === '');
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await page.waitForFunction(() => /1 more time/.test(document.querySelector('.quick-exit [role="status"]').textContent));
  assert.equal(await live.textContent(), T['safety.shift_left.one'].replace('{n}', '1'));
  await page.keyboard.press('Shift');
  await page.waitForURL((u) => u.pathname.endsWith('/neutral.html'));
  assert.equal(await page.title(), T['app.neutral_title']);
  assert.equal((await page.locator('body').innerText()).trim(), '');
  t.assertClean();
  await t.close();
});

test('Hide screen on the first paint covers it; the app mounts still covered', async () => {
  const t = await openPage(app);
  const release = await openHeld(t);
  const { page } = t;
  const hide = page.getByRole('button', { name: T['safety.hide'] });
  const uncover = page.getByRole('button', { name: T['safety.uncover'] });
  await hide.click();
  await page.getByRole('dialog', { name: T['safety.cover_text'] }).waitFor();
  assert.ok(await uncover.evaluate((b) => b === document.activeElement), 'focus on "Show the screen again"');
  assert.ok(await page.locator('#boot .app').evaluate((el) => el.inert), 'the page under the cover is inert');
  await assertAccessible(page, 'the first paint, covered');
  await uncover.click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  assert.ok(await hide.evaluate((b) => b === document.activeElement), 'focus back on Hide screen');
  await hide.click();
  await page.getByRole('dialog').waitFor();
  release();
  // The app replaces the frame under its own cover.
  await page.locator('#boot').waitFor({ state: 'detached' });
  await page.getByRole('dialog', { name: T['safety.cover_text'] }).waitFor();
  assert.equal(await page.title(), T['app.neutral_title']);
  await uncover.click();
  await page.getByLabel(T['start.client_ref.label']).first().waitFor();
  t.assertClean();
  await t.close();
});

for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
  test(`the app replaces the frame where it stood, at ${name} width: one header, one Quick exit`, async () => {
    const t = await openPage(app, { viewport });
    const release = await openHeld(t);
    const { page } = t;
    const before = await positions(page);
    release();
    const firstInput = page.locator('main input').first();
    await firstInput.waitFor();
    assert.ok(await firstInput.isEnabled());
    assert.equal(await page.locator('#boot').count(), 0);
    assert.equal(await page.locator('header').count(), 1);
    assert.equal(await page.getByRole('button', { name: T['safety.quick_exit'] }).count(), 1);
    assert.equal(await page.getByRole('button', { name: T['safety.hide'] }).count(), 1);
    assert.deepEqual(await positions(page), before, 'the header and the heading did not move');
    t.assertClean();
    await t.close();
  });
}
