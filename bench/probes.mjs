// What run.mjs, click.mjs and heap.mjs share: the click-to-frame probe and the scripted screening.
import { startScreening } from '../tests/e2e/pages/worker-ask.mjs';
import { answerAllSections, quietAnswers } from '../tests/e2e/pages/worker-flow.mjs';
import { recordPage, respondPage, resultPage } from '../tests/e2e/pages/worker-result.mjs';

/**
 * An init script: for every click on an answer (a radio), the time from the click to the end of
 * the frame that shows it (the frame's requestAnimationFrame callback, then a message posted from
 * it, which runs once that frame has been rendered), pushed to `window.__bench.clicks`.
 */
export function clickProbe() {
  const bench = (window.__bench ??= {});
  bench.clicks = [];
  window.addEventListener('click', (e) => {
    if (!(e.target instanceof HTMLInputElement) || e.target.type !== 'radio') return;
    const clicked = e.timeStamp;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => bench.clicks.push(performance.now() - clicked);
      channel.port2.postMessage(null);
    });
  }, true);
}

/** The keyworker's whole screening, from the start page to the record, answering every question. */
export async function screening(page) {
  await startScreening(page);
  await answerAllSections(page, quietAnswers());
  await page.getByRole('button', { name: 'Continue to the result' }).click();
  await resultPage(page).continue();
  await respondPage(page).continue();
  await recordPage(page).open();
}
