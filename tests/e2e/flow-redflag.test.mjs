// One whole screening entered through the UI: a single red flag ("grabbed her by the throat:
// once, within 12 months") and otherwise little. The result, the actions, the refused lowering,
// and the summary's text all say what the core decided, and every screen passes axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, openPage, assertAccessible } from './harness.mjs';
import { answerFrequency, continueOn, continueTo, expectHeading, startScreening } from './pages/worker-ask.mjs';
import { resultPage, respondPage, recordPage } from './pages/worker-result.mjs';
import { definition } from './definition.mjs';

const q = (id) => definition.items.find((i) => i.id === id).worker_wording;

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

test('a single red flag: high risk, the flag cites its answer, lowering is refused, same-day actions, summary filed', async () => {
  const t = await openPage(app, { acceptDownloads: true });
  await t.page.goto(app.url);
  await startScreening(t.page, { clientRef: 'RF-01 <i>x</i>' });
  await continueOn(t.page);
  await expectHeading(t.page, 'Behaviours in relationships');
  await answerFrequency(t.page, q('b.throat_grab'), 'Once', 'Yes');
  await continueTo(t.page, 'Check your answers');
  await t.page.getByRole('button', { name: 'Continue to the result' }).click();

  const result = resultPage(t.page);
  await expectHeading(t.page, /High risk: act today/);
  assert.equal(await result.level(), 'Level of concern High risk: act today');
  const flag = result.redFlag('Non-fatal strangulation');
  await flag.waitFor();
  assert.match(await flag.innerText(), /Grabbing her by the throat or neck: Once; in the last 12 months: yes/);
  // The flag's answer links back to its question.
  const link = flag.getByRole('link', { name: /Go to this question/ });
  assert.equal(await link.getAttribute('href'), '#/ask/behaviours');
  // What to do first, straight under the level: the same-day actions, 999 first.
  const first = await t.page.locator('.result__first li').allTextContents();
  assert.deepEqual(first.slice(0, 2), [
    'Now: If anyone is in immediate danger, call the police on 999',
    'Today: Discuss with your safeguarding lead today',
  ]);
  assert.ok(first.length <= 3 && first.slice(2).every((s) => s.startsWith('Today: ')), JSON.stringify(first));
  await assertAccessible(t.page, 'the result');

  // Lowering a red-flag level is refused with the core's message.
  await result.judge('Significant concern', 'He says it was only once');
  await result.errorSummary().getByRole('link', {
    name: 'The level cannot be lowered: a red flag was raised. Discuss it with your safeguarding lead today.',
  }).waitFor();
  assert.equal(await result.level(), 'Level of concern High risk: act today');
  await assertAccessible(t.page, 'the result with a refused judgement');

  await result.continue();
  const respond = respondPage(t.page);
  const titles = await respond.actionTitles();
  const has = (re) => titles.some((s) => re.test(s));
  assert.ok(has(/^(Urgency: )?Today Discuss with your safeguarding lead today$/), titles.join(' | '));
  assert.ok(has(/Referral to a specialist assessment or perpetrator programme/), titles.join(' | '));
  assert.ok(has(/^(Urgency: )?Now If anyone is in immediate danger, call the police on 999$/), titles.join(' | '));
  // Most urgent first.
  const order = ['Now', 'Today', 'This week', 'At next review'];
  const ranks = titles.map((s) => order.findIndex((u) => s.replace(/^Urgency: /, '').startsWith(u)));
  assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b));
  const lead = respond.action('Discuss with your safeguarding lead today');
  assert.match(await lead.innerText(), /Why: High risk/);
  assert.match(await lead.innerText(), /Grabbing her by the throat or neck: Once; in the last 12 months: yes/);
  await respond.mark('Discuss with your safeguarding lead today', 'Done', 'Spoke to the lead at 14:10');
  await respond.addSharing({ withWhom: 'Safeguarding lead', consent: 'Consent not asked', shared: 'Yes', reason: 'Red flag: same-day discussion' });
  await assertAccessible(t.page, 'respond and refer');
  await respond.continue();

  const record = recordPage(t.page);
  await record.open();
  const plain = await record.plainText();
  assert.match(plain, /Client reference: RF-01 <i>x<\/i>/);
  assert.match(plain, /Level of concern: High risk: act today/);
  assert.match(plain, /\* Non-fatal strangulation or suffocation\n/);
  assert.match(plain, /- Q: Have you ever grabbed a partner by the throat or neck\? A: Once; in the last 12 months: yes/);
  assert.match(plain, /\[Today\] Discuss with your safeguarding lead today[\s\S]*?Status: done\. Note: Spoke to the lead at 14:10/);
  assert.match(plain, /- Safeguarding lead: consent not asked; shared\. Reason: Red flag: same-day discussion/);
  const onScreen = await t.page.locator('.record__summary').innerText();
  assert.match(onScreen, /RF-01 <i>x<\/i>/);
  assert.match(onScreen, /Non-fatal strangulation/);
  const txt = await record.download('Download text (.txt)');
  assert.match(txt.name, /^dva-screen-RF-01_i_x_i-\d{4}-\d{2}-\d{2}-\d{4}\.txt$/);
  assert.equal(txt.text, plain);
  const html = await record.download('Download web page (.html)');
  assert.ok(html.text.includes('RF-01 &lt;i&gt;x&lt;/i&gt;'));
  await assertAccessible(t.page, 'the record');
  t.assertClean();
  await t.close();
});
