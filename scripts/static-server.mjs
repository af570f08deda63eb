// A tiny static file server for dist/, bound to 127.0.0.1 only. Used by the serve command and by
// the browser tests. It serves the app under a sub-path too (`--base /some/path/`), to prove that
// the build uses relative URLs and works wherever a service puts it on its intranet.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Starts a server for `root`; resolves to { server, origin, url } once listening.
 * For the browser tests: `delays` holds files (relative to `base`) to answer only after so many
 * milliseconds, as a slow intranet server would; `noStore: false` leaves out the `no-store`
 * header, which would keep pages out of the browser's back/forward cache. `files` maps paths
 * (relative to `base`) to a body, or to `{ status, body, type }`, served in place of what is on
 * disk; it is read on every request, so a test may change it between pages (a service's
 * config.json). `roots` maps other path prefixes to folders (an intranet page beside the app).
 * `cors: true` adds `Access-Control-Allow-Origin: *` to every answer, as a server must for a
 * frame sandboxed without allow-same-origin (its origin is opaque).
 */
export function serve(root, { port = 0, base = '/', delays = {}, noStore = true, files = {}, roots = {}, cors = false } = {}) {
  const absRoot = path.resolve(root);
  const server = http.createServer((req, res) => {
    if (cors) res.setHeader('access-control-allow-origin', '*');
    const url = new URL(req.url, 'http://127.0.0.1');
    const other = Object.keys(roots).find((prefix) => url.pathname.startsWith(prefix));
    if (other) {
      sendFile(res, path.resolve(roots[other]), decodeURIComponent(url.pathname.slice(other.length)), noStore);
      return;
    }
    if (!url.pathname.startsWith(base)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(base.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    if (Object.hasOwn(files, rel)) {
      const f = typeof files[rel] === 'string' ? { body: files[rel] } : files[rel];
      res.writeHead(f.status ?? 200, {
        'content-type': f.type ?? TYPES[path.extname(rel)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      }).end(f.body ?? '');
      return;
    }
    const file = path.resolve(absRoot, rel);
    if (!file.startsWith(absRoot + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
        return;
      }
      const headers = {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'x-content-type-options': 'nosniff',
      };
      if (noStore) headers['cache-control'] = 'no-store';
      const send = () => res.writeHead(200, headers).end(body);
      if (delays[rel]) setTimeout(send, delays[rel]);
      else send();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const origin = `http://127.0.0.1:${server.address().port}`;
      resolve({ server, origin, url: origin + base });
    });
  });
}

/** Serves `rel` from `absRoot` (index.html for a folder), refusing anything outside it. */
function sendFile(res, absRoot, rel, noStore) {
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';
  const file = path.resolve(absRoot, rel);
  if (!file.startsWith(absRoot + path.sep)) {
    res.writeHead(403).end();
    return;
  }
  fs.readFile(file, (err, body) => {
    if (err) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const headers = { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'x-content-type-options': 'nosniff' };
    if (noStore) headers['cache-control'] = 'no-store';
    res.writeHead(200, headers).end(body);
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [root = 'dist', port = '8080'] = process.argv.slice(2);
  const { url } = await serve(root, { port: Number(port) });
  console.log(`\nDVA Screen is being served at ${url}\n(press Ctrl+C to stop)`);
}
