// Creates a lesson in both languages with an example, its test and numbers.
// Run: npm run new-lesson -w @residual/lessons -- <slug>      (e.g. 08-my-topic, or my-topic)
import { newLesson } from '../src/node.js';

const name = process.argv[2];
if (name === undefined || process.argv.length > 3) {
  console.error('new-lesson: give exactly one slug, e.g. `npm run new-lesson -w @residual/lessons -- 08-my-topic`.');
  process.exit(2);
}
try {
  const { slug, files } = newLesson(name);
  console.log(`new-lesson: created ${slug} in packages/lessons:`);
  for (const file of files) console.log(`  ${file}`);
  console.log(
    [
      '',
      'Next:',
      '  1. Write both languages (same sections, components and numbers; translate the Chinese title, which starts in English).',
      `  2. Check them: npx vitest run --project lessons examples/${slug} parity`,
      '  3. See the page as you write: npm run dev -w @residual/site (reloads on every save)',
      `     then open http://127.0.0.1:4321/en/${slug}/ and /zh-cn/${slug}/`,
      '  The guide "Writing a lesson" on the site explains components, numbers and live examples.',
    ].join('\n'),
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
