// The legend: every node type with its shape and how many of its nodes are on the graph.
import type cytoscape from 'cytoscape';
import { h } from '../shared/dom';
import { TYPE_STYLES, typeIcon, typeStyle } from '../shared/node-types';

export function renderLegend(legend: HTMLElement, cy: cytoscape.Core): void {
  const counts = new Map<string, number>();
  cy.nodes().forEach((n) => {
    const type = n.data('type') as string;
    counts.set(type, (counts.get(type) ?? 0) + 1);
  });
  const types = [...new Set([...Object.keys(TYPE_STYLES), ...counts.keys()])];
  legend.replaceChildren(
    ...types.map((t) =>
      h(
        'li',
        { 'data-type': t },
        typeIcon(t, 18),
        h('span', { className: 'legend-label' }, typeStyle(t).label),
        h('span', { className: 'legend-count' }, String(counts.get(t) ?? 0)),
      ),
    ),
  );
}
