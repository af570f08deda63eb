// Quick exit, frame by frame: by the button, by Shift pressed three times and from inside an
// embedding page's iframe. The exit page is served slowly (as from a busy intranet server), and
// every frame the browser draws while it waits, every change to the document and the moment the
// page is left are sampled inside the page: from the first frame after the exit until the
// browser leaves, the title is the neutral one and the document holds nothing of the screening.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, openPage, BASE } from './harness.mjs';
import { answerYesNo, startScreening } from './pages/worker-ask.mjs';

const NEUTRAL = 'New tab';
// Long enough for dozens of frames on an idle machine, a few on a busy one.
const EXIT_DELAY_MS = 1500;

let app;
before(async () => {
  app = await startApp({ server: { delays: { 'neutral.html': EXIT_DELAY_MS } } });
});
after(async () => { await app?.close(); });

/**
 * Installed in every document and frame before its scripts run. A capture listener on the
 * window marks each click and Shift key-up (the app's own handlers run after it); from the first
 * mark on, every animation frame, every mutation of the document and `pagehide` record a sample
 * of the title and the body. Samples go to the tab's session storage, written synchronously, so
 * they outlive the document and the test reads them from the exit page.
 */
function sampler() {
  const key = `__exit_samples_${window === window.top ? 'top' : 'frame'}`;
  let sampling = false;
  const send = (kind) => {
    const list = JSON.parse(sessionStorage.getItem(key) ?? '[]');
    list.push({
      kind,
      title: document.title,
      text: document.body ? document.body.innerText.trim() : '',
      elements: document.body ? document.body.childElementCount : 0,
    });
    sessionStorage.setItem(key, JSON.stringify(list));
  };
  const start = () => {
    if (sampling) return;
    sampling = true;
    new MutationObserver(() => send('mutation'))
      .observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    const frame = () => { send('frame'); requestAnimationFrame(frame); };
    requestAnimationFrame(frame);
  };
  const mark = () => {
    start();
    send('trigger');
    // Embedded: the embedding page is sampled from the same moment.
    if (window !== window.top) {
      try { window.top.__exitMark?.(); } catch { /* another origin */ }
    }
  };
  window.__exitMark = () => { start(); send('trigger'); };
  window.addEventListener('click', mark, true);
  window.addEventListener('keyup', (e) => { if (e.key === 'Shift') mark(); }, true);
  window.addEventListener('pagehide', () => { if (sampling) send('pagehide'); }, true);
}

/** A page with the sampler in every frame. */
async function sampledPage() {
  const t = await openPage(app);
  await t.context.addInitScript(sampler);
  return t;
}

/**
 * The samples each sampled document recorded after its last trigger, read from the exit page:
 * each must be neutral and empty, with frames drawn while the exit page loaded, up to `pagehide`.
 * `embedding` names a document that is not the app's (the intranet page around it): only its
 * title, which is the tab's, must be neutral; its own content is not the screening.
 */
async function assertNothingShown(page, documents = ['top'], { embedding } = {}) {
  const stored = await page.evaluate((names) => Object.fromEntries(
    names.map((n) => [n, JSON.parse(sessionStorage.getItem(`__exit_samples_${n}`) ?? '[]')]),
  ), documents);
  for (const where of documents) {
    const list = stored[where];
    const after = list.slice(list.findLastIndex((s) => s.kind === 'trigger') + 1);
    const shown = after.filter((s) => s.title !== NEUTRAL || (where !== embedding && (s.text !== '' || s.elements !== 0)));
    assert.deepEqual(shown.slice(0, 3), [], `${where}: something of the screening shown after quick exit`);
    const frames = after.filter((s) => s.kind === 'frame').length;
    assert.ok(frames >= 2, `${where}: only ${frames} frames sampled while the exit page loaded`);
    assert.equal(after.at(-1)?.kind, 'pagehide', `${where}: sampled until the page was left`);
  }
}

async function assertLeftFor(page, frameOrPage = page) {
  await page.waitForURL((u) => u.pathname.endsWith('/neutral.html'));
  await page.waitForFunction((title) => document.title === title, NEUTRAL);
  assert.equal((await frameOrPage.locator('body').innerText()).trim(), '');
}

test('quick exit by the button: neutral title and nothing on screen in every frame until the exit page arrives', async () => {
  const t = await sampledPage();
  await startScreening(t.page, { clientRef: 'QX-BUTTON' }, { url: app.url });
  await answerYesNo(t.page, /relationship at the moment/, 'Yes');
  assert.match(await t.page.title(), /^Relationship/);
  await t.page.getByRole('button', { name: 'Quick exit' }).click();
  await assertLeftFor(t.page);
  await assertNothingShown(t.page);
  t.assertClean();
  await t.close();
});

test('quick exit by Shift pressed three times: the same, frame by frame', async () => {
  const t = await sampledPage();
  await startScreening(t.page, { clientRef: 'QX-KEYS' }, { url: app.url });
  assert.match(await t.page.title(), /^Relationship/);
  for (let i = 0; i < 3; i += 1) await t.page.keyboard.press('Shift');
  await assertLeftFor(t.page);
  await assertNothingShown(t.page);
  t.assertClean();
  await t.close();
});

test('quick exit inside an iframe takes the whole tab to the exit page, blank and neutral throughout', async () => {
  const t = await sampledPage();
  // An intranet page embedding the app (same origin, as on a service's intranet).
  const embed = `${app.origin}/intranet/embed.html`;
  await t.page.route(embed, (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: `<!DOCTYPE html><html lang="en-GB"><head><title>Team tools</title></head><body>
      <h1>Team tools</h1><iframe src="${BASE}" title="DVA Screen" style="width:1200px;height:800px"></iframe></body></html>`,
  }));
  await t.page.goto(embed);
  const frame = t.page.frameLocator('iframe');
  await frame.getByRole('heading', { level: 1, name: 'Before you ask' }).waitFor();
  await frame.getByLabel('Client reference').fill('QX-FRAME');
  await frame.getByRole('button', { name: 'Quick exit' }).click();
  await assertLeftFor(t.page);
  // The app's document blank and neutral, and the tab's title (the embedding page's) neutral,
  // until the tab leaves.
  await assertNothingShown(t.page, ['top', 'frame'], { embedding: 'top' });
  t.assertClean();
  await t.close();
});
