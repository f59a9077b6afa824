/**
 * Escapes text for SVG (XML): `&`, `<`, `>` and `"`, so it is safe between tags and in attributes.
 *
 * @param text - e.g. a model or class name.
 * @returns the escaped text.
 * @example
 * escapeXml('resnet20 <toy>'); // 'resnet20 &lt;toy&gt;'
 */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
