// Loading the app asks for nothing that is not there: every request succeeds (the favicon
// included; it once went to the server's /favicon.ico and 404'd), and nothing is logged as an
// error. The one exception is config.json, which a service without settings does not have.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, openPage } from './harness.mjs';
import { expectHeading } from './pages/worker-ask.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

const optional = (url) => /\/config\.json$/.test(new URL(url).pathname);

test('loading the start page: no request fails, the favicon is the app\'s own, no console error', async () => {
  const t = await openPage(app);
  const failed = [];
  t.page.on('response', (r) => { if (r.status() >= 400 && !optional(r.url())) failed.push(`${r.status()} ${r.url()}`); });
  t.page.on('requestfailed', (r) => failed.push(`failed ${r.url()}: ${r.failure()?.errorText}`));
  // Chromium asks for the favicon after the page has loaded: wait for that request to end.
  const favicon = t.page.waitForEvent('requestfinished', (r) => /favicon/.test(r.url()));
  await t.page.goto(app.url);
  await expectHeading(t.page, 'Before you ask');
  const icon = await favicon;
  assert.ok(icon.url().startsWith(app.url), `the favicon comes from the app's folder: ${icon.url()}`);
  assert.equal((await icon.response()).status(), 200);
  assert.deepEqual(failed, [], 'requests that failed');
  t.assertClean();
  await t.close();
});
