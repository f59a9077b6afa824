// @ts-check
// The author's loop in `npm run dev`: watches the lessons (text, examples, bugs, results, UI
// strings), regenerates the build-time data when code changed (the generate step reuses every
// lesson whose inputs did not change, so only the edited lesson's numbers run again), and reloads
// the browser. The pages themselves re-read what changed (src/lib/site-data.ts).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const lessonsPackage = join(repo, 'packages/lessons');

/**
 * What a change to `file` needs: `'generate'` (code the data is computed from), `'reload'` (text the
 * pages read directly), or nothing.
 *
 * @param {string} root - the lessons tree (packages/lessons or RESIDUAL_LESSONS_ROOT).
 * @param {string} file - the changed file.
 * @returns {'generate' | 'reload' | undefined}
 */
export function changeKind(root, file) {
  const path = relative(root, file).split(sep).join('/');
  if (path.startsWith('..')) return undefined;
  if (/^(examples|bugs)\/.+\.tsx?$/.test(path) && !/\.test(-d)?\.tsx?$/.test(path)) return 'generate';
  if (/^results\/.+\.jsonl$/.test(path)) return 'generate';
  if (/^content\/.+\.mdx$/.test(path) || /^ui\/.+\.json$/.test(path)) return 'reload';
  if (/^generated\/[^/]+\.json$/.test(path)) return 'reload';
  return undefined;
}

/** @returns {import('astro').AstroIntegration} */
export function lessonReload() {
  return {
    name: 'residual-lesson-reload',
    hooks: {
      'astro:server:setup': ({ server, logger }) => {
        const root = process.env.RESIDUAL_LESSONS_ROOT || lessonsPackage;
        let running = false;
        let again = false;
        /** @param {string} reason */
        const generate = (reason) => {
          if (running) {
            again = true;
            return;
          }
          running = true;
          const started = performance.now();
          logger.info(`${reason}: regenerating the lessons' data…`);
          const child = spawn(process.execPath, ['--conditions=@residual/source', '--import', 'tsx', 'scripts/generate.ts'], {
            cwd: lessonsPackage,
            env: process.env,
            stdio: ['ignore', 'pipe', 'pipe'],
          });
          let output = '';
          child.stdout.on('data', (chunk) => {
            output += chunk;
            for (const line of String(chunk).split('\n')) if (/^\s+\[/.test(line)) logger.info(line.trim());
          });
          child.stderr.on('data', (chunk) => (output += chunk));
          child.on('close', (code) => {
            running = false;
            const seconds = ((performance.now() - started) / 1000).toFixed(1);
            if (code === 0) {
              logger.info(`lessons' data regenerated in ${seconds} s; reloading`);
              server.ws.send({ type: 'full-reload' });
            } else {
              logger.error(`the lessons' data failed to regenerate (exit ${code}); the pages keep the last good data:\n${output.trim().split('\n').slice(-15).join('\n')}`);
            }
            if (again) {
              again = false;
              generate('more changes');
            }
          });
        };
        const watched = ['content', 'examples', 'bugs', 'results', 'ui', 'generated'].map((folder) => join(root, folder));
        server.watcher.add(watched);
        /** @param {string} file */
        const changed = (file) => {
          const kind = changeKind(root, file);
          if (kind === 'generate') generate(relative(root, file));
          else if (kind === 'reload' && !(running && file.includes(`${sep}generated${sep}`))) server.ws.send({ type: 'full-reload' });
        };
        server.watcher.on('change', changed);
        server.watcher.on('add', changed);
        server.watcher.on('unlink', changed);
        if (!existsSync(join(root, 'generated', 'numbers.json'))) generate('no generated data yet');
      },
    },
  };
}
