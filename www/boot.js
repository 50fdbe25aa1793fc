// Starts the standalone app. The page first loads the small first-load build
// (pkg/readiness_lite.*: start page, task list and questions). The full build
// (pkg/readiness.*) is loaded when a page only it has is opened, and fetched in the background
// after the user's first move, so that opening such a page seldom waits. src/handover.rs
// describes the hand-over; the `shell` below is the page's side of it.
const root = document.getElementById('app');
const url = (name) => new URL(`../pkg/${name}`, import.meta.url);

// The pages the first-load build does not have (the routes under `cfg(feature = "full")` in
// src/app.rs), by URL fragment as the core's Route::parse reads them. A fragment sent the wrong
// way still works: the first-load build hands it over, and the full build has every page.
const FULL_ONLY = /^#\/(check|results|assessments|import|compare|share\/|workshop)(?=$|[/?])/;

// The full build's stylesheet, pkg/readiness.css, is the first-load one (readiness-lite.css)
// with the rules of the full build's pages added in their places, so it replaces it. It is
// fetched with the full build's module but kept switched off (media "not all") until the
// hand-over: switching it on restyles every element on the page, and while the user answers
// that would hold up their clicks for nothing, as the first-load pages need none of its rules.
function fetchStyles() {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.media = 'not all';
  link.href = url('readiness.css');
  const loaded = new Promise((resolve, reject) => {
    link.onload = () => resolve(link);
    link.onerror = () => reject(new Error('the stylesheet did not load'));
  });
  document.head.append(link);
  return loaded.catch((error) => {
    link.remove();
    throw error;
  });
}

/** `make`, called once: later calls return its promise, unless it failed (then it runs again). */
function once(make) {
  let promise = null;
  return () => {
    if (promise === null) {
      promise = make();
      promise.catch(() => {
        promise = null;
      });
    }
    return promise;
  };
}

const loadModule = once(() =>
  import(url('readiness.js')).then(async (module) => {
    await module.default({ module_or_path: url('readiness_bg.wasm') });
    return module;
  }),
);
// A retry after the module failed does not add the stylesheet again.
const prefetchStyles = once(fetchStyles);
const loadFullStyles = once(() =>
  prefetchStyles().then((link) => {
    link.media = 'all';
    document.querySelector('link[rel=stylesheet][href$="readiness-lite.css"]')?.remove();
  }),
);
const loadFull = once(() => Promise.all([loadModule(), loadFullStyles()]).then(([module]) => module));

let app = null;
// The newest hand-over asked for: if the user moves on while the full build loads, it opens
// the page they moved to, once.
let pending = null;
const shell = {
  prefetch() {
    loadModule().catch(() => {});
    prefetchStyles().catch(() => {});
  },
  async upgrade(detail) {
    pending = detail;
    const module = await loadFull();
    if (pending === null) return;
    const handover = pending;
    pending = null;
    app.destroy();
    app = module.start(root, { handover });
  },
};

if (FULL_ONLY.test(location.hash)) {
  app = (await loadFull()).start(root, {});
} else {
  const lite = await import(url('readiness_lite.js'));
  await lite.default({ module_or_path: url('readiness_lite_bg.wasm') });
  app = lite.start(root, shell);
}
