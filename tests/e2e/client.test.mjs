// Client self-complete mode: the worker hands the device over, the client answers one question
// per page in plain words, gives it back, and the worker's code returns to the worker pages.
// On every client page the whole DOM and the title are searched for result wording.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, openPage, assertAccessible } from './harness.mjs';
import {
  answerFrequency, changeAnswer, checkAnswer, continueOn, expectHeading, heading, startScreening, writeNotes,
} from './pages/worker-ask.mjs';
import {
  DONE_TITLE, RECENT_LEGEND, START_TITLE, assertNothingOfTheResult, back, choose, clientItems,
  clientProgress, enterCode, handOver, itemByClientWording, next, openHandover, optionSizes,
  sectionBox,
} from './pages/client.mjs';

const PHONE = { width: 390, height: 844 };
const CODE = '2468';
const NOTE = 'WORKER-NOTE-QX81 he seemed tense';
const SECTIONS = ['behaviours', 'readiness'];
const THROAT = 'b.throat_grab';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

/** The client's answer to each of his questions in this story. */
function answerFor(item) {
  if (item.id === THROAT) return 'Once';
  if (item.response.type === 'frequency') return 'Never';
  if (item.response.type === 'scale') return '6';
  if (item.id === 'ready.stage') return 'I am thinking about it';
  return 'Prefer not to say';
}

test('a full handover at phone width: plain questions, nothing of the result, code to hand back, high risk after', async () => {
  const t = await openPage(app, { viewport: PHONE, hasTouch: true, isMobile: true });
  const { page } = t;
  await page.goto(app.url);
  await startScreening(page);
  await writeNotes(page, NOTE);
  await openHandover(page);
  await assertAccessible(page, 'the handover page');

  // Defaults: the behaviours and readiness; the privacy check is never offered.
  assert.ok(await sectionBox(page, 'Behaviours in relationships').isChecked());
  assert.ok(await sectionBox(page, 'Readiness to change').isChecked());
  assert.equal(await sectionBox(page, 'Relationship').isChecked(), false);
  assert.equal(await sectionBox(page, 'Setting and consent').count(), 0);

  // The code must be 4 digits typed twice the same.
  await handOver(page, CODE, '2469');
  await page.getByRole('link', { name: 'The 2 codes are different. Type the same code twice' }).waitFor();
  await assertAccessible(page, 'the handover page with an error');
  await handOver(page, CODE);

  // The client's first page.
  await expectHeading(page, START_TITLE);
  const expected = clientItems(SECTIONS);
  assert.match(await page.locator('main').innerText(), new RegExp(`There are ${expected.length} questions\\.`));
  assert.match(await page.locator('main').innerText(), /Prefer not to say/);
  await assertNothingOfTheResult(page, 'the client start page', [NOTE]);
  await assertAccessible(page, 'the client start page');
  // Neutral titles in the client view: the tab and the history say nothing of his questions.
  assert.equal(await page.title(), 'New tab');

  // Typing a worker address while he holds the device brings back his own first page.
  for (const hash of ['#/result', '#/check', '#/ask/behaviours', '#/record', '#/handover']) {
    await page.evaluate((h) => { location.hash = h; }, hash);
    // The guard puts his first page's address back in place of the typed one.
    await page.waitForFunction(() => location.hash === '#/client');
    await expectHeading(page, START_TITLE);
    await assertNothingOfTheResult(page, `after typing ${hash}`, [NOTE]);
  }

  await page.getByRole('button', { name: 'Start', exact: true }).tap();
  // The first question, not the start page still on screen (a busy machine renders late).
  await page.waitForFunction((s) => (document.querySelector('main h1')?.innerText ?? s).trim() !== s, START_TITLE);
  let seen = 0;
  let checkedErrorState = false;
  let checkedBack = false;
  let sawRecent = false;
  for (let guard = 0; guard < 80; guard += 1) {
    const title = (await heading(page).innerText()).trim();
    if (title === DONE_TITLE) break;
    const where = `client page "${title}"`;
    await assertNothingOfTheResult(page, where, [NOTE]);
    await assertAccessible(page, where);
    // Large targets for unsteady hands: every option at least 44 x 44.
    for (const s of await optionSizes(page)) {
      assert.ok(s.width >= 44 && s.height >= 44, `${s.text} is ${s.width}x${s.height} on ${where}`);
    }
    assert.ok(await page.getByRole('radio', { name: 'Prefer not to say', exact: true }).isVisible(), `Prefer not to say on ${where}`);
    assert.ok(await page.getByRole('link', { name: 'Back', exact: true }).isVisible(), `Back on ${where}`);

    if (title === RECENT_LEGEND) {
      sawRecent = true;
      assert.match(await page.locator('main').innerText(), /grabbed a partner by the throat or neck\?[\s\S]*You said: Once/);
      await choose(page, 'Yes', { touch: true });
      await next(page);
      continue;
    }
    const item = itemByClientWording(title);
    assert.ok(item, `the heading "${title}" is a client wording`);
    assert.ok(!item.worker_only && SECTIONS.includes(item.section), item.id);
    seen += 1;
    assert.equal(await clientProgress(page), `Question ${seen} of ${expected.length}`);
    assert.equal(await page.title(), 'New tab', `the title on ${where}`);

    if (!checkedErrorState) {
      // Continue with nothing chosen: a GOV.UK error, linked to the options.
      checkedErrorState = true;
      await page.getByRole('button', { name: 'Continue', exact: true }).tap();
      await page.getByRole('link', { name: 'Pick an answer. You can pick ‘Prefer not to say’.' }).waitFor();
      await assertAccessible(page, `${where} with an error`);
      await assertNothingOfTheResult(page, `${where} with an error`, [NOTE]);
    }
    await choose(page, answerFor(item), { touch: true });
    if (seen === 2 && !checkedBack) {
      // Back keeps his earlier answer.
      checkedBack = true;
      await back(page);
      assert.ok(await page.getByRole('radio', { name: answerFor(expected[0]), exact: true }).isChecked());
      await next(page);
      seen -= 1; // the loop meets question 2 again
      continue;
    }
    await next(page);
  }
  assert.equal(seen, expected.length, 'every client question was asked once');
  assert.ok(sawRecent, 'the last-12-months page followed the disclosure');

  // The hand-back page: nothing of the result, and the worker's code is needed.
  await expectHeading(page, DONE_TITLE);
  assert.match(await page.locator('main').innerText(), /give this back to your worker/);
  await assertNothingOfTheResult(page, 'the hand-back page', [NOTE]);
  await assertAccessible(page, 'the hand-back page');
  for (const wrong of ['1357', '', '24680']) {
    await enterCode(page, wrong);
    await page.getByRole('link', { name: 'That code is not right. Try again.' }).waitFor();
    await expectHeading(page, DONE_TITLE);
  }
  assert.match(await page.locator('main').innerText(), /Forgotten the code\? Press Quick exit/);
  await assertNothingOfTheResult(page, 'the hand-back page after wrong codes', [NOTE]);
  await assertAccessible(page, 'the hand-back page with an error');

  await enterCode(page, CODE);
  await expectHeading(page, 'Check your answers');
  assert.equal(await page.locator('.steps').count(), 1, 'the worker layout is back');
  assert.match(await checkAnswer(page, itemOf(THROAT).label), /Once; in the last 12 months: yes[\s\S]*self-completed/);
  assert.match(await checkAnswer(page, itemOf('b.pushing').label), /Never[\s\S]*self-completed/);
  // The worker goes through it with him and changes one: it is marked as changed.
  await changeAnswer(page, itemOf('b.pushing').label);
  await answerFrequency(page, itemOf('b.pushing').worker_wording, 'Once', 'Yes');
  await continueOn(page);
  await expectHeading(page, 'Check your answers');
  assert.match(await checkAnswer(page, itemOf('b.pushing').label), /changed after discussion/);
  assert.match(await checkAnswer(page, itemOf(THROAT).label), /self-completed/);
  // The worker's note is still there for him.
  assert.match(await page.locator('main').innerText(), /WORKER-NOTE-QX81/);

  // The result: high risk.
  await page.getByRole('button', { name: 'Continue to the result' }).click();
  await page.waitForFunction(() => location.hash === '#/result');
  assert.match(await page.locator('main').innerText(), /High risk/);
  // The summary says the screening was partly self-completed, though the start page said the
  // worker would ask.
  await page.evaluate(() => { location.hash = '#/record'; });
  await expectHeading(page, 'Referral summary');
  assert.match(
    await page.locator('#record-plain-text').textContent(),
    /Completed: worker-administered; the client answered some sections himself with the worker present/,
  );
  t.assertClean();
  await t.close();
});

function itemOf(id) {
  return clientItems(['behaviours', 'readiness', 'relationship']).find((i) => i.id === id);
}

/** The focused element and whether it shows a visible focus indicator. */
async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const s = getComputedStyle(el);
    const box = el.closest('label.client-option');
    const boxStyle = box ? getComputedStyle(box) : null;
    const yellow = (v) => /rgb\(255, 221, 0\)/.test(v);
    return {
      tag: el.tagName.toLowerCase(),
      type: el.getAttribute('type'),
      name: el.innerText?.trim() || el.closest('label')?.innerText.trim() || el.getAttribute('aria-label') || '',
      visible: yellow(s.boxShadow) || yellow(s.outlineColor) && s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2
        || (boxStyle && yellow(boxStyle.outlineColor) && boxStyle.outlineStyle !== 'none'),
      background: s.backgroundColor,
    };
  });
}

async function press(page, key) {
  await page.keyboard.press(key);
}

async function waitForHeadingFocus(page, text) {
  await expectHeading(page, text);
  await page.waitForFunction(() => document.activeElement === document.querySelector('main h1'));
}

test('the client view by keyboard alone: Tab, Shift+Tab, arrows, Space and Enter, with visible focus', async () => {
  const t = await openPage(app);
  const { page } = t;
  await page.goto(app.url);
  await startScreening(page);
  await openHandover(page);
  // Only readiness, to keep the run short.
  await sectionBox(page, 'Behaviours in relationships').uncheck();
  await handOver(page, CODE);
  await waitForHeadingFocus(page, START_TITLE);

  // From here on, only the keyboard.
  await press(page, 'Tab');
  let f = await focused(page);
  assert.equal(f.name, 'Start');
  assert.ok(f.visible, 'focus is visible on Start');
  await press(page, 'Enter');

  const readiness = clientItems(['readiness']);
  await waitForHeadingFocus(page, readiness[0].client_wording);
  // Tab reaches the first option; arrows move and choose; Space chooses.
  await press(page, 'Tab');
  f = await focused(page);
  assert.equal(f.type, 'radio');
  assert.ok(f.visible, 'focus is visible on the first option');
  await press(page, 'ArrowDown');
  await press(page, 'Space');
  f = await focused(page);
  assert.equal(f.name, 'I am thinking about it');
  assert.ok(await page.getByRole('radio', { name: 'I am thinking about it' }).isChecked());
  // Tab leaves the group for Continue; Shift+Tab comes back to the chosen option.
  await press(page, 'Tab');
  f = await focused(page);
  assert.equal(f.name, 'Continue');
  assert.ok(f.visible, 'focus is visible on Continue');
  await press(page, 'Shift+Tab');
  f = await focused(page);
  assert.equal(f.name, 'I am thinking about it');
  await press(page, 'Tab');
  await press(page, 'Enter');

  // The scale: arrows through the numbers.
  await waitForHeadingFocus(page, readiness[1].client_wording);
  assert.equal(await clientProgress(page), `Question 2 of ${readiness.length}`);
  await press(page, 'Tab');
  await press(page, 'Space');
  for (let i = 0; i < 7; i += 1) await press(page, 'ArrowRight');
  f = await focused(page);
  assert.equal(f.name, '7');
  assert.ok(f.visible, 'focus is visible on a number');
  await press(page, 'Tab');
  await press(page, 'Enter');

  // Skipping with "Prefer not to say": the last option, reached with the arrows.
  await waitForHeadingFocus(page, readiness[2].client_wording);
  await press(page, 'Tab');
  await press(page, 'ArrowUp');
  f = await focused(page);
  assert.equal(f.name, 'Prefer not to say');
  assert.ok(f.visible, 'focus is visible on Prefer not to say');
  await press(page, 'Tab');
  await press(page, 'Enter');

  // Stop early: Tab past Continue to the stop link.
  await waitForHeadingFocus(page, readiness[3].client_wording);
  await press(page, 'Tab');
  await press(page, 'Tab');
  await press(page, 'Tab');
  f = await focused(page);
  assert.equal(f.name, 'Stop now and give this back to your worker');
  assert.ok(f.visible, 'focus is visible on the stop link');
  await press(page, 'Enter');

  await waitForHeadingFocus(page, DONE_TITLE);
  await press(page, 'Tab');
  f = await focused(page);
  assert.equal(f.tag, 'input');
  assert.ok(f.visible, 'focus is visible on the code field');
  await page.keyboard.type('9999');
  await press(page, 'Enter');
  await page.getByRole('link', { name: 'That code is not right. Try again.' }).waitFor();
  // The error summary takes focus; Tab goes to its link, Enter back to the field.
  await press(page, 'Tab');
  await press(page, 'Enter');
  f = await focused(page);
  assert.equal(f.tag, 'input');
  await page.keyboard.type(CODE);
  await press(page, 'Enter');
  await expectHeading(page, 'Check your answers');
  assert.match(await checkAnswer(page, 'Stage of change'), /Thinking about changing[\s\S]*self-completed/);
  t.assertClean();
  await t.close();
});
