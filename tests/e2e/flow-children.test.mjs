// One whole screening entered through the UI: repeated physical violence (pushing 11 to 20
// times, punching 2 to 10 times, both in the last 12 months, 3 or more incidents this year) with
// children in the household who were there during incidents. Questionnaire 1.0.0 graded this
// only "Significant concern"; from 2.0.0 it is "High risk: act today" with two red flags that
// need no named act: repeated physical violence (a physical behaviour 11 times or more with
// children present) and escalation (3 or more incidents in 12 months, the Dash's criterion).
// The children's safeguarding action is due today, matching the level.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, openPage, assertAccessible } from './harness.mjs';
import { expectHeading, startScreening } from './pages/worker-ask.mjs';
import { resultPage, respondPage, recordPage } from './pages/worker-result.mjs';
import { answerAllSections, FORBIDDEN_WORDS, label, quietAnswers } from './pages/worker-flow.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

const CHILDREN_SAFEGUARDING = "Follow your local children's safeguarding procedure";

test('children present with repeated violence: high risk without a named act, findings cite the answers, children\'s safeguarding today, summary\'s children section', async () => {
  const t = await openPage(app, { acceptDownloads: true });
  await t.page.goto(app.url);
  await startScreening(t.page, { clientRef: 'CH-3' });
  await answerAllSections(t.page, {
    ...quietAnswers(),
    'b.pushing': ['11 to 20 times', 'Yes'],
    'b.punching': ['2 to 10 times', 'Yes'],
    'impact.recent_incident': 'In the last month',
    'impact.incidents_12m': '3 times or more',
    'impact.going_back': 'No',
    'children.any': 'Yes',
    'children.baby': 'No',
    'children.present': 'Yes',
    'children.harmed': 'No',
    'children.social_care': 'No',
  }, { notes: { children: 'The kids were in the next room.' } });
  await t.page.getByRole('button', { name: 'Continue to the result' }).click();

  const result = resultPage(t.page);
  await expectHeading(t.page, /High risk: act today/);
  assert.equal(await result.level(), 'Level of concern High risk: act today');
  const body = await t.page.locator('body').innerText();
  const repeated = result.redFlag('Repeated physical violence');
  await repeated.waitFor();
  assert.match(await repeated.innerText(), new RegExp(`${label('b.pushing')}: 11 to 20 times; in the last 12 months: yes`));
  assert.match(await repeated.innerText(), new RegExp(`${label('children.present')}: Yes`));
  assert.match(await result.redFlag('Escalation').innerText(), new RegExp(`${label('impact.incidents_12m')}: 3 times or more`));
  assert.equal(await t.page.locator('.result__flag').count(), 2, 'repeated violence and escalation');
  for (const word of FORBIDDEN_WORDS) assert.doesNotMatch(body, word);

  // Each finding names the answers behind it (inside its closed "Show the answers" details, so
  // read as text content, as a screen reader's virtual buffer would reach it once opened).
  const finding = (text) => t.page.locator('.result__reason').filter({
    has: t.page.locator('.result__reason-text', { hasText: text }),
  });
  assert.equal(await t.page.locator('.result__reason').count(), 4, 'violence, 11 times or more, children, 2 behaviours');
  const violence = await finding('Physical or sexual violence disclosed').textContent();
  assert.match(violence, new RegExp(`${label('b.pushing')}: 11 to 20 times; in the last 12 months: yes`));
  assert.match(violence, new RegExp(`${label('b.punching')}: 2 to 10 times; in the last 12 months: yes`));
  const often = await finding('A behaviour disclosed at 11 times or more').textContent();
  assert.match(often, new RegExp(`${label('b.pushing')}: 11 to 20 times`));
  assert.doesNotMatch(often, new RegExp(label('b.punching')));
  const children = await finding('Children present during incidents, or a child harmed or threatened').textContent();
  assert.match(children, new RegExp(`${label('children.present')}: Yes`));
  await assertAccessible(t.page, 'the result (high risk, repeated violence)');

  // Lowering a red-flag level is refused: the error state.
  const group = t.page.getByRole('group', { name: 'Level of concern in your judgement' });
  await group.getByLabel(/^Significant concern/).check();
  await t.page.getByRole('button', { name: 'Record my judgement' }).click();
  await result.errorSummary().getByRole('link', { name: /The level cannot be lowered: a red flag was raised/ }).waitFor();
  await assertAccessible(t.page, 'the result (high risk) with the judgement error');
  await group.getByLabel(/^High risk: act today/).check();
  await t.page.getByRole('button', { name: 'Record my judgement' }).click();

  await result.continue();
  const respond = respondPage(t.page);
  const titles = await respond.actionTitles();
  const has = (re) => titles.some((s) => re.test(s));
  assert.ok(has(/^(Urgency: )?Today Follow your local children's safeguarding procedure$/), titles.join(' | '));
  assert.ok(has(/^(Urgency: )?Today Discuss with your safeguarding lead today$/), titles.join(' | '));
  assert.ok(has(/^(Urgency: )?Today Refer for partner support$/), titles.join(' | '));
  assert.ok(has(/^(Urgency: )?This week Referral to a specialist assessment or perpetrator programme$/), titles.join(' | '));
  assert.ok(!has(/999/), `no 999 prompt: nothing recent enough and he will not see her today: ${titles.join(' | ')}`);
  const safeguarding = await respond.action(CHILDREN_SAFEGUARDING).innerText();
  assert.match(safeguarding, /Why: Children present during incidents, or a child harmed or threatened/);
  assert.match(safeguarding, new RegExp(`${label('children.present')}: Yes`));
  assert.match(safeguarding, /Children's social care/);
  await respond.mark(CHILDREN_SAFEGUARDING, 'Offered', 'Referral form started with the lead');
  await respond.addSharing({
    withWhom: "Children's social care", consent: 'Consent not given', shared: 'Yes',
    reason: 'Children present during repeated violence',
  });

  // The sharing form's error state: Add with nothing filled in.
  await t.page.getByRole('button', { name: 'Add this decision' }).click();
  await t.page.getByRole('alert').getByRole('link', { name: 'Enter who the information was or was not shared with' }).waitFor();
  await assertAccessible(t.page, 'respond and refer (children) with the sharing error');
  await respond.continue();

  const record = recordPage(t.page);
  await record.open();
  const plain = await record.plainText();
  assert.match(plain, /^Level of concern: High risk: act today$/m);
  assert.match(plain, /- Pushing or shoving her: 11 to 20 times; in the last 12 months: yes\n- Punching her: 2 to 10 times; in the last 12 months: yes\n/);
  assert.match(plain, /RED FLAGS\n-+\n\* Escalation\n[\s\S]*?\n\* Repeated physical violence\n/);
  assert.match(plain, /- Children present during incidents, or a child harmed or threatened \(Significant concern\) \[answers: children\.present\]/);
  assert.ok(plain.includes([
    'CHILDREN',
    '--------',
    '- Children in household or in contact: he says yes',
    '- Baby under 18 months: he says no',
    '- Children present during incidents: he says yes',
    '- Children harmed or threatened: he says no',
    "- Children's social care involved: he says no",
    '',
  ].join('\n')), plain);
  assert.match(plain, /\* \[Today\] Follow your local children's safeguarding procedure\n[\s\S]*?Because: Children present during incidents, or a child harmed or threatened \[answers: children\.any, children\.present\][\s\S]*?Status: offered\. Note: Referral form started with the lead/);
  assert.match(plain, /\* Children\nThe kids were in the next room\./);
  assert.match(plain, /- Children's social care: consent not given; shared\. Reason: Children present during repeated violence/);
  const onScreen = await t.page.locator('.record__summary').innerText();
  assert.match(onScreen, /Children present during incidents: he says yes/);
  await assertAccessible(t.page, 'the record (children)');
  t.assertClean();
  await t.close();
});
