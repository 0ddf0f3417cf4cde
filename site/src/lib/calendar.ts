/** iCalendar files for events (ical-generator): one per event and a feed of upcoming events. */
import ical, { ICalEventStatus } from 'ical-generator';
import { blocksToText } from './blocks.ts';
import type { SiteEvent } from './types.ts';
import { routes } from '@ikz/shared-types/routes';

export function location(event: SiteEvent): string | null {
  if (event.place) return [event.place.venue, event.place.street, [event.place.postalCode, event.place.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  if (event.online) return `Online (${event.online.platform})`;
  return null;
}

export function calendar(events: readonly SiteEvent[], siteUrl: string, name: string): string {
  const cal = ical({ name, prodId: { company: 'Kommunal Agentur NRW', product: 'Interkommunales.NRW', language: 'DE' }, timezone: 'Europe/Berlin' });
  for (const event of events) {
    const url = new URL(routes.url('event', { slug: event.slug }), siteUrl).href;
    const description = [event.summary, blocksToText(event.description), event.online?.url ? `Zugang: ${event.online.url}` : '', `Weitere Informationen: ${url}`].filter(Boolean).join('\n\n');
    cal.createEvent({
      id: `${event.documentId}@interkommunales.nrw`,
      start: new Date(event.startsAt),
      end: new Date(event.endsAt),
      summary: event.title,
      description,
      location: location(event),
      url,
      status: event.eventStatus === 'abgesagt' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      stamp: new Date(event.updatedAt),
    });
  }
  return cal.toString();
}
