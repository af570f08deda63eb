// Layout checks shared by the accessibility specs: horizontal scrolling, content cut off, target
// sizes, motion, focus indicators, and full-page screenshots for a person to look at.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

/** Fails if the page scrolls sideways. */
export async function noHorizontalScroll(page, where) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.scrollingElement.scrollWidth,
    client: document.scrollingElement.clientWidth,
  }));
  assert.ok(scroll <= client, `${where}: page is ${scroll}px wide in a ${client}px viewport`);
}

/**
 * Every element matching `selector` on screen whose box is smaller than `min` x `min` CSS px,
 * as "tag "text" WxH" lines.
 */
export async function smallTargets(page, {
  min = 24,
  selector = 'button, .link-button, a.button, input[type=radio], input[type=checkbox], summary',
} = {}) {
  return page.evaluate(([sel, size]) => [...document.querySelectorAll(sel)]
    .filter((el) => el.getClientRects().length > 0 && !el.closest('.visually-hidden, [inert], [hidden]'))
    .map((el) => ({ el, box: el.getBoundingClientRect() }))
    .filter(({ box }) => box.width < size || box.height < size)
    .map(({ el, box }) => `${el.tagName.toLowerCase()} "${(el.textContent || el.id).trim().slice(0, 40)}" ${box.width.toFixed(1)}x${box.height.toFixed(1)}`),
  [selector, min]);
}

/** Anything sticking out of the viewport sideways, or cut off by an overflow-hidden box. */
export async function clipped(page) {
  return page.evaluate(() => {
    const out = [];
    const width = document.documentElement.clientWidth;
    for (const el of document.querySelectorAll('body *')) {
      if (el.closest('.visually-hidden, .skip-link, svg, [hidden]') || el.getClientRects().length === 0) continue;
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (box.right > width + 1 || box.left < -1) {
        out.push(`${el.tagName.toLowerCase()}.${el.className} runs from ${box.left.toFixed(0)} to ${box.right.toFixed(0)} in ${width}px`);
      } else if (['hidden', 'clip'].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1) {
        out.push(`${el.tagName.toLowerCase()}.${el.className} hides ${el.scrollWidth - el.clientWidth}px of its content`);
      }
    }
    return out.slice(0, 10);
  });
}

/** CSS animations or transitions that would still move. */
export async function moving(page) {
  return page.evaluate(() => {
    const secs = (v) => v.split(',').map((s) => parseFloat(s) * (s.trim().endsWith('ms') ? 0.001 : 1));
    const out = [];
    for (const el of document.querySelectorAll('*')) {
      for (const pseudo of [null, '::before', '::after']) {
        const s = getComputedStyle(el, pseudo);
        const anim = s.animationName !== 'none' && secs(s.animationDuration).some((d) => d > 0);
        const trans = secs(s.transitionDuration).some((d) => d > 0);
        if (anim || trans) out.push(`${el.tagName.toLowerCase()}${pseudo ?? ''}.${el.className}: ${s.animationName} ${s.animationDuration} / ${s.transitionDuration}`);
      }
    }
    return out.slice(0, 10);
  });
}

/**
 * The focus indicator of the focused element: its name, whether something else is drawn over
 * its centre (`obscured`), and whether it draws a ring. A ring is
 * an outline (a style other than none, a width of 2 px or more, a colour that is not
 * transparent) on the element or on the option box around a radio, or, unless `forced`, a
 * box-shadow. In forced colours box-shadows are not painted, so only an outline counts there.
 */
export async function focusRing(page, { forced = false } = {}) {
  return page.evaluate((isForced) => {
    const el = document.activeElement;
    const clear = (c) => c === 'transparent' || /rgba\([^)]*,\s*0\)$/.test(c);
    const outline = (s) => s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 && !clear(s.outlineColor);
    const shadow = (s) => s.boxShadow !== 'none' && !isForced;
    const own = getComputedStyle(el);
    // Hidden under something (a sticky header): at the centre of each of its boxes (a link has one
    // per line), the topmost element is another.
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    const obscured = ![...el.getClientRects()].some((r) => {
      const hit = document.elementFromPoint(
        Math.min(Math.max(r.left + r.width / 2, 0), vw - 1),
        Math.min(Math.max(r.top + r.height / 2, 0), vh - 1),
      );
      return hit && (hit === el || el.contains(hit) || hit === el.closest('label'));
    });
    const box = el.closest('label.client-option');
    const boxStyle = box && getComputedStyle(box);
    return {
      tag: el.tagName.toLowerCase(),
      name: (el.getAttribute('aria-label') || el.closest('label')?.innerText || el.innerText || el.id || '').trim().slice(0, 50),
      obscured,
      ring: outline(own) || shadow(own) || Boolean(boxStyle && (outline(boxStyle) || shadow(boxStyle))),
      style: `outline ${own.outlineStyle} ${own.outlineWidth} ${own.outlineColor}; shadow ${own.boxShadow}`
        + (boxStyle ? `; box outline ${boxStyle.outlineStyle} ${boxStyle.outlineWidth} ${boxStyle.outlineColor}` : ''),
    };
  }, forced);
}

/**
 * Tabs from the current focus through the whole page until focus comes round again, and returns
 * `focusRing` for every stop (radios: one stop per group, as the browser does).
 */
export async function tabStops(page, { forced = false, max = 40 } = {}) {
  const stops = [];
  const seen = new Set();
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    const key = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      el.dataset.tabStop ??= String(Math.random());
      return el.dataset.tabStop;
    });
    if (key === null) continue;
    if (seen.has(key)) break;
    seen.add(key);
    stops.push(await focusRing(page, { forced }));
  }
  await page.evaluate(() => document.querySelectorAll('[data-tab-stop]').forEach((el) => delete el.dataset.tabStop));
  return stops;
}

/**
 * With `dir` set, saves full-page PNGs of the page as `<name>-<n>.png`, in tiles one and a half
 * screens tall so that each can be read at full size.
 */
export async function saveShots(page, dir, name) {
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  const file = name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase();
  const { width, height } = await page.evaluate(() => ({
    width: document.documentElement.clientWidth, height: document.documentElement.scrollHeight,
  }));
  const tile = Math.round(page.viewportSize().height * 1.5);
  for (let y = 0, i = 1; y < height; y += tile, i += 1) {
    await page.screenshot({
      path: path.join(dir, `${file}-${i}.png`),
      fullPage: true,
      clip: { x: 0, y, width, height: Math.min(tile, height - y) },
    });
  }
}
