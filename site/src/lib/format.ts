/** German formatting for readers: dates and times in Europe/Berlin, sizes, numbers. */
const TZ = 'Europe/Berlin';
const dateLong = new Intl.DateTimeFormat('de-DE', { timeZone: TZ, day: 'numeric', month: 'long', year: 'numeric' });
const dateShort = new Intl.DateTimeFormat('de-DE', { timeZone: TZ, day: '2-digit', month: '2-digit', year: 'numeric' });
const weekday = new Intl.DateTimeFormat('de-DE', { timeZone: TZ, weekday: 'long' });
const time = new Intl.DateTimeFormat('de-DE', { timeZone: TZ, hour: '2-digit', minute: '2-digit' });
const number = new Intl.NumberFormat('de-DE');
const euro = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

/** A calendar date (YYYY-MM-DD) is a day, not an instant: read it as noon UTC so no time zone shifts it. */
function asDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
}

export const formatDate = (value: string | Date) => dateLong.format(asDate(value));
export const formatDateShort = (value: string | Date) => dateShort.format(asDate(value));
/** "24. September 2026, 10:00 Uhr" */
export const formatDateTime = (value: string | Date) =>
  `${dateLong.format(asDate(value))}, ${time.format(asDate(value))} Uhr`;
export const formatNumber = (value: number) => number.format(value);
export const formatEuro = (value: number) => euro.format(value);

/** "Donnerstag, 24. September 2026, 10:00 bis 16:30 Uhr" – or across days with both dates. */
export function formatEventTime(startsAt: string, endsAt: string): string {
  const start = asDate(startsAt);
  const end = asDate(endsAt);
  const sameDay = dateShort.format(start) === dateShort.format(end);
  if (sameDay)
    return `${weekday.format(start)}, ${dateLong.format(start)}, ${time.format(start)} bis ${time.format(end)} Uhr`;
  return `${weekday.format(start)}, ${dateLong.format(start)}, ${time.format(start)} Uhr bis ${weekday.format(end)}, ${dateLong.format(end)}, ${time.format(end)} Uhr`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} Byte`;
  if (bytes < 1024 * 1024)
    return `${new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 }).format(bytes / 1024)} KB`;
  return `${new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;
}

/** "Newsletter" and the plural forms readers expect. */
export function plural(n: number, one: string, many: string): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}
