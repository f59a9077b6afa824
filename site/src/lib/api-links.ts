import { existsSync, readdirSync } from 'node:fs';
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
 * apiLinks(page.lesson, site.data)[0]; // { name: 'basicBlock', module: '@residual/core/model', href: '/api/core/functions/model.basicBlock.html' }
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
  for (const kind of kinds) {
    const pages = existsSync(join(docs, kind)) ? readdirSync(join(docs, kind)) : [];
    // Packages with several entry points prefix each page with the module that documents the name
    // (`model.basicBlock.html`): the entry imported from, else the one entry that owns a name
    // `.` re-exports (core's `.` re-exports `/model`, `/training` and `/engine`). A package with one
    // entry has no prefix.
    const page =
      pages.find((file) => file === `${entry ?? 'index'}.${name}.html`) ??
      pages.find((file) => file.endsWith(`.${name}.html`) && entry === undefined) ??
      pages.find((file) => file === `${name}.html`);
    if (page !== undefined) return url(`/api/${pkg}/${kind}/${page}`);
  }
  return undefined;
}
