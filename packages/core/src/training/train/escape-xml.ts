/**
 * Escapes text for SVG (XML) content: `&`, `<` and `>`.
 *
 * @param text - e.g. a model or class name.
 * @returns the text, safe between tags.
 * @example
 * escapeXml('resnet20 <toy>'); // 'resnet20 &lt;toy&gt;'
 */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
