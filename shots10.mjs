import { chromium } from 'playwright-core';
import { serve } from './scripts/static-server.mjs';
import { CHROMIUM_ARGS } from './tests/e2e/harness.mjs';
import { startScreening, expectHeading, continueOn } from './tests/e2e/pages/worker-ask.mjs';
import { answerItem, quietAnswers, askedSections, definition } from './tests/e2e/pages/worker-flow.mjs';
const { server, url } = await serve('dist', { base: '/x/' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
for (const [w, h, tag] of [[1280, 900, 'desk'], [390, 844, 'phone']]) {
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  await page.goto(url);
  await startScreening(page, { clientRef: 'SH-1' });
  const answers = { ...quietAnswers(), 'b.punching': ['More than 20 times', 'No'], 'b.checking_phone': ['2 to 10 times', 'Yes'],
    'impact.recent_incident': 'In the last week', 'impact.incidents_12m': 'Once or twice', 'impact.going_back': 'Not sure',
    'children.any': 'Prefer not to say', 'rel.separation': 'Not sure' };
  for (const section of askedSections) {
    await expectHeading(page, section.title);
    for (const it of definition.items.filter((i) => i.section === section.id)) {
      if (it.id in answers) await answerItem(page, it.id, answers[it.id]);
    }
    if (['relationship', 'impact'].includes(section.id)) await page.screenshot({ path: `/tmp/shots10/${section.id}-${tag}.png`, fullPage: true });
    await continueOn(page);
  }
  await expectHeading(page, 'Check your answers');
  await page.getByRole('button', { name: 'Continue to the result' }).click();
  await expectHeading(page, /High risk|Significant/);
  await page.screenshot({ path: `/tmp/shots10/result-${tag}.png`, fullPage: true });
  await page.getByRole('button', { name: 'Continue to respond and refer' }).click();
  await page.getByRole('heading', { level: 1, name: 'Respond and refer' }).waitFor();
  await page.screenshot({ path: `/tmp/shots10/respond-${tag}.png`, fullPage: true });
  await page.getByRole('button', { name: 'Continue to the record' }).click();
  await page.getByRole('heading', { level: 1, name: 'Record' }).waitFor();
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: `/tmp/shots10/record-print-${tag}.png`, fullPage: true });
  await page.close();
}
await browser.close(); server.close();
