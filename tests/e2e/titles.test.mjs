// Neutral titles in the browser's history (issue 13): under the neutral setting every page is
// titled "New tab", so that the history, the tab and the window bar name neither a step nor the
// app, while each page is still announced inside it, by focus moving to its main heading. The
// history is read as the browser keeps it (the DevTools protocol's navigation entries, each with
// the title its page had), after walking through the pages as a worker or a client would.
//
// The worker's pages are named by default; the test build (dist-test) is built with the
// `neutral-titles` feature, the setting a service would choose. The client's pages are neutral
// in every build, so the client view is checked on the deployable build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, openPage, TEST_DIST } from './harness.mjs';
import { axFocused, expectFocus } from './ax.mjs';
import { continueOn, expectHeading, heading, startScreening } from './pages/worker-ask.mjs';
import { askedSections } from './pages/worker-flow.mjs';
import { resultPage } from './pages/worker-result.mjs';
import {
  DONE_TITLE, START_TITLE, choose, enterCode, handOver, next, openHandover, sectionBox,
} from './pages/client.mjs';

const NEUTRAL = 'New tab';
const CODE = '1357';

let worker;
let client;
before(async () => {
  worker = await startApp({ dist: TEST_DIST });
  client = await startApp();
});
after(async () => {
  await worker?.close();
  await client?.close();
});

/**
 * The app's entries in the tab's history, oldest first, as { at, title }: `at` is the part of
 * the address after the app's own (the fragment, such as "#/result"), `title` what the browser
 * keeps for the entry.
 */
async function appHistory(page, appUrl) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { entries } = await cdp.send('Page.getNavigationHistory');
    return entries
      .filter((e) => e.url.startsWith(appUrl))
      .map((e) => ({ at: e.url.slice(appUrl.length), title: e.title }));
  } finally {
    await cdp.detach();
  }
}

/**
 * After a page change: focus is on the new page's main heading, and the accessibility tree (what
 * a screen reader is given) has that heading focused under `name`, so the page is announced
 * although the title says nothing. Waiting for the focus also waits for the title: both are set
 * in the same effect, the title first.
 */
async function expectAnnounced(page, name, where) {
  await expectFocus(page, heading(page), `on ${where}`);
  const focused = await axFocused(page);
  assert.equal(focused?.role, 'heading', `the focused node on ${where}`);
  assert.match(focused?.name ?? '', name, `what a screen reader hears on ${where}`);
  assert.equal(await page.title(), NEUTRAL, `the tab's title on ${where}`);
}

const exactly = (text) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

test('worker pages under the neutral setting: every history entry is "New tab"; each page is announced by its heading', async () => {
  const t = await openPage(worker);
  const { page } = t;
  await page.goto(worker.url);
  await expectHeading(page, 'Before you ask');
  // The app has set its title once the loading page's own ("DVA Screen") is gone.
  await page.waitForFunction(() => document.title !== 'DVA Screen');
  assert.equal(await page.title(), NEUTRAL, 'the tab\'s title on the first page');
  const walked = [''];

  await startScreening(page);
  for (const [i, section] of askedSections.entries()) {
    await expectAnnounced(page, exactly(section.title), `the ${section.title} page`);
    walked.push(`#/ask/${section.id}`);
    // Gaps are allowed: Continue moves on, to the next section or to check your answers.
    if (i < askedSections.length - 1) await continueOn(page);
  }
  await continueOn(page);
  await expectAnnounced(page, exactly('Check your answers'), 'check your answers');
  walked.push('#/check');
  await page.getByRole('button', { name: 'Continue to the result', exact: true }).click();
  await expectAnnounced(page, /^Level of concern\b/, 'the result');
  walked.push('#/result');
  await resultPage(page).continue();
  await expectAnnounced(page, exactly('Respond and refer'), 'respond and refer');
  walked.push('#/respond');
  await page.getByRole('button', { name: 'Continue to the record', exact: true }).click();
  await expectAnnounced(page, exactly('Referral summary'), 'the record');
  walked.push('#/record');

  const history = await appHistory(page, worker.url);
  // One entry per page walked, in order: the entries read are the walk's own.
  assert.deepEqual(history.map((e) => e.at), walked);
  assert.deepEqual(
    history.filter((e) => e.title !== NEUTRAL),
    [],
    'history entries titled other than "New tab" (naming a step or the app)',
  );
  t.assertClean();
  await t.close();
});

test('client view: every history entry of his pages is "New tab", before and after the hand-back; each page is announced by its heading', async () => {
  const t = await openPage(client);
  const { page } = t;
  await page.goto(client.url);
  await startScreening(page);
  await openHandover(page);
  // Only the readiness section: a short walk through every kind of client page.
  await sectionBox(page, 'Behaviours in relationships').uncheck();
  await sectionBox(page, 'Readiness to change').check();
  await handOver(page, CODE);
  await expectAnnounced(page, exactly(START_TITLE), 'the client start page');
  const walked = ['#/client'];

  await page.getByRole('button', { name: 'Start', exact: true }).click();
  for (let guard = 0; guard < 10; guard += 1) {
    const title = (await heading(page).innerText()).trim();
    if (title === DONE_TITLE) break;
    await expectAnnounced(page, exactly(title), `client page "${title}"`);
    walked.push(new URL(page.url()).hash);
    await choose(page, 'Prefer not to say');
    await next(page);
  }
  await expectAnnounced(page, exactly(DONE_TITLE), 'the hand-back page');
  walked.push('#/client/done');
  // Five questions between the welcome and the hand-back page.
  assert.equal(walked.filter((at) => at.startsWith('#/client/q/')).length, 5, `pages walked: ${walked}`);

  const clientEntries = async () => (await appHistory(page, client.url)).filter((e) => e.at.startsWith('#/client'));
  let entries = await clientEntries();
  assert.deepEqual(entries.map((e) => e.at), walked, 'one entry per client page, in order');
  assert.deepEqual(entries.filter((e) => e.title !== NEUTRAL), [], 'client entries titled other than "New tab"');

  // The worker's code brings back the worker pages; the client's entries stay neutral.
  await enterCode(page, CODE);
  await expectHeading(page, 'Check your answers');
  entries = await clientEntries();
  assert.deepEqual(entries.map((e) => e.at), walked);
  assert.deepEqual(entries.filter((e) => e.title !== NEUTRAL), [], 'client entries after the hand-back');

  // The worker's own pages, outside the client view, keep their names (the default setting):
  // the titles read are the browser's real ones, not blanks.
  const workerEntries = (await appHistory(page, client.url)).filter((e) => !e.at.startsWith('#/client'));
  assert.ok(
    workerEntries.some((e) => e.at === '#/ask/relationship' && e.title === 'Relationship – DVA Screen'),
    `the worker's entries: ${JSON.stringify(workerEntries)}`,
  );
  t.assertClean();
  await t.close();
});
