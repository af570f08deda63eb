// Leaving the app any other way than quick exit (a link, a typed address) and coming back with
// the browser's Back: the page comes back from the back/forward cache under the cover, with a
// neutral title, and only the worker's click shows the screening again, with nothing lost.
// Runs with the cache on (Playwright turns it off) and without `no-store` (which keeps pages out
// of the cache).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, openPage } from './harness.mjs';
import { answerYesNo, expectHeading, group, startScreening } from './pages/worker-ask.mjs';

let app;
before(async () => {
  app = await startApp({ server: { noStore: false }, backForwardCache: true });
});
after(async () => { await app?.close(); });

/** Records, in the page, what it looked like at each `pageshow`, before the app's own listener. */
function recordPageshows() {
  window.__pageshows = [];
  window.addEventListener('pageshow', (e) => {
    window.__pageshows.push({
      persisted: e.persisted,
      title: document.title,
      covered: document.querySelector('.cover') !== null,
    });
  }, true);
}

test('Back from another page restores the app from the back/forward cache under the cover, with nothing lost', async () => {
  const t = await openPage(app);
  await t.context.addInitScript(recordPageshows);
  await startScreening(t.page, { clientRef: 'BF-01' }, { url: app.url });
  await answerYesNo(t.page, /relationship at the moment/, 'Yes');
  assert.match(await t.page.title(), /^Relationship/);

  // The worker types another address (here, a page beside the app).
  await t.page.goto(`${app.url}neutral.html`);
  await t.page.goBack({ waitUntil: 'commit' });
  await t.page.waitForFunction(() => (window.__pageshows ?? []).some((s) => s.persisted));
  const restored = await t.page.evaluate(() => window.__pageshows.find((s) => s.persisted));
  // Covered before the page went into the cache: the first frame shown on the way back is the cover.
  assert.deepEqual(restored, { persisted: true, title: 'New tab', covered: true });
  const show = t.page.getByRole('button', { name: 'Show the screen again' });
  await show.waitFor();
  assert.equal(await t.page.locator('.app').getAttribute('inert'), '');
  assert.equal(await t.page.title(), 'New tab');

  // Only the worker's click lifts it, and everything is still there.
  await show.click();
  await expectHeading(t.page, 'Relationship');
  assert.match(await t.page.title(), /^Relationship/);
  assert.ok(await group(t.page, /relationship at the moment/).getByRole('radio', { name: 'Yes', exact: true }).isChecked());
  t.assertClean();
  await t.close();
});
