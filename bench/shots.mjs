// Full-page screenshots of the start page, every question page (empty, then answered with a few
// disclosures and keyboard focus on a radio) and check your answers: at 1280 and 390 px, and in
// print media. For comparing two builds pixel for pixel with pixdiff.mjs (bench/README.md, "Tools").
//
//   node bench/shots.mjs DIST OUTDIR
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../scripts/static-server.mjs';
import { startScreening, continueOn, expectHeading, fillStart } from '../tests/e2e/pages/worker-ask.mjs';
import { answerItem, askedSections, definition, quietAnswers, behaviourIds } from '../tests/e2e/pages/worker-flow.mjs';
const [dist, out] = process.argv.slice(2);
fs.mkdirSync(out, { recursive: true });
const srv = await serve(dist, { base: '/bench/' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--font-render-hinting=none'] });
const answers = quietAnswers();
// Some disclosures, so that follow-ups and dependent questions show.
answers[behaviourIds[0]] = ['2 to 10 times', 'Yes'];
answers[behaviourIds[3]] = ['Once', 'No'];
answers['children.any'] = 'Yes';
for (const width of [1280, 390]) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const shot = async (name) => {
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.screenshot({ path: path.join(out, `${width}-${name}.png`), fullPage: true, animations: 'disabled', caret: 'hide' });
    if (width === 1280) {
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: path.join(out, `print-${name}.png`), fullPage: true, animations: 'disabled', caret: 'hide' });
      await page.emulateMedia({ media: 'screen' });
    }
  };
  await page.goto(srv.url);
  await expectHeading(page, 'Before you ask');
  await shot('start-empty');
  await fillStart(page, {});
  await page.locator('main h1').focus();
  await shot('start-filled');
  await continueOn(page);
  for (const section of definition.sections.filter((s) => s.id !== 'setting')) {
    await expectHeading(page, section.title);
    await shot(`${section.id}-empty`);
    for (const it of definition.items.filter((i) => i.section === section.id)) {
      if (it.id in answers && !(section.id === 'children' && it.id !== 'children.any')) await answerItem(page, it.id, answers[it.id]);
    }
    // Keyboard focus on the first radio of the page (its ring must not be clipped).
    const first = page.locator('main input[type=radio]').first();
    await first.focus();
    await page.keyboard.press('Control');
    await shot(`${section.id}-answered`);
    await continueOn(page);
  }
  await expectHeading(page, 'Check your answers');
  await shot('check');
  await context.close();
}
await browser.close();
srv.server.close();
