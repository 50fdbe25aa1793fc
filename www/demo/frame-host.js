// The host side of the iframe fallback. The frame is told this page's origin, so that it
// posts its messages here and nowhere else; this script accepts only messages from that frame
// and that origin, sizes the frame to its content and re-sends everything else as the same
// DOM events the custom element sends, on the iframe element.

const frame = document.getElementById('assessment-frame');
const EVENTS = new Set(['readiness-ready', 'readiness-change', 'readiness-complete', 'readiness-error']);

const query = new URLSearchParams({ origin: window.location.origin });
if (frame.dataset.namespace) query.set('namespace', frame.dataset.namespace);
if (frame.dataset.start) query.set('start', frame.dataset.start);

// The frame may be served from another site than this page: its messages come from that origin.
const frameUrl = new URL(`/www/frame.html?${query}`, window.location.href);

window.addEventListener('message', (event) => {
  if (event.origin !== frameUrl.origin || event.source !== frame.contentWindow) return;
  const message = event.data;
  if (!message || typeof message !== 'object' || message.source !== 'readiness') return;
  if (message.type === 'resize') {
    const height = Number(message.height);
    // Setting a style property from a script is allowed under a strict style-src.
    if (Number.isFinite(height) && height > 0) frame.style.height = `${Math.ceil(height)}px`;
  } else if (EVENTS.has(message.type)) {
    frame.dispatchEvent(new CustomEvent(message.type, { detail: message.detail, bubbles: true, composed: true }));
  }
});

frame.src = frameUrl.href;
