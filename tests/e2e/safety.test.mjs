// Leaving quickly and hiding the screen: quick exit by button and by Shift pressed three times,
// the hide-screen cover, and the idle cover after ten minutes (with a faked clock).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, openPage } from './harness.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

async function openApp(t) {
  await t.page.goto(app.url);
  await t.page.getByRole('heading', { level: 1 }).waitFor();
}

/**
 * Waits until the quick-exit status announces `text` ("Shift, press 2 more times to exit."):
 * the app has handled every key press so far.
 */
async function waitForAnnouncement(t, text) {
  await t.page.locator('.quick-exit [role="status"]', { hasText: text }).waitFor({ state: 'attached' });
}

/**
 * Fails if quick exit has begun. It blanks the page and sets the neutral title in the same task
 * as the key press, so once the keys are handled this is settled; no waiting for time.
 */
async function assertStillInApp(t, appUrl, message) {
  assert.notEqual(await t.page.title(), 'New tab', message);
  assert.equal(await t.page.getByRole('heading', { level: 1 }).count(), 1, message);
  assert.equal(t.page.url(), appUrl, message);
}

async function assertExited(t, previousUrl) {
  await t.page.waitForURL((u) => u.pathname.endsWith('/neutral.html'));
  assert.equal(await t.page.title(), 'New tab');
  assert.equal((await t.page.locator('body').innerText()).trim(), '');
  // The app's entry was replaced, not pushed: Back goes to what came before it.
  await t.page.goBack();
  assert.notEqual(t.page.url(), previousUrl);
}

test('quick exit by button blanks the page and replaces the history entry', async () => {
  const t = await openPage(app);
  await t.page.goto('about:blank');
  await openApp(t);
  const appUrl = t.page.url();
  await t.page.getByRole('button', { name: 'Quick exit' }).click();
  await assertExited(t, appUrl);
  assert.equal(t.page.url(), 'about:blank');
  t.assertClean();
  await t.close();
});

test('pressing Shift three times exits; two presses, or presses far apart, do not', async () => {
  const t = await openPage(app);
  await openApp(t);
  const appUrl = t.page.url();
  await t.page.keyboard.press('Shift');
  await t.page.keyboard.press('Shift');
  await waitForAnnouncement(t, 'Shift, press 1 more time to exit.');
  await assertStillInApp(t, appUrl, 'two presses must not exit');
  await t.page.keyboard.press('Shift');
  await assertExited(t, appUrl);
  t.assertClean();
  await t.close();
});

test('Shift used as a modifier (Shift+Tab, capitals) never counts towards quick exit', async () => {
  const t = await openPage(app);
  await openApp(t);
  const appUrl = t.page.url();
  // A keyboard user moving backwards through a form, and typing a capitalised name.
  for (let i = 0; i < 5; i += 1) await t.page.keyboard.press('Shift+Tab');
  await t.page.getByLabel('Your name').focus();
  await t.page.keyboard.type('Sam O Keyworker');
  // Every key has reached the page (the box holds what was typed).
  await t.page.waitForFunction(() => document.activeElement?.value === 'Sam O Keyworker');
  await assertStillInApp(t, appUrl, 'Shift+Tab and capitals must not exit');
  // Another key between lone Shift presses starts the count again.
  await t.page.keyboard.press('Shift');
  await t.page.keyboard.press('Shift');
  await t.page.keyboard.press('a');
  await t.page.keyboard.press('Shift');
  // The count started again at the last press.
  await waitForAnnouncement(t, 'Shift, press 2 more times to exit.');
  await assertStillInApp(t, appUrl, 'a key between the presses resets the count');
  await t.page.keyboard.press('Shift');
  await t.page.keyboard.press('Shift');
  await assertExited(t, appUrl);
  t.assertClean();
  await t.close();
});

test('Shift presses spread over more than five seconds do not exit', async () => {
  const t = await openPage(app);
  await t.page.clock.install();
  await openApp(t);
  const appUrl = t.page.url();
  for (let i = 0; i < 3; i += 1) {
    await t.page.keyboard.press('Shift');
    await t.page.clock.fastForward(3000);
  }
  assert.equal(t.page.url(), appUrl);
  await t.page.getByRole('heading', { level: 1 }).waitFor();
  t.assertClean();
  await t.close();
});

test('hide screen covers everything until the worker chooses to show it again', async () => {
  const t = await openPage(app);
  await openApp(t);
  const heading = await t.page.getByRole('heading', { level: 1 }).textContent();
  assert.match(await t.page.title(), /DVA Screen/);
  await t.page.getByRole('button', { name: 'Hide screen' }).click();
  const show = t.page.getByRole('button', { name: 'Show the screen again' });
  await show.waitFor();
  // The cover is opaque, on top, and the page behind it is inert (no focus, no screen reader).
  assert.equal(await t.page.locator('.app').getAttribute('inert'), '');
  const hiddenTitle = await t.page.title();
  assert.equal(hiddenTitle, 'New tab', 'the tab title gives nothing away');
  const onTop = await t.page.evaluate(() => document.elementFromPoint(innerWidth / 2, innerHeight / 2).closest('.cover') !== null);
  assert.ok(onTop, 'the cover is on top');
  assert.ok(await show.evaluate((b) => b === document.activeElement), 'focus is on the uncover button');
  await t.page.keyboard.press('Tab');
  assert.ok(await t.page.evaluate(() => !document.activeElement.closest('.app')), 'Tab stays out of the hidden page');
  await show.click();
  await t.page.getByRole('heading', { level: 1, name: heading.trim() }).waitFor();
  assert.match(await t.page.title(), /DVA Screen/);
  assert.equal(await t.page.locator('.app').getAttribute('inert'), null);
  t.assertClean();
  await t.close();
});

test('after ten minutes without input the cover hides the screen', async () => {
  const t = await openPage(app);
  await t.page.clock.install();
  await openApp(t);
  await t.page.clock.fastForward('09:00');
  assert.equal(await t.page.locator('.cover').count(), 0, 'not yet at nine minutes');
  await t.page.mouse.click(5, 300); // input restarts the timer
  await t.page.clock.fastForward('09:00');
  assert.equal(await t.page.locator('.cover').count(), 0, 'input restarted the timer');
  await t.page.clock.fastForward('01:01');
  await t.page.getByRole('button', { name: 'Show the screen again' }).waitFor();
  t.assertClean();
  await t.close();
});
