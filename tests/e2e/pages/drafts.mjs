// Page objects for drafts on this computer and for the failure messages: the opt-in, the saved
// drafts list, "Delete all data", the save status, and downloads. Found by role and name.
import assert from 'node:assert/strict';
import fs from 'node:fs';

export const KEY = 'dva-screen.drafts';
export const OPT_IN = 'Save a draft of this screening on this computer';

/** The opt-in checkbox. */
export function optInBox(page) {
  return page.getByRole('checkbox', { name: OPT_IN });
}

/** Ticks "Save a draft…" and waits for the first save. */
export async function turnOnDrafts(page) {
  await optInBox(page).check();
  await waitForSaved(page);
}

/** The polite status line ("Draft saved at 14:32"). */
export function saveStatus(page) {
  return page.locator('.drafts__status[role="status"]');
}

export async function waitForSaved(page) {
  await page.waitForFunction(() => /^Draft saved at \d\d:\d\d$/.test(document.querySelector('.drafts__status')?.textContent ?? ''));
}

/** The raw stored drafts text, or null. */
export function stored(page) {
  return page.evaluate((key) => localStorage.getItem(key), KEY);
}

/** The stored drafts, parsed. */
export async function storedJson(page) {
  const raw = await stored(page);
  return raw === null ? null : JSON.parse(raw);
}

/** Puts `raw` in the store (before the app reads it), then reloads the app. */
export async function seed(page, url, raw) {
  await page.goto(url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, raw]);
  await page.reload();
  await page.getByRole('heading', { level: 1 }).waitFor();
}

/** The saved-drafts table's rows (one per draft). */
export function draftRows(page) {
  return page.getByRole('table', { name: 'Drafts saved on this computer' }).locator('tbody tr');
}

export async function resumeDraft(page, reference) {
  await page.getByRole('button', { name: `Resume the draft for ${reference}`, exact: true }).click();
}

export async function deleteDraft(page, reference) {
  await page.getByRole('button', { name: `Delete the draft for ${reference}`, exact: true }).click();
}

/** Clicks `locator` and returns the downloaded file's name and text. */
export async function download(page, locator) {
  const [file] = await Promise.all([page.waitForEvent('download'), locator.click()]);
  const text = fs.readFileSync(await file.path(), 'utf8');
  return { name: file.suggestedFilename(), text };
}

/** An empty screening as the app serialises it, with `fields` laid over it. */
export function screening(fields = {}) {
  return {
    worker: '', service: '', client_reference: '', answers: { answers: {}, notes: {} },
    judgement: null, action_statuses: [], sharing: [], started_at: null, ...fields,
  };
}

/** A format 2 draft record. `hoursAgo` sets its saved time; it expires 8 hours after that. */
export function draftRecord(id, reference, { hoursAgo = 1, definition = {} } = {}) {
  const saved = new Date(Date.now() - hoursAgo * 3600e3);
  const expires = new Date(saved.getTime() + 8 * 3600e3);
  return {
    id, client_reference: reference,
    saved_at: saved.toISOString().replace('Z', '+00:00'),
    expires_at: expires.toISOString().replace('Z', '+00:00'),
    definition_id: definition.id ?? '', definition_version: definition.version ?? '',
    revision: 1, screening: screening({ client_reference: reference }),
  };
}

/** True when the page does not scroll sideways. */
export async function assertNoSidewaysScroll(page, where) {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth, width: document.documentElement.clientWidth,
  }));
  assert.ok(scroll <= width, `${where}: page is ${scroll}px wide in a ${width}px window`);
}
