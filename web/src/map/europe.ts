// Europe drawn offline: Natural Earth countries (world-atlas, 1:50m) bundled by Vite as a chunk of its
// own and projected with d3-geo. Nothing is fetched from outside the server.
import { geoConicConformal, geoGraticule10, geoPath, type GeoPermissibleObjects, type GeoProjection } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

export const WIDTH = 960;
export const HEIGHT = 780;
export const SVG_NS = 'http://www.w3.org/2000/svg';

// Portugal to Türkiye, Crete to the North Cape: the countries the landscape covers.
const WEST = -11;
const EAST = 42;
const SOUTH = 34.5;
const NORTH = 71.5;

function frame(): GeoPermissibleObjects {
  // Points along the frame's edges: a conic projection bends the parallels, so corners alone would clip.
  const coordinates: [number, number][] = [];
  for (let lon = WEST; lon <= EAST; lon += 1) coordinates.push([lon, SOUTH], [lon, NORTH]);
  for (let lat = SOUTH; lat <= NORTH; lat += 1) coordinates.push([WEST, lat], [EAST, lat]);
  return { type: 'MultiPoint', coordinates };
}

export function europeProjection(): GeoProjection {
  return geoConicConformal()
    .rotate([-(WEST + EAST) / 2, 0])
    .parallels([40, 65])
    .fitExtent(
      [
        [6, 6],
        [WIDTH - 6, HEIGHT - 6],
      ],
      frame(),
    )
    .clipExtent([
      [0, 0],
      [WIDTH, HEIGHT],
    ]);
}

export function svgElement<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string>,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  return node;
}
type Countries = Topology<{ countries: GeometryCollection<{ name: string }> }>;

/** The base map: sea, graticule, countries and their borders, in a new SVG sized WIDTH × HEIGHT. */
export async function drawEurope(projection: GeoProjection): Promise<SVGSVGElement> {
  const topology = (await import('world-atlas/countries-50m.json')).default as unknown as Countries;
  const path = geoPath(projection);
  const root = svgElement('svg', {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    class: 'europe',
    role: 'group',
    'aria-label': 'Map of Europe',
  });
  root.append(
    svgElement('rect', { class: 'sea', x: '0', y: '0', width: String(WIDTH), height: String(HEIGHT) }),
    svgElement('path', { class: 'graticule', d: path(geoGraticule10()) ?? '' }),
  );
  const land = svgElement('g', { class: 'countries' });
  for (const country of feature(topology, topology.objects.countries).features) {
    const d = path(country);
    // Countries wholly outside the frame project to nothing once clipped.
    if (!d) continue;
    const shape = svgElement('path', { d, class: 'country' });
    shape.append(Object.assign(svgElement('title', {}), { textContent: country.properties.name }));
    land.append(shape);
  }
  root.append(
    land,
    svgElement('path', {
      class: 'borders',
      d: path(mesh(topology, topology.objects.countries, (a, b) => a !== b)) ?? '',
    }),
  );
  return root;
}
