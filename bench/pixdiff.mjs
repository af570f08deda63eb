// Compares the same-named PNGs of two folders (shots.mjs): for each that differs, its size or the
// number of pixels that differ and where.
//
//   node bench/pixdiff.mjs DIR_A DIR_B
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
const [a, b] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
const page = await browser.newPage();
for (const f of fs.readdirSync(a).filter((f) => f.endsWith('.png')).sort()) {
  const A = fs.readFileSync(path.join(a, f)); const B = fs.readFileSync(path.join(b, f));
  if (A.equals(B)) continue;
  const r = await page.evaluate(async ([x, y]) => {
    const load = async (s) => { const i = new Image(); i.src = 'data:image/png;base64,' + s; await i.decode(); const c = new OffscreenCanvas(i.width, i.height); const g = c.getContext('2d'); g.drawImage(i, 0, 0); return { w: i.width, h: i.height, d: g.getImageData(0, 0, i.width, i.height).data }; };
    const p = await load(x), q = await load(y);
    if (p.w !== q.w || p.h !== q.h) return `size ${p.w}x${p.h} vs ${q.w}x${q.h}`;
    let n = 0, minY = 1e9, maxY = -1, minX = 1e9, maxX = -1;
    for (let i = 0; i < p.d.length; i += 4) if (p.d[i] !== q.d[i] || p.d[i + 1] !== q.d[i + 1] || p.d[i + 2] !== q.d[i + 2]) { n++; const px = (i / 4) % p.w, py = Math.floor(i / 4 / p.w); minY = Math.min(minY, py); maxY = Math.max(maxY, py); minX = Math.min(minX, px); maxX = Math.max(maxX, px); }
    return `${n} px differ in x ${minX}-${maxX}, y ${minY}-${maxY}`;
  }, [A.toString('base64'), B.toString('base64')]);
  console.log(f, r);
}
await browser.close();
