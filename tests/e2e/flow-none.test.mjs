// One whole screening entered through the UI with no disclosure: a partner, no children, every
// behaviour "Never". The result says "No abuse disclosed in this screen" with the minimisation
// caveat, never "safe" or "low risk"; no red flag; the specialist referral is still offered; the
// plain-text summary carries the questionnaire's id and version, the client reference and the
// caveats.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, openPage, assertAccessible } from './harness.mjs';
import { expectHeading, startScreening } from './pages/worker-ask.mjs';
import { resultPage, respondPage, recordPage } from './pages/worker-result.mjs';
import { answerAllSections, definition, FORBIDDEN_WORDS, quietAnswers } from './pages/worker-flow.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

const MINIMISATION = /Men who use abuse often play it down or deny it/;

function assertNoReassurance(text, where) {
  for (const word of FORBIDDEN_WORDS) assert.doesNotMatch(text, word, `${where} must never say ${word}`);
}

test('no disclosure: "No abuse disclosed in this screen", the minimisation caveat, never "safe", the referral still offered, summary filed', async () => {
  const t = await openPage(app, { acceptDownloads: true });
  await t.page.goto(app.url);
  await startScreening(t.page, { clientRef: 'ND-07' });
  await answerAllSections(t.page, quietAnswers());
  await t.page.getByRole('button', { name: 'Continue to the result' }).click();

  const result = resultPage(t.page);
  await expectHeading(t.page, /No abuse disclosed in this screen/);
  assert.equal(await result.level(), 'Level of concern No abuse disclosed in this screen');
  const resultText = await t.page.locator('body').innerText();
  assert.match(resultText, MINIMISATION);
  assert.match(resultText, /No red flag was raised by the answers given\./);
  assert.equal(await t.page.locator('.result__flag').count(), 0, 'no red flag is listed');
  assert.doesNotMatch(resultText, /This screen is incomplete/, 'every question was answered');
  assertNoReassurance(resultText, 'the result');
  await assertAccessible(t.page, 'the result (no abuse disclosed)');

  // The judgement form's error state: nothing chosen.
  await t.page.getByRole('button', { name: 'Record my judgement' }).click();
  await result.errorSummary().getByRole('link', { name: 'Choose the level of concern in your judgement' }).waitFor();
  await assertAccessible(t.page, 'the result (no abuse disclosed) with the judgement error');

  await result.continue();
  const respond = respondPage(t.page);
  const titles = await respond.actionTitles();
  // The specialist referral is always available, at the next review when nothing was disclosed.
  assert.ok(
    titles.some((s) => /^(Urgency: )?At next review Referral to a specialist assessment or perpetrator programme$/.test(s)),
    titles.join(' | '),
  );
  const referral = respond.action('Referral to a specialist assessment or perpetrator programme');
  assert.match(await referral.innerText(), /Why: Always available, whatever the level/);
  // Nothing disclosed: no same-day or children's actions.
  assert.ok(!titles.some((s) => /safeguarding lead today|children's safeguarding|999/.test(s)), titles.join(' | '));
  assertNoReassurance(await t.page.locator('body').innerText(), 'respond and refer');
  await respond.continue();

  const record = recordPage(t.page);
  await record.open();
  const screen = await t.page.locator('body').innerText();
  assertNoReassurance(screen, 'the record');
  assert.match(screen, MINIMISATION);
  const plain = await record.plainText();
  assertNoReassurance(plain, 'the plain-text summary');
  assert.match(plain, new RegExp(`Questionnaire: ${definition.id} version ${definition.version.replace(/\./g, '\\.')}`));
  assert.match(plain, /^Client reference: ND-07$/m);
  assert.match(plain, /^Level of concern: No abuse disclosed in this screen$/m);
  assert.match(plain, /RED FLAGS\n-+\nNone raised by the answers given\./);
  assert.match(plain, /CAVEATS\n-+\n- This screen relies on what he says about himself\. Men who use abuse often play it down or deny it\./);
  assert.match(plain, /- This is not a Dash risk assessment of his partner\./);
  assert.match(plain, /- Contact with his partner must only be made by a specialist partner support service\./);
  assert.match(plain, /\[At next review\] Referral to a specialist assessment or perpetrator programme/);
  assert.match(plain, /- Children in household or in contact: he says no/);
  // Nothing disclosed is not a clean bill: said under the level, with the minimisation caveat.
  assert.match(plain, /^Level of concern: No abuse disclosed in this screen\nThis screen relies on what he says about himself[^\n]*\nThis is not a clean bill/m);
  // The .txt file is the same text.
  const txt = await record.download('Download text (.txt)');
  assert.equal(txt.text, plain);
  await assertAccessible(t.page, 'the record (no abuse disclosed)');
  t.assertClean();
  await t.close();
});
