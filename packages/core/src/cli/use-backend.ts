import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-layers'; // registers the gradient functions training needs
import { describeBackendChoice, type BackendChoice } from '../engine/backend/backend-choice.js';
import { nodeBackendOrder, selectNodeBackend, type NodeBackendName } from '../engine/backend/select-node-backend.js';
import type { CliIo } from './cli-io.js';
import { choiceOption } from './parse-options.js';

/** The `--backend` values: `auto` then each Node backend. */
export const backendChoices = ['auto', ...nodeBackendOrder] as const;

/**
 * Selects the backend a command asked for and prints the choice and every skip reason, one line each.
 *
 * @param command - for messages.
 * @param raw - the `--backend` text, or `undefined` for `auto`.
 * @param io - where to print.
 * @param quiet - print nothing (for `--json` output).
 * @returns the selection.
 * @example
 * const choice = await useBackend('train', values.backend, io);
 */
export async function useBackend(command: string, raw: string | undefined, io: CliIo, quiet = false): Promise<BackendChoice> {
  const wanted = choiceOption(command, 'backend', raw, backendChoices as unknown as ['auto', ...NodeBackendName[]]);
  const choice = await selectNodeBackend({ backend: wanted });
  if (!quiet) for (const line of describeBackendChoice(choice)) io.err(line);
  // Silence TF.js's console notes from now on (e.g. "looks like you are running TensorFlow.js in Node.js").
  tf.enableProdMode();
  return choice;
}
