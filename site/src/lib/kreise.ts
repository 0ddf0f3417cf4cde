/** Kreis-level keys (31 Kreise and 22 kreisfreie Städte) and their municipality pages. */
import type { SiteMunicipality } from './types.ts';

export function kreisSlugs(municipalities: readonly SiteMunicipality[]): Map<string, string> {
  const slugs = new Map<string, string>();
  for (const m of municipalities) {
    if (m.kind === 'Kreis') slugs.set(m.ags, m.slug);
    else if (m.kind === 'Kreisfreie Stadt') slugs.set(m.kreisAgs, m.slug);
  }
  return slugs;
}
