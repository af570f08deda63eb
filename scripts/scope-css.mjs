// Every rule in style/ applies only inside the app's root element (`.dva-screen`), so that the app
// can be mounted in an intranet page without restyling it. `--check` (run by scripts/test.sh)
// fails on any selector that is not scoped; `--write` scopes them in place (`:root` and `body`
// become the root itself). Only style/page.css, which the app's own page alone loads, may style
// the page outside the root.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT_CLASS = '.dva-screen';
const STYLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../style');
const UNSCOPED_FILES = new Set(['page.css']);

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

/** Scopes every rule of `css`; `bad` collects selectors that were not scoped. */
function transform(css, bad) {
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
        out += prelude + '{' + transform(css.slice(j + 1, end - 1), bad) + '}';
      } else {
        // @page, @keyframes, @font-face: not about elements of the page.
        out += css.slice(i, end);
      }
    } else {
      const scoped = splitSelectors(prelude).map((part) => {
        const lead = part.match(/^\s*/)[0];
        const trail = part.match(/\s*$/)[0];
        const sel = part.trim();
        if (!isScoped(sel)) bad.push(sel);
        return lead + scope(sel) + trail;
      });
      out += scoped.join(',') + css.slice(j, end);
    }
    i = end;
  }
  return out;
}

const mode = process.argv[2];
if (mode !== '--check' && mode !== '--write') {
  console.error('usage: node scripts/scope-css.mjs --check | --write');
  process.exit(2);
}
let failed = false;
for (const name of fs.readdirSync(STYLE).filter((f) => f.endsWith('.css') && !UNSCOPED_FILES.has(f))) {
  const file = path.join(STYLE, name);
  const css = fs.readFileSync(file, 'utf8');
  const bad = [];
  const scoped = transform(css, bad);
  if (mode === '--write') fs.writeFileSync(file, scoped);
  else if (bad.length) {
    failed = true;
    console.error(`style/${name}: not scoped under ${ROOT_CLASS}: ${bad.join(' | ')}`);
  }
}
if (failed) process.exit(1);
console.log(`scope-css: every rule in style/ is scoped under ${ROOT_CLASS}`);
