// The client's own view (issue 6) in three ways of viewing it: at 320 CSS px, with text at 200 %
// and in forced colours (Windows high contrast). One walk visits every client page type: the
// worker's handover page, the client's start page, the first question (then with its error), the
// "last 12 months" follow-up, a free-text question (then with its error), a single-choice
// question, the 0 to 10 scale, the last question, the hand-back page and its wrong-code error.
// On each: axe (WCAG 2.2 AA tags), no sideways scrolling, nothing cut off, every option and
// button at least 44 x 44 CSS px, a visible focus ring on every tab stop, and Quick exit and Back
// on screen, reachable and clear of the answers; Quick exit stays on screen as he scrolls; the
// chosen option is filled so that it shows in forced colours too. With DVA_SHOTS=<dir> set,
// full-page PNGs of each page (and of it scrolled to the end, and with focus on its first field)
// are saved there for a person to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, openPage, assertAccessible } from './harness.mjs';
import { clipped, noHorizontalScroll, saveShots, smallTargets, tabStops } from './layout.mjs';
import { expectHeading, startScreening } from './pages/worker-ask.mjs';
import {
  DONE_TITLE, RECENT_LEGEND, START_TITLE, choose, clientItems, clientProgress, enterCode, handOver, next,
  openHandover, sectionBox,
} from './pages/client.mjs';

const SHOTS = process.env.DVA_SHOTS;
const CODE = '2468';
const SECTIONS = ['behaviours', 'substance_use', 'readiness'];

/** The client's large targets: every button, option box, text field and the Back and stop links. */
const CLIENT_TARGETS = 'button, label.client-option, input:not([type=radio]), textarea, a.back-link, .client__stop a';
/** Quick exit must be at least this far (CSS px) from any answer option, button, link or field. */
const EXIT_CLEARANCE = 24;

const CONDITIONS = {
  narrow: { viewport: { width: 320, height: 640 }, hasTouch: true },
  // Text at 200 % as a11y.test.mjs does it: the root font size doubled, at 1280 px zoomed to 200 %.
  zoom200: { viewport: { width: 640, height: 800 } },
  // A phone in forced colours.
  forced: { viewport: { width: 390, height: 844 }, hasTouch: true },
};

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

/**
 * Where Quick exit and Back are: at the top of the page and at every scroll position down to the
 * bottom, in steps of 40 px, whether Quick exit is inside the viewport and the topmost element
 * at its centre (not covered); at the top, the same for Back; and the least distance between
 * Quick exit and the part of anything in the page he can tap (answer options, Continue, links,
 * fields) that is in the viewport and not under the header.
 */
async function safetyLayout(page) {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    const reach = (el) => {
      if (!el) return { present: false };
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return {
        present: true,
        onScreen: r.left >= 0 && r.right <= vw && r.top >= 0 && r.bottom <= vh,
        uncovered: Boolean(hit && (hit === el || el.contains(hit))),
      };
    };
    const exit = document.querySelector('.quick-exit__button');
    const header = document.querySelector('.app-header');
    const targets = [...document.querySelectorAll('main a, main button, main input, main textarea, main label.client-option')]
      .filter((el) => !el.closest('label.client-option') || el.matches('label'));
    const bottom = document.scrollingElement.scrollHeight - vh;
    const result = { exit: { present: Boolean(exit) }, back: null, clearance: Infinity, where: '' };
    for (let y = 0; ; y = Math.min(y + 40, bottom)) {
      window.scrollTo(0, y);
      if (y === 0) result.back = reach(document.querySelector('main a.back-link'));
      const here = reach(exit);
      if (!here.onScreen || !here.uncovered) {
        result.exit = { ...here, scrolledTo: y };
        break;
      }
      result.exit = here;
      const e = exit.getBoundingClientRect();
      const under = Math.max(0, header.getBoundingClientRect().bottom);
      for (const el of targets) {
        const r = el.getBoundingClientRect();
        const top = Math.max(r.top, under);
        const end = Math.min(r.bottom, vh);
        if (end <= top) continue;
        const dx = Math.max(0, r.left - e.right, e.left - r.right);
        const dy = Math.max(0, top - e.bottom, e.top - end);
        const d = Math.hypot(dx, dy);
        if (d < result.clearance) {
          result.clearance = d;
          result.where = `"${el.innerText.trim()}" scrolled to ${y}`;
        }
      }
      if (y >= bottom) break;
    }
    window.scrollTo(0, 0);
    return result;
  });
}

/**
 * The background of the chosen option and of the other options (not hovered), or null when none
 * is chosen. In forced colours backgrounds are forced to Canvas unless the page asks otherwise,
 * so a chosen option filled with a system colour is what makes the choice show there.
 */
async function chosenBackground(page) {
  return page.evaluate(() => {
    const boxes = [...document.querySelectorAll('label.client-option')];
    const chosen = boxes.find((b) => b.querySelector('input:checked'));
    if (!chosen) return null;
    const others = boxes.filter((b) => b !== chosen && !b.matches(':hover'));
    return { chosen: getComputedStyle(chosen).backgroundColor, others: [...new Set(others.map((b) => getComputedStyle(b).backgroundColor))] };
  });
}

/** The checks on one page, in one condition. */
async function checkPage(page, condition, where, { client = true, back = true } = {}) {
  const at = `${where} (${condition})`;
  await page.locator('main h1').waitFor();
  await assertAccessible(page, at);
  await noHorizontalScroll(page, at);
  assert.deepEqual(await clipped(page), [], `${at}: content cut off`);
  assert.deepEqual(
    await smallTargets(page, client ? { min: 44, selector: CLIENT_TARGETS } : { min: 24 }),
    [],
    `${at}: targets smaller than ${client ? 44 : 24} x ${client ? 44 : 24} CSS px`,
  );

  const background = await chosenBackground(page);
  if (background) {
    assert.ok(!background.others.includes(background.chosen), `${at}: the chosen option looks like the others (${background.chosen})`);
  }

  const layout = await safetyLayout(page);
  if (client) {
    assert.deepEqual(layout.exit, { present: true, onScreen: true, uncovered: true }, `${at}: Quick exit on screen at every scroll position`);
    assert.ok(
      layout.clearance >= EXIT_CLEARANCE,
      `${at}: Quick exit is ${layout.clearance.toFixed(0)}px from ${layout.where}, less than ${EXIT_CLEARANCE}px`,
    );
  } else {
    // The worker's own pages: Quick exit at the top of the page.
    await page.evaluate(() => window.scrollTo(0, 0));
    assert.ok(await page.locator('.quick-exit__button').isVisible(), `${at}: Quick exit at the top`);
  }
  if (back) assert.deepEqual(layout.back, { present: true, onScreen: true, uncovered: true }, `${at}: Back at the top`);
  if (condition === 'forced') {
    // Every button looks alike in forced colours: Quick exit keeps a double border of its own.
    const border = await page.locator('.quick-exit__button').evaluate((b) => getComputedStyle(b).borderTopStyle);
    assert.equal(border, 'double', `${at}: Quick exit stands out in forced colours`);
  }

  if (SHOTS) {
    await saveShots(page, SHOTS, `client-${condition}-${where}`);
    // And the screen as he sees it scrolled to the end: Quick exit still at the top.
    await page.evaluate(() => window.scrollTo(0, document.scrollingElement.scrollHeight));
    await page.screenshot({ path: `${SHOTS}/client-${condition}-${where.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}-scrolled.png` });
    await page.evaluate(() => window.scrollTo(0, 0));
  }

  // Every tab stop shows a focus ring (in forced colours, an outline: box-shadows are not painted).
  const stops = await tabStops(page, { forced: condition === 'forced' });
  const names = stops.map((s) => s.name);
  assert.ok(names.includes('Quick exit'), `${at}: Quick exit is a tab stop (${names.join(' | ')})`);
  if (back) assert.ok(names.includes('Back'), `${at}: Back is a tab stop (${names.join(' | ')})`);
  assert.deepEqual(
    stops.filter((s) => !s.ring).map((s) => `${s.tag} "${s.name}": ${s.style}`),
    [],
    `${at}: focus not visible`,
  );
  assert.deepEqual(stops.filter((s) => s.obscured).map((s) => `${s.tag} "${s.name}"`), [], `${at}: focus hidden under something`);
  if (SHOTS && client) {
    // One shot with focus on the first answer or field, to see the ring.
    const first = page.locator('main input, main textarea').first();
    if (await first.count()) {
      await first.focus();
      await saveShots(page, SHOTS, `client-${condition}-${where}-focus`);
    }
  }
}

/** Opens a client page by its address, as the app's own links do. */
async function goTo(page, hash, title) {
  await page.evaluate((h) => { location.hash = h; }, hash);
  await expectHeading(page, title);
}

/** The client walk; `check(where, options)` runs on every page type. */
async function walk(page, check) {
  await page.goto(app.url);
  await startScreening(page);
  await openHandover(page);
  await sectionBox(page, 'Substance use and abuse').check();
  await check('handover', { client: false, back: true });
  await handOver(page, CODE);

  await expectHeading(page, START_TITLE);
  await check('start', { back: false });
  await page.getByRole('button', { name: 'Start', exact: true }).click();

  const items = clientItems(SECTIONS);
  const item = (id) => items.find((i) => i.id === id);
  await expectHeading(page, item('b.shouting').client_wording);
  assert.equal(await clientProgress(page), `Question 1 of ${items.length}`);
  await check('first question');
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await page.locator('.error-summary').waitFor();
  await check('first question with an error');
  await choose(page, 'Once');
  await next(page);

  await expectHeading(page, RECENT_LEGEND);
  await check('last 12 months');
  await choose(page, 'Yes');
  await next(page);

  await goTo(page, '#/client/q/subst.main', item('subst.main').client_wording);
  await check('free-text question');
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await page.locator('.error-summary').waitFor();
  await check('free-text question with an error');
  await page.getByRole('textbox').fill('Cannabis mostly');
  await next(page);

  await expectHeading(page, item('subst.status').client_wording);
  await check('single-choice question');

  await goTo(page, '#/client/q/ready.importance', item('ready.importance').client_wording);
  await choose(page, '7');
  await check('scale question with a choice');

  const last = items.at(-1);
  await goTo(page, `#/client/q/${last.id}`, last.client_wording);
  assert.equal(await clientProgress(page), `Question ${items.length} of ${items.length}`);
  await choose(page, 'Prefer not to say');
  await check('last question with a choice');
  await next(page);

  await expectHeading(page, DONE_TITLE);
  await check('done');
  for (const wrong of ['1357', '9999', '0000']) {
    await enterCode(page, wrong);
    await page.getByRole('link', { name: 'That code is not right. Try again.' }).waitFor();
  }
  await page.getByText(/Forgotten the code\?/).waitFor();
  await check('hand-back with a wrong code');

  await enterCode(page, CODE);
  await expectHeading(page, 'Check your answers');
}

for (const [condition, options] of Object.entries(CONDITIONS)) {
  test(`every client page type: axe, reflow, 44 px targets, visible focus, Quick exit and Back (${{
    narrow: '320 x 640',
    zoom200: 'text at 200 %',
    forced: 'forced colours',
  }[condition]})`, async () => {
    const t = await openPage(app, options);
    if (condition === 'forced') await t.page.emulateMedia({ forcedColors: 'active' });
    await walk(t.page, async (where, opts) => {
      if (condition === 'zoom200') {
        await t.page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
      }
      await checkPage(t.page, condition, where, opts);
    });
    t.assertClean();
    await t.close();
  });
}

/** From a fresh page: starts a screening, hands over with the default sections, and opens the client's first question. */
async function toFirstQuestion(page) {
  await page.goto(app.url);
  await startScreening(page);
  await openHandover(page);
  await handOver(page, CODE);
  await expectHeading(page, START_TITLE);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expectHeading(page, clientItems(SECTIONS)[0].client_wording);
}

test('on a short screen (1280 x 1024 at 400 %: 320 x 256) the header scrolls away instead of covering a third of it', async () => {
  const t = await openPage(app, { viewport: { width: 320, height: 256 } });
  const { page } = t;
  await toFirstQuestion(page);
  await assertAccessible(page, 'first question (320 x 256)');
  await noHorizontalScroll(page, 'first question (320 x 256)');
  assert.deepEqual(await clipped(page), [], 'first question (320 x 256): content cut off');
  assert.ok(await page.locator('.quick-exit__button').isVisible(), 'Quick exit at the top');
  const headerBottom = await page.evaluate(() => {
    window.scrollTo(0, 400);
    return document.querySelector('.app-header').getBoundingClientRect().bottom;
  });
  assert.ok(headerBottom <= 0, `the header still takes ${headerBottom}px of a 256px screen when scrolled`);
  t.assertClean();
  await t.close();
});

test('the client checks fail on real problems (small option, hidden focus, chosen not shown, covered Quick exit, no band under it)', async () => {
  const t = await openPage(app, CONDITIONS.narrow);
  const { page } = t;
  await toFirstQuestion(page);
  await checkPage(page, 'narrow', 'first question (unbroken)');

  /**
   * Adds CSS for one case (a constructed style sheet: the page's CSP rightly refuses inline
   * style elements); the returned function takes it away again.
   */
  const breakWith = async (css) => {
    await page.evaluate((text) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }, css);
    return () => page.evaluate(() => { document.adoptedStyleSheets = []; });
  };

  // A small option box.
  let undo = await breakWith('label.client-option { min-height: 0 !important; padding: 0 !important; } .client-option__input { width: 16px !important; height: 16px !important; }');
  await assert.rejects(checkPage(page, 'narrow', 'small options'), /targets smaller than 44 x 44[\s\S]*label "Never/);
  await undo();

  // No focus ring anywhere.
  undo = await breakWith('*:focus, *:focus-visible, label:has(:focus-visible) { outline: none !important; box-shadow: none !important; }');
  await assert.rejects(checkPage(page, 'narrow', 'no focus ring'), /focus not visible/);
  await undo();

  // In forced colours a box-shadow ring alone does not count.
  await page.emulateMedia({ forcedColors: 'active' });
  undo = await breakWith('button:focus-visible { outline: none !important; box-shadow: 0 0 0 3px red !important; }');
  await assert.rejects(checkPage(page, 'forced', 'shadow-only ring'), /focus not visible[\s\S]*button "Continue"/);
  await undo();
  await page.emulateMedia({ forcedColors: 'none' });

  // A chosen option that looks like the others.
  await choose(page, 'Once');
  undo = await breakWith('.client-option.client-option { background: Canvas !important; forced-color-adjust: auto !important; }');
  await assert.rejects(checkPage(page, 'narrow', 'chosen like the others'), /the chosen option looks like the others/);
  await undo();

  // A panel fixed over the lower half of the screen: what Tab brings into view is under it.
  undo = await breakWith('main::after { content: ""; position: fixed; inset: auto 0 0 0; height: 50vh; background: white; z-index: 50; }');
  await assert.rejects(checkPage(page, 'narrow', 'panel over the lower half'), /focus hidden under something[\s\S]*button "Continue"/);
  await undo();

  // Something over Quick exit.
  undo = await breakWith('main::before { content: ""; position: fixed; inset: 0 0 auto 0; height: 120px; background: white; z-index: 50; }');
  await assert.rejects(checkPage(page, 'narrow', 'covered Quick exit'), /Quick exit on screen at every scroll position/);
  await undo();

  // No band under Quick exit: scrolled, an option comes to sit right under it.
  undo = await breakWith('.app--client .app-header__inner { padding-bottom: 0 !important; } .quick-exit__hint { display: none !important; }');
  await assert.rejects(checkPage(page, 'narrow', 'no band under Quick exit'), /Quick exit is \d+px from "[^"]+" scrolled to \d+/);
  await undo();
  await checkPage(page, 'narrow', 'first question (mended)');
  t.assertClean();
  await t.close();
});
