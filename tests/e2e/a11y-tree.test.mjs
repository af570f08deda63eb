// What a screen reader is given, read from Chromium's accessibility tree (issue 15, points 4, 6
// and 8): the step list is a list named as progress (no navigation landmark without links) and
// says done and not started in words, with a tick that shows it without colour; the chart is
// named by its title and described once by its description, in words that read well aloud; the
// toggles and links under the result make sense out of context; the client's "last 12 months"
// page has a title of its own.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, openPage, assertAccessible } from './harness.mjs';
import { T, axNode, axTree } from './ax.mjs';
import { answerFrequency, expectHeading, startScreening } from './pages/worker-ask.mjs';
import { wording } from './pages/worker-flow.mjs';
import { RECENT_LEGEND, START_TITLE, choose, handOver, next, openHandover } from './pages/client.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

test('the step list is progress, not navigation: each step says completed or not started, and done steps show a tick', async () => {
  const t = await openPage(app);
  const { page } = t;
  await startScreening(page, {}, { url: app.url });
  await page.evaluate(() => { location.hash = '#/check'; });
  await expectHeading(page, 'Check your answers');
  const tree = await axTree(page);
  assert.equal(tree.filter((n) => n.role === 'navigation').length, 0, 'no navigation landmark without links');
  const list = tree.find((n) => n.role === 'list' && n.name === T['steps.label']);
  assert.ok(list, `a list named "${T['steps.label']}"`);
  const items = await page.locator('.steps__item').evaluateAll((els) => els.map((el) => ({
    text: el.textContent.replace(/\s+/g, ' ').trim(),
    current: el.getAttribute('aria-current'),
    tick: getComputedStyle(el, '::before').content !== 'none' && getComputedStyle(el, '::before').borderRightWidth !== '0px',
  })));
  // Check your answers is step 3: two done, this one current, three not started.
  assert.deepEqual(items.map((i) => i.current), [null, null, 'step', null, null, null]);
  assert.deepEqual(items.map((i) => i.tick), [true, true, false, false, false, false], 'done steps have a tick, the others none');
  assert.deepEqual(items.map((i) => i.text), [
    `${T['steps.start']}${T['steps.state.done']}`,
    `${T['steps.ask']}${T['steps.state.done']}`,
    T['steps.check'],
    `${T['steps.result']}${T['steps.state.not_started']}`,
    `${T['steps.respond']}${T['steps.state.not_started']}`,
    `${T['steps.record']}${T['steps.state.not_started']}`,
  ]);
  // The words are in the tree, not only in the DOM.
  const texts = tree.filter((n) => n.role === 'StaticText').map((n) => n.name);
  assert.ok(texts.includes(T['steps.state.done']) || texts.some((s) => s.includes('(completed)')), 'the tree says "(completed)"');
  t.assertClean();
  await t.close();
});

test('the chart is named by its title and described once by its description, which reads well aloud', async () => {
  const t = await openPage(app);
  const { page } = t;
  await startScreening(page, {}, { url: app.url });
  await page.evaluate(() => { location.hash = '#/ask/behaviours'; });
  await expectHeading(page, 'Behaviours in relationships');
  await answerFrequency(page, wording('b.shouting'), '2 to 10 times', 'Yes');
  await answerFrequency(page, wording('b.pushing'), 'Once', 'Yes');
  await page.evaluate(() => { location.hash = '#/result'; });
  await page.getByRole('heading', { level: 2, name: 'Behaviours he disclosed' }).waitFor();
  const chart = await axNode(page, 'svg.chart__svg');
  assert.equal(chart.role, 'image');
  assert.equal(chart.name, T['result.chart.title']);
  assert.match(chart.description, /Emotional and verbal: 1 of \d+ disclosed \(1 happened 2 to 10 times\)\./);
  assert.match(chart.description, /Physical: 1 of \d+ disclosed \(1 happened once\)\./);
  assert.doesNotMatch(chart.description, /\d \d+ to \d+ times/, 'no "1 2 to 10 times"');
  // Said once: the description is not also in the name, and nothing inside the image is read.
  assert.ok(!chart.name.includes('Physical'), `the name is only the title: "${chart.name}"`);
  const tree = await axTree(page);
  const inChart = tree.filter((n) => n.name.includes('Emotional and verbal: 1 of') || n.description.includes('Emotional and verbal: 1 of'));
  assert.equal(inChart.length, 1, `the description is given once (${inChart.map((n) => n.role).join(', ')})`);
  t.assertClean();
  await t.close();
});

test('result: "Show the answers behind this" says which finding, and the incomplete list does not repeat its links', async () => {
  const t = await openPage(app);
  const { page } = t;
  await startScreening(page, {}, { url: app.url });
  await page.evaluate(() => { location.hash = '#/ask/behaviours'; });
  await expectHeading(page, 'Behaviours in relationships');
  // Five behaviours (one physical): two findings besides the level, each with its own toggle.
  for (const id of ['b.shouting', 'b.name_calling', 'b.put_downs', 'b.yelling', 'b.pushing']) {
    await answerFrequency(page, wording(id), 'Once', 'Yes');
  }
  await page.evaluate(() => { location.hash = '#/result'; });
  await page.getByRole('heading', { level: 2, name: T['result.incomplete.heading'] }).waitFor();
  const toggles = await page.locator('.result__details > summary').all();
  assert.ok(toggles.length >= 2, `at least two findings with their answers (${toggles.length})`);
  const names = [];
  for (const toggle of toggles) {
    const node = await axNode(page, `#${await toggle.evaluate((el) => { el.id ||= `t${Math.random().toString(36).slice(2)}`; return el.id; })}`);
    const finding = await toggle.evaluate((el) => el.closest('.result__reason').querySelector('.result__reason-text').firstChild.textContent.trim());
    assert.ok(node.name.startsWith('Show the answers behind this ('), `visible words first: "${node.name}"`);
    assert.ok(node.name.includes(finding), `"${node.name}" names its finding "${finding}"`);
    names.push(node.name);
  }
  assert.equal(new Set(names).size, names.length, `every toggle has its own name: ${names.join(' | ')}`);
  // "Relationship", not "Relationship (Relationship)".
  const links = await page.locator('.result__gap-group > a').evaluateAll((els) => els.map((a) => a.textContent.trim()));
  assert.ok(links.length >= 1);
  for (const link of links) assert.doesNotMatch(link, /^(.+) \(\1\)$/, `the link repeats itself: "${link}"`);
  for (const a of await page.locator('.result__gap-group > a').all()) {
    const node = await axNode(page, `a[href="${await a.getAttribute('href')}"].result__answer-link`);
    assert.doesNotMatch(node.name, /^(.+) \(\1\)$/, `the link's name repeats itself: "${node.name}"`);
  }
  await assertAccessible(page, 'result with findings');
  t.assertClean();
  await t.close();
});

test('client: the "last 12 months" page has a heading of its own; the title stays neutral', async () => {
  const t = await openPage(app);
  const { page } = t;
  await startScreening(page, {}, { url: app.url });
  await openHandover(page);
  await handOver(page, '2468');
  await expectHeading(page, START_TITLE);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.locator('main h1').waitFor();
  const question = (await page.locator('main h1').innerText()).trim();
  await choose(page, 'Once');
  await next(page);
  await expectHeading(page, RECENT_LEGEND);
  // Issue 13: the client view's titles are neutral, so that the tab and the history say nothing
  // of his questions; the page is announced by its heading, which takes the focus.
  assert.notEqual(RECENT_LEGEND, question);
  await page.waitForFunction(() => document.activeElement?.matches('main h1'));
  assert.equal(await page.title(), 'New tab');
  t.assertClean();
  await t.close();
});
