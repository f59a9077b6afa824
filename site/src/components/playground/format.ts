/** UI strings by key (`playground.run`), with `{name}` placeholders. */
export type Strings = Record<string, string>;

/**
 * A UI string with its placeholders filled in; a missing key is an error naming it.
 *
 * @param strings - the page's strings (from `ui/<locale>.json`).
 * @param key - the string's key.
 * @param params - values for its `{placeholders}`.
 * @example
 * format({ 'playground.line': 'Line {line}' }, 'playground.line', { line: 9 }); // 'Line 9'
 */
export function format(strings: Strings, key: string, params: Readonly<Record<string, string | number>> = {}): string {
  const template = strings[key];
  if (template === undefined) throw new Error(`playground: UI string key must exist in ui/*.json, but got "${key}". Add it to both ui files.`);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
