/**
 * A site path with the configured base (`RESIDUAL_SITE_BASE`) in front, e.g. `/residual/en/`.
 *
 * @param path - a path from the site root, with or without the leading slash.
 * @example
 * url('/en/01-residual-idea/'); // '/en/01-residual-idea/' (base '/')
 */
export function url(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  return `${base}${path.replace(/^\//, '')}`;
}
