// Drafts on this computer: off until the worker opts in with a passphrase, locked and saved on
// every change, listed by time, resumed with the passphrase, expired after 8 hours (faked
// clock), deleted one by one or all at once after a confirmation, and never silently
// overwritten by a second tab.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, openPage } from './harness.mjs';
import {
  answerFrequency, checkAnswer, continueOn, expectHeading, fillStart, goToCheck,
} from './pages/worker-ask.mjs';
import {
  deleteDraft, draftRecord, draftRows, optInBox, resumeDraft, saveStatus, seed, stored,
  storedJson, turnOnDrafts, waitForSaved,
} from './pages/drafts.mjs';
import { definition } from './definition.mjs';

const item = (id) => definition.items.find((i) => i.id === id);
const q = (id) => item(id).worker_wording;

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

/** Start page filled in, drafts on, first section answered, on to the behaviours. */
async function screeningWithDraft(page, clientRef) {
  await page.goto(app.url);
  await fillStart(page, { clientRef });
  await turnOnDrafts(page);
  await continueOn(page);
  await expectHeading(page, 'Relationship');
  await continueOn(page);
  await expectHeading(page, 'Behaviours in relationships');
  await answerFrequency(page, q('b.pushing'), '2 to 10 times', 'No');
}

test('nothing is stored until the worker opts in; then every change is saved and survives a reload', async () => {
  const t = await openPage(app);
  await t.page.goto(app.url);
  await fillStart(t.page, { clientRef: 'DR-01' });
  assert.equal(await optInBox(t.page).isChecked(), false, 'drafts are off by default');
  assert.equal(await stored(t.page), null, 'nothing stored before opting in');
  assert.equal((await saveStatus(t.page).textContent()).trim(), '');
  await turnOnDrafts(t.page);
  const first = await storedJson(t.page);
  assert.equal(first.format, 3);
  assert.equal(first.drafts.length, 1);
  assert.equal(first.drafts[0].shown_reference, '', 'the client reference is not shown unless chosen');
  assert.ok(first.drafts[0].sealed, 'locked with the passphrase');
  assert.ok(!(await stored(t.page)).includes('DR-01'), 'the client reference is not in the clear');
  assert.equal(first.drafts[0].definition_version, definition.version);
  // Expires 8 hours after the save.
  assert.equal(Date.parse(first.drafts[0].expires_at) - Date.parse(first.drafts[0].saved_at), 8 * 3600e3);

  await continueOn(t.page);
  await continueOn(t.page);
  await expectHeading(t.page, 'Behaviours in relationships');
  await answerFrequency(t.page, q('b.pushing'), '2 to 10 times', 'No');
  await waitForSaved(t.page);
  const later = await storedJson(t.page);
  assert.ok(later.drafts[0].revision > first.drafts[0].revision, 'the revision moves on with each save');
  // "rounds.salt.nonce.ciphertext"
  const [rounds, salt, nonce] = first.drafts[0].sealed.split('.');
  const [, laterSalt, laterNonce] = later.drafts[0].sealed.split('.');
  assert.equal(rounds, '600000');
  assert.notEqual(laterNonce, nonce, 'a fresh nonce on every save');
  assert.equal(laterSalt, salt, 'one salt per draft');

  // A reload forgets the screening in memory; the draft brings it back.
  await t.page.goto(app.url);
  await expectHeading(t.page, 'Before you ask');
  assert.equal(await draftRows(t.page).count(), 1);
  // Listed by time only: nothing says whose draft it is.
  const row = await draftRows(t.page).first().innerText();
  assert.match(row, /\d\d:\d\d on \d+ \w+/);
  assert.doesNotMatch(row, /DR-01/);
  await resumeDraft(t.page);
  await expectHeading(t.page, 'Check your answers');
  assert.equal(await checkAnswer(t.page, item('b.pushing').label), '2 to 10 times; in the last 12 months: no');
  assert.equal(await checkAnswer(t.page, 'Client reference'), 'DR-01');
  // Still saving to the same draft after resuming, not a new one.
  assert.match(await saveStatus(t.page).textContent(), /^Draft saved at \d\d:\d\d$/);
  assert.equal((await storedJson(t.page)).drafts.length, 1);
  t.assertClean();
  await t.close();
});

test('unticking the box deletes this screening\'s draft', async () => {
  const t = await openPage(app);
  await t.page.goto(app.url);
  await fillStart(t.page, { clientRef: 'DR-02' });
  await turnOnDrafts(t.page);
  assert.notEqual(await stored(t.page), null);
  await optInBox(t.page).uncheck();
  assert.equal(await stored(t.page), null);
  assert.equal((await saveStatus(t.page).textContent()).trim(), '');
  t.assertClean();
  await t.close();
});

test('postponing deletes this screening\'s draft: nothing is kept', async () => {
  const t = await openPage(app);
  await t.page.goto(app.url);
  await fillStart(t.page, { clientRef: 'PP-01', alone: 'No' });
  await turnOnDrafts(t.page);
  assert.notEqual(await stored(t.page), null);
  await t.page.getByRole('button', { name: 'Postpone the screening' }).click();
  await expectHeading(t.page, 'Screening postponed');
  assert.equal(await stored(t.page), null);
  t.assertClean();
  await t.close();
});

test('a draft older than 8 hours is deleted at start-up and the worker is told (faked clock)', async () => {
  const start = new Date('2025-03-04T09:00:00Z');
  const t = await openPage(app);
  await t.page.clock.install({ time: start });
  await t.page.goto(app.url);
  await fillStart(t.page, { clientRef: 'EX-01' });
  await turnOnDrafts(t.page);
  const state = await t.context.storageState();
  await t.close();

  // Seven hours and 59 minutes later: still there.
  const early = await openPage(app, { storageState: state });
  await early.page.clock.install({ time: new Date(start.getTime() + (8 * 60 - 1) * 60e3) });
  await early.page.goto(app.url);
  await expectHeading(early.page, 'Before you ask');
  assert.equal(await draftRows(early.page).count(), 1);
  early.assertClean();
  await early.close();

  // Eight hours and a minute later: gone, and said so.
  const late = await openPage(app, { storageState: state });
  await late.page.clock.install({ time: new Date(start.getTime() + (8 * 60 + 1) * 60e3) });
  await late.page.goto(app.url);
  await expectHeading(late.page, 'Before you ask');
  await late.page.getByText('1 draft was more than 8 hours old and has been deleted.').waitFor();
  assert.equal(await draftRows(late.page).count(), 0);
  assert.equal(await stored(late.page), null, 'the expired draft is removed from storage');
  late.assertClean();
  await late.close();
});

test('deleting one draft leaves the others', async () => {
  const t = await openPage(app);
  const raw = JSON.stringify({
    format: 2,
    drafts: [draftRecord('a', 'KEEP-1', { definition }), draftRecord('b', 'GONE-2', { definition, hoursAgo: 2 })],
  });
  await seed(t.page, app.url, raw);
  assert.equal(await draftRows(t.page).count(), 2);
  await deleteDraft(t.page, 1);
  assert.equal(await draftRows(t.page).count(), 1);
  assert.deepEqual((await storedJson(t.page)).drafts.map((d) => d.screening.client_reference), ['KEEP-1']);
  t.assertClean();
  await t.close();
});

test('"Delete all data" asks first, then removes every key of the app and nothing else', async () => {
  const t = await openPage(app);
  const raw = JSON.stringify({ format: 2, drafts: [draftRecord('a', 'ALL-1', { definition })] });
  await t.page.goto(app.url);
  await t.page.evaluate(() => {
    localStorage.setItem('dva-screen.other', 'x');
    localStorage.setItem('another-app', 'keep me');
  });
  await seed(t.page, app.url, raw);
  const button = t.page.getByRole('button', { name: 'Delete all data this app keeps on this device' });
  await button.click();
  const confirmHeading = t.page.getByRole('heading', { name: 'Delete all data this app keeps on this device?' });
  await confirmHeading.waitFor();
  await t.page.waitForFunction(() => document.activeElement?.id === 'delete-all-title');
  // Changing one's mind keeps everything.
  await t.page.getByRole('button', { name: 'No, keep it' }).click();
  assert.notEqual(await stored(t.page), null);
  await button.click();
  await t.page.getByRole('button', { name: 'Yes, delete all data' }).click();
  await t.page.getByText('All data this app kept on this device has been deleted.').waitFor();
  const left = await t.page.evaluate(() => Object.keys(localStorage).sort());
  assert.deepEqual(left, ['another-app'], 'only the app\'s own keys are removed');
  assert.equal(await draftRows(t.page).count(), 0);
  t.assertClean();
  await t.close();
});

test('two tabs on one draft: the other tab is told, and nothing is silently overwritten', async () => {
  const a = await openPage(app);
  await screeningWithDraft(a.page, 'TAB-1');
  await waitForSaved(a.page);

  const bPage = await a.context.newPage();
  await bPage.goto(app.url);
  await expectHeading(bPage, 'Before you ask');
  await resumeDraft(bPage);
  await expectHeading(bPage, 'Check your answers');

  // Tab A goes on answering: tab B sees its draft move on and stops saving.
  await answerFrequency(a.page, q('b.shouting'), 'Once', 'Yes');
  await bPage.getByRole('heading', { name: 'This draft was changed in another tab or window' }).waitFor();
  const afterA = await stored(a.page);

  // Tab B keeps its own version, deliberately: now tab A is told in turn.
  await bPage.getByRole('button', { name: 'Keep this tab\'s version' }).click();
  await waitForSaved(bPage);
  assert.notEqual(await stored(a.page), afterA, 'tab B saved its version');
  await a.page.getByRole('heading', { name: 'This draft was changed in another tab or window' }).waitFor();
  const afterB = await stored(a.page);
  // Tab A has stopped saving: a further answer does not touch the stored draft.
  await answerFrequency(a.page, q('b.pushing'), 'More than 20 times', 'Yes');
  assert.equal(await stored(a.page), afterB, 'a stopped tab does not write');
  // Tab A loads tab B's version.
  await a.page.getByRole('button', { name: 'Load the other version' }).click();
  await expectHeading(a.page, 'Check your answers');
  assert.equal(await checkAnswer(a.page, item('b.pushing').label), '2 to 10 times; in the last 12 months: no');
  a.assertClean();
  await a.close();
});
