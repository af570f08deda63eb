// Accessibility checks that fail loudly: axe-core (WCAG 2.2 AA tags) on the screens, reflow at
// 320 CSS px without horizontal scrolling, and the axe check's own ability to fail.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, openPage, assertAccessible } from './harness.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

async function noHorizontalScroll(page, where) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  assert.ok(scroll <= client, `${where}: page is ${scroll}px wide in a ${client}px viewport`);
}

test('the axe check fails on a real violation (it is not a check that cannot fail)', async () => {
  const t = await openPage(app);
  await t.page.goto(app.url);
  await t.page.locator('main h1').waitFor();
  await t.page.evaluate(() => document.querySelector('main').append(document.createElement('button')));
  await assert.rejects(assertAccessible(t.page, 'start with a nameless button'), /button-name/);
  await t.close();
});

test('the start page has no axe violations and reflows at 320 px, also in forced colours', async () => {
  const t = await openPage(app, { viewport: { width: 320, height: 640 } });
  await t.page.goto(app.url);
  await t.page.locator('main h1').waitFor();
  await assertAccessible(t.page, 'start (320 px)');
  await noHorizontalScroll(t.page, 'start (320 px)');
  await t.page.emulateMedia({ forcedColors: 'active' });
  await assertAccessible(t.page, 'start (forced colours)');
  t.assertClean();
  await t.close();
});
