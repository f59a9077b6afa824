import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

/** The repository root (this file is tests/training/cli-process.ts). */
export const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');

/** A running `residual` process (the CLI's sources through tsx, as the bin runs them without dist/). */
export interface CliProcess {
  readonly child: ChildProcess;
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `residual <args>` as its own Node process, with progress printed as lines. */
export function startCli(args: readonly string[]): CliProcess {
  const entry = resolve(repoRoot, 'packages/core/src/cli/entry.ts');
  const child = spawn(process.execPath, ['--conditions=@residual/source', '--import', 'tsx', entry, ...args], {
    cwd: repoRoot,
    env: { ...process.env, RESIDUAL_PROGRESS: 'lines' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('close', (code, signal) => done({ code, signal })),
  );
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

/** Runs `residual <args>` to the end. */
export async function runCli(args: readonly string[]) {
  const cli = startCli(args);
  const { code } = await cli.exited;
  return { code, stdout: cli.stdout(), stderr: cli.stderr() };
}
