import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { DocumentSchema, EventSchema, MunicipalitySchema, NewsletterSchema, ProjectSchema, TopicSchema } from '@ikz/shared-types';
import { strapiLoader } from './loader/strapi-loader.ts';
import { absoluteUrl, toDownload } from './lib/media.ts';
import { POPULATE } from './lib/populate.ts';

const projects = defineCollection({
  loader: strapiLoader({
    plural: 'projects',
    schema: ProjectSchema,
    populate: POPULATE.projects,
    transform: (p, { baseUrl }) => ({
      ...p,
      image: p.image ? { src: absoluteUrl(p.image.url, baseUrl), width: p.image.width, height: p.image.height, alt: p.imageAlt || p.image.alternativeText || '' } : null,
    }),
  }),
});

const documents = defineCollection({
  loader: strapiLoader({
    plural: 'documents',
    schema: DocumentSchema,
    populate: POPULATE.documents,
    transform: (d, { baseUrl, downloads }) => ({ ...d, file: d.file ? toDownload(d.file, baseUrl, downloads) : null }),
  }),
});

const newsletters = defineCollection({
  loader: strapiLoader({
    plural: 'newsletters',
    schema: NewsletterSchema,
    populate: POPULATE.newsletters,
    transform: (n, { baseUrl, downloads }) => ({ ...n, pdf: n.pdf ? toDownload(n.pdf, baseUrl, downloads) : null }),
  }),
});

const events = defineCollection({ loader: strapiLoader({ plural: 'events', schema: EventSchema, populate: POPULATE.events }) });
const topics = defineCollection({ loader: strapiLoader({ plural: 'topics', schema: TopicSchema }) });
const municipalities = defineCollection({ loader: strapiLoader({ plural: 'municipalities', schema: MunicipalitySchema }) });

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

export const collections = { projects, documents, newsletters, events, topics, municipalities, pages };
