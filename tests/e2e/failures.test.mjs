// Failures a worker can meet end in a clear message with nothing lost: storage blocked, storage
// full, damaged or old drafts, a Rust panic (through a trigger that exists only in the test
// build), and hostile or huge text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startApp, openPage, DIST, TEST_DIST } from './harness.mjs';
import {
  answerFrequency, checkAnswer, continueOn, expectHeading, fillStart, writeNotes,
} from './pages/worker-ask.mjs';
import {
  KEY, assertNoSidewaysScroll, choosePassphrase, download, draftRecord, draftRows, fillNewPassphrase,
  openDraft, optInBox, resumeDraft, screening, seed, stored, storedJson, turnOnDrafts, waitForSaved,
} from './pages/drafts.mjs';
import { definition } from './definition.mjs';

const item = (id) => definition.items.find((i) => i.id === id);
const q = (id) => item(id).worker_wording;
const PANIC_TRIGGER = '__test/panic';

let app;
let testApp;
before(async () => {
  app = await startApp();
  testApp = await startApp({ dist: TEST_DIST });
});
after(async () => {
  await app?.close();
  await testApp?.close();
});

test('storage blocked: the app works, and the drafts box is off with the reason', async () => {
  const t = await openPage(app);
  await t.context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  await t.page.goto(app.url);
  await fillStart(t.page, { clientRef: 'SB-01' });
  assert.equal(await optInBox(t.page).isDisabled(), true);
  const hint = await t.page.locator('#save-draft-hint').innerText();
  assert.match(hint, /Drafts are off: this browser is not letting the app store anything/);
  assert.equal(await t.page.getByRole('button', { name: 'Delete all data this app keeps on this device' }).count(), 0);
  await continueOn(t.page);
  await expectHeading(t.page, 'Relationship');
  t.assertClean();
  await t.close();
});

test('storage full: the answers stay on screen, the worker is told, and can download them', async () => {
  const t = await openPage(app);
  await t.context.addInitScript(() => {
    Storage.prototype.setItem = function setItem() {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await t.page.goto(app.url);
  await fillStart(t.page, { clientRef: 'QF-01' });
  await choosePassphrase(t.page);
  const alert = t.page.getByRole('alert').filter({ hasText: 'storage for the app is full' });
  await alert.waitFor();
  const file = await download(t.page, alert.getByRole('button', { name: 'Download the answers' }));
  assert.equal(file.name, 'dva-screen-answers.json');
  const saved = JSON.parse(file.text);
  assert.equal(saved.client_reference, 'QF-01');
  assert.equal(saved.answers.answers['set.alone'].answer.value, 'yes');
  // The screening goes on; the message stays until a save works.
  await continueOn(t.page);
  await expectHeading(t.page, 'Relationship');
  assert.equal(await alert.count(), 1);
  t.assertClean();
  await t.close();
});

const good = JSON.stringify({ format: 2, drafts: [draftRecord('ok', 'GOOD-1')] });
const damaged = [
  ['corrupted', '{"format":2,"drafts":[{"id":"x" <<not json>>', /damaged and cannot be read/],
  ['truncated', good.slice(0, Math.floor(good.length / 2)), /cut off part-way/],
  ['newer', JSON.stringify({ format: 9, drafts: [], future: true }), /made by a newer version of DVA Screen/],
];
for (const [name, raw, message] of damaged) {
  test(`a ${name} draft: told at start-up, raw text downloadable, nothing deleted until the worker says`, async () => {
    const t = await openPage(app);
    await seed(t.page, app.url, raw);
    const alert = t.page.getByRole('alert').filter({ hasText: 'Some saved drafts could not be opened' });
    await alert.waitFor();
    assert.match(await alert.innerText(), message);
    const file = await download(t.page, alert.getByRole('button', { name: 'Download the raw draft' }));
    assert.equal(file.text, raw, 'the download is the exact stored text');
    assert.equal(await stored(t.page), raw, 'nothing deleted or rewritten');
    // No new draft may overwrite it: the box is off until the worker has dealt with it.
    await fillStart(t.page, { clientRef: 'NEW-1' });
    assert.equal(await optInBox(t.page).isDisabled(), true);
    assert.match(await t.page.locator('#save-draft-hint').innerText(), /Drafts are off until you have dealt with the saved draft/);
    assert.equal(await stored(t.page), raw, 'still untouched');
    // Deleting takes two deliberate clicks.
    await alert.getByRole('button', { name: 'Delete it' }).click();
    assert.equal(await stored(t.page), raw);
    await alert.getByRole('button', { name: 'Yes, delete it for good' }).click();
    await t.page.waitForFunction((key) => localStorage.getItem(key) === null, KEY);
    assert.equal(await optInBox(t.page).isDisabled(), false, 'drafts can be turned on again');
    t.assertClean();
    await t.close();
  });
}

test('one unreadable draft among good ones: the good ones still open, the bad one is kept verbatim', async () => {
  const t = await openPage(app);
  const bad = '{"id":"bad","client_reference":"BAD-9","screening":{"answers":42}}';
  const raw = `{"format":2,"drafts":[${JSON.stringify(draftRecord('ok', 'GOOD-1', { definition }))},${bad}]}`;
  await seed(t.page, app.url, raw);
  const alert = t.page.getByRole('alert').filter({ hasText: 'Some saved drafts could not be opened' });
  assert.match(await alert.innerText(), /One saved draft cannot be read\.\s+\(Client reference: BAD-9\)/);
  assert.equal((await download(t.page, alert.getByRole('button', { name: 'Download the raw draft' }))).text, bad);
  assert.equal(await draftRows(t.page).count(), 1);
  // Saving another draft keeps the unreadable one exactly as it was.
  await fillStart(t.page, { clientRef: 'NEW-2' });
  await turnOnDrafts(t.page);
  const now = await stored(t.page);
  assert.ok(now.includes(bad), 'the unreadable entry is kept verbatim');
  // The new draft locked, the good old one still as it was (plain, until it is opened).
  assert.deepEqual((await storedJson(t.page)).drafts.slice(0, 2).map((d) => (d.sealed ? 'sealed' : 'plain')), ['sealed', 'plain']);
  assert.ok(!now.includes('NEW-2'), 'the new draft is locked');
  t.assertClean();
  await t.close();
});

test('a format 1 draft is migrated to the current format, and opening it locks it with a new passphrase', async () => {
  const t = await openPage(app);
  const savedAt = new Date(Date.now() - 3600e3).toISOString().replace('Z', '+00:00');
  const v1 = {
    version: 1, saved_at: savedAt, client_reference: 'OLD-1',
    screening: screening({
      client_reference: 'OLD-1', worker: 'Pat', started_at: savedAt,
      answers: { answers: { 'set.alone': { answer: { type: 'yes_no', value: 'yes' }, source: 'worker' } }, notes: {} },
    }),
  };
  await seed(t.page, app.url, JSON.stringify(v1));
  assert.equal(await draftRows(t.page).count(), 1);
  const row = await draftRows(t.page).first().innerText();
  assert.match(row, /Not locked: saved by an earlier version[\s\S]*another version of the questionnaire/);
  assert.doesNotMatch(row, /OLD-1/);
  const migrated = await storedJson(t.page);
  assert.equal(migrated.format, 3);
  assert.equal(migrated.drafts[0].screening.client_reference, 'OLD-1');
  assert.equal(Date.parse(migrated.drafts[0].expires_at) - Date.parse(savedAt), 8 * 3600e3);
  // Opening it asks for a new passphrase, says what forgetting it means, and locks it at once.
  await openDraft(t.page);
  await t.page.getByText('An earlier version of DVA Screen saved this draft without a passphrase').waitFor();
  await t.page.getByText('If the passphrase is forgotten, nobody can open this draft').waitFor();
  await fillNewPassphrase(t.page);
  await t.page.getByRole('button', { name: 'Lock and open the draft' }).click();
  await expectHeading(t.page, 'Check your answers');
  assert.equal(await checkAnswer(t.page, 'Your name'), 'Pat');
  await waitForSaved(t.page);
  await t.page.waitForFunction((key) => !localStorage.getItem(key).includes('OLD-1'), KEY);
  const locked = await storedJson(t.page);
  assert.equal(locked.drafts.length, 1);
  assert.ok(locked.drafts[0].sealed, 'the same draft, now locked');
  t.assertClean();
  await t.close();
});

test('a Rust panic shows what to do next and still offers the answers (test build only)', async () => {
  const t = await openPage(testApp);
  await t.page.goto(testApp.url);
  await fillStart(t.page, { clientRef: 'PN-01' });
  await continueOn(t.page);
  await continueOn(t.page);
  await expectHeading(t.page, 'Behaviours in relationships');
  await answerFrequency(t.page, q('b.pushing'), 'Once', 'Yes');
  await t.page.evaluate((hash) => { location.hash = `#/${hash}`; }, PANIC_TRIGGER);
  const screen = t.page.getByRole('alert');
  await screen.getByRole('heading', { name: 'Something went wrong' }).waitFor();
  assert.match(await screen.innerText(), /Nothing has been sent anywhere/);
  assert.match(await screen.innerText(), /Then reload the page to start again/);
  const file = await download(t.page, screen.getByRole('link', { name: 'Download the answers entered so far' }));
  const saved = JSON.parse(file.text);
  assert.equal(saved.client_reference, 'PN-01');
  assert.equal(saved.answers.answers['b.pushing'].answer.value.band, 'once');
  // The panic is reported on the console by design; nothing else may be.
  const others = t.errors.filter((e) => !/test hook: deliberate panic|RuntimeError|unreachable/i.test(e));
  assert.deepEqual(others, []);
  assert.deepEqual(t.foreign, []);
  await t.close();
});

test('a broken questionnaire definition shows its list of problems, not the panic screen (test build only)', async () => {
  const t = await openPage(testApp);
  await t.page.goto(`${testApp.url}#/__test/broken-definition`);
  await expectHeading(t.page, 'The questionnaire could not be loaded');
  const problems = t.page.locator('main li');
  assert.ok(await problems.count() >= 4, 'every empty header is listed');
  assert.match(await problems.first().innerText(), /\bid\b/);
  assert.equal(await t.page.getByRole('alert').count(), 0, 'no panic screen');
  t.assertClean();
  await t.close();
});

test('the deployable build has no test hook; the test build has it', () => {
  const has = (dir) => fs.readdirSync(dir)
    .filter((f) => /\.(wasm|js|html)$/.test(f))
    .some((f) => fs.readFileSync(path.join(dir, f)).includes(PANIC_TRIGGER));
  assert.equal(has(DIST), false, `${DIST} must not contain the panic trigger`);
  assert.equal(has(TEST_DIST), true, `${TEST_DIST} is built with --features test-hooks`);
});

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(2)"> "double" \'single\' & &amp;',
  'مرحبا بالعالم \u202Eright-to-left\u202C 👩‍👧‍👦🔥',
].join(' ');

test('hostile and huge text is shown as text, never run, never widens the page, and survives a draft', async () => {
  for (const width of [1280, 390]) {
    const t = await openPage(app, { viewport: { width, height: 900 } });
    const dialogs = [];
    t.page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
    const huge = `${HOSTILE} ${'x'.repeat(100_000)}`;
    const reference = `${HOSTILE}REF`;
    await t.page.goto(app.url);
    await fillStart(t.page, { worker: huge, service: HOSTILE, clientRef: reference });
    // The worker chooses to list the reference, so the hostile text is shown in the list too.
    await turnOnDrafts(t.page, { showReference: true });
    await assertNoSidewaysScroll(t.page, `start at ${width}`);
    await continueOn(t.page);
    await expectHeading(t.page, 'Relationship');
    await writeNotes(t.page, huge);
    await waitForSaved(t.page);
    await assertNoSidewaysScroll(t.page, `notes at ${width}`);

    // Round trip through the draft, verbatim.
    await t.page.goto(app.url);
    await expectHeading(t.page, 'Before you ask');
    await assertNoSidewaysScroll(t.page, `saved drafts list at ${width}`);
    assert.ok((await draftRows(t.page).first().innerText()).includes('<script>alert(1)</script>'));
    await resumeDraft(t.page);
    await expectHeading(t.page, 'Check your answers');
    await assertNoSidewaysScroll(t.page, `check your answers at ${width}`);
    assert.equal(await checkAnswer(t.page, 'Client reference'), reference.trim());
    assert.equal(await checkAnswer(t.page, 'Your name'), huge.trim());
    // Stored locked: only the reference the worker chose to show is in the clear.
    const draft = (await storedJson(t.page)).drafts[0];
    assert.equal(draft.shown_reference, reference);
    assert.ok(!(await stored(t.page)).includes('x'.repeat(100)), 'the name and the note are not in the clear');
    // Nothing ran and nothing was injected.
    assert.deepEqual(dialogs, []);
    assert.equal(await t.page.locator('main script, main img').count(), 0);
    t.assertClean();
    await t.close();
  }
});
