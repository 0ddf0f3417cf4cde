import { geoDistance } from 'd3-geo';
import { mesh, neighbors } from 'topojson-client';
import { describe, expect, it } from 'vitest';
import {
  buildKreisMap,
  DEFAULT_WIDTH,
  layoutKreise,
  legendFor,
  quantileBreaks,
  readKreisTopology,
  SHADE_CLASSES,
  shadeFor,
  type KreisProperties,
  type KreisTopology,
} from '@ikz/site/lib/map';
import { readReferenceJson } from '@ikz/shared-types/reference-data';

const raw = readReferenceJson<unknown>('nrw.topojson');
const kreisTable =
  readReferenceJson<Array<{ ags: string; anzeigename: string; lat: number; lon: number }>>('nrw-kreise.json');
const topology = readKreisTopology(raw);
const noCounts = new Map<string, number>();

type Pt = [number, number];
type RawTopology = {
  type: string;
  arcs: unknown[];
  objects: {
    kreise: { type: string; geometries: Array<{ type: string; arcs: unknown; properties: Record<string, unknown> }> };
  };
};

/** Key of a geometry in the topology (readKreisTopology guarantees the properties). */
function agsOf(geometry: { properties?: unknown }): string {
  return (geometry.properties as KreisProperties).ags;
}

function cloneRaw(): RawTopology {
  return structuredClone(raw) as RawTopology;
}

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

/** A projected point written the way the path writes it (one decimal). */
function key([x, y]: Pt): string {
  return `${Math.round(x * 10) / 10},${Math.round(y * 10) / 10}`;
}

function centre(rings: Pt[][]): Pt {
  const pts = rings.flat();
  return [pts.reduce((s, p) => s + p[0], 0) / pts.length, pts.reduce((s, p) => s + p[1], 0) / pts.length];
}

function pointCount(t: { arcs: unknown[][] }, used: ReadonlySet<number>): number {
  return [...used].reduce((n, i) => n + (t.arcs[i] as unknown[]).length, 0);
}

function arcsOf(t: KreisTopology): Set<number> {
  const used = new Set<number>();
  const walk = (a: unknown): void => {
    if (Array.isArray(a)) a.forEach(walk);
    else used.add((a as number) < 0 ? ~(a as number) : (a as number));
  };
  for (const g of t.objects.kreise.geometries) walk((g as { arcs: unknown }).arcs);
  return used;
}

describe('readKreisTopology (real reference data)', () => {
  it('reads the 53 Kreis-level geometries with the display names of the Kreis table', () => {
    const geometries = topology.objects.kreise.geometries;
    expect(geometries).toHaveLength(53);
    const byAgs = new Map(kreisTable.map((k) => [k.ags, k.anzeigename]));
    expect(new Set(geometries.map(agsOf))).toEqual(new Set(byAgs.keys()));
    for (const g of geometries) expect((g.properties as KreisProperties).name).toBe(byAgs.get(agsOf(g)));
    expect(byAgs.get('05334')).toBe('Städteregion Aachen');
  });

  it('rejects what is not a topology with Kreise', () => {
    expect(() => readKreisTopology(null)).toThrow(/TopoJSON Topology/);
    expect(() => readKreisTopology({ type: 'FeatureCollection', features: [] })).toThrow(/TopoJSON Topology/);
    expect(() => readKreisTopology({ type: 'Topology', arcs: [], objects: {} })).toThrow(
      /no GeometryCollection "kreise"/,
    );
    expect(() =>
      readKreisTopology({
        type: 'Topology',
        arcs: [],
        objects: { kreise: { type: 'GeometryCollection', geometries: [] } },
      }),
    ).toThrow(/empty/);
  });

  it('names the geometry with a missing or repeated key, a missing name or a wrong type', () => {
    const noAgs = cloneRaw();
    delete noAgs.objects.kreise.geometries[4]?.properties.ags;
    expect(() => readKreisTopology(noAgs)).toThrow(/geometry #4 has no valid "ags" property/);

    const dup = cloneRaw();
    (dup.objects.kreise.geometries[2] as { properties: Record<string, unknown> }).properties.ags = '05111';
    expect(() => readKreisTopology(dup)).toThrow(/geometry #2 \(ags 05111\) repeats ags 05111 of geometry #0/);

    const noName = cloneRaw();
    const victim = noName.objects.kreise.geometries[1] as { properties: Record<string, unknown> };
    delete victim.properties.name;
    delete victim.properties.anzeigename;
    expect(() => readKreisTopology(noName)).toThrow(/geometry #1 \(ags 05112\) has no "name"/);

    const point = cloneRaw();
    Object.assign(point.objects.kreise.geometries[3] as object, { type: 'Point', coordinates: [1, 2] });
    expect(() => readKreisTopology(point)).toThrow(/geometry #3 .*geometry type "Point"/);
  });

  it('rejects arc indexes that do not exist', () => {
    const bad = cloneRaw();
    (bad.objects.kreise.geometries[0] as { arcs: unknown }).arcs = [[0, 1, 99_999]];
    expect(() => readKreisTopology(bad)).toThrow(/geometry #0 \(ags 05111\): arc index 99999 does not exist/);
    const negative = cloneRaw();
    (negative.objects.kreise.geometries[0] as { arcs: unknown }).arcs = [[0, ~99_999]];
    expect(() => readKreisTopology(negative)).toThrow(/arc index -100000 does not exist/);
    const flat = cloneRaw();
    (flat.objects.kreise.geometries[0] as { arcs: unknown }).arcs = [0, 1];
    expect(() => readKreisTopology(flat)).toThrow(/not a nested array/);
  });

  it('rejects rings wound the wrong way (they would cover the globe)', () => {
    const wound = cloneRaw();
    const g = wound.objects.kreise.geometries[0] as { arcs: number[][] };
    g.arcs = g.arcs.map((ring) => ring.map((i) => ~i).reverse());
    expect(() => readKreisTopology(wound)).toThrow(/Kreis 05111 has its rings wound the wrong way/);
  });
});

describe('layoutKreise', () => {
  const layout = layoutKreise(topology);
  const project = (lon: number, lat: number): Pt => layout.projection([lon, lat]) as Pt;
  const point = (ags: string): Pt => {
    const k = kreisTable.find((row) => row.ags === ags);
    if (!k) throw new Error(`no Kreis ${ags}`);
    return project(k.lon, k.lat);
  };

  it('puts north up and west left: Köln east of Aachen and north of Bonn', () => {
    const koeln = point('05315');
    const aachen = point('05334');
    const bonn = point('05314');
    expect(koeln[0]).toBeGreaterThan(aachen[0] + 50);
    expect(koeln[1]).toBeLessThan(bonn[1] - 20);
    // The central meridian runs through NRW and is vertical on the map.
    const [lon0, lat0] = layout.projection.invert?.([layout.width / 2, layout.height / 2]) ?? [NaN, NaN];
    expect(lon0).toBeGreaterThan(5.9);
    expect(lon0).toBeLessThan(9.5);
    expect(lat0).toBeGreaterThan(50.3);
    expect(lat0).toBeLessThan(52.6);
    const meridian = -(layout.projection.rotate()[0] as number);
    expect(project(meridian, 52)[0]).toBeCloseTo(project(meridian, 50.5)[0], 6);
  });

  it('keeps the same scale in every direction (conformal, not squashed)', () => {
    const pairs: Array<[[number, number], [number, number]]> = [
      [
        [6.08, 50.78],
        [8.75, 51.72],
      ], // Aachen – Paderborn
      [
        [7.63, 51.96],
        [7.1, 50.73],
      ], // Münster – Bonn
      [
        [6.14, 51.79],
        [8.02, 50.87],
      ], // Kleve – Siegen
      [
        [8.92, 52.29],
        [6.98, 50.94],
      ], // Minden – Köln
    ];
    const pxPerRadian = pairs.map(([a, b]) => {
      const [ax, ay] = project(...a);
      const [bx, by] = project(...b);
      return Math.hypot(bx - ax, by - ay) / geoDistance(a, b);
    });
    const mean = pxPerRadian.reduce((s, v) => s + v, 0) / pxPerRadian.length;
    for (const v of pxPerRadian) expect(Math.abs(v / mean - 1)).toBeLessThan(0.002);
  });

  it('fits the width and derives the height from NRW’s shape', () => {
    expect(layout.width).toBe(DEFAULT_WIDTH);
    expect(Number.isInteger(layout.height)).toBe(true);
    // NRW spans about 250 km east–west and 245 km north–south.
    expect(layout.height).toBeGreaterThan(0.9 * layout.width);
    expect(layout.height).toBeLessThan(1.05 * layout.width);
    expect(layoutKreise(topology, 320).height).toBeCloseTo(layout.height / 2, -1);
    expect(() => layoutKreise(topology, 0)).toThrow(/width/);
    expect(() => layoutKreise(topology, Number.NaN)).toThrow(/width/);
  });

  it('simplifies the shared arcs, keeping a real map', () => {
    const used = arcsOf(topology);
    expect(arcsOf(layout.topology)).toEqual(used);
    const before = pointCount(topology, used);
    const after = pointCount(layout.topology, used);
    expect(after).toBeLessThan(before * 0.95);
    expect(after).toBeGreaterThan(before * 0.5);
  });
});

describe('buildKreisMap (real reference data)', () => {
  const map = buildKreisMap(topology, noCounts);
  const [vx, vy, w, h] = map.viewBox.split(' ').map(Number) as [number, number, number, number];
  const ringsOf = new Map(map.shapes.map((s) => [s.ags, parsePath(s.path)]));
  const layout = layoutKreise(topology);

  it('has 53 shapes with unique ags, sorted by ags, and the size in the viewBox', () => {
    expect(map.shapes).toHaveLength(53);
    const ags = map.shapes.map((s) => s.ags);
    expect(new Set(ags).size).toBe(53);
    expect(ags).toEqual([...ags].sort());
    expect([vx, vy, w, h]).toEqual([0, 0, map.width, map.height]);
    expect(map.width).toBe(DEFAULT_WIDTH);
  });

  it('writes a non-empty closed path per Kreis with all points inside the viewBox', () => {
    const all: Pt[] = [];
    for (const s of map.shapes) {
      const rings = ringsOf.get(s.ags) ?? [];
      expect(rings.length, s.name).toBeGreaterThanOrEqual(1);
      for (const ring of rings) expect(ring.length, s.name).toBeGreaterThanOrEqual(4);
      all.push(...rings.flat());
    }
    const xs = all.map((p) => p[0]);
    const ys = all.map((p) => p[1]);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThanOrEqual(w);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ys)).toBeLessThanOrEqual(h);
    // The map fills the width up to the padding.
    expect(Math.min(...xs)).toBeLessThan(6);
    expect(Math.max(...xs)).toBeGreaterThan(w - 6);
    expect(Math.min(...ys)).toBeLessThan(6);
    expect(Math.max(...ys)).toBeGreaterThan(h - 7);
  });

  it('places Köln east of Aachen and north of Bonn, Borken north of Euskirchen', () => {
    const c = (ags: string) => centre(ringsOf.get(ags) ?? []);
    expect(c('05315')[0]).toBeGreaterThan(c('05334')[0]);
    expect(c('05315')[1]).toBeLessThan(c('05314')[1]);
    expect(c('05554')[1]).toBeLessThan(c('05366')[1]);
    expect(c('05334')[0]).toBeLessThan(c('05762')[0]);
  });

  it('stays compact: under 35 KB of path data, and still a real map', () => {
    const bytes = map.shapes.reduce((sum, s) => sum + Buffer.byteLength(s.path, 'utf8'), 0);
    expect(bytes).toBeGreaterThan(15_000);
    expect(bytes).toBeLessThan(35 * 1024);
  });

  it('draws the common border of Köln and Rhein-Erft-Kreis with the same vertices in both', () => {
    const koeln = new Set((ringsOf.get('05315') ?? []).flat().map(key));
    const rheinErft = new Set((ringsOf.get('05362') ?? []).flat().map(key));
    const border = mesh(layout.topology, layout.topology.objects.kreise, (a, b) => {
      const pair = [agsOf(a), agsOf(b)].sort().join();
      return pair === '05315,05362';
    });
    const vertices = border.coordinates
      .flat()
      .map(([lon, lat]) => key(layout.projection([lon as number, lat as number]) as Pt));
    expect(vertices.length).toBeGreaterThanOrEqual(8);
    for (const v of vertices) {
      expect(koeln.has(v), `Köln lacks ${v}`).toBe(true);
      expect(rheinErft.has(v), `Rhein-Erft-Kreis lacks ${v}`).toBe(true);
    }
  });

  it('shares every simplified border vertex between all neighbouring Kreise', () => {
    const geometries = layout.topology.objects.kreise.geometries;
    const adjacency = neighbors(geometries);
    let pairs = 0;
    adjacency.forEach((list, i) => {
      for (const j of list) {
        if (j < i) continue;
        const a = geometries[i];
        const b = geometries[j];
        if (!a || !b) throw new Error(`neighbours ${i}/${j} out of range`);
        const border = mesh(
          layout.topology,
          layout.topology.objects.kreise,
          (x, y) => (x === a && y === b) || (x === b && y === a),
        );
        const pa = new Set((ringsOf.get(agsOf(a)) ?? []).flat().map(key));
        const pb = new Set((ringsOf.get(agsOf(b)) ?? []).flat().map(key));
        for (const [lon, lat] of border.coordinates.flat()) {
          const v = key(layout.projection([lon as number, lat as number]) as Pt);
          expect(pa.has(v) && pb.has(v), `${agsOf(a)}/${agsOf(b)} at ${v}`).toBe(true);
        }
        pairs++;
      }
    });
    expect(pairs).toBeGreaterThan(100);
  });

  it('applies counts (missing = 0, unknown keys ignored) without changing the geometry', () => {
    const counts = new Map<string, number>([
      ['05334', 7],
      ['05762', 1],
      ['05111', 12],
      ['05554', 3],
      ['99999', 5],
    ]);
    const withCounts = buildKreisMap(topology, counts);
    const get = (ags: string) => withCounts.shapes.find((s) => s.ags === ags);
    expect(get('05334')).toMatchObject({ count: 7, name: 'Städteregion Aachen' });
    expect(get('05366')).toMatchObject({ count: 0, shade: 0 });
    expect(withCounts.shapes.filter((s) => s.count === 0)).toHaveLength(49);
    expect(withCounts.shapes.some((s) => s.ags === '99999')).toBe(false);
    // Four Kreise with 1, 3, 7 and 12 projects: one per class.
    expect(['05762', '05554', '05334', '05111'].map((ags) => get(ags)?.shade)).toEqual([1, 2, 3, 4]);
    expect(withCounts.legend.map((l) => l.label)).toEqual([
      'keine Projekte',
      '1–2 Projekte',
      '3–5 Projekte',
      '6–8 Projekte',
      '9 und mehr Projekte',
    ]);
    expect(withCounts.shapes.map((s) => s.path)).toEqual(map.shapes.map((s) => s.path));
  });

  it('is deterministic', () => {
    const counts = new Map([['05334', 7]]);
    expect(JSON.stringify(buildKreisMap(topology, counts))).toBe(
      JSON.stringify(buildKreisMap(readKreisTopology(structuredClone(raw)), counts)),
    );
  });
});

describe('quantileBreaks, shadeFor and legendFor', () => {
  /** About 500 projects over the 53 Kreise, few large centres and a long tail, as on the live portal. */
  const skewed = [
    64, 48, 41, 35, 31, 28, 26, 24, 22, 21, 20, 19, 18, 17, 16, 15, 15, 14, 13, 13, 12, 12, 11, 11, 10, 10, 9, 9, 8, 8,
    7, 7, 7, 6, 6, 5, 5, 5, 4, 4, 4, 3, 3, 3, 2, 2, 2, 1, 1, 1, 0, 0, 0,
  ];

  function classSizes(counts: number[], breaks: number[]): number[] {
    const sizes: number[] = new Array(breaks.length + 1).fill(0);
    for (const c of counts) {
      const shade = shadeFor(c, breaks);
      sizes[shade] = (sizes[shade] ?? 0) + 1;
    }
    return sizes;
  }

  function expectConsistentLegend(breaks: number[]): void {
    const legend = legendFor(breaks);
    expect(legend[0]).toMatchObject({ shade: 0, from: 0, to: 0, label: 'keine Projekte' });
    for (let i = 1; i < legend.length; i++) {
      const item = legend[i];
      const prev = legend[i - 1];
      if (!item || !prev) throw new Error('legend too short');
      expect(item.shade).toBe(i);
      expect(item.from).toBe((prev.to ?? NaN) + 1);
      if (item.to !== null) expect(item.to).toBeGreaterThanOrEqual(item.from);
      expect(shadeFor(item.from, breaks)).toBe(i);
      if (item.to !== null) expect(shadeFor(item.to, breaks)).toBe(i);
    }
    expect(legend[legend.length - 1]?.to).toBeNull();
    expect(new Set(legend.map((l) => l.label)).size).toBe(legend.length);
  }

  it('spreads a skewed distribution over the classes', () => {
    expect(skewed).toHaveLength(53);
    // Quartiles of the 50 positive counts: 5, 10, 17.75; a count above a quartile starts the next class.
    const breaks = quantileBreaks(skewed);
    expect(breaks).toEqual([1, 6, 11, 18]);
    const sizes = classSizes(skewed, breaks);
    expect(sizes).toEqual([3, 15, 11, 11, 13]);
    for (const size of sizes) expect(size).toBeLessThan(53 / 2);
    expectConsistentLegend(breaks);
    expect(legendFor(breaks).map((l) => l.label)).toEqual([
      'keine Projekte',
      '1–5 Projekte',
      '6–10 Projekte',
      '11–17 Projekte',
      '18 und mehr Projekte',
    ]);
  });

  it('keeps breaks strictly increasing when counts tie', () => {
    const mostlyOnes = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 3, 5, 8, 13, 0, 0];
    const breaks = quantileBreaks(mostlyOnes);
    expect(breaks).toEqual([1, 2, 3]);
    expect(classSizes(mostlyOnes, breaks)).toEqual([2, 10, 1, 4]);
    expectConsistentLegend(breaks);
    expect(legendFor(breaks).map((l) => l.label)).toEqual([
      'keine Projekte',
      '1 Projekt',
      '2 Projekte',
      '3 und mehr Projekte',
    ]);

    expect(quantileBreaks([3, 3, 3, 3])).toEqual([1]);
    expect(quantileBreaks([0, 0, 0])).toEqual([1]);
    expect(quantileBreaks([])).toEqual([1]);
    expect(legendFor([1]).map((l) => l.label)).toEqual(['keine Projekte', '1 und mehr Projekte']);
  });

  it('never makes more classes than the stylesheet has shades', () => {
    const wide = Array.from({ length: 400 }, (_, i) => i);
    const breaks = quantileBreaks(wide);
    expect(breaks).toHaveLength(SHADE_CLASSES);
    for (let i = 1; i < breaks.length; i++) expect(breaks[i]).toBeGreaterThan(breaks[i - 1] as number);
    expect(Math.max(...wide.map((c) => shadeFor(c, breaks)))).toBe(SHADE_CLASSES);
    expect(quantileBreaks(wide, 2)).toEqual([1, 201]); // the median 200 stays in the lower class
    expectConsistentLegend(breaks);
  });

  it('rejects invalid counts, classes and breaks', () => {
    expect(() => quantileBreaks([1, -1])).toThrow(/count/);
    expect(() => quantileBreaks([Number.NaN])).toThrow(/count/);
    expect(() => quantileBreaks([1], 0)).toThrow(/classes/);
    expect(() => shadeFor(-1, [1])).toThrow(/count/);
    expect(() => shadeFor(1, [])).toThrow(/breaks/);
    expect(() => shadeFor(1, [3, 3])).toThrow(/increasing/);
    expect(() => legendFor([0, 2])).toThrow(/positive integer/);
  });

  it('writes German labels with en dashes and thousands separators', () => {
    expect(legendFor([1, 3, 6, 11]).map((l) => l.label)).toEqual([
      'keine Projekte',
      '1–2 Projekte',
      '3–5 Projekte',
      '6–10 Projekte',
      '11 und mehr Projekte',
    ]);
    expect(legendFor([1, 1000])[2]?.label).toBe('1.000 und mehr Projekte');
    expect(legendFor([2])[0]?.label).toBe('0–1 Projekt');
  });
});
