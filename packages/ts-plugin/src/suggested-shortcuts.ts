/**
 * The shortcuts a Residual shape error tells you to use, in the order it names them. The message is
 * the API: `… — use shortcut: 'projection' (1×1 conv, stride 2, 64→128)` gives `['projection']`,
 * and a message that offers more than one (`use shortcut: 'projection' … or shortcut: 'zero-pad'`)
 * gives each. A message that does not say "use shortcut:" gives none.
 *
 * @param message - the diagnostic's text (tsc's, with the library's message inside it).
 * @example
 * suggestedShortcuts("… identity shortcut [N,32,32,64] — use shortcut: 'projection' (1×1 conv, stride 2, 64→128)"); // ['projection']
 */
export function suggestedShortcuts(message: string): string[] {
  const from = message.indexOf("use shortcut: '");
  if (from < 0) return [];
  const named = [...message.slice(from).matchAll(/\bshortcut: '([\w-]+)'/g)].map((match) => match[1] ?? '');
  return [...new Set(named.filter((name) => name !== ''))];
}
