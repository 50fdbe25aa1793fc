// Starts the standalone app: loads the WebAssembly module and mounts the app into #app.
import init, { start } from '../pkg/readiness.js';

await init({ module_or_path: new URL('../pkg/readiness_bg.wasm', import.meta.url) });
start(document.getElementById('app'));
