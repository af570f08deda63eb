// For the intranet page that embeds DVA Screen in an iframe. The app sends only
// {type: "dva-screen:height", height} and, on Quick exit when the frame may not leave the page
// itself, {type: "dva-screen:exit", url}; both only to the origin in its config's "host_origin".
const APP_ORIGIN = window.location.origin; // the origin the app is served from, if another
window.addEventListener('message', (event) => {
  const frame = [...document.querySelectorAll('iframe')].find((f) => f.contentWindow === event.source);
  // 'null': a frame sandboxed without allow-same-origin has no origin of its own.
  if (!frame || (event.origin !== APP_ORIGIN && event.origin !== 'null')) return;
  const { type, height, url } = event.data ?? {};
  if (type === 'dva-screen:height' && height > 0) frame.style.height = `${Math.ceil(height)}px`;
  if (type === 'dva-screen:exit') { document.body.replaceChildren(); location.replace(url); }
});
