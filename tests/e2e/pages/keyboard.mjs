// Keyboard-only page objects: everything here moves with Tab / Shift+Tab, chooses with the arrow
// keys and Space, and presses with Enter, exactly as a keyboard user would. Nothing clicks,
// checks or fills. Each step checks that what took focus shows a visible focus indicator.
import assert from 'node:assert/strict';

/** What has focus now: its kind, accessible-ish name, group legend and focus styling. */
export async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { tag: 'body', name: '', legend: '', visible: false };
    const text = (node) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
    let name = el.getAttribute('aria-label') ?? '';
    if (!name && el.labels && el.labels.length) name = text(el.labels[0]);
    if (!name) name = text(el);
    const fieldset = el.closest('fieldset');
    const legend = fieldset ? text(fieldset.querySelector('legend')) : '';
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow && style.boxShadow !== 'none';
    const box = el.getBoundingClientRect();
    return {
      tag: el.tagName.toLowerCase(),
      type: el.getAttribute('type') ?? '',
      id: el.id,
      name,
      legend,
      checked: !!el.checked,
      visible: outline || shadow,
      style: `outline: ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}; box-shadow: ${style.boxShadow}`,
      onScreen: box.width > 0 && box.height > 0,
    };
  });
}

const matches = (pattern, s) => (pattern instanceof RegExp ? pattern.test(s) : s === pattern);

/**
 * Presses Tab (or Shift+Tab when `backwards`) until the focused element satisfies `want`,
 * at most `max` times. Fails with the trail of what was focused if it never does.
 */
export async function tabUntil(page, want, { backwards = false, max = 250, what = 'the element' } = {}) {
  const trail = [];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    trail.push(`${f.tag}${f.type ? `[${f.type}]` : ''} "${f.name.slice(0, 40)}"`);
    if (want(f)) return f;
  }
  assert.fail(`could not reach ${what} with ${backwards ? 'Shift+Tab' : 'Tab'}; focus went: ${trail.slice(-25).join(' → ')}`);
}

/** Asserts the focused element shows a focus indicator (outline or box-shadow). */
export async function assertVisibleFocus(page, where) {
  const f = await focused(page);
  assert.ok(f.onScreen, `${where}: the focused element (${f.tag} "${f.name}") has no size`);
  assert.ok(f.visible, `${where}: no visible focus indicator on ${f.tag} "${f.name}" (${f.style})`);
  return f;
}

/** Tabs to the text box labelled `label` and types `text` into it. */
export async function typeInto(page, label, text, options = {}) {
  await tabUntil(page, (f) => (f.tag === 'input' || f.tag === 'textarea') && matches(label, f.name), { what: `the box "${label}"`, ...options });
  await assertVisibleFocus(page, `the box "${label}"`);
  await page.keyboard.type(text);
}

/** Tabs to the button (or link) named `name` and presses Enter. */
export async function press(page, name, { key = 'Enter', ...options } = {}) {
  await tabUntil(page, (f) => (f.tag === 'button' || f.tag === 'a' || f.tag === 'summary') && matches(name, f.name), { what: `"${name}"`, ...options });
  await assertVisibleFocus(page, `"${name}"`);
  await page.keyboard.press(key);
}

/**
 * Tabs into the radio group whose legend matches `legend` (one Tab stop per group) and chooses
 * `option` with the arrow keys, or Space when focus already rests on it.
 */
export async function chooseRadio(page, legend, option, options = {}) {
  const f = await tabUntil(page, (x) => x.tag === 'input' && x.type === 'radio' && matches(legend, x.legend), { what: `the radio group "${legend}"`, ...options });
  await assertVisibleFocus(page, `the radio group "${legend}"`);
  const { labels, current } = await page.evaluate(() => {
    const el = document.activeElement;
    const radios = [...el.closest('fieldset').querySelectorAll('input[type=radio]')].filter((r) => r.name === el.name);
    return {
      labels: radios.map((r) => (r.labels?.[0]?.textContent ?? '').replace(/\s+/g, ' ').trim()),
      current: radios.indexOf(el),
    };
  });
  const target = labels.findIndex((l) => matches(option, l));
  assert.ok(target >= 0, `"${legend}" has no option "${option}" (it has: ${labels.join(', ')})`);
  if (target === current) {
    if (!f.checked) await page.keyboard.press('Space');
  } else {
    const key = target > current ? 'ArrowDown' : 'ArrowUp';
    for (let i = 0; i < Math.abs(target - current); i += 1) await page.keyboard.press(key);
  }
  const now = await focused(page);
  assert.ok(now.checked && matches(option, now.name), `"${legend}": expected "${option}" chosen, focus is on "${now.name}" (checked: ${now.checked})`);
}

/**
 * Waits for a page change after a key press: focus on the new page's main h1 and a new
 * document title. Returns the heading's text.
 */
export async function expectPageChange(page, previousTitle, heading) {
  await page.waitForFunction(
    ([prev]) => document.activeElement?.matches('main h1') && document.title !== prev,
    [previousTitle],
    { timeout: 5000 },
  ).catch(async () => {
    const f = await focused(page);
    assert.fail(`after the page change focus is on ${f.tag} "${f.name}", title "${await page.title()}" (was "${previousTitle}")`);
  });
  const text = (await page.locator('main h1').innerText()).replace(/\s+/g, ' ').trim();
  if (heading) assert.ok(matches(heading, text), `expected the heading "${heading}", got "${text}"`);
  return text;
}
