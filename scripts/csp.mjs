// Trunk post-build hook: pins every inline script of the built index.html by its SHA-256 hash in
// a Content-Security-Policy meta tag. The policy allows only the app's own files: no other
// origin for anything, no eval (WebAssembly needs only 'wasm-unsafe-eval'), no plugins, no forms.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2] || 'dist';
const file = path.join(dir, 'index.html');
let html = fs.readFileSync(file, 'utf8');

const hashes = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)]
  .filter((m) => !/\bsrc=/.test(m[0].slice(0, m[0].indexOf('>'))))
  .map((m) => `'sha256-${crypto.createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);

export const POLICY = [
  "default-src 'none'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  "style-src 'self'",
  "img-src 'self' data: blob:",
  // The wasm module is fetched from the app's own origin; nothing else may be.
  "connect-src 'self'",
  "font-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "manifest-src 'none'",
  "worker-src 'none'",
].join('; ');

const meta = `<meta http-equiv="Content-Security-Policy" content="${POLICY}">`;
if (html.includes('http-equiv="Content-Security-Policy"')) {
  html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, meta);
} else {
  // Must come before any script or resource it governs.
  html = html.replace(/<meta charset="utf-8">/i, (m) => `${m}\n  ${meta}`);
}
if (!html.includes(meta)) {
  console.error('csp.mjs: could not insert the Content-Security-Policy');
  process.exit(1);
}
fs.writeFileSync(file, html);
console.log(`csp.mjs: pinned ${hashes.length} inline script(s)`);
