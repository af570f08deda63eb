// What assistive technology is given, read from Chromium's own accessibility tree through the
// DevTools protocol (the tree a screen reader is served), plus the checks built on it: where focus
// is, which hints and errors describe a field, and the contrast of what is drawn.
import assert from 'node:assert/strict';
import fs from 'node:fs';

/** The app's texts, so that specs name things as the catalogue does. */
export const T = JSON.parse(fs.readFileSync(new URL('../../locales/en-GB.json', import.meta.url)));

const value = (v) => v?.value ?? '';

/** A node of the tree as { role, name, description, properties }. */
function shape(n) {
  return {
    role: value(n.role),
    name: value(n.name),
    description: value(n.description),
    properties: Object.fromEntries((n.properties ?? []).map((p) => [p.name, p.value?.value])),
    backendId: n.backendDOMNodeId,
  };
}

async function withSession(page, fn) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Accessibility.enable');
    return await fn(cdp);
  } finally {
    await cdp.detach();
  }
}

/** The accessibility node of the first element matching `selector`, or null. */
export async function axNode(page, selector) {
  return withSession(page, async (cdp) => {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    if (!nodeId) return null;
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
    return nodes.length ? shape(nodes[0]) : null;
  });
}

/** Every node of the whole tree that is not ignored, in document order. */
export async function axTree(page) {
  return withSession(page, async (cdp) => {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    return nodes.filter((n) => !n.ignored).map(shape);
  });
}

/** The node that has focus in the accessibility tree (not the document, which is focused too). */
export async function axFocused(page) {
  const nodes = await axTree(page);
  return nodes.filter((n) => n.properties.focused === true && n.role !== 'RootWebArea').at(-1) ?? null;
}

/** What has focus, for failure messages: tag, id and text. */
export async function focusedInfo(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return 'nothing';
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.getAttribute('aria-label') || el.innerText || el.value || '').trim().slice(0, 60)}"`;
  });
}

/**
 * Waits until `locator`'s element is `document.activeElement` (focus moves after the page has
 * rendered the change, so this waits for the state, never for time).
 */
export async function expectFocus(page, locator, what) {
  const handle = await locator.elementHandle({ timeout: 5000 });
  await page.waitForFunction((el) => el === document.activeElement, handle, { timeout: 5000 })
    .catch(async () => assert.fail(`${what}: focus is on ${await focusedInfo(page)}`));
}

/**
 * Hints and error messages of form fields that no field's aria-describedby points to (or that
 * have no id), as "class: text" lines. Every error and hint must be read with its field.
 */
export async function unassociated(page) {
  return page.evaluate(() => {
    const referenced = new Set(
      [...document.querySelectorAll('[aria-describedby]')].flatMap((el) => el.getAttribute('aria-describedby').split(/\s+/)),
    );
    return [...document.querySelectorAll('main form .hint, main form .error-message, main .form-group .hint, main .form-group .error-message, main fieldset .hint, main fieldset .error-message')]
      .filter((el) => el.getClientRects().length > 0)
      .filter((el) => !el.id || !referenced.has(el.id))
      .map((el) => `${el.className}${el.id ? `#${el.id}` : ''}: ${el.textContent.trim().slice(0, 60)}`);
  });
}

/**
 * The contrast ratio of the focused element's text against its background as rendered: its own
 * colour, over the first opaque background from it outwards.
 */
export async function focusedContrast(page) {
  return page.evaluate(() => {
    const rgba = (c) => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      const [r, g, b, a = 1] = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
      return { r, g, b, a };
    };
    const lum = ({ r, g, b }) => {
      const f = (v) => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const el = document.activeElement;
    const fg = rgba(getComputedStyle(el).color);
    let bg = null;
    for (let e = el; e && !bg; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c.a >= 1) bg = c;
    }
    bg ??= { r: 255, g: 255, b: 255 };
    const [hi, lo] = [lum(fg), lum(bg)].sort((x, y) => y - x);
    return { ratio: (hi + 0.05) / (lo + 0.05), colour: getComputedStyle(el).color, background: `rgb(${bg.r}, ${bg.g}, ${bg.b})` };
  });
}
