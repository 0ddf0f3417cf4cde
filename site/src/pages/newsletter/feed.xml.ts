import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { site } from '../../lib/content.ts';
import { newsletterItems } from '../../lib/feeds.ts';

export async function GET(context: APIContext) {
  const { newsletters } = await site();
  return rss({
    title: 'Interkommunales.NRW – Newsletter',
    description: 'Alle Ausgaben des Newsletters zur interkommunalen Zusammenarbeit in NRW.',
    site: context.site!,
    items: newsletterItems(newsletters),
    customData: '<language>de-DE</language>',
  });
}
