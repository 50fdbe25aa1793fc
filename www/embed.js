// The embedding API: the <readiness-check> custom element and mount(element, options).
//
// The build copies this file into pkg/ beside readiness.js, readiness_bg.wasm and
// readiness-css.js (the stylesheet as a module), so it imports them by relative URL. The app
// renders into an open shadow root; its styles are adopted stylesheets (nothing in the host
// page's <head>, no style attributes), so a host's CSS neither reaches in nor is reached.
// One WebAssembly instance serves every widget on the page.
import init, { checkOptions, mountApp } from './readiness.js';
import css from './readiness-css.js';

const ATTRIBUTES = ['framework', 'namespace', 'theme-brand', 'theme-focus', 'theme-font-family', 'theme-base-size', 'start', 'workshop'];
const handles = new WeakMap();
let loading = null;
let baseSheet = null;

function load() {
  loading ??= init({ module_or_path: new URL('./readiness_bg.wasm', import.meta.url) });
  return loading;
}

function sheet(text) {
  const made = new CSSStyleSheet();
  made.replaceSync(text);
  return made;
}

function attributesOf(element) {
  const found = {};
  for (const name of ATTRIBUTES) {
    if (element.hasAttribute(name)) found[name] = element.getAttribute(name);
  }
  return found;
}

function sendError(element, problems) {
  element.dispatchEvent(new CustomEvent('readiness-error', { detail: { problems }, bubbles: true, composed: true }));
}

// Fetches a framework file named by URL, on this page's own origin only.
async function fetchFramework(url) {
  const resolved = new URL(url, document.baseURI);
  if (resolved.origin !== location.origin) {
    return { problem: `${resolved.href} is on another site: a framework file must be on this site (${location.origin})` };
  }
  try {
    const response = await fetch(resolved.href, { credentials: 'same-origin' });
    if (!response.ok) return { problem: `${resolved.href} could not be fetched (HTTP ${response.status})` };
    return { text: await response.text() };
  } catch (error) {
    return { problem: `${resolved.href} could not be fetched (${error.message})` };
  }
}

async function render(state) {
  const { element, root, container } = state;
  const attributes = attributesOf(element);
  let checked;
  try {
    checked = checkOptions(state.options, attributes);
  } catch (problems) {
    state.widget?.unmount();
    state.widget = mountApp(container, element, state.options, attributes, undefined, undefined);
    return;
  }
  root.adoptedStyleSheets = checked.theme ? [baseSheet, sheet(checked.theme)] : [baseSheet];
  let text;
  let problem;
  if (checked.frameworkUrl) ({ text, problem } = await fetchFramework(checked.frameworkUrl));
  if (state.unmounted) return;
  state.widget?.unmount();
  state.widget = mountApp(container, element, state.options, attributes, text, problem);
}

/**
 * Mounts the assessment in `element`. Options: { framework: URL or framework object,
 * namespace, theme: { brand, focus, fontFamily, baseSize }, start, workshop }. Attributes of
 * the same names (theme-brand, …) win over options. Returns { update(options), unmount() }.
 */
export function mount(element, options = {}) {
  if (!(element instanceof Element)) throw new TypeError('readiness: mount(element, options) needs an element');
  if (handles.has(element)) {
    throw new Error('readiness: this element already has an assessment mounted; call unmount() on its handle first');
  }
  const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  const container = document.createElement('div');
  root.replaceChildren(container);
  const state = { element, root, container, options, widget: null, unmounted: false, queue: Promise.resolve() };
  const run = () => {
    state.queue = state.queue
      .then(load)
      .then(() => {
        baseSheet ??= sheet(css);
        return render(state);
      })
      .catch((error) => sendError(element, [{ path: '', message: String(error?.message ?? error) }]));
    return state.queue;
  };
  const handle = {
    update(next = {}) {
      if (state.unmounted) throw new Error('readiness: this assessment has been unmounted');
      state.options = { ...state.options, ...next };
      return run();
    },
    unmount() {
      if (state.unmounted) return;
      state.unmounted = true;
      state.widget?.unmount();
      state.widget = null;
      root.replaceChildren();
      handles.delete(element);
    },
    ready: null,
  };
  handles.set(element, handle);
  handle.ready = run();
  return handle;
}

/** The <readiness-check> element: mounts itself when connected, follows its attributes. */
class ReadinessCheck extends HTMLElement {
  static get observedAttributes() {
    return ATTRIBUTES;
  }

  connectedCallback() {
    if (!handles.has(this)) mount(this, {});
  }

  disconnectedCallback() {
    handles.get(this)?.unmount();
  }

  attributeChangedCallback(_name, before, after) {
    if (before !== after && this.isConnected) handles.get(this)?.update({});
  }

  /** Mounts with options (attributes still win); replaces the automatic mount. */
  mount(options = {}) {
    handles.get(this)?.unmount();
    return mount(this, options);
  }
}

if (!customElements.get('readiness-check')) customElements.define('readiness-check', ReadinessCheck);
