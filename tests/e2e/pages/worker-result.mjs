// Page objects for the last three steps of the keyworker's flow: the result, respond and refer,
// and the record. Elements are found by role and label, as a screen-reader user would find them.
import fs from 'node:fs/promises';

/** Step 4: the result. */
export function resultPage(page) {
  return {
    /** The level of concern, read from the page's main heading. */
    async level() {
      const h1 = page.getByRole('heading', { level: 1 });
      await h1.waitFor();
      return (await h1.innerText()).replace(/\s+/g, ' ').trim();
    },
    redFlag(title) {
      return page.locator('.result__flag').filter({ has: page.getByRole('heading', { level: 3, name: title }) });
    },
    /** Records a professional judgement (level label as shown, and a reason). */
    async judge(levelLabel, reason) {
      const group = page.getByRole('group', { name: 'Level of concern in your judgement' });
      await group.getByLabel(levelLabel, { exact: false }).first().check();
      await page.getByLabel('Why you judge this level').fill(reason);
      await page.getByRole('button', { name: 'Record my judgement' }).click();
    },
    errorSummary() {
      return page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'There is a problem' }) });
    },
    async removeJudgement() {
      await page.getByRole('button', { name: 'Remove my judgement' }).click();
    },
    async continue() {
      await page.getByRole('button', { name: 'Continue to respond and refer' }).click();
      await page.getByRole('heading', { level: 1, name: 'Respond and refer' }).waitFor();
    },
  };
}

/** Step 5: respond and refer. */
export function respondPage(page) {
  return {
    action(title) {
      return page.locator('.respond__action').filter({ has: page.getByRole('heading', { level: 3, name: title }) });
    },
    async actionTitles() {
      return (await page.locator('.respond__action-title').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim());
    },
    /** Marks an action offered / done / declined / not yet, with an optional note. */
    async mark(title, state, note) {
      const card = this.action(title);
      await card.getByRole('radio', { name: state, exact: true }).check();
      if (note !== undefined) await card.getByLabel('Note (optional)').fill(note);
    },
    async addSharing({ withWhom, consent, shared, reason }) {
      if (withWhom !== undefined) await page.getByLabel('With whom').fill(withWhom);
      if (consent) await page.getByRole('group', { name: 'Did he consent to sharing?' }).getByLabel(consent, { exact: true }).check();
      if (shared) await page.getByRole('group', { name: 'Was the information shared?' }).getByLabel(shared, { exact: true }).check();
      if (reason !== undefined) await page.getByLabel('Reason for the decision').fill(reason);
      await page.getByRole('button', { name: 'Add this decision' }).click();
    },
    decisions() {
      return page.locator('.respond__decision');
    },
    async continue() {
      await page.getByRole('button', { name: 'Continue to the record' }).click();
    },
  };
}

/** Step 6: the record. */
export function recordPage(page) {
  return {
    async open() {
      await page.getByRole('heading', { level: 1, name: 'Referral summary' }).waitFor();
    },
    /** The plain text exactly as it is copied and saved (from the on-screen preview). */
    async plainText() {
      return page.locator('#record-plain-text').textContent();
    },
    /** Clicks a download button and returns the file's suggested name and contents. */
    async download(buttonName) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: buttonName }).click(),
      ]);
      const file = await download.path();
      return { name: download.suggestedFilename(), text: await fs.readFile(file, 'utf8') };
    },
    async copy() {
      await page.getByRole('button', { name: 'Copy the text' }).click();
    },
    status() {
      return page.getByRole('status').filter({ hasText: /./ });
    },
    fallbackBox() {
      return page.getByLabel('Summary text to copy');
    },
    async startNew() {
      await page.getByRole('button', { name: 'Start a new screening' }).click();
      await page.getByRole('button', { name: 'Yes, clear everything and start again' }).click();
    },
  };
}
