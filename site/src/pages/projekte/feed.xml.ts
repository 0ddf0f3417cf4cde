import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { site } from '../../lib/content.ts';
import { projectItems } from '../../lib/feeds.ts';

export async function GET(context: APIContext) {
  const { projects } = await site();
  return rss({
    title: 'Interkommunales.NRW – Neue Projekte',
    description: 'Neu veröffentlichte Kooperationsprojekte von Kommunen in Nordrhein-Westfalen.',
    site: context.site!,
    items: projectItems(projects),
    customData: '<language>de-DE</language>',
  });
}
