/** The content date of a build: the day of the newest change to the published content. */

export interface Dated {
  updatedAt?: string | null;
  publishedAt?: string | null;
}

const berlinDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The calendar day (YYYY-MM-DD, Europe/Berlin) of the newest `updatedAt` or `publishedAt` among the entries;
 * `fallback` (the build time) when there is no dated entry at all.
 */
export function contentDate(entries: Iterable<Dated>, fallback: Date): string {
  let newest = Number.NEGATIVE_INFINITY;
  for (const entry of entries) {
    for (const value of [entry.updatedAt, entry.publishedAt]) {
      const time = value ? Date.parse(value) : Number.NaN;
      if (time > newest) newest = time;
    }
  }
  return berlinDay.format(Number.isFinite(newest) ? new Date(newest) : fallback);
}
