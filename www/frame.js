// The iframe fallback: shows the assessment and tells the host page, by postMessage to the
// origin it names (?origin=…) and to no other, how tall it is and what happened.
// Query parameters: origin (required for messages), namespace, start, framework (a URL on this
// site), theme-brand, theme-focus, theme-font-family, theme-base-size, workshop.
import { mount } from '../pkg/embed.js';

const query = new URLSearchParams(location.search);
const origin = query.get('origin');
const slot = document.getElementById('slot');
for (const name of ['namespace', 'start', 'framework', 'theme-brand', 'theme-focus', 'theme-font-family', 'theme-base-size', 'workshop']) {
  if (query.has(name)) slot.setAttribute(name, query.get(name));
}

function post(message) {
  // No origin, or one that is not a web origin: send nothing rather than to anyone.
  if (!origin || parent === window) return;
  let target;
  try {
    target = new URL(origin).origin;
  } catch {
    return;
  }
  parent.postMessage({ source: 'readiness', ...message }, target);
}

for (const type of ['readiness-ready', 'readiness-change', 'readiness-complete', 'readiness-error']) {
  slot.addEventListener(type, (event) => post({ type, detail: event.detail }));
}

let last = 0;
new ResizeObserver(() => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== last) {
    last = height;
    post({ type: 'resize', height });
  }
}).observe(document.documentElement);

mount(slot, {});
