/**
 * Numbers in the admin as German editors write them. Strapi's content manager formats every integer with the
 * locale's grouping, so a year reads "2.026" (in the list and in the edit view's number field). German style
 * (DIN 5008) leaves four-digit numbers ungrouped: with `useGrouping: 'min2'` a year stays "2026" and 12345
 * becomes "12.345". `installGermanGrouping` makes that the admin's default for every Intl.NumberFormat that does
 * not turn grouping off itself (an id column does); browsers without 'min2' fall back to plain grouping.
 */

type NumberFormatConstructor = typeof Intl.NumberFormat;
const INSTALLED = Symbol.for('ikz.germanGrouping');

export function withGermanGrouping(options?: Intl.NumberFormatOptions): Intl.NumberFormatOptions {
  if (options?.useGrouping === false) return options;
  return { ...options, useGrouping: 'min2' } as unknown as Intl.NumberFormatOptions;
}

export function installGermanGrouping(intl: { NumberFormat: NumberFormatConstructor } = Intl): void {
  const Original = intl.NumberFormat;
  if ((Original as unknown as Record<symbol, boolean>)[INSTALLED]) return;
  const Patched = function NumberFormat(locales?: string | string[], options?: Intl.NumberFormatOptions) {
    return new Original(locales, withGermanGrouping(options));
  } as unknown as NumberFormatConstructor;
  Object.defineProperties(Patched, {
    prototype: { value: Original.prototype },
    supportedLocalesOf: { value: Original.supportedLocalesOf.bind(Original) },
    [INSTALLED]: { value: true },
  });
  intl.NumberFormat = Patched;
}
