// The first screen: the release build loads from a sub-path, shows the questionnaire's title and
// version, and makes no request beyond its own files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, openPage } from './harness.mjs';
import { definition } from './definition.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

test('shows the questionnaire title and version, with no foreign requests', async () => {
  const t = await openPage(app);
  await t.page.goto(app.url);
  await t.page.getByRole('heading', { level: 1 }).waitFor();
  const footer = await t.page.getByRole('contentinfo').innerText();
  assert.ok(footer.includes(definition.title), `footer names the questionnaire: ${footer}`);
  assert.ok(footer.includes(`version ${definition.version}`), `footer names its version: ${footer}`);
  t.assertClean();
  await t.close();
});

test('the network guard catches a request to another origin', async () => {
  // Proves the guard itself can fail: without this, a silent guard would pass every test.
  // The page's CSP would stop the request first (csp.test.mjs), so it is bypassed here.
  const t = await openPage(app, { bypassCSP: true });
  await t.page.goto(app.url);
  await t.page.getByRole('heading', { level: 1 }).waitFor();
  await t.page.evaluate(() => fetch('https://example.invalid/leak').catch(() => {}));
  assert.ok(t.foreign.some((u) => u.startsWith('https://example.invalid/')), `guard recorded: ${t.foreign}`);
  await t.close();
});
