/** Date helpers for Europe/Berlin, the time zone of every event on the portal. */
export const TIME_ZONE = 'Europe/Berlin';

const offsetFormatter = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Minutes Berlin is ahead of UTC at the given instant (60 in winter, 120 in summer). */
export function berlinOffsetMinutes(instant: Date): number {
  const parts = Object.fromEntries(offsetFormatter.formatToParts(instant).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return Math.round((asUtc - instant.getTime()) / 60000);
}

/** The instant of a wall-clock time in Berlin (month 1–12). */
export function berlinTime(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  const guess = new Date(Date.UTC(year, month - 1, day, hour, minute));
  const first = new Date(guess.getTime() - berlinOffsetMinutes(guess) * 60000);
  return new Date(guess.getTime() - berlinOffsetMinutes(first) * 60000);
}

/** YYYY-MM-DD of a date (UTC calendar day). */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const germanDate = new Intl.DateTimeFormat('de-DE', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/** 12.03.2019 */
export function formatDateDe(date: Date): string {
  return germanDate.format(date);
}
