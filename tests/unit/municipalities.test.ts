import { describe, expect, it } from 'vitest';
import {
  buildMunicipalityRows,
  changedFields,
  planMunicipalitySync,
  type KommuneRecord,
  type KreisRecord,
} from '@ikz/cms/lib/municipalities';
import { SLUG_PATTERN } from '@ikz/shared-types/slug';
import { readReferenceJson } from '@ikz/shared-types/reference-data';

const kommunen = readReferenceJson<KommuneRecord[]>('nrw-kommunen.json');
const kreise = readReferenceJson<KreisRecord[]>('nrw-kreise.json');

describe('buildMunicipalityRows (real reference data)', () => {
  const rows = buildMunicipalityRows(kommunen, kreise);

  it('has the 396 Gemeinden and 31 Kreise, kreisfreie Städte once', () => {
    expect(rows).toHaveLength(427);
    expect(rows.filter((r) => r.kind === 'Kreis')).toHaveLength(31);
    expect(rows.filter((r) => r.kind === 'Kreisfreie Stadt')).toHaveLength(22);
    expect(rows.filter((r) => r.kind === 'Kreisangehörige Stadt')).toHaveLength(250);
    expect(rows.filter((r) => r.kind === 'Kreisangehörige Gemeinde')).toHaveLength(124);
    expect(new Set(rows.map((r) => r.ags)).size).toBe(427);
    expect(rows.filter((r) => r.name === 'Köln')).toHaveLength(1);
  });

  it('gives every row a unique ASCII slug', () => {
    expect(new Set(rows.map((r) => r.slug)).size).toBe(rows.length);
    for (const r of rows) expect(r.slug).toMatch(SLUG_PATTERN);
    expect(rows.find((r) => r.ags === '05117000')?.slug).toBe('muelheim-an-der-ruhr');
    expect(rows.find((r) => r.ags === '05334')?.slug).toBe('staedteregion-aachen');
  });

  it('links each Gemeinde to its Kreis and Regierungsbezirk', () => {
    const aachen = rows.find((r) => r.ags === '05334002');
    expect(aachen).toMatchObject({
      kind: 'Kreisangehörige Stadt',
      kreisAgs: '05334',
      kreisName: 'Städteregion Aachen',
      regierungsbezirkName: 'Köln',
    });
    expect(aachen?.note).toBeTruthy();
    const detmold = rows.find((r) => r.name === 'Detmold');
    expect(detmold).toMatchObject({ kreisName: 'Kreis Lippe', regierungsbezirkAgs: '057' });
    const duesseldorf = rows.find((r) => r.ags === '05111000');
    expect(duesseldorf).toMatchObject({ kind: 'Kreisfreie Stadt', kreisAgs: '05111', kreisName: 'Düsseldorf' });
  });

  it('sums to the NRW population', () => {
    const total = rows.filter((r) => r.kind !== 'Kreis').reduce((s, r) => s + r.population, 0);
    expect(total).toBe(18_034_454);
  });

  it('fails with a clear message when a Kreis is missing', () => {
    expect(() => buildMunicipalityRows(kommunen.slice(0, 1), [])).toThrow(/Kreis 05111 of Düsseldorf/);
  });
});

describe('planMunicipalitySync', () => {
  const rows = buildMunicipalityRows(kommunen, kreise);
  const stored = rows.map((r, i) => ({ ...r, documentId: `doc${i}` }));

  it('does nothing when the stored rows match (decimals as strings, as PostgreSQL returns them)', () => {
    const fromPostgres = stored.map((r) => ({ ...r, areaKm2: String(r.areaKm2) }));
    expect(planMunicipalitySync(fromPostgres, rows)).toEqual({ create: [], update: [], remove: [] });
  });

  it('creates missing rows, updates changed ones and removes rows no longer in the data', () => {
    const target = rows[5]!;
    const changed = rows.map((r) => (r.ags === target.ags ? { ...r, population: r.population + 1 } : r));
    const plan = planMunicipalitySync(
      [...stored.slice(1), { ...stored[0]!, ags: '05999999', documentId: 'gone' }],
      changed,
    );
    expect(plan.create.map((r) => r.ags)).toEqual([rows[0]!.ags]);
    expect(plan.update).toEqual([
      { documentId: 'doc5', ags: target.ags, changes: { population: target.population + 1 } },
    ]);
    expect(plan.remove).toEqual([{ documentId: 'gone', ags: '05999999' }]);
  });

  it('reports exactly the changed fields', () => {
    expect(changedFields({ ...rows[1]!, name: 'Alt', note: null }, rows[1]!)).toEqual({ name: rows[1]!.name });
  });
});
