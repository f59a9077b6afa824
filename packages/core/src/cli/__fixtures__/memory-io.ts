import type { CliIo } from '../cli-io.js';

/** A CliIo that records what a command printed. */
export function memoryIo(command = 'residual test'): CliIo & { stdout: string[]; stderr: string[]; text(): string } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    command,
    stdout,
    stderr,
    out: (line) => void stdout.push(line),
    err: (line) => void stderr.push(line),
    status: () => {},
    text: () => [...stdout, ...stderr].join('\n'),
  };
}
