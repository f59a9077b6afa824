import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { lessonsRoot, libraryImports, type CompiledLesson, type LessonData } from '@residual/lessons/node';
import { url } from './base-url.js';

/** A name a lesson's code imports, and the page of the API reference that documents it. */
export interface ApiLink {
  name: string;
  /** The package entry it comes from, e.g. `@residual/core`. */
  module: string;
  href: string;
}

/** Where typedoc puts a page per kind of declaration. */
const kinds = ['functions', 'variables', 'types', 'interfaces', 'classes'];

/**
 * The API reference pages of the names a lesson's code imports from Residual's packages (its
 * `<Example>` files and `<CompilerError>` bugs), found in the typedoc output each package's
 * `docs` task wrote (`packages/<name>/docs`, served under `/api/<name>/`). A name without a page
 * (not documented, or the reference was not built) is left out.
 *
 * @param lesson - the compiled lesson.
 * @param data - the generated lesson data (example texts, captured bugs).
 * @example
 * apiLinks(page.lesson, site.data)[0]; // { name: 'basicBlock', module: '@residual/core', href: '/api/core/functions/index.basicBlock.html' }
 */
export function apiLinks(lesson: CompiledLesson, data: LessonData): ApiLink[] {
  const texts = lesson.outline.components.flatMap((use) => {
    if (use.name === 'Example') return [data.examples[use.props['file'] ?? '']?.text ?? ''];
    if (use.name === 'CompilerError') return [data.compilerErrors[use.props['id'] ?? '']?.source.text ?? ''];
    return [];
  });
  const links: ApiLink[] = [];
  for (const { module, name } of texts.flatMap(libraryImports)) {
    if (links.some((link) => link.name === name && link.module === module)) continue;
    const href = docPage(module, name);
    if (href !== undefined) links.push({ name, module, href });
  }
  return links.sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

function docPage(module: string, name: string): string | undefined {
  const [, pkg, entry] = /^@residual\/([\w-]+)(?:\/([\w-]+))?$/.exec(module) ?? [];
  if (pkg === undefined) return undefined;
  const docs = join(dirname(lessonsRoot()), pkg, 'docs');
  // Packages with several entry points prefix each page with the entry's module (index., node.).
  for (const prefix of [`${entry ?? 'index'}.`, '']) {
    for (const kind of kinds) {
      const page = `${kind}/${prefix}${name}.html`;
      if (existsSync(join(docs, page))) return url(`/api/${pkg}/${page}`);
    }
  }
  return undefined;
}
