/** What a WebGPU adapter says about itself (`GPUAdapter.info`, and the older `isFallbackAdapter` on the adapter). */
export interface AdapterFacts {
  readonly isFallbackAdapter?: boolean;
  readonly info?: { readonly isFallbackAdapter?: boolean; readonly vendor?: string; readonly architecture?: string; readonly description?: string };
}

const softwareNames = /swiftshader|llvmpipe|lavapipe|softpipe|software|basic render driver/i;

/**
 * Whether a WebGPU adapter is a software fallback (SwiftShader and the like): the adapter says so
 * (`info.isFallbackAdapter`, or `isFallbackAdapter` on older browsers), or its vendor, architecture
 * or description names a software renderer. Such an adapter is 20–80× slower than WASM for
 * Residual's live examples.
 *
 * @param adapter - a `GPUAdapter` (only the fields above are read).
 * @example
 * isFallbackAdapter({ info: { isFallbackAdapter: true } }); // true
 * isFallbackAdapter({ info: { vendor: 'google', architecture: 'swiftshader' } }); // true
 */
export function isFallbackAdapter(adapter: AdapterFacts): boolean {
  if (adapter.info?.isFallbackAdapter === true || adapter.isFallbackAdapter === true) return true;
  const { vendor = '', architecture = '', description = '' } = adapter.info ?? {};
  return softwareNames.test(`${vendor} ${architecture} ${description}`);
}

/**
 * Whether a WebGL renderer string (`UNMASKED_RENDERER_WEBGL`, or `RENDERER`) names a software
 * renderer such as SwiftShader or llvmpipe.
 *
 * @param renderer - the renderer string, e.g. `'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)'`.
 * @example
 * isSoftwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)'); // true
 */
export function isSoftwareRenderer(renderer: string): boolean {
  return softwareNames.test(renderer);
}

/** A short name of an adapter for display: its description, or vendor and architecture. */
export function adapterName(adapter: AdapterFacts): string | undefined {
  const { vendor = '', architecture = '', description = '' } = adapter.info ?? {};
  const name = description.trim() !== '' ? description : `${vendor} ${architecture}`.trim();
  return name === '' ? undefined : name;
}
