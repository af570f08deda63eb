// Reading the app's WebAssembly memory from outside, for the memory spec and the benchmark. The
// app does not expose it (nor should a service's build): a script run before the page's own
// keeps the Memory that the instantiated module exports. Added through the DevTools protocol,
// so the page's Content-Security-Policy does not govern it, and no build flag is needed.

/** Install with `context.addInitScript(keepWasmMemory)` before the page loads. */
export function keepWasmMemory() {
  const keep = (result) => {
    const instance = result.instance ?? result;
    for (const value of Object.values(instance.exports ?? {})) {
      if (value instanceof WebAssembly.Memory) window.__dvaWasmMemory = value;
    }
    return result;
  };
  const streaming = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = (...args) => streaming(...args).then(keep);
  const plain = WebAssembly.instantiate;
  WebAssembly.instantiate = (...args) => plain(...args).then(keep);
}

/** The app's WebAssembly memory in bytes (it grows in 64 KiB pages and never shrinks). */
export async function wasmMemoryBytes(page) {
  const bytes = await page.evaluate(() => window.__dvaWasmMemory?.buffer.byteLength ?? null);
  if (bytes === null) throw new Error('the app\'s WebAssembly memory was not captured (keepWasmMemory not installed?)');
  return bytes;
}
