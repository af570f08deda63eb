// Accessibility checks that fail loudly: axe-core (WCAG 2.2 AA tags) on the screens, reflow at
// 320 CSS px without horizontal scrolling, and the axe check's own ability to fail.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, openPage, assertAccessible } from './harness.mjs';
import { clipped, moving, noHorizontalScroll, saveShots, smallTargets } from './layout.mjs';
import { answerYesNo, changeAnswer, continueOn, expectHeading, fillStart } from './pages/worker-ask.mjs';
import { recordPage, resultPage, respondPage } from './pages/worker-result.mjs';
import { answerItem, askedSections, definition, label, quietAnswers } from './pages/worker-flow.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

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

// ---------------------------------------------------------------------------------------------
// Every screen and state of the worker flow, in four ways of viewing it. One walk through the
// flow visits: start (empty, with its error summary, with a stop), every question section (the
// behaviours with and without a "last 12 months" follow-up), check your answers, the result at
// each of the four levels (and the judgement form's error states), respond and refer (and its
// error state), and the record. At each, the mode's checks run. With DVA_SHOTS=<dir> set, a
// full-page PNG of each screen is saved there for a person to look at.

const SHOTS = process.env.DVA_SHOTS;

test('the layout checks fail on real problems (wide content, cut-off text, small targets, motion)', async () => {
  const t = await openPage(app, { viewport: { width: 320, height: 640 } });
  await t.page.goto(app.url);
  await t.page.locator('main h1').waitFor();
  assert.deepEqual(await smallTargets(t.page), []);
  assert.deepEqual(await clipped(t.page), []);
  await t.page.evaluate(() => {
    const main = document.querySelector('main');
    const wide = Object.assign(document.createElement('p'), { textContent: 'x'.repeat(200), className: 'too-wide' });
    wide.style.cssText = 'width: 600px; max-width: none';
    const cut = Object.assign(document.createElement('div'), { className: 'cut-off' });
    cut.style.cssText = 'width: 50px; overflow: hidden; white-space: nowrap';
    cut.textContent = 'A long line that does not fit in fifty pixels';
    const tiny = Object.assign(document.createElement('button'), { textContent: 'x', className: 'tiny' });
    tiny.style.cssText = 'width: 16px; height: 16px; padding: 0; transition: opacity 0.3s';
    main.append(wide, cut, tiny);
  });
  await assert.rejects(noHorizontalScroll(t.page, 'start with a wide line'), /px wide/);
  const cutOff = await clipped(t.page);
  assert.ok(cutOff.some((s) => s.includes('too-wide')), cutOff.join('; '));
  assert.ok(cutOff.some((s) => s.includes('cut-off')), cutOff.join('; '));
  assert.ok((await smallTargets(t.page)).some((s) => s.startsWith('button "x" 16.0x16.0')));
  assert.ok((await moving(t.page)).some((s) => s.includes('tiny')), 'a transition is found');
  t.assertClean();
  await t.close();
});

const MODES = {
  desktop: { viewport: { width: 1280, height: 900 } },
  narrow: { viewport: { width: 320, height: 640 } },
  zoom200: { viewport: { width: 640, height: 800 } },
  forced: { viewport: { width: 1280, height: 900 } },
};

async function checksFor(mode, page, where) {
  await page.locator('main h1').waitFor();
  // Answering scrolls the page; a control that happens to sit under the sticky Quick exit bar
  // then reads to axe as an overlapped target. Check each state from the top of the page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForFunction(() => window.scrollY === 0);
  await assertAccessible(page, `${where} (${mode})`);
  if (mode !== 'forced') await noHorizontalScroll(page, `${where} (${mode})`);
  if (mode === 'desktop' || mode === 'narrow') {
    assert.deepEqual(await smallTargets(page), [], `${where} (${mode}): targets smaller than 24 x 24 CSS px`);
  }
  if (mode === 'desktop') assert.deepEqual(await moving(page), [], `${where}: motion with prefers-reduced-motion: reduce`);
  if (mode === 'zoom200' || mode === 'narrow') assert.deepEqual(await clipped(page), [], `${where} (${mode}): content cut off`);
  if (SHOTS) await saveShots(page, SHOTS, `${mode}-${where}`);
}

/** The whole walk; `check(where)` runs at every screen and state. */
async function walk(page, url, check) {
  await page.goto(url);
  await check('start');
  await continueOn(page);
  await page.locator('.error-summary').waitFor();
  await check('start with the error summary');
  await fillStart(page, { alone: 'No' });
  await page.getByRole('button', { name: 'Postpone the screening' }).waitFor();
  await check('start with a stop');
  await answerYesNo(page, /^Is the client on his own/, 'Yes');
  await continueOn(page);

  const answers = { ...quietAnswers(), 'children.any': 'Yes', 'children.baby': 'No', 'children.present': 'No', 'children.harmed': 'No', 'children.social_care': 'No' };
  for (const section of askedSections) {
    await expectHeading(page, section.title);
    for (const it of definition.items.filter((i) => i.section === section.id)) {
      if (it.id in answers) await answerItem(page, it.id, answers[it.id]);
    }
    await check(`ask ${section.title}`);
    await continueOn(page);
  }
  await expectHeading(page, 'Check your answers');
  await check('check your answers');

  const toResult = async () => {
    await page.getByRole('button', { name: 'Continue to the result' }).click();
    await page.getByRole('button', { name: 'Record my judgement' }).waitFor();
  };
  await toResult();
  await expectHeading(page, /No abuse disclosed in this screen/);
  await check('result no abuse disclosed');
  await page.getByRole('button', { name: 'Record my judgement' }).click();
  await page.locator('.error-summary').waitFor();
  await check('result with the judgement error');

  await resultPage(page).continue();
  await check('respond and refer');
  await page.getByRole('button', { name: 'Add this decision' }).click();
  await page.locator('.error-summary').waitFor();
  await check('respond with the sharing error');
  await respondPage(page).continue();
  await recordPage(page).open();
  await check('record');

  // Raise the level one disclosure at a time through "Change" on check your answers.
  const disclose = async (id, level, where) => {
    await page.evaluate(() => { location.hash = '#/check'; });
    await expectHeading(page, 'Check your answers');
    await changeAnswer(page, label(id));
    await answerItem(page, id, ['Once', 'Yes']);
    if (where === 'ask Behaviours with a disclosure') await check(where);
    await continueOn(page);
    await expectHeading(page, 'Check your answers');
    await toResult();
    await expectHeading(page, level);
  };
  await disclose('b.shouting', /Abusive behaviour disclosed/, 'ask Behaviours with a disclosure');
  await check('result abusive behaviour disclosed');
  await disclose('b.pushing', /Significant concern/);
  await check('result significant concern');
  await disclose('b.throat_grab', /High risk: act today/);
  await check('result high risk');
  await resultPage(page).judge('Significant concern', 'Only once');
  await resultPage(page).errorSummary().waitFor();
  await check('result high risk with the refused lowering');
  await resultPage(page).continue();
  await check('respond and refer high risk');
  await respondPage(page).continue();
  await recordPage(page).open();
  await check('record high risk');
}

for (const [mode, { viewport }] of Object.entries(MODES)) {
  test(`every screen and state of the worker flow: ${{
    desktop: 'axe, 24 px targets and no motion with reduced motion, at 1280 px',
    narrow: 'axe, reflow without horizontal scrolling, nothing cut off and 24 px targets at 320 px',
    zoom200: 'axe, no horizontal scrolling and nothing cut off with text at 200 % (640 px)',
    forced: 'axe in forced colours (Windows high contrast)',
  }[mode]}`, async () => {
    const t = await openPage(app, { viewport });
    if (mode === 'desktop') await t.page.emulateMedia({ reducedMotion: 'reduce' });
    if (mode === 'forced') await t.page.emulateMedia({ forcedColors: 'active' });
    let zoomed = false;
    await walk(t.page, app.url, async (where) => {
      if (mode === 'zoom200' && !zoomed) {
        await t.page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
        zoomed = true;
      }
      await checksFor(mode, t.page, where);
    });
    t.assertClean();
    await t.close();
  });
}
