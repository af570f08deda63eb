// A service sets the app up with config.json beside index.html, without building it: its name,
// region, local contacts, quick-exit address and titles reach every page and the summary; every
// problem in the file is listed to the worker on the start page while the app falls back to safe
// defaults; and without a file the app runs as built.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startApp, openPage, assertAccessible, BASE } from './harness.mjs';
import { expectHeading, startScreening } from './pages/worker-ask.mjs';
import { answerItem, mainText } from './pages/worker-flow.mjs';
import { respondPage, recordPage } from './pages/worker-result.mjs';
import { handOver, openHandover } from './pages/client.mjs';
import { optInBox } from './pages/drafts.mjs';

const EXAMPLE = JSON.parse(fs.readFileSync(new URL('../../examples/config.json', import.meta.url)));
// The example's logo is a file beside the app, as a service would put it.
const files = { 'logo.svg': fs.readFileSync(new URL('../../examples/logo.svg', import.meta.url), 'utf8') };
let app;
before(async () => { app = await startApp({ server: { files } }); });
after(async () => { await app?.close(); });

/** Serves `config` (an object, a raw string, or `{status, body}`) as the app's config.json. */
function useConfig(config) {
  if (config === undefined) delete files['config.json'];
  else files['config.json'] = typeof config === 'object' && !('status' in config) ? JSON.stringify(config) : config;
}

/** A valid config: the example, with a quick-exit address on another (local) origin. */
function validConfig(overrides = {}) {
  return { ...EXAMPLE, quick_exit_url: exitAddress(), ...overrides };
}

/** A real page on another origin (the same server as localhost), for quick exit to reach. */
const exitAddress = () => `${app.otherOrigin}${BASE}neutral.html`;

const PROBLEMS = "The app's settings file has problems";

async function openStart(t) {
  await t.page.goto(app.url);
  await expectHeading(t.page, 'Before you ask');
}

function problemsRegion(page) {
  return page.getByRole('region', { name: PROBLEMS });
}

/** Discloses one behaviour (so that partner support is recommended) and opens respond and refer. */
async function toRespondWithADisclosure(page) {
  await startScreening(page, {}, { url: app.url });
  await page.goto(`${app.url}#/ask/behaviours`);
  await expectHeading(page, 'Behaviours in relationships');
  await answerItem(page, 'b.shouting', ['Once', 'Yes']);
  await page.goto(`${app.url}#/respond`);
  await expectHeading(page, 'Respond and refer');
}

test('without a config the app runs as built and lists no problems', async () => {
  useConfig(undefined);
  const t = await openPage(app);
  await openStart(t);
  assert.equal(await t.page.title(), 'Before you ask – DVA Screen');
  assert.equal(await problemsRegion(t.page).count(), 0);
  assert.equal(await t.page.getByLabel('Your service').inputValue(), '');
  t.assertClean();
  await t.close();
});

test('a valid config names the service in the header, the service field and the tab title', async () => {
  useConfig(validConfig());
  const t = await openPage(app);
  await openStart(t);
  assert.equal(await problemsRegion(t.page).count(), 0, 'the example config has no problems');
  const banner = await t.page.getByRole('banner').innerText();
  assert.ok(banner.includes('Northtown Recovery Service'), banner);
  assert.equal(await t.page.getByLabel('Your service').inputValue(), 'Northtown Recovery Service');
  await t.page.waitForFunction(() => document.title === 'Before you ask – DVA Screen – Northtown Recovery Service');
  // The logo is the service's file beside the app; its colours are applied.
  const logo = t.page.locator('.app-header__logo');
  assert.match(await logo.getAttribute('src'), /\/logo\.svg$/);
  const header = await t.page.locator('.app-header').evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(header, 'rgb(43, 33, 98)');
  t.assertClean();
  await t.close();
});

test("the service's contacts are in the actions, with a number to dial, and in all three renderings of the summary", async () => {
  useConfig(validConfig());
  const t = await openPage(app, { acceptDownloads: true });
  await toRespondWithADisclosure(t.page);
  const respond = respondPage(t.page);
  const partner = respond.action('Refer for partner support');
  const text = await partner.innerText();
  const local = EXAMPLE.contacts.partner_support;
  for (const part of [local.name, local.phone, local.email, local.hours, local.notes]) {
    assert.ok(text.includes(part), `the partner support action shows "${part}": ${text}`);
  }
  assert.equal(await partner.getByRole('link', { name: local.phone }).getAttribute('href'), 'tel:01632960004');
  assert.equal(await partner.getByRole('link', { name: local.email }).getAttribute('href'), `mailto:${local.email}`);
  // Wales: the national helpline for her is Live Fear Free.
  assert.ok(text.includes('Live Fear Free helpline (for her)'), text);
  assert.ok(!text.includes('not set'), text);
  await assertAccessible(t.page, "respond and refer with the service's contacts");
  await respond.continue();
  const record = recordPage(t.page);
  await record.open();
  const line = `${local.name}, ${local.phone}, ${local.email}, ${local.hours}, ${local.notes}`;
  const plain = await record.plainText();
  assert.ok(plain.includes(line), `the plain text has the contact: ${plain}`);
  const txt = await record.download('Download text (.txt)');
  assert.ok(txt.text.includes(line));
  const html = await record.download('Download web page (.html)');
  assert.ok(html.text.includes(line.replaceAll("'", '&#39;')), 'the .html has the contact');
  const json = await record.download('Download data (.json)');
  assert.ok(json.text.includes(JSON.stringify(line).slice(1, -1)), 'the .json has the contact');
  t.assertClean();
  await t.close();
});

test('the region picks the national helplines', async () => {
  const expected = {
    england: ['National Domestic Abuse Helpline (for her)', '0808 2000 247'],
    wales: ['Live Fear Free helpline (for her)', '0808 80 10 800'],
    scotland: ['Domestic Abuse and Forced Marriage Helpline (for her)', '0800 027 1234'],
    northern_ireland: ['Domestic and Sexual Abuse Helpline (for her)', '0808 802 1414'],
  };
  for (const [region, [name, number]] of Object.entries(expected)) {
    useConfig({ region });
    const t = await openPage(app);
    await toRespondWithADisclosure(t.page);
    const text = await respondPage(t.page).action('Refer for partner support').innerText();
    assert.ok(text.includes(name) && text.includes(number), `${region}: ${text}`);
    for (const [other, [otherName]] of Object.entries(expected)) {
      if (other !== region) assert.ok(!text.includes(otherName), `${region} does not offer ${otherName}`);
    }
    t.assertClean();
    await t.close();
  }
});

test('quick exit goes to the address the service set', async () => {
  useConfig(validConfig());
  const t = await openPage(app, { allow: [app.otherOrigin] });
  await openStart(t);
  await t.page.getByRole('button', { name: 'Quick exit' }).click();
  await t.page.waitForURL(exitAddress());
  t.assertClean();
  await t.close();
});

test('neutral titles from the config title every worker page "New tab"', async () => {
  useConfig({ neutral_titles: true, service_name: 'Northtown Recovery Service' });
  const t = await openPage(app);
  await openStart(t);
  await t.page.waitForFunction(() => document.title === 'New tab');
  t.assertClean();
  await t.close();
});

test('a service that does not ask the optional readiness section: not asked, no gap, and the record says so', async () => {
  useConfig({ optional_sections: { readiness: false } });
  const t = await openPage(app);
  await openStart(t);
  assert.equal(await problemsRegion(t.page).count(), 0, 'a valid setting is no problem');
  await toRespondWithADisclosure(t.page);
  // The page keeps the worker's own records and says why its questions are gone.
  await t.page.goto(`${app.url}#/ask/readiness`);
  await expectHeading(t.page, 'Readiness to change');
  const main = await mainText(t.page);
  assert.ok(main.includes('Your service does not ask the questions in this section.'), main);
  assert.ok(!main.includes('Which of these best describes where you are'), 'the stage of change is not asked');
  await t.page.getByLabel('What you saw or heard').first().waitFor();
  await assertAccessible(t.page, 'the readiness page with its questions switched off');
  // Not a gap to follow up on the check page.
  await t.page.goto(`${app.url}#/check`);
  await expectHeading(t.page, 'Check your answers');
  assert.ok(!(await mainText(t.page)).includes('Stage of change'), 'no row for a question not asked');
  // The client is not offered it.
  await openHandover(t.page);
  assert.equal(await t.page.getByRole('checkbox', { name: 'Readiness to change' }).count(), 0);
  assert.equal(await t.page.getByRole('checkbox', { name: 'Behaviours in relationships' }).count(), 1);
  // The record says what was not asked, and the programme indicators do not guess.
  await t.page.goto(`${app.url}#/respond`);
  await expectHeading(t.page, 'Respond and refer');
  await respondPage(t.page).continue();
  const record = recordPage(t.page);
  await record.open();
  const plain = await record.plainText();
  for (const said of [
    'This service does not ask the questions in: Readiness to change.',
    'Not asked: your service does not ask these questions.',
    'Able to attend regularly: not asked by this service',
    'version 2.2.0',
  ]) {
    assert.ok(plain.includes(said), `"${said}" in the record: ${plain}`);
  }
  t.assertClean();
  await t.close();
});

// Each invalid file: what the worker is told, and what the app falls back to.
const INVALID = [
  {
    name: 'an unknown key, with a suggestion',
    config: { servce_name: 'Northtown', region: 'wales' },
    says: ['“servce_name” is not a setting, so it was ignored. Did you mean “service_name”?'],
    check: async (page) => {
      // The rest of the file still counts.
      await toRespondWithADisclosure(page);
      assert.ok((await mainText(page)).includes('Live Fear Free'));
    },
  },
  {
    name: 'a wrong type',
    config: { idle_minutes: 'ten', drafts_allowed: 'no' },
    says: ['“idle_minutes” must be a number.', '“drafts_allowed” must be true or false.'],
    check: async (page) => {
      await optInBox(page).waitFor();
    },
  },
  {
    name: 'a phone number that cannot be dialled',
    config: { contacts: { safeguarding_lead: { name: 'Sam Patel', phone: 'ask reception' } } },
    says: ['“contacts.safeguarding_lead.phone” is not a number a phone can dial.'],
  },
  {
    name: 'a colour with too little contrast',
    config: { colours: { header: '#777777' } },
    says: ['“colours.header” has a contrast of 4.4 to 1 against #ffffff'],
    check: async (page) => {
      const bg = await page.locator('.app-header').evaluate((el) => getComputedStyle(el).backgroundColor);
      assert.equal(bg, 'rgb(11, 12, 12)', 'the default header colour');
    },
  },
  {
    name: 'a quick-exit address that is not http(s)',
    config: { quick_exit_url: 'javascript:alert(1)' },
    says: ['“quick_exit_url” must be a full web address starting with https:// or http://.'],
    check: async (page) => {
      await page.getByRole('button', { name: 'Quick exit' }).click();
      await page.waitForURL(/\/neutral\.html$/);
    },
  },
  {
    name: "a quick-exit address on the app's own origin",
    config: () => ({ quick_exit_url: `${app.origin}/intranet/home.html` }),
    says: ['“quick_exit_url” is on the same site as this app.'],
  },
  {
    name: 'a section that risk rules read, switched off, and a misspelt section',
    config: { optional_sections: { children: false, readyness: false } },
    says: [
      '“optional_sections.children” cannot be switched off: the risk rules read its answers, so it is always asked.',
      '“optional_sections.readyness” is not a setting, so it was ignored. Did you mean “optional_sections.readiness”?',
    ],
    check: async (page) => {
      // Both stay asked.
      await startScreening(page, {}, { url: app.url });
      await page.goto(`${app.url}#/ask/children`);
      await expectHeading(page, 'Children');
      assert.ok(!(await mainText(page)).includes('Your service does not ask'));
      await page.goto(`${app.url}#/ask/readiness`);
      await expectHeading(page, 'Readiness to change');
      await page.getByText('Which of these best describes where you are').first().waitFor();
    },
  },
  {
    name: 'a file that is not JSON',
    config: 'service_name = "Northtown"',
    says: ['The settings file is not written correctly: the first mistake is at line 1, column 1.'],
  },
  {
    name: 'a truncated file',
    config: JSON.stringify(EXAMPLE).slice(0, 200),
    says: ['The settings file ends too soon'],
  },
  {
    name: 'a 10 MB file',
    config: JSON.stringify({ service_name: 'x'.repeat(10 * 1024 * 1024) }),
    says: ['more than the 64 kilobytes allowed'],
  },
  {
    name: 'a file the server will not give',
    config: { status: 500, body: 'Internal Server Error' },
    says: ['The settings file could not be read (the server answered 500).'],
  },
];

for (const c of INVALID) {
  test(`${c.name}: the worker is told on the start page, and the app falls back`, async () => {
    useConfig(typeof c.config === 'function' ? c.config() : c.config);
    const t = await openPage(app);
    await openStart(t);
    const region = problemsRegion(t.page);
    await region.waitFor();
    const text = await region.innerText();
    for (const said of c.says) assert.ok(text.includes(said), `"${said}" in: ${text}`);
    if (c === INVALID[0]) await assertAccessible(t.page, 'the start page with the settings problems');
    // Falls back: no service name anywhere.
    assert.equal(await t.page.title(), 'Before you ask – DVA Screen');
    await c.check?.(t.page);
    // A bad file is no error of the page's own.
    t.errors.splice(0, t.errors.length, ...t.errors.filter((e) => !/Failed to load resource.*500/.test(e)));
    t.assertClean();
    await t.close();
  });
}

test('the problems are never shown in the client view', async () => {
  useConfig({ servce_name: 'x' });
  const t = await openPage(app);
  await openStart(t);
  await problemsRegion(t.page).waitFor();
  await startScreening(t.page);
  await openHandover(t.page);
  await handOver(t.page, '2468');
  await t.page.getByRole('heading', { level: 1 }).waitFor();
  assert.ok(!(await t.page.locator('body').innerText()).includes('servce_name'));
  assert.equal(await problemsRegion(t.page).count(), 0);
  t.assertClean();
  await t.close();
});
