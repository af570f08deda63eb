// Page objects for the keyworker's first steps: before you ask, the question sections and check
// your answers. Everything is found by role and accessible name, as a screen-reader user would.
import assert from 'node:assert/strict';

/** The page's main heading. */
export function heading(page) {
  return page.getByRole('heading', { level: 1 });
}

/** Waits until the main heading reads `text` (string or RegExp). */
export async function expectHeading(page, text) {
  const h1 = heading(page);
  await h1.waitFor();
  await page.waitForFunction(
    ([source, flags]) => new RegExp(source, flags).test(document.querySelector('main h1')?.textContent?.trim() ?? ''),
    toRegExpParts(text),
  );
  return (await h1.textContent()).trim();
}

function toRegExpParts(text) {
  if (text instanceof RegExp) return [text.source, text.flags];
  return [`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, ''];
}

function named(name) {
  return typeof name === 'string' ? { name, exact: true } : { name };
}

/** A radio group (fieldset) by its legend. */
export function group(page, legend) {
  return page.getByRole('group', named(legend));
}

/** Chooses `option` (its visible label) in the radio group whose legend is `legend`. */
export async function answerRadio(page, legend, option) {
  await group(page, legend).getByRole('radio', named(option)).check();
}

/** Yes / No / Not sure / Prefer not to say. */
export async function answerYesNo(page, legend, value) {
  await answerRadio(page, legend, value);
}

/** One of a single-choice question's options, by its label. */
export async function answerChoice(page, legend, option) {
  await answerRadio(page, legend, option);
}

/** The container of one question (its radios and its "last 12 months" follow-up). */
export function question(page, legend) {
  return page.locator('.question').filter({ has: group(page, legend) });
}

/**
 * Answers a frequency question: `band` is the label ("Never", "Once", "2 to 10 times",
 * "11 to 20 times", "More than 20 times", "Prefer not to say"); `last12` is "Yes", "No" or
 * "Not sure" and is answered only when given.
 */
export async function answerFrequency(page, legend, band, last12) {
  await answerRadio(page, legend, band);
  if (last12) {
    await question(page, legend)
      .getByRole('group', { name: /Did this happen in the last 12 months\?/ })
      .getByRole('radio', named(last12))
      .check();
  }
}

/** The selected option's label in a radio group, or null. */
export async function selectedOption(page, legend) {
  const radios = group(page, legend).getByRole('radio');
  for (const radio of await radios.all()) {
    if (await radio.isChecked()) {
      const id = await radio.getAttribute('id');
      return (await page.locator(`label[for="${id}"]`).textContent()).trim();
    }
  }
  return null;
}

/** Types into the section's notes box ("The client's own words"). */
export async function writeNotes(page, text) {
  await page.getByLabel("The client's own words").fill(text);
}

/**
 * Fills in the start page without continuing. Setting answers default to a private,
 * consented, worker-led screening with no interpreter.
 */
export async function fillStart(page, {
  worker = 'Sam Keyworker', service = 'Northside Recovery', clientRef = 'NR-0042',
  alone = 'Yes', confidentiality = 'Yes', consent = 'Yes',
  completedBy = 'Worker asks and records the answers', interpreter = 'No interpreter needed',
} = {}) {
  await expectHeading(page, 'Before you ask');
  if (worker !== undefined) await page.getByLabel('Your name').fill(worker);
  if (service !== undefined) await page.getByLabel('Your service').fill(service);
  if (clientRef !== undefined) await page.getByLabel('Client reference').fill(clientRef);
  if (alone) await answerYesNo(page, /^Is the client on his own/, alone);
  if (confidentiality) await answerYesNo(page, /^Have you explained what you keep private/, confidentiality);
  if (consent) await answerYesNo(page, /^Has he agreed to answer questions/, consent);
  if (completedBy) await answerChoice(page, /^Who is going to answer the questions/, completedBy);
  if (interpreter) await answerChoice(page, /^Is an interpreter being used/, interpreter);
}

/** Opens the app, completes the start page and arrives at the first question section. */
export async function startScreening(page, details = {}, { url } = {}) {
  if (url) await page.goto(url);
  await fillStart(page, details);
  await continueOn(page);
  await expectHeading(page, 'Relationship');
}

/** The page's main button: "Continue", or "Save and return to check your answers". */
export function continueButton(page) {
  return page.getByRole('button', { name: /^(Continue|Save and return to check your answers)$/ });
}

/** Presses the page's Continue (or Save and return) button. */
export async function continueOn(page) {
  const before = await page.evaluate(() => ({ href: location.href, error: !!document.querySelector('.error-summary') }));
  await continueButton(page).click();
  // Either the address changes, or the page stays (validation) and says so: an error summary
  // that was not there before, or one that took the focus again (a refusal focuses its summary;
  // an earlier one stays on screen until the page changes, so its presence alone proves nothing).
  await page.waitForFunction(
    (b) => location.href !== b.href
      || (!b.error && document.querySelector('.error-summary'))
      || document.activeElement?.closest('.error-summary'),
    before,
  );
}
export { continueOn as continue };

/** Follows the "Back" link at the top of a question page. */
export async function back(page) {
  await page.getByRole('link', { name: 'Back', exact: true }).click();
}

/** "Section 3 of 7", as shown above the heading. */
export async function progressText(page) {
  return (await page.locator('.page__caption').textContent()).trim();
}

/** Presses Continue until the page's heading is `title` (at most 10 pages). */
export async function continueTo(page, title) {
  for (let i = 0; i < 10; i += 1) {
    if ((await heading(page).textContent()).trim() === title) return;
    await continueOn(page);
    await heading(page).waitFor();
  }
  assert.fail(`never reached "${title}"`);
}

/** From any question page, continues to check your answers. */
export async function goToCheck(page) {
  await continueTo(page, 'Check your answers');
}

/** A row of the check-your-answers page, by its key (the question's short label). */
export function checkRow(page, label) {
  return page.locator('.summary-list__row').filter({
    has: page.locator('.summary-list__key', { hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }),
  });
}

/** The answer shown in a check-your-answers row. */
export async function checkAnswer(page, label) {
  return (await checkRow(page, label).locator('.summary-list__value').innerText()).trim();
}

/** Follows a row's "Change" link (its accessible name is "Change <label>"). */
export async function changeAnswer(page, label) {
  await page.getByRole('link', { name: `Change ${label}`, exact: true }).click();
}
