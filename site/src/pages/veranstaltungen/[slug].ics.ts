import type { APIContext } from 'astro';
import { site } from '../../lib/content.ts';
import { calendar } from '../../lib/calendar.ts';
import type { SiteEvent } from '../../lib/types.ts';

export async function getStaticPaths() {
  const { events } = await site();
  return events.map((event) => ({ params: { slug: event.slug }, props: { event } }));
}

export function GET({ props, site: url }: APIContext) {
  const { event } = props as { event: SiteEvent };
  return new Response(calendar([event], url!.href, event.title), { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
}
