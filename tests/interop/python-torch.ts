import { spawn, spawnSync } from 'node:child_process';

/**
 * Debian's Python, where `apt-get install python3-torch python3-torchvision` puts PyTorch (a
 * `python3` earlier on PATH, such as pyenv's, does not see it). RESIDUAL_PYTHON overrides it.
 */
export const python = process.env['RESIDUAL_PYTHON'] ?? '/usr/bin/python3';

/**
 * Why the PyTorch tests cannot run here, or `undefined` when torch and torchvision import. The
 * reason is printed (the tests are skipped visibly); under `CI=true` it is an error instead, as
 * `.ci/run` installs PyTorch.
 */
export function torchMissing(what: string): string | undefined {
  const probe = spawnSync(python, ['-c', 'import torch, torchvision, numpy; print(torch.__version__)'], { encoding: 'utf8', timeout: 60_000 });
  if (probe.status === 0) return undefined;
  const reason = `${what}: SKIPPED, ${python} cannot import torch, torchvision and numpy (${(probe.stderr || String(probe.error ?? '')).trim().split('\n').at(-1)}). Install python3-torch python3-torchvision (Debian).`;
  if (process.env['CI'] === 'true') throw new Error(`${reason} (CI=true makes this an error: .ci/run installs them)`);
  console.warn(reason);
  return reason;
}

/** Runs a Python command to its end; rejects with its stderr when it fails. */
export function runPython(args: readonly string[], options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // Its own process group, so that a timeout ends torchrun's workers too, not only torchrun.
    const child = spawn(python, args, { env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    }, options.timeoutMs ?? 300_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve({ stdout, stderr });
      else reject(new Error(`${python} ${args.join(' ')} exited with ${code ?? signal}:\n${stderr}`));
    });
  });
}
