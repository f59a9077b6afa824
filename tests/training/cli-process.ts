import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

/** The repository root (this file is tests/training/cli-process.ts). */
export const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');

/** The `residual` executable as a user runs it: the `bin` of `@residual/core`. */
export const residualBin = resolve(repoRoot, 'packages/core/bin/residual.js');

/** A running `residual` process. */
export interface CliProcess {
  readonly child: ChildProcess;
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** When the process has exited and its output streams are closed (by it and by anything it started). */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** When the process itself has exited (its output streams may still be held open by a child). */
  readonly ended: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts `residual <args>` as a user does (`node packages/core/bin/residual.js …`), from the
 * sources as in a fresh clone (RESIDUAL_FROM_SOURCE=1: `npm test` may be building dist/ at the same
 * moment, and a half-written build must not be picked up), with progress printed as lines.
 */
export function startCli(args: readonly string[], env: Record<string, string> = {}): CliProcess {
  const child = spawn(process.execPath, [residualBin, ...args], {
    cwd: repoRoot,
    env: { ...process.env, RESIDUAL_PROGRESS: 'lines', RESIDUAL_FROM_SOURCE: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('close', (code, signal) => done({ code, signal })),
  );
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal })),
  );
  return { child, stdout: () => stdout, stderr: () => stderr, exited, ended };
}

/** Runs `residual <args>` to the end. */
export async function runCli(args: readonly string[], env: Record<string, string> = {}) {
  const cli = startCli(args, env);
  const { code, signal } = await cli.exited;
  return { code, signal, stdout: cli.stdout(), stderr: cli.stderr() };
}

/** Resolves once `pattern` appears in the process's stderr; rejects if it exits first. */
export function waitForStderr(cli: CliProcess, pattern: RegExp): Promise<void> {
  return new Promise<void>((done, fail) => {
    const timer = setInterval(() => {
      if (pattern.test(cli.stderr())) {
        clearInterval(timer);
        done();
      }
    }, 20);
    void cli.exited.then(() => {
      clearInterval(timer);
      if (!pattern.test(cli.stderr())) fail(new Error(`residual ended before printing ${pattern}:\n${cli.stderr()}`));
    });
  });
}

/** True where /proc lists processes (Linux). */
export const hasProcfs = existsSync('/proc/self/cmdline');

/** PIDs of the processes whose command line contains `text` (from /proc; Linux only). */
export function processesMentioning(text: string): number[] {
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').some((argument) => argument.includes(text))) found.push(Number(name));
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}
