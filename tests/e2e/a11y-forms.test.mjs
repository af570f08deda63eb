// Refused forms, as a screen-reader and keyboard user meets them (issue 15, points 2, 3, 7, 10):
// every error and hint is in its field's accessible description (read from Chromium's
// accessibility tree), the page title starts with "Error: " while a form is refused and not after,
// the error summary shows a focus ring when it takes focus, its focused links are text-coloured
// on the focus yellow (contrast computed from the rendered colours), and the hand-over code
// fields ask browsers not to fill or save them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, openPage, assertAccessible } from './harness.mjs';
import { focusRing } from './layout.mjs';
import { T, axNode, focusedContrast, unassociated } from './ax.mjs';
import { expectHeading, startScreening } from './pages/worker-ask.mjs';
import { resultPage, respondPage } from './pages/worker-result.mjs';
import { START_TITLE, choose, enterCode, handOver, openHandover, sectionBox } from './pages/client.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

/** Waits until the title starts with "Error: " (or, with `refused` false, does not). */
async function expectErrorTitle(page, refused, where) {
  await page.waitForFunction((want) => document.title.startsWith('Error: ') === want, refused, { timeout: 5000 })
    .catch(async () => assert.fail(`${where}: title "${await page.title()}"`));
}

/** The accessible description of the element matching `selector`. */
async function description(page, selector) {
  const node = await axNode(page, selector);
  assert.ok(node, `no accessibility node for ${selector}`);
  return node.description;
}

/** Asserts that the description of `selector` holds every text in `parts`. */
async function describedBy(page, selector, parts, where) {
  const d = await description(page, selector);
  for (const p of parts) assert.ok(d.includes(p), `${where}: the description of ${selector} lacks "${p}" (it is "${d}")`);
}

test('start: "Error: " in the title, a visible focus ring on the error summary, and focused summary links in the text colour', async () => {
  const t = await openPage(app);
  const { page } = t;
  await page.goto(app.url);
  await expectHeading(page, T['start.title']);
  assert.doesNotMatch(await page.title(), /^Error: /);
  await page.getByRole('button', { name: 'Continue' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.matches('.error-summary'));
  await expectErrorTitle(page, true, 'start refused');
  assert.equal(await page.title(), `Error: ${T['start.title']} – DVA Screen`);
  const ring = await focusRing(page);
  assert.ok(ring.ring, `the error summary has focus but no ring (${ring.style})`);
  // Every link of the summary, focused from the keyboard: text colour on yellow, at least 4.5:1.
  const links = await page.locator('.error-summary a').count();
  assert.ok(links >= 5);
  for (let i = 0; i < links; i += 1) {
    await page.keyboard.press('Tab');
    const c = await focusedContrast(page);
    assert.ok(c.ratio >= 4.5, `summary link ${i + 1}: ${c.colour} on ${c.background} is ${c.ratio.toFixed(2)}:1`);
  }
  assert.deepEqual(await unassociated(page), [], 'start refused: hints and errors not tied to a field');
  await describedBy(page, '#client-reference', [T['start.client_ref.hint'], T['start.client_ref.error']], 'client reference');
  t.assertClean();
  await t.close();
});

test('hand over: the sections group and both code fields are described by their hint and error; new-password; "Error: " until it is put right', async () => {
  const t = await openPage(app);
  const { page } = t;
  await startScreening(page, {}, { url: app.url });
  await openHandover(page);
  for (const id of ['#handover-code', '#handover-code-again']) {
    assert.equal(await page.locator(id).getAttribute('autocomplete'), 'new-password', `${id} autocomplete`);
    await describedBy(page, id, [T['handover.code.why']], `${id} before any error`);
  }
  await describedBy(page, 'fieldset.checkboxes', [T['handover.sections.hint']], 'sections before any error');
  assert.deepEqual(await unassociated(page), [], 'hand over: hints not tied to a field');

  // No section, a short code.
  for (const box of await page.getByRole('group', { name: 'Which sections will he answer?' }).getByRole('checkbox').all()) {
    await box.uncheck();
  }
  await handOver(page, '12', '');
  await page.locator('.error-summary').waitFor();
  await expectErrorTitle(page, true, 'hand over refused');
  await assertAccessible(page, 'hand over refused');
  assert.deepEqual(await unassociated(page), [], 'hand over refused: errors not tied to a field');
  await describedBy(page, 'fieldset.checkboxes', [T['handover.sections.hint'], T['handover.sections.error']], 'sections group');
  await describedBy(page, '#handover-code', [T['handover.code.why'], T['handover.code.error_digits']], 'code');

  // Two different codes: the error moves to the second field.
  await sectionBox(page, 'Behaviours in relationships').check();
  await handOver(page, '1234', '1235');
  await page.getByRole('link', { name: T['handover.code.error_different'] }).waitFor();
  await describedBy(page, '#handover-code-again', [T['handover.code.why'], T['handover.code.error_different']], 'code again');
  const first = await description(page, '#handover-code');
  assert.ok(!first.includes(T['handover.code.error_digits']), `the first field is no longer in error: "${first}"`);

  await handOver(page, '1234', '1234');
  await expectHeading(page, START_TITLE);
  await expectErrorTitle(page, false, 'handed over');
  t.assertClean();
  await t.close();
});

test('client: "Error: " in the title of a question refused and of a wrong hand-back code, gone once answered', async () => {
  const t = await openPage(app);
  const { page } = t;
  await startScreening(page, {}, { url: app.url });
  await openHandover(page);
  await handOver(page, '2468');
  await expectHeading(page, START_TITLE);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.locator('main h1').waitFor();
  const question = await page.title();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.locator('.error-summary').waitFor();
  await expectErrorTitle(page, true, 'client question refused');
  assert.equal(await page.title(), `Error: ${question}`);
  assert.deepEqual(await unassociated(page), [], 'client question refused');
  await choose(page, 'Never');
  await expectErrorTitle(page, false, 'client question answered');
  assert.equal(await page.title(), question);

  await page.goto(`${app.url}#/client/done`);
  await page.getByLabel('Your 4-digit code').waitFor();
  await enterCode(page, '1111');
  await page.locator('.error-summary').waitFor();
  await expectErrorTitle(page, true, 'wrong hand-back code');
  assert.equal(await page.locator('#client-code').getAttribute('autocomplete'), 'one-time-code');
  await describedBy(page, '#client-code', [T['client.done.code_hint'], T['client.done.code_wrong']], 'hand-back code');
  await enterCode(page, '2468');
  await expectHeading(page, 'Check your answers');
  await expectErrorTitle(page, false, 'handed back');
  t.assertClean();
  await t.close();
});

test('respond and refer: "With whom" and "Reason" are described by their hint and error; judgement refused titles "Error: "', async () => {
  const t = await openPage(app);
  const { page } = t;
  await page.goto(`${app.url}#/respond`);
  await page.getByRole('heading', { level: 1, name: 'Respond and refer' }).waitFor();
  await describedBy(page, '#share-with', [T['respond.sharing.with_hint']], 'with whom before any error');
  await page.getByRole('button', { name: 'Add this decision' }).click();
  await page.locator('.error-summary').waitFor();
  await expectErrorTitle(page, true, 'sharing refused');
  assert.deepEqual(await unassociated(page), [], 'sharing refused');
  await describedBy(page, '#share-with', [T['respond.sharing.with_hint'], T['respond.sharing.error_with']], 'with whom');
  await describedBy(page, '#share-reason', [T['respond.sharing.reason_hint'], T['respond.sharing.error_reason']], 'reason');
  await respondPage(page).addSharing({ withWhom: 'GP', consent: 'Consent given', shared: 'Yes', reason: 'Health needs' });
  await respondPage(page).decisions().first().waitFor();
  await expectErrorTitle(page, false, 'decision added');
  const with_ = await description(page, '#share-with');
  assert.ok(!with_.includes(T['respond.sharing.error_with']), `no error left: "${with_}"`);

  await page.goto(`${app.url}#/result`);
  await page.getByRole('button', { name: 'Record my judgement' }).click();
  await resultPage(page).errorSummary().waitFor();
  await expectErrorTitle(page, true, 'judgement refused');
  assert.deepEqual(await unassociated(page), [], 'judgement refused');
  t.assertClean();
  await t.close();
});
