// Drafts locked with a passphrase, as on a shared office computer: the browser's storage holds
// nothing readable of the screening after a save; the page says before saving that a forgotten
// passphrase means the draft can only be deleted, and warns about short codes; a wrong
// passphrase says so and deletes nothing; an expired draft is refused when it is opened.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, openPage } from './harness.mjs';
import {
  answerFrequency, continueOn, expectHeading, fillStart, writeNotes,
} from './pages/worker-ask.mjs';
import {
  PASSPHRASE, allStoredText, deleteDraft, draftRows, enterPassphrase, openDraft, optInBox,
  resumeDraft, stored, turnOnDrafts, waitForSaved,
} from './pages/drafts.mjs';
import { definition } from './definition.mjs';

const q = (id) => definition.items.find((i) => i.id === id).worker_wording;

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

const MARKER = 'ZEBRA-MARKER-7731';

test('after a draft save the storage holds no readable answer, note, name or client reference', async () => {
  const t = await openPage(app);
  await t.page.goto(app.url);
  await fillStart(t.page, { worker: `Worker ${MARKER}`, service: `Service ${MARKER}`, clientRef: `REF-${MARKER}` });
  await turnOnDrafts(t.page);
  await continueOn(t.page);
  await expectHeading(t.page, 'Relationship');
  await writeNotes(t.page, `He said ${MARKER} twice.`);
  await continueOn(t.page);
  await expectHeading(t.page, 'Behaviours in relationships');
  await answerFrequency(t.page, q('b.pushing'), '2 to 10 times', 'No');
  await waitForSaved(t.page);
  const all = await allStoredText(t.page);
  assert.ok(all.length > 0, 'a draft is stored');
  for (const word of [MARKER, 'Worker', 'Service', 'REF-', 'He said', 'relationship', 'answers', 'client_reference']) {
    assert.ok(!all.includes(word), `"${word}" is readable in the browser's storage`);
  }
  // And the draft still opens with its passphrase, with the note in it.
  await t.page.goto(app.url);
  await expectHeading(t.page, 'Before you ask');
  assert.doesNotMatch(await draftRows(t.page).first().innerText(), new RegExp(MARKER));
  await resumeDraft(t.page);
  await expectHeading(t.page, 'Check your answers');
  assert.match(await t.page.locator('main').innerText(), new RegExp(`He said ${MARKER} twice`));
  t.assertClean();
  await t.close();
});

test('before saving, the page says a forgotten passphrase means delete only, and warns that short codes are weak', async () => {
  const t = await openPage(app);
  await t.page.goto(app.url);
  await fillStart(t.page, { clientRef: 'PW-01' });
  await optInBox(t.page).check();
  await t.page.getByText('If the passphrase is forgotten, nobody can open this draft, not even your IT team: it can only be deleted.').waitFor();
  assert.equal(await stored(t.page), null, 'nothing is saved until a passphrase is chosen');
  const field = t.page.getByLabel('Choose a passphrase for this draft');
  // The warning about short codes is there before anything is typed, and is part of the field's
  // description, so a screen reader hears it too.
  await t.page.getByText(/^A short code, such as 4 digits, is weak/).waitFor();
  assert.match(await field.getAttribute('aria-describedby'), /draft-passphrase-short/);
  await field.fill(PASSPHRASE);
  // Typed differently the second time: said, and nothing saved.
  await t.page.getByLabel('Type the passphrase again').fill('something else');
  await t.page.getByRole('button', { name: 'Save the draft with this passphrase' }).click();
  await t.page.getByText('The 2 passphrases are different. Type the same passphrase twice').waitFor();
  assert.equal(await stored(t.page), null);
  await t.page.getByLabel('Type the passphrase again').fill(PASSPHRASE);
  await t.page.getByRole('button', { name: 'Save the draft with this passphrase' }).click();
  await waitForSaved(t.page);
  assert.notEqual(await stored(t.page), null);
  t.assertClean();
  await t.close();
});

test('a wrong passphrase says so and deletes nothing; a forgotten one leaves only Delete', async () => {
  const t = await openPage(app);
  await t.page.goto(app.url);
  await fillStart(t.page, { clientRef: 'PW-02' });
  await turnOnDrafts(t.page);
  const saved = await stored(t.page);
  await t.page.goto(app.url);
  await expectHeading(t.page, 'Before you ask');
  await openDraft(t.page);
  await t.page.getByText('If it has been forgotten, nobody can open the draft: delete it instead.').waitFor();
  await enterPassphrase(t.page, 'kettle orange bicycles');
  await t.page.getByText('This passphrase does not open the draft. Nothing has been deleted. Check it and try again.').waitFor();
  await expectHeading(t.page, 'Before you ask');
  assert.equal(await stored(t.page), saved, 'nothing deleted or changed');
  assert.equal(await draftRows(t.page).count(), 1);
  // Focus returns to the field for another try.
  await t.page.waitForFunction(() => document.activeElement?.id === 'open-passphrase');
  // Forgotten: the draft can be deleted without it.
  await deleteDraft(t.page, 0);
  assert.equal(await draftRows(t.page).count(), 0);
  assert.equal(await stored(t.page), null);
  t.assertClean();
  await t.close();
});

test('a draft whose lifetime has run out while the start page was open is refused on resume (faked clock)', async () => {
  const start = new Date('2025-03-04T09:00:00Z');
  const first = await openPage(app);
  await first.page.clock.install({ time: start });
  await first.page.goto(app.url);
  await fillStart(first.page, { clientRef: 'EX-02' });
  await turnOnDrafts(first.page);
  const state = await first.context.storageState();
  await first.close();
  // 7 h 59 min later the start page lists it...
  const t = await openPage(app, { storageState: state });
  await t.page.clock.install({ time: new Date(start.getTime() + (8 * 60 - 1) * 60e3) });
  await t.page.goto(app.url);
  await expectHeading(t.page, 'Before you ask');
  assert.equal(await draftRows(t.page).count(), 1);
  // ...and 2 minutes on, with the page still open, it can no longer be opened.
  await t.page.clock.fastForward('02:00');
  await openDraft(t.page);
  await enterPassphrase(t.page);
  await t.page.getByText('1 draft was more than 8 hours old and has been deleted.').waitFor();
  await expectHeading(t.page, 'Before you ask');
  assert.equal(await draftRows(t.page).count(), 0);
  assert.equal(await stored(t.page), null);
  t.assertClean();
  await t.close();
});
