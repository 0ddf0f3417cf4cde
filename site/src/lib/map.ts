/**
 * Kreis choropleth map for NRW, computed at build time as plain SVG data.
 *
 * Pure and dependency-free: reads the Kreis GeoJSON (WGS84 lon/lat, RFC 7946),
 * projects it with a simple equirectangular projection (x scaled by the cosine of
 * the mean latitude, y pointing down), writes compact SVG path data and assigns
 * each Kreis a shade class from its project count.
 *
 * Geometry: © GeoBasis-DE / BKG 2021 (Daten verändert), https://www.bkg.bund.de
 * (see shared/data/SOURCES.md for the full attribution).
 */

export interface MapFeature {
  ags: string;
  name: string;
  kind: string;
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: number[][][] | number[][][][] };
}

export interface MapShape {
  ags: string;
  name: string;
  kind: string;
  path: string;
  count: number;
  shade: number;
  labelX: number;
  labelY: number;
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

export type Projector = (lon: number, lat: number) => [number, number];

export const DEFAULT_BREAKS: readonly number[] = [1, 3, 6, 11];
export const DEFAULT_WIDTH = 640;
export const DEFAULT_PADDING = 4;
export const DEFAULT_MIN_DISTANCE = 0.75;
/** Minimum number of vertices kept per ring (fewer only if the ring itself has fewer distinct vertices). */
const MIN_RING_POINTS = 4;

// ---------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeFeature(index: number, props: Record<string, unknown> | undefined): string {
  const parts: string[] = [];
  if (props) {
    if (typeof props.ags === 'string' && props.ags !== '') parts.push(`ags ${props.ags}`);
    const name = typeof props.anzeigename === 'string' ? props.anzeigename : props.name;
    if (typeof name === 'string' && name !== '') parts.push(`"${name}"`);
  }
  return `feature #${index}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
}

function readRing(ring: unknown, where: string): number[][] {
  if (!Array.isArray(ring)) throw new Error(`${where}: ring is not an array`);
  if (ring.length < 4) throw new Error(`${where}: ring has ${ring.length} positions, a linear ring needs at least 4`);
  const out: number[][] = [];
  ring.forEach((pos: unknown, i) => {
    if (!Array.isArray(pos) || pos.length < 2) throw new Error(`${where}: position ${i} is not a [lon, lat] pair`);
    const [lon, lat] = pos as unknown[];
    if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
      throw new Error(`${where}: position ${i} has non-numeric coordinates`);
    }
    if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
      throw new Error(`${where}: position ${i} [${lon}, ${lat}] is not a WGS84 lon/lat coordinate`);
    }
    out.push([lon, lat]);
  });
  return out;
}

function readPolygon(polygon: unknown, where: string): number[][][] {
  if (!Array.isArray(polygon) || polygon.length === 0) throw new Error(`${where}: polygon has no rings`);
  return polygon.map((ring: unknown, r) => readRing(ring, `${where}, ring ${r}`));
}

/** Parse a GeoJSON FeatureCollection of Kreise into MapFeatures (throws a clear Error naming the feature on bad input). */
export function readFeatures(geojson: unknown): MapFeature[] {
  if (!isRecord(geojson) || geojson.type !== 'FeatureCollection' || !Array.isArray(geojson.features)) {
    const got = isRecord(geojson) ? `type ${JSON.stringify(geojson.type)}` : Array.isArray(geojson) ? 'an array' : typeof geojson;
    throw new Error(`Kreis map: expected a GeoJSON FeatureCollection with a "features" array, got ${got}`);
  }
  const seen = new Map<string, number>();
  return geojson.features.map((raw: unknown, index): MapFeature => {
    const props = isRecord(raw) && isRecord(raw.properties) ? raw.properties : undefined;
    const where = `Kreis map: ${describeFeature(index, props)}`;
    if (!isRecord(raw) || raw.type !== 'Feature') throw new Error(`${where} is not a GeoJSON Feature`);
    if (!props) throw new Error(`${where} has no properties object`);
    const ags = props.ags;
    if (typeof ags !== 'string' || !/^\d{5}$/.test(ags)) {
      throw new Error(`${where} has no valid "ags" property (expected a 5-digit Kreis key, got ${JSON.stringify(ags)})`);
    }
    const previous = seen.get(ags);
    if (previous !== undefined) throw new Error(`${where} repeats ags ${ags} of feature #${previous}`);
    seen.set(ags, index);
    const displayName = typeof props.anzeigename === 'string' && props.anzeigename !== '' ? props.anzeigename : props.name;
    if (typeof displayName !== 'string' || displayName === '') throw new Error(`${where} has no "name" or "anzeigename" property`);
    const kind = typeof props.typ === 'string' ? props.typ : '';

    const geometry = raw.geometry;
    if (!isRecord(geometry)) throw new Error(`${where} has no geometry`);
    if (!Array.isArray(geometry.coordinates)) throw new Error(`${where}: geometry has no coordinates array`);
    if (geometry.type === 'Polygon') {
      return { ags, name: displayName, kind, geometry: { type: 'Polygon', coordinates: readPolygon(geometry.coordinates, where) } };
    }
    if (geometry.type === 'MultiPolygon') {
      if (geometry.coordinates.length === 0) throw new Error(`${where}: MultiPolygon has no polygons`);
      const coordinates = geometry.coordinates.map((poly: unknown, p) => readPolygon(poly, `${where}, polygon ${p}`));
      return { ags, name: displayName, kind, geometry: { type: 'MultiPolygon', coordinates } };
    }
    throw new Error(`${where} has geometry type ${JSON.stringify(geometry.type)}, expected Polygon or MultiPolygon`);
  });
}

/** All polygons of a feature (a Polygon is a MultiPolygon with one member). */
function polygonsOf(feature: MapFeature): number[][][][] {
  return feature.geometry.type === 'MultiPolygon'
    ? (feature.geometry.coordinates as number[][][][])
    : [feature.geometry.coordinates as number[][][]];
}

// ---------------------------------------------------------------------------
// Projection
// ---------------------------------------------------------------------------

/** Projects lon/lat to SVG x/y: equirectangular with x scaled by cos(mean latitude), y down; fits the bounding box of all features into `width` px (height follows from the aspect ratio); returns a function. */
export function createProjection(
  features: MapFeature[],
  width: number,
  padding: number = DEFAULT_PADDING,
): { project: Projector; width: number; height: number } {
  if (!Number.isFinite(width) || width <= 0) throw new Error(`Kreis map: width must be a positive number, got ${width}`);
  if (!Number.isFinite(padding) || padding < 0 || padding * 2 >= width) {
    throw new Error(`Kreis map: padding must be between 0 and half the width, got ${padding}`);
  }
  let minLon = Infinity;
  let maxLon = -Infinity;
  let minLat = Infinity;
  let maxLat = -Infinity;
  for (const feature of features) {
    for (const polygon of polygonsOf(feature)) {
      for (const ring of polygon) {
        for (const [lon = NaN, lat = NaN] of ring) {
          if (lon < minLon) minLon = lon;
          if (lon > maxLon) maxLon = lon;
          if (lat < minLat) minLat = lat;
          if (lat > maxLat) maxLat = lat;
        }
      }
    }
  }
  if (!(maxLon > minLon) || !(maxLat > minLat)) {
    throw new Error('Kreis map: cannot build a projection, the features have no extent');
  }
  const meanLat = (minLat + maxLat) / 2;
  const kx = Math.cos((meanLat * Math.PI) / 180);
  const inner = width - 2 * padding;
  const scale = inner / ((maxLon - minLon) * kx);
  const height = Math.ceil((maxLat - minLat) * scale + 2 * padding - 1e-9);
  const project: Projector = (lon, lat) => [padding + (lon - minLon) * kx * scale, padding + (maxLat - lat) * scale];
  return { project, width, height };
}

// ---------------------------------------------------------------------------
// Path data
// ---------------------------------------------------------------------------

function round1(value: number): number {
  const r = Math.round(value * 10) / 10;
  return r === 0 ? 0 : r; // no "-0"
}

function fmt(value: number): string {
  return String(round1(value));
}

/** Projected, rounded ring without the closing duplicate and without consecutive duplicates. */
function projectRing(ring: number[][], project: Projector): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [lon = NaN, lat = NaN] of ring) {
    const [x, y] = project(lon, lat);
    const p: [number, number] = [round1(x), round1(y)];
    const last = out[out.length - 1];
    if (last && last[0] === p[0] && last[1] === p[1]) continue;
    out.push(p);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (out.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) out.pop();
  return out;
}

function simplifyRing(points: Array<[number, number]>, minDistance: number): Array<[number, number]> {
  const n = points.length;
  const target = Math.min(MIN_RING_POINTS, n);
  const first = points[0];
  if (!first || n <= target) return points;
  const minSq = minDistance * minDistance;
  const distSq = (a: [number, number], b: [number, number]): number => (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2;
  const kept: Array<[number, number]> = [first];
  let lastKept = first;
  for (let i = 1; i < n; i++) {
    const p = points[i] as [number, number];
    if (distSq(p, lastKept) >= minSq) {
      kept.push(p);
      lastKept = p;
    }
  }
  // The ring closes back to its first point: drop trailing vertices too close to it.
  while (kept.length > target && distSq(kept[kept.length - 1] as [number, number], first) < minSq) kept.pop();
  if (kept.length >= target) return kept;
  // Too aggressive for this ring: fall back to evenly spaced vertices (always including the first).
  const fallback: Array<[number, number]> = [];
  for (let k = 0; k < target; k++) fallback.push(points[Math.floor((k * n) / target)] as [number, number]);
  return fallback;
}

/** SVG path data for one feature: "M x,y L … Z" per ring, coordinates rounded to 1 decimal, consecutive points closer than `minDistance` px (default 0.75) dropped (never dropping ring endpoints; each ring keeps ≥ 4 points). */
export function featurePath(feature: MapFeature, project: Projector, minDistance: number = DEFAULT_MIN_DISTANCE): string {
  if (Number.isNaN(minDistance)) throw new Error('Kreis map: minDistance must be a number, got NaN');
  let d = '';
  for (const polygon of polygonsOf(feature)) {
    for (const ring of polygon) {
      const points = simplifyRing(projectRing(ring, project), Math.max(0, minDistance));
      if (points.length === 0) continue;
      d += points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${fmt(x)},${fmt(y)}`).join('') + 'Z';
    }
  }
  return d;
}

// ---------------------------------------------------------------------------
// Classes and legend
// ---------------------------------------------------------------------------

function checkBreaks(breaks: readonly number[]): void {
  if (breaks.length === 0) throw new Error('Kreis map: breaks must not be empty');
  breaks.forEach((b, i) => {
    if (!Number.isInteger(b) || b < 1) throw new Error(`Kreis map: break ${i} must be a positive integer, got ${b}`);
    const prev = breaks[i - 1];
    if (prev !== undefined && b <= prev) throw new Error(`Kreis map: breaks must be strictly increasing, got ${breaks.join(', ')}`);
  });
}

/** Class breaks for counts: shade 0 = 0 projects, then classes from `breaks` (default [1, 3, 6, 11]) → shades 1..4. */
export function shadeFor(count: number, breaks: number[] = [...DEFAULT_BREAKS]): number {
  checkBreaks(breaks);
  if (!Number.isFinite(count) || count < 0) throw new Error(`Kreis map: count must be a non-negative number, got ${count}`);
  let shade = 0;
  for (const b of breaks) if (count >= b) shade++;
  return shade;
}

const numberDe = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });

function projekte(n: number): string {
  return n === 1 ? 'Projekt' : 'Projekte';
}

export function legendFor(breaks: number[] = [...DEFAULT_BREAKS]): MapLegendItem[] {
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

/** Signed area and area-weighted centroid of a projected ring (shoelace formula). */
function ringCentroid(points: Array<[number, number]>): { area: number; x: number; y: number } {
  let a = 0;
  let cx = 0;
  let cy = 0;
  const n = points.length;
  for (let i = 0; i < n; i++) {
    const [x0, y0] = points[i] as [number, number];
    const [x1, y1] = points[(i + 1) % n] as [number, number];
    const cross = x0 * y1 - x1 * y0;
    a += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  const area = a / 2;
  if (Math.abs(area) < 1e-9) {
    // Degenerate ring: use the vertex mean.
    const sx = points.reduce((s, p) => s + p[0], 0);
    const sy = points.reduce((s, p) => s + p[1], 0);
    return { area: 0, x: n > 0 ? sx / n : 0, y: n > 0 ? sy / n : 0 };
  }
  return { area, x: cx / (6 * area), y: cy / (6 * area) };
}

function labelPoint(feature: MapFeature, project: Projector): [number, number] {
  let best: { area: number; x: number; y: number } | undefined;
  for (const polygon of polygonsOf(feature)) {
    const outer = polygon[0]; // holes never carry the label
    if (!outer) continue;
    const points = outer.map(([lon = NaN, lat = NaN]) => project(lon, lat));
    const c = ringCentroid(points);
    if (!best || Math.abs(c.area) > Math.abs(best.area)) best = c;
  }
  return best ? [round1(best.x), round1(best.y)] : [0, 0];
}

/** Everything the component needs. counts: projects per Kreis ags (missing = 0). labelX/labelY: centroid of the largest ring (area-weighted polygon centroid in projected coordinates). */
export function buildKreisMap(
  features: MapFeature[],
  counts: ReadonlyMap<string, number>,
  options: { width?: number; breaks?: number[] } = {},
): KreisMap {
  const breaks = options.breaks ?? [...DEFAULT_BREAKS];
  checkBreaks(breaks);
  const { project, width, height } = createProjection(features, options.width ?? DEFAULT_WIDTH);
  const shapes = [...features]
    .sort((a, b) => (a.ags < b.ags ? -1 : a.ags > b.ags ? 1 : 0))
    .map((feature): MapShape => {
      const count = counts.get(feature.ags) ?? 0;
      const [labelX, labelY] = labelPoint(feature, project);
      return {
        ags: feature.ags,
        name: feature.name,
        kind: feature.kind,
        path: featurePath(feature, project),
        count,
        shade: shadeFor(count, breaks),
        labelX,
        labelY,
      };
    });
  return { viewBox: `0 0 ${width} ${height}`, width, height, shapes, legend: legendFor(breaks) };
}
