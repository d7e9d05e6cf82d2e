// Colour and shape of each node type (GraphQL __typename), shared by the graph views and their legend.
import { h } from './dom';

export interface TypeStyle {
  label: string;
  color: string;
  /** Cytoscape node shape. */
  shape: string;
  /** The same shape as an SVG path in a 20×20 box, for the legend. */
  icon: string;
}

export const TYPE_STYLES: Record<string, TypeStyle> = {
  Company: {
    label: 'Company',
    color: '#1f6fb4',
    shape: 'round-rectangle',
    icon: 'M3 5 Q3 3 5 3 H15 Q17 3 17 5 V15 Q17 17 15 17 H5 Q3 17 3 15 Z',
  },
  Partnership: { label: 'Partnership', color: '#c62828', shape: 'diamond', icon: 'M10 1 L19 10 L10 19 L1 10 Z' },
  Site: { label: 'Site', color: '#2e7d32', shape: 'triangle', icon: 'M10 2 L18.5 17.5 H1.5 Z' },
  Project: { label: 'Project', color: '#6a3d9a', shape: 'hexagon', icon: 'M5 2 H15 L19 10 L15 18 H5 L1 10 Z' },
  Person: { label: 'Person', color: '#e66100', shape: 'ellipse', icon: 'M10 2 A8 8 0 1 1 9.99 2 Z' },
  Milestone: {
    label: 'Milestone',
    color: '#00838f',
    shape: 'star',
    icon: 'M10 1 L12.4 7 L19 7.3 L13.8 11.4 L15.6 18 L10 14.2 L4.4 18 L6.2 11.4 L1 7.3 L7.6 7 Z',
  },
  Source: { label: 'Source', color: '#5f6368', shape: 'rectangle', icon: 'M3 2 H17 V18 H3 Z' },
  Evidence: { label: 'Evidence', color: '#ad1457', shape: 'tag', icon: 'M2 4 H13 L18 10 L13 16 H2 Z' },
};

const FALLBACK: TypeStyle = { label: 'Other', color: '#888888', shape: 'ellipse', icon: 'M10 2 A8 8 0 1 1 9.99 2 Z' };

export function typeStyle(typename: string): TypeStyle {
  return TYPE_STYLES[typename] ?? { ...FALLBACK, label: typename };
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A small coloured shape matching the graph's node for a type. */
export function typeIcon(typename: string, size = 16): SVGSVGElement {
  const style = typeStyle(typename);
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 20 20');
  svg.setAttribute('width', String(size));
  svg.setAttribute('height', String(size));
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'type-icon');
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', style.icon);
  path.setAttribute('fill', style.color);
  svg.appendChild(path);
  return svg;
}

/** A badge "◆ Partnership" for lists. */
export function typeBadge(typename: string): HTMLElement {
  return h(
    'span',
    { className: 'type-badge', 'data-type': typename },
    typeIcon(typename, 14),
    typeStyle(typename).label,
  );
}

/** Cytoscape style sheet entries giving each type its colour and shape. */
export function cytoscapeTypeStyles(): Array<{ selector: string; style: Record<string, string | number> }> {
  return Object.entries(TYPE_STYLES).map(([typename, style]) => ({
    selector: `node[type = "${typename}"]`,
    style: { 'background-color': style.color, shape: style.shape },
  }));
}
