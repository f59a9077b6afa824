/**
 * @residual/lessons/node — the Node-only machinery: list and compile lessons (mdx-bundler), the
 * build-time data (numbers, tables, captured compiler errors, example texts), the parity check
 * between languages, recorded results, UI strings, and the lesson scaffold.
 *
 * @packageDocumentation
 */
export { lessonsRoot, lessonDirs, type LessonDirs } from './package-root.js';
export { listLessons, type LessonEntry } from './lesson-files.js';
export { compileLesson, type CompileLessonOptions } from './compile-lesson.js';
export { compileMdxFile, type CompiledLesson, type CompileMdxOptions, type LessonFrontmatter } from './mdx/compile-mdx.js';
export type { LessonHeading, ComponentUse, SectionNumbers, LessonOutline } from './mdx/outline-types.js';
export { loadLessonData, generatedFiles } from './lesson-data.js';
export { generateLessonData, type GenerateReport, type GenerateOptions } from './generate/generate-all.js';
export { generatedCache, sharedInputs, type GeneratedCache } from './generate/generated-cache.js';
export { inputHash } from './generate/input-hash.js';
export { runNumbers, type NumbersRun, type RunNumbersOptions } from './generate/run-numbers.js';
export { captureCompilerErrors } from './generate/compiler-errors.js';
export { typeFiles, type TypedSource } from './types/type-files.js';
export { exampleTexts } from './generate/example-texts.js';
export { libraryImports, type LibraryImport } from './generate/library-imports.js';
export { liveIds } from './generate/live-ids.js';
export * from './index.js';
export { loadUiStrings, type UiStrings } from './ui-strings.js';
export { loadResults, provenanceFields, type RecordedRun, type RecordedResults } from './results.js';
export { planLessonPages, type PlannedPage } from './lesson-pages.js';
export { useCpuBackend } from './node-backend.js';
export { checkParity } from './parity/check-parity.js';
export { compareOutlines, type OutlinePair } from './parity/compare-outlines.js';
export { newLesson, type NewLesson, type NewLessonOptions } from './scaffold/new-lesson.js';
