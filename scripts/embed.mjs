// Trunk's post-build hook: makes the build embeddable in an intranet page, then pins its CSP.
// 1. Every rule of the app's stylesheets is scoped under the app's root element (`.dva-screen`),
//    so that the app mounted in a host page does not restyle it: `.x` becomes `.dva-screen .x`,
//    `body` the root itself. The sources stay readable; the integrity hashes in index.html are
//    brought up to date. Only page.css, which styles the app's own page, is left as written.
// 2. `embed.js` is written beside index.html: a host page loads it to mount the app in its
//    `<div id="dva-screen">` (see examples/intranet/embedded.html).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const ROOT_CLASS = '.dva-screen';
// The app's own page only (trunk adds a hash to the name).
const PAGE_ONLY = /^page-[0-9a-f]+\.css$/;

function isScoped(sel) {
  return sel === ROOT_CLASS || sel.startsWith(`${ROOT_CLASS} `) || sel.startsWith(`${ROOT_CLASS}:`)
    || sel.startsWith(`${ROOT_CLASS}.`) || sel.startsWith(`html:has(${ROOT_CLASS} `);
}

function scope(sel) {
  if (isScoped(sel)) return sel;
  if (sel === ':root' || sel === 'body') return ROOT_CLASS;
  if (sel.startsWith('html:has(')) return sel.replace('html:has(', `html:has(${ROOT_CLASS} `);
  return `${ROOT_CLASS} ${sel}`;
}

/** Splits a selector list at top-level commas, keeping each part's surrounding whitespace. */
function splitSelectors(prelude) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < prelude.length; i++) {
    const c = prelude[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(prelude.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(prelude.slice(start));
  return parts;
}

/** Index just past the block that opens at `open` (a `{`), skipping comments and strings. */
function blockEnd(css, open) {
  let depth = 0;
  for (let i = open; i < css.length; i++) {
    if (css.startsWith('/*', i)) { i = css.indexOf('*/', i + 2) + 1; continue; }
    const c = css[i];
    if (c === '"' || c === "'") { i = css.indexOf(c, i + 1); continue; }
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  throw new Error('unbalanced braces');
}

/** Scopes every rule of `css`. */
function transform(css) {
  let out = '';
  let i = 0;
  while (i < css.length) {
    if (css.startsWith('/*', i)) {
      const end = css.indexOf('*/', i + 2) + 2;
      out += css.slice(i, end);
      i = end;
      continue;
    }
    if (/\s/.test(css[i]) || css[i] === '}') { out += css[i++]; continue; }
    // A prelude runs to the next `{` or `;` (outside comments).
    let j = i;
    while (j < css.length && css[j] !== '{' && css[j] !== ';') {
      if (css.startsWith('/*', j)) j = css.indexOf('*/', j + 2) + 2;
      else j++;
    }
    const prelude = css.slice(i, j);
    if (css[j] === ';') { out += css.slice(i, j + 1); i = j + 1; continue; }
    const end = blockEnd(css, j);
    if (prelude.trimStart().startsWith('@')) {
      const name = prelude.trim().split(/[\s({]/)[0];
      if (['@media', '@supports', '@container', '@layer'].includes(name)) {
        out += prelude + '{' + transform(css.slice(j + 1, end - 1)) + '}';
      } else {
        // @page, @keyframes, @font-face: not about elements of the page.
        out += css.slice(i, end);
      }
    } else {
      const scoped = splitSelectors(prelude).map((part) => {
        const lead = part.match(/^\s*/)[0];
        const trail = part.match(/\s*$/)[0];
        const sel = part.trim();
        return lead + scope(sel) + trail;
      });
      out += scoped.join(',') + css.slice(j, end);
    }
    i = end;
  }
  return out;
}

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2] || 'dist';
const indexFile = path.join(dir, 'index.html');
let html = fs.readFileSync(indexFile, 'utf8');

const styles = [];
for (const m of html.matchAll(/<link rel="stylesheet" href="\.\/([^"]+\.css)"( integrity="([^"]+)")?\s*\/?>/g)) {
  const [tag, name, , integrity] = m;
  if (PAGE_ONLY.test(name)) continue;
  const file = path.join(dir, name);
  const scoped = transform(fs.readFileSync(file, 'utf8'));
  fs.writeFileSync(file, scoped);
  if (integrity) {
    const algorithm = integrity.split('-')[0];
    const hash = `${algorithm}-${crypto.createHash(algorithm).update(scoped).digest('base64')}`;
    html = html.replace(tag, tag.replace(integrity, hash));
  }
  styles.push(name);
}
// Fetched with CORS, as the module and the wasm are: in a frame sandboxed without
// allow-same-origin the page's origin is opaque, and a stylesheet with an integrity hash loads
// only by CORS (the server then sends Access-Control-Allow-Origin; see README).
html = html.replace(/<link rel="stylesheet" (?![^>]*crossorigin)/g, '<link rel="stylesheet" crossorigin="anonymous" ');
fs.writeFileSync(indexFile, html);

const js = html.match(/from '\.\/([^']+\.js)'/)?.[1];
const wasm = html.match(/module_or_path: '\.\/([^']+\.wasm)'/)?.[1];
if (!js || !wasm || styles.length === 0) {
  console.error('embed.mjs: could not find the app\'s script, module or styles in index.html');
  process.exit(1);
}
fs.writeFileSync(path.join(dir, 'embed.js'), `// DVA Screen for an intranet page: mounts the app in the page's <div id="dva-screen">, with the
// settings in its <script type="application/json" id="dva-screen-config"> block (or the
// config.json beside this file). Written by scripts/embed.mjs for this build.
const base = new URL('./', import.meta.url);
const host = document.getElementById('dva-screen');
if (!host) throw new Error('DVA Screen: this page has no <div id="dva-screen">');
host.dataset.appBase = base.href;
// The styles first, so that the app never shows unstyled; every rule applies inside it only.
await Promise.all(${JSON.stringify(styles)}.map((name) => new Promise((resolve) => {
  const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: new URL(name, base).href });
  link.onload = link.onerror = resolve;
  document.head.append(link);
})));
const { default: init } = await import(new URL(${JSON.stringify(js)}, base).href);
await init({ module_or_path: new URL(${JSON.stringify(wasm)}, base) });
`);
console.log(`embed.mjs: scoped ${styles.length} stylesheet(s) under ${ROOT_CLASS}; wrote embed.js`);
// Then the Content-Security-Policy, on the finished index.html (see Trunk.toml).
await import('./csp.mjs');
