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
 * mark on, every animation frame, every mutation of the document and `pagehide` send a sample
 * of the title and the body to the test.
 */
function sampler() {
  let seq = 0;
  let sampling = false;
  const send = (kind) => {
    seq += 1;
    window.__exitSample({
      kind,
      seq,
      top: window === window.top,
      title: document.title,
      text: document.body ? document.body.innerText.trim() : '',
      elements: document.body ? document.body.childElementCount : 0,
    });
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

/** A page with the sampler in every frame; `samples` fills as the page runs. */
async function sampledPage() {
  const t = await openPage(app);
  const samples = [];
  await t.context.exposeBinding('__exitSample', ({ frame }, s) => {
    samples.push({ ...s, url: frame.url() });
  });
  await t.context.addInitScript(sampler);
  return { ...t, samples };
}

/**
 * The samples the app's document (and, embedded, the embedding page) sent after the last
 * trigger: each must be neutral and empty, and there must be frames and the final `pagehide`.
 */
function assertNothingShown(samples, { documents = 1 } = {}) {
  const byDocument = new Map();
  for (const s of samples) {
    const key = `${s.top}|${s.url.split('#')[0]}`;
    if (!byDocument.has(key)) byDocument.set(key, []);
    byDocument.get(key).push(s);
  }
  const leaving = [...byDocument.entries()].filter(([, list]) => list.some((s) => s.kind === 'trigger' || s.kind === 'pagehide'));
  assert.equal(leaving.length, documents, `documents sampled: ${[...byDocument.keys()].join(', ')}`);
  for (const [where, list] of leaving) {
    list.sort((a, b) => a.seq - b.seq);
    const lastTrigger = list.findLastIndex((s) => s.kind === 'trigger');
    const after = list.slice(lastTrigger + 1);
    const shown = after.filter((s) => s.title !== NEUTRAL || s.text !== '' || s.elements !== 0);
    assert.deepEqual(shown.slice(0, 3), [], `${where}: something of the screening shown after quick exit`);
    const frames = after.filter((s) => s.kind === 'frame').length;
    assert.ok(frames >= 2, `${where}: only ${frames} frames sampled while the exit page loaded`);
    assert.equal(after.at(-1).kind, 'pagehide', `${where}: sampled until the page was left`);
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
  await answerYesNo(t.page, /current partner/i, 'Yes');
  assert.match(await t.page.title(), /^Relationship/);
  await t.page.getByRole('button', { name: 'Quick exit' }).click();
  await assertLeftFor(t.page);
  assertNothingShown(t.samples);
  t.assertClean();
  await t.close();
});

test('quick exit by Shift pressed three times: the same, frame by frame', async () => {
  const t = await sampledPage();
  await startScreening(t.page, { clientRef: 'QX-KEYS' }, { url: app.url });
  assert.match(await t.page.title(), /^Relationship/);
  for (let i = 0; i < 3; i += 1) await t.page.keyboard.press('Shift');
  await assertLeftFor(t.page);
  assertNothingShown(t.samples);
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
  // The app's document and the embedding page: both blank and neutral until the tab leaves.
  assertNothingShown(t.samples, { documents: 2 });
  t.assertClean();
  await t.close();
});
