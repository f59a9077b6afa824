/** Backends a browser (or any JavaScript runtime) can use, best first. Its own file, so a page can read it without loading TF.js. */
export const browserBackendOrder = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;

/** One of the browser-capable TF.js backends. */
export type BrowserBackendName = (typeof browserBackendOrder)[number];
