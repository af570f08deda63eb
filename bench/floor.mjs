// What Leptos itself costs, and where the app's bytes are: builds bench/floor (the smallest
// Leptos 0.8 CSR app using what the app's views use, with the app's release profile and type
// erasure), then prints its size beside the app's wasm split into code and data (the text).
// Run after a release build (dist/): `node bench/floor.mjs`. Needs what the build needs.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, mkdirSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const floor = join(root, 'bench', 'floor');
const out = join(floor, 'target', 'pkg');
const kib = (n) => (n / 1024).toFixed(1);
const br = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const run = (cmd, args, cwd = root) => execFileSync(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });

run('cargo', ['build', '--release', '--offline', '--target', 'wasm32-unknown-unknown'], floor);
mkdirSync(out, { recursive: true });
run('wasm-bindgen', ['--target', 'web', '--out-dir', out,
  join(floor, 'target/wasm32-unknown-unknown/release/floor.wasm')]);
run('wasm-opt', ['-Oz', join(out, 'floor_bg.wasm'), '-o', join(out, 'floor.opt.wasm')]);

// The wasm's sections by id: 10 is the code, 11 the data (string constants: the text).
function sections(buf) {
  const found = {};
  let i = 8;
  const leb = () => { let r = 0, s = 0, x; do { x = buf[i++]; r += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80); return r; };
  while (i < buf.length) {
    const id = buf[i++];
    const size = leb();
    found[id] = Buffer.concat([found[id] ?? Buffer.alloc(0), buf.subarray(i, i + size)]);
    i += size;
  }
  return found;
}

const floorWasm = readFileSync(join(out, 'floor.opt.wasm'));
const floorJs = readFileSync(join(out, 'floor.js'));
const dist = join(root, 'dist');
const appWasm = readFileSync(join(dist, readdirSync(dist).find((f) => f.endsWith('.wasm'))));
const s = sections(appWasm);
const rows = [
  ['Leptos floor: wasm', floorWasm.length, br(floorWasm)],
  ['Leptos floor: JS glue', floorJs.length, br(floorJs)],
  ['the app: wasm', appWasm.length, br(appWasm)],
  ['  of it, code', s[10].length, br(s[10])],
  ['  of it, data (text)', s[11].length, br(s[11])],
];
console.log('| | raw KiB | brotli KiB |\n|---|---|---|');
for (const [name, raw, b] of rows) console.log(`| ${name} | ${kib(raw)} | ${kib(b)} |`);
