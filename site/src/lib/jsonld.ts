/** schema.org Event data for search engines. */
import type { SiteEvent } from './types.ts';
import { routes } from '@ikz/shared-types/routes';

export function eventJsonLd(e: SiteEvent, siteUrl: string): Record<string, unknown> {
  const online = Boolean(e.online) && !e.place;
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: e.title,
    description: e.summary,
    startDate: e.startsAt,
    endDate: e.endsAt,
    eventStatus:
      e.eventStatus === 'abgesagt' ? 'https://schema.org/EventCancelled' : 'https://schema.org/EventScheduled',
    eventAttendanceMode: online
      ? 'https://schema.org/OnlineEventAttendanceMode'
      : 'https://schema.org/OfflineEventAttendanceMode',
    location: e.place
      ? {
          '@type': 'Place',
          name: e.place.venue,
          address: {
            '@type': 'PostalAddress',
            streetAddress: e.place.street ?? undefined,
            postalCode: e.place.postalCode ?? undefined,
            addressLocality: e.place.city,
            addressCountry: 'DE',
          },
        }
      : { '@type': 'VirtualLocation', url: new URL(routes.url('event', { slug: e.slug }), siteUrl).href },
    organizer: { '@type': 'Organization', name: 'Kommunal Agentur NRW', url: siteUrl },
    url: new URL(routes.url('event', { slug: e.slug }), siteUrl).href,
    inLanguage: 'de-DE',
  };
}
