/**
 * Kreis choropleth map for NRW, computed at build time as plain SVG data.
 *
 * The Kreise come from the reference TopoJSON (object `kreise`, shared arcs). They are simplified on the
 * topology with topojson-simplify, so two neighbouring Kreise keep exactly the same vertices along their
 * common border, converted with topojson-client and drawn with d3-geo in a transverse Mercator projection
 * centred on NRW (conformal, like ETRS89 / UTM 32N). Shade classes are quantiles of the project counts.
 *
 * Geometry: © GeoBasis-DE / BKG 2021 (Daten verändert), https://www.bkg.bund.de
 * (see shared-types/reference-data/SOURCES.md for the full attribution).
 */
import { quantileSorted } from 'd3-array';
import { geoArea, geoBounds, geoPath, geoTransverseMercator, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import { presimplify, simplify, sphericalTriangleArea } from 'topojson-simplify';
import type { GeometryCollection, MultiPolygon, Polygon, Topology } from 'topojson-specification';

export interface KreisProperties {
  ags: string;
  name: string;
}

export type KreisTopology = Topology<{ kreise: GeometryCollection<KreisProperties> }>;

export interface MapShape {
  ags: string;
  name: string;
  path: string;
  count: number;
  shade: number;
}

export interface MapLegendItem {
  shade: number;
  from: number;
  to: number | null;
  label: string;
}

export interface KreisMap {
  viewBox: string;
  width: number;
  height: number;
  shapes: MapShape[];
  legend: MapLegendItem[];
}

export interface KreisLayout {
  /** The simplified topology that the paths are drawn from. */
  topology: KreisTopology;
  projection: GeoProjection;
  width: number;
  height: number;
}

export const DEFAULT_WIDTH = 640;
/** Number of shade classes for Kreise with projects (the stylesheet has shade-1 … shade-4). */
export const SHADE_CLASSES = 4;
const PADDING = 4;
/** Visvalingam threshold: vertices whose triangle covers less than this many square pixels are dropped. */
const MIN_AREA_PX = 8;
const DIGITS = 1;

// ---------------------------------------------------------------------------
// Reading the topology
// ---------------------------------------------------------------------------

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkArcIndexes(value: unknown, depth: number, arcCount: number, where: string): void {
  if (!Array.isArray(value)) throw new Error(`${where}: "arcs" is not a nested array`);
  for (const item of value) {
    if (depth > 0) checkArcIndexes(item, depth - 1, arcCount, where);
    else if (!Number.isInteger(item) || (item as number) >= arcCount || ~(item as number) >= arcCount) {
      throw new Error(`${where}: arc index ${JSON.stringify(item)} does not exist (the topology has ${arcCount} arcs)`);
    }
  }
}

/** Checks the parsed reference TopoJSON and returns its `kreise` object typed; throws naming the geometry at fault. */
export function readKreisTopology(raw: unknown): KreisTopology {
  if (!isRecord(raw) || raw.type !== 'Topology' || !Array.isArray(raw.arcs) || !isRecord(raw.objects)) {
    throw new Error('Kreis map: expected a TopoJSON Topology with "arcs" and "objects"');
  }
  const kreise = raw.objects.kreise;
  if (!isRecord(kreise) || kreise.type !== 'GeometryCollection' || !Array.isArray(kreise.geometries)) {
    throw new Error('Kreis map: the topology has no GeometryCollection "kreise"');
  }
  const arcCount = raw.arcs.length;
  const seen = new Map<string, number>();
  const geometries = kreise.geometries.map(
    (geometry: unknown, index): Polygon<KreisProperties> | MultiPolygon<KreisProperties> => {
      const props = isRecord(geometry) && isRecord(geometry.properties) ? geometry.properties : {};
      const where = `Kreis map: geometry #${index}${typeof props.ags === 'string' ? ` (ags ${props.ags})` : ''}`;
      if (!isRecord(geometry) || !isRecord(geometry.properties)) throw new Error(`${where} has no properties object`);
      const ags = props.ags;
      if (typeof ags !== 'string' || !/^\d{5}$/.test(ags)) {
        throw new Error(
          `${where} has no valid "ags" property (expected a 5-digit Kreis key, got ${JSON.stringify(ags)})`,
        );
      }
      const previous = seen.get(ags);
      if (previous !== undefined) throw new Error(`${where} repeats ags ${ags} of geometry #${previous}`);
      seen.set(ags, index);
      const name = typeof props.anzeigename === 'string' && props.anzeigename !== '' ? props.anzeigename : props.name;
      if (typeof name !== 'string' || name === '') throw new Error(`${where} has no "name" or "anzeigename" property`);
      const properties: KreisProperties = { ags, name };
      if (geometry.type === 'Polygon') {
        checkArcIndexes(geometry.arcs, 1, arcCount, where);
        return { type: 'Polygon', arcs: geometry.arcs as number[][], properties };
      }
      if (geometry.type === 'MultiPolygon') {
        checkArcIndexes(geometry.arcs, 2, arcCount, where);
        return { type: 'MultiPolygon', arcs: geometry.arcs as number[][][], properties };
      }
      throw new Error(`${where} has geometry type ${JSON.stringify(geometry.type)}, expected Polygon or MultiPolygon`);
    },
  );
  if (geometries.length === 0) throw new Error('Kreis map: the "kreise" collection is empty');
  const topology = { ...raw, objects: { kreise: { type: 'GeometryCollection', geometries } } } as KreisTopology;
  for (const f of feature(topology, topology.objects.kreise).features) {
    // d3-geo reads rings on the sphere: an exterior ring wound the wrong way encloses the rest of the globe.
    if (geoArea(f) > 2 * Math.PI)
      throw new Error(
        `Kreis map: Kreis ${f.properties.ags} has its rings wound the wrong way (d3-geo expects clockwise exterior rings)`,
      );
  }
  return topology;
}

// ---------------------------------------------------------------------------
// Geometry
// ---------------------------------------------------------------------------

/** Projects and simplifies the Kreise for an SVG `width` pixels wide (height follows from NRW's shape). */
export function layoutKreise(topology: KreisTopology, width: number = DEFAULT_WIDTH): KreisLayout {
  if (!Number.isFinite(width) || width <= 2 * PADDING)
    throw new Error(`Kreis map: width must be a number above ${2 * PADDING}, got ${width}`);
  const full = feature(topology, topology.objects.kreise);
  const [[west, south], [east, north]] = geoBounds(full);
  // Central meridian and origin in the middle of the map; precision 0 turns off adaptive resampling, so the
  // drawn vertices are exactly the arcs' vertices and neighbours share them.
  const projection = geoTransverseMercator()
    .rotate([-(west + east) / 2, -(south + north) / 2])
    .precision(0)
    .fitWidth(width - 2 * PADDING, full);
  const [tx, ty] = projection.translate();
  projection.translate([tx + PADDING, ty + PADDING]);
  const height = Math.ceil(geoPath(projection).bounds(full)[1][1] + PADDING);
  // Near the centre of a conformal projection one radian is `scale` pixels, so square pixels / scale² are steradians.
  const minWeight = MIN_AREA_PX / projection.scale() ** 2;
  return { topology: simplify(presimplify(topology, sphericalTriangleArea), minWeight), projection, width, height };
}

// ---------------------------------------------------------------------------
// Classes and legend
// ---------------------------------------------------------------------------

function checkBreaks(breaks: readonly number[]): void {
  if (breaks.length === 0) throw new Error('Kreis map: breaks must not be empty');
  breaks.forEach((b, i) => {
    if (!Number.isInteger(b) || b < 1) throw new Error(`Kreis map: break ${i} must be a positive integer, got ${b}`);
    const prev = breaks[i - 1];
    if (prev !== undefined && b <= prev)
      throw new Error(`Kreis map: breaks must be strictly increasing, got ${breaks.join(', ')}`);
  });
}

/**
 * Lower bounds of the shade classes 1…`classes` from the quantiles of the positive counts: a count above the
 * i-th quantile starts a new class. Ties can merge classes, so fewer breaks are possible; the first is always 1.
 */
export function quantileBreaks(counts: Iterable<number>, classes: number = SHADE_CLASSES): number[] {
  if (!Number.isInteger(classes) || classes < 1)
    throw new Error(`Kreis map: classes must be a positive integer, got ${classes}`);
  const positive: number[] = [];
  for (const count of counts) {
    if (!Number.isFinite(count) || count < 0)
      throw new Error(`Kreis map: count must be a non-negative number, got ${count}`);
    if (count > 0) positive.push(count);
  }
  positive.sort((a, b) => a - b);
  const breaks = [1];
  for (let i = 1; i < classes; i++) {
    const q = quantileSorted(positive, i / classes);
    if (q === undefined) break;
    const from = Math.floor(q) + 1;
    if (from > (breaks[breaks.length - 1] as number) && from <= (positive[positive.length - 1] as number))
      breaks.push(from);
  }
  return breaks;
}

/** Shade class of a count: 0 for no projects, else the number of breaks it reaches (1…breaks.length). */
export function shadeFor(count: number, breaks: readonly number[]): number {
  checkBreaks(breaks);
  if (!Number.isFinite(count) || count < 0)
    throw new Error(`Kreis map: count must be a non-negative number, got ${count}`);
  let shade = 0;
  for (const b of breaks) if (count >= b) shade++;
  return shade;
}

const numberDe = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });

function projekte(n: number): string {
  return n === 1 ? 'Projekt' : 'Projekte';
}

/** German legend: "keine Projekte", then one item per class, e.g. "1–3 Projekte", "12 und mehr Projekte". */
export function legendFor(breaks: readonly number[]): MapLegendItem[] {
  checkBreaks(breaks);
  const firstBreak = breaks[0] as number;
  const items: MapLegendItem[] = [
    {
      shade: 0,
      from: 0,
      to: firstBreak - 1,
      label: firstBreak === 1 ? 'keine Projekte' : `0–${numberDe.format(firstBreak - 1)} ${projekte(firstBreak - 1)}`,
    },
  ];
  breaks.forEach((from, i) => {
    const next = breaks[i + 1];
    const to = next === undefined ? null : next - 1;
    let label: string;
    if (to === null) label = `${numberDe.format(from)} und mehr Projekte`;
    else if (to === from) label = `${numberDe.format(from)} ${projekte(from)}`;
    else label = `${numberDe.format(from)}–${numberDe.format(to)} Projekte`;
    items.push({ shade: i + 1, from, to, label });
  });
  return items;
}

// ---------------------------------------------------------------------------
// Whole map
// ---------------------------------------------------------------------------

/** Everything the component needs. counts: projects per Kreis ags (missing = 0, unknown keys ignored); shapes sorted by ags. */
export function buildKreisMap(
  topology: KreisTopology,
  counts: ReadonlyMap<string, number>,
  width: number = DEFAULT_WIDTH,
): KreisMap {
  const layout = layoutKreise(topology, width);
  const path = geoPath(layout.projection).digits(DIGITS);
  const kreise = feature(layout.topology, layout.topology.objects.kreise).features.map((f) => {
    const d = path(f);
    if (!d) throw new Error(`Kreis map: Kreis ${f.properties.ags} (${f.properties.name}) has no drawable geometry`);
    return { ags: f.properties.ags, name: f.properties.name, path: d, count: counts.get(f.properties.ags) ?? 0 };
  });
  const breaks = quantileBreaks(kreise.map((k) => k.count));
  const shapes = kreise
    .sort((a, b) => (a.ags < b.ags ? -1 : a.ags > b.ags ? 1 : 0))
    .map((k): MapShape => ({ ...k, shade: shadeFor(k.count, breaks) }));
  return {
    viewBox: `0 0 ${layout.width} ${layout.height}`,
    width: layout.width,
    height: layout.height,
    shapes,
    legend: legendFor(breaks),
  };
}
