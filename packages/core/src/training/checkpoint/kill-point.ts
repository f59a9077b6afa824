import { basename } from 'node:path';

/** The moments a fault-injection test can stop a process at (see {@link killPoint}). */
export type KillPointName =
  /** a training step has updated the weights */
  | 'step'
  /** half of a file's new bytes are in its temporary file */
  | 'partial-write'
  /** the temporary file is complete and flushed, not yet renamed */
  | 'written'
  /** the file has been renamed into place */
  | 'renamed';

let plan: { name: string; file: string | undefined; count: number } | null | undefined;
let reached = 0;

/**
 * A deterministic kill for fault-injection tests. With `RESIDUAL_TEST_KILL_AT=<name>:<n>` in the
 * environment, the n-th time this process reaches the point `name` it sends itself SIGKILL — a real
 * kill, with no clean-up, as a power cut or `kill -9` would — so a test can stop training exactly
 * inside a checkpoint write; `<name>@<file>:<n>` counts only the points reached while writing that
 * file (e.g. `renamed@best.ckpt:1`). Without the variable it does nothing.
 *
 * @param name - the point reached.
 * @param file - the file being written there, if any (its base name is matched).
 * @example
 * killPoint('written', 'runs/a/last.ckpt'); // between flushing a temporary file and renaming it
 */
export function killPoint(name: KillPointName, file?: string): void {
  if (plan === undefined) {
    const match = /^([a-z-]+)(?:@([\w.-]+))?:(\d+)$/.exec(process.env['RESIDUAL_TEST_KILL_AT'] ?? '');
    plan = match === null ? null : { name: match[1] as string, file: match[2], count: Number(match[3]) };
  }
  if (plan === null || plan.name !== name) return;
  if (plan.file !== undefined && (file === undefined || basename(file) !== plan.file)) return;
  reached += 1;
  if (reached === plan.count) process.kill(process.pid, 'SIGKILL');
}
