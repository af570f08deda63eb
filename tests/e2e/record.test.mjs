// Step 6, the record: the summary on screen, printed (A4, no controls), copied (with a fallback
// where the clipboard is refused) and downloaded as .txt, .html and .json, all in the browser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, openPage } from './harness.mjs';
import { respondPage, recordPage } from './pages/worker-result.mjs';
import { startScreening } from './pages/worker-ask.mjs';
import { answerAllSections, quietAnswers } from './pages/worker-flow.mjs';

const HOSTILE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2"> & "quotes" \'single\' 🙂 \u202eRTL';
const FILE = /^dva-screen-[A-Za-z0-9_-]+-\d{4}-\d{2}-\d{2}-\d{4}\.(txt|html|json)$/;

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

/** Opens respond-and-refer, records hostile free text in a sharing decision and an action note, and goes on to the record. */
async function toRecordWithHostileText(page) {
  await page.goto(`${app.url}#/respond`);
  const respond = respondPage(page);
  await page.getByRole('heading', { level: 1, name: 'Respond and refer' }).waitFor();
  await respond.mark('Referral to a specialist assessment or perpetrator programme', 'Offered', HOSTILE);
  await respond.addSharing({ withWhom: `GP ${HOSTILE}`, consent: 'Consent given', shared: 'No', reason: HOSTILE });
  await respond.continue();
  const record = recordPage(page);
  await record.open();
  return record;
}

test('downloads: .txt equals the on-screen text, .html escapes hostile text and has no script, .json is machine-readable', async () => {
  const t = await openPage(app, { acceptDownloads: true });
  const record = await toRecordWithHostileText(t.page);
  const plain = await record.plainText();
  assert.match(plain, /^DVA SCREEN: REFERRAL SUMMARY/);
  assert.ok(plain.includes(HOSTILE), 'the plain text keeps free text verbatim');

  const txt = await record.download('Download text (.txt)');
  assert.match(txt.name, FILE);
  assert.ok(txt.name.endsWith('.txt'));
  assert.equal(txt.text, plain);

  const html = await record.download('Download web page (.html)');
  assert.match(html.name, FILE);
  assert.doesNotMatch(html.text, /<script/i);
  assert.doesNotMatch(html.text, /<img/i);
  assert.ok(html.text.includes('&lt;script&gt;window.__pwned = 1&lt;/script&gt;'));
  assert.ok(html.text.includes('onerror=&quot;window.__pwned=2&quot;'));
  assert.match(html.text, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/);
  assert.doesNotMatch(html.text, /\b(src|href)=["']?(https?:|\/\/)/i, 'no external resources');
  // Opened as a page, the file runs nothing.
  const view = await t.context.newPage();
  await view.setContent(html.text);
  assert.equal(await view.evaluate(() => window.__pwned), undefined);
  await view.getByRole('heading', { level: 1, name: 'DVA Screen: referral summary' }).waitFor();
  await view.close();

  const json = await record.download('Download data (.json)');
  assert.match(json.name, FILE);
  const data = JSON.parse(json.text);
  assert.equal(data.definition_id, 'dva-screen-perpetrator');
  assert.match(data.definition_version, /^\d+\.\d+\.\d+$/);
  assert.match(data.header.at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)$/);
  assert.equal(data.sharing[0].reason, HOSTILE);
  assert.ok(Array.isArray(data.actions) && data.actions.length > 0);
  assert.ok(data.level && data.level.computed);
  assert.ok('answers' in data);
  // All three names carry the same reference and minute.
  assert.equal(txt.name.replace(/\.txt$/, ''), json.name.replace(/\.json$/, ''));
  await record.status().filter({ hasText: 'Downloaded' }).waitFor();
  t.assertClean();
  await t.close();
});

test('copy puts exactly the plain text on the clipboard when it is allowed', async () => {
  const t = await openPage(app);
  await t.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
  const record = await toRecordWithHostileText(t.page);
  await record.copy();
  await record.status().filter({ hasText: 'The summary text was copied' }).waitFor();
  const copied = await t.page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, await record.plainText());
  assert.equal(await record.fallbackBox().count(), 0);
  t.assertClean();
  await t.close();
});

test('where the clipboard is refused, the text is shown selected with an instruction, and the live region says so', async () => {
  const t = await openPage(app);
  await t.context.addInitScript(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('Denied', 'NotAllowedError'));
  });
  const record = await toRecordWithHostileText(t.page);
  await record.copy();
  await record.status().filter({ hasText: 'did not allow copying' }).waitFor();
  const box = record.fallbackBox();
  await box.waitFor();
  assert.equal(await box.inputValue(), await record.plainText());
  assert.equal(await box.getAttribute('readonly'), '');
  const selected = await box.evaluate((el) => [document.activeElement === el, el.selectionStart, el.selectionEnd, el.value.length]);
  assert.deepEqual(selected, [true, 0, selected[3], selected[3]]);
  await t.page.getByText('Press Ctrl+C', { exact: false }).first().waitFor();
  t.assertClean();
  await t.close();
});

test('print: controls and navigation are hidden, the summary and chart show, and an A4 PDF is produced', async () => {
  const t = await openPage(app);
  const record = await toRecordWithHostileText(t.page);
  await t.page.emulateMedia({ media: 'print' });
  for (const name of ['Print', 'Copy the text', 'Download text (.txt)', 'Start a new screening']) {
    assert.equal(await t.page.getByRole('button', { name }).isVisible(), false, `${name} is hidden in print`);
  }
  assert.equal(await t.page.getByRole('list', { name: 'Progress through the screening' }).isVisible(), false);
  assert.equal(await t.page.locator('.app-footer').isVisible(), false);
  await t.page.getByRole('heading', { level: 1, name: 'Referral summary' }).waitFor({ state: 'visible' });
  // On paper the title is "Referral summary", the page's one H1: the first and largest heading.
  const printed = await t.page.evaluate(() => [...document.querySelectorAll('h1, h2')]
    .filter((h) => h.getClientRects().length > 0)
    .map((h) => ({ text: h.textContent.trim(), size: parseFloat(getComputedStyle(h).fontSize) })));
  assert.equal(printed[0].text, 'Referral summary', JSON.stringify(printed.slice(0, 3)));
  assert.ok(printed.every((h) => h.text !== 'Record'), 'the "Record" heading is not printed');
  assert.ok(printed.slice(1).every((h) => h.size < printed[0].size), 'the title is the largest printed heading');
  assert.ok(await t.page.getByText('Client reference', { exact: true }).isVisible());
  assert.ok(await t.page.getByRole('img', { name: 'Behaviours disclosed, by type and how often' }).isVisible());
  const pdf = await t.page.pdf({ format: 'A4' });
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  assert.ok(pdf.length > 10_000, `PDF is ${pdf.length} bytes`);
  await t.page.emulateMedia({ media: 'screen' });
  assert.ok(await t.page.getByRole('button', { name: 'Print' }).isVisible());
  void record;
  t.assertClean();
  await t.close();
});

/**
 * The outline (bookmarks) of a PDF that Chromium wrote with `outline: true`, as "level title"
 * lines in order: each outline item is a dictionary with a /Title and a /Parent, and its children
 * hang from /First and /Next.
 */
function pdfOutline(pdf) {
  const text = pdf.toString('latin1');
  const objects = new Map();
  for (const m of text.matchAll(/(\d+) 0 obj\s*(<<[\s\S]*?>>)\s*endobj/g)) objects.set(m[1], m[2]);
  const ref = (dict, key) => dict.match(new RegExp(`/${key} (\\d+) 0 R`))?.[1];
  const title = (dict) => {
    const lit = dict.match(/\/Title \(((?:\\.|[^\\)])*)\)/);
    if (lit) return lit[1].replace(/\\(.)/g, '$1');
    const hex = dict.match(/\/Title <([0-9A-Fa-f]+)>/)?.[1] ?? '';
    const bytes = Buffer.from(hex, 'hex');
    return bytes[0] === 0xfe ? bytes.subarray(2).swap16().toString('utf16le') : bytes.toString('latin1');
  };
  const root = [...objects.values()].find((d) => /\/Type \/Outlines/.test(d));
  const lines = [];
  const walk = (id, level) => {
    for (let at = id; at; at = ref(objects.get(at), 'Next')) {
      const dict = objects.get(at);
      lines.push(`${level} ${title(dict)}`);
      walk(ref(dict, 'First'), level + 1);
    }
  };
  if (root) walk(ref(root, 'First'), 1);
  return lines;
}

/** How many pages a PDF has. */
function pdfPages(pdf) {
  return [...pdf.toString('latin1').matchAll(/\/Type \/Page\b(?!s)/g)].length;
}

test('print: the PDF outline has one top entry, "Referral summary", with its sections nested under it', async () => {
  const t = await openPage(app);
  await toRecordWithHostileText(t.page);
  await t.page.emulateMedia({ media: 'print' });
  const pdf = await t.page.pdf({ format: 'A4', outline: true, tagged: true });
  const outline = pdfOutline(pdf);
  const top = outline.filter((l) => l.startsWith('1 '));
  assert.deepEqual(top, ['1 Referral summary'], outline.join('\n'));
  const sections = outline.filter((l) => l.startsWith('2 ')).map((l) => l.slice(2));
  for (const s of ['Disclosures', 'Red flags', 'Actions', 'Information sharing']) {
    assert.ok(sections.some((x) => x.startsWith(s)), `"${s}" is a section under the title: ${sections.join(' | ')}`);
  }
  // The actions are H3s under their section.
  const actions = outline.findIndex((l) => /^2 Actions$/.test(l));
  assert.match(outline[actions + 1], /^3 \[/, outline.slice(actions, actions + 3).join(' | '));
  t.assertClean();
  await t.close();
});

test('print: a typical screening (five behaviours, two red flags, a note, a sharing decision) fits on 4 A4 pages', async () => {
  const t = await openPage(app);
  const { page } = t;
  await startScreening(page, {}, { url: app.url });
  const answers = {
    ...quietAnswers(),
    'b.shouting': ['2 to 10 times', 'Yes'], 'b.yelling': ['Once', 'Yes'], 'b.accusing_affairs': ['11 to 20 times', 'Yes'],
    'b.pushing': ['Once', 'Yes'], 'b.throat_grab': ['Once', 'Yes'],
  };
  await answerAllSections(page, answers, { notes: { behaviours: 'He said it only happened when he had been drinking.' } });
  await page.getByRole('button', { name: 'Continue to the result' }).click();
  await page.getByRole('button', { name: 'Continue to respond and refer' }).click();
  await page.getByRole('heading', { level: 1, name: 'Respond and refer' }).waitFor();
  await respondPage(page).addSharing({ withWhom: 'Safeguarding lead', consent: 'Consent not asked', shared: 'Yes', reason: 'Red flag: same-day discussion' });
  await respondPage(page).continue();
  await recordPage(page).open();
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4' });
  // Everything is still printed: the last section and the note are there.
  assert.ok(await page.getByRole('heading', { level: 2, name: 'Caveats' }).isVisible());
  assert.ok(await page.locator('.record__note').getByText('He said it only happened when he had been drinking.').isVisible());
  const pages = pdfPages(pdf);
  assert.ok(pages <= 4, `the summary prints on ${pages} A4 pages`);
  t.assertClean();
  await t.close();
});

test('starting a new screening asks first, then clears everything', async () => {
  const t = await openPage(app);
  const record = await toRecordWithHostileText(t.page);
  await t.page.getByRole('button', { name: 'Start a new screening' }).click();
  await t.page.getByRole('button', { name: 'Cancel' }).click();
  assert.ok((await record.plainText()).includes(HOSTILE), 'cancel keeps the screening');
  await record.startNew();
  await t.page.waitForFunction(() => location.hash === '#/' || location.hash === '');
  // Back to the record: nothing of the old screening is left.
  await t.page.goto(`${app.url}#/record`);
  await record.open();
  const text = await record.plainText();
  assert.ok(!text.includes('window.__pwned'), 'the old free text is gone');
  assert.match(text, /No information-sharing decisions recorded\./);
  t.assertClean();
  await t.close();
});
