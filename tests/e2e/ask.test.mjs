// The keyworker's first steps: before you ask (privacy, consent, postpone), the question
// sections (conditions, Back and Forward) and check your answers (Change, gaps).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, openPage, assertAccessible } from './harness.mjs';
import {
  answerFrequency, answerYesNo, back, changeAnswer, checkAnswer, checkRow, continueOn,
  continueTo, expectHeading, fillStart, goToCheck, group, progressText, selectedOption,
  startScreening, writeNotes,
} from './pages/worker-ask.mjs';
import { definition } from './definition.mjs';

const item = (id) => definition.items.find((i) => i.id === id);
/** The question as the worker asks it (the radio group's legend). */
const q = (id) => item(id).worker_wording;
const askedSections = definition.sections.filter((s) => s.id !== 'setting');

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

test('completing the start page leads to the first section, with its progress and guidance', async () => {
  const t = await openPage(app);
  await t.page.goto(app.url);
  await startScreening(t.page, { clientRef: 'AB-17' });
  assert.equal(await progressText(t.page), `Section 1 of ${askedSections.length}`);
  assert.match(await t.page.locator('.ask__guidance').innerText(), /never tell him anything you have heard from his partner/);
  assert.match(await t.page.title(), /^Relationship/);
  await continueOn(t.page);
  await expectHeading(t.page, 'Behaviours in relationships');
  assert.equal(await progressText(t.page), `Section 2 of ${askedSections.length}`);
  // The inventory is grouped by domain, each question still its own radio group.
  for (const label of ['Emotional and verbal', 'Jealousy and control', 'Intimidation and threats', 'Physical', 'Sexual']) {
    assert.ok(await t.page.getByRole('heading', { level: 2, name: label }).isVisible(), label);
  }
  const behaviours = definition.items.filter((i) => i.section === 'behaviours' && i.response.type === 'frequency');
  for (const b of behaviours) {
    assert.equal(await group(t.page, b.worker_wording).getByRole('radio').count(), 6, b.id);
  }
  t.assertClean();
  await t.close();
});

test('postponing for privacy keeps nothing, not even after Back', async () => {
  const t = await openPage(app);
  await t.page.goto(app.url);
  const secret = 'ZQ-PRIVATE-7731';
  await fillStart(t.page, { clientRef: secret, worker: 'Worker Secretname', alone: 'No', consent: null });
  // The stop is said under the question and the postpone button appears.
  assert.match(await t.page.locator('main').innerText(), /Stop here\. Ask these questions only when he is on his own/);
  await t.page.getByRole('button', { name: 'Postpone the screening' }).click();
  await expectHeading(t.page, 'Screening postponed');
  assert.match(await t.page.locator('main').innerText(), /Arrange another appointment when you can see him on his own/);
  assert.match(await t.page.locator('main').innerText(), /Respect Phoneline: 0808 802 4040/);
  const leaks = async () => {
    const html = await t.page.content();
    const values = await t.page.$$eval('input, textarea', (els) => els.map((e) => e.value));
    return [html.includes(secret), html.includes('Secretname'), values.some((v) => v.includes(secret) || v.includes('Secretname'))];
  };
  assert.deepEqual(await leaks(), [false, false, false]);
  await t.page.goBack();
  await expectHeading(t.page, 'Before you ask');
  assert.equal(await t.page.getByLabel('Client reference').inputValue(), '');
  assert.equal(await selectedOption(t.page, /^Is the client on his own/), null);
  assert.deepEqual(await leaks(), [false, false, false]);
  t.assertClean();
  await t.close();
});

test('a family member interpreting stops the screening too', async () => {
  const t = await openPage(app);
  await t.page.goto(app.url);
  await fillStart(t.page, { interpreter: 'Yes, a family member or friend' });
  assert.ok(await t.page.getByRole('button', { name: 'Postpone the screening' }).isVisible());
  // Continue refuses, naming the stop in the error summary.
  await continueOn(t.page);
  await expectHeading(t.page, 'Before you ask');
  assert.match(await t.page.getByRole('alert').innerText(), /interpret/i);
  // Putting it right removes the stop.
  await t.page.getByRole('group', { name: /^Is an interpreter being used/ }).getByRole('radio', { name: 'Yes, a professional interpreter' }).check();
  assert.equal(await t.page.getByRole('button', { name: 'Postpone the screening' }).count(), 0);
  // A professional interpreter: their name and agency, and whether they know the family.
  await continueOn(t.page);
  await t.page.getByRole('alert').getByRole('link', { name: /Interpreter's name and agency/ }).waitFor();
  await t.page.getByLabel("The interpreter's name and the agency they work for").fill('A. Interpreter, Language Line');
  await t.page.getByRole('group', { name: /^Before you start, ask the interpreter/ }).getByRole('radio', { name: 'Yes', exact: true }).check();
  assert.ok(await t.page.getByRole('button', { name: 'Postpone the screening' }).isVisible(), 'an interpreter who knows the family stops it');
  await t.page.getByRole('group', { name: /^Before you start, ask the interpreter/ }).getByRole('radio', { name: 'No', exact: true }).check();
  await continueOn(t.page);
  await expectHeading(t.page, 'Relationship');
  t.assertClean();
  await t.close();
});

test('the start page with nothing filled in shows an error summary whose links focus the fields', async () => {
  const t = await openPage(app);
  await t.page.goto(app.url);
  await expectHeading(t.page, 'Before you ask');
  await continueOn(t.page);
  const summary = t.page.getByRole('alert');
  await summary.waitFor();
  assert.match(await summary.innerText(), /There is a problem/);
  const links = summary.getByRole('link');
  assert.equal(await links.count(), 6);
  assert.equal(await t.page.evaluate(() => document.activeElement?.classList.contains('error-summary')), true);
  await links.filter({ hasText: 'Enter a client reference' }).click();
  assert.equal(await t.page.evaluate(() => document.activeElement?.id), 'client-reference');
  await links.filter({ hasText: 'Client on his own' }).click();
  assert.equal(await t.page.evaluate(() => document.activeElement?.id), 'q-set-alone');
  // Inline messages sit with their fields, and the field names its error.
  const describedBy = await t.page.getByLabel('Client reference').getAttribute('aria-describedby');
  assert.match(describedBy, /client-reference-error/);
  assert.match(await t.page.locator('#client-reference-error').innerText(), /Enter a client reference/);
  await expectHeading(t.page, 'Before you ask');
  t.assertClean();
  await t.close();
});

test('opening a question page directly, before the start page, goes to the start page', async () => {
  const t = await openPage(app);
  await t.page.goto(`${app.url}#/ask/behaviours`);
  await expectHeading(t.page, 'Before you ask');
  assert.ok(t.page.url().endsWith('#/'));
  await t.page.goto(`${app.url}#/check`);
  await expectHeading(t.page, 'Before you ask');
  t.assertClean();
  await t.close();
});

test('children questions appear only when there are children', async () => {
  const t = await openPage(app);
  await t.page.goto(app.url);
  await startScreening(t.page);
  await continueTo(t.page, 'Children');
  const followUps = ['children.baby', 'children.present', 'children.harmed', 'children.social_care'];
  const visible = async () => Promise.all(followUps.map((id) => group(t.page, q(id)).isVisible()));
  assert.deepEqual(await visible(), [false, false, false, false]);
  await answerYesNo(t.page, q('children.any'), 'Yes');
  await group(t.page, q('children.baby')).waitFor();
  assert.deepEqual(await visible(), [true, true, true, true]);
  await answerYesNo(t.page, q('children.baby'), 'No');
  await answerYesNo(t.page, q('children.any'), 'No');
  await group(t.page, q('children.baby')).waitFor({ state: 'detached' });
  assert.deepEqual(await visible(), [false, false, false, false]);
  t.assertClean();
  await t.close();
});

test('browser Back and Forward between sections keep every answer and note', async () => {
  const t = await openPage(app);
  await t.page.goto(app.url);
  await startScreening(t.page);
  await answerYesNo(t.page, q('rel.current_partner'), 'Yes');
  await answerYesNo(t.page, q('rel.living_together'), 'No');
  await writeNotes(t.page, 'We split up "for good" last week <b>honest</b>');
  await continueOn(t.page);
  await expectHeading(t.page, 'Behaviours in relationships');
  await answerFrequency(t.page, q('b.pushing'), 'Once', 'Yes');
  await answerFrequency(t.page, q('b.shouting'), 'More than 20 times');

  await t.page.goBack();
  await expectHeading(t.page, 'Relationship');
  assert.equal(await selectedOption(t.page, q('rel.current_partner')), 'Yes');
  assert.equal(await selectedOption(t.page, q('rel.living_together')), 'No');
  assert.equal(await t.page.getByLabel("The client's own words").inputValue(), 'We split up "for good" last week <b>honest</b>');

  await t.page.goForward();
  await expectHeading(t.page, 'Behaviours in relationships');
  assert.equal(await selectedOption(t.page, q('b.pushing')), 'Once');
  assert.equal(await selectedOption(t.page, q('b.shouting')), 'More than 20 times');
  const recency = t.page.locator('.question').filter({ has: group(t.page, q('b.pushing')) })
    .getByRole('group', { name: /last 12 months/ });
  assert.equal(await recency.getByRole('radio', { name: 'Yes', exact: true }).isChecked(), true);

  // The page's own Back link goes to the previous section too.
  await back(t.page);
  await expectHeading(t.page, 'Relationship');
  assert.equal(await selectedOption(t.page, q('rel.living_together')), 'No');
  t.assertClean();
  await t.close();
});

test('"Change" on check your answers goes to the question and "Save and return" comes back', async () => {
  const t = await openPage(app);
  await t.page.goto(app.url);
  await startScreening(t.page, { clientRef: 'CH-22' });
  await continueOn(t.page);
  await answerFrequency(t.page, q('b.pushing'), '2 to 10 times', 'No');
  await goToCheck(t.page);
  assert.equal(await checkAnswer(t.page, item('b.pushing').label), '2 to 10 times; in the last 12 months: no');

  await changeAnswer(t.page, item('b.pushing').label);
  await expectHeading(t.page, 'Behaviours in relationships');
  // Focus lands on the question itself, not just the page: on its chosen answer, as Tab would.
  await t.page.waitForFunction(() => document.activeElement?.name === 'q-b-pushing' && document.activeElement.checked);
  assert.equal(await t.page.evaluate(() => document.activeElement.value), '2_10');
  await answerFrequency(t.page, q('b.pushing'), 'More than 20 times', 'Yes');
  await t.page.getByRole('button', { name: 'Save and return to check your answers' }).click();
  await expectHeading(t.page, 'Check your answers');
  assert.equal(await checkAnswer(t.page, item('b.pushing').label), 'More than 20 times; in the last 12 months: yes');

  // Setting answers and details change on the start page, and come back the same way.
  await changeAnswer(t.page, 'Client reference');
  await expectHeading(t.page, 'Before you ask');
  await t.page.waitForFunction(() => document.activeElement?.id === 'client-reference');
  await t.page.getByLabel('Client reference').fill('CH-23');
  await t.page.getByRole('button', { name: 'Save and return to check your answers' }).click();
  await expectHeading(t.page, 'Check your answers');
  assert.equal(await checkAnswer(t.page, 'Client reference'), 'CH-23');

  // Once back on check, "Change" is over: Back to the question page shows Continue again.
  await changeAnswer(t.page, item('rel.current_partner').label);
  await expectHeading(t.page, 'Relationship');
  // Not answered: the group's first option takes focus.
  await t.page.waitForFunction(() => document.activeElement?.id === 'q-rel-current_partner');
  await t.page.getByRole('button', { name: 'Save and return to check your answers' }).click();
  await expectHeading(t.page, 'Check your answers');
  await t.page.goBack();
  await expectHeading(t.page, 'Relationship');
  assert.equal(await t.page.getByRole('button', { name: 'Continue', exact: true }).count(), 1);
  assert.equal(await t.page.getByRole('button', { name: /Save and return/ }).count(), 0);
  t.assertClean();
  await t.close();
});

test('unanswered and prefer-not-to-say answers are highlighted and counted on check', async () => {
  const t = await openPage(app);
  await t.page.goto(app.url);
  await startScreening(t.page);
  await answerYesNo(t.page, q('rel.current_partner'), 'No');
  await answerYesNo(t.page, q('rel.pregnant'), 'Prefer not to say');
  const hostile = `<script>alert(1)</script> ${'x'.repeat(3000)} שלום 🙂`;
  await writeNotes(t.page, hostile);
  await continueOn(t.page);
  await answerFrequency(t.page, q('b.slapping'), 'Prefer not to say');
  await goToCheck(t.page);

  const gapRows = t.page.locator('.check__row--gap');
  const gaps = await gapRows.count();
  assert.ok(gaps > 40, `most questions are still unanswered (${gaps})`);
  assert.match(await t.page.locator('.check__gaps').innerText(), new RegExp(`^${gaps} questions have no answer`));

  assert.equal(await checkAnswer(t.page, item('rel.current_partner').label), 'No');
  assert.equal(await checkRow(t.page, item('rel.current_partner').label).locator('.tag').count(), 0);
  assert.equal(await checkAnswer(t.page, item('rel.pregnant').label), 'Prefer not to say');
  assert.equal(await checkRow(t.page, item('rel.pregnant').label).locator('.tag').count(), 1);
  assert.equal(await checkAnswer(t.page, item('b.slapping').label), 'Prefer not to say');
  assert.equal(await checkAnswer(t.page, item('b.kicking').label), 'Not answered');
  assert.ok(await checkRow(t.page, item('b.kicking').label).evaluate((r) => r.classList.contains('check__row--gap')));
  // Hidden questions are not listed: no partner, so "lives with partner" was never asked.
  assert.equal(await checkRow(t.page, item('rel.living_together').label).count(), 0);
  // Notes are shown verbatim, as text.
  const notes = t.page.locator('.check__note');
  assert.equal(await notes.first().textContent(), hostile);
  assert.equal(await t.page.locator('main script').count(), 0);
  const overflow = await t.page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  assert.equal(overflow, false, 'long notes must wrap');
  await t.page.getByRole('button', { name: 'Continue to the result' }).click();
  await expectHeading(t.page, /./);
  assert.ok(t.page.url().endsWith('#/result'));
  t.assertClean();
  await t.close();
});

test('every screen of the first steps passes axe (WCAG 2.2 AA), errors, stops and reveals included', async () => {
  const t = await openPage(app);
  await t.page.goto(app.url);
  await expectHeading(t.page, 'Before you ask');
  await assertAccessible(t.page, 'start');
  await continueOn(t.page);
  await assertAccessible(t.page, 'start with errors');
  await fillStart(t.page, { alone: 'No', interpreter: 'Yes, a family member or friend' });
  await assertAccessible(t.page, 'start with stops');
  await answerYesNo(t.page, q('set.alone'), 'Yes');
  await t.page.getByRole('group', { name: /^Is an interpreter being used/ }).getByRole('radio', { name: 'No interpreter needed' }).check();
  await continueOn(t.page);
  await expectHeading(t.page, 'Relationship');
  await answerYesNo(t.page, q('rel.current_partner'), 'Yes');
  await assertAccessible(t.page, 'relationship');
  await continueOn(t.page);
  await answerFrequency(t.page, q('b.throat_grab'), 'Once', 'Not sure');
  await assertAccessible(t.page, 'behaviours');
  await continueTo(t.page, 'Substance use and abuse');
  await t.page.getByLabel(q('subst.main')).fill('Alcohol');
  await assertAccessible(t.page, 'substance use');
  await continueTo(t.page, 'Readiness to change');
  await assertAccessible(t.page, 'readiness');
  await goToCheck(t.page);
  await assertAccessible(t.page, 'check your answers');
  await t.page.goto(`${app.url}#/postponed`);
  await expectHeading(t.page, 'Screening postponed');
  await assertAccessible(t.page, 'postponed');
  t.assertClean();
  await t.close();
});
