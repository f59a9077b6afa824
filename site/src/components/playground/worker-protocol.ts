import type { TextEdit } from '@residual/ts-plugin/fixes';

/** A quick fix offered for a diagnostic: its title and the edit on the checked text. */
export interface PlaygroundFix {
  /** `Use shortcut: 'projection'`. */
  title: string;
  shortcut: string;
  edit: TextEdit;
}

/** One compiler diagnostic of the playground's file. */
export interface PlaygroundDiagnostic {
  /** Offsets in the checked text. */
  from: number;
  to: number;
  /** 1-based, for the list under the editor. */
  line: number;
  column: number;
  code: number;
  severity: 'error' | 'warning';
  /** The message as tsc words it (chained messages joined with newlines). */
  message: string;
  fixes: PlaygroundFix[];
}

/** Messages to the compiler worker. */
export type ToWorker =
  | { kind: 'init'; typesUrl: string }
  | { kind: 'check'; version: number; code: string }
  | { kind: 'hover'; id: number; code: string; position: number }
  | { kind: 'transpile'; id: number; code: string };

/** Messages from the compiler worker. */
export type FromWorker =
  | { kind: 'ready'; ms: number; files: number }
  | { kind: 'diagnostics'; version: number; ms: number; diagnostics: PlaygroundDiagnostic[] }
  | { kind: 'hover'; id: number; text: string | null; from: number; to: number }
  | { kind: 'transpiled'; id: number; js: string }
  | { kind: 'failed'; message: string };
