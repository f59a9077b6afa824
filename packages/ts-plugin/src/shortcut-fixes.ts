import type * as TS from 'typescript';
import { suggestedShortcuts } from './suggested-shortcuts.js';

export { suggestedShortcuts } from './suggested-shortcuts.js';

/** The name under which the plugin reports its code actions. */
export const fixName = 'residualShortcut';

/** One text replacement in the file: `length` characters at `start` become `newText`. */
export interface TextEdit {
  start: number;
  length: number;
  newText: string;
}

/** A fix for one shape error: the shortcut it applies, a title, and the edit. */
export interface ShortcutFix {
  shortcut: string;
  /** `Use shortcut: 'projection'`. */
  description: string;
  edit: TextEdit;
}

/** The part of a diagnostic a fix needs: where it is and what it says. */
export interface ShapeDiagnostic {
  start: number;
  length: number;
  /** The whole message (for tsc's chained messages, flattened). */
  message: string;
}

/**
 * The quick fixes for a shape error whose message says `use shortcut: '…'`: for each shortcut it
 * names, set `shortcut` in the options object the error points at (replacing a `shortcut` already
 * there, adding one otherwise, or spreading a non-literal options value). Shared by the language
 * service plugin and the site's playground.
 *
 * @param ts - the TypeScript module in use (tsserver's own, or the playground's).
 * @param source - the file, parsed.
 * @param diagnostic - the error: its span (on the block's options argument) and message.
 * @example
 * shortcutFixes(ts, source, { start, length, message });
 * // [{ shortcut: 'projection', description: "Use shortcut: 'projection'", edit: { start: 57, length: 0, newText: ", shortcut: 'projection'" } }]
 */
export function shortcutFixes(ts: typeof TS, source: TS.SourceFile, diagnostic: ShapeDiagnostic): ShortcutFix[] {
  const shortcuts = suggestedShortcuts(diagnostic.message);
  if (shortcuts.length === 0) return [];
  const argument = argumentAt(ts, source, diagnostic.start);
  if (argument === undefined) return [];
  return shortcuts.map((shortcut) => ({ shortcut, description: `Use shortcut: '${shortcut}'`, edit: setShortcut(ts, source, argument, shortcut) }));
}

/**
 * Applies edits to a text (edits must not overlap).
 *
 * @param text - the source.
 * @param edits - the replacements.
 * @example
 * applyEdits('f({ a: 1 })', [{ start: 8, length: 0, newText: ', b: 2' }]); // 'f({ a: 1, b: 2 })'
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((result, edit) => result.slice(0, edit.start) + edit.newText + result.slice(edit.start + edit.length), text);
}

/** The argument of a call that the position falls in. */
function argumentAt(ts: typeof TS, source: TS.SourceFile, position: number): TS.Expression | undefined {
  let found: TS.Expression | undefined;
  const visit = (node: TS.Node): void => {
    if (position < node.getStart(source) || position >= node.getEnd()) return;
    if (ts.isCallExpression(node)) {
      const argument = node.arguments.find((candidate) => position >= candidate.getStart(source) && position < candidate.getEnd());
      if (argument !== undefined) found = argument;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function setShortcut(ts: typeof TS, source: TS.SourceFile, argument: TS.Expression, shortcut: string): TextEdit {
  const value = `'${shortcut}'`;
  if (!ts.isObjectLiteralExpression(argument)) {
    return { start: argument.getStart(source), length: argument.getWidth(source), newText: `{ ...${argument.getText(source)}, shortcut: ${value} }` };
  }
  const existing = argument.properties.find(
    (property): property is TS.PropertyAssignment => ts.isPropertyAssignment(property) && property.name.getText(source).replace(/['"]/g, '') === 'shortcut',
  );
  if (existing !== undefined) return { start: existing.initializer.getStart(source), length: existing.initializer.getWidth(source), newText: value };
  const last = argument.properties[argument.properties.length - 1];
  if (last === undefined) return { start: argument.getStart(source), length: argument.getWidth(source), newText: `{ shortcut: ${value} }` };
  return { start: last.getEnd(), length: 0, newText: `, shortcut: ${value}` };
}
