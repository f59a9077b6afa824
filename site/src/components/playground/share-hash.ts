/**
 * The playground's address for a program: `#code=<base64url of the UTF-8 source>` (RFC 4648 §5, no
 * padding), so a link opens exactly that code.
 *
 * @param code - the source.
 * @example
 * codeHash('const x = 1;'); // '#code=Y29uc3QgeCA9IDE7'
 */
export function codeHash(code: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(code)) binary += String.fromCharCode(byte);
  return `#code=${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

/**
 * The source a `#code=…` address carries, or `undefined` when it carries none.
 *
 * @param hash - `location.hash`.
 * @throws when the value is not base64url of UTF-8 text, naming the rule.
 * @example
 * codeFromHash('#code=Y29uc3QgeCA9IDE7'); // 'const x = 1;'
 */
export function codeFromHash(hash: string): string | undefined {
  const value = /(?:^|&)code=([^&]*)/.exec(hash.replace(/^#/, ''))?.[1];
  if (value === undefined) return undefined;
  if (!/^[A-Za-z0-9_-]*$/.test(value)) throw new Error(`codeFromHash: #code must be base64url (A–Z, a–z, 0–9, - and _), but got "${value.slice(0, 40)}". Copy the whole link again.`);
  const padded = value.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(value.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(padded), (char) => char.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}
