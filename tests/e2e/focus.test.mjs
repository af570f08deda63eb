// Focus is never lost after an in-page action (issue 15, point 1; WCAG 2.4.3): a confirmation
// box takes focus on its first button, Cancel returns focus to the button that opened it, after
// a removal focus goes to the section's heading, and when the cover lifts focus returns to where
// it was. Every action is done with the keyboard, and each check names the element that must
// have focus (document.activeElement), never "not the body" alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, openPage, assertAccessible } from './harness.mjs';
import { T, axFocused, expectFocus } from './ax.mjs';
import { resultPage, respondPage, recordPage } from './pages/worker-result.mjs';
import { KEY, draftRecord, draftRows, seed } from './pages/drafts.mjs';
import { definition } from './pages/worker-flow.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

/** Focuses a button by its name and presses Enter on it, as a keyboard user would. */
async function pressButton(page, name) {
  const button = page.getByRole('button', { name, exact: true });
  await button.focus();
  await page.keyboard.press('Enter');
}

test('result: after "Remove my judgement" focus is on the "Professional judgement" heading', async () => {
  const t = await openPage(app);
  const { page } = t;
  await page.goto(`${app.url}#/result`);
  await resultPage(page).judge('Significant concern', 'He described a pattern of control');
  await page.getByRole('button', { name: 'Remove my judgement' }).waitFor();
  await pressButton(page, 'Remove my judgement');
  await page.getByRole('button', { name: 'Remove my judgement' }).waitFor({ state: 'detached' });
  await expectFocus(page, page.getByRole('heading', { level: 2, name: T['result.judgement.heading'] }), 'after removing the judgement');
  // Screen readers are told the same: the focused node of the accessibility tree is that heading.
  const focused = await axFocused(page);
  assert.deepEqual([focused?.role, focused?.name], ['heading', T['result.judgement.heading']]);
  t.assertClean();
  await t.close();
});

test('respond and refer: after "Remove" on a sharing decision focus is on the "Information sharing" heading', async () => {
  const t = await openPage(app);
  const { page } = t;
  await page.goto(`${app.url}#/respond`);
  await page.getByRole('heading', { level: 1, name: 'Respond and refer' }).waitFor();
  await respondPage(page).addSharing({ withWhom: 'GP', consent: 'Consent given', shared: 'Yes', reason: 'Health needs' });
  await respondPage(page).decisions().first().waitFor();
  await pressButton(page, 'Remove decision about GP');
  await respondPage(page).decisions().first().waitFor({ state: 'detached' });
  await expectFocus(page, page.getByRole('heading', { level: 2, name: T['respond.sharing.heading'] }), 'after removing the decision');
  t.assertClean();
  await t.close();
});

test('record: the "Start a new screening" box focuses its first button, one Tab reaches Cancel, Cancel returns focus', async () => {
  const t = await openPage(app);
  const { page } = t;
  await page.goto(`${app.url}#/record`);
  await recordPage(page).open();
  await pressButton(page, T['record.new.button']);
  const yes = page.getByRole('button', { name: T['record.new.confirm'] });
  await expectFocus(page, yes, 'when the box opens');
  await assertAccessible(page, 'record with the "Start a new screening" box open');
  const box = await axFocused(page);
  assert.equal(box?.name, T['record.new.confirm']);
  await page.keyboard.press('Tab');
  await expectFocus(page, page.getByRole('button', { name: T['record.new.cancel'], exact: true }), 'one Tab after the box opens');
  await page.keyboard.press('Enter');
  await expectFocus(page, page.getByRole('button', { name: T['record.new.button'] }), 'after Cancel');
  t.assertClean();
  await t.close();
});

test('start: after deleting a draft focus is on the drafts heading; "Delete all" Cancel returns to its button', async () => {
  const t = await openPage(app);
  const { page } = t;
  const raw = JSON.stringify({
    format: 2,
    drafts: [draftRecord('a', 'FOCUS-1', { definition }), draftRecord('b', 'FOCUS-2', { definition, hoursAgo: 2 })],
  });
  await seed(page, app.url, raw);
  await draftRows(page).nth(1).waitFor();
  const heading = page.getByRole('heading', { level: 2, name: T['drafts.heading'] });

  // Drafts are listed by the time they were saved (issue 13): the newest first.
  const first = draftRows(page).first().getByRole('button', { name: /^Delete the draft saved at / });
  const label = await first.getAttribute('aria-label');
  await first.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: label, exact: true }).waitFor({ state: 'detached' });
  await expectFocus(page, heading, 'after deleting a draft');

  const deleteAll = page.getByRole('button', { name: T['drafts.delete_all.button'], exact: true });
  await deleteAll.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: T['drafts.delete_all.cancel'], exact: true }).waitFor();
  await assertAccessible(page, 'start with "Delete all data" asking');
  await pressButton(page, T['drafts.delete_all.cancel']);
  await expectFocus(page, deleteAll, 'after "No, keep it"');

  await page.keyboard.press('Enter');
  // The question takes focus after it renders: wait for that, or it takes focus from the button.
  await expectFocus(page, page.locator('#delete-all-title'), 'after "Delete all" again');
  await pressButton(page, T['drafts.delete_all.confirm']);
  await expectFocus(page, heading, 'after deleting all data');
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), null);
  t.assertClean();
  await t.close();
});

test('hide screen: when the cover lifts, focus is back on Hide screen, or on the field that had it before the idle cover', async () => {
  const t = await openPage(app);
  const { page } = t;
  await page.goto(app.url);
  await page.locator('main h1').waitFor();
  const hide = page.getByRole('button', { name: T['safety.hide'] });
  await hide.focus();
  await page.keyboard.press('Enter');
  const show = page.getByRole('button', { name: T['safety.uncover'] });
  await expectFocus(page, show, 'when the cover rises');
  await assertAccessible(page, 'the hide-screen cover');
  await page.keyboard.press('Enter');
  await show.waitFor({ state: 'detached' });
  await expectFocus(page, hide, 'after "Show the screen again"');
  t.assertClean();
  await t.close();
});

test('idle cover: when it lifts, focus is back in the field the worker was typing in', async () => {
  const t = await openPage(app);
  const { page } = t;
  await page.clock.install();
  await page.goto(app.url);
  await page.locator('main h1').waitFor();
  const name = page.getByLabel('Your name');
  await name.focus();
  await page.keyboard.type('Sam');
  await page.clock.fastForward('10:06');
  const show = page.getByRole('button', { name: T['safety.uncover'] });
  await expectFocus(page, show, 'when the idle cover rises');
  await page.keyboard.press('Enter');
  await show.waitFor({ state: 'detached' });
  await page.clock.runFor(100);
  await expectFocus(page, name, 'after the idle cover lifts');
  assert.equal(await name.inputValue(), 'Sam');
  t.assertClean();
  await t.close();
});

test('start: an unreadable draft\'s "Delete it" focuses "Yes, delete it for good"; after it, focus is on the drafts heading', async () => {
  const t = await openPage(app);
  const { page } = t;
  await seed(page, app.url, '{"format":2,"drafts":[{"id":"x" <<not json>>');
  const alert = page.getByRole('alert').filter({ hasText: T['drafts.problems.title'] });
  await alert.waitFor();
  await alert.getByRole('button', { name: T['drafts.problem.delete'], exact: true }).focus();
  await page.keyboard.press('Enter');
  const yes = page.getByRole('button', { name: T['drafts.problem.delete_confirm'], exact: true });
  await expectFocus(page, yes, 'after "Delete it"');
  await page.keyboard.press('Enter');
  await alert.waitFor({ state: 'detached' });
  await expectFocus(page, page.getByRole('heading', { level: 2, name: T['drafts.heading'] }), 'after deleting the unreadable draft');
  t.assertClean();
  await t.close();
});
