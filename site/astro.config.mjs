// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { renderer } from './src/renderer/adapter.ts';

/**
 * Built into a server bundle (see src/renderer/): pages are rendered from page models by the publisher and
 * written as static files; nothing of Astro runs when readers visit the site.
 */
export default defineConfig({
  output: 'server',
  adapter: renderer(),
  outDir: process.env.IKZ_RENDERER_OUT_DIR ?? './dist-renderer',
  trailingSlash: 'ignore',
  build: { format: 'directory', inlineStylesheets: 'auto', client: './client', server: './server' },
  compressHTML: true,
  prefetch: false,
  devToolbar: { enabled: false },
  security: { checkOrigin: false },
  // Scripts always as files, never inline: the site's Content-Security-Policy allows scripts from 'self' only.
  vite: { build: { assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined) } },
  integrations: [mdx()],
});
