import type * as Core from '@residual/core';
import type * as tfl from '@tensorflow/tfjs-layers';

/** The modules a playground program may import, by specifier. */
export type ProgramModules = Record<string, unknown>;

/**
 * Runs a playground program transpiled to CommonJS (`require`, `exports`) with the given modules
 * for its imports, and returns its exports. An import of anything else fails with the list of what
 * the playground provides.
 *
 * @param js - the program, as `ts.transpileModule` with `module: CommonJS` wrote it.
 * @param modules - the modules by specifier (`@residual/core`, `@tensorflow/tfjs-core`, …).
 * @example
 * const exports = runProgram(js, { '@residual/core': core });
 */
export function runProgram(js: string, modules: ProgramModules): Record<string, unknown> {
  const module = { exports: {} as Record<string, unknown> };
  const require = (specifier: string): unknown => {
    if (specifier in modules) return modules[specifier];
    throw new Error(`playground: imports must come from ${Object.keys(modules).join(', ')}, but got '${specifier}'. Import from one of those.`);
  };
  // The reader's own code, run as the page's code (as a REPL does); `new Function` keeps it out of
  // this module's scope.
  new Function('require', 'exports', 'module', js)(require, module.exports, module);
  return module.exports;
}

/**
 * The model a program describes: an exported `ResNetModel` or `LayersModel`, else the last exported
 * symbolic tensor (`Sym`) with every input it depends on.
 *
 * @param exports - what {@link runProgram} returned.
 * @param core - `@residual/core`. `layers` - `@tensorflow/tfjs-layers`.
 * @returns the model and which export it came from, or `undefined` when there is none.
 * @example
 * modelOf({ logits }, core, tfl); // { name: 'logits', model: LayersModel }
 */
export function modelOf(exports: Record<string, unknown>, core: typeof Core, layers: typeof tfl): { name: string; model: tfl.LayersModel } | undefined {
  const entries = Object.entries(exports);
  for (const [name, value] of entries) {
    if (value instanceof layers.LayersModel) return { name, model: value };
    const built = (value as { layersModel?: unknown } | null)?.layersModel;
    if (built instanceof layers.LayersModel) return { name, model: built };
  }
  const last = entries.filter(([, value]) => value instanceof core.Sym).at(-1);
  if (last === undefined) return undefined;
  const output = (last[1] as Core.Sym).tensor;
  return { name: last[0], model: layers.model({ inputs: inputsOf(output), outputs: output, name: last[0] }) };
}

/** The input tensors a symbolic tensor depends on, in the order they are first reached. */
function inputsOf(output: tfl.SymbolicTensor): tfl.SymbolicTensor[] {
  const inputs: tfl.SymbolicTensor[] = [];
  const seen = new Set<number>();
  const visit = (tensor: tfl.SymbolicTensor): void => {
    if (seen.has(tensor.id)) return;
    seen.add(tensor.id);
    const layer = tensor.sourceLayer;
    if (layer.getClassName() === 'InputLayer') {
      inputs.push(tensor);
      return;
    }
    for (const inbound of layer.inboundNodes[tensor.nodeIndex]?.inputTensors ?? []) visit(inbound);
  };
  visit(output);
  return inputs;
}
