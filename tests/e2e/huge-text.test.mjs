// Huge and hostile free text (100,000 characters, markup, quotes, right-to-left text, emoji)
// reaches every form of the referral summary verbatim: on screen, in print, on the clipboard and
// in the .txt, .html and .json downloads. It is never run, and never widens the page or the file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, openPage } from './harness.mjs';
import { continueOn, expectHeading, fillStart, writeNotes } from './pages/worker-ask.mjs';
import { recordPage } from './pages/worker-result.mjs';
import { assertNoSidewaysScroll } from './pages/drafts.mjs';
import { definition } from './pages/worker-flow.mjs';

const HOSTILE = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 2">',
  '"double" \'single\' & &amp; </p></section>',
  'مرحبا بالعالم \u202Eright-to-left override\u202C שלום',
  '👩‍👧‍👦🔥🙂',
].join(' ');

/** Exactly 100,000 UTF-16 code units: the hostile start, mixed words, and one unbroken run. */
function hugeNote() {
  const words = 'He said مرحبا 🙂 then left. ';
  const unbroken = 'x'.repeat(5_000);
  let text = `${HOSTILE} ${unbroken} `;
  while (text.length < 100_000) text += words;
  return text.slice(0, 100_000 - 4) + ' END';
}

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

for (const width of [1280, 390]) {
  test(`a 100,000-character hostile note reaches print, copy, .txt, .html and .json verbatim at ${width} px`, async () => {
    const t = await openPage(app, { acceptDownloads: true, viewport: { width, height: 900 } });
    await t.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
    const dialogs = [];
    t.page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
    const note = hugeNote();
    assert.equal(note.length, 100_000);

    await t.page.goto(app.url);
    await fillStart(t.page, { clientRef: 'HUGE-1', service: HOSTILE });
    await continueOn(t.page);
    await expectHeading(t.page, 'Relationship');
    await writeNotes(t.page, note);
    // Straight to the record: the summary is built from whatever has been entered so far.
    await t.page.evaluate(() => { window.location.hash = '#/record'; });
    const record = recordPage(t.page);
    await record.open();

    // On screen.
    const plain = await record.plainText();
    assert.ok(plain.includes(note), 'the on-screen summary keeps the note verbatim');
    assert.ok(plain.includes(`Service: ${HOSTILE}`), 'and the hostile service name');
    await assertNoSidewaysScroll(t.page, `record at ${width}`);
    assert.equal(await t.page.locator('main script, main img').count(), 0, 'no markup was injected');

    // In print: the same text, no sideways overflow, and a PDF is produced.
    await t.page.emulateMedia({ media: 'print' });
    await assertNoSidewaysScroll(t.page, `print at ${width}`);
    const printed = t.page.locator('.record__note');
    assert.equal(await printed.count(), 1);
    assert.ok(await printed.isVisible(), 'the note is printed');
    assert.equal(await printed.textContent(), note, 'the printed summary shows the whole note');
    const pdf = await t.page.pdf({ format: 'A4' });
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    await t.page.emulateMedia({ media: 'screen' });

    // Copy.
    await record.copy();
    await record.status().filter({ hasText: 'The summary text was copied' }).waitFor();
    assert.equal(await t.page.evaluate(() => navigator.clipboard.readText()), plain);

    // .txt is exactly the on-screen text.
    const txt = await record.download('Download text (.txt)');
    assert.equal(txt.text, plain);

    // .html: escaped, runs nothing, wraps the unbroken run.
    const html = await record.download('Download web page (.html)');
    assert.doesNotMatch(html.text, /<script|<img/i);
    assert.ok(html.text.includes('&lt;script&gt;window.__pwned = 1&lt;/script&gt;'));
    assert.ok(html.text.includes('onerror=&quot;window.__pwned = 2&quot;'));
    assert.ok(html.text.includes('&lt;/p&gt;&lt;/section&gt;'));
    const view = await t.context.newPage();
    await view.setViewportSize({ width, height: 900 });
    await view.setContent(html.text);
    assert.equal(await view.evaluate(() => window.__pwned), undefined, 'the .html file ran nothing');
    const shownNote = await view.locator('.note').filter({ hasText: 'END' }).last().textContent();
    assert.equal(shownNote, note, 'the .html file shows the note verbatim');
    await assertNoSidewaysScroll(view, `.html file at ${width}`);
    await view.close();

    // .json: the note and the service name are the same strings.
    const json = await record.download('Download data (.json)');
    const data = JSON.parse(json.text);
    assert.equal(data.header.service, HOSTILE);
    const relationship = data.sections.find((s) => s.section_id === 'relationship');
    assert.equal(relationship.note, note);

    assert.deepEqual(dialogs, [], 'nothing ran');
    t.assertClean();
    await t.close();
  });
}

test('hostile text in the worker\'s observation and the third-party information stays text everywhere', async () => {
  const t = await openPage(app, { acceptDownloads: true, viewport: { width: 390, height: 900 } });
  const dialogs = [];
  t.page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  // Each field takes 2,000 characters: the hostile start and an unbroken run to the limit.
  const long = (tag) => `${tag} ${HOSTILE} ${'y'.repeat(2_000 - HOSTILE.length - tag.length - 2)}`;
  const fields = {
    'ready.observation': long('OBS'),
    'ready.third_party': long('TPI'),
  };
  await t.page.goto(app.url);
  await fillStart(t.page, { clientRef: 'HOST-2' });
  await continueOn(t.page);
  await expectHeading(t.page, 'Relationship');
  await t.page.evaluate(() => { window.location.hash = '#/ask/readiness'; });
  await expectHeading(t.page, 'Readiness to change');
  for (const [id, text] of Object.entries(fields)) {
    await t.page.getByLabel(definition.items.find((i) => i.id === id).worker_wording).fill(text);
  }
  await t.page.evaluate(() => { window.location.hash = '#/record'; });
  const record = recordPage(t.page);
  await record.open();
  const plain = await record.plainText();
  for (const text of Object.values(fields)) assert.ok(plain.includes(text), 'verbatim in the text');
  assert.equal(await t.page.locator('main script, main img').count(), 0, 'no markup was injected');
  await assertNoSidewaysScroll(t.page, 'record with hostile observation at 390');
  const html = await record.download('Download web page (.html)');
  assert.doesNotMatch(html.text, /<script|<img/i);
  const view = await t.context.newPage();
  await view.setViewportSize({ width: 390, height: 900 });
  await view.setContent(html.text);
  assert.equal(await view.evaluate(() => window.__pwned), undefined, 'the .html file ran nothing');
  const notes = await view.locator('.note').allTextContents();
  for (const text of Object.values(fields)) assert.ok(notes.includes(text), 'verbatim in the .html');
  await assertNoSidewaysScroll(view, '.html file with hostile observation');
  await view.close();
  const data = JSON.parse((await record.download('Download data (.json)')).text);
  assert.equal(data.observation, fields['ready.observation']);
  assert.equal(data.third_party, fields['ready.third_party']);
  assert.deepEqual(dialogs, [], 'nothing ran');
  t.assertClean();
  await t.close();
});
