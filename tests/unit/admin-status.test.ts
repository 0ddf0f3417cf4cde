import { describe, expect, it } from 'vitest';
import { adminStatusConfig, readPublisherSummary, summarizePublisherStatus } from '@ikz/cms/lib/admin-status';
import { releaseId } from '@ikz/scripts/publisher/releases';
import type { createPublisher } from '@ikz/scripts/publisher/service';
import { releaseTime, type PublisherStatus } from '@ikz/shared-types/build-report';

// The contract holds at compile time too: what the publisher's GET /status returns has the fields Strapi reads.
type ServedStatus = ReturnType<ReturnType<typeof createPublisher>['status']>;
export const servedStatusIsReadable = (status: ServedStatus): PublisherStatus => status;

const failedBuild = {
  startedAt: '2026-11-22T03:15:00.000Z',
  seconds: 4.25,
  result: 'failed',
  kind: 'incremental',
  error: 'Strapi antwortet nicht.',
} as const;
const publisherStatus = {
  state: 'idle',
  pending: 0,
  live: '20261122T021800123Z-ab12',
  releases: ['20261122T021800123Z-ab12'],
  lastBuild: { ...failedBuild, id: 'x', skipped: [{ title: 'Entwurf' }], pages: null },
  history: [{ error: 'ECONNREFUSED 10.0.0.5' }],
};

const respond =
  (status: number, body: unknown): typeof fetch =>
  async () =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });

describe('admin status configuration', () => {
  it('defaults to the local site and publisher, following PUBLISHER_PORT', () => {
    expect(adminStatusConfig({})).toEqual({
      siteUrl: 'http://localhost:4321',
      statusPageUrl: 'http://localhost:4320/',
      publisherStatusUrl: 'http://127.0.0.1:4320/status',
    });
    expect(adminStatusConfig({ PUBLISHER_PORT: '5000' })).toMatchObject({
      statusPageUrl: 'http://localhost:5000/',
      publisherStatusUrl: 'http://127.0.0.1:5000/status',
    });
  });

  it('takes the configured addresses and refuses invalid ones by name', () => {
    const env = {
      SITE_URL: 'https://interkommunales.nrw/',
      IKZ_STATUS_PAGE_URL: 'https://status.interkommunales.nrw',
      PUBLISHER_STATUS_URL: 'http://10.0.0.2:4320/status',
    };
    expect(adminStatusConfig(env)).toEqual({
      siteUrl: 'https://interkommunales.nrw',
      statusPageUrl: 'https://status.interkommunales.nrw',
      publisherStatusUrl: 'http://10.0.0.2:4320/status',
    });
    expect(() => adminStatusConfig({ PUBLISHER_STATUS_URL: 'ftp://x' })).toThrow(/PUBLISHER_STATUS_URL/);
  });
});

describe('publisher summary', () => {
  it('keeps state, the live release time and the last build, and drops everything else', () => {
    expect(summarizePublisherStatus(publisherStatus)).toEqual({
      state: 'idle',
      live: '2026-11-22T02:18:00.123Z',
      lastBuild: failedBuild,
    });
    expect(summarizePublisherStatus({ state: 'building', live: null, lastBuild: null })).toEqual({
      state: 'building',
      live: null,
      lastBuild: null,
    });
    expect(() => summarizePublisherStatus({ state: 'kaputt' })).toThrow();
  });

  it('reads the time a release id encodes, as the publisher writes it', () => {
    const at = new Date('2026-11-22T02:18:00.123Z');
    expect(releaseTime(releaseId(at))).toBe(at.toISOString());
    expect(releaseTime('kein-release')).toBeNull();
  });

  it('gives a German reason instead of a summary when the publisher cannot be asked', async () => {
    expect(await readPublisherSummary('http://x/status', respond(200, publisherStatus))).toEqual({
      publisher: summarizePublisherStatus(publisherStatus),
      publisherUnavailable: null,
    });
    expect(await readPublisherSummary('http://x/status', respond(502, 'bad gateway'))).toEqual({
      publisher: null,
      publisherUnavailable: 'Der Veröffentlichungsdienst meldet einen Fehler (HTTP 502).',
    });
    expect(await readPublisherSummary('http://x/status', respond(200, '<html>'))).toEqual({
      publisher: null,
      publisherUnavailable: 'Der Veröffentlichungsdienst hat einen unerwarteten Status geliefert.',
    });
    const refused: typeof fetch = async () => {
      throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:4320') });
    };
    expect(await readPublisherSummary('http://x/status', refused)).toEqual({
      publisher: null,
      publisherUnavailable: 'Der Veröffentlichungsdienst ist nicht erreichbar.',
    });
    const silent: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
    expect(await readPublisherSummary('http://x/status', silent, 20)).toEqual({
      publisher: null,
      publisherUnavailable: 'Der Veröffentlichungsdienst antwortet nicht.',
    });
  });
});
