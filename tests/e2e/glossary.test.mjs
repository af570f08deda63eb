// "What these words mean": the specialist words are explained on the pages that use them, in a
// details box that opens with the keyboard and passes axe when open.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, openPage, assertAccessible } from './harness.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

for (const [route, heading] of [['#/result', /^Level of concern/], ['#/respond', 'Respond and refer']]) {
  test(`the glossary on ${route} opens with the keyboard and explains MARAC, IDVA and Dash`, async () => {
    const t = await openPage(app, { viewport: { width: 320, height: 640 } });
    await t.page.goto(`${app.url}${route}`);
    await t.page.getByRole('heading', { level: 1, name: heading }).waitFor();
    const summary = t.page.locator('summary', { hasText: 'What these words mean' });
    const marac = t.page.locator('.glossary__term', { hasText: 'MARAC' });
    assert.equal(await marac.isVisible(), false, 'closed until asked for');
    await summary.focus();
    await t.page.keyboard.press('Enter');
    await marac.waitFor();
    for (const [term, meaning] of [
      ['MARAC', /^Multi-agency risk assessment conference/],
      ['IDVA', /^Independent domestic violence adviser/],
      ['Dash', /asked of the victim, never of him/],
    ]) {
      const dd = t.page.locator('.glossary__term', { hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]');
      assert.match(await dd.textContent(), meaning);
    }
    await assertAccessible(t.page, `${route} with the glossary open at 320 px`);
    const { scroll, client } = await t.page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth,
    }));
    assert.ok(scroll <= client, `no sideways scroll (${scroll} > ${client})`);
    t.assertClean();
    await t.close();
  });
}
