// TF.js environment flags set from the command line (`--tf-flag NAME=VALUE`), so a benchmark can
// sweep e.g. WebGPU's WEBGPU_DEFERRED_SUBMIT_BATCH_SIZE (dispatches per queue submission, 15 by default).
import * as tf from '@tensorflow/tfjs-core';

/**
 * Sets each `NAME=VALUE` as a TF.js flag (numbers and true/false are parsed), after the backend's
 * flags are registered; an unknown name is refused with the rule and the fix.
 *
 * @param assignments - e.g. `['WEBGPU_DEFERRED_SUBMIT_BATCH_SIZE=64']`.
 * @returns the flags as set, for the result's provenance.
 * @example
 * setTfFlags(['WEBGPU_DEFERRED_SUBMIT_BATCH_SIZE=64']); // { WEBGPU_DEFERRED_SUBMIT_BATCH_SIZE: 64 }
 */
export function setTfFlags(assignments: readonly string[]): Record<string, number | boolean | string> {
  const set: Record<string, number | boolean | string> = {};
  for (const assignment of assignments) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(assignment);
    if (match === null) {
      throw new Error(`resnet-bench: --tf-flag must be NAME=VALUE, but got ${JSON.stringify(assignment)}. Example: --tf-flag WEBGPU_DEFERRED_SUBMIT_BATCH_SIZE=64.`);
    }
    const [, name = '', text = ''] = match;
    try {
      tf.env().get(name); // throws for a flag no loaded package registered
    } catch {
      throw new Error(`resnet-bench: --tf-flag must name a TF.js flag of the loaded backends, but got ${name}. See registerFlag(...) in @tensorflow/tfjs-backend-*.`);
    }
    const value = text === 'true' ? true : text === 'false' ? false : text !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
    tf.env().set(name, value);
    set[name] = value;
  }
  return set;
}
