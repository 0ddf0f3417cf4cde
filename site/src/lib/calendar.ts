/**
 * iCalendar files for events (ical-generator): one per event and a feed of upcoming events. Every text an
 * editor wrote goes in as text: one-line properties without line breaks, no control characters, and the
 * calendar's name (which the generator writes unescaped) escaped here.
 */
import ical, { ICalEventStatus } from 'ical-generator';
import { blocksToText } from './blocks.ts';
import { icalText, multiLine, singleLine } from './plain-text.ts';
import type { SiteEvent } from './types.ts';
import { routes } from '@ikz/shared-types/routes';

export function location(event: SiteEvent): string | null {
  if (event.place)
    return [event.place.venue, event.place.street, [event.place.postalCode, event.place.city].filter(Boolean).join(' ')]
      .filter(Boolean)
      .join(', ');
  if (event.online) return `Online (${event.online.platform})`;
  return null;
}

export function calendar(events: readonly SiteEvent[], siteUrl: string, name: string): string {
  const cal = ical({
    name: icalText(name),
    prodId: { company: 'Kommunal Agentur NRW', product: 'Interkommunales.NRW', language: 'DE' },
    timezone: 'Europe/Berlin',
  });
  for (const event of events) {
    const url = new URL(routes.url('event', { slug: event.slug }), siteUrl).href;
    const description = [
      event.summary,
      blocksToText(event.description),
      event.online?.url ? `Zugang: ${event.online.url}` : '',
      `Weitere Informationen: ${url}`,
    ]
      .filter(Boolean)
      .join('\n\n');
    cal.createEvent({
      id: `${event.documentId}@interkommunales.nrw`,
      start: new Date(event.startsAt),
      end: new Date(event.endsAt),
      summary: singleLine(event.title),
      description: multiLine(description),
      location: singleLine(location(event) ?? '') || null,
      url,
      status: event.eventStatus === 'abgesagt' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      stamp: new Date(event.updatedAt),
    });
  }
  return cal.toString();
}
