/**
 * The site's own pages (Impressum, Datenschutz, …) as MDX. Everything from Strapi reaches the views as
 * page models (src/model), validated with the shared schemas when it is loaded (src/snapshot).
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const pages = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './src/content/pages' }),
  schema: z.object({
    title: z.string(),
    description: z.string().max(200),
    navLabel: z.string(),
    order: z.number().int(),
    updated: z.coerce.date(),
  }),
});

export const collections = { pages };
