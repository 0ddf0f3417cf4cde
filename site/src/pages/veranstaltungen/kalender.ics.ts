import type { APIContext } from 'astro';
import { site } from '../../lib/content.ts';
import { calendar } from '../../lib/calendar.ts';
import { splitEvents } from '../../lib/collections.ts';

export async function GET({ site: url }: APIContext) {
  const { events } = await site();
  const { upcoming } = splitEvents(events, new Date());
  return new Response(calendar(upcoming, url!.href, 'Interkommunales.NRW – Veranstaltungen'), { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
}
