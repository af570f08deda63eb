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

/** The passphrase the specs lock drafts with unless they say otherwise. */
export const PASSPHRASE = 'kettle orange bicycle';

/**
 * Ticks "Save a draft…" and chooses a passphrase (typed twice), without waiting for the save.
 * `showReference` ticks "Show the client reference in the list of saved drafts".
 */
export async function choosePassphrase(page, { passphrase = PASSPHRASE, again = passphrase, showReference = false } = {}) {
  await optInBox(page).check();
  await fillNewPassphrase(page, { passphrase, again, showReference });
  await page.getByRole('button', { name: 'Save the draft with this passphrase' }).click();
}

/** Fills in a "Choose a passphrase" form (opting in, or opening a draft saved in the clear). */
export async function fillNewPassphrase(page, { passphrase = PASSPHRASE, again = passphrase, showReference = false } = {}) {
  await page.getByLabel('Choose a passphrase for this draft').fill(passphrase);
  await page.getByLabel('Type the passphrase again').fill(again);
  if (showReference) await page.getByLabel(/^Show the client reference in the list/).check();
}

/** Ticks "Save a draft…", chooses a passphrase and waits for the first save. */
export async function turnOnDrafts(page, options = {}) {
  await choosePassphrase(page, options);
  await waitForSaved(page);
}

/** The polite status line ("Draft saved at 14:32"). */
export function saveStatus(page) {
  return page.locator('.drafts__status[role="status"]');
}

/**
 * Waits for the saved state: "Draft saved at …" with no change waiting to be saved (a change is
 * saved after a pause in typing; the status line is `aria-busy` until then).
 */
export async function waitForSaved(page) {
  await page.waitForFunction(() => {
    const status = document.querySelector('.drafts__status');
    return /^Draft saved at \d\d:\d\d$/.test(status?.textContent ?? '')
      && status.getAttribute('aria-busy') !== 'true';
  });
}

/** Waits until the stored draft's revision is past `revision`, and the status is saved. */
export async function waitForRevisionAfter(page, revision) {
  await page.waitForFunction(([key, known]) => {
    const raw = localStorage.getItem(key);
    return raw !== null && JSON.parse(raw).drafts[0]?.revision > known;
  }, [KEY, revision]);
  await waitForSaved(page);
}

/**
 * The screening inside the newest stored draft, unlocked here with the passphrase as the app
 * locks it (PBKDF2-SHA-256 to an AES-256-GCM key; `rounds.salt.nonce.ciphertext`, base64).
 */
export async function unlockStored(page, passphrase = PASSPHRASE) {
  const { subtle } = globalThis.crypto;
  const [rounds, salt, iv, data] = (await storedJson(page)).drafts[0].sealed.split('.');
  const bytes = (b64) => Buffer.from(b64, 'base64');
  const base = await subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  const key = await subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: bytes(salt), iterations: Number(rounds) },
    base, { name: 'AES-GCM', length: 256 }, false, ['decrypt'],
  );
  const plain = await subtle.decrypt({ name: 'AES-GCM', iv: bytes(iv) }, key, bytes(data));
  return JSON.parse(new TextDecoder().decode(plain));
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

/** Presses Resume on the saved draft in row `row` (0 is the newest). */
export async function openDraft(page, row = 0) {
  await draftRows(page).nth(row).getByRole('button', { name: /^Resume the draft saved at / }).click();
}

/** Types the passphrase into the "Open the draft" form and presses "Open the draft". */
export async function enterPassphrase(page, passphrase = PASSPHRASE) {
  await page.getByLabel('Passphrase for this draft').fill(passphrase);
  await page.getByRole('button', { name: 'Open the draft', exact: true }).click();
}

/** Resumes the locked draft in row `row` with its passphrase. */
export async function resumeDraft(page, { row = 0, passphrase = PASSPHRASE } = {}) {
  await openDraft(page, row);
  await enterPassphrase(page, passphrase);
}

/** Deletes the saved draft in row `row`. */
export async function deleteDraft(page, row = 0) {
  await draftRows(page).nth(row).getByRole('button', { name: /^Delete the draft saved at / }).click();
}

/** Every value the app keeps in the browser's storage (local and session), as one text. */
export function allStoredText(page) {
  return page.evaluate(() => [localStorage, sessionStorage]
    .flatMap((store) => Object.keys(store).map((k) => `${k}=${store.getItem(k)}`)).join('\n'));
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

/**
 * A format 2 draft record: saved in the clear by an earlier version. `hoursAgo` sets its saved
 * time; it expires 8 hours after that.
 */
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
