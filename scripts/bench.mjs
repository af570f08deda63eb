// Benchmark: the built app's size and how fast it starts in headless Chromium. Reports only;
// nothing here fails on a number (tests never time things). Run after a release build:
//   node scripts/bench.mjs [dist]
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { serve } from './static-server.mjs';
import { CHROMIUM_ARGS } from '../tests/e2e/harness.mjs';

const dist = process.argv[2] || 'dist';
console.log(execFileSync('node', ['scripts/size.mjs', dist], { encoding: 'utf8' }));

const RUNS = 7;
const { server, url } = await serve(dist, { base: '/bench/' });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
const times = [];
for (let i = 0; i < RUNS; i += 1) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('main h1').waitFor();
  // From navigation start to the first screen's heading being in the DOM.
  times.push(await page.evaluate(() => performance.now()));
  await context.close();
}
await browser.close();
server.close();
times.sort((a, b) => a - b);
console.log(`start-up to first screen (ms, ${RUNS} cold loads): median ${times[RUNS >> 1].toFixed(0)}, min ${times[0].toFixed(0)}, max ${times[RUNS - 1].toFixed(0)}`);
