import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { listLessons } from '../lesson-files.js';
import { lessonDirs, lessonsRoot, type LessonDirs } from '../package-root.js';

/** Options of {@link newLesson}. */
export interface NewLessonOptions {
  /** The lessons tree to write into (default: this package). */
  dirs?: LessonDirs;
  /** Where the templates are (default: this package's `templates/`). */
  templates?: string;
}

/** What {@link newLesson} created. */
export interface NewLesson {
  slug: string;
  /** The id prefix of the lesson's numbers, e.g. `myTopic`. */
  topic: string;
  /** Created files, relative to the lessons tree. */
  files: string[];
}

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Template file → where it goes (placeholders: `{{slug}}`). */
const outputs: Array<[template: string, target: string]> = [
  ['lesson.en.mdx', 'content/en/{{slug}}.mdx'],
  ['lesson.zh-cn.mdx', 'content/zh-cn/{{slug}}.mdx'],
  ['example.ts.txt', 'examples/{{slug}}/example.ts'],
  ['example.test.ts.txt', 'examples/{{slug}}/example.test.ts'],
  ['numbers.ts.txt', 'examples/{{slug}}/numbers.ts'],
];

/**
 * Creates a lesson in both languages with an example file, its test and a `numbers()` file, from
 * `templates/`, ready to build. A name without a number gets the next one (`my-topic` →
 * `11-my-topic` after ten lessons).
 *
 * @param name - `NN-kebab-slug` or `kebab-slug`.
 * @param options - another lessons tree or template folder (tests).
 * @returns the slug, the id prefix of its numbers, and the files created.
 * @example
 * newLesson('my-topic').files; // ['content/en/11-my-topic.mdx', 'content/zh-cn/11-my-topic.mdx', …]
 */
export function newLesson(name: string, options: NewLessonOptions = {}): NewLesson {
  const dirs = options.dirs ?? lessonDirs();
  const templates = options.templates ?? join(lessonsRoot(), 'templates');
  const numbered = /^(\d{2})-(.+)$/.exec(name);
  const words = numbered?.[2] ?? name;
  if (!kebab.test(words)) {
    throw new Error(`newLesson: the slug must be kebab-case (e.g. 08-my-topic or my-topic), but got "${name}". Use lower-case letters, digits and dashes.`);
  }
  const lessons = listLessons(dirs);
  const order = numbered?.[1] ?? String(Math.max(0, ...lessons.map((lesson) => lesson.order)) + 1).padStart(2, '0');
  const slug = `${order}-${words}`;
  const taken = lessons.find((lesson) => lesson.slug.replace(/^\d{2}-/, '') === words || lesson.slug === slug);
  if (taken !== undefined) {
    throw new Error(`newLesson: the lesson must not exist yet, but "${taken.slug}" does. Pick another slug.`);
  }
  const topic = words.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
  const title = words.replace(/-/g, ' ').replace(/^./, (letter) => letter.toUpperCase());
  const fill = (text: string) => text.replaceAll('{{slug}}', slug).replaceAll('{{topic}}', topic).replaceAll('{{title}}', title);
  const planned = outputs.map(([template, target]) => ({ template: join(templates, template), target: join(dirs.root, fill(target)) }));
  const existing = planned.find(({ target }) => existsSync(target));
  if (existing !== undefined) {
    throw new Error(`newLesson: the lesson must not exist yet, but ${relative(dirs.root, existing.target)} exists. Pick another slug or remove the file.`);
  }
  for (const { template, target } of planned) {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, fill(readFileSync(template, 'utf8')), { flag: 'wx' });
  }
  return { slug, topic, files: planned.map(({ target }) => relative(dirs.root, target)) };
}
