// Answer clicks on the behaviours page, for finding where a click's time goes (bench/README.md,
// "Tools"): the same click-to-frame probe as run.mjs, over the first 16 questions, in a few new
// contexts; with --trace, each click's main-thread time from a timeline trace (the click's
// dispatch, i.e. the app's handlers and the effects they run, style, pre-paint, paint, commit);
// with --profile FILE, a CPU profile of the first round; with --css TEXT, a stylesheet added to
// the page first (to try a rule before building it in).
//
//   node bench/click.mjs [--dist dist] [--rounds 3] [--rate 4] [--width 1280] [--trace [FILE]]
//                        [--profile FILE] [--css TEXT]
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { serve } from '../scripts/static-server.mjs';
import { clickProbe } from './probes.mjs';
import { answerRadio, continueOn, expectHeading, startScreening } from '../tests/e2e/pages/worker-ask.mjs';
import { behaviourIds, wording } from '../tests/e2e/pages/worker-flow.mjs';

const opt = (n, d) => { const i = process.argv.indexOf(`--${n}`); return i > 0 ? process.argv[i + 1] : d; };
const DIST = opt('dist', 'dist');
const ROUNDS = Number(opt('rounds', 3));
const TRACE = process.argv.includes('--trace');
const TRACE_FILE = TRACE && !(opt('trace') ?? '--').startsWith('--') ? opt('trace') : null;
const PROFILE = opt('profile', null);
const CSS = opt('css', null);
const WIDTH = Number(opt('width', 1280));
const RATE = Number(opt('rate', 4));
const srv = await serve(DIST, { base: '/bench/' });
const { url } = srv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const all = [];
const busy = [];
// Per click: the main thread's busy time from the click to the frame that shows it, and the
// click's own dispatch (the app's handlers and the effects they run), from the trace.
function busyOf(events, clicks) {
  const cl = events.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'click' && e.ph === 'X');
  const key = (e) => `${e.pid}:${e.tid}`;
  const main = key(cl[0]);
  const top = events.filter((e) => key(e) === main && e.ph === 'X' && e.dur && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask')).sort((a, b) => a.ts - b.ts);
  const named = (n, a, b) => events.filter((e) => key(e) === main && e.ph === 'X' && e.name === n && e.ts >= a && e.ts < b).reduce((x, e) => x + e.dur, 0) / 1000;
  return cl.map((c, i) => {
    const end = c.ts + (clicks[i] ?? 0) * 1000;
    const b = top.filter((e) => e.ts + e.dur > c.ts && e.ts < end).reduce((x, e) => x + Math.min(e.ts + e.dur, end) - Math.max(e.ts, c.ts), 0) / 1000;
    return { busy: b, dispatch: c.dur / 1000, style: named('UpdateLayoutTree', c.ts, end), paint: named('Paint', c.ts, end), commit: named('Commit', c.ts, end), prepaint: named('PrePaint', c.ts, end) };
  });
}
const traceEvents = [];
const bands = ['Never', 'Once', '2 to 10 times', 'Never'];
for (let r = 0; r < ROUNDS; r++) {
  const context = await browser.newContext({ viewport: { width: WIDTH, height: 900 }, serviceWorkers: 'block', bypassCSP: !!CSS });
  await context.addInitScript(clickProbe);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(url);
  await startScreening(page);
  await continueOn(page);
  await expectHeading(page, 'Behaviours in relationships');
  if (CSS) await page.addStyleTag({ content: CSS });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
  await page.evaluate(() => { window.__bench.clicks.length = 0; });
  if (TRACE) {
    traceEvents.length = 0;
    cdp.on('Tracing.dataCollected', (e) => traceEvents.push(...e.value));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing,v8.execute', transferMode: 'ReportEvents' });
  }
  if (PROFILE && r === 0) { await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 100 }); await cdp.send('Profiler.start'); }
  const ids = behaviourIds.slice(0, 16);
  for (const id of ids) await answerRadio(page, wording(id), bands[r % bands.length]);
  await page.waitForFunction((n) => window.__bench.clicks.length >= n, ids.length);
  if (TRACE) {
    const done = new Promise((res) => cdp.once('Tracing.tracingComplete', res));
    await cdp.send('Tracing.end');
    await done;
  }
  if (PROFILE && r === 0) { const { profile } = await cdp.send('Profiler.stop'); fs.writeFileSync(PROFILE, JSON.stringify(profile)); }
  const clicks = await page.evaluate(() => window.__bench.clicks);
  all.push(...clicks);
  if (TRACE) busy.push(...busyOf(traceEvents, clicks));
  await context.close();
}
await browser.close();
srv.server.close();
const s = [...all].sort((a, b) => a - b);
const med = s[s.length >> 1];
console.log(JSON.stringify({ n: s.length, median: +med.toFixed(1), p90: +s[Math.floor(s.length * 0.9)].toFixed(1), max: +s[s.length - 1].toFixed(1), all: s.map((x) => +x.toFixed(1)) }));
if (TRACE) {
  const m = (k) => { const v = busy.map((b) => b[k]).sort((a, b) => a - b); return +v[v.length >> 1].toFixed(2); };
  console.log(JSON.stringify({ busy: m('busy'), dispatch: m('dispatch'), style: m('style'), prepaint: m('prepaint'), paint: m('paint'), commit: m('commit') }));
}
if (TRACE_FILE) {
  fs.writeFileSync(TRACE_FILE, JSON.stringify({ traceEvents }));
  const tot = {};
  for (const e of traceEvents) {
    if (e.ph !== 'X' || !e.dur) continue;
    const k = e.name;
    tot[k] = (tot[k] ?? 0) + e.dur / 1000;
  }
  const top = Object.entries(tot).sort((a, b) => b[1] - a[1]).slice(0, 30);
  for (const [k, v] of top) console.log(k.padEnd(40), v.toFixed(1));
}
