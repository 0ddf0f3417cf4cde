// @ts-check
import path from 'node:path';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { downloads } from './src/integrations/downloads.ts';
import { searchIndex } from './src/integrations/search-index.ts';

const strapi = new URL(process.env.STRAPI_URL ?? 'http://127.0.0.1:1337');

export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  outDir: process.env.IKZ_SITE_OUT_DIR ?? './dist',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'auto' },
  compressHTML: true,
  prefetch: false,
  devToolbar: { enabled: false },
  // Scripts always as files, never inline: the site's Content-Security-Policy allows scripts from 'self' only.
  vite: { build: { assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined) } },
  cacheDir: process.env.IKZ_ASTRO_CACHE_DIR ?? './node_modules/.astro',
  image: {
    remotePatterns: [{ protocol: strapi.protocol.replace(':', ''), hostname: strapi.hostname, port: strapi.port || undefined }],
  },
  integrations: [
    mdx(),
    sitemap({ filter: (page) => !page.includes('/404') }),
    downloads({ cacheDir: path.resolve(process.env.IKZ_DOWNLOAD_CACHE ?? './node_modules/.cache/ikz-downloads') }),
    searchIndex(),
  ],
});
