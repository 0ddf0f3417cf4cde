/**
 * Maps the NRW reference data (shared-types/reference-data, Destatis GV100AD) to municipality rows:
 * the 396 Gemeinden (the 22 kreisfreie Städte among them) and the 31 Kreise – kreisfreie Städte once.
 */
import { slugify } from '@ikz/shared-types/slug';

export interface KommuneRecord {
  ags: string;
  ars: string;
  name: string;
  nameAmtlich: string;
  typ: 'kreisfreie Stadt' | 'kreisangehörige Stadt' | 'kreisangehörige Gemeinde';
  kreisAgs: string;
  regierungsbezirk: string;
  regierungsbezirkName: string;
  einwohner: number;
  stichtag: string;
  flaecheKm2: number;
  lat: number;
  lon: number;
  hinweis?: string;
}

export interface KreisRecord {
  ags: string;
  ars: string;
  name: string;
  nameAmtlich: string;
  typ: 'kreisfreie Stadt' | 'Kreis';
  anzeigename: string;
  regierungsbezirk: string;
  regierungsbezirkName: string;
  einwohner: number;
  stichtag: string;
  flaecheKm2: number;
  lat: number;
  lon: number;
  hinweis?: string;
}

export type MunicipalityKind = 'Kreisfreie Stadt' | 'Kreisangehörige Stadt' | 'Kreisangehörige Gemeinde' | 'Kreis';

export interface MunicipalityRow {
  name: string;
  nameOfficial: string;
  slug: string;
  ags: string;
  ars: string;
  kind: MunicipalityKind;
  kreisAgs: string;
  kreisName: string;
  regierungsbezirkAgs: string;
  regierungsbezirkName: string;
  population: number;
  populationDate: string;
  areaKm2: number;
  lat: number;
  lon: number;
  note: string | null;
}

const KIND: Record<KommuneRecord['typ'], MunicipalityKind> = {
  'kreisfreie Stadt': 'Kreisfreie Stadt',
  'kreisangehörige Stadt': 'Kreisangehörige Stadt',
  'kreisangehörige Gemeinde': 'Kreisangehörige Gemeinde',
};

export function buildMunicipalityRows(kommunen: KommuneRecord[], kreise: KreisRecord[]): MunicipalityRow[] {
  const kreisByAgs = new Map(kreise.map((k) => [k.ags, k]));
  const rows: MunicipalityRow[] = [];

  for (const k of kommunen) {
    const kreis = kreisByAgs.get(k.kreisAgs);
    if (!kreis)
      throw new Error(`Reference data: Kreis ${k.kreisAgs} of ${k.name} (${k.ags}) is missing in nrw-kreise.json`);
    const kind = KIND[k.typ];
    if (!kind) throw new Error(`Reference data: unknown typ "${k.typ}" for ${k.name} (${k.ags})`);
    rows.push({
      name: k.name,
      nameOfficial: k.nameAmtlich,
      slug: slugify(k.name),
      ags: k.ags,
      ars: k.ars,
      kind,
      kreisAgs: k.kreisAgs,
      kreisName: kreis.anzeigename,
      regierungsbezirkAgs: k.regierungsbezirk,
      regierungsbezirkName: k.regierungsbezirkName,
      population: k.einwohner,
      populationDate: k.stichtag,
      areaKm2: k.flaecheKm2,
      lat: k.lat,
      lon: k.lon,
      note: k.hinweis ?? null,
    });
  }

  for (const k of kreise) {
    if (k.typ !== 'Kreis') continue; // kreisfreie Städte are already rows as Gemeinden
    rows.push({
      name: k.anzeigename,
      nameOfficial: k.nameAmtlich,
      slug: slugify(k.anzeigename),
      ags: k.ags,
      ars: k.ars,
      kind: 'Kreis',
      kreisAgs: k.ags,
      kreisName: k.anzeigename,
      regierungsbezirkAgs: k.regierungsbezirk,
      regierungsbezirkName: k.regierungsbezirkName,
      population: k.einwohner,
      populationDate: k.stichtag,
      areaKm2: k.flaecheKm2,
      lat: k.lat,
      lon: k.lon,
      note: k.hinweis ?? null,
    });
  }

  const seen = new Map<string, string>();
  for (const row of rows) {
    const other = seen.get(row.slug);
    if (other) row.slug = `${row.slug}-${row.ags}`;
    seen.set(row.slug, row.ags);
  }
  return rows;
}

const COMPARED: (keyof MunicipalityRow)[] = [
  'name',
  'nameOfficial',
  'slug',
  'ars',
  'kind',
  'kreisAgs',
  'kreisName',
  'regierungsbezirkAgs',
  'regierungsbezirkName',
  'population',
  'populationDate',
  'areaKm2',
  'lat',
  'lon',
  'note',
];

/** Fields of `wanted` that differ from the stored row (numbers compared numerically: PostgreSQL returns decimals as strings). */
export function changedFields(stored: Record<string, unknown>, wanted: MunicipalityRow): Partial<MunicipalityRow> {
  const changes: Partial<MunicipalityRow> = {};
  for (const key of COMPARED) {
    const a = stored[key];
    const b = wanted[key];
    const same = typeof b === 'number' ? a !== null && a !== undefined && Number(a) === b : (a ?? null) === (b ?? null);
    if (!same) (changes as Record<string, unknown>)[key] = b;
  }
  return changes;
}

export interface SyncPlan {
  create: MunicipalityRow[];
  update: { documentId: string; ags: string; changes: Partial<MunicipalityRow> }[];
  remove: { documentId: string; ags: string }[];
}

export function planMunicipalitySync(
  stored: (Record<string, unknown> & { documentId: string; ags: string })[],
  wanted: MunicipalityRow[],
): SyncPlan {
  const storedByAgs = new Map(stored.map((s) => [s.ags, s]));
  const wantedAgs = new Set(wanted.map((w) => w.ags));
  const plan: SyncPlan = { create: [], update: [], remove: [] };
  for (const row of wanted) {
    const existing = storedByAgs.get(row.ags);
    if (!existing) {
      plan.create.push(row);
      continue;
    }
    const changes = changedFields(existing, row);
    if (Object.keys(changes).length > 0) plan.update.push({ documentId: existing.documentId, ags: row.ags, changes });
  }
  for (const s of stored) if (!wantedAgs.has(s.ags)) plan.remove.push({ documentId: s.documentId, ags: s.ags });
  return plan;
}
