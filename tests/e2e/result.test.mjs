// Step 4 and 5, the result and respond-and-refer screens: the level in words with its caveats,
// the chart's text alternative, professional judgement by the core's rules, the recommended
// actions with statuses, and the information-sharing record.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, openPage } from './harness.mjs';
import { resultPage, respondPage } from './pages/worker-result.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

test('with nothing disclosed, the result says so, carries the minimisation caveat and never says "safe"', async () => {
  const t = await openPage(app);
  await t.page.goto(`${app.url}#/result`);
  const result = resultPage(t.page);
  assert.equal(await result.level(), 'Level of concern No abuse disclosed in this screen');
  const main = t.page.getByRole('main');
  await main.getByText('that is not evidence that his partner or children are free from harm', { exact: false }).first().waitFor();
  await main.getByRole('heading', { name: 'This screen is incomplete' }).waitFor();
  await main.getByRole('heading', { name: 'Keep in mind' }).waitFor();
  const text = await main.innerText();
  assert.doesNotMatch(text, /\bno risk\b|\blow risk\b|\bis safe\b/i);
  // The chart has a name and description, and the same numbers as a table.
  const chart = main.getByRole('img', { name: 'Behaviours disclosed, by type and how often' });
  await chart.waitFor();
  assert.equal(await chart.getAttribute('aria-describedby'), 'chart-desc');
  assert.match(await t.page.locator('#chart-desc').textContent(), /Physical: none of \d+ disclosed\./);
  const table = main.getByRole('table', { name: 'Number of behaviours disclosed, by type and how often' });
  assert.equal(await table.getByRole('row').count(), 6);
  t.assertClean();
  await t.close();
});

test('raising the level needs a reason; both levels show side by side; the change is announced and can be undone', async () => {
  const t = await openPage(app);
  await t.page.goto(`${app.url}#/result`);
  const result = resultPage(t.page);
  await result.judge('Significant concern', '');
  await result.errorSummary().getByRole('link', { name: 'Write the reason for changing the level of concern.' }).waitFor();
  assert.equal(await result.level(), 'Level of concern No abuse disclosed in this screen');

  await result.judge('Significant concern', 'He was pacing and said "<b>she</b> winds me up"');
  assert.equal(await result.level(), 'Level of concern Significant concern');
  const compare = t.page.locator('.result__compare');
  assert.match(await compare.innerText(), /Computed from the answers\s+No abuse disclosed in this screen\s+Your professional judgement\s+Significant concern/);
  await t.page.getByText('He was pacing and said "<b>she</b> winds me up"', { exact: false }).waitFor();
  assert.equal(await t.page.locator('[aria-live="polite"]').filter({ hasText: 'Level of concern is now' }).textContent(),
    'Level of concern is now: Significant concern');
  assert.equal(await result.errorSummary().count(), 0);

  await result.removeJudgement();
  assert.equal(await result.level(), 'Level of concern No abuse disclosed in this screen');
  assert.equal(await t.page.locator('.result__compare').count(), 0);
  t.assertClean();
  await t.close();
});

test('respond and refer: actions by urgency with statuses and notes; sharing decisions are validated, listed and removable', async () => {
  const t = await openPage(app);
  await t.page.goto(`${app.url}#/result`);
  await resultPage(t.page).continue();
  const respond = respondPage(t.page);
  const main = t.page.getByRole('main');
  await main.getByText('never say "I hear that you..."', { exact: false }).waitFor();
  const titles = await respond.actionTitles();
  assert.ok(titles.some((s) => s.includes('Referral to a specialist assessment or perpetrator programme')), titles.join(' | '));
  // Every action shows its urgency as a word.
  for (const s of titles) assert.match(s, /^(Urgency: )?(Now|Today|This week|At next review) /, s);

  const specialist = 'Referral to a specialist assessment or perpetrator programme';
  await respond.mark(specialist, 'Offered', 'He will think about it');
  assert.equal(await respond.action(specialist).getByLabel('Note (optional)').inputValue(), 'He will think about it');
  await respond.mark(specialist, 'Declined');
  assert.equal(await respond.action(specialist).getByLabel('Note (optional)').inputValue(), 'He will think about it');
  await respond.action(specialist).getByRole('link', { name: '0808 802 4040' }).waitFor();
  assert.equal(await respond.action(specialist).getByRole('link', { name: '0808 802 4040' }).getAttribute('href'), 'tel:08088024040');

  // An empty decision: every problem listed at once, each linking to its field.
  await respond.addSharing({});
  const summary = t.page.getByRole('alert').filter({ hasText: 'There is a problem' });
  for (const msg of ['Enter who the information was or was not shared with', 'Choose whether he consented to sharing',
    'Choose whether the information was shared', 'Enter the reason for the decision']) {
    await summary.getByRole('link', { name: msg }).waitFor();
  }
  await summary.getByRole('link', { name: 'Enter the reason for the decision' }).click();
  assert.equal(await t.page.evaluate(() => document.activeElement.id), 'share-reason');

  await respond.addSharing({ withWhom: 'Safeguarding lead', consent: 'Consent not asked', shared: 'Yes', reason: 'Discussed the same day' });
  assert.equal(await respond.decisions().count(), 1);
  assert.match(await respond.decisions().first().innerText(), /Safeguarding lead: consent not asked; shared\./);
  await respond.decisions().first().getByRole('button', { name: /^Remove\s+decision about Safeguarding lead$/ }).click();
  assert.equal(await respond.decisions().count(), 0);

  // A half-written decision is not lost silently when continuing.
  await t.page.getByLabel('With whom').fill('Police');
  await respond.continue();
  await summary.getByRole('link', { name: /You started an information-sharing decision/ }).waitFor();
  await t.page.getByLabel('With whom').fill('');
  await respond.continue();
  await t.page.getByRole('heading', { level: 1, name: 'Referral summary' }).waitFor();
  t.assertClean();
  await t.close();
});
