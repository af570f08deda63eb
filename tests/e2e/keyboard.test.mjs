// The whole keyworker flow with the keyboard alone, from the start page to the record: Tab,
// Shift+Tab, arrow keys, Space and Enter, typing with the keyboard. No click, check or fill.
// Along the way: every control reached shows a visible focus indicator, and every page change
// puts focus on the new page's main heading and changes the document title.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, openPage } from './harness.mjs';
import {
  assertVisibleFocus, chooseRadio, expectPageChange, focused, press, tabUntil, typeInto,
} from './pages/keyboard.mjs';
import { askedSections, definition, label, quietAnswers, wording } from './pages/worker-flow.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

/** Answers one item with the keyboard: radios by arrows, free text by typing. */
async function answerByKeyboard(page, id, value) {
  const item = definition.items.find((i) => i.id === id);
  if (item.response.type === 'free_text') {
    await typeInto(page, item.worker_wording, value);
    return;
  }
  const [choice, last12] = Array.isArray(value) ? value : [value];
  await chooseRadio(page, item.worker_wording, choice);
  if (last12) {
    // The follow-up appears right after the disclosure and is the next Tab stop.
    await chooseRadio(page, new RegExp(`^Did this happen in the last 12 months\\?.*\\(${label(id)}\\)`), last12, { max: 3 });
  }
}

test('the keyworker flow from the start page to the record with the keyboard alone', async () => {
  const t = await openPage(app, { acceptDownloads: true });
  const { page } = t;
  await page.goto(app.url);
  await page.locator('main h1').waitFor();

  // The first Tab reaches the skip link, which takes focus to the main heading.
  await tabUntil(page, (f) => f.tag === 'a' && f.name === 'Skip to main content', { max: 1, what: 'the skip link' });
  await assertVisibleFocus(page, 'the skip link');
  await page.keyboard.press('Enter');
  assert.equal((await focused(page)).tag, 'h1', 'the skip link moves focus to the main heading');

  // Continue with nothing filled in: the error summary takes focus, its link takes us to the field.
  await press(page, 'Continue');
  await page.waitForFunction(() => document.activeElement?.matches('.error-summary'));
  await press(page, /^Enter a client reference/, { max: 3 });
  const field = await focused(page);
  assert.equal(field.name, 'Client reference', 'the error link moves focus to its field');
  await assertVisibleFocus(page, 'the client reference field, from the error summary');
  await page.keyboard.type('KB-1');
  // Back up with Shift+Tab to fill in the fields above it.
  await typeInto(page, 'Your service', 'Eastside Recovery', { backwards: true });
  await typeInto(page, 'Your name', 'Kim Keys', { backwards: true });
  await chooseRadio(page, wording('set.alone'), 'Yes');
  await chooseRadio(page, wording('set.confidentiality'), 'Yes');
  await chooseRadio(page, wording('set.consent'), 'Yes');
  await chooseRadio(page, wording('set.completed_by'), 'Worker asks and records the answers');
  await chooseRadio(page, wording('set.interpreter'), 'No interpreter needed');
  let title = await page.title();
  await press(page, 'Continue');

  // Every section: answered in order with arrows, Space and typing; one disclosure, so the
  // "last 12 months" question appears and is reached next.
  const answers = { ...quietAnswers(), 'b.shouting': ['Once', 'Yes'] };
  for (const section of askedSections) {
    await expectPageChange(page, title, section.title);
    for (const item of definition.items.filter((i) => i.section === section.id)) {
      if (item.id in answers) await answerByKeyboard(page, item.id, answers[item.id]);
    }
    if (section.id === 'relationship') {
      // Shift+Tab back to the first question: focus rests on the chosen answer.
      const first = await tabUntil(page, (f) => f.legend === wording('rel.current_partner'), { backwards: true, what: 'the first question' });
      assert.equal(first.name, 'Yes');
      assert.ok(first.checked);
      await assertVisibleFocus(page, 'a chosen radio, reached with Shift+Tab');
    }
    if (section.id === 'behaviours') {
      await typeInto(page, "The client's own words", 'I only raise my voice.');
    }
    title = await page.title();
    await press(page, 'Continue');
  }

  // Check your answers: "Change" goes to the question and "Save and return" comes back.
  await expectPageChange(page, title, 'Check your answers');
  title = await page.title();
  await press(page, `Change ${label('b.shouting')}`);
  await page.waitForFunction(() => document.activeElement?.matches('input[type=radio]'));
  const atQuestion = await focused(page);
  assert.equal(atQuestion.legend, wording('b.shouting'), 'Change puts focus on its question');
  assert.equal(atQuestion.name, 'Once');
  await assertVisibleFocus(page, 'the question reached by Change');
  await page.keyboard.press('ArrowDown');
  assert.equal((await focused(page)).name, '2 to 10 times');
  const askTitle = await page.title();
  assert.notEqual(askTitle, title);
  await press(page, 'Save and return to check your answers');
  await expectPageChange(page, askTitle, 'Check your answers');
  const row = await page.locator('.summary-list__row', { hasText: label('b.shouting') }).innerText();
  assert.match(row, /2 to 10 times/);
  title = await page.title();
  await press(page, 'Continue to the result');

  // The result: open a finding's answers, record a judgement that raises the level.
  await expectPageChange(page, title, /Abusive behaviour disclosed/);
  await press(page, /^Show the answers behind this/);
  assert.ok(await page.locator('.result__details').first().evaluate((d) => d.open), 'Enter opens the details');
  await chooseRadio(page, 'Level of concern in your judgement', 'Significant concern');
  await typeInto(page, 'Why you judge this level', 'He shouted at me twice in this session.');
  await press(page, 'Record my judgement');
  await page.locator('.result__compare').waitFor();
  assert.match(await page.locator('main h1').innerText(), /Significant concern/);
  title = await page.title();
  await press(page, 'Continue to respond and refer');

  // Respond and refer: mark an action and record a sharing decision.
  await expectPageChange(page, title, 'Respond and refer');
  await chooseRadio(page, 'What happened with: Discuss with your safeguarding lead this week', 'Done');
  await typeInto(page, 'Note (optional)', 'Lead agreed a review in a week.');
  await typeInto(page, 'With whom', 'Safeguarding lead');
  await chooseRadio(page, 'Did he consent to sharing?', 'Consent given');
  await chooseRadio(page, 'Was the information shared?', 'Yes');
  await typeInto(page, 'Reason for the decision', 'Same-week discussion');
  await press(page, 'Add this decision');
  await page.locator('.respond__decision').waitFor();
  title = await page.title();
  await press(page, 'Continue to the record');

  // The record: download the text with Enter.
  await expectPageChange(page, title, 'Referral summary');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    press(page, 'Download text (.txt)'),
  ]);
  const text = await (await import('node:fs/promises')).readFile(await download.path(), 'utf8');
  assert.match(text, /Client reference: KB-1/);
  assert.match(text, /Worker: Kim Keys/);
  assert.match(text, /Shouting at her: 2 to 10 times; in the last 12 months: yes/);
  assert.match(text, /Professional judgement: Significant concern/);
  assert.match(text, /Status: done\. Note: Lead agreed a review in a week\./);
  t.assertClean();
  await t.close();
});
