// An honest record (issue 11): the client self-completes a red-flag answer, the worker changes
// it after discussion, and the red flag still stands, with the change printed on screen, in
// print, in the .txt, the .html and the .json; setting it aside needs the safeguarding lead's
// name and reason. His account reads as his; the worker's observation and third-party
// information print under their own headings.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, openPage, assertAccessible } from './harness.mjs';
import {
  answerFrequency, changeAnswer, continueOn, expectHeading, heading, startScreening,
} from './pages/worker-ask.mjs';
import {
  DONE_TITLE, RECENT_LEGEND, START_TITLE, choose, clientItems, enterCode, handOver, itemByClientWording,
  next, openHandover, sectionBox,
} from './pages/client.mjs';
import { resultPage, recordPage } from './pages/worker-result.mjs';
import { item } from './pages/worker-flow.mjs';

const CODE = '1357';
const THROAT = 'b.throat_grab';
const FLAG = 'Non-fatal strangulation or suffocation';
const OBSERVED = 'OBS-7Q raised his voice when her name came up';
const THIRD = 'TP-4K police log: callout in May';
// "Grabbing her by the throat or neck: first answered “Once; …” (self-completed); changed to
// “Never” by the worker, after discussion, 14:32"
const CHANGE = new RegExp(
  `${item(THROAT).label}: first answered \u201cOnce; in the last 12 months: yes\u201d \\(self-completed\\); `
  + 'changed to \u201cNever\u201d by the worker, after discussion, \\d\\d:\\d\\d',
);

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

/** The client answers the behaviours section on his own: once to the throat, never to the rest. */
async function clientAnswersBehaviours(page) {
  await openHandover(page);
  await sectionBox(page, 'Readiness to change').uncheck();
  await handOver(page, CODE);
  await expectHeading(page, START_TITLE);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  // The first question replaces the start page: wait for it before reading the heading.
  await page.waitForFunction((start) => {
    const h = document.querySelector('main h1')?.innerText.trim();
    return h && h !== start;
  }, START_TITLE);
  const asked = clientItems(['behaviours']).length;
  for (let guard = 0; guard < asked + 5; guard += 1) {
    const title = (await heading(page).innerText()).trim();
    if (title === DONE_TITLE) break;
    if (title === RECENT_LEGEND) {
      await choose(page, 'Yes');
    } else {
      const it = itemByClientWording(title);
      assert.ok(it, `"${title}" is a client question`);
      await choose(page, it.id === THROAT ? 'Once' : 'Never');
    }
    await next(page);
  }
  await expectHeading(page, DONE_TITLE);
  await enterCode(page, CODE);
  await expectHeading(page, 'Check your answers');
}

test('a self-completed red flag changed by the worker still stands, printed everywhere, until the lead sets it aside', async () => {
  const t = await openPage(app, { acceptDownloads: true });
  const { page } = t;
  await page.goto(app.url);
  await startScreening(page, { clientRef: 'HX-11' });
  await clientAnswersBehaviours(page);

  // The worker goes through it with him and changes the throat answer to never.
  await changeAnswer(page, item(THROAT).label);
  await answerFrequency(page, item(THROAT).worker_wording, 'Never');
  await continueOn(page);
  await expectHeading(page, 'Check your answers');

  // The worker's own observation and third-party information, on the readiness page.
  await page.evaluate(() => { window.location.hash = '#/ask/readiness'; });
  await expectHeading(page, 'Readiness to change');
  await page.getByLabel(item('ready.observation').worker_wording).fill(OBSERVED);
  await page.getByLabel(item('ready.third_party').worker_wording).fill(THIRD);

  // The result: the flag stands, said to be raised then changed.
  await page.evaluate(() => { window.location.hash = '#/result'; });
  await expectHeading(page, /High risk: act today/);
  const result = resultPage(page);
  const flag = result.redFlag(FLAG);
  await flag.waitFor();
  assert.match(await flag.innerText(), /Raised, then the answer was changed\. This red flag stands until the safeguarding lead agrees otherwise\./);

  // The record, on screen and in every file.
  await page.evaluate(() => { window.location.hash = '#/record'; });
  const record = recordPage(page);
  await record.open();
  const screen = await page.locator('.record__summary').innerText();
  assert.match(screen, CHANGE);
  assert.match(screen, /stands until the safeguarding lead agrees otherwise/);
  assert.match(screen, new RegExp(`What the worker saw or heard[^\\n]*\\n+${OBSERVED}`));
  assert.match(screen, /Third-party information: do not disclose to him\./);
  assert.ok(screen.includes(THIRD));
  assert.match(screen, /Count of answers \(not a risk score\)|No abusive behaviour was disclosed/);
  // The level is followed at once by the minimisation caveat.
  assert.match(screen, /Level of concern: High risk: act today\n+[^\n]*\n*This screen relies on what he says about himself/);
  const plain = await record.plainText();
  assert.match(plain, CHANGE);
  // One document, rendered twice: every line of the text is on the screen (headings in
  // capitals there, in sentence case here; list marks and indents are the text's own).
  // The header's "Label: value" is a definition list on screen, so colons are not compared;
  // the text's first line is its title, which the page's own heading stands for.
  const norm = (x) => x.toLowerCase().replace(/:/g, ' ').replace(/\s+/g, ' ').trim();
  const onScreen = norm(screen);
  for (const line of plain.split('\n').slice(2)) {
    const words = line.replace(/^\s*(- |\* |!! )?/, '').trim();
    if (!words || /^[=-]+$/.test(words)) continue;
    assert.ok(onScreen.includes(norm(words)), `on screen: ${words}`);
  }
  const txt = await record.download('Download text (.txt)');
  assert.match(txt.text, CHANGE);
  assert.match(txt.text, /!! Third-party information: do not disclose to him/);
  const html = await record.download('Download web page (.html)');
  assert.match(html.text, CHANGE);
  assert.match(html.text, /<section id="third_party">[\s\S]*do not disclose to him/);
  const json = JSON.parse((await record.download('Download data (.json)')).text);
  const standing = json.red_flags.find((f) => f.title === FLAG);
  assert.equal(standing.status.state, 'raised_then_changed');
  assert.ok(json.changes.some((c) => CHANGE.test(c)), json.changes.join('\n'));
  assert.ok(json.answers.changes.some((c) => c.item_id === THROAT && c.before?.source === 'client_self_completed'));
  // In print the same summary is what is on paper.
  await page.emulateMedia({ media: 'print' });
  assert.match(await page.locator('.record__summary').innerText(), CHANGE);
  await page.emulateMedia({ media: 'screen' });
  await assertAccessible(page, 'the record with a change and third-party information');

  // Setting it aside needs the lead's name and a reason.
  await page.evaluate(() => { window.location.hash = '#/result'; });
  await expectHeading(page, /High risk: act today/);
  await flag.getByText('The safeguarding lead agreed this red flag can be set aside').click();
  await flag.getByRole('button', { name: "Record the lead's decision" }).click();
  await flag.getByText('Enter the name of the safeguarding lead who agreed').waitFor();
  await page.waitForFunction(() => document.activeElement?.id?.endsWith('-lead'));
  await assertAccessible(page, 'the set-aside form with an error');
  await flag.getByLabel("Safeguarding lead's name").fill('Sam Lead');
  await flag.getByRole('button', { name: "Record the lead's decision" }).click();
  await flag.getByText('Enter why the safeguarding lead agreed').waitFor();
  await flag.getByLabel('Why the lead agreed').fill('He described a hand on her shoulder, not her throat');
  await flag.getByRole('button', { name: "Record the lead's decision" }).click();
  await page.getByRole('heading', { name: "Red flags set aside with the safeguarding lead's agreement" }).waitFor();
  await expectHeading(page, /No abuse disclosed/);
  assert.match(await page.locator('main').innerText(), /This is not a clean bill/);

  await page.evaluate(() => { window.location.hash = '#/record'; });
  await record.open();
  const after = await page.locator('.record__summary').innerText();
  assert.match(after, /Set aside with the agreement of the safeguarding lead, Sam Lead\. Reason: He described a hand on her shoulder/);
  assert.match(after, CHANGE, 'the change is still printed after the flag is set aside');
  assert.match(after, /This is not a clean bill/);
  t.assertClean();
  await t.close();
});

test('his account of his partner and the children reads as his; the interpreter must not know the family', async () => {
  const t = await openPage(app);
  const { page } = t;
  await page.goto(app.url);
  // A professional interpreter: name and agency, and whether they know the family.
  await page.getByLabel('Your name').waitFor();
  await page.getByRole('group', { name: /^Is an interpreter being used/ })
    .getByRole('radio', { name: 'Yes, a professional interpreter' }).check();
  await page.getByLabel(item('set.interpreter_name').worker_wording).fill('A. Interpreter, Language Line');
  await page.getByRole('group', { name: new RegExp(`^${item('set.interpreter_known').worker_wording.replace(/[?.]/g, '.')}`) })
    .getByRole('radio', { name: 'Not sure' }).check();
  await page.getByText('An interpreter who knows the family, or may know them, must not interpret').waitFor();
  await page.getByRole('group', { name: new RegExp(`^${item('set.interpreter_known').worker_wording.replace(/[?.]/g, '.')}`) })
    .getByRole('radio', { name: 'No', exact: true }).check();
  await startScreening(page, { clientRef: 'HA-12', interpreter: null });
  await page.getByRole('group', { name: /^Are you in a relationship at the moment/ }).getByRole('radio', { name: 'Yes', exact: true }).check();
  await page.evaluate(() => { window.location.hash = '#/record'; });
  await recordPage(page).open();
  const text = await recordPage(page).plainText();
  assert.match(text, /Has a partner now: he says yes/);
  assert.match(text, /Interpreter's name and agency: A\. Interpreter, Language Line/);
  assert.match(text, /Interpreter known to the family: No/);
  t.assertClean();
  await t.close();
});
