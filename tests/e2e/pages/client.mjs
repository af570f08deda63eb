// Page objects for handing the device to the client: the worker's handover page, the client's
// one-question pages and the hand-back page. Found by role and accessible name.
import assert from 'node:assert/strict';
import { expectHeading, heading } from './worker-ask.mjs';
import { definition } from '../definition.mjs';

export { definition };

/** The client's questions of `sections` (worker-only items never shown), before conditions. */
export function clientItems(sections) {
  return definition.items.filter((i) => sections.includes(i.section) && !i.worker_only && i.client_wording);
}

/** The item whose client wording is `text`. */
export function itemByClientWording(text) {
  return definition.items.find((i) => i.client_wording === text);
}

export const RECENT_LEGEND = 'Did this happen in the last 12 months?';
export const START_TITLE = 'Your turn to answer';
export const DONE_TITLE = 'Thank you';

/**
 * Wording that must never be in the client view: the levels, flags, score and every red-flag
 * title and piece of worker guidance from the definition.
 */
export function forbiddenWording() {
  const words = [
    'High risk', 'red flag', 'Red flag', 'Significant concern', 'Abusive behaviour disclosed',
    'No abuse disclosed', 'level', 'score', 'act today', 'MARAC',
  ];
  for (const r of definition.red_flags) words.push(r.title, r.explanation);
  for (const s of definition.sections) if (s.guidance) words.push(s.guidance);
  for (const i of definition.items) if (i.guidance) words.push(i.guidance);
  return words;
}

/**
 * Fails if the whole document (all text, hidden elements and attributes) or its title holds any
 * forbidden wording, or `extra` strings (e.g. the worker's own note).
 */
export async function assertNothingOfTheResult(page, where, extra = []) {
  const { html, title } = await page.evaluate(() => ({
    html: document.documentElement.outerHTML,
    title: document.title,
  }));
  const haystack = `${html}\n${title}`.toLowerCase();
  const found = [...forbiddenWording(), ...extra].filter((w) => haystack.includes(w.toLowerCase()));
  assert.deepEqual(found, [], `result wording in the client view on ${where}`);
  // The worker's step nav and footer are not there at all.
  assert.equal(await page.locator('.steps, .app-footer__version').count(), 0, `worker layout on ${where}`);
}

/** From a worker question page or check your answers, opens the handover page. */
export async function openHandover(page) {
  await page.getByRole('button', { name: 'Hand over to the client' }).click();
  await expectHeading(page, 'Hand the device to the client');
}

/** The checkbox for a section, by its worker title. */
export function sectionBox(page, title) {
  return page.getByRole('group', { name: 'Which sections will he answer?' }).getByRole('checkbox', { name: title, exact: true });
}

/** Types the code twice and hands over. */
export async function handOver(page, code, again = code) {
  await page.getByLabel('Choose a 4-digit code').fill(code);
  await page.getByLabel('Type the code again').fill(again);
  await page.getByRole('button', { name: 'Hand over now' }).click();
}

/** The "Question 4 of 31" line on a client question page. */
export async function clientProgress(page) {
  return (await page.locator('.client__count').innerText()).trim();
}

/** The radio of the client question page's group (the heading is the legend). */
export function option(page, label) {
  return page.getByRole('group').getByRole('radio', { name: label, exact: true });
}

/** Chooses an option: a tap on touch screens, a click otherwise. */
export async function choose(page, label, { touch = false } = {}) {
  const radio = option(page, label);
  // The whole box is the label: tap its middle, as a finger would.
  const box = page.locator('label.client-option').filter({
    has: page.getByRole('radio', { name: label, exact: true }),
  });
  if (touch) await box.tap();
  else await box.click();
  assert.ok(await radio.isChecked(), `"${label}" is chosen`);
}

/**
 * Presses Continue and waits for what follows: another page's address, or an error summary that
 * was not there before or took the focus again (a refusal focuses its summary; an earlier one
 * stays on screen until the page changes, so its presence alone proves nothing). Every client
 * page has an address of its own, even two with the same heading.
 */
export async function next(page) {
  const before = await page.evaluate(() => ({ hash: location.hash, error: !!document.querySelector('.error-summary') }));
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await page.waitForFunction(
    (b) => location.hash !== b.hash
      || (!b.error && document.querySelector('.error-summary'))
      || document.activeElement?.closest('.error-summary'),
    before,
  );
  if (await page.evaluate((h) => location.hash !== h, before.hash)) await heading(page).waitFor();
}

/** Follows the Back link and waits for the previous page's address and heading. */
export async function back(page) {
  const before = await page.evaluate(() => location.hash);
  await page.getByRole('link', { name: 'Back', exact: true }).click();
  await page.waitForFunction((b) => location.hash !== b, before);
  await heading(page).waitFor();
}

/** On the hand-back page, types the worker's code and submits. */
export async function enterCode(page, code) {
  await page.getByLabel('Your 4-digit code').fill(code);
  await page.getByRole('button', { name: 'Go back to the worker pages' }).click();
}

/** The bounding boxes of every option on the page, for the touch-target check. */
export async function optionSizes(page) {
  return page.locator('label.client-option').evaluateAll((els) => els.map((e) => {
    const r = e.getBoundingClientRect();
    return { text: e.innerText.trim(), width: r.width, height: r.height };
  }));
}
