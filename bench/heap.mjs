// What the JS heap holds after the 2nd and the 10th screening in one tab: heap snapshots (saved
// to OUTDIR, by default in the temporary folder) compared by node type and constructor, largest
// change first, with the heap in use after each screening. JSFLAGS passes flags to V8 (e.g. "--no-opt --no-maglev
// --no-sparkplug", to see what of the growth is optimised code). See bench/README.md, "Tools".
//
//   node bench/heap.mjs [DIST] [OUTDIR]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../scripts/static-server.mjs';
import { keepWasmMemory } from '../tests/e2e/memory.mjs';
import { expectHeading } from '../tests/e2e/pages/worker-ask.mjs';
import { recordPage } from '../tests/e2e/pages/worker-result.mjs';
import { screening } from './probes.mjs';
const dist = process.argv[2] ?? 'dist';
const out = process.argv[3] ?? path.join(os.tmpdir(), 'dva-screen-heap');
const N = Number(process.env.N ?? 10);
fs.mkdirSync(out, { recursive: true });
const srv = await serve(dist, { base: '/bench/' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', ...(process.env.JSFLAGS ? [`--js-flags=${process.env.JSFLAGS}`] : [])] });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
await context.addInitScript(keepWasmMemory);
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await page.goto(srv.url);
await expectHeading(page, 'Before you ask');
async function snapshot(name) {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const chunks = [];
  const on = (e) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', on);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', on);
  fs.writeFileSync(path.join(out, `${name}.heapsnapshot`), chunks.join(''));
  console.log(name, 'used', usedSize);
}
for (let i = 1; i <= N; i++) {
  await screening(page);
  if (i === 2 || i === N) await snapshot(`s${i}`);
  else { await cdp.send('HeapProfiler.collectGarbage'); const { usedSize } = await cdp.send('Runtime.getHeapUsage'); console.log(`s${i} used`, usedSize); }
  await recordPage(page).startNew();
  await expectHeading(page, 'Before you ask');
}
await browser.close();
srv.server.close();

/** Self size and count by "type:name" of one snapshot. */
function byConstructor(file) {
  const snap = JSON.parse(fs.readFileSync(file));
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [t, n, sz] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const out = new Map();
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    const key = `${types[snap.nodes[i + t]]}:${snap.strings[snap.nodes[i + n]].slice(0, 70)}`;
    const e = out.get(key) ?? { count: 0, size: 0 };
    e.count += 1;
    e.size += snap.nodes[i + sz];
    out.set(key, e);
  }
  return out;
}
const a = byConstructor(path.join(out, 's2.heapsnapshot'));
const b = byConstructor(path.join(out, `s${N}.heapsnapshot`));
const rows = [...new Set([...a.keys(), ...b.keys()])].map((k) => [
  k, (b.get(k)?.size ?? 0) - (a.get(k)?.size ?? 0), (b.get(k)?.count ?? 0) - (a.get(k)?.count ?? 0),
]).filter(([, size, count]) => size || count).sort((x, y) => Math.abs(y[1]) - Math.abs(x[1]));
console.log(`\nsnapshot ${N} minus snapshot 2 (native entries are Blink's, outside the JS heap figure): bytes, count, type:name`);
for (const [k, size, count] of rows.slice(0, 30)) console.log(String(size).padStart(9), String(count).padStart(6), k);
