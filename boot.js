// Quick exit and Hide screen on the first paint, before the app's wasm has arrived: index.html
// shows a static copy of the start page's frame (#boot), and this small script makes its buttons
// and Shift pressed three times work as the app's do (src/components/safety.rs). A file of its
// own, as the Content-Security-Policy allows no inline script, loaded in the head before the
// frame is parsed, so that its listeners (on the window, for elements not parsed yet) are there
// before the first paint. When the app mounts it removes the frame, and every handler here first
// checks that the frame is still there, so the app's own controls are the only ones from then
// on. The texts are the catalogue's (locales/en-GB.json; tests/e2e/first-paint.test.mjs checks).
(() => {
  const frame = () => document.getElementById('boot');
  const NEUTRAL_TITLE = 'New tab';
  const SHIFT_WINDOW_MS = 5000;

  // The service's settings are not read yet (the app reads config.json), so Quick exit goes to
  // the app's own neutral page beside it, the default exit address.
  function leave() {
    // Tells the app not to mount if its wasm arrives while the exit page loads (src/lib.rs).
    document.documentElement.setAttribute('data-dva-leaving', '');
    document.body.replaceChildren();
    document.title = NEUTRAL_TITLE;
    const target = new URL('neutral.html', document.baseURI).href;
    // Embedded: take the whole tab away if the embedding page lets a frame do that.
    if (window.top !== window) {
      try { window.top.document.title = NEUTRAL_TITLE; } catch { /* another origin */ }
      try {
        window.top.location.replace(target);
        return;
      } catch { /* sandboxed: this frame at least */ }
    }
    window.location.replace(target);
  }

  // Hide screen: the app's cover, outside the part of the frame made inert. The app starts
  // covered if it mounts while this cover is up (data-covered, read in src/lib.rs).
  function cover(boot) {
    if (boot.querySelector('.cover')) return;
    const page = boot.querySelector('.app');
    const hideButton = boot.querySelector('.hide-screen__button');
    const el = document.createElement('div');
    el.className = 'cover';
    el.setAttribute('role', 'dialog');
    el.setAttribute('aria-modal', 'true');
    el.setAttribute('aria-labelledby', 'cover-text');
    const inner = document.createElement('div');
    inner.className = 'cover__inner';
    const text = document.createElement('p');
    text.className = 'cover__text';
    text.id = 'cover-text';
    text.textContent = 'This screen is hidden.';
    const uncover = document.createElement('button');
    uncover.type = 'button';
    uncover.className = 'button button--secondary cover__button';
    uncover.textContent = 'Show the screen again';
    uncover.addEventListener('click', () => {
      el.remove();
      page.inert = false;
      boot.removeAttribute('data-covered');
      hideButton.focus();
    });
    inner.append(text, uncover);
    el.append(inner);
    boot.prepend(el);
    page.inert = true;
    boot.setAttribute('data-covered', '');
    uncover.focus();
  }

  window.addEventListener('click', (e) => {
    const boot = frame();
    const control = e.target instanceof Element && boot?.contains(e.target)
      ? e.target.closest('.quick-exit__button, .hide-screen__button, .skip-link')
      : null;
    if (!control) return;
    if (control.classList.contains('quick-exit__button')) {
      leave();
    } else if (control.classList.contains('hide-screen__button')) {
      cover(boot);
    } else {
      // As the app's: to the heading, with no fragment in the address (the app's pages are there).
      e.preventDefault();
      boot.querySelector('main h1').focus();
    }
  });

  // Shift pressed and released on its own three times within five seconds; any other key starts
  // the count again, and each press short of three is announced.
  let presses = [];
  let modifier = false;
  let clear;
  const announce = (text) => {
    const status = frame()?.querySelector('.quick-exit [role="status"]');
    if (!status) return;
    status.textContent = text;
    clearTimeout(clear);
    if (text) clear = setTimeout(() => { status.textContent = ''; }, SHIFT_WINDOW_MS);
  };
  window.addEventListener('keydown', (e) => {
    if (!frame()) return;
    if (e.key === 'Shift') {
      if (!e.repeat) modifier = false;
    } else {
      modifier = true;
      presses = [];
      announce('');
    }
  });
  window.addEventListener('keyup', (e) => {
    if (!frame() || e.key !== 'Shift' || modifier) return;
    const now = Date.now();
    presses = presses.filter((t) => now - t < SHIFT_WINDOW_MS);
    presses.push(now);
    if (presses.length >= 3) {
      leave();
      return;
    }
    const n = 3 - presses.length;
    announce(`Shift, press ${n} more ${n === 1 ? 'time' : 'times'} to exit.`);
  });
})();
