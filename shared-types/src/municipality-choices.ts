/**
 * The 427 NRW municipalities as a form offers them (396 Gemeinden and 31 Kreise; the kreisfreie Städte once),
 * grouped by Regierungsbezirk and sorted as German readers expect. The site's forms list them, and Strapi
 * checks a submitted key against the same list: both read the reference data through this module.
 */
import { readReferenceJson } from './reference-data.ts';

type ReferenceRow = { ags: string; name: string; typ: string; regierungsbezirk: string; regierungsbezirkName: string; anzeigename?: string };

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

export function municipalityChoices(gemeinden: readonly ReferenceRow[], kreise: readonly ReferenceRow[]): MunicipalityGroup[] {
  const rows = [
    ...gemeinden.map((g) => ({ ...g, label: g.name })),
    ...kreise.filter((k) => k.typ === 'Kreis').map((k) => ({ ...k, label: k.anzeigename ?? k.name })),
  ];
  const groups = new Map<string, MunicipalityGroup>();
  for (const row of [...rows].sort((a, b) => a.regierungsbezirk.localeCompare(b.regierungsbezirk))) {
    let group = groups.get(row.regierungsbezirk);
    if (!group) groups.set(row.regierungsbezirk, (group = { label: `Regierungsbezirk ${row.regierungsbezirkName}`, choices: [] }));
    group.choices.push({ ags: row.ags, name: row.label });
  }
  const collator = new Intl.Collator('de');
  for (const group of groups.values()) group.choices.sort((a, b) => collator.compare(a.name, b.name));
  return [...groups.values()];
}

/** The choices from the reference data in use (IKZ_REFERENCE_DATA or the repository's copy). */
export function readMunicipalityChoices(env: Record<string, string | undefined> = process.env): MunicipalityGroup[] {
  return municipalityChoices(readReferenceJson<ReferenceRow[]>('nrw-kommunen.json', env), readReferenceJson<ReferenceRow[]>('nrw-kreise.json', env));
}

/** The municipality with this key, or null. */
export function findMunicipality(groups: readonly MunicipalityGroup[], ags: string): MunicipalityChoice | null {
  for (const group of groups) for (const choice of group.choices) if (choice.ags === ags) return choice;
  return null;
}
