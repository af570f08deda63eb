// Memory over a long day: going back and forth between two question pages must not grow the
// app's WebAssembly memory. (It grew by about 38 KiB a round trip while every reactive attribute
// of a page that had gone stayed subscribed to the screening's signal: see state::Watched.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, openPage } from './harness.mjs';
import { back, continueOn, expectHeading, startScreening } from './pages/worker-ask.mjs';
import { keepWasmMemory, wasmMemoryBytes } from './memory.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

/** Behaviours, Continue to impact, Back to behaviours: one round trip, as a worker does it. */
async function roundTrip(page) {
  await continueOn(page);
  await expectHeading(page, 'Impact and outside involvement');
  await back(page);
  await expectHeading(page, 'Behaviours in relationships');
}

test('100 round trips between the behaviours and impact pages leave wasm memory flat', async (tc) => {
  const t = await openPage(app);
  await t.context.addInitScript(keepWasmMemory);
  await t.page.goto(app.url);
  await startScreening(t.page);
  await continueOn(t.page);
  await expectHeading(t.page, 'Behaviours in relationships');
  // Warm-up: the allocator settles and the pages' one-off costs are paid.
  for (let i = 0; i < 10; i += 1) await roundTrip(t.page);
  const warm = await wasmMemoryBytes(t.page);
  for (let i = 0; i < 100; i += 1) await roundTrip(t.page);
  const after100 = await wasmMemoryBytes(t.page);
  // Memory grows in 64 KiB pages. The leak made this about 3.8 MiB; a flat app stays at 0, and a
  // few pages of slack keep allocator noise from failing the test.
  const growth = after100 - warm;
  tc.diagnostic(`wasm memory ${warm} bytes after 10 round trips, ${after100} after 100 more`);
  assert.ok(growth <= 256 * 1024, `wasm memory grew by ${(growth / 1024).toFixed(0)} KiB over 100 round trips (from ${(warm / 1048576).toFixed(2)} MiB)`);
  t.assertClean();
  await t.close();
});
