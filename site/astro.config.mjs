// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

// RESIDUAL_SITE_BASE lets the static build live under a sub-path (e.g. /residual/ on a host).
const base = process.env.RESIDUAL_SITE_BASE ?? '/';

export default defineConfig({
  base,
  trailingSlash: 'ignore',
  integrations: [mdx()],
  vite: {
    resolve: { conditions: ['@residual/source'] },
    ssr: { resolve: { conditions: ['@residual/source'], externalConditions: ['@residual/source'] } },
  },
});
