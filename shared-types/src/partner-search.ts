/**
 * The expiry rule of a Partnersuche, shared by Strapi (its hourly job unpublishes expired entries) and the site
 * (the model leaves them out of every page, list, feed and search bundle). An entry is shown up to and
 * including its `validUntil` day in Europe/Berlin; from the next day on it is expired. Pure, browser-safe.
 */
import { TIME_ZONE } from './time.ts';

/** At most this far ahead a municipality may set `validUntil` (one year). */
export const PARTNER_SEARCH_MAX_DAYS = 366;

const dayFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day in Berlin at an instant, as YYYY-MM-DD. */
export const berlinDay = (instant: Date): string => dayFormatter.format(instant);

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a YYYY-MM-DD is a real calendar date. */
export function isCalendarDate(value: string): boolean {
  if (!DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The day `days` after a YYYY-MM-DD. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Whether an entry valid until `validUntil` (YYYY-MM-DD) is expired on `today` (YYYY-MM-DD, Berlin). A missing or malformed date counts as expired. */
export function partnerSearchExpired(validUntil: string | null | undefined, today: string): boolean {
  if (!validUntil || !isCalendarDate(validUntil.slice(0, 10))) return true;
  return validUntil.slice(0, 10) < today;
}

/** The latest `validUntil` a submission on `today` may set. */
export const latestValidUntil = (today: string): string => addDays(today, PARTNER_SEARCH_MAX_DAYS - 1);
