/**
 * Fills `{name}` placeholders of a UI string; fails when a placeholder has no value, so a missing
 * parameter never reaches a page as literal braces.
 *
 * @param template - a UI string such as `'Lesson {n}'`.
 * @param params - the values by placeholder name.
 * @example
 * formatMessage('第 {n} 课', { n: 4 }); // '第 4 课'
 */
export function formatMessage(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) {
      throw new Error(`formatMessage: placeholder {${name}} must have a value, but got none for "${template}". Pass ${name} in params.`);
    }
    return String(value);
  });
}
