// The risk rules of questionnaire 2.0.0 (issue 10), entered through the UI as a keyworker would:
// chronic violence with no named red flag reaches High; a pattern of control is a significant
// concern; "prefer not to say" on a gateway makes the screen incomplete and names what it hid;
// High without a disclosed behaviour keeps partner support and children's safeguarding; a
// lowered level needs the safeguarding lead's name and never says "no abuse" after a disclosure.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, openPage, assertAccessible } from './harness.mjs';
import { checkAnswer, expectHeading, startScreening } from './pages/worker-ask.mjs';
import { draftRecord, draftRows, fillNewPassphrase, openDraft, screening, seed } from './pages/drafts.mjs';
import { resultPage, respondPage, recordPage } from './pages/worker-result.mjs';
import { answerAllSections, quietAnswers } from './pages/worker-flow.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

/** Starts a screening, answers `answers` section by section and opens the result. */
async function screen(t, clientRef, answers) {
  await t.page.goto(app.url);
  await startScreening(t.page, { clientRef });
  await answerAllSections(t.page, answers);
  await t.page.getByRole('button', { name: 'Continue to the result' }).click();
}

/** The answers a disclosure reveals in the impact section, given as a worker would. */
const RECENCY = {
  'impact.recent_incident': 'More than 12 months ago',
  'impact.incidents_12m': 'None',
  'impact.going_back': 'No',
};

test('repeated violence with no named red flag reaches High, and the flag cites its answers', async () => {
  const t = await openPage(app);
  await screen(t, 'RV-01', {
    ...quietAnswers(),
    ...RECENCY,
    'b.punching': ['More than 20 times', 'No'],
    'impact.injured': 'Yes',
    'impact.medical': 'No',
    'impact.police': 'Yes',
  });
  await expectHeading(t.page, /High risk: act today/);
  const result = resultPage(t.page);
  const flag = result.redFlag('Repeated physical violence');
  await flag.waitFor();
  const text = await flag.innerText();
  assert.match(text, /Punching her: More than 20 times; in the last 12 months: no/);
  assert.match(text, /Police called: Yes/);
  assert.equal(await t.page.locator('.result__flag').count(), 1, 'no named red flag besides it');
  await assertAccessible(t.page, 'the result (repeated violence)');
  t.assertClean();
  await t.close();
});

test('a pattern of coercive control is a significant concern with the safeguarding lead; lowering needs the lead and never says "no abuse"', async () => {
  const t = await openPage(app, { acceptDownloads: true });
  await screen(t, 'CC-02', {
    ...quietAnswers(),
    ...RECENCY,
    'b.checking_phone': ['2 to 10 times', 'Yes'],
    'b.controlling_money': ['2 to 10 times', 'Yes'],
  });
  await expectHeading(t.page, /Significant concern/);
  const result = resultPage(t.page);
  assert.match(await t.page.locator('main').innerText(), /A pattern of coercive control: 2 different controlling behaviours, each more than once/);

  // "No abuse disclosed" after a disclosure is refused.
  await result.judge('No abuse disclosed in this screen', 'He says it is normal in his culture');
  await result.errorSummary().getByRole('link', { name: /would say something false/ }).waitFor();
  // Lowering without the lead's name is refused; with it, it is recorded and printed.
  await result.judge('Abusive behaviour disclosed', 'Both agreed to a joint account; seen at the bank');
  await result.errorSummary()
    .getByRole('link', { name: 'Write the name of the safeguarding lead who agreed to lower the level.' })
    .waitFor();
  assert.equal(await t.page.locator('#judgement-lead').getAttribute('aria-describedby'), 'judgement-lead-hint judgement-lead-error');
  await t.page.getByLabel('Safeguarding lead who agreed (only to lower the level)').fill('Sam Lead');
  await t.page.getByRole('button', { name: 'Record my judgement' }).click();
  await t.page.getByText('Agreed with the safeguarding lead: Sam Lead').waitFor();
  await assertAccessible(t.page, 'the result with a lowered judgement');

  await result.continue();
  const respond = respondPage(t.page);
  // Actions follow the higher of the two levels: the lead this week stays.
  const titles = await respond.actionTitles();
  assert.ok(titles.some((s) => /Discuss with your safeguarding lead/.test(s)), titles.join(' | '));
  await respond.continue();
  const record = recordPage(t.page);
  await record.open();
  const plain = await record.plainText();
  assert.match(plain, /lowered with the agreement of the safeguarding lead, Sam Lead/);
  assert.match(plain, /Computed from the answers: Significant concern/);
  t.assertClean();
  await t.close();
});

test('"prefer not to say" on whether there are children makes the screen incomplete and names what it hid', async () => {
  const t = await openPage(app);
  await screen(t, 'GW-03', { ...quietAnswers(), 'children.any': 'Prefer not to say' });
  await expectHeading(t.page, /No abuse disclosed in this screen/);
  const section = t.page.getByRole('region', { name: 'This screen is incomplete' });
  await section.waitFor();
  const text = await section.innerText();
  assert.match(text, /^1 question is not yet answered/m);
  const named = text.match(/Children in household or in contact \(prefer not to say\) could hide: (.*); not asked because of it: (.*)$/m);
  assert.ok(named, text);
  assert.match(named[1], /Violence during pregnancy or with a baby/);
  assert.match(named[1], /A child harmed or threatened/);
  assert.match(named[2], /Baby under 18 months/);
  assert.match(named[2], /Children harmed or threatened/);
  await assertAccessible(t.page, 'the result (gateway gap)');
  t.assertClean();
  await t.close();
});

test('"not sure" is a gap: listed to follow up, never "nothing left unanswered"', async () => {
  const t = await openPage(app, { acceptDownloads: true });
  await screen(t, 'NS-04', { ...quietAnswers(), 'rel.separation': 'Not sure' });
  await expectHeading(t.page, /No abuse disclosed in this screen/);
  const section = t.page.getByRole('region', { name: 'This screen is incomplete' });
  assert.match(await section.innerText(), /Recent or planned separation \(not sure or does not know\) could hide: Separation with violence or coercive control/);
  await resultPage(t.page).continue();
  await respondPage(t.page).continue();
  const record = recordPage(t.page);
  await record.open();
  const plain = await record.plainText();
  assert.doesNotMatch(plain, /Nothing left unanswered/);
  assert.match(plain, /Recent or planned separation \(Relationship\): not sure or does not know; could hide a red flag: Separation with violence or coercive control/);
  t.assertClean();
  await t.close();
});

test('High without a disclosed behaviour still recommends partner support, the Respect Phoneline and children\'s safeguarding', async () => {
  const t = await openPage(app);
  await screen(t, 'HV-05', {
    ...quietAnswers(),
    'impact.afraid': 'Very afraid',
    'children.any': 'Yes',
    'children.baby': 'No',
    'children.present': 'No',
    'children.harmed': 'No',
    'children.social_care': 'No',
  });
  await expectHeading(t.page, /High risk: act today/);
  await resultPage(t.page).redFlag('Partner very frightened').waitFor();
  await resultPage(t.page).continue();
  const titles = await respondPage(t.page).actionTitles();
  const has = (re) => titles.some((s) => re.test(s));
  assert.ok(has(/Today Refer for partner support$/), titles.join(' | '));
  assert.ok(has(/Today .*Respect Phoneline/), titles.join(' | '));
  assert.ok(has(/Today Follow your local children's safeguarding procedure$/), titles.join(' | '));
  await assertAccessible(t.page, 'respond and refer (high without a behaviour)');
  t.assertClean();
  await t.close();
});

test('a draft saved with questionnaire 1.0.0 opens with its answers kept and the new questions unanswered', async () => {
  const t = await openPage(app);
  const record = draftRecord('v1-draft', 'OLD-2', { definition: { id: 'dva-screen-perpetrator', version: '1.0.0' } });
  const yesNo = (value) => ({ answer: { type: 'yes_no', value }, source: 'worker' });
  record.screening = screening({
    client_reference: 'OLD-2', worker: 'Pat', service: 'Riverside', started_at: record.saved_at,
    answers: {
      answers: {
        'set.alone': yesNo('yes'), 'set.confidentiality': yesNo('yes'), 'set.consent': yesNo('yes'),
        'set.completed_by': { answer: { type: 'choice', value: 'worker' }, source: 'worker' },
        'set.interpreter': { answer: { type: 'choice', value: 'none' }, source: 'worker' },
        'b.throat_grab': { answer: { type: 'frequency', value: { band: 'once', last_12_months: 'yes' } }, source: 'worker' },
      },
      notes: {},
    },
  });
  await seed(t.page, app.url, JSON.stringify({ format: 2, drafts: [record] }));
  assert.match(await draftRows(t.page).first().innerText(), /another version of the questionnaire/);
  // A plain draft from before issue 13 is locked with a new passphrase as it opens.
  await openDraft(t.page);
  await fillNewPassphrase(t.page);
  await t.page.getByRole('button', { name: 'Lock and open the draft' }).click();
  await expectHeading(t.page, 'Check your answers');
  assert.match(await checkAnswer(t.page, 'Grabbing her by the throat or neck'), /^Once; in the last 12 months: yes/);
  assert.match(await checkAnswer(t.page, 'Drowning or suffocating her'), /Not answered/);
  assert.match(await checkAnswer(t.page, 'Access to weapons or firearms'), /Not answered/);
  await t.page.getByRole('button', { name: 'Continue to the result' }).click();
  await expectHeading(t.page, /High risk: act today/);
  await t.page.getByRole('region', { name: 'This screen is incomplete' }).waitFor();
  t.assertClean();
  await t.close();
});
