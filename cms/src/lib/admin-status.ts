/**
 * What the admin panel learns at run time from GET /ikz/status: the site's public address (for "Auf der
 * Website ansehen"), the publishing status page, and a summary of the publisher's status. Pure apart from
 * `readPublisherSummary`, which asks the publisher.
 */
import { PublisherStatusSchema, releaseTime, type PublisherStatus } from '@ikz/shared-types/build-report';
import { readEnv } from '@ikz/shared-types/env';

export interface AdminStatusConfig {
  siteUrl: string;
  statusPageUrl: string;
  /** Internal: where Strapi reads the publisher's JSON status. Never sent to the browser. */
  publisherStatusUrl: string;
}

export interface PublisherSummary {
  state: PublisherStatus['state'];
  /** Build time of the live release (ISO), or null before the first release. */
  live: string | null;
  lastBuild: NonNullable<PublisherStatus['lastBuild']> | null;
}

/** The body of GET /ikz/status. */
export interface AdminStatus {
  siteUrl: string;
  statusPageUrl: string;
  publisher: PublisherSummary | null;
  /** Why `publisher` is null, in German. */
  publisherUnavailable: string | null;
}

export function adminStatusConfig(env?: Record<string, string | undefined>): AdminStatusConfig {
  const values = readEnv(['SITE_URL', 'IKZ_STATUS_PAGE_URL', 'PUBLISHER_STATUS_URL', 'PUBLISHER_PORT'], env);
  return {
    siteUrl: values.SITE_URL,
    statusPageUrl: values.IKZ_STATUS_PAGE_URL ?? `http://localhost:${values.PUBLISHER_PORT}/`,
    publisherStatusUrl: values.PUBLISHER_STATUS_URL ?? `http://127.0.0.1:${values.PUBLISHER_PORT}/status`,
  };
}

/** The summary of the publisher's JSON status; throws when it does not have the expected shape. */
export function summarizePublisherStatus(raw: unknown): PublisherSummary {
  const status = PublisherStatusSchema.parse(raw);
  return { state: status.state, live: status.live ? releaseTime(status.live) : null, lastBuild: status.lastBuild };
}

export const PUBLISHER_TIMEOUT_MS = 2000;

export const PUBLISHER_UNAVAILABLE = {
  unreachable: 'Der Veröffentlichungsdienst ist nicht erreichbar.',
  timeout: 'Der Veröffentlichungsdienst antwortet nicht.',
  failed: (status: number) => `Der Veröffentlichungsdienst meldet einen Fehler (HTTP ${status}).`,
  invalid: 'Der Veröffentlichungsdienst hat einen unerwarteten Status geliefert.',
} as const;

/** Asks the publisher; on any failure the summary is null and the reason says why, without addresses or logs. */
export async function readPublisherSummary(
  url: string,
  fetchImpl: typeof fetch = fetch,
  timeoutMs = PUBLISHER_TIMEOUT_MS,
): Promise<Pick<AdminStatus, 'publisher' | 'publisherUnavailable'>> {
  let response: Response;
  try {
    response = await fetchImpl(url, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { accept: 'application/json' },
    });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    return {
      publisher: null,
      publisherUnavailable: timedOut ? PUBLISHER_UNAVAILABLE.timeout : PUBLISHER_UNAVAILABLE.unreachable,
    };
  }
  if (!response.ok) return { publisher: null, publisherUnavailable: PUBLISHER_UNAVAILABLE.failed(response.status) };
  try {
    return { publisher: summarizePublisherStatus(await response.json()), publisherUnavailable: null };
  } catch {
    return { publisher: null, publisherUnavailable: PUBLISHER_UNAVAILABLE.invalid };
  }
}

export async function adminStatus(config: AdminStatusConfig, fetchImpl: typeof fetch = fetch): Promise<AdminStatus> {
  return {
    siteUrl: config.siteUrl,
    statusPageUrl: config.statusPageUrl,
    ...(await readPublisherSummary(config.publisherStatusUrl, fetchImpl)),
  };
}
