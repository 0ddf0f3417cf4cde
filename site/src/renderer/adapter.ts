/**
 * The Astro adapter of the warm renderer: the site is built once per code version into a server bundle
 * whose entry exports an Astro `App`. The publisher, the preview and `pnpm build:site` import that bundle and
 * render each page from its model (Astro.locals.ikz) – one render path for every output.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

export function renderer(): AstroIntegration {
  return {
    name: 'ikz-renderer',
    hooks: {
      'astro:config:done': ({ setAdapter }) => {
        setAdapter({
          name: 'ikz-renderer',
          serverEntrypoint: fileURLToPath(new URL('./server-entry.ts', import.meta.url)),
          entrypointResolution: 'auto',
          adapterFeatures: { buildOutput: 'server' },
          supportedAstroFeatures: {
            serverOutput: 'stable',
            staticOutput: 'stable',
            hybridOutput: 'stable',
            sharpImageService: 'stable',
          },
        });
      },
    },
  };
}
