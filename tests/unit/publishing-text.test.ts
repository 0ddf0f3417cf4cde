import { describe, expect, it } from 'vitest';
import { summarizePublisherStatus } from '@ikz/cms/lib/admin-status';
import { publishingText } from '@ikz/cms/lib/publishing-text';

const publisherStatus = {
  state: 'idle',
  live: '20261122T021800123Z-ab12',
  lastBuild: {
    startedAt: '2026-11-22T03:15:00.000Z',
    seconds: 4.25,
    result: 'failed',
    kind: 'incremental',
    error: 'Strapi antwortet nicht.',
  },
};

describe('publishing widget text', () => {
  it('says what is live and how the last build went, in German and Berlin time', () => {
    expect(publishingText(summarizePublisherStatus(publisherStatus))).toEqual({
      state: 'Der letzte Neubau ist fehlgeschlagen – die Website zeigt noch die vorherige Version.',
      live: 'Live ist die Version vom 22.11.2026, 03:18.',
      lastBuild: 'Letzter Neubau fehlgeschlagen (22.11.2026, 04:15, 4,3 s, nur Änderungen).',
      error: 'Strapi antwortet nicht.',
      tone: 'danger',
    });
  });

  it('handles a publisher without releases and a build in progress', () => {
    expect(publishingText({ state: 'idle', live: null, lastBuild: null })).toMatchObject({
      live: 'Noch keine Version live.',
      lastBuild: null,
      error: null,
      tone: 'neutral',
    });
    const done = publishingText({
      state: 'idle',
      live: '2026-06-01T10:00:00.000Z',
      lastBuild: { startedAt: '2026-06-01T09:59:50.000Z', seconds: 9.5, result: 'success', kind: 'full', error: null },
    });
    expect(done).toMatchObject({
      state: 'Bereit – die Website ist aktuell.',
      lastBuild: 'Letzter Neubau erfolgreich (01.06.2026, 11:59, 9,5 s, vollständig).',
      error: null,
      tone: 'success',
    });
    const running = publishingText({
      state: 'building',
      live: '2026-06-01T10:00:00.000Z',
      lastBuild: { startedAt: '2026-06-01T10:05:00.000Z', seconds: null, result: 'running', kind: null, error: null },
    });
    expect(running).toMatchObject({
      state: 'Die Website wird gerade neu gebaut.',
      live: 'Live ist die Version vom 01.06.2026, 12:00.',
      lastBuild: 'Letzter Neubau läuft (01.06.2026, 12:05).',
      tone: 'warning',
    });
  });
});
