import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  buildKreisMap,
  createProjection,
  featurePath,
  legendFor,
  readFeatures,
  shadeFor,
  type MapFeature,
} from '../../site/src/lib/map.ts';

const geojsonFile = process.env.IKZ_REFERENCE_DATA
  ? path.join(process.env.IKZ_REFERENCE_DATA, 'nrw-kreise.geojson')
  : fileURLToPath(new URL('../../../shared/data/nrw-kreise.geojson', import.meta.url));
const tableFile = path.join(path.dirname(geojsonFile), 'nrw-kreise.json');

const geojson: unknown = JSON.parse(fs.readFileSync(geojsonFile, 'utf8'));
const kreisTable = JSON.parse(fs.readFileSync(tableFile, 'utf8')) as Array<{ ags: string; anzeigename: string }>;
const features = readFeatures(geojson);
const noCounts = new Map<string, number>();

type Pt = [number, number];

/** Parse path data back into rings of points; throws on anything unexpected. */
function parsePath(d: string): Pt[][] {
  expect(d).toMatch(/^(M-?\d+(\.\d)?,-?\d+(\.\d)?(L-?\d+(\.\d)?,-?\d+(\.\d)?)*Z)+$/);
  return d
    .split('Z')
    .filter((s) => s !== '')
    .map((ring) =>
      ring
        .slice(1)
        .split('L')
        .map((pair) => pair.split(',').map(Number) as Pt),
    );
}

function viewBoxOf(map: { viewBox: string }): { w: number; h: number } {
  const [x, y, w, h] = map.viewBox.split(' ').map(Number);
  expect([x, y]).toEqual([0, 0]);
  return { w: w as number, h: h as number };
}

function pointInRings(p: Pt, rings: Pt[][]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as Pt;
      const [xj, yj] = ring[j] as Pt;
      if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

function cloneCollection(): { type: string; features: Array<{ type: string; properties: Record<string, unknown>; geometry: unknown }> } {
  return JSON.parse(JSON.stringify(geojson)) as ReturnType<typeof cloneCollection>;
}

describe('readFeatures (real reference data)', () => {
  it('reads the 53 Kreis-level features with display names and types', () => {
    expect(features).toHaveLength(53);
    expect(new Set(features.map((f) => f.ags)).size).toBe(53);
    expect(features.filter((f) => f.kind === 'Kreis')).toHaveLength(31);
    expect(features.filter((f) => f.kind === 'kreisfreie Stadt')).toHaveLength(22);
    // Same keys and display names as the Kreis table.
    const byAgs = new Map(kreisTable.map((k) => [k.ags, k.anzeigename]));
    expect(new Set(features.map((f) => f.ags))).toEqual(new Set(byAgs.keys()));
    for (const f of features) expect(f.name).toBe(byAgs.get(f.ags));
    expect(features.find((f) => f.ags === '05334')?.name).toBe('Städteregion Aachen');
  });

  it('rejects a non-FeatureCollection with a clear message', () => {
    expect(() => readFeatures(null)).toThrow(/FeatureCollection/);
    expect(() => readFeatures([])).toThrow(/FeatureCollection.*array/);
    expect(() => readFeatures({ type: 'Feature', geometry: null, properties: {} })).toThrow(/expected a GeoJSON FeatureCollection.*"Feature"/);
    expect(() => readFeatures({ type: 'FeatureCollection' })).toThrow(/"features" array/);
  });

  it('names the feature that lacks an ags', () => {
    const fc = cloneCollection();
    const victim = fc.features[4];
    if (!victim) throw new Error('fixture too small');
    const name = victim.properties.anzeigename as string;
    delete victim.properties.ags;
    expect(() => readFeatures(fc)).toThrow(new RegExp(`feature #4 \\("${name}"\\) has no valid "ags" property`));
  });

  it('names the feature on bad geometry, duplicate keys and wrong geometry types', () => {
    const badCoords = cloneCollection();
    (badCoords.features[0] as { geometry: unknown }).geometry = { type: 'Polygon', coordinates: [[[6.7, 51.3], [6.8, 'x'], [6.9, 51.2], [6.7, 51.3]]] };
    expect(() => readFeatures(badCoords)).toThrow(/feature #0 \(ags 05111, "Düsseldorf"\), ring 0: position 1 has non-numeric/);

    const point = cloneCollection();
    (point.features[1] as { geometry: unknown }).geometry = { type: 'Point', coordinates: [6.7, 51.4] };
    expect(() => readFeatures(point)).toThrow(/ags 05112.*geometry type "Point"/);

    const dup = cloneCollection();
    (dup.features[2] as { properties: Record<string, unknown> }).properties.ags = '05111';
    expect(() => readFeatures(dup)).toThrow(/feature #2 .*repeats ags 05111 of feature #0/);

    const shortRing = cloneCollection();
    (shortRing.features[3] as { geometry: unknown }).geometry = { type: 'Polygon', coordinates: [[[6.7, 51.3], [6.8, 51.3], [6.7, 51.3]]] };
    expect(() => readFeatures(shortRing)).toThrow(/feature #3 .*at least 4/);
  });

  it('accepts MultiPolygons and draws every polygon', () => {
    const square = (x: number, y: number): number[][][] => [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]];
    const [multi] = readFeatures({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { ags: '09999', name: 'Test' }, geometry: { type: 'MultiPolygon', coordinates: [square(7, 51), square(9, 51)] } }],
    });
    if (!multi) throw new Error('no feature');
    expect(multi.geometry.type).toBe('MultiPolygon');
    const map = buildKreisMap([multi], noCounts, { width: 200 });
    const rings = parsePath(map.shapes[0]?.path ?? '');
    expect(rings).toHaveLength(2);
    for (const ring of rings) expect(ring).toHaveLength(4);
    // The two squares lie side by side, west one first.
    expect(Math.max(...(rings[0] as Pt[]).map((p) => p[0]))).toBeLessThan(Math.min(...(rings[1] as Pt[]).map((p) => p[0])));
  });
});

describe('createProjection', () => {
  it('fits the features into the width and keeps the aspect ratio', () => {
    const { project, width, height } = createProjection(features, 640, 4);
    expect(width).toBe(640);
    expect(Number.isInteger(height)).toBe(true);
    // NRW is wider than tall (about 260 km × 240 km at this scale factor).
    expect(height).toBeGreaterThan(500);
    expect(height).toBeLessThan(640);
    const xs: number[] = [];
    const ys: number[] = [];
    for (const f of features) {
      for (const ring of f.geometry.coordinates as number[][][]) {
        for (const [lon, lat] of ring) {
          const [x, y] = project(lon as number, lat as number);
          xs.push(x);
          ys.push(y);
        }
      }
    }
    expect(Math.min(...xs)).toBeCloseTo(4, 6);
    expect(Math.max(...xs)).toBeCloseTo(636, 6);
    expect(Math.min(...ys)).toBeCloseTo(4, 6);
    expect(Math.max(...ys)).toBeLessThanOrEqual(height - 4 + 1e-9);
    expect(Math.max(...ys)).toBeGreaterThan(height - 5);
  });

  it('puts west left and north up', () => {
    const { project } = createProjection(features, 640);
    const [xWest, yNorth] = project(6, 52);
    const [xEast, ySouth] = project(8, 51);
    expect(xWest).toBeLessThan(xEast);
    expect(yNorth).toBeLessThan(ySouth);
  });

  it('rejects nonsense input', () => {
    expect(() => createProjection([], 640)).toThrow(/no extent/);
    expect(() => createProjection(features, 0)).toThrow(/width/);
    expect(() => createProjection(features, 640, 400)).toThrow(/padding/);
  });
});

describe('buildKreisMap (real reference data, width 640)', () => {
  const map = buildKreisMap(features, noCounts);
  const { w, h } = viewBoxOf(map);
  const byAgs = new Map(map.shapes.map((s) => [s.ags, s]));
  const ringsOf = new Map(map.shapes.map((s) => [s.ags, parsePath(s.path)]));

  function centre(ags: string): Pt {
    const pts = (ringsOf.get(ags) ?? []).flat();
    expect(pts.length).toBeGreaterThan(0);
    return [pts.reduce((s, p) => s + p[0], 0) / pts.length, pts.reduce((s, p) => s + p[1], 0) / pts.length];
  }

  it('has 53 shapes with unique ags, sorted by ags', () => {
    expect(map.shapes).toHaveLength(53);
    const ags = map.shapes.map((s) => s.ags);
    expect(new Set(ags).size).toBe(53);
    expect(ags).toEqual([...ags].sort());
    expect(map.width).toBe(640);
    expect(w).toBe(640);
    expect(h).toBe(map.height);
  });

  it('writes closed paths starting with M', () => {
    for (const s of map.shapes) {
      expect(s.path.startsWith('M')).toBe(true);
      expect(s.path.endsWith('Z')).toBe(true);
      const rings = parsePath(s.path);
      expect(rings.length).toBeGreaterThanOrEqual(1);
      for (const ring of rings) expect(ring.length).toBeGreaterThanOrEqual(4);
    }
  });

  it('keeps all coordinates inside the viewBox', () => {
    for (const rings of ringsOf.values()) {
      for (const [x, y] of rings.flat()) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(w);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(h);
      }
    }
  });

  it('orients west-east and north-south correctly', () => {
    // Städteregion Aachen (far west) vs. Höxter (far east).
    expect(centre('05334')[0]).toBeLessThan(centre('05762')[0]);
    // Kreis Borken (north) vs. Kreis Euskirchen (south).
    expect(centre('05554')[1]).toBeLessThan(centre('05366')[1]);
    // Kleve (north-west) vs. Siegen-Wittgenstein (south-east).
    const kleve = centre('05154');
    const siegen = centre('05970');
    expect(kleve[0]).toBeLessThan(siegen[0]);
    expect(kleve[1]).toBeLessThan(siegen[1]);
  });

  it('keeps the total path data under 60 KB', () => {
    const bytes = map.shapes.reduce((sum, s) => sum + Buffer.byteLength(s.path, 'utf8'), 0);
    expect(bytes).toBeGreaterThan(10_000); // still a real map, not a set of triangles
    expect(bytes).toBeLessThan(60 * 1024);
  });

  it('places labels inside the viewBox and inside their own Kreis', () => {
    for (const s of map.shapes) {
      expect(s.labelX).toBeGreaterThan(0);
      expect(s.labelX).toBeLessThan(w);
      expect(s.labelY).toBeGreaterThan(0);
      expect(s.labelY).toBeLessThan(h);
      expect(pointInRings([s.labelX, s.labelY], ringsOf.get(s.ags) ?? []), `label of ${s.ags} ${s.name}`).toBe(true);
    }
  });

  it('applies counts; missing counts are 0', () => {
    const counts = new Map<string, number>([
      ['05334', 7],
      ['05762', 1],
      ['05111', 11],
      ['05554', 3],
      ['99999', 5], // unknown keys are ignored
    ]);
    const withCounts = buildKreisMap(features, counts);
    const get = (ags: string) => withCounts.shapes.find((s) => s.ags === ags);
    expect(get('05334')).toMatchObject({ count: 7, shade: 3, name: 'Städteregion Aachen' });
    expect(get('05762')).toMatchObject({ count: 1, shade: 1 });
    expect(get('05554')).toMatchObject({ count: 3, shade: 2 });
    expect(get('05111')).toMatchObject({ count: 11, shade: 4 });
    expect(get('05366')).toMatchObject({ count: 0, shade: 0 });
    expect(withCounts.shapes.filter((s) => s.count === 0)).toHaveLength(49);
    expect(withCounts.shapes.some((s) => s.ags === '99999')).toBe(false);
    // Geometry does not depend on the counts.
    expect(withCounts.shapes.map((s) => s.path)).toEqual(map.shapes.map((s) => s.path));
    expect(byAgs.get('05334')?.count).toBe(0);
  });

  it('passes custom breaks through to shades and legend', () => {
    const custom = buildKreisMap(features, new Map([['05334', 7]]), { breaks: [1, 5, 20], width: 320 });
    expect(custom.width).toBe(320);
    expect(custom.shapes.find((s) => s.ags === '05334')?.shade).toBe(2);
    expect(custom.legend.map((l) => l.label)).toEqual(['keine Projekte', '1–4 Projekte', '5–19 Projekte', '20 und mehr Projekte']);
  });

  it('is deterministic and independent of input order', () => {
    const counts = new Map([['05334', 7]]);
    const a = buildKreisMap(features, counts);
    const b = buildKreisMap(features, counts);
    expect(b).toEqual(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const reversed = buildKreisMap([...features].reverse(), counts);
    expect(reversed).toEqual(a);
    expect(readFeatures(geojson)).toEqual(features);
  });
});

describe('shadeFor and legendFor', () => {
  it('classifies counts at the default breaks', () => {
    const cases: Array<[number, number]> = [
      [0, 0],
      [1, 1],
      [2, 1],
      [3, 2],
      [5, 2],
      [6, 3],
      [10, 3],
      [11, 4],
      [500, 4],
    ];
    for (const [count, shade] of cases) expect(shadeFor(count), `count ${count}`).toBe(shade);
  });

  it('rejects invalid counts and breaks', () => {
    expect(() => shadeFor(-1)).toThrow(/count/);
    expect(() => shadeFor(Number.NaN)).toThrow(/count/);
    expect(() => shadeFor(1, [])).toThrow(/breaks/);
    expect(() => shadeFor(1, [3, 3])).toThrow(/increasing/);
    expect(() => legendFor([0, 2])).toThrow(/positive integer/);
  });

  it('writes German legend labels with en dashes', () => {
    const legend = legendFor();
    expect(legend).toEqual([
      { shade: 0, from: 0, to: 0, label: 'keine Projekte' },
      { shade: 1, from: 1, to: 2, label: '1–2 Projekte' },
      { shade: 2, from: 3, to: 5, label: '3–5 Projekte' },
      { shade: 3, from: 6, to: 10, label: '6–10 Projekte' },
      { shade: 4, from: 11, to: null, label: '11 und mehr Projekte' },
    ]);
    for (const item of legend.slice(1, 4)) expect(item.label).toContain('\u2013');
    // Every legend class agrees with shadeFor at both ends.
    for (const item of legend) {
      expect(shadeFor(item.from)).toBe(item.shade);
      if (item.to !== null) expect(shadeFor(item.to)).toBe(item.shade);
    }
    expect(legendFor([1, 2, 3]).map((l) => l.label)).toEqual(['keine Projekte', '1 Projekt', '2 Projekte', '3 und mehr Projekte']);
    expect(legendFor([1, 1000])[2]?.label).toBe('1.000 und mehr Projekte');
  });
});

describe('featurePath', () => {
  const { project } = createProjection(features, 640);
  const koeln = features.find((f) => f.ags === '05315') as MapFeature;

  it('keeps at least 4 points per ring even with a huge minDistance', () => {
    for (const f of features) {
      const rings = parsePath(featurePath(f, project, 1e9));
      expect(rings.length).toBeGreaterThanOrEqual(1);
      for (const ring of rings) {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(new Set(ring.map((p) => p.join(','))).size).toBe(ring.length);
      }
    }
    expect(featurePath(koeln, project, Infinity)).toMatch(/^M[^Z]*Z$/);
  });

  it('keeps the first vertex of each ring and drops points closer than minDistance', () => {
    const ring = koeln.geometry.coordinates[0] as number[][];
    const [lon0, lat0] = ring[0] as number[];
    const [x0, y0] = project(lon0 as number, lat0 as number);
    const expectedStart = `M${Math.round(x0 * 10) / 10},${Math.round(y0 * 10) / 10}`;
    for (const minDistance of [0, 0.75, 3, 10]) expect(featurePath(koeln, project, minDistance).startsWith(expectedStart)).toBe(true);

    const full = parsePath(featurePath(koeln, project, 0))[0] as Pt[];
    const coarse = parsePath(featurePath(koeln, project, 5))[0] as Pt[];
    expect(full.length).toBeGreaterThan(coarse.length);
    for (let i = 1; i < coarse.length; i++) {
      const [ax, ay] = coarse[i - 1] as Pt;
      const [bx, by] = coarse[i] as Pt;
      expect(Math.hypot(bx - ax, by - ay)).toBeGreaterThanOrEqual(5);
    }
  });

  it('rounds coordinates to one decimal and omits duplicate consecutive points', () => {
    const d = featurePath(koeln, project, 0);
    expect(d).not.toMatch(/\d\.\d\d/);
    expect(d).not.toContain('-0');
    const ring = parsePath(d)[0] as Pt[];
    for (let i = 1; i < ring.length; i++) expect(ring[i]).not.toEqual(ring[i - 1]);
    expect(ring[ring.length - 1]).not.toEqual(ring[0]); // Z closes the ring, no duplicate end point
  });
});
