// Types for the files of @tensorflow/tfjs-backend-wasm that Residual starts itself in a browser
// (the package ships a declaration for the factory, none for the worker text).
declare module '@tensorflow/tfjs-backend-wasm/wasm-out/*.worker.js' {
  /** The pthread worker's script, with its "\n" escapes turned into newlines by a template literal. */
  export const wasmWorkerContents: string;
}
