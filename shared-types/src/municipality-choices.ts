/**
 * The 427 NRW municipalities as a form offers them (396 Gemeinden and 31 Kreise; the kreisfreie Städte once),
 * grouped by Regierungsbezirk and sorted as German readers expect. Strapi checks a submitted key against the
 * reference data (`readMunicipalityChoices` in ./reference-data.ts); the site lists the municipalities it was
 * built with (Strapi's copy of the same data). Pure.
 */

/** A municipality as the reference data and Strapi's `municipality` content type both describe it. */
export interface MunicipalityRowLike {
  ags: string;
  name: string;
  regierungsbezirkAgs: string;
  regierungsbezirkName: string;
}

export interface MunicipalityChoice {
  /** The Amtlicher Gemeindeschlüssel (8 digits; 5 for a Kreis): the form field's value. */
  ags: string;
  /** The name readers know: „Bonn“, „Kreis Kleve“, „Städteregion Aachen“. */
  name: string;
}

export interface MunicipalityGroup {
  /** „Regierungsbezirk Köln“. */
  label: string;
  choices: MunicipalityChoice[];
}

/** The choices, grouped by Regierungsbezirk (in the order of their keys) and sorted by name within each. */
export function municipalityChoices(rows: readonly MunicipalityRowLike[]): MunicipalityGroup[] {
  const groups = new Map<string, MunicipalityGroup>();
  for (const row of [...rows].sort((a, b) => a.regierungsbezirkAgs.localeCompare(b.regierungsbezirkAgs))) {
    let group = groups.get(row.regierungsbezirkAgs);
    if (!group)
      groups.set(
        row.regierungsbezirkAgs,
        (group = { label: `Regierungsbezirk ${row.regierungsbezirkName}`, choices: [] }),
      );
    group.choices.push({ ags: row.ags, name: row.name });
  }
  const collator = new Intl.Collator('de');
  for (const group of groups.values()) group.choices.sort((a, b) => collator.compare(a.name, b.name));
  return [...groups.values()];
}

/** The municipality with this key, or null. */
export function findMunicipality(groups: readonly MunicipalityGroup[], ags: string): MunicipalityChoice | null {
  for (const group of groups) for (const choice of group.choices) if (choice.ags === ags) return choice;
  return null;
}
