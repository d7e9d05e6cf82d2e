// Plants as circles: area proportional to the capacity counted for the year, colour by status; hollow
// when no capacity counts that year.
import type { GeoProjection } from 'd3-geo';
import { h } from '../shared/dom';
import { formatGwh, STATUS_COLORS, statusColor, statusLabel } from '../shared/plant-status';
import type { MapPlant } from './data';
import { svgElement } from './europe';

const PIXELS_PER_ROOT_GWH = 2.6;
const MIN_RADIUS = 4;

/** Radius for a capacity: area ∝ GWh, the same scale every year so years compare. */
export const radius = (gwh: number | null): number =>
  Math.max(MIN_RADIUS, PIXELS_PER_ROOT_GWH * Math.sqrt(Math.max(0, gwh ?? 0)));

/** How a plant reads aloud and in its tooltip. */
export function describePlant(plant: MapPlant, year: number): string {
  const capacity =
    plant.planned === null
      ? `no capacity counted for ${year}`
      : `${formatGwh(plant.planned)} a year planned for ${year}` +
        (plant.operating ? `, ${formatGwh(plant.operating)} operating` : '');
  const place = [plant.city?.name, plant.country?.name].filter(Boolean).join(', ');
  return `${plant.name}${place ? ` (${place})` : ''}: ${statusLabel(plant.status)}, ${capacity}`;
}

/** Ids of the plants whose discs hold the pointer, topmost first: neighbours (Douai and Billy-Berclau) overlap. */
function plantsUnder(layer: SVGGElement, event: MouseEvent): string[] {
  const matrix = layer.ownerSVGElement?.getScreenCTM();
  if (!matrix) return [];
  const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
  return Array.from(layer.querySelectorAll<SVGCircleElement>('circle.plant'))
    .filter((c) => Math.hypot(c.cx.baseVal.value - point.x, c.cy.baseVal.value - point.y) <= c.r.baseVal.value + 1)
    .reverse()
    .map((c) => c.dataset.id ?? '');
}

/**
 * Draws the placed plants, largest first so small ones stay clickable on top; returns the layer.
 * `onPick` gets the plants under a click (several where discs overlap), or the one focused on Enter or Space.
 */
export function drawPlants(
  plants: readonly MapPlant[],
  year: number,
  projection: GeoProjection,
  onPick: (ids: string[]) => void,
): SVGGElement {
  const layer = svgElement('g', { class: 'plants' });
  const placed = plants
    .filter((p) => p.location !== null)
    .sort((a, b) => (b.planned ?? 0) - (a.planned ?? 0) || a.name.localeCompare(b.name));
  for (const plant of placed) {
    const point = projection([plant.location!.longitude, plant.location!.latitude]);
    if (!point) continue;
    const label = describePlant(plant, year);
    const color = statusColor(plant.status);
    const hollow = plant.planned === null;
    const circle = svgElement('circle', {
      class: `plant${hollow ? ' plant-hollow' : ''}`,
      cx: point[0].toFixed(1),
      cy: point[1].toFixed(1),
      r: radius(plant.planned).toFixed(1),
      fill: hollow ? '#ffffff' : color,
      stroke: hollow ? color : '#1d2430',
      tabindex: '0',
      role: 'button',
      'aria-label': label,
      'data-id': plant.id,
      'data-status': plant.status ?? '',
      'data-planned': plant.planned === null ? '' : String(plant.planned),
    });
    circle.append(Object.assign(svgElement('title', {}), { textContent: label }));
    circle.addEventListener('click', (event) => {
      const under = plantsUnder(layer, event);
      onPick(under.length > 0 ? under : [plant.id]);
    });
    circle.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        onPick([plant.id]);
      }
    });
    layer.append(circle);
  }
  return layer;
}

/** A small SVG disc for the legend and the lists. */
export function swatch(status: string | null, gwh: number | null = 16): SVGSVGElement {
  const r = radius(gwh);
  const size = 2 * r + 2;
  const icon = svgElement('svg', {
    width: String(size),
    height: String(size),
    viewBox: `0 0 ${size} ${size}`,
    'aria-hidden': 'true',
    class: 'swatch',
  });
  const color = statusColor(status);
  icon.append(
    svgElement('circle', {
      cx: String(size / 2),
      cy: String(size / 2),
      r: String(r),
      fill: gwh === null ? '#ffffff' : color,
      stroke: gwh === null ? color : '#1d2430',
      'stroke-width': gwh === null ? '2' : '0.75',
    }),
  );
  return icon;
}

/** Colours by status, then sizes by capacity. */
export function legend(): HTMLElement {
  return h(
    'div',
    { className: 'legend-inner' },
    h(
      'ul',
      { className: 'legend-list', 'aria-label': 'Status' },
      ...Object.keys(STATUS_COLORS).map((status) =>
        h('li', { 'data-status': status }, swatch(status, 4), statusLabel(status)),
      ),
    ),
    h(
      'ul',
      { className: 'legend-list legend-sizes', 'aria-label': 'Capacity' },
      ...[5, 20, 60].map((gwh) => h('li', {}, swatch(null, gwh), `${gwh} GWh a year`)),
      h('li', {}, swatch('ANNOUNCED', null), 'Hollow: no capacity counted for the year'),
    ),
  );
}
