import type { Locale } from './locales.js';
import type { SourceSlice } from './regions.js';
import type { TypedFile } from './types/typed-slice-types.js';

/** Text given once for every language (`{ en: 'layers', 'zh-cn': '层数' }`), or the same in both. */
export type LocalizedText = string | Readonly<Record<Locale, string>>;

/** A table an example's `numbers()` produces; `<DataTable id="…" />` shows it. */
export interface DataTableValue {
  /** Column headers. */
  columns: readonly LocalizedText[];
  /** Rows of cells; numbers are formatted like `<Num>` (`1,179,648`). */
  rows: ReadonlyArray<ReadonlyArray<number | string>>;
  /** Decimals for the numeric cells of each column (default: the shortest readable form). */
  digits?: ReadonlyArray<number | undefined>;
}

/** One value an example's `numbers()` produces: a number, a string, or a table. */
export type LessonValue = number | string | DataTableValue;

/**
 * What `examples/NN-slug/numbers.ts` exports: `numbers()` resolving to values by id. Ids are global
 * across lessons (`'bottleneck.params.basic'`); prose shows them with `<Num id>` / `<DataTable id>`.
 *
 * @example
 * export async function numbers(): Promise<LessonNumbers> {
 *   return { 'bottleneck.params.basic': countParams(basic) };
 * }
 */
export type LessonNumbers = Readonly<Record<string, LessonValue>>;

/** One tsc diagnostic captured from a `bugs/*.ts` file at build time. */
export interface CapturedDiagnostic {
  /** 1-based line and column in the bug file. */
  line: number;
  column: number;
  /** TypeScript's error code, e.g. 2345. */
  code: number;
  /** tsc's message text (chained messages joined with newlines and indentation, as tsc prints them). */
  message: string;
  /** The line as tsc prints it: `bugs/x.ts(12,3): error TS2345: …`. */
  formatted: string;
}

/** The captured compile result of one deliberate bug (`bugs/<id>.ts`). */
export interface CompilerErrorCapture {
  id: string;
  /** Path relative to the package, e.g. `bugs/dropped-shortcut.ts`. */
  file: string;
  /** The bug file's text, region markers removed, with each shown line's line number in the file. */
  source: SourceSlice;
  /** Named regions of the file (`// #region name`), each dedented. */
  regions: Record<string, SourceSlice>;
  diagnostics: CapturedDiagnostic[];
}

/** An example file's text and its named regions. */
export interface ExampleText {
  /** The whole file, region markers removed. */
  text: string;
  regions: Record<string, string>;
}

/** Everything the build generates for the lessons (`packages/lessons/generated/*.json`). */
export interface LessonData {
  /** `<Num>` / `<DataTable>` values by id. */
  numbers: Record<string, LessonValue>;
  /** Which numbers file produced each id (e.g. `examples/04-bottleneck/numbers.ts`). */
  numberSources: Record<string, string>;
  /** `<CompilerError>` captures by id. */
  compilerErrors: Record<string, CompilerErrorCapture>;
  /** `<Example>` file texts by path relative to `examples/`. */
  examples: Record<string, ExampleText>;
  /** The ids of the live examples in `examples/live.ts`. */
  live: string[];
  /**
   * What the compiler says about every example and bug file, by path relative to the package
   * (`examples/01-a/b.ts`, `bugs/x.ts`): hover types and errors of the whole file and each region.
   */
  types: Record<string, TypedFile>;
}
