// When a draft is saved: after a pause in the changes rather than on every key, and at once on a
// page change, when the page is hidden and on `pagehide`, so that leaving keeps what was typed.
// The draft is unlocked here with its passphrase to read what was saved. Timers are held with
// Playwright's clock where a spec must show that leaving, not the pause, saved the draft; no
// spec waits for time.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, openPage } from './harness.mjs';
import { continueOn, expectHeading, fillStart, writeNotes } from './pages/worker-ask.mjs';
import {
  saveStatus, storedJson, turnOnDrafts, unlockStored, waitForRevisionAfter, waitForSaved,
} from './pages/drafts.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

/** Drafts on, on the Relationship page, everything saved; the stored revision. */
async function onRelationshipWithDraft(page, clientRef) {
  await page.goto(app.url);
  await fillStart(page, { clientRef });
  await turnOnDrafts(page);
  await continueOn(page);
  await expectHeading(page, 'Relationship');
  await waitForSaved(page);
  return (await storedJson(page)).drafts[0].revision;
}

/** Holds the page's timers: a save that waits for a pause in typing cannot happen. */
async function holdTimers(page) {
  await page.clock.pauseAt(new Date(Date.now() + 60e3));
}

const notes = (screening) => Object.values(screening.answers.notes);

test('a note is saved after the typing, and the status line ends in its saved state', async () => {
  const t = await openPage(app);
  const revision = await onRelationshipWithDraft(t.page, 'SV-01');
  await t.page.getByLabel("The client's own words").pressSequentially('He said so.');
  await waitForRevisionAfter(t.page, revision);
  assert.match(await saveStatus(t.page).textContent(), /^Draft saved at \d\d:\d\d$/);
  assert.equal(await saveStatus(t.page).getAttribute('aria-busy'), null);
  assert.deepEqual(notes(await unlockStored(t.page)), ['He said so.']);
  t.assertClean();
  await t.close();
});

test('leaving the page saves what was just typed: pagehide, a hidden tab, a page change', async () => {
  const t = await openPage(app);
  await t.page.clock.install();
  let revision = await onRelationshipWithDraft(t.page, 'SV-02');
  await holdTimers(t.page);

  // Switching to another tab or window hides the page. Typed, and waiting for a pause that
  // never comes while the timers are held:
  await writeNotes(t.page, 'Typed before switching away.');
  await t.page.waitForFunction(() => document.querySelector('.drafts__status')?.getAttribute('aria-busy') === 'true');
  assert.equal((await storedJson(t.page)).drafts[0].revision, revision, 'not saved on the key press');
  await t.page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { value: true, configurable: true });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  });
  await waitForRevisionAfter(t.page, revision);
  assert.deepEqual(notes(await unlockStored(t.page)), ['Typed before switching away.']);
  await t.page.evaluate(() => { delete document.hidden; });

  // Continue saves at once.
  revision = (await storedJson(t.page)).drafts[0].revision;
  await writeNotes(t.page, 'Typed before Continue.');
  await continueOn(t.page);
  await expectHeading(t.page, 'Behaviours in relationships');
  await waitForRevisionAfter(t.page, revision);
  assert.deepEqual(notes(await unlockStored(t.page)), ['Typed before Continue.']);

  // Last, as leaving covers the screen.
  revision = (await storedJson(t.page)).drafts[0].revision;
  await writeNotes(t.page, 'Typed before the tab closed.');
  // The browser sends `pagehide` as the tab closes or goes to another address.
  await t.page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false })));
  await waitForRevisionAfter(t.page, revision);
  assert.ok(notes(await unlockStored(t.page)).includes('Typed before the tab closed.'));
  t.assertClean();
  await t.close();
});
