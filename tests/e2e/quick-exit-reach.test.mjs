// Quick exit in reach on every worker page (issue 15, point 5): on the longest page (check your
// answers, every question listed) scrolled to the bottom, Quick exit is inside the viewport and
// nothing covers it, at 1280 px, at 320 px and at 400 % zoom (1280 x 1024 at 400 %: 320 x 256),
// while the band that stays is small and never hides what has focus, going forwards or backwards
// through the page. Quick exit is the first stop after the skip link, before Hide screen. Shift
// pressed once or twice is announced politely with what is left to press.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, openPage, assertAccessible } from './harness.mjs';
import { focusRing, noHorizontalScroll, saveShots } from './layout.mjs';
import { T, axNode } from './ax.mjs';
import { continueOn, expectHeading, startScreening } from './pages/worker-ask.mjs';
import { askedSections } from './pages/worker-flow.mjs';

const SHOTS = process.env.DVA_SHOTS;

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

/** Starts a screening and continues through every section to check your answers. */
async function toCheck(page) {
  await startScreening(page, {}, { url: app.url });
  for (const section of askedSections) {
    await expectHeading(page, section.title);
    await continueOn(page);
  }
  await expectHeading(page, 'Check your answers');
}

/** Where Quick exit is, scrolled to the bottom: on screen, uncovered, and the sticky band's height. */
async function exitAtBottom(page) {
  return page.evaluate(() => {
    window.scrollTo(0, document.scrollingElement.scrollHeight);
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    const exit = document.querySelector('.quick-exit__button');
    const r = exit.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    const header = document.querySelector('.app-header').getBoundingClientRect();
    return {
      scrolled: window.scrollY,
      onScreen: r.left >= 0 && r.right <= vw && r.top >= 0 && r.bottom <= vh,
      uncovered: Boolean(hit && (hit === exit || exit.contains(hit))),
      band: Math.max(0, header.bottom),
      viewport: vh,
    };
  });
}

/** Tabs `n` times (backwards with `back`), failing on any stop hidden under something. */
async function walkFocus(page, n, { back = false, where }) {
  for (let i = 0; i < n; i += 1) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const f = await focusRing(page);
    assert.ok(!f.obscured, `${where}: ${back ? 'Shift+' : ''}Tab ${i + 1} puts focus on ${f.tag} "${f.name}" under something`);
  }
}

const SIZES = {
  '1280 px': { width: 1280, height: 900, band: 120 },
  '320 px': { width: 320, height: 640, band: 100 },
  '400 % zoom (320 x 256)': { width: 320, height: 256, band: 64 },
};

for (const [name, { width, height, band }] of Object.entries(SIZES)) {
  test(`check your answers at ${name}: Quick exit on screen at the bottom, a band of at most ${band} px, focus never under it`, async () => {
    const t = await openPage(app, { viewport: { width, height } });
    const { page } = t;
    await toCheck(page);
    const at = await exitAtBottom(page);
    assert.ok(at.scrolled > height, `the page is long enough to test (scrolled ${at.scrolled}px)`);
    assert.ok(at.onScreen, `${name}: Quick exit is off screen at the bottom of the page`);
    assert.ok(at.uncovered, `${name}: something covers Quick exit`);
    assert.ok(at.band <= band, `${name}: the band that stays is ${at.band}px of ${at.viewport}px`);
    await noHorizontalScroll(page, `check your answers (${name})`);
    await assertAccessible(page, `check your answers (${name})`);
    if (SHOTS) await saveShots(page, SHOTS, `quick-exit-${name}`);
    // From the top forwards, then back up from the bottom: what takes focus is never hidden.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('main h1').focus();
    await walkFocus(page, 30, { where: name });
    await page.getByRole('button', { name: 'Continue to the result' }).focus();
    await walkFocus(page, 30, { back: true, where: name });
    t.assertClean();
    await t.close();
  });
}

test('tab order: skip link, then Quick exit, then Hide screen', async () => {
  const t = await openPage(app);
  const { page } = t;
  await page.goto(app.url);
  await page.locator('main h1').waitFor();
  const names = [];
  for (let i = 0; i < 3; i += 1) {
    await page.keyboard.press('Tab');
    names.push((await focusRing(page)).name);
  }
  assert.deepEqual(names, [T['app.skip_link'], T['safety.quick_exit'], T['safety.hide']]);
  t.assertClean();
  await t.close();
});


test('Shift pressed once and twice is announced politely, and a lapse or another key clears it', async () => {
  const t = await openPage(app);
  const { page } = t;
  await page.goto(app.url);
  await page.locator('main h1').waitFor();
  const live = page.locator('.quick-exit [role="status"]');
  assert.equal(await live.textContent(), '');
  await page.keyboard.press('Shift');
  await page.waitForFunction(() => document.querySelector('.quick-exit [role="status"]').textContent !== '');
  assert.equal(await live.textContent(), 'Shift, press 2 more times to exit.');
  await page.keyboard.press('Shift');
  await page.waitForFunction(() => /1 more time to/.test(document.querySelector('.quick-exit [role="status"]').textContent));
  assert.equal(await live.textContent(), 'Shift, press 1 more time to exit.');
  // In the accessibility tree it is a polite live region (a status), not an alert.
  const region = await axNode(page, '.quick-exit [role="status"]');
  assert.deepEqual([region.role, region.properties.live], ['status', 'polite']);
  // Another key starts the count again and clears the message.
  await page.keyboard.press('a');
  await page.waitForFunction(() => document.querySelector('.quick-exit [role="status"]').textContent === '');
  await page.keyboard.press('Shift');
  await page.waitForFunction(() => /2 more times/.test(document.querySelector('.quick-exit [role="status"]').textContent));
  t.assertClean();
  await t.close();
});
