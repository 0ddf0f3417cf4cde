/** A published event as the site's content store holds it, for the unit tests of what the site writes from it. */
import type { SiteEvent } from '@ikz/site/lib/types';

export const siteEvent = (over: Partial<SiteEvent> = {}): SiteEvent =>
  ({
    id: 1,
    documentId: 'e1',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    publishedAt: '2026-01-01T00:00:00.000Z',
    title: 'Jahrestagung 2027',
    slug: 'jahrestagung-2027',
    format: 'Jahrestagung',
    startsAt: '2027-09-23T08:00:00.000Z',
    endsAt: '2027-09-23T14:30:00.000Z',
    summary: null,
    description: null,
    agenda: null,
    eventStatus: 'angekündigt',
    place: { venue: 'Stadthalle', street: 'Ostring 1', postalCode: '59065', city: 'Hamm' },
    online: null,
    ...over,
  }) as unknown as SiteEvent;
